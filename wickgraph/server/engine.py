"""Running one SPARQL request against the store, safely: negotiation, limits, native serialisation.

Everything here is synchronous and runs in a query worker (a process, or a thread; see
:mod:`wickgraph.server.pool`); :mod:`wickgraph.server.views` only moves bytes. A query's results are
written by pyoxigraph's own serialisers into a :class:`_Sink` that counts rows and checks the clock
on every chunk, so a result past the row limit or the time limit stops as soon as its next chunk is written.
"""

from __future__ import annotations

import gzip
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, NotFoundError, SPARQLSyntaxError, WickgraphError
from ..formats import Format, accepted_media_types, formats
from ..namespaces import PREFIXES
from ..sparqltext import service_endpoints
from ..store import GENERATION_FILE, Store, sparql_syntax_error

__all__ = [
    "Limits", "NotAcceptable", "Outcome", "QueryFailed", "QueryJob", "QueryRefused", "QueryTimeout",
    "ServiceRefused", "StoreHolder", "check_services", "execute", "negotiate",
]

GZIP_MIN_BYTES = 1400
"""Bodies smaller than about one TCP segment are sent as they are."""


class QueryTimeout(WickgraphError):
    """The query ran past the server's time limit (or the server is too busy to start it)."""

    http_status = 503


class QueryRefused(WickgraphError):
    """The query's result is larger than the server's row limit (SPARQL 1.1 Protocol §2.1.4: 500)."""


class QueryFailed(WickgraphError):
    """The engine failed while evaluating a query that parsed (a SERVICE that failed, say)."""


class ServiceRefused(InputError):
    """The query asks for a SERVICE endpoint that this server does not call."""


class NotAcceptable(WickgraphError):
    """No format the client accepts can carry this kind of result."""

    http_status = 406

    def __init__(self, message: str, offered: Sequence[str]) -> None:
        super().__init__(f"{message}; this result is offered as: {', '.join(offered)}")
        self.offered = list(offered)


@dataclass(frozen=True)
class QueryJob:
    """One query to run, with all the request says about it; sent to worker processes as it is."""

    sparql: str
    started: float
    """When the request arrived (``time.monotonic()``): the time limit counts from here."""
    accept: str | None = None
    format_name: str | None = None
    gzip_ok: bool = False
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None
    """Relative IRIs in the query resolve against this (the endpoint's URL)."""
    require_graph: str | None = None
    """A named graph that must exist (Graph Store GET), else 404."""


@dataclass(frozen=True)
class Limits:
    """Per-query limits: seconds of wall time and rows (or triples) in a result."""

    timeout: float = 30.0
    max_rows: int = 100_000


@dataclass
class Outcome:
    """A finished query: status, media type, body and extra headers."""

    body: bytes
    media_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


# -- content negotiation -------------------------------------------------------------------

RESULTS = "results"
RDF = "rdf"

_GRAPH_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml")
_ALIASES: dict[str, dict[str, str]] = {
    RESULTS: {
        "application/json": "json", "application/xml": "xml", "text/xml": "xml",
        "text/plain": "tsv", "text/tsv": "tsv",
    },
    RDF: {
        "application/x-turtle": "turtle", "application/turtle": "turtle", "text/plain": "ntriples",
        "text/n-triples": "ntriples", "application/json": "jsonld", "application/xml": "rdfxml",
        "text/xml": "rdfxml",
    },
}


def offered(kind: str) -> list[Format]:
    """The formats the server offers for ``results`` (SELECT/ASK) or ``rdf`` (CONSTRUCT/DESCRIBE), default first."""
    if kind == RESULTS:
        return [f for f in formats(RESULTS) if f.oxigraph is not None]
    return [f for name in _GRAPH_FORMATS for f in formats(RDF) if f.name == name]


def _by_name(kind: str) -> dict[str, Format]:
    return {f.name: f for f in offered(kind)}


_FORMAT_NAMES = {"json-ld": "jsonld", "rdf": "rdfxml", "rdf+xml": "rdfxml", "n3": "turtle", "ttl": "turtle",
                 "nt": "ntriples", "n-triples": "ntriples", "text": "tsv"}
"""``format=`` values that clients such as SPARQLWrapper send besides our own format names."""


