"""SHACL validation of data files against ``ontology/shapes.ttl``, reported as values.

Each file is checked on its own (with the ontology alongside, so subclasses count),
and results are remembered by the file's content hash: a file that passed once is
not checked again until it changes or the shapes do.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .resources import ontology_dir

if TYPE_CHECKING:
    import rdflib

__all__ = ["ValidationCache", "ValidationReport", "Violation", "validate_rdf"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: where (file, focus node, property path) and what is wrong."""

    source: str
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        return f"{self.source}: {where}: {self.message}"


@dataclass
class ValidationReport:
    """The outcome of validating some files; ``conforms`` when there are no violations."""

    checked: int = 0
    skipped: int = 0  # unchanged since they last passed
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[rdflib.Graph, rdflib.Graph, str]:
    import rdflib

    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    ontology = rdflib.Graph().parse(ontology_path, format="turtle")
    digest = hashlib.sha256(shapes_path.read_bytes() + ontology_path.read_bytes()).hexdigest()
    return shapes, ontology, digest


def shapes_digest() -> str:
    """Hash of the shapes and ontology: cached results are only valid for the same ones."""
    return _shapes_and_ontology()[2]


def validate_rdf(data: bytes, rdf_format: str, source: str) -> list[Violation]:
    """SHACL-validate serialised RDF (``turtle``, ``trig``, ``nquads``...); return its violations."""
    import rdflib
    from pyshacl import validate as shacl_validate

    shapes, ontology, _ = _shapes_and_ontology()
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


class ValidationCache:
    """Content hashes of files that passed validation, kept in a JSON file beside the store."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._digest = shapes_digest()
        self._passed: set[str] = set()
        if path is not None and path.is_file():
            try:
                saved = json.loads(path.read_text())
                if saved.get("shapes") == self._digest:
                    self._passed = set(saved.get("passed", []))
            except (OSError, ValueError):
                pass  # a damaged cache only costs a re-check

    @staticmethod
    def key(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def __contains__(self, data: bytes) -> bool:
        return self.key(data) in self._passed

    def add(self, data: bytes) -> None:
        self._passed.add(self.key(data))

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        if target is None:
            return
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"shapes": self._digest, "passed": sorted(self._passed)}))
        tmp.replace(target)
