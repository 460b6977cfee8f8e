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
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..queries import NamedQuery, discover
from ..store import Store, open_store
from . import views
from .engine import Limits, StoreHolder

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
    threads: int = 8
    queries_dir: str | None = None
    in_memory: bool | None = None
    data: str | None = None


def create_app(
    store: Store | None = None,
    *,
    store_path: str | Path | None = None,
    timeout: float = 30.0,
    max_rows: int = 100_000,
    allow_update: bool = False,
    token: str | None = None,
    threads: int = 8,
    queries: dict[str, NamedQuery] | None = None,
    queries_dir: str | Path | None = None,
    in_memory: bool | None = None,
    data_dir: str | Path | None = None,
) -> Starlette:
    """The wickgraph web app over ``store`` (in memory or open) or the store at ``store_path``.

    A store given by path is served read-only (from an in-memory snapshot when it is small,
    or with ``in_memory=True``; see :class:`~wickgraph.server.engine.StoreHolder`) and
    reopened when a writer calls :func:`wickgraph.store.mark_changed`; with ``allow_update``
    it is opened for writing and SPARQL Update / Graph Store writes are accepted from
    clients that send ``token``, and editors curate reviews of ``data_dir`` at ``/curate``.
    """
    if allow_update and not token:
        from ..errors import UsageError

        raise UsageError("--allow-update needs --token T: writes are accepted only with that bearer token")
    if store is not None:
        holder = StoreHolder(store)
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
        else:
            opened.close()
            holder = StoreHolder(path=opened.path, in_memory=in_memory)
    state = views.ServerState(
        holder=holder,
        limits=Limits(timeout=timeout, max_rows=max_rows),
        queries=queries if queries is not None else discover(Path(queries_dir) if queries_dir else None),
        allow_update=allow_update,
        token=token,
        threads=threads,
    )
    methods = ["GET", "POST", "PUT", "DELETE", "HEAD"] if allow_update else ["GET", "POST", "HEAD"]
    routes = [
        Route("/", views.index, methods=["GET", "HEAD"]),
        Route("/sparql", views.sparql, methods=["GET", "POST"]),
        Route("/store", views.graph_store, methods=["GET", "PUT", "POST", "DELETE"]),
        Route("/queries", views.query_list, methods=["GET"]),
        Route("/queries/{name}", views.named_query, methods=["GET"]),
        Mount("/static", app=GZipMiddleware(StaticFiles(directory=STATIC), minimum_size=1400, compresslevel=6),
              name="static"),
    ]
    middleware = [
        Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=methods,
                   allow_headers=["Accept", "Authorization", "Content-Type"], max_age=86400),
    ]
    # the curation page (wickgraph.server.curate): answers 403 unless the server is writable
    from . import curate

    routes += curate.routes()
    app = Starlette(routes=routes, middleware=middleware)
    app.state.wick = state
    if allow_update and token:
        from ..resources import default_data_dir
        from ..reviews import _editor

        app.state.curate = curate.CurationState(token, Path(data_dir) if data_dir else default_data_dir(), holder,
                                                editor=_editor())
    return app


def app_from_env() -> Starlette:
    """The app of one uvicorn worker, configured by :func:`serve` through the environment."""
    config = ServerConfig(**json.loads(os.environ[_ENV]))
    return create_app(
        store_path=config.store, timeout=config.timeout, max_rows=config.max_rows,
        allow_update=config.allow_update, token=config.token, threads=config.threads,
        queries_dir=config.queries_dir, in_memory=config.in_memory, data_dir=config.data,
    )


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 7878, workers: int = 1,
          log_level: str = "warning") -> None:
    """Run the server until interrupted (uvicorn with httptools and uvloop)."""
    import uvicorn

    if config.allow_update and workers != 1:
        from ..errors import UsageError

        raise UsageError("--allow-update opens the store for writing, which one process can do: use --workers 1")
    # open once here so a missing or locked store is reported before any worker starts
    app_config = asdict(config)
    if config.store is None:
        from ..resources import default_store_dir

        app_config["store"] = str(default_store_dir())
    os.environ[_ENV] = json.dumps(app_config)
    if workers == 1:
        app = app_from_env()
        uvicorn.run(app, host=host, port=port, http="httptools", loop="uvloop", log_level=log_level,
                    access_log=False, server_header=False)
        return
    open_store(app_config["store"], read_only=True).close()
    uvicorn.run("wickgraph.server.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                http="httptools", loop="uvloop", log_level=log_level, access_log=False, server_header=False)