@lru_cache(maxsize=512)
def negotiate(accept: str | None, kind: str, format_name: str | None = None) -> Format:
    """The format to answer with: a ``format=`` name or media type that can carry the result, else the Accept header.

    ``format=`` naming nothing servable for this result (``format=json`` on a CONSTRUCT) falls
    back to the Accept header, which is what clients that send both mean.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "results").name
    'xml'
    >>> negotiate("*/*", "rdf").name
    'turtle'
    >>> negotiate("application/ld+json", "rdf", "json").name
    'jsonld'
    """
    table = _by_name(kind)
    choices = offered(kind)
    if format_name:
        name = _FORMAT_NAMES.get(format_name.strip().lower(), format_name.strip().lower())
        for fmt in choices:
            if name in (fmt.name, fmt.media_type):
                return fmt
    if not accept or not accept.strip():
        return choices[0]
    for media in accepted_media_types(accept):
        if media == "*/*":
            return choices[0]
        if media.endswith("/*"):
            for fmt in choices:
                if fmt.media_type.startswith(media[:-1]):
                    return fmt
            continue
        for fmt in choices:
            if fmt.media_type == media:
                return fmt
        if media in _ALIASES[kind]:
            return table[_ALIASES[kind][media]]
    raise NotAcceptable(
        f"none of the accepted media types ({accept}) can carry this result",
        [f.media_type for f in choices],
    )


def check_services(sparql: str, allowed: Sequence[str]) -> None:
    """Refuse a query whose SERVICE endpoints are not all on the allow-list (written as full IRIs)."""
    for endpoint in service_endpoints(sparql):
        if endpoint is None or endpoint not in allowed:
            where = f"<{endpoint}>" if endpoint is not None else "an endpoint that is not written as a full <IRI>"
            hint = (f"; it calls only: {', '.join(f'<{iri}>' for iri in allowed)}" if allowed
                    else "; federation is off (start it with --allow-service URL to allow an endpoint)")
            raise ServiceRefused(f"SERVICE refused: this server does not call {where}{hint}")


def content_type(fmt: Format) -> str:
    """The Content-Type header for a format (text types say UTF-8)."""
    if fmt.media_type.startswith("text/") or fmt.media_type.endswith(("+json", "+xml", "/json", "/n-triples")):
        return f"{fmt.media_type}; charset=utf-8"
    return fmt.media_type


# -- counting rows in serialised results ---------------------------------------------------

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_ROW_START = re.compile(rb"[\[,]\{")


class _JsonRows:
    """Counts binding objects in SPARQL JSON as it streams by, exactly.

    Escapes are dropped, then strings, which leaves the skeleton: there a row is the only
    object that follows ``[`` or ``,`` (terms follow ``:``). State carries across chunks.
    """

    def __init__(self) -> None:
        self.in_string = False
        self.escape_pending = False
        self.last = b""

    def __call__(self, data: bytes) -> int:
        if self.escape_pending and data:
            data, self.escape_pending = data[1:], False
        data = _ESCAPE.sub(b"", data)
        if data.endswith(b"\\"):
            data, self.escape_pending = data[:-1], True
        if self.in_string:
            close = data.find(b'"')
            if close < 0:
                return 0
            data, self.in_string, self.last = data[close + 1:], False, b""
        skeleton = _STRING.sub(b"", data)
        open_quote = skeleton.find(b'"')
        if open_quote >= 0:
            skeleton, self.in_string = skeleton[:open_quote], True
        rows = len(_ROW_START.findall(self.last + skeleton))
        self.last = b"" if self.in_string else (skeleton[-1:] or self.last)
        return rows


class _PatternRows:
    """Counts occurrences of a row marker (XML ``<result>``, a TSV/CSV line end) across chunks."""

    def __init__(self, marker: bytes) -> None:
        self.marker = marker
        self.tail = b""

    def __call__(self, data: bytes) -> int:
        buffer = self.tail + data
        count = buffer.count(self.marker) - self.tail.count(self.marker)
        self.tail = buffer[-(len(self.marker) - 1):] if len(self.marker) > 1 else b""
        return count


def _row_counter(fmt: str) -> tuple[Callable[[bytes], int], int]:
    """A counter for a results format, and how many header lines it counts that are not rows.

    Exact for JSON, XML and TSV (whose literals escape line breaks); CSV may over-count a
    literal holding CRLF, which can only refuse a result early.
    """
    if fmt == "json":
        return _JsonRows(), 0
    if fmt == "xml":
        return _PatternRows(b"<result>"), 0
    return _PatternRows(b"\n" if fmt == "tsv" else b"\r\n"), 1


