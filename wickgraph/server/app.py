"""The app factory: ``create_app(...)`` gives a Starlette app that tests drive in-process.

``wickgraph serve`` runs the same app under uvicorn (httptools + uvloop from
``uvicorn[standard]``); with ``--workers N`` each worker process builds its app from the
configuration that :func:`serve` puts in the environment (:func:`app_from_env`).

>>> from wickgraph.store import Store
>>> from starlette.testclient import TestClient
>>> client = TestClient(create_app(store=Store()))
>>> client.get("/sparql", params={"query": "ASK {}"}).json()
{'head': {}, 'boolean': True}
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import UsageError, WickgraphError
from ..queries import NamedQuery, discover
from ..store import Store, open_store
from . import pages, views
from .engine import Limits, StoreHolder
from .pool import ProcessPool, StoreSource, ThreadRunner

__all__ = ["ServerConfig", "app_from_env", "create_app", "serve"]

STATIC = Path(__file__).resolve().parent / "static"
_ENV = "WICKGRAPH_SERVE_CONFIG"


@dataclass(frozen=True)
class ServerConfig:
    """Everything ``wickgraph serve`` can set, JSON-serialisable so worker processes can read it."""

    store: str | None = None
    timeout: float = 30.0
    max_rows: int = 100_000
    allow_update: bool = False
    token: str | None = None
    query_workers: int = 4
    queries_dir: str | None = None
    in_memory: bool | None = None
    allow_service: tuple[str, ...] = ()
    data: str | None = None


def create_app(
    store: Store | None = None,
    *,
    store_path: str | Path | None = None,
    timeout: float = 30.0,
    max_rows: int = 100_000,
    allow_update: bool = False,
    token: str | None = None,
    query_workers: int = 4,
    per_client: int | None = None,
    queries: dict[str, NamedQuery] | None = None,
    queries_dir: str | Path | None = None,
    in_memory: bool | None = None,
    allow_service: Sequence[str] = (),
    data_dir: str | Path | None = None,
) -> Starlette:
    """The wickgraph web app over ``store`` (an object) or the store at ``store_path``.

    A store given by path is served read-only by ``query_workers`` worker processes (each
    from an in-memory snapshot when it is small, or with ``in_memory=True``; see
    :class:`~wickgraph.server.engine.StoreHolder`), which are killed at the time limit and
    reopen the store when a writer calls :func:`wickgraph.store.mark_changed`. With
    ``allow_update`` it is opened for writing in this process, queries run in threads, and
    SPARQL Update / Graph Store writes are accepted from clients that send ``token``. One
    client (address) runs at most ``per_client`` queries at a time (default: all workers but
    one). SERVICE may call only the endpoints in ``allow_service``. Resource pages and search
    (:mod:`wickgraph.server.pages`) run their own fixed queries in this process. With
    ``allow_update``, editors curate reviews of ``data_dir`` at ``/curate``.
    """
    if allow_update and not token:
        raise UsageError("--allow-update needs --token T: writes are accepted only with that bearer token")
    for endpoint in allow_service:
        _check_service_url(endpoint)
    limits = Limits(timeout=timeout, max_rows=max_rows)
    share = per_client if per_client is not None else max(1, query_workers - 1)
    holder: StoreHolder
    runner: ProcessPool | ThreadRunner
    if store is not None:
        holder = StoreHolder(store)
        runner = ThreadRunner(holder, limits, query_workers, share)
    else:
        if allow_update:  # under the data folder's lock, after recovery (wickgraph.transaction)
            from ..resources import default_data_dir
            from ..transaction import open_for_writing

            opened = open_for_writing(Path(data_dir) if data_dir else default_data_dir(),
                                      Path(store_path) if store_path else None)
        else:
            opened = open_store(store_path, read_only=True)  # a missing store says how to build it
        assert opened.path is not None
        if allow_update:
            holder = StoreHolder(opened, path=opened.path, writable=True)
            runner = ThreadRunner(holder, limits, query_workers, share)
        else:
            opened.close()
            runner = ProcessPool(StoreSource(str(opened.path), in_memory), limits, query_workers, share)
            # clients' queries go to the workers; the pages' own fixed queries read the store on disk
            # in this process (no second in-memory copy of it here)
            holder = StoreHolder(path=opened.path, in_memory=False)
    state = views.ServerState(
        runner=runner,
        holder=holder,
        limits=limits,
        queries=queries if queries is not None else discover(Path(queries_dir) if queries_dir else None),
        allow_update=allow_update,
        token=token,
        allowed_services=tuple(allow_service),
    )
    methods = ["GET", "POST", "PUT", "DELETE", "HEAD"] if allow_update else ["GET", "POST", "HEAD"]
    routes = [
        Route("/", views.index, methods=["GET", "HEAD"]),
        Route("/sparql", views.sparql, methods=["GET", "HEAD", "POST"]),
        Route("/store", views.graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
        Route("/queries", views.query_list, methods=["GET", "HEAD"]),
        Route("/queries/{name}", views.named_query, methods=["GET", "HEAD"]),
        # resource pages and search (Linked Data: one path per resource, HTML or RDF by Accept)
        Route("/id/{kind}/{path:path}", pages.resource, methods=["GET", "HEAD"]),
        Route("/search", pages.search_page, methods=["GET", "HEAD"]),
        Route("/search.json", pages.search_json, methods=["GET"]),
        Route("/queries/{name}/sparql", pages.bound_query, methods=["GET"]),
        Route("/prefixes.json", pages.prefixes, methods=["GET"]),
        Mount("/static", app=GZipMiddleware(StaticFiles(directory=STATIC), minimum_size=1400, compresslevel=6),
              name="static"),
    ]
    middleware = [
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=methods,
                   allow_headers=["Accept", "Authorization", "Content-Type"], max_age=86400),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        runner.start()
        yield
        runner.close()

    # the curation page (wickgraph.server.curate): answers 403 unless the server is writable
    from . import curate

    routes += curate.routes()
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={WickgraphError: views.error_response})
    app.state.wick = state
    pages.warm_up(holder)
    if allow_update and token:
        from ..resources import default_data_dir
        from ..reviews import _editor

        app.state.curate = curate.CurationState(token, Path(data_dir) if data_dir else default_data_dir(), holder,
                                                editor=_editor())
    return app


def _check_service_url(endpoint: str) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--allow-service {endpoint!r}: not an http(s) URL of a SPARQL endpoint")


def app_from_env() -> Starlette:
    """The app of one uvicorn worker, configured by :func:`serve` through the environment."""
    config = ServerConfig(**json.loads(os.environ[_ENV]))
    return create_app(
        store_path=config.store, timeout=config.timeout, max_rows=config.max_rows,
        allow_update=config.allow_update, token=config.token, query_workers=config.query_workers,
        queries_dir=config.queries_dir, in_memory=config.in_memory, allow_service=tuple(config.allow_service),
        data_dir=config.data,
    )


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; a busy port or unknown address is a one-line error."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as error:
        sock.close()
        reason = error.strerror or str(error)
        raise UsageError(f"cannot listen on {host}:{port}: {reason[:1].lower() + reason[1:]}"
                         + ("; is another server running there? pick another --port" if error.errno == 98 else "")
                         ) from None
    sock.set_inheritable(True)
    return sock


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 7878, workers: int = 1,
          log_level: str = "warning", ready: Callable[[str], None] | None = None) -> None:
    """Run the server until interrupted (uvicorn with httptools and uvloop).

    The store is opened and the port bound before ``ready(url)`` is called, so a missing
    store or a busy port is reported before anything says the server is up.
    """
    import uvicorn

    if config.allow_update and workers != 1:
        raise UsageError("--allow-update opens the store for writing, which one process can do: use --workers 1")
    app_config = asdict(config)
    if config.store is None:
        from ..resources import default_store_dir

        app_config["store"] = str(default_store_dir())
    os.environ[_ENV] = json.dumps(app_config)
    app = app_from_env() if workers == 1 else None
    if app is None:
        open_store(app_config["store"], read_only=True).close()  # a missing store is reported before any worker
    sock = listen(host, port)
    bound_port = sock.getsockname()[1]
    if ready is not None:
        ready(f"http://{host if ':' not in host else f'[{host}]'}:{bound_port}/")
    options = {"http": "httptools", "loop": "uvloop", "log_level": log_level, "access_log": False,
               "server_header": False}
    if app is not None:
        server = uvicorn.Server(uvicorn.Config(app, **options))  # type: ignore[arg-type]
        server.run(sockets=[sock])
        return
    uvicorn.run("wickgraph.server.app:app_from_env", factory=True, workers=workers, fd=sock.fileno(),
                **options)  # type: ignore[arg-type]
