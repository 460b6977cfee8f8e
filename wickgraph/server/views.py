"""HTTP views: the SPARQL 1.1 Protocol endpoint, the Graph Store, named queries and the explorer page.

Requests are parsed here, run by :mod:`wickgraph.server.engine` in a worker thread, and
every error becomes a short ``text/plain`` answer with its status; clients never see a
traceback.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from .. import __version__
from ..errors import NotFoundError, SPARQLSyntaxError, UsageError, WickgraphError
from ..queries import NamedQuery
from .engine import (
    RDF,
    RESULTS,
    Limits,
    NotAcceptable,
    Outcome,
    QueryRefused,
    QueryTimeout,
    StoreHolder,
    bind_params,
    execute,
    finish,
    offered,
    run_update,
)

__all__ = ["ServerState", "graph_store", "index", "named_query", "query_list", "sparql"]

MAX_QUERY_BYTES = 1 << 20
"""Largest query request body (1 MiB): more is answered 413."""

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class ServerState:
    """What the views share: the store, limits, the update switch and the named queries."""

    holder: StoreHolder
    limits: Limits
    queries: dict[str, NamedQuery]
    allow_update: bool = False
    token: str | None = None
    threads: int = 8
    max_upload: int = 1 << 28
    executor: ThreadPoolExecutor = field(init=False)
    runaway: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        # a plain executor: a query past its time limit just leaves its thread behind (see _in_thread)
        self.executor = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="wickgraph-query")


class HTTPProblem(Exception):
    """An error answer: status, one-line message and extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(message.rstrip("\n") + "\n", status_code=status, headers=headers,
                    media_type="text/plain; charset=utf-8")


def _respond(outcome: Outcome) -> Response:
    return Response(outcome.body, status_code=outcome.status, headers=outcome.headers, media_type=outcome.media_type)


def _problem(error: BaseException) -> Response:
    """The one place that turns an error into an answer."""
    if isinstance(error, HTTPProblem):
        return _text(error.status, error.message, error.headers)
    if isinstance(error, SPARQLSyntaxError):
        where = f" at line {error.lineno}, column {error.offset}" if error.lineno is not None else ""
        return _text(400, f"SPARQL syntax error{where}: {error.message}")
    if isinstance(error, NotAcceptable):
        return _text(406, f"{error}; this result is offered as: {', '.join(error.offered)}")
    if isinstance(error, QueryTimeout):
        return _text(503, str(error), {"Retry-After": "5"})
    if isinstance(error, QueryRefused):
        # SPARQL 1.1 Protocol §2.1.4: a refused query is answered 500; the message says why
        return _text(500, str(error))
    if isinstance(error, NotFoundError):
        return _text(404, str(error))
    if isinstance(error, WickgraphError):
        return _text(400, str(error))
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return _text(500, f"query evaluation failed: {first_line}")


