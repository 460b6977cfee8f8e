"""HTTP views: the SPARQL 1.1 Protocol endpoint, the Graph Store, named queries and the explorer page.

Requests are parsed here and run by a runner of :mod:`wickgraph.server.pool` (worker
processes, or threads over a store object). Views only raise: every
:class:`~wickgraph.errors.WickgraphError` becomes a one-line ``text/plain`` answer with its
``http_status`` in :func:`error_response`, the app's one exception handler; clients never
see a traceback.
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from .. import __version__
from ..errors import InputError, NotFoundError, SPARQLSyntaxError, WickgraphError
from ..namespaces import DCTERMS, SD, W3C_FORMATS
from ..namespaces import RDF as RDF_TERMS
from ..queries import NamedQuery
from ..sparqltext import add_using, dataset_clauses
from .engine import (
    RDF,
    RESULTS,
    Limits,
    Outcome,
    QueryJob,
    StoreHolder,
    check_services,
    finish,
    offered,
    run_update,
)
from .pool import ProcessPool, ThreadRunner

__all__ = ["RequestRefused", "ServerState", "error_response", "graph_store", "index", "named_query",
           "query_list", "select_json", "sparql"]

MAX_QUERY_BYTES = 1 << 20
"""Largest query request body (1 MiB): more is answered 413."""

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class ServerState:
    """What the views share: the runner, limits, the update switch, SERVICE allow-list and named queries."""

    runner: ProcessPool | ThreadRunner
    limits: Limits
    queries: dict[str, NamedQuery]
    holder: StoreHolder | None = None
    """The store this process writes (``--allow-update``), else None."""
    allow_update: bool = False
    token: str | None = None
    allowed_services: tuple[str, ...] = ()
    max_upload: int = 1 << 28


class RequestRefused(InputError):
    """A request the server will not take, with the HTTP status that says why (401, 403, 413, 415, 400)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message, headers=headers)
        self.http_status = status


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(message.rstrip("\n") + "\n", status_code=status, headers=headers,
                    media_type="text/plain; charset=utf-8")


def _respond(outcome: Outcome) -> Response:
    return Response(outcome.body, status_code=outcome.status, headers=outcome.headers, media_type=outcome.media_type)


async def error_response(request: Request, error: Exception) -> Response:
    """The app's one exception handler: a wickgraph error as one line of text with its HTTP status."""
    assert isinstance(error, WickgraphError)
    if isinstance(error, SPARQLSyntaxError):
        where = f" at line {error.lineno}, column {error.offset}" if error.lineno is not None else ""
        return _text(error.http_status, f"SPARQL syntax error{where}: {error.message}", error.headers)
    return _text(error.http_status, str(error), error.headers)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _gzip_ok(request: Request) -> bool:
    return "gzip" in request.headers.get("accept-encoding", "")


def _endpoint_url(request: Request) -> str:
    return str(request.url.replace(query="", fragment=""))


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise RequestRefused(413, f"request body too large: {int(length):,} bytes; this server takes at most {limit:,}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestRefused(413, f"request body too large: over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _run_query(state: ServerState, request: Request, sparql: str, *, started: float,
                     default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = (),
                     require_graph: str | None = None) -> Response:
    check_services(sparql, state.allowed_services)
    job = QueryJob(
        sparql, started, accept=request.headers.get("accept"), format_name=request.query_params.get("format"),
        gzip_ok=_gzip_ok(request), default_graphs=tuple(default_graphs), named_graphs=tuple(named_graphs),
        base_iri=_endpoint_url(request), require_graph=require_graph,
    )
    return _respond(await state.runner.run(job, _client(request)))


async def select_json(state: ServerState, request: Request, sparql: str) -> dict[str, Any]:
    """A SELECT or ASK run like any client's query (in a worker, under the limits), as SPARQL JSON.

    Views that read the store go through here: in a read-only server only the workers hold it.
    """
    job = QueryJob(sparql, time.monotonic(), accept="application/sparql-results+json",
                   base_iri=_endpoint_url(request))
    outcome = await state.runner.run(job, _client(request))
    answer: dict[str, Any] = json.loads(outcome.body)
    return answer


def _check_token(state: ServerState, request: Request) -> StoreHolder:
    if not state.allow_update or state.holder is None:
        raise RequestRefused(403, "this endpoint is read-only; start it with `wickgraph serve --allow-update "
                                  "--token T` to accept SPARQL Update and Graph Store writes")
    scheme, _, given = request.headers.get("authorization", "").strip().partition(" ")
    # the scheme is case-insensitive (RFC 9110 §11.1); the token is compared in constant time
    if not state.token or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                                  state.token.encode()):
        raise RequestRefused(401, "writes need the server's token: send `Authorization: Bearer <token>`",
                             {"WWW-Authenticate": 'Bearer realm="wickgraph"'})
    return state.holder


