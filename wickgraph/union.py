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

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .build import check_data, infer_reprises
from .errors import ValidationFailed
from .formats import shorten, shorten_iri
from .namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from .shacl import Violation, validate_store
from .store import Store

__all__ = ["Clash", "UnionReport", "check_data_union", "check_union"]

_REFERENCE = ox.NamedNode(str(REFERENCE_GRAPH))
_FACTS = "urn:x-wickgraph:reference-facts-merged"
_UNION = "urn:x-wickgraph:union"


@dataclass(frozen=True)
class Clash:
    """A shape that the merged graphs violate, with each value and the graph it comes from."""

    focus: str
    path: str
    message: str
    values: tuple[tuple[str, str], ...]  # (value, graph IRI)

    def __str__(self) -> str:
        where = " ".join(shorten_iri(part) for part in (self.focus, self.path) if part)
        by_value: dict[str, list[str]] = {}
        for value, graph in self.values:
            by_value.setdefault(value, []).append(shorten_iri(graph))
        # thousands of reviews may repeat a value: name two graphs, count the rest
        found = ", ".join(f"{value} ({', '.join(graphs[:2])}"
                          f"{f' and {len(graphs) - 2} more' if len(graphs) > 2 else ''})"
                          for value, graphs in by_value.items())
        return f"{where}: {self.message}: {found}"


@dataclass
class UnionReport:
    """``facts``: violations of the merged reference facts; ``clashes``: what a union default graph would show."""

    facts: list[Violation] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)


def check_union(quads: Iterable[ox.Quad]) -> UnionReport:
    """Check the merged fact graphs and the union of every named graph among ``quads`` (the ontology aside)."""
    store = ox.Store()
    store.extend(quads)
    # merged in Rust: copying quad by quad in Python took twice as long as validating the result
    store.update(f"""
        INSERT {{ GRAPH <{_FACTS}> {{ ?s ?p ?o }} }} WHERE {{
          VALUES ?g {{ <{REFERENCE_GRAPH}> <{INFERRED_GRAPH}> }} GRAPH ?g {{ ?s ?p ?o }} }} ;
        INSERT {{ GRAPH <{_UNION}> {{ ?s ?p ?o }} }} WHERE {{
          GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN (<{ONTOLOGY_GRAPH}>, <{_FACTS}>)) }}""")
    found = validate_store(store, {_FACTS: "reference facts merged", _UNION: "union of all graphs"})
    facts = [v for v in found if v.source == "reference facts merged"]
    known = {(v.focus, v.path, v.message) for v in facts}
    clashes = [Clash(v.focus, v.path, v.message, _values(store, v.focus, v.path))
               for v in found if v.source == "union of all graphs" and (v.focus, v.path, v.message) not in known]
    return UnionReport(facts, clashes)


def check_data_union(data_dir: Path | None = None) -> tuple[int, int, UnionReport]:
    """Validate a data folder file by file, then its unions; raise :class:`ValidationFailed` on violations.

    Returns the number of files, how many were validated, and the :class:`UnionReport` (its clashes).
    """
    parsed, validated, _ = check_data(data_dir)
    reference = Store()  # the inference reads the reference facts alone
    reference.extend(quad for _, quads in parsed for quad in quads if quad.graph_name == _REFERENCE)
    infer_reprises(reference)
    inferred = reference.quads(str(INFERRED_GRAPH))
    report = check_union(itertools.chain((quad for _, quads in parsed for quad in quads), inferred))
    if report.facts:
        raise ValidationFailed(f"{len(report.facts)} SHACL violation(s) once the reference facts and the inferred "
                               f"reprises are merged; first: {report.facts[0]}", [str(v) for v in report.facts])
    return len(parsed), validated, report


def _values(store: ox.Store, focus: str, path: str) -> tuple[tuple[str, str], ...]:
    """Each value of ``path`` on ``focus`` and the graph stating it (or the graphs describing ``focus``)."""
    subject = ox.BlankNode(focus[2:]) if focus.startswith("_:") else ox.NamedNode(focus)
    predicate = ox.NamedNode(path) if path else None
    aside = {str(ONTOLOGY_GRAPH), _FACTS, _UNION}
    found = {(shorten(q.object) if path else "", q.graph_name.value)
             for q in store.quads_for_pattern(subject, predicate, None)
             if type(q.graph_name) is ox.NamedNode and q.graph_name.value not in aside}
    return tuple(sorted(found, key=lambda item: (item[1], item[0])))