def _gzip_ok(request: Request) -> bool:
    return "gzip" in request.headers.get("accept-encoding", "")


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise HTTPProblem(413, f"request body too large: {int(length):,} bytes; this server takes at most {limit:,}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPProblem(413, f"request body too large: over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _in_thread(state: ServerState, work: Callable[[threading.Event, float], Any]) -> Any:
    """Run ``work(cancel, started)`` in a worker thread under the time limit.

    A query past its limit is answered 503 at once; its thread keeps running until pyoxigraph
    hands back control (the next result chunk), since Rust code cannot be interrupted. While
    as many such threads run as there are workers, new queries are refused.
    """
    with state._lock:
        if state.runaway >= state.threads:
            raise HTTPProblem(503, "server busy: earlier queries are still running past their time limit",
                              {"Retry-After": "10"})
    cancel = threading.Event()
    started = time.monotonic()
    status = {"done": False, "abandoned": False}

    def run() -> Any:
        try:
            return work(cancel, started)
        finally:
            with state._lock:
                status["done"] = True
                if status["abandoned"]:
                    state.runaway -= 1

    try:
        async with asyncio.timeout(state.limits.timeout + 0.25):
            return await asyncio.get_running_loop().run_in_executor(state.executor, run)
    except TimeoutError:
        cancel.set()
        with state._lock:
            if not status["done"]:
                status["abandoned"] = True
                state.runaway += 1
        raise QueryTimeout(
            f"the query ran longer than {state.limits.timeout:g} s, this server's time limit; "
            "narrow it down (VALUES, FILTER, LIMIT) or ask for a longer --timeout"
        ) from None


async def _run_query(state: ServerState, request: Request, sparql: str, *,
                     default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> Response:
    accept = request.headers.get("accept")
    format_name = request.query_params.get("format")
    gzip_ok = _gzip_ok(request)

    def work(cancel: threading.Event, started: float) -> Outcome:
        return execute(
            state.holder.get(), sparql, accept=accept, format_name=format_name, limits=state.limits,
            started=started, cancel=cancel, gzip_ok=gzip_ok,
            default_graphs=default_graphs or (), named_graphs=named_graphs or (),
        )

    try:
        return _respond(await _in_thread(state, work))
    except Exception as error:  # every failure is answered, none is shown as a traceback
        return _problem(error)


def _check_token(state: ServerState, request: Request) -> None:
    if not state.allow_update:
        raise HTTPProblem(403, "this endpoint is read-only; start it with `wickgraph serve --allow-update "
                               "--token T` to accept SPARQL Update and Graph Store writes")
    given = request.headers.get("authorization", "")
    if not state.token or not hmac.compare_digest(given.encode(), f"Bearer {state.token}".encode()):
        raise HTTPProblem(401, "writes need the server's token: send `Authorization: Bearer <token>`",
                          {"WWW-Authenticate": 'Bearer realm="wickgraph"'})


# -- /sparql -------------------------------------------------------------------------------


async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: query by GET or POST (form or ``application/sparql-query``), update by POST."""
    state: ServerState = request.app.state.wick
    try:
        if request.method == "GET":
            params = request.query_params
            if "update" in params:
                raise HTTPProblem(400, "SPARQL Update must be sent with POST")
            queries = params.getlist("query")
            if not queries:
                return _service_description(state, request)
            fields: dict[str, list[str]] = {
                "query": queries,
                "default-graph-uri": params.getlist("default-graph-uri"),
                "named-graph-uri": params.getlist("named-graph-uri"),
            }
        else:
            body = await _read_body(request, MAX_QUERY_BYTES)
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            url_params = parse_qs(request.url.query, keep_blank_values=True)
            if media == "application/x-www-form-urlencoded":
                fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
                    fields.setdefault(key, url_params.get(key, []))
            elif media == "application/sparql-query":
                fields = {**url_params, "query": [body.decode("utf-8", "replace")]}
            elif media == "application/sparql-update":
                fields = {**url_params, "update": [body.decode("utf-8", "replace")]}
            else:
                raise HTTPProblem(415, "send the query as application/x-www-form-urlencoded (query=...), "
                                       "application/sparql-query or application/sparql-update")
        if "update" in fields:
            if "query" in fields:
                raise HTTPProblem(400, "send either query= or update=, not both")
            return await _update(state, request, fields["update"])
        queries = fields.get("query", [])
        if len(queries) != 1:
            raise HTTPProblem(400, "send exactly one query= parameter" if queries else "no query= in the request")
    except Exception as error:
        return _problem(error)
    return await _run_query(state, request, queries[0], default_graphs=fields.get("default-graph-uri"),
                            named_graphs=fields.get("named-graph-uri"))


async def _update(state: ServerState, request: Request, updates: list[str]) -> Response:
    _check_token(state, request)
    if len(updates) != 1:
        raise HTTPProblem(400, "send exactly one update= parameter")

    def work(cancel: threading.Event, started: float) -> None:
        run_update(state.holder, updates[0])

    await _in_thread(state, work)
    return Response(status_code=204)


_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS_NS = "http://www.w3.org/ns/formats/"
_SD_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


def _service_description(state: ServerState, request: Request) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    endpoint = ox.NamedNode(str(request.url.replace(query="", fragment="")))
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def sd(term: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + term)

    dataset, default_graph = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(endpoint, rdf_type, sd("Service")),
        ox.Triple(endpoint, sd("endpoint"), endpoint),
        ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(endpoint, sd("feature"), sd("BasicFederatedQuery")),
        ox.Triple(endpoint, ox.NamedNode("http://purl.org/dc/terms/title"),
                  ox.Literal(f"wickgraph {__version__} SPARQL endpoint (read-only)" if not state.allow_update
                             else f"wickgraph {__version__} SPARQL endpoint")),
        ox.Triple(endpoint, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, rdf_type, sd("Graph")),
    ]
    if state.allow_update:
        triples.append(ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Update")))
    triples += [ox.Triple(endpoint, sd("resultFormat"), ox.NamedNode(_FORMATS_NS + name)) for name in _SD_FORMATS]
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"sd": _SD, "formats": _FORMATS_NS}) or b""
    return _respond(finish(body, "text/turtle; charset=utf-8", _gzip_ok(request)))


# -- /store: SPARQL 1.1 Graph Store Protocol -----------------------------------------------


def _target_graph(request: Request) -> str | None:
    params = request.query_params
    if "graph" in params and "default" in params:
        raise HTTPProblem(400, "give either ?graph=IRI or ?default, not both")
    if "graph" in params:
        iri = params["graph"]
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise HTTPProblem(400, f"?graph={iri!r} is not an absolute IRI") from None
        return iri
    if "default" in params:
        return None
    raise HTTPProblem(400, "name the graph: ?graph=IRI or ?default")


async def graph_store(request: Request) -> Response:
    """Graph Store Protocol: GET reads a graph; PUT, POST and DELETE need ``--allow-update`` and the token."""
    state: ServerState = request.app.state.wick
    try:
        graph = _target_graph(request)
        if request.method == "GET":
            if graph is not None and not state.holder.get().raw.contains_named_graph(ox.NamedNode(graph)):
                raise HTTPProblem(404, f"no graph <{graph}> in this store")
            where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
            return await _run_query(state, request, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
        _check_token(state, request)
        if graph is None:
            raise HTTPProblem(400, "this server writes named graphs only: use ?graph=IRI")
        if request.method == "DELETE":
            deleted: Response = await _in_thread(state, lambda cancel, started: _delete_graph(state, graph))
            return deleted
        body = await _read_body(request, state.max_upload)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        rdf_format = ox.RdfFormat.from_media_type(media) if media else None
        if rdf_format is None:
            raise HTTPProblem(415, f"unknown RDF media type {media!r}; send text/turtle or application/n-triples")
        replace = request.method == "PUT"
        written: Response = await _in_thread(
            state, lambda cancel, started: _write_graph(state, graph, body, rdf_format, replace))
        return written
    except Exception as error:
        return _problem(error)


def _write_graph(state: ServerState, graph: str, body: bytes, rdf_format: ox.RdfFormat, replace: bool) -> Response:
    target = ox.NamedNode(graph)
    try:  # parse everything before touching the store
        quads = [ox.Quad(q.subject, q.predicate, q.object, target)
                 for q in ox.parse(body, format=rdf_format, base_iri=graph)]
    except SyntaxError as error:
        raise HTTPProblem(400, f"RDF syntax error at line {error.lineno}, column {error.offset}: "
                               f"{str(error.msg).splitlines()[0]}") from None
    store = state.holder.get()
    existed = store.raw.contains_named_graph(target)
    if replace:
        store.replace_graph(graph, quads)
        if not quads:
            store.raw.add_graph(target)
    else:
        store.extend(quads)
    state.holder.changed()
    return Response(status_code=204 if existed else 201)


def _delete_graph(state: ServerState, graph: str) -> Response:
    store = state.holder.get()
    if not store.raw.contains_named_graph(ox.NamedNode(graph)):
        raise HTTPProblem(404, f"no graph <{graph}> in this store")
    store.remove_graph(graph)
    state.holder.changed()
    return Response(status_code=204)


# -- named queries and the page ------------------------------------------------------------


def _query_json(query: NamedQuery) -> dict[str, Any]:
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "params": [{"name": p.name, "description": p.description, "default": p.default} for p in query.params],
        "url": f"/queries/{query.name}",
        "sparql": query.sparql,
    }


async def query_list(request: Request) -> Response:
    """``/queries``: every named query with its title, description, parameters and SPARQL text."""
    state: ServerState = request.app.state.wick
    body = json.dumps([_query_json(q) for q in state.queries.values()], ensure_ascii=False, indent=1).encode()
    return _respond(finish(body, "application/json", _gzip_ok(request)))


async def named_query(request: Request) -> Response:
    """``/queries/<name>?param=value``: run one named query, content-negotiated like ``/sparql``."""
    state: ServerState = request.app.state.wick
    name = request.path_params["name"]
    try:
        query = state.queries.get(name)
        if query is None:
            import difflib

            close = difflib.get_close_matches(name, list(state.queries), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see /queries"
            raise HTTPProblem(404, f"no named query {name!r}{hint}")
        values = bind_params({k: v for k, v in request.query_params.items() if k != "format"})
        sparql_text = query.bind(values)
    except (HTTPProblem, UsageError) as error:
        return _problem(error)
    return await _run_query(state, request, sparql_text)


def _render(template: str, **values: str) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{ " + key + " }}", value)
    return text


async def index(request: Request) -> Response:
    """``/``: the explorer page (YASGUI with the named queries as tabs, and a graph view)."""
    state: ServerState = request.app.state.wick
    queries = json.dumps([_query_json(q) for q in state.queries.values()], ensure_ascii=False)
    page = _render(
        "index.html",
        version=__version__,
        queries_json=queries.replace("</", "<\\/"),
        offered_results=", ".join(f.media_type for f in offered(RESULTS)),
        offered_rdf=", ".join(f.media_type for f in offered(RDF)),
    )
    return _respond(finish(page.encode(), "text/html; charset=utf-8", _gzip_ok(request)))