# -- /sparql -------------------------------------------------------------------------------

_DATASET_FIELDS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: query by GET (or HEAD) or POST (form or ``application/sparql-query``), update by POST."""
    state: ServerState = request.app.state.wick
    started = time.monotonic()
    if request.method in ("GET", "HEAD"):
        params = request.query_params
        if "update" in params:
            raise RequestRefused(400, "SPARQL Update must be sent with POST")
        queries = params.getlist("query")
        if not queries:
            return _service_description(state, request)
        fields: dict[str, list[str]] = {"query": queries, **{key: params.getlist(key) for key in _DATASET_FIELDS}}
    else:
        body = await _read_body(request, MAX_QUERY_BYTES)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        url_params = parse_qs(request.url.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            fields = _form(_utf8(body))
            for key in _DATASET_FIELDS:
                fields.setdefault(key, url_params.get(key, []))
        elif media == "application/sparql-query":
            fields = {**url_params, "query": [_utf8(body)]}
        elif media == "application/sparql-update":
            fields = {**url_params, "update": [_utf8(body)]}
        else:
            raise RequestRefused(415, "send the query as application/x-www-form-urlencoded (query=...), "
                                      "application/sparql-query or application/sparql-update")
    if "update" in fields:
        if "query" in fields:
            raise RequestRefused(400, "send either query= or update=, not both")
        return await _update(state, request, fields)
    queries = fields.get("query", [])
    if len(queries) != 1:
        raise RequestRefused(400, "send exactly one query= parameter" if queries else "no query= in the request")
    return await _run_query(state, request, queries[0], started=started,
                            default_graphs=fields.get("default-graph-uri", []),
                            named_graphs=fields.get("named-graph-uri", []))


def _utf8(body: bytes) -> str:
    """A request body as text: the protocol sends UTF-8, and nothing else is guessed at."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RequestRefused(400, f"the request body is not UTF-8 (byte {error.start}); "
                                  "SPARQL requests are sent in UTF-8") from None


def _form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise RequestRefused(400, f"the form is not UTF-8 once percent-decoded (byte {error.start}); "
                                  "SPARQL requests are sent in UTF-8") from None


async def _update(state: ServerState, request: Request, fields: dict[str, list[str]]) -> Response:
    holder = _check_token(state, request)
    updates = fields["update"]
    if len(updates) != 1:
        raise RequestRefused(400, "send exactly one update= parameter")
    update = updates[0]
    using, using_named = fields.get("using-graph-uri", []), fields.get("using-named-graph-uri", [])
    if using or using_named:
        # SPARQL 1.1 Protocol §2.2.3: the request's dataset and the update's own may not both be given
        if dataset_clauses(update):
            raise RequestRefused(400, "the update names its dataset (USING, USING NAMED or WITH) and the request "
                                      "gives using-graph-uri/using-named-graph-uri: give one or the other")
        for iri in (*using, *using_named):
            try:
                ox.NamedNode(iri)
            except ValueError:
                raise RequestRefused(400, f"using-graph-uri / using-named-graph-uri {iri!r} is not an IRI") from None
        update = add_using(update, using, using_named)
    check_services(update, state.allowed_services)
    base = _endpoint_url(request)
    await state.runner.call(lambda: run_update(holder, update, base_iri=base), _client(request))
    return Response(status_code=204)


_SD_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


