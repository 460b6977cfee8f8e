"""SHACL shapes: the reference facts and the seed review conform; broken variants do not.

Each graph is validated on its own, as ``wickgraph validate`` does: a review graph is
checked without the reference graph. Broken variants live in ``tests/data/shapes/``,
one file per rule, with the focus node (and the path) the report must name in their
header comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ROOT / "ontology" / "shapes.ttl"
REFERENCE = ROOT / "data" / "reference" / "franchise.ttl"
SEED = ROOT / "data" / "reviews" / "r-fd4f55627fe0.trig"
VARIANTS = sorted((Path(__file__).resolve().parent / "data" / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def validate(data: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    import pyshacl  # imported lazily: it is slow to import

    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    return bool(conforms), report, str(text)


def names(text: str, node: URIRef, data: Graph) -> bool:
    """Whether a report text names a node, in full or with the data graph's prefix."""
    return str(node) in text or node.n3(data.namespace_manager) in text


def header(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"# {key}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{path.name} has no '# {key}:' header")


def test_reference_conforms(shapes: Graph) -> None:
    conforms, _, text = validate(Graph().parse(REFERENCE, format="turtle"), shapes)
    assert conforms, text


def test_seed_review_conforms_without_reference(shapes: Graph) -> None:
    dataset = Dataset()
    dataset.parse(SEED, format="trig")
    graphs = [g for g in dataset.graphs() if len(g)]
    assert len(graphs) == 1
    review = Graph()
    for triple in graphs[0]:
        review.add(triple)
    conforms, _, text = validate(review, shapes)
    assert conforms, text


def test_shapes_target_nodes_in_reference(shapes: Graph) -> None:
    """Guard against vacuous conformance: breaking one reference node is reported."""
    from rdflib import RDF

    from wickgraph.namespaces import WG, performance_iri

    performance_class, actor = URIRef(WG.Performance), URIRef(WG.actor)

    data = Graph().parse(REFERENCE, format="turtle")
    performance = URIRef(performance_iri("ballerina-2025", "eve-macarro", "ana-de-armas"))
    assert (performance, RDF.type, performance_class) in data
    data.remove((performance, actor, None))
    conforms, _, text = validate(data, shapes)
    assert not conforms
    assert names(text, performance, data)


def test_there_are_broken_variants() -> None:
    assert len(VARIANTS) >= 15


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.stem for v in VARIANTS])
def test_broken_variant_fails_naming_focus_node(variant: Path, shapes: Graph) -> None:
    focus = URIRef(header(variant, "focus"))
    path = header(variant, "path")
    data = Graph().parse(variant, format="turtle")
    conforms, report, text = validate(data, shapes)
    assert not conforms, f"{variant.name} should not conform"
    assert names(text, focus, data), text
    results = list(report.subjects(SH.focusNode, focus))
    assert results, f"no result for {focus}"
    if path:
        paths = {report.value(result, SH.resultPath) for result in results}
        assert URIRef(path) in paths, f"{variant.name}: results name paths {paths}"
