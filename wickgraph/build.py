"""``data/`` → store: parse every file, validate it, load it, infer reprised roles.

The store is derived: :func:`build` makes a complete new store beside the old one and
swaps it in only when everything succeeded, so a bad data file leaves the previous
store untouched and usable.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import sparql
from .errors import InputError, RDFSyntaxError, ValidationFailed
from .namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, review_graph_iri
from .resources import default_data_dir, default_store_dir, ontology_dir
from .shacl import ValidationCache, Violation, validate_store
from .store import Store, is_store_dir, mark_changed, rdf_syntax_error
from .transaction import data_folder, locked, recover, replace_store

__all__ = ["BuildReport", "DataFile", "build", "check_data", "data_files", "infer_reprises", "validate_files"]

Progress = Callable[[str, int, int], None]
"""Called as ``progress(step, done, total)`` while a long step runs."""

VALIDATION_CACHE = "validated.json"


@dataclass(frozen=True)
class DataFile:
    """A file under ``data/`` and the named graph it goes into (None: the file names its own graphs)."""

    path: Path
    graph: str | None
    rdf_format: ox.RdfFormat
    validate: bool = True


@dataclass
class BuildReport:
    """What a build did: triples per named graph, and how much was validated or inferred."""

    store_dir: Path
    graphs: dict[str, int] = field(default_factory=dict)
    files: int = 0
    validated: int = 0
    validation_skipped: int = 0
    inferred_reprises: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def data_files(data_dir: Path) -> list[DataFile]:
    """The ontology, ``data/reference/*.ttl`` and ``data/reviews/*.trig``, in load order."""
    if not data_dir.is_dir():
        raise InputError(f"{data_dir}: no such data folder (set --data or WICKGRAPH_DATA)")
    data_folder(data_dir)
    files = [DataFile(ontology_dir() / "wickgraph.ttl", str(ONTOLOGY_GRAPH), ox.RdfFormat.TURTLE, validate=False)]
    files += [DataFile(path, str(REFERENCE_GRAPH), ox.RdfFormat.TURTLE)
              for path in sorted((data_dir / "reference").glob("*.ttl"))]
    files += [DataFile(path, None, ox.RdfFormat.TRIG) for path in sorted((data_dir / "reviews").glob("*.trig"))]
    return files


def parse_data_file(data_file: DataFile, data: bytes) -> list[ox.Quad]:
    """Parse one data file into quads; errors carry the file, line and column."""
    return list(_quads(data_file, data))


def check_data(
    data_dir: Path | None = None, *, cache: ValidationCache | None = None, progress: Progress | None = None
) -> tuple[list[tuple[DataFile, list[ox.Quad]]], int, int]:
    """Parse and SHACL-validate every data file without writing anything.

    Returns the parsed files and how many were validated and skipped (unchanged since they
    passed). Raises :class:`RDFSyntaxError` or :class:`ValidationFailed`.
    """
    files = data_files(data_dir or default_data_dir())
    cache = cache or ValidationCache(None)
    parsed, pending, skipped = [], [], 0
    for done, data_file in enumerate(files, 1):
        data = data_file.path.read_bytes()
        parsed.append((data_file, parse_data_file(data_file, data)))
        if data_file.validate:
            key = cache.key(data)
            if cache.has_key(key):
                skipped += 1
            else:
                pending.append((data_file, key))
        if progress:
            progress("parse", done, len(files))
    violations: list[Violation] = []
    for start in range(0, len(pending), BATCH):
        violations += validate_files([f for f, _ in pending[start:start + BATCH]])
        if progress:
            progress("validate", min(start + BATCH, len(pending)), len(pending))
    _raise_violations(violations)
    for _, key in pending:
        cache.add_key(key)
    return parsed, len(pending), skipped


def validate_files(files: list[DataFile]) -> list[Violation]:
    """SHACL-validate data files, each graph on its own, in a throwaway in-memory store.

    Files that do not parse are left to the loader (which reports them with their line).
    """
    store = ox.Store()
    sources: dict[str, str] = {}
    for data_file in files:
        graph = data_file.graph or review_graph_iri(data_file.path.stem)
        try:
            # load, not bulk_load: for many small files it is faster in memory
            store.load(path=str(data_file.path), format=data_file.rdf_format,
                       to_graph=ox.NamedNode(graph) if data_file.graph else None)
        except (SyntaxError, OSError):
            continue
        sources[graph] = str(data_file.path) if graph not in sources else str(data_file.path.parent)
    return validate_store(store, sources)


def _validate_plain(files: list[tuple[str, str | None, str, bool]]) -> list[Violation]:
    formats = {ext: ox.RdfFormat.from_extension(ext) for _, _, ext, _ in files}
    return validate_files([DataFile(Path(path), graph, fmt, check)
                           for path, graph, ext, check in files if (fmt := formats[ext]) is not None])


def _raise_violations(violations: list[Violation]) -> None:
    if violations:
        raise ValidationFailed(
            f"{len(violations)} SHACL violation(s); first: {violations[0]}", [str(v) for v in violations]
        )


def infer_reprises(store: Store) -> int:
    """Write inferred reprised roles into graph:inferred (replacing earlier ones); return how many."""
    query = sparql.text("infer-reprises")
    result = store.query(query)
    assert isinstance(result, ox.QueryTriples)
    graph = ox.NamedNode(str(INFERRED_GRAPH))
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in result]
    store.replace_graph(str(INFERRED_GRAPH), quads)
    return sum(1 for q in quads if q.predicate.value.endswith("#inferred"))


def build(
    data_dir: Path | None = None, store_dir: Path | None = None, *, progress: Progress | None = None,
    lock_timeout: float = 10.0,
) -> BuildReport:
    """Build the store from ``data_dir``: parse, load, validate, infer; return counts per graph.

    Holds the data folder's lock (as ``add`` and ``remove`` do) and finishes an interrupted
    commit first. The current store is held open for writing until the swap, so a build is
    refused while a server writes to it (``serve --allow-update``) and no server can start
    writing to a store about to be replaced. Files stream from disk straight into a new
    on-disk store (no list of every quad in memory). Files not validated before (by content
    hash) are SHACL-validated in batches, in a second process while the main one loads when
    there are many; the new store only replaces the old one when every file parsed and conformed.
    """
    started = time.perf_counter()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    store_dir = Path(store_dir) if store_dir else default_store_dir()
    data_files(data_dir)  # a missing or wrong data folder is reported before anything is locked
    with locked(data_dir, lock_timeout):
        current = Store(store_dir) if is_store_dir(store_dir) else None
        try:
            recover(data_dir, current)
            report = _build(data_dir, store_dir, current, progress)
        finally:
            if current is not None:
                current.close()
    mark_changed(store_dir)
    report.seconds = time.perf_counter() - started
    return report


def _build(data_dir: Path, store_dir: Path, current: Store | None, progress: Progress | None) -> BuildReport:
    files = data_files(data_dir)
    cache = ValidationCache(store_dir / VALIDATION_CACHE)
    report = BuildReport(store_dir=store_dir, files=len(files))
    validator = _Validator(parallel=sum(f.validate for f in files) >= PARALLEL_MIN)
    try:
        with replace_store(store_dir) as building:
            with Store(building) as store:
                store.bulk_extend(_stream(files, cache, validator, report, progress))
                _raise_violations(validator.finish(progress))
                for key in validator.keys:
                    cache.add_key(key)
                report.inferred_reprises = infer_reprises(store)
                report.graphs = store.graph_counts()
            cache.save(building / VALIDATION_CACHE)
            if current is not None:
                current.close()  # release the old store just before the swap
    finally:
        validator.close()
    return report


BATCH = 500
"""Review files validated together (one in-memory store, one run of the compiled shapes)."""
PARALLEL_MIN = 1000
"""From this many files to validate, a second process validates while the main one loads."""


class _Validator:
    """Validates batches of files, in a worker process (parallel) or in this one."""

    def __init__(self, *, parallel: bool) -> None:
        self.pending: list[DataFile] = []
        self.keys: list[str] = []
        self.results: list[Any] = []
        self.pool: Any = None
        if parallel and (os.cpu_count() or 1) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # started (forked) now, before this process opens the store and its threads
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self.pool.submit(int).result()

    def add(self, data_file: DataFile, key: str) -> None:
        self.pending.append(data_file)
        self.keys.append(key)
        if len(self.pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        if self.pool is not None:
            # DataFile holds a pyoxigraph RdfFormat, which does not pickle
            plain = [(str(f.path), f.graph, f.rdf_format.file_extension, f.validate) for f in batch]
            self.results.append(self.pool.submit(_validate_plain, plain))
        else:
            self.results.append(validate_files(batch))

    def finish(self, progress: Progress | None) -> list[Violation]:
        self._flush()
        violations: list[Violation] = []
        for done, result in enumerate(self.results, 1):
            violations += result.result() if self.pool is not None else result
            if progress:
                progress("validate", done, len(self.results))
        return violations

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _stream(files: list[DataFile], cache: ValidationCache, validator: _Validator, report: BuildReport,
            progress: Progress | None) -> Iterator[ox.Quad]:
    """Every quad of every file, parsed as it is read; files to validate go to ``validator``."""
    for done, data_file in enumerate(files, 1):
        data = data_file.path.read_bytes()
        if data_file.validate:
            key = cache.key(data)
            if cache.has_key(key):
                report.validation_skipped += 1
            else:
                report.validated += 1
                validator.add(data_file, key)
        yield from _quads(data_file, data)
        if progress:
            progress("load", done, len(files))


def _quads(data_file: DataFile, data: bytes) -> Iterator[ox.Quad]:
    """The quads of one file, in its named graph; errors carry the file, line and column."""
    target = ox.NamedNode(data_file.graph) if data_file.graph else None
    expected = ox.NamedNode(review_graph_iri(data_file.path.stem))
    try:
        for quad in ox.parse(data, format=data_file.rdf_format):
            if target is not None:
                yield ox.Quad(quad.subject, quad.predicate, quad.object, target)
            elif quad.graph_name != expected:  # one comparison in Rust per quad
                raise RDFSyntaxError(
                    f"a review file holds exactly one named graph, <{expected.value}>; found {quad.graph_name}",
                    filename=str(data_file.path),
                )
            else:
                yield quad
    except SyntaxError as error:
        raise rdf_syntax_error(error, data_file.path) from None
