"""What a server that merges every named graph into its default graph would see.

Fuseki's and GraphDB's "union default graph" answer ``?s ?p ?o`` from all named graphs at
once. wickgraph keeps each review's claims in its own graph, in the reference vocabulary
(design.md), so in such a union a claim and the fact it contradicts sit side by side:
Ballerina would have two release years. Each file passing SHACL on its own does not show
this, so :func:`check_union` checks two merged graphs with the same shapes:

* the reference facts with the reprises inferred from them, merged: what ``export --format
  turtle --graph reference`` writes. It must conform; violations fail validation.
* every graph merged, as a union default graph shows it. Its violations are *clashes*:
  each lists the values and the graph each comes from. They are expected whenever a review
  contradicts the reference, and they are why triple formats refuse ``--graph all``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .build import check_data, infer_reprises
from .errors import ValidationFailed
from .formats import shorten, shorten_iri
from .namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from .store import Store
from .validate import Violation, validate_store

__all__ = ["Clash", "UnionReport", "check_data_union", "check_union"]

_MERGED = "urn:x-wickgraph:merged"


@dataclass(frozen=True)
class Clash:
    """A shape that the merged graphs violate, with each value and the graph it comes from."""

    focus: str
    path: str
    message: str
    values: tuple[tuple[str, str], ...]  # (value, graph IRI)

    def __str__(self) -> str:
        where = " ".join(shorten_iri(part) for part in (self.focus, self.path) if part)
        found = ", ".join(f"{value} ({shorten_iri(graph)})" for value, graph in self.values)
        return f"{where}: {self.message}: {found}"


@dataclass
class UnionReport:
    """``facts``: violations of the merged reference facts; ``clashes``: what a union default graph would show."""

    facts: list[Violation] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)


def check_union(store: Store) -> UnionReport:
    """Check the merged fact graphs and the union of all graphs of ``store`` (the ontology aside)."""
    facts = (str(REFERENCE_GRAPH), str(INFERRED_GRAPH))
    fact_violations = _merged_violations(store, facts, "reference facts merged")
    everything = [graph for graph in store.named_graphs() if graph != str(ONTOLOGY_GRAPH)]
    known = {(v.focus, v.path, v.message) for v in fact_violations}
    clashes = [Clash(v.focus, v.path, v.message, _values(store, v.focus, v.path))
               for v in _merged_violations(store, everything, "union of all graphs")
               if (v.focus, v.path, v.message) not in known]
    return UnionReport(fact_violations, clashes)


def check_data_union(data_dir: Path | None = None) -> tuple[int, int, UnionReport]:
    """Validate a data folder file by file, then its unions; raise :class:`ValidationFailed` on violations.

    Returns the number of files, how many were validated, and the :class:`UnionReport` (its clashes).
    """
    parsed, validated, _ = check_data(data_dir)
    store = Store()
    store.extend(quad for _, quads in parsed for quad in quads)
    infer_reprises(store)
    report = check_union(store)
    if report.facts:
        raise ValidationFailed(f"{len(report.facts)} SHACL violation(s) once the reference facts and the inferred "
                               f"reprises are merged; first: {report.facts[0]}", [str(v) for v in report.facts])
    return len(parsed), validated, report


def _merged_violations(store: Store, graphs: list[str] | tuple[str, ...], source: str) -> list[Violation]:
    merged = ox.Store()
    into = ox.NamedNode(_MERGED)
    for graph in graphs:
        merged.extend(ox.Quad(q.subject, q.predicate, q.object, into) for q in store.quads(graph))
    return validate_store(merged, {_MERGED: source})


def _values(store: Store, focus: str, path: str) -> tuple[tuple[str, str], ...]:
    """Each value of ``path`` on ``focus`` and the graph stating it (or the graphs describing ``focus``)."""
    if focus.startswith("_:"):
        return ()  # a blank node cannot be named in a query
    pattern = f"<{focus}> <{path}> ?v" if path else f"<{focus}> ?p ?o"
    result = store.query(f"SELECT DISTINCT ?v ?g WHERE {{ GRAPH ?g {{ {pattern} }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}")
    assert isinstance(result, ox.QuerySolutions)
    found = {(shorten(row["v"]), row["g"].value) for row in result}
    return tuple(sorted(found, key=lambda item: (item[1], item[0])))
