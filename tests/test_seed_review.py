"""The hand-written seed review graph: its id, its one named graph, and claims matching seed.json.

The gold claims and the review text are copies of ../shared's ``seed-review.txt`` and
``reviews-dev/seed.json`` in tests/data/shared/; every evidence quote must be ``text[start:end]``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from wickgraph.namespaces import PREFIXES, review_graph_iri

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / "tests" / "data" / "shared"
TEXT = SHARED / "seed-review.txt"
GOLD = SHARED / "reviews-dev" / "seed.json"
REVIEW_ID = "r-fd4f55627fe0"
SEED = ROOT / "data" / "reviews" / f"{REVIEW_ID}.trig"
WG = PREFIXES["wg"]
TYPES = {
    "ReleaseYearClaim": "release_year", "FranchiseMemberClaim": "franchise_member", "DirectorClaim": "director",
    "WriterClaim": "writer", "CastClaim": "cast", "RepriseClaim": "reprise", "RatingClaim": "rating",
}
HEAD = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@pytest.fixture(scope="module")
def text() -> str:
    return TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(SEED), format=ox.RdfFormat.TRIG)
    return store


def rows(store: ox.Store, select: str) -> list[dict[str, str]]:
    result = store.query(HEAD + select)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def test_review_id_is_hash_of_the_text(text: str) -> None:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert "r-" + digest[:12] == REVIEW_ID


def test_one_named_graph_and_nothing_in_the_default_graph(store: ox.Store) -> None:
    assert [g.value for g in store.named_graphs()] == [review_graph_iri(REVIEW_ID)]
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_text_hash_recorded(store: ox.Store, text: str) -> None:
    found = rows(store, "SELECT ?h WHERE { GRAPH ?g { ?r a wg:Review ; wg:textSha256 ?h } }")
    assert found == [{"h": hashlib.sha256(text.encode("utf-8")).hexdigest()}]


def test_evidence_is_exact_substring_with_context(store: ox.Store, text: str) -> None:
    found = rows(store, """SELECT ?e ?exact ?start ?end ?prefix ?suffix WHERE { GRAPH ?g {
        ?e oa:exact ?exact ; oa:start ?start ; oa:end ?end .
        OPTIONAL { ?e oa:prefix ?prefix } OPTIONAL { ?e oa:suffix ?suffix } } }""")
    assert len(found) == 10
    for row in found:
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["exact"]
        assert row.get("prefix", "") == text[max(0, start - 32):start]
        assert row.get("suffix", "") == text[end:end + 32]


def test_claims_match_the_gold_claims(store: ox.Store) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["claims"]
    found = rows(store, """SELECT ?type ?exact ?start ?end WHERE { GRAPH ?g {
        ?c a ?type ; wg:evidence ?e ; wg:claimedIn ?r ; wg:aboutWork work:ballerina-2025 .
        ?e oa:exact ?exact ; oa:start ?start ; oa:end ?end } }""")
    assert sorted((TYPES[r["type"].removeprefix(WG)], r["exact"], int(r["start"]), int(r["end"])) for r in found) == sorted(
        (c["type"], c["evidence"], c["start"], c["end"]) for c in gold
    )


def test_false_claims_are_contradicted(store: ox.Store) -> None:
    found = rows(store, "SELECT ?c WHERE { GRAPH ?g { ?c wg:status \"contradicted\" } }")
    assert sorted(r["c"].rsplit("/", 1)[1] for r in found) == ["1", "4"]
    assert rows(store, "SELECT ?y WHERE { GRAPH ?g { ?c a wg:ReleaseYearClaim ; wg:claimedYear ?y } }") == [{"y": "2024"}]


def test_rooney_is_a_new_unreconciled_character(store: ox.Store) -> None:
    assert store.query(HEAD + """ASK { GRAPH ?g {
        ?c a wg:CastClaim ; wg:claimedPerson person:ana-de-armas ; wg:claimedCharacter character:rooney ;
           wg:claimedCharacterName "Rooney" ; wg:assertsPerformance ?p .
        ?p a wg:Performance ; wg:actor person:ana-de-armas ; wg:character character:rooney ; wg:work work:ballerina-2025 .
        character:rooney a wg:Character ; rdfs:label "Rooney" ; wg:reconciled false } }""")


def test_norman_reedus_has_no_character_or_performance(store: ox.Store) -> None:
    found = rows(store, """SELECT ?c WHERE { GRAPH ?g { ?c wg:claimedPerson person:norman-reedus } }""")
    assert len(found) == 1
    assert not store.query(HEAD + """ASK { GRAPH ?g { ?c wg:claimedPerson person:norman-reedus .
        { ?c wg:claimedCharacter ?x } UNION { ?c wg:assertsPerformance ?x } } }""")
    assert not store.query(HEAD + "ASK { GRAPH ?g { ?p wg:actor person:norman-reedus } }")


def test_reprises(store: ox.Store) -> None:
    assert store.query(HEAD + """ASK { GRAPH ?g { ?r a wg:Reprise ; wg:actor person:anjelica-huston ;
        wg:character character:the-director ; wg:fromWork work:john-wick-chapter-3-parabellum-2019 ; wg:inferred false } }""")
    assert store.query(HEAD + """ASK { GRAPH ?g { ?r a wg:Reprise ; wg:actor person:keanu-reeves ; wg:inferred false
        FILTER NOT EXISTS { ?r wg:fromWork ?w } } }""")


def test_rating_and_claimed_facts(store: ox.Store) -> None:
    assert store.query(HEAD + """ASK { GRAPH ?g { ?review schema:reviewRating ?rating .
        ?rating a wg:Rating ; schema:ratingValue 3.5 ; schema:bestRating 5 ; wg:ratingScale "5" ; wg:normalizedRating 0.7 .
        ?c a wg:RatingClaim ; wg:claimedRating ?rating ; wg:status "unknown" } }""")
    assert store.query(HEAD + """ASK { GRAPH ?g { work:ballerina-2025 wg:director person:len-wiseman ;
        wg:releaseYear 2024 ; wg:partOfFranchise id:franchise\\/john-wick } }""")


def test_provenance(store: ox.Store) -> None:
    assert store.query(HEAD + """ASK { GRAPH ?g {
        ?g a wg:ReviewGraph ; prov:wasDerivedFrom ?r ; prov:wasGeneratedBy ?x ; prov:generatedAtTime ?t ;
           prov:wasAttributedTo ?team .
        ?team rdfs:label "wickgraph team" .
        ?r a wg:Review ; schema:itemReviewed work:ballerina-2025 ; wg:retrievedOn "2026-11-25"^^xsd:date ;
           schema:publisher ?pub .
        ?pub rdfs:label "Headphones Thoughts" .
        ?x a wg:Extraction ; wg:extractionMethod "manual" ; prov:wasAssociatedWith ?team } }""")
    assert not store.query(HEAD + 'ASK { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(LCASE(STR(?o)), "unknown") && ?p != wg:status) } }')
    assert not store.query(HEAD + "ASK { GRAPH ?g { ?r schema:author ?a } }")