class _Sink:
    """A binary file for pyoxigraph's serialisers that counts rows and watches the clock."""

    def __init__(self, fmt: str, limits: Limits, deadline: float, cancel: threading.Event) -> None:
        self.counter, self.header_rows = _row_counter(fmt)
        self.rows = 0
        self.limits = limits
        self.deadline = deadline
        self.cancel = cancel
        self.parts: list[bytes] = []

    def write(self, chunk: bytes) -> int:
        _check_clock(self.deadline, self.cancel, self.limits)
        data = bytes(chunk)
        self.rows += self.counter(data)
        if self.rows - self.header_rows > self.limits.max_rows:
            raise _too_many(self.limits)
        self.parts.append(data)
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the parts are joined at the end."""

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def count_rows(body: bytes, fmt: str, chunk_size: int = 8192) -> int:
    """Rows in a serialised SELECT result, counted as the server counts them, chunk by chunk.

    >>> count_rows(b'{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"literal","value":"x"}},{}]}}', "json")
    2
    """
    counter, header_rows = _row_counter(fmt)
    rows = sum(counter(body[start:start + chunk_size]) for start in range(0, len(body), chunk_size))
    return rows - header_rows


def _too_many(limits: Limits) -> QueryRefused:
    return QueryRefused(
        f"query refused: the result has more than {limits.max_rows:,} rows, this server's limit; "
        "add a LIMIT, or a filter, to the query"
    )


def _check_clock(deadline: float, cancel: threading.Event, limits: Limits) -> None:
    if cancel.is_set() or time.monotonic() > deadline:
        raise QueryTimeout(
            f"the query ran longer than {limits.timeout:g} s, this server's time limit; "
            "narrow it down (VALUES, FILTER, LIMIT) or ask for a longer --timeout",
            headers={"Retry-After": "5"},
        )


# -- the store, reopened when a writer marks it changed ------------------------------------


MEMORY_LIMIT = 500_000
"""Stores of at most this many quads are served from an in-memory snapshot unless told otherwise."""


class StoreHolder:
    """The store a server reads, reopened when ``mark_changed`` or a rebuild changed it.

    Read-only servers load a small store into an in-memory snapshot (pyoxigraph's memory
    store answers index-heavy queries several times faster than RocksDB); larger ones,
    or ``in_memory=False``, are opened read-only on disk. :meth:`get` costs two ``stat``
    calls when nothing changed. A view in use by a running query stays valid: the new one
    replaces it for the next request.
    """

    def __init__(self, store: Store | None = None, *, path: Path | None = None, writable: bool = False,
                 in_memory: bool | None = None) -> None:
        if store is None and path is None:
            raise ValueError("StoreHolder needs a store or a path")
        self.path = path
        self.writable = writable
        self.in_memory = in_memory
        self._lock = threading.Lock()
        self._fingerprint = self._read_fingerprint() if path is not None else None
        self._store = store if store is not None else self._open()

    def _open(self) -> Store:
        assert self.path is not None
        disk = Store(self.path, read_only=not self.writable)
        if self.writable or self.in_memory is False or (self.in_memory is None and len(disk) > MEMORY_LIMIT):
            return disk
        return disk.in_memory_copy()

    def _read_fingerprint(self) -> tuple[int, ...] | None:
        assert self.path is not None
        try:
            folder = os.stat(self.path)
        except OSError:
            return None
        try:
            marker = os.stat(self.path / GENERATION_FILE)
        except OSError:
            return (folder.st_ino, folder.st_dev)
        return (folder.st_ino, folder.st_dev, marker.st_ino, marker.st_mtime_ns, marker.st_size)

    def get(self) -> Store:
        """The current view of the store."""
        if self.path is None or self.writable:
            return self._store
        fingerprint = self._read_fingerprint()
        if fingerprint is None or fingerprint == self._fingerprint:
            return self._store  # unchanged, or swapped out mid-rebuild: keep serving the old view
        with self._lock:
            if fingerprint != self._fingerprint:
                self._store = self._open()
                self._fingerprint = fingerprint
        return self._store

    def changed(self) -> None:
        """After a write through this server (``--allow-update``): flush and tell other readers."""
        from ..store import mark_changed

        self._store.flush()
        if self.path is not None:
            mark_changed(self.path)
            self._fingerprint = self._read_fingerprint()


# -- running a query -----------------------------------------------------------------------


def execute(store: Store, job: QueryJob, *, limits: Limits, cancel: threading.Event) -> Outcome:
    """Parse, evaluate and serialise one query; raise our errors for bad queries, limits, Accept and failures.

    Prefixes are only those the query declares (SPARQL 1.1 Query §4.1.1): a query that runs
    here runs on any other endpoint.
    """
    failure: WickgraphError
    try:
        return _execute(store, job, limits=limits, cancel=cancel)
    except WickgraphError as error:
        failure = error
    except (OSError, RuntimeError, ValueError) as error:  # evaluation failed: a SERVICE, an I/O error
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        failure = QueryFailed(f"query evaluation failed: {first_line}")
    # pyoxigraph's result objects must die in the thread that made them: raise outside the
    # except block, with no traceback or context to carry the frames (and results) away
    failure.__context__ = None
    raise failure.with_traceback(None)


def _execute(store: Store, job: QueryJob, *, limits: Limits, cancel: threading.Event) -> Outcome:
    deadline = job.started + limits.timeout
    if job.require_graph is not None and not store.has_graph(job.require_graph):
        raise NotFoundError(f"no graph <{job.require_graph}> in this store")
    try:
        graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.NamedNode(i) for i in job.default_graphs]
        named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(iri) for iri in job.named_graphs]
    except ValueError as error:  # e.g. an invalid IRI in default-graph-uri
        raise InputError(f"not an IRI in default-graph-uri or named-graph-uri: {str(error).splitlines()[0]}") from None
    try:
        result = store.endpoint_query(job.sparql, base_iri=job.base_iri, default_graph=graphs, named_graphs=named)
    except SyntaxError as error:
        raise _syntax_error(error, job.sparql) from None
    if isinstance(result, ox.QueryTriples):
        fmt = negotiate(job.accept, RDF, job.format_name)
        body = _serialize_triples(result, fmt, limits, deadline, cancel)
    else:
        fmt = negotiate(job.accept, RESULTS, job.format_name)
        assert isinstance(fmt.oxigraph, ox.QueryResultsFormat)
        sink = _Sink(fmt.name, limits, deadline, cancel)
        _check_clock(deadline, cancel, limits)
        result.serialize(sink, fmt.oxigraph)  # type: ignore[arg-type]  # any object with write() will do
        body = sink.getvalue()
    return finish(body, content_type(fmt), job.gzip_ok)


def _syntax_error(error: SyntaxError, sparql: str) -> SPARQLSyntaxError:
    """Our syntax error; for an undeclared prefix, one that names it instead of the grammar's long list."""
    syntax = sparql_syntax_error(error)
    if "Prefix not found" in syntax.message and syntax.lineno is not None and syntax.offset is not None:
        lines = sparql.splitlines()
        before = lines[syntax.lineno - 1][: syntax.offset - 1] if syntax.lineno <= len(lines) else ""
        name = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*$", before)
        prefix = f"{name[1] or ''}:" if name else "a prefix"
        syntax.message = (f"the prefix {prefix} is not declared; declare it with PREFIX {prefix} <...> "
                          "(this endpoint adds no prefixes of its own)")
    return syntax


