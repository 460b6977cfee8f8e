"""Remote SPARQL endpoints: run queries on them, push the store's graphs to them.

:func:`query_endpoint` asks any SPARQL 1.1 endpoint (through httpx, as :func:`push` does) for SPARQL JSON
or N-Triples and parses the answer with pyoxigraph, so callers get the very result types
:meth:`wickgraph.store.Store.query` returns. :func:`push` writes each named graph with one
Graph Store Protocol ``PUT``, so pushing twice leaves the remote store as it was.

Every failure is a :class:`~wickgraph.errors.RemoteError` whose message names the endpoint
and says what happened: unreachable, timed out, or the HTTP status with the first line of
the endpoint's own message.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from .errors import RemoteError
from .sparqltext import query_form
from .store import QueryResult, Store

__all__ = ["ChallengeAuth", "PushReport", "default_graph_store", "push", "query_endpoint", "query_form"]

Progress = Callable[[str, int, int], None]
"""``progress(step, done, total)``, the same callback shape as :func:`wickgraph.build.build` takes."""

_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"


def _first_line(body: bytes | str | None) -> str:
    """The endpoint's message, first meaningful line, HTML tags dropped, at most 300 characters."""
    if not body:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = re.sub(r"<[^>]+>", " ", text)
    for line in text.splitlines():
        if line.strip():
            return re.sub(r"\s+", " ", line.strip())[:300]
    return ""


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(f"{url!r} is not an http(s) URL of a SPARQL endpoint")


def query_endpoint(
    url: str,
    sparql: str,
    *,
    timeout: float = 60.0,
    headers: Mapping[str, str] | None = None,
    auth: tuple[str, str] | None = None,
) -> QueryResult:
    """Run a query on a SPARQL 1.1 endpoint; return pyoxigraph's ``QuerySolutions``, ``QueryBoolean``, ``QueryTriples``.

    The query goes as an HTML form POST (SPARQL 1.1 Protocol, "query via URL-encoded POST").
    ``headers`` are sent as given (``{"Authorization": "Bearer T"}``); ``auth`` is a
    ``(user, password)`` pair for HTTP Basic. ``timeout`` bounds each network wait, in seconds.
    """
    _check_url(url)
    graph_result = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
    sent = {"Accept": _GRAPH_ACCEPT if graph_result else _RESULTS_ACCEPT, "User-Agent": "wickgraph",
            **(headers or {})}
    with httpx.Client(auth=httpx.BasicAuth(*auth) if auth else None, timeout=timeout, trust_env=False) as client:
        response = _send(client, url, "the endpoint", lambda: client.post(url, data={"query": sparql}, headers=sent))
    if response.status_code >= 400:
        message = _first_line(response.content)
        raise RemoteError(f"{url}: HTTP {response.status_code} {response.reason_phrase}"
                          + (f": {message}" if message else ""))
    media = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
    return _parse_answer(url, response.content, media, graph_result)


def _send(client: httpx.Client, url: str, what: str, request: Callable[[], httpx.Response]) -> httpx.Response:
    """Make one request; a network failure is one RemoteError naming ``url`` and saying what happened."""
    try:
        return request()
    except httpx.TimeoutException:
        raise RemoteError(f"{url}: no answer within {client.timeout.read:g} s (timed out)") from None
    except httpx.ConnectError as error:
        raise RemoteError(f"{url}: cannot reach {what} ({_reason(error)})") from None
    except httpx.HTTPError as error:
        raise RemoteError(f"{url}: the connection failed ({_reason(error)})") from None


def _reason(error: BaseException) -> str:
    """The operating system's words for a network error ("Connection refused"), else the error's own."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    text = _first_line(str(error))
    match = re.match(r"\[Errno -?\d+\] (.+)", text)
    return match.group(1) if match else text or type(error).__name__


def _parse_answer(url: str, body: bytes, media: str, graph_result: bool) -> QueryResult:
    """The endpoint's answer as pyoxigraph objects, by the media type it declared."""
    try:
        if graph_result:
            rdf_format = ox.RdfFormat.N_TRIPLES if media == "text/plain" else ox.RdfFormat.from_media_type(media)
            if rdf_format is None:
                raise RemoteError(f"{url}: answered a CONSTRUCT/DESCRIBE with {media or 'no media type'}, not RDF")
            graph = ox.Store()
            graph.extend(ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(body, format=rdf_format))
            # a CONSTRUCT over a private in-memory store gives a genuine pyoxigraph QueryTriples
            return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
        results_format = ox.QueryResultsFormat.from_media_type(media)
        if results_format is None:
            raise RemoteError(f"{url}: answered with {media or 'no media type'}, not SPARQL results")
        return ox.parse_query_results(body, format=results_format)
    except SyntaxError as error:
        raise RemoteError(f"{url}: its {media} answer does not parse: {_first_line(str(error.msg))}") from None


