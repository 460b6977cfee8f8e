"""A thin layer over :class:`pyoxigraph.Store`: open, load, query, named graphs, atomic rebuilds.

The store is derived from ``data/`` and can be deleted and rebuilt at any time
(:func:`wickgraph.build.build`). Only one process may open an on-disk store for
writing; others get a :class:`~wickgraph.errors.StoreError` that says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Self, TypeVar

import pyoxigraph as ox

from .atomicfile import write_atomic
from .errors import RDFSyntaxError, SPARQLSyntaxError, StoreError
from .namespaces import PREFIXES

__all__ = ["STORE_MARKER", "QueryResult", "Store", "is_store_dir", "open_store", "read_store"]

T = TypeVar("T")

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
"""What :meth:`Store.query` returns: pyoxigraph's own result objects (iterable, serialisable)."""

STORE_MARKER = "wickgraph-store"  # written into every store we build, so we never delete a stranger's folder


class Store:
    """The wickgraph graph: a pyoxigraph store plus the operations wickgraph needs.

    ``Store()`` is in memory; ``Store(path)`` opens (or creates) an on-disk store;
    ``Store(path, read_only=True)`` opens one alongside a writer.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
                (self.path / STORE_MARKER).touch()
        except (OSError, RuntimeError) as error:
            if read_only and _moved_by_writer(error):
                raise _FilesMoved(f"{self.path}: the store changed while it was opened: {error}") from None
            if isinstance(error, RuntimeError):
                raise
            if "lock" in str(error).lower():
                raise StoreError(
                    f"{self.path}: the store is open for writing in another process "
                    "(is `wickgraph serve` or another `wickgraph add` running?)"
                ) from None
            raise StoreError(f"{self.path}: cannot open the store: {error}") from None

    # -- reading -----------------------------------------------------------------------

    def query(self, sparql: str, *, params: Mapping[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
        """Run a SPARQL query; ``params`` binds variables (``{"work": NamedNode(...)}``)."""
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(name): value for name, value in (params or {}).items()
        }
        try:
            return self._store.query(sparql, prefixes=PREFIXES, substitutions=substitutions or None)
        except SyntaxError as error:
            raise sparql_syntax_error(error) from None

    def named_graphs(self, *, sort: bool = True) -> list[str]:
        """IRIs of all named graphs, sorted, or (``sort=False``) in the order the store keeps their quads."""
        names = [graph.value for graph in self._store.named_graphs() if isinstance(graph, ox.NamedNode)]
        return sorted(names) if sort else names

    def has_graph(self, graph: str) -> bool:
        """Whether the named graph ``graph`` exists (even empty)."""
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def endpoint_query(self, sparql: str, *, base_iri: str | None = None,
                       default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
                       named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None) -> QueryResult:
        """Run a query as the SPARQL protocol asks: no wickgraph prefixes, the request's dataset.

        A syntax error stays pyoxigraph's ``SyntaxError``: the endpoint words it with the query's text.
        """
        return self._store.query(sparql, base_iri=base_iri, default_graph=default_graph or None,
                                 named_graphs=named_graphs or None)

    def graph_counts(self) -> dict[str, int]:
        """Number of triples in each named graph, by graph IRI."""
        result = self._store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        )
        assert isinstance(result, ox.QuerySolutions)
        return {row["g"].value: int(row["n"].value) for row in result}

    def __len__(self) -> int:
        """Number of quads (counts them all: O(n) on a large store)."""
        return len(self._store)

    def __bool__(self) -> bool:
        # an open store is a handle, always true; without this, `store or default` would count every quad
        return True

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad, or every quad of one named graph."""
        graph_name = ox.NamedNode(graph) if graph else None
        return iter(self._store.quads_for_pattern(None, None, None, graph_name))

    def quads_about(self, subject: str, predicate: str | None = None) -> Iterator[ox.Quad]:
        """The quads whose subject is ``subject`` (and predicate ``predicate``), in every graph."""
        return iter(self._store.quads_for_pattern(ox.NamedNode(subject),
                                                  ox.NamedNode(predicate) if predicate else None, None, None))

    def dump(self, rdf_format: ox.RdfFormat, graph: str | None = None) -> bytes:
        """Serialise the store (a dataset format) or one graph (a graph format)."""
        if graph is not None:
            return self._store.dump(format=rdf_format, from_graph=ox.NamedNode(graph), prefixes=PREFIXES) or b""
        return self._store.dump(format=rdf_format, prefixes=PREFIXES) or b""

    # -- writing -----------------------------------------------------------------------

    def load_file(self, path: Path, *, graph: str | None = None, bulk: bool = False) -> None:
        """Parse an RDF file into the store; a syntax error names the file, line and column."""
        rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if rdf_format is None:
            raise RDFSyntaxError(f"unknown RDF file type {path.suffix!r}", filename=str(path))
        to_graph = ox.NamedNode(graph) if graph else None
        try:
            if bulk:
                self._store.bulk_load(path=str(path), format=rdf_format, to_graph=to_graph)
            else:
                self._store.load(path=str(path), format=rdf_format, to_graph=to_graph)
        except SyntaxError as error:
            raise rdf_syntax_error(error, path) from None

    def bulk_load(self, data: bytes, rdf_format: ox.RdfFormat = ox.RdfFormat.N_QUADS, *,
                  graph: str | None = None) -> None:
        """Fast load of serialised quads, or of triples into ``graph`` (no transaction: for a fresh store)."""
        self._store.bulk_load(data, format=rdf_format, to_graph=ox.NamedNode(graph) if graph else None)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Fast add of a stream of quads (no transaction: for building a fresh store)."""
        self._store.bulk_extend(quads)

    def in_memory_copy(self) -> Store:
        """A new in-memory store holding every quad of this one (and no lock on its folder)."""
        copy = Store()
        copy._store.bulk_load(self._store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        return copy

    def add_graph(self, graph: str) -> None:
        """Create the named graph ``graph``, empty, if it is not there yet."""
        self._store.add_graph(ox.NamedNode(graph))

    def endpoint_update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Apply a SPARQL Update as the protocol asks (no wickgraph prefixes; ``SyntaxError`` left to the caller)."""
        self._store.update(sparql, base_iri=base_iri)

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction."""
        self._store.extend(quads)

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace one named graph's content in a single transaction (all or nothing)."""
        self.replace_graphs({graph: quads})

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Replace (or, given no quads, drop) several named graphs in one transaction."""
        if not any(self._store.contains_named_graph(ox.NamedNode(graph)) for graph in graphs):
            # nothing to drop: one extend is the same transaction at about twice the speed of
            # INSERT DATA, which has to print and re-parse every quad
            self._store.extend(quad for graph, quads in graphs.items() for quad in _in_graph(graph, quads))
            return
        parts = []
        for graph, quads in graphs.items():
            parts.append(f"DROP SILENT GRAPH <{graph}>")
            body = "\n".join(str(ox.Triple(q.subject, q.predicate, q.object)) + " ." for q in quads)
            if body:
                parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
        if parts:
            self._store.update(" ;\n".join(parts))

    def remove_graph(self, graph: str) -> None:
        """Delete one named graph and its triples (no error when it is absent)."""
        self._store.update(f"DROP SILENT GRAPH <{graph}>")

    def flush(self) -> None:
        """Write everything to disk (on-disk stores)."""
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Release the store (and its lock) now rather than at garbage collection; again is a no-op."""
        if not hasattr(self, "_store"):
            return
        self.flush()
        del self._store

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if hasattr(self, "_store"):
            self.close()