def _serialize_triples(
    result: ox.QueryTriples, fmt: Format, limits: Limits, deadline: float, cancel: threading.Event
) -> bytes:
    triples: list[ox.Triple] = []
    for count, triple in enumerate(result):
        if count % 1024 == 0:
            _check_clock(deadline, cancel, limits)
        if count >= limits.max_rows:
            raise _too_many(limits)
        triples.append(triple)
    assert isinstance(fmt.oxigraph, ox.RdfFormat)
    prefixes = PREFIXES if fmt.name in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes) or b""


def finish(body: bytes, media_type: str, gzip_ok: bool, status: int = 200) -> Outcome:
    """An outcome, gzip-compressed when the client accepts it and the body is worth it."""
    outcome = Outcome(body, media_type, status, {"Vary": "Accept, Accept-Encoding"})
    if gzip_ok and len(body) >= GZIP_MIN_BYTES:
        outcome.body = gzip.compress(body, compresslevel=5, mtime=0)
        outcome.headers["Content-Encoding"] = "gzip"
    return outcome


def run_update(holder: StoreHolder, sparql: str, *, base_iri: str | None = None) -> None:
    """Apply a SPARQL Update (only with ``--allow-update``) and tell readers the store changed."""
    try:
        holder.get().endpoint_update(sparql, base_iri=base_iri)
    except SyntaxError as error:
        raise _syntax_error(error, sparql) from None
    except (OSError, RuntimeError, ValueError) as error:
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise QueryFailed(f"update failed: {first_line}") from None
    holder.changed()
