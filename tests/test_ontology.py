"""The ontology: parses, declares exactly the WG terms, documents and aligns each one."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from wickgraph import namespaces
from wickgraph.namespaces import ONTOLOGY_IRI

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "wickgraph.ttl"
# wickgraph's terms are plain strings; rdflib matches its own URIRefs, so wrap each namespace once here
WG, SCHEMA, WD, WDT, SKOS, PROV = (Namespace(ns) for ns in (
    namespaces.WG, namespaces.SCHEMA, namespaces.WD, namespaces.WDT, namespaces.SKOS, namespaces.PROV))
WG_NS = str(namespaces.WG)
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def wg_terms() -> set[URIRef]:
    return {WG[name] for name in namespaces.WG.terms}


def declared(ontology: Graph) -> set[URIRef]:
    return {
        s for kind in KINDS for s in ontology.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(WG_NS)
    }


def test_parses_with_pyoxigraph() -> None:
    triples = list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 400


def test_ontology_header(ontology: Graph) -> None:
    node = URIRef(ONTOLOGY_IRI)
    assert (node, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(node, RDFS.label) is not None
    assert ontology.value(node, RDFS.comment) is not None


def test_declares_exactly_the_wg_terms(ontology: Graph) -> None:
    assert declared(ontology) == wg_terms()


def test_uses_no_undeclared_wg_term(ontology: Graph) -> None:
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(WG_NS)}
    assert used <= wg_terms()


def test_each_term_has_one_kind(ontology: Graph) -> None:
    for term in wg_terms():
        kinds = set(ontology.objects(term, RDF.type)) & KINDS
        assert len(kinds) == 1, (term, kinds)


def test_each_term_has_label_and_comment(ontology: Graph) -> None:
    for term in wg_terms():
        assert ontology.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert ontology.value(term, RDFS.comment), f"{term} has no rdfs:comment"


@pytest.mark.parametrize(
    ("term", "parent"),
    [
        ("Work", SCHEMA.CreativeWork),
        ("Film", SCHEMA.Movie),
        ("TVSeries", SCHEMA.TVSeries),
        ("Episode", SCHEMA.TVEpisode),
        ("VideoGame", SCHEMA.VideoGame),
        ("Franchise", SCHEMA.CreativeWorkSeries),
        ("Series", SCHEMA.CreativeWorkSeries),
        ("Person", SCHEMA.Person),
        ("Review", SCHEMA.Review),
        ("Rating", SCHEMA.Rating),
        ("Performance", SCHEMA.PerformanceRole),
        ("Organization", SCHEMA.Organization),
        ("Claim", PROV.Entity),
        ("Extraction", PROV.Activity),
        ("ReviewGraph", PROV.Entity),
    ],
)
def test_class_alignment(ontology: Graph, term: str, parent: URIRef) -> None:
    assert (WG[term], RDFS.subClassOf, parent) in ontology


@pytest.mark.parametrize(
    ("term", "qid"),
    [
        ("Film", "Q11424"), ("TVSeries", "Q5398426"), ("Episode", "Q21191270"), ("VideoGame", "Q7889"),
        ("Person", "Q5"), ("Character", "Q95074"), ("Franchise", "Q196600"),
    ],
)
def test_wikidata_classes(ontology: Graph, term: str, qid: str) -> None:
    assert (WG[term], SKOS.exactMatch, WD[qid]) in ontology


def test_work_subclasses_and_claim_subclasses(ontology: Graph) -> None:
    for term in ("Film", "TVSeries", "Episode", "VideoGame"):
        assert (WG[term], RDFS.subClassOf, WG.Work) in ontology
    for term in ("DirectorClaim", "WriterClaim", "CastClaim", "RepriseClaim",
                 "FranchiseMemberClaim", "ReleaseYearClaim", "RatingClaim"):
        assert (WG[term], RDFS.subClassOf, WG.Claim) in ontology


@pytest.mark.parametrize(
    ("term", "parent", "pid"),
    [
        ("director", SCHEMA.director, "P57"),
        ("writer", SCHEMA.author, "P58"),
        ("releaseDate", SCHEMA.datePublished, "P577"),
        ("partOfSeries", SCHEMA.isPartOf, "P179"),
        ("actor", SCHEMA.actor, None),
    ],
)
def test_property_alignment(ontology: Graph, term: str, parent: URIRef, pid: str | None) -> None:
    assert (WG[term], RDFS.subPropertyOf, parent) in ontology
    if pid:
        assert (WG[term], SKOS.exactMatch, WDT[pid]) in ontology


def test_cast_and_characters_map_to_wikidata(ontology: Graph) -> None:
    assert (WG.actor, SKOS.closeMatch, WDT.P161) in ontology
    assert (WG.character, SKOS.closeMatch, WDT.P674) in ontology


def test_object_and_datatype_properties_are_used_as_such(ontology: Graph) -> None:
    assert (WG.director, RDF.type, OWL.ObjectProperty) in ontology
    assert (WG.releaseYear, RDF.type, OWL.DatatypeProperty) in ontology
    assert ontology.value(WG.director, RDFS.range) == WG.Person
    assert ontology.value(WG.evidence, RDFS.range) == URIRef(namespaces.OA.TextQuoteSelector)


@pytest.mark.parametrize(
    "path",
    [ROOT / "ontology" / "shapes.ttl", ROOT / "data" / "reference" / "franchise.ttl",
     ROOT / "data" / "reviews" / "r-fd4f55627fe0.trig"],
    ids=["shapes", "reference", "seed-review"],
)
def test_data_uses_only_declared_terms(path: Path) -> None:
    fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
    used = {
        term.value
        for quad in ox.parse(path=str(path), format=fmt)
        for term in (quad.predicate, quad.object)
        if isinstance(term, ox.NamedNode) and term.value.startswith(WG_NS)
    }
    assert used and used <= {str(t) for t in wg_terms()}
