"""Claim status against the reference facts, by the rules of docs/graph-model.md ("Conflicts")."""

from __future__ import annotations

from pathlib import Path

import pytest

from wickgraph.claimkinds import claim_status
from wickgraph.extract.claims import Claim
from wickgraph.namespaces import REFERENCE_GRAPH
from wickgraph.reference import Reference, default_reference, normalize_name
from wickgraph.store import Store

ID = "https://w3id.org/wickgraph/id/"
TTL = Path(__file__).resolve().parent.parent / "data" / "reference" / "franchise.ttl"
JW1, CH4, BALLERINA, CONTINENTAL, PARABELLUM = (f"{ID}work/{w}" for w in (
    "john-wick-2014", "john-wick-chapter-4-2023", "ballerina-2025", "the-continental-2023",
    "john-wick-chapter-3-parabellum-2019"))


def person(slug: str) -> str:
    return f"{ID}person/{slug}"


def character(slug: str) -> str:
    return f"{ID}character/{slug}"


@pytest.fixture(scope="module")
def reference() -> Reference:
    return default_reference(TTL)


@pytest.mark.parametrize(("claim", "work", "status"), [
    ({"type": "director", "person": "Len Wiseman", "person_iri": person("len-wiseman")}, BALLERINA, "supported"),
    ({"type": "director", "person": "Chad Stahelski", "person_iri": person("chad-stahelski")}, BALLERINA,
     "contradicted"),
    # an uncredited co-director is not a credited director
    ({"type": "director", "person": "David Leitch", "person_iri": person("david-leitch")}, JW1, "contradicted"),
    ({"type": "director", "person": "Nobody Known", "person_iri": None}, JW1, "contradicted"),
    ({"type": "writer", "person": "Shay Hatten", "person_iri": person("shay-hatten")}, CH4, "supported"),
    # "based on characters created by" is not a screenplay credit
    ({"type": "writer", "person": "Derek Kolstad", "person_iri": person("derek-kolstad")}, CH4, "contradicted"),
    ({"type": "writer", "person": "Derek Kolstad", "person_iri": person("derek-kolstad")}, PARABELLUM, "supported"),
    ({"type": "release_year", "year": 2024}, BALLERINA, "contradicted"),
    ({"type": "release_year", "year": 2025}, BALLERINA, "supported"),
    ({"type": "franchise_member", "franchise": "John Wick"}, CONTINENTAL, "supported"),
    ({"type": "cast", "actor": "Ana de Armas", "actor_iri": person("ana-de-armas"), "character": "Rooney",
      "character_iri": None}, BALLERINA, "contradicted"),
    ({"type": "cast", "actor": "Ana de Armas", "actor_iri": person("ana-de-armas"), "character": "Eve",
      "character_iri": None}, BALLERINA, "supported"),
    ({"type": "cast", "actor": "Ana de Armas", "actor_iri": person("ana-de-armas"), "character": None}, BALLERINA,
     "supported"),
    # the character is in the work, played only by somebody else
    ({"type": "cast", "actor": "Lance Reddick", "actor_iri": person("lance-reddick"), "character": "Charon",
      "character_iri": character("charon")}, CONTINENTAL, "contradicted"),
    # neither the actor nor the character is in the work: nothing to contradict
    ({"type": "cast", "actor": "Mads Mikkelsen", "actor_iri": None, "character": "Santino"}, BALLERINA, "unknown"),
    # a known false claim of the fact sheet: "The Continental ... features Keanu Reeves"
    ({"type": "cast", "actor": "Keanu Reeves", "actor_iri": person("keanu-reeves"), "character": None},
     CONTINENTAL, "contradicted"),
    ({"type": "cast", "actor": "Ian McShane", "actor_iri": person("ian-mcshane"), "character": None},
     CONTINENTAL, "unknown"),
    ({"type": "cast", "actor": "Bill Skarsgård", "actor_iri": person("bill-skarsgard"), "character": "the Marquis",
      "character_iri": character("marquis-vincent-de-gramont")}, CH4, "supported"),
    ({"type": "reprise", "actor": "Anjelica Huston", "actor_iri": person("anjelica-huston"),
      "character": "The Director", "character_iri": character("the-director"), "from_film_iri": PARABELLUM},
     BALLERINA, "supported"),
    ({"type": "reprise", "actor": "Gabriel Byrne", "actor_iri": person("gabriel-byrne"),
      "character": "The Elder", "character_iri": character("the-elder")}, BALLERINA, "contradicted"),
    ({"type": "rating", "value": 4, "scale": 5}, BALLERINA, "unknown"),
])
def test_claim_status(reference: Reference, claim: dict[str, object], work: str, status: str) -> None:
    assert claim_status(claim, reference, work) == status


def test_claim_objects_carry_their_work(reference: Reference) -> None:
    claim = Claim("release_year", "2016", 0, 4, year=2016, work_iri=f"{ID}work/john-wick-chapter-2-2017")
    assert claim_status(claim, reference) == "contradicted"
    assert claim_status(Claim("release_year", "2016", 0, 4, year=2016), reference) == "unknown"


def test_reference_from_a_wickgraph_store_matches_the_file(reference: Reference) -> None:
    store = Store()
    store.load_file(TTL, graph=str(REFERENCE_GRAPH))
    from_store = Reference.from_store(store)
    assert from_store.works.keys() == reference.works.keys()
    assert from_store.works[CH4].writers == reference.works[CH4].writers
    assert sorted(from_store.cast_of(BALLERINA)) == sorted(reference.cast_of(BALLERINA))


def test_index_contents(reference: Reference) -> None:
    assert reference.works[BALLERINA].release_year == 2025
    assert reference.works[JW1].directors == {person("chad-stahelski")}
    assert (person("anjelica-huston"), character("the-director")) in reference.cast_of(BALLERINA)
    assert "Rooney" in reference.characters[character("eve-macarro")].wrong_names
    assert reference.franchise_iri == f"{ID}franchise/john-wick"
    assert reference.earlier_works(BALLERINA)[0] == CONTINENTAL


def test_known_false_claim_truth(reference: Reference) -> None:
    truth = reference.false_claim_truth(BALLERINA, "Rooney")
    assert truth is not None and "Eve Macarro" in truth


def test_normalize_name() -> None:
    assert normalize_name("The Bowery King") == normalize_name("the bowery king") == "bowery king"
    assert normalize_name("Cormac O’Connor") == "cormac oconnor"
    assert normalize_name("Skarsgård's") == "skarsgard"
