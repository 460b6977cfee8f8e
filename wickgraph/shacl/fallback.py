"""The pySHACL engine: one graph at a time (about 40 ms each), for shapes the SPARQL compiler does not cover."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..resources import ontology_dir
from .report import Violation

if TYPE_CHECKING:
    import rdflib

__all__ = ["validate_pyshacl"]


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[rdflib.Graph, rdflib.Graph]:
    import rdflib

    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    ontology = rdflib.Graph().parse(ontology_path, format="turtle")
    return shapes, ontology

def validate_pyshacl(data: bytes, rdf_format: str, source: str) -> list[Violation]:
    import rdflib
    from pyshacl import validate as shacl_validate

    shapes, ontology = _shapes_and_ontology()
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=rdf_format)
    graph = rdflib.Graph()
    for triple in _all_triples(dataset):
        graph.add(triple)
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    return _violations(results, source)

def _all_triples(dataset: rdflib.Dataset) -> list[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]:
    return [(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))]


def _violations(results: rdflib.Graph, source: str) -> list[Violation]:
    from rdflib.namespace import SH

    found = []
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        found.append(Violation(
            source=source,
            focus=str(results.value(result, SH.focusNode) or ""),
            path=str(results.value(result, SH.resultPath) or ""),
            message=str(results.value(result, SH.resultMessage) or "violates a shape"),
        ))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))