# -- pushing graphs ------------------------------------------------------------------------


class ChallengeAuth(httpx.Auth):
    """User and password for whichever scheme the server asks for: Basic or Digest (Virtuoso).

    Nothing is sent until the server challenges; then the chosen scheme is kept, and
    Digest reuses its challenge, so only the first request costs an extra round trip.
    """

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._choices = {"basic": httpx.BasicAuth(user, password), "digest": httpx.DigestAuth(user, password)}
        self._scheme: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._scheme is not None:
            yield from self._scheme.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").strip().lower()
        self._scheme = self._choices["digest" if challenge.startswith("digest") else "basic"]
        yield from self._scheme.auth_flow(request)


@dataclass
class PushReport:
    """What a push did: the Graph Store URL and the triples sent for each graph."""

    graph_store: str
    graphs: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        """Triples sent, over all graphs."""
        return sum(self.graphs.values())


def default_graph_store(endpoint: str) -> str:
    """The Graph Store URL next to a query endpoint: ``.../query`` or ``.../sparql`` becomes ``.../store``.

    That is where Oxigraph and ``wickgraph serve`` keep it; other servers (Virtuoso:
    ``/sparql-graph-crud-auth``, Fuseki: ``/<dataset>/data``) need ``--graph-store``.

    >>> default_graph_store("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    """
    parts = urlsplit(endpoint)
    path = re.sub(r"/(query|sparql)/?$", "/store", parts.path)
    if path == parts.path:
        path = parts.path.rstrip("/") + "/store"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def push(
    store: Store,
    endpoint: str,
    *,
    graph_store_url: str | None = None,
    auth: tuple[str, str] | httpx.Auth | None = None,
    headers: Mapping[str, str] | None = None,
    graphs: Iterable[str] | None = None,
    timeout: float = 60.0,
    progress: Progress | None = None,
) -> PushReport:
    """Write every named graph of ``store`` (or just ``graphs``) to a remote store, one ``PUT`` each.

    Each PUT replaces the remote graph, so a second push changes nothing; remote graphs
    that are not in the store are left alone. ``auth`` is ``(user, password)`` (Basic or
    Digest, as the server asks) or any ``httpx.Auth``; ``headers`` may carry a bearer token.
    """
    target = graph_store_url or default_graph_store(endpoint)
    _check_url(target)
    names = list(graphs) if graphs is not None else store.named_graphs()
    report = PushReport(graph_store=target)
    started = time.perf_counter()
    client_auth = ChallengeAuth(*auth) if isinstance(auth, tuple) else auth
    media = "application/n-triples"
    with httpx.Client(auth=client_auth, headers=dict(headers or {}), timeout=timeout, trust_env=False) as client:
        for done, graph in enumerate(names):
            body = store.dump(ox.RdfFormat.N_TRIPLES, graph=graph)
            response = _put(client, target, graph, body, media)
            if response.status_code == 415 and media != "text/turtle":
                media = "text/turtle"  # N-Triples is Turtle, for servers that know only the latter
                response = _put(client, target, graph, body, media)
            if response.status_code not in (200, 201, 204):
                message = _first_line(response.content)
                raise RemoteError(
                    f"{target}: PUT of graph <{graph}> failed: HTTP {response.status_code} "
                    f"{response.reason_phrase}" + (f": {message}" if message else "")
                    + (f" ({done} of {len(names)} graphs were pushed)" if done else "")
                )
            report.graphs[graph] = body.count(b"\n")
            if progress is not None:
                progress("push", done + 1, len(names))
    report.seconds = time.perf_counter() - started
    return report


def _put(client: httpx.Client, target: str, graph: str, body: bytes, media: str) -> httpx.Response:
    return _send(client, target, "the graph store",
                 lambda: client.put(target, params={"graph": graph}, content=body, headers={"Content-Type": media}))
