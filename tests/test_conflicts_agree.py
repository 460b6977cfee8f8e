"""One matching rule: ``queries/conflicts.rq`` and ``wickgraph.claimkinds.claim_status`` agree.

For the seed review, the hand-written test reviews (``tests/data/reviews/``) and a review written
here with unreconciled character names, every claim the query reports as a conflict is exactly a
claim whose status, computed by ``claim_status`` from the claim as the review graph stores it, is
"contradicted"; for the hand-written graphs that is also the status they record (``wg:status``).
``wickgraph reviews`` counts the same conflicts per review.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from wickgraph.claimkinds import claim_status
from wickgraph.conflicts import conflicts, list_reviews
from wickgraph.namespaces import REFERENCE_GRAPH
from wickgraph.reference import Reference, character_key
from wickgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEST_REVIEWS = Path(__file__).resolve().parent / "data" / "reviews"
ID = "https://w3id.org/wickgraph/id/"
UNRECONCILED = "r-0a9e0c0ffee0"

# A review of Ballerina naming characters the gazetteer did not resolve (new nodes with
# wg:reconciled false), to pin the name rule: case and a leading "the" are ignored, accents and
# pre-release names are not.
EXTRA_REVIEW = f"""
@base <{ID}> .
@prefix wg:        <https://w3id.org/wickgraph/ontology#> .
@prefix work:      <{ID}work/> .
@prefix person:    <{ID}person/> .
@prefix character: <{ID}character/> .
@prefix prov:      <http://www.w3.org/ns/prov#> .
@prefix schema:    <https://schema.org/> .
@prefix oa:        <http://www.w3.org/ns/oa#> .
@prefix rdfs:      <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/wickgraph/graph/review/{UNRECONCILED}> {{
    <https://w3id.org/wickgraph/graph/review/{UNRECONCILED}> a wg:ReviewGraph ;
        prov:wasDerivedFrom <review/{UNRECONCILED}> .
    <review/{UNRECONCILED}> a wg:Review ; schema:itemReviewed work:ballerina-2025 .

    # Anjelica Huston plays The Director (alias "Director"): supported, whatever the case or "the"
    <claim/{UNRECONCILED}/1> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:anjelica-huston ;
        wg:claimedCharacter character:director ; wg:claimedCharacterName "Director" ;
        wg:evidence <claim/{UNRECONCILED}/1/evidence> .
    <claim/{UNRECONCILED}/2> a wg:RepriseClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:anjelica-huston ;
        wg:claimedCharacter character:the-directress ; wg:claimedCharacterName "THE DIRECTOR" ;
        wg:evidence <claim/{UNRECONCILED}/2/evidence> .
    # Ana de Armas plays Eve Macarro (alias "the Ballerina"): supported
    <claim/{UNRECONCILED}/3> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:ana-de-armas ;
        wg:claimedCharacter character:ballerina ; wg:claimedCharacterName "Ballerina" ;
        wg:evidence <claim/{UNRECONCILED}/3/evidence> .
    # an accented spelling is not her name for this rule (the gazetteer resolves those): contradicted
    <claim/{UNRECONCILED}/4> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:ana-de-armas ;
        wg:claimedCharacter character:eve-macarro-accented ; wg:claimedCharacterName "Éve Macarro" ;
        wg:evidence <claim/{UNRECONCILED}/4/evidence> .
    # somebody the reference does not know, as a character it has in the work: contradicted
    <claim/{UNRECONCILED}/5> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:mara-quillfeather ;
        wg:claimedCharacter character:director ; wg:claimedCharacterName "the Director" ;
        wg:evidence <claim/{UNRECONCILED}/5/evidence> .
    # neither the actor nor the character is in the reference: unknown, no conflict
    <claim/{UNRECONCILED}/6> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:mara-quillfeather ;
        wg:claimedCharacter character:the-cartographer ; wg:claimedCharacterName "the Cartographer" ;
        wg:evidence <claim/{UNRECONCILED}/6/evidence> .

    # Ana de Armas first plays Eve Macarro in Ballerina: a reprise of it contradicts the earlier casts
    <claim/{UNRECONCILED}/7> a wg:RepriseClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:ana-de-armas ;
        wg:claimedCharacter character:eve-macarro ; wg:evidence <claim/{UNRECONCILED}/7/evidence> .
    # Anjelica Huston played the Director in Parabellum, not in the work this reprise names
    <claim/{UNRECONCILED}/8> a wg:RepriseClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:anjelica-huston ;
        wg:claimedCharacter character:the-director ; wg:claimedFromWork work:john-wick-2014 ;
        wg:evidence <claim/{UNRECONCILED}/8/evidence> .
    # ... and from the work it names it is a true reprise
    <claim/{UNRECONCILED}/9> a wg:RepriseClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:anjelica-huston ;
        wg:claimedCharacter character:the-director ; wg:claimedFromWork work:john-wick-chapter-3-parabellum-2019 ;
        wg:evidence <claim/{UNRECONCILED}/9/evidence> .
    # a known false claim whose false value is "Actor as Character": contradicted, with its explanation
    <claim/{UNRECONCILED}/10> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:catalina-sandino-moreno ;
        wg:claimedCharacter character:nogi ; wg:evidence <claim/{UNRECONCILED}/10/evidence> .
    # Thomas Sadoski plays Jimmy in the first two films; Ballerina's cast lists neither him nor Jimmy: a reprise or
    # a plain cast claim there is contradicted (the reference lists every role a work takes over from another)
    <claim/{UNRECONCILED}/11> a wg:RepriseClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:thomas-sadoski ;
        wg:claimedCharacter character:jimmy ; wg:evidence <claim/{UNRECONCILED}/11/evidence> .
    <claim/{UNRECONCILED}/12> a wg:CastClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:ballerina-2025 ; wg:claimedPerson person:thomas-sadoski ;
        wg:claimedCharacter character:jimmy ; wg:evidence <claim/{UNRECONCILED}/11/evidence> .

    # Anjelica Huston plays the Director in Ballerina too, but no role comes back from a later work: reviewing
    # Parabellum, "reprises the Director from Ballerina" is contradicted
    <claim/{UNRECONCILED}/13> a wg:RepriseClaim ; wg:claimedIn <review/{UNRECONCILED}> ;
        wg:aboutWork work:john-wick-chapter-3-parabellum-2019 ; wg:claimedPerson person:anjelica-huston ;
        wg:claimedCharacter character:the-director ; wg:claimedFromWork work:ballerina-2025 ;
        wg:evidence <claim/{UNRECONCILED}/13/evidence> .
    <claim/{UNRECONCILED}/13/evidence> oa:exact "Anjelica Huston reprises the Director from Ballerina" .

    <claim/{UNRECONCILED}/11/evidence> oa:exact "Thomas Sadoski is back as Jimmy" .
    <claim/{UNRECONCILED}/1/evidence> oa:exact "Anjelica Huston as Director" .
    <claim/{UNRECONCILED}/7/evidence> oa:exact "Ana de Armas reprises Eve" .
    <claim/{UNRECONCILED}/8/evidence> oa:exact "Anjelica Huston reprises the Director from John Wick" .
    <claim/{UNRECONCILED}/9/evidence> oa:exact "Anjelica Huston reprises the Director from Parabellum" .
    <claim/{UNRECONCILED}/10/evidence> oa:exact "Catalina Sandino Moreno as Nogi" .
    <claim/{UNRECONCILED}/2/evidence> oa:exact "Anjelica Huston reprises THE DIRECTOR" .
    <claim/{UNRECONCILED}/3/evidence> oa:exact "Ana de Armas as Ballerina" .
    <claim/{UNRECONCILED}/4/evidence> oa:exact "Ana de Armas as Éve Macarro" .
    <claim/{UNRECONCILED}/5/evidence> oa:exact "Mara Quillfeather as the Director" .
    <claim/{UNRECONCILED}/6/evidence> oa:exact "Mara Quillfeather as the Cartographer" .

    person:mara-quillfeather a wg:Person ; rdfs:label "Mara Quillfeather" ; wg:reconciled false .
    character:director a wg:Character ; rdfs:label "Director" ; wg:reconciled false .
    character:the-directress a wg:Character ; rdfs:label "THE DIRECTOR" ; wg:reconciled false .
    character:ballerina a wg:Character ; rdfs:label "Ballerina" ; wg:reconciled false .
    character:eve-macarro-accented a wg:Character ; rdfs:label "Éve Macarro" ; wg:reconciled false .
    character:the-cartographer a wg:Character ; rdfs:label "the Cartographer" ; wg:reconciled false .
}}
"""

_TYPES = {"CastClaim": "cast", "RepriseClaim": "reprise", "DirectorClaim": "director", "WriterClaim": "writer",
          "ReleaseYearClaim": "release_year", "FranchiseMemberClaim": "franchise_member", "RatingClaim": "rating"}

# Every claim as its review graph stores it, in the fields claim_status reads.
_CLAIMS = """
PREFIX wg: <https://w3id.org/wickgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?claim ?class ?work ?person ?character ?name ?label ?year ?fromWork ?status WHERE {
  GRAPH ?g {
    ?g a wg:ReviewGraph .
    ?claim wg:claimedIn ?review ; a ?class ; wg:aboutWork ?work .
    OPTIONAL { ?claim wg:claimedPerson ?person }
    OPTIONAL { ?claim wg:claimedCharacter ?character OPTIONAL { ?character rdfs:label ?label } }
    OPTIONAL { ?claim wg:claimedCharacterName ?name }
    OPTIONAL { ?claim wg:claimedYear ?year }
    OPTIONAL { ?claim wg:claimedFromWork ?fromWork }
    OPTIONAL { ?claim wg:status ?status }
  }
}
"""


@pytest.fixture(scope="module")
def store() -> Store:
    """The reference facts, the seed review, the hand-written test reviews and EXTRA_REVIEW, in memory."""
    opened = Store()
    for path in sorted((ROOT / "data" / "reference").glob("*.ttl")):
        opened.load_file(path, graph=str(REFERENCE_GRAPH))
    for path in [*sorted((ROOT / "data" / "reviews").glob("*.trig")), *sorted(TEST_REVIEWS.glob("*.trig"))]:
        opened.load_file(path)
    opened.bulk_load(EXTRA_REVIEW.encode(), ox.RdfFormat.TRIG)
    return opened


def _claims(store: Store) -> dict[str, tuple[dict[str, Any], str | None, str]]:
    """claim IRI -> (the claim as claim_status reads it, its recorded wg:status, its review id)."""
    claims: dict[str, tuple[dict[str, Any], str | None, str]] = {}
    for row in store.query(_CLAIMS):  # type: ignore[union-attr]
        kind = _TYPES.get(row["class"].value.rsplit("#", 1)[-1])
        if kind is None:
            continue
        value = {name: row[name].value if row[name] is not None else None
                 for name in ("work", "person", "character", "name", "label", "year", "fromWork", "status")}
        claim = {"type": kind, "work_iri": value["work"], "person_iri": value["person"], "actor_iri": value["person"],
                 "character_iri": value["character"], "character": value["name"] or value["label"],
                 "year": int(value["year"]) if value["year"] else None, "from_film_iri": value["fromWork"]}
        claims[row["claim"].value] = (claim, value["status"], row["g"].value.rsplit("/", 1)[-1])
    return claims


def test_the_query_reports_exactly_the_contradicted_claims(store: Store) -> None:
    reference = Reference.from_store(store)
    claims = _claims(store)
    computed = {iri for iri, (claim, _, _) in claims.items() if claim_status(claim, reference) == "contradicted"}
    found = [conflict.claim for conflict in conflicts(store)]
    assert len(found) == len(set(found)), "one row per conflicting claim"
    assert set(found) == computed
    # seed: Rooney and 2024; A: four; B: two; C: none; EXTRA_REVIEW: claims 4, 5, 7, 8, 10, 11 and 12
    assert Counter(review for iri, (_, _, review) in claims.items() if iri in computed) == {
        "r-fd4f55627fe0": 2, "r-71cf369964b4": 4, "r-1c04d52af08a": 2, UNRECONCILED: 8}


def test_known_false_actor_as_character_values_explain_the_conflict(store: Store) -> None:
    rows = {c.claim.rsplit("/", 1)[-1]: c for c in conflicts(store) if f"/{UNRECONCILED}/" in c.claim}
    assert "Sharon Duncan-Brewster plays Nogi" in rows["10"].explanation
    assert rows["7"].reference == "first played in this work"
    assert rows["8"].reference.startswith("not in John Wick")
    assert rows["11"].reference == "not in this work's cast (the role is in John Wick)"
    assert rows["12"].reference == "not in this work's cast (the role is in John Wick)" and rows["12"].kind == "cast"


def test_recorded_statuses_of_the_hand_written_reviews_agree(store: Store) -> None:
    """The seed and test reviews record wg:status by the same rules; their conflicts are their "contradicted" claims."""
    claims = _claims(store)
    recorded = {iri for iri, (_, status, review) in claims.items() if status == "contradicted" and review != UNRECONCILED}
    found = {conflict.claim for conflict in conflicts(store) if conflict.review_id != UNRECONCILED}
    assert recorded == found


def test_unreconciled_names_follow_the_documented_rule(store: Store) -> None:
    claims = _claims(store)
    reference = Reference.from_store(store)
    status = {iri.rsplit("/", 1)[-1]: claim_status(claim, reference)
              for iri, (claim, _, review) in claims.items() if review == UNRECONCILED}
    # 2: she played The Director in Parabellum, so the reprise is confirmed too
    assert status == {"1": "supported", "2": "supported", "3": "supported", "4": "contradicted", "5": "contradicted",
                      "6": "unknown", "7": "contradicted", "8": "contradicted", "9": "supported", "10": "contradicted",
                      "11": "contradicted", "12": "contradicted", "13": "contradicted"}
    rows = {c.claim.rsplit("/", 1)[-1]: c for c in conflicts(store) if c.review_id == UNRECONCILED}
    assert set(rows) == {"4", "5", "7", "8", "10", "11", "12", "13"}
    assert rows["13"].reference == "From the World of John Wick: Ballerina came out later"
    assert rows["8"].reference == "not in John Wick"
    assert rows["5"].reference == "Anjelica Huston as The Director"
    assert rows["4"].reference.startswith("Ana de Armas as Eve Macarro")
    assert character_key("The Director") == character_key("director") == "director"
    assert character_key("Theodora") == "theodora"


def test_reviews_counts_the_same_conflicts(store: Store) -> None:
    per_review = Counter(conflict.review_id for conflict in conflicts(store))
    listed = {summary.review_id: summary.conflicts for summary in list_reviews(store)}
    assert {rid: n for rid, n in listed.items() if n} == dict(per_review)
    assert listed["r-59588f7b2f12"] == 0
