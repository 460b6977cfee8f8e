"""The shapes compiled to SPARQL report what pySHACL reports: same focus nodes and paths, on broken graphs too.

``build`` validates with the compiled shapes (every graph of a store at once); pySHACL stays
the reference. Each case breaks the hand-written seed review (or the reference facts) in one
way that a shape forbids, and both engines must flag exactly the same (focus node, path) pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from wickgraph.shacl import Violation, validate_rdf, validate_store
from wickgraph.shacl.compile import Unsupported, compile_shapes, compiled_shapes

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "data" / "reviews").glob("r-fd4f55627fe0.trig"))
REFERENCE = ROOT / "data" / "reference" / "franchise.ttl"

# (name, pattern, replacement): each applied once to the seed review's TriG
BREAKAGES = [
    ("status not in the list", r'wg:status "contradicted"', 'wg:status "wrong"'),
    ("two values where one is allowed", r"oa:start 0 ;", "oa:start 0 ; oa:start 3 ;"),
    ("a string where an integer belongs", r"wg:claimedYear 2024", 'wg:claimedYear "2024"'),
    ("an ill-formed integer", r"wg:claimedYear 2024", 'wg:claimedYear "20x4"^^xsd:integer'),
    ("start not before end", r"oa:start 0 ; oa:end 16", "oa:start 16 ; oa:end 16"),
    ("a required link missing", r"wg:claimedIn <review/r-fd4f55627fe0> ;\n", ""),
    ("a number out of range", r"wg:normalizedRating 0.7", "wg:normalizedRating 1.7"),
    ("a pattern not matched", r'wg:textSha256 "fd4f', 'wg:textSha256 "XYZ'),
    ("a method not in the list", r'wg:extractionMethod "manual"', 'wg:extractionMethod "magic"'),
    ("a performance without its character (sh:or)", r"wg:claimedCharacter character:rooney ;\n", ""),
    ("evidence that is not a selector (sh:class, sh:node)", r"wg:evidence <claim/r-fd4f55627fe0/3/evidence>",
     "wg:evidence <claim/r-fd4f55627fe0/2>"),
    ("a language-tagged name where a plain string belongs", r'wg:claimedCharacterName "Rooney"',
     'wg:claimedCharacterName "Rooney"@en'),
    ("a literal where an IRI belongs", r"schema:itemReviewed work:ballerina-2025", 'schema:itemReviewed "Ballerina"'),
    ("an empty quote", r'oa:exact "Ballerina \(2024\)"', 'oa:exact ""'),
]


def _pairs(violations: list[Violation]) -> set[tuple[str, str]]:
    return {(v.focus, v.path) for v in violations}


def test_the_shapes_compile() -> None:
    assert compiled_shapes() is not None, "shapes.ttl uses a SHACL feature the SPARQL compiler lacks"


SHAPES = (ROOT / "ontology" / "shapes.ttl").read_bytes()
ONTOLOGY = (ROOT / "ontology" / "wickgraph.ttl").read_bytes()
_EXTRA_SHAPE = b"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:Extra a sh:NodeShape ; sh:targetClass ex:Thing ; %s .
"""


@pytest.mark.parametrize("constraint", [
    b"sh:targetNode ex:x", b"sh:closed true", b"sh:property [ sh:path ex:p ; sh:hasValue ex:v ]",
    b"sh:property [ sh:path ex:p ; sh:equals ex:q ]", b"sh:property [ sh:path ex:p ; sh:disjoint ex:q ]",
    b'sh:property [ sh:path ex:p ; sh:languageIn ( "en" ) ]', b"sh:property [ sh:path ex:p ; sh:uniqueLang true ]",
    b'sh:property [ sh:path ex:p ; sh:pattern "^a" ; sh:flags "i" ]',
    b"sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ]",
    b"sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 1 ]",
])
def test_what_the_subset_leaves_out_sends_the_shapes_to_pyshacl(constraint: bytes) -> None:
    # the features named outside the subset in wickgraph/shacl/__init__.py: the compiler gives up, never skips
    with pytest.raises(Unsupported):
        compile_shapes(SHAPES + _EXTRA_SHAPE % constraint, ONTOLOGY)


def test_a_shape_within_the_subset_adds_its_checks() -> None:
    checks, _ = compile_shapes(SHAPES, ONTOLOGY)
    more, _ = compile_shapes(SHAPES + _EXTRA_SHAPE % b"sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxLength 3 ]",
                             ONTOLOGY)
    added = [check.sparql for check in more if "https://example.org/Thing" in check.sparql]
    assert len(more) == len(checks) + 2 and len(added) == 2


@pytest.mark.parametrize(("name", "pattern", "replacement"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_both_engines_flag_the_same_nodes(name: str, pattern: str, replacement: str) -> None:
    text, changes = re.subn(pattern, replacement, SEED.read_text(encoding="utf-8"), count=1)
    assert changes == 1, f"the seed review no longer contains {pattern!r}"
    data = text.encode()
    expected = validate_rdf(data, "trig", "seed", engine="pyshacl")
    found = validate_rdf(data, "trig", "seed", engine="sparql")
    assert expected, f"pySHACL accepts the case {name!r}: it tests nothing"
    assert _pairs(found) == _pairs(expected)


def test_valid_data_passes_both_engines() -> None:
    for path, fmt in ((SEED, "trig"), (REFERENCE, "turtle")):
        data = path.read_bytes()
        assert validate_rdf(data, fmt, str(path), engine="sparql") == []
        assert validate_rdf(data, fmt, str(path), engine="pyshacl") == []


def test_a_broken_reference_fact_is_flagged_by_both() -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("wg:releaseYear 2017 ;", "wg:releaseYear 2017, 2018 ;", 1)
    data = text.encode()
    expected = validate_rdf(data, "turtle", "ref", engine="pyshacl")
    assert expected
    assert _pairs(validate_rdf(data, "turtle", "ref", engine="sparql")) == _pairs(expected)


def test_each_graph_of_a_store_is_checked_on_its_own() -> None:
    # the same work with a different year in two graphs: fine (each graph has one),
    # but two years in one graph break sh:maxCount
    store = ox.Store()
    for graph, years in (("urn:g:a", ["2024"]), ("urn:g:b", ["2025"]), ("urn:g:c", ["2024", "2025"])):
        for year in years:
            store.add(ox.Quad(ox.NamedNode("urn:work"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                              ox.NamedNode("https://w3id.org/wickgraph/ontology#Film"), ox.NamedNode(graph)))
            store.add(ox.Quad(ox.NamedNode("urn:work"), ox.NamedNode("https://w3id.org/wickgraph/ontology#releaseYear"),
                              ox.Literal(year, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                              ox.NamedNode(graph)))
    found = validate_store(store, {"urn:g:a": "a.trig", "urn:g:b": "b.trig", "urn:g:c": "c.trig"})
    year_problems = {v.source for v in found if v.path.endswith("#releaseYear")}
    assert year_problems == {"c.trig"}
    assert {v.source for v in found} == {"a.trig", "b.trig", "c.trig"}  # no label, status, franchise...