def _in_graph(graph: str, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    node = ox.NamedNode(graph)
    for quad in quads:
        yield quad if quad.graph_name == node else ox.Quad(quad.subject, quad.predicate, quad.object, node)


def open_store(path: str | Path | None = None, *, read_only: bool = False, must_exist: bool = True) -> Store:
    """Open the store at ``path`` (default: :func:`wickgraph.resources.default_store_dir`).

    With ``must_exist`` a missing store is an error that tells the user to build it.
    """
    from .resources import default_store_dir

    store_path = Path(path) if path is not None else default_store_dir()
    if must_exist and not (store_path / STORE_MARKER).exists():
        raise StoreError(f"{store_path}: no wickgraph store here; run `wickgraph build` first")
    return Store(store_path, read_only=read_only)


READ_ATTEMPTS = 5
"""How many fresh read-only views :func:`read_store` opens before it gives up."""


def read_store(path: str | Path | None, read: Callable[[Store], T], *, attempts: int = READ_ATTEMPTS) -> T:
    """``read(store)`` on a read-only view of the store at ``path``, run again on a fresh view if a writer moved files.

    A read-only view sees the store's files as they were when it opened. A writer in another
    process (``serve --allow-update``) may compact them away meanwhile, and the read then fails
    with "No such file or directory"; a fresh view sees the new files. ``read`` must finish its
    work (not return a lazy result) and may run more than once.
    """
    import time

    from .resources import default_store_dir

    for attempt in range(attempts):
        if attempt:
            time.sleep(0.05 * 2 ** attempt)  # let the writer's compaction settle
        try:
            with open_store(path, read_only=True) as store:
                return read(store)
        except _FilesMoved:
            pass
        except (OSError, RuntimeError) as error:
            if not _moved_by_writer(error):
                raise
    raise StoreError(f"{path or default_store_dir()}: the store kept changing while it was read ({attempts} "
                     "attempts); try again when the writing server is idle")


class _FilesMoved(StoreError):
    """A read-only view could not open: a writer replaced the files it was opening."""


def _moved_by_writer(error: Exception) -> bool:
    """Whether RocksDB failed because a file it expected was gone (compacted away by a writer)."""
    return "No such file or directory" in str(error)


def is_store_dir(path: Path) -> bool:
    """Whether ``path`` holds a store wickgraph made (never delete or replace a stranger's folder)."""
    return (path / STORE_MARKER).exists()


def rdf_syntax_error(error: SyntaxError, path: Path | str) -> RDFSyntaxError:
    """Turn pyoxigraph's ``SyntaxError`` into ours, keeping its 1-based line and column."""
    message = (error.msg if getattr(error, "msg", None) else str(error)).split("\n")[0]
    message = re.sub(r"^Parser error at line \d+ column \d+: ", "", message)
    return RDFSyntaxError(message, filename=str(path), lineno=error.lineno, offset=error.offset)


def sparql_syntax_error(error: SyntaxError, source: str | None = None) -> SPARQLSyntaxError:
    """Turn pyoxigraph's ``SyntaxError`` on a query into ours (line and column kept)."""
    message = (error.msg if getattr(error, "msg", None) else str(error)).split("\n")[0]
    lineno, offset = error.lineno, error.offset
    # pyoxigraph reports query positions in the message ("error at 1:25: ...")
    if position := re.match(r"error at (\d+):(\d+): (.*)", message):
        lineno, offset, message = int(position[1]), int(position[2]), position[3]
    return SPARQLSyntaxError(message, filename=source, lineno=lineno, offset=offset)


GENERATION_FILE = "wickgraph-generation"
"""Marker file in a store folder whose change tells readers (``wickgraph serve``) to reopen the store."""


def mark_changed(store_path: str | Path) -> None:
    """Tell read-only readers of the store at ``store_path`` that it changed; call after each committed write.

    Rewrites ``<store>/wickgraph-generation`` atomically (new inode, new mtime), which a server
    checks with one ``stat`` per request before reopening its read-only view.
    """
    import time

    folder = Path(store_path)
    if not folder.is_dir():
        return
    write_atomic(folder / GENERATION_FILE, f"{time.time_ns()}\n".encode("ascii"))