def _service_description(state: ServerState, request: Request) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in Turtle.

    It says whether SERVICE is allowed: ``sd:BasicFederatedQuery`` only with an allow-list,
    and a description naming the endpoints this server calls (or that federation is off).
    """
    endpoint = ox.NamedNode(_endpoint_url(request))
    rdf_type = ox.NamedNode(RDF_TERMS.type)

    def sd(term: str) -> ox.NamedNode:
        return ox.NamedNode(SD.term(term))

    dataset, default_graph = ox.BlankNode(), ox.BlankNode()
    if state.allowed_services:
        federation = ("SERVICE calls only these endpoints: "
                      + ", ".join(f"<{iri}>" for iri in state.allowed_services) + "; others are refused (400).")
    else:
        federation = "SERVICE is off: queries that use it are refused (400)."
    triples = [
        ox.Triple(endpoint, rdf_type, sd("Service")),
        ox.Triple(endpoint, sd("endpoint"), endpoint),
        ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(endpoint, ox.NamedNode(DCTERMS.term("title")),
                  ox.Literal(f"wickgraph {__version__} SPARQL endpoint (read-only)" if not state.allow_update
                             else f"wickgraph {__version__} SPARQL endpoint")),
        ox.Triple(endpoint, ox.NamedNode(DCTERMS.description), ox.Literal(federation)),
        ox.Triple(endpoint, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, rdf_type, sd("Graph")),
    ]
    if state.allowed_services:
        triples.append(ox.Triple(endpoint, sd("feature"), sd("BasicFederatedQuery")))
    if state.allow_update:
        triples.append(ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Update")))
    triples += [ox.Triple(endpoint, sd("resultFormat"), ox.NamedNode(W3C_FORMATS.term(name))) for name in _SD_FORMATS]
    prefixes = {"sd": str(SD), "formats": str(W3C_FORMATS)}
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
    return _respond(finish(body, "text/turtle; charset=utf-8", _gzip_ok(request)))


# -- /store: SPARQL 1.1 Graph Store Protocol -----------------------------------------------


def _target_graph(request: Request) -> str | None:
    params = request.query_params
    if "graph" in params and "default" in params:
        raise RequestRefused(400, "give either ?graph=IRI or ?default, not both")
    if "graph" in params:
        iri = params["graph"]
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise RequestRefused(400, f"?graph={iri!r} is not an absolute IRI") from None
        return iri
    if "default" in params:
        return None
    raise RequestRefused(400, "name the graph: ?graph=IRI or ?default")


async def graph_store(request: Request) -> Response:
    """Graph Store Protocol: GET reads a graph; PUT, POST and DELETE need ``--allow-update`` and the token."""
    state: ServerState = request.app.state.wick
    started = time.monotonic()
    graph = _target_graph(request)
    if request.method in ("GET", "HEAD"):
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        return await _run_query(state, request, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", started=started,
                                require_graph=graph)
    holder = _check_token(state, request)
    if graph is None:
        raise RequestRefused(400, "this server writes named graphs only: use ?graph=IRI")
    if request.method == "DELETE":
        deleted: Response = await state.runner.call(lambda: _delete_graph(holder, graph), _client(request))
        return deleted
    body = await _read_body(request, state.max_upload)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    rdf_format = ox.RdfFormat.from_media_type(media) if media else None
    if rdf_format is None:
        raise RequestRefused(415, f"unknown RDF media type {media!r}; send text/turtle or application/n-triples")
    replace = request.method == "PUT"
    written: Response = await state.runner.call(lambda: _write_graph(holder, graph, body, rdf_format, replace),
                                                _client(request))
    return written


def _write_graph(holder: StoreHolder, graph: str, body: bytes, rdf_format: ox.RdfFormat, replace: bool) -> Response:
    target = ox.NamedNode(graph)
    try:  # parse everything before touching the store
        quads = [ox.Quad(q.subject, q.predicate, q.object, target)
                 for q in ox.parse(body, format=rdf_format, base_iri=graph)]
    except SyntaxError as error:
        raise RequestRefused(400, f"RDF syntax error at line {error.lineno}, column {error.offset}: "
                                  f"{str(error.msg).splitlines()[0]}") from None
    store = holder.get()
    existed = store.has_graph(graph)
    if replace:
        store.replace_graph(graph, quads)
        if not quads:
            store.add_graph(graph)
    else:
        store.extend(quads)
    holder.changed()
    return Response(status_code=204 if existed else 201)


def _delete_graph(holder: StoreHolder, graph: str) -> Response:
    store = holder.get()
    if not store.has_graph(graph):
        raise NotFoundError(f"no graph <{graph}> in this store")
    store.remove_graph(graph)
    holder.changed()
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
    """``/queries/<name>?param=value``: run one named query, content-negotiated like ``/sparql``.

    Parameters are bound by the same code as the CLI's ``--param`` (:meth:`NamedQuery.bind`).
    """
    state: ServerState = request.app.state.wick
    started = time.monotonic()
    name = request.path_params["name"]
    query = state.queries.get(name)
    if query is None:
        import difflib

        close = difflib.get_close_matches(name, list(state.queries), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see /queries"
        raise NotFoundError(f"no named query {name!r}{hint}")
    values: dict[str, str] = {}
    for key in request.query_params:
        if key == "format":
            continue
        given = [value for value in request.query_params.getlist(key) if value != ""]  # a form sends empty fields
        if len(given) > 1:
            raise RequestRefused(400, f"parameter {key} is given {len(given)} times; a parameter takes one value")
        if given:
            values[key] = given[0]
    return await _run_query(state, request, query.bind(values), started=started)


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
