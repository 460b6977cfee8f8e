"""``data/`` → store: parse every file, validate it, load it, infer reprised roles.

The store is derived: :func:`build` makes a complete new store beside the old one and
swaps it in only when everything succeeded, so a bad data file leaves the previous
store untouched and usable.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, RDFSyntaxError, ValidationFailed
from .namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, review_graph_iri
from .resources import default_data_dir, default_store_dir, ontology_dir
from .store import Store, atomic_store_dir, rdf_syntax_error
from .validate import ValidationCache, validate_rdf

__all__ = ["BuildReport", "DataFile", "build", "check_data", "data_files", "infer_reprises"]

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
    files = [DataFile(ontology_dir() / "wickgraph.ttl", str(ONTOLOGY_GRAPH), ox.RdfFormat.TURTLE, validate=False)]
    files += [DataFile(path, str(REFERENCE_GRAPH), ox.RdfFormat.TURTLE)
              for path in sorted((data_dir / "reference").glob("*.ttl"))]
    files += [DataFile(path, None, ox.RdfFormat.TRIG) for path in sorted((data_dir / "reviews").glob("*.trig"))]
    return files


def parse_data_file(data_file: DataFile, data: bytes) -> list[ox.Quad]:
    """Parse one data file into quads; errors carry the file, line and column."""
    target = ox.NamedNode(data_file.graph) if data_file.graph else None
    try:
        quads = list(ox.parse(data, format=data_file.rdf_format))
    except SyntaxError as error:
        raise rdf_syntax_error(error, data_file.path) from None
    if target is not None:
        return [ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
    expected = review_graph_iri(data_file.path.stem)
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode) or quad.graph_name.value != expected:
            raise RDFSyntaxError(
                f"a review file holds exactly one named graph, <{expected}>; found {quad.graph_name}",
                filename=str(data_file.path),
            )
    return quads


def check_data(
    data_dir: Path | None = None, *, cache: ValidationCache | None = None, progress: Progress | None = None
) -> tuple[list[tuple[DataFile, list[ox.Quad]]], int, int]:
    """Parse and SHACL-validate every data file without writing anything.

    Returns the parsed files and how many were validated and skipped (unchanged since they
    passed). Raises :class:`RDFSyntaxError` or :class:`ValidationFailed`.
    """
    files = data_files(data_dir or default_data_dir())
    cache = cache or ValidationCache(None)
    parsed, validated, skipped, violations = [], 0, 0, []
    for done, data_file in enumerate(files, 1):
        data = data_file.path.read_bytes()
        quads = parse_data_file(data_file, data)
        parsed.append((data_file, quads))
        if data_file.validate:
            if data in cache:
                skipped += 1
            else:
                rdf_format = "trig" if data_file.graph is None else "turtle"
                found = validate_rdf(data, rdf_format, str(data_file.path))
                validated += 1
                if found:
                    violations += found
                else:
                    cache.add(data)
        if progress:
            progress("validate", done, len(files))
    if violations:
        raise ValidationFailed(
            f"{len(violations)} SHACL violation(s); first: {violations[0]}", [str(v) for v in violations]
        )
    return parsed, validated, skipped


def infer_reprises(store: Store) -> int:
    """Write inferred reprised roles into graph:inferred (replacing earlier ones); return how many."""
    query = (Path(__file__).parent / "sparql" / "infer-reprises.rq").read_text()
    result = store.query(query)
    assert isinstance(result, ox.QueryTriples)
    graph = ox.NamedNode(str(INFERRED_GRAPH))
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in result]
    store.replace_graph(str(INFERRED_GRAPH), quads)
    return sum(1 for q in quads if q.predicate.value.endswith("#inferred"))


def build(
    data_dir: Path | None = None, store_dir: Path | None = None, *, progress: Progress | None = None
) -> BuildReport:
    """Build the store from ``data_dir``: parse, validate, load, infer; return counts per graph."""
    started = time.perf_counter()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    store_dir = Path(store_dir) if store_dir else default_store_dir()
    cache = ValidationCache(store_dir / VALIDATION_CACHE)
    parsed, validated, skipped = check_data(data_dir, cache=cache, progress=progress)
    report = BuildReport(store_dir=store_dir, files=len(parsed), validated=validated, validation_skipped=skipped)
    with atomic_store_dir(store_dir) as building:
        with Store(building) as store:
            store.raw.bulk_extend(quad for _, quads in parsed for quad in quads)
            report.inferred_reprises = infer_reprises(store)
            report.graphs = store.graph_counts()
        cache.save(building / VALIDATION_CACHE)
    report.seconds = time.perf_counter() - started
    return report
