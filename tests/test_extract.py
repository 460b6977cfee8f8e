"""Extraction cases written by hand: tests/data/extract/<case>.txt with the expected claims in <case>.json.

A case passes when the extractor finds exactly the expected claims (compared on their facts,
as the shared scorer does: names ignoring case, accents and a leading "the"), with the expected
status, and every evidence is the exact text at its offsets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wickgraph.extract import extract, extract_file
from wickgraph.extract.claims import Claim
from wickgraph.reference import normalize_name

CASES = Path(__file__).resolve().parent / "data" / "extract"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.txt"))


def fact(claim: dict[str, Any]) -> tuple[Any, ...]:
    kind = claim["type"]
    if kind in ("director", "writer"):
        return (kind, normalize_name(claim["person"]))
    if kind == "cast":
        return (kind, normalize_name(claim["actor"]), normalize_name(claim.get("character")))
    if kind == "reprise":
        return (kind, normalize_name(claim["actor"]), normalize_name(claim.get("character")),
                normalize_name(claim.get("from_film")))
    if kind == "release_year":
        return (kind, claim["year"])
    if kind == "rating":
        return (kind, str(claim["value"]), str(claim["scale"]))
    return (kind,)


def same_character(expected: str, found: str) -> bool:
    """A character named by part of its name ("Winston" for "Winston Scott") is the same character."""
    a, b = set(expected.split()), set(found.split())
    return a == b or (bool(a) and bool(b) and (a <= b or b <= a))


def matches(expected: dict[str, Any], found: dict[str, Any]) -> bool:
    e, f = fact(expected), fact(found)
    if e[:2] != f[:2] or len(e) != len(f):
        return False
    if expected["type"] in ("cast", "reprise"):
        if not e[2] or not f[2]:
            return e[2] == f[2]
        return same_character(e[2], f[2]) and e[3:] == f[3:]
    return e == f


def test_there_are_enough_cases() -> None:
    assert len(CASE_NAMES) >= 15


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case(case: str) -> None:
    expected = json.loads((CASES / f"{case}.json").read_text(encoding="utf-8"))
    result = extract_file(CASES / f"{case}.txt")
    assert result.film_title == expected["film"]
    found = [c.to_json() for c in result.claims]
    unmatched = list(found)
    missing = []
    for want in expected["claims"]:
        hit = next((f for f in unmatched if matches(want, f)), None)
        if hit is None:
            missing.append(want)
            continue
        unmatched.remove(hit)
        if "status" in want:
            assert hit["status"] == want["status"], (want, hit)
        if "normalized" in want:
            assert hit["normalized"] == pytest.approx(want["normalized"], abs=1e-3)
    assert not missing and not unmatched, {"missing": missing, "unexpected": unmatched}
    for claim in result.claims:
        assert result.text[claim.start:claim.end] == claim.evidence != ""


def test_json_contract_key_order() -> None:
    result = extract("Ana de Armas returns as Eve Macarro in Ballerina (2025). Rating: 4/5", "Ballerina")
    shapes = [list(c.to_json()) for c in result.claims]
    assert ["type", "actor", "character", "evidence", "start", "end", "status", "confidence", "actor_iri",
            "character_iri"] in shapes
    assert ["type", "actor", "character", "from_film", "evidence", "start", "end", "status", "confidence",
            "actor_iri", "character_iri"] in shapes
    assert ["type", "year", "evidence", "start", "end", "status", "confidence"] in shapes
    assert ["type", "value", "scale", "normalized", "evidence", "start", "end", "status", "confidence"] in shapes
    assert result.to_json()["film"] == {"title": "From the World of John Wick: Ballerina",
                                        "iri": "https://w3id.org/wickgraph/id/work/ballerina-2025"}


def test_unknown_character_is_null_not_linked() -> None:
    result = extract("Common plays Cassius, and the film is John Wick: Chapter 2.")
    cast = [c for c in result.claims if c.type == "cast"]
    assert [(c.actor, c.character, c.character_iri, c.status) for c in cast] == [
        ("Common", "Cassius", None, "contradicted")]


def test_film_given_explicitly_wins() -> None:
    result = extract("Lance Reddick appears as Charon.", film="Parabellum")
    assert result.film_iri == "https://w3id.org/wickgraph/id/work/john-wick-chapter-3-parabellum-2019"
    assert [c.status for c in result.claims] == ["supported"]


def test_at_most_one_rating_and_franchise_claim() -> None:
    text = ("Rating: 4/5. A fine entry in the John Wick franchise, the best film in the John Wick series. "
            "Rating: 2/5 from my editor. John Wick: Chapter 2 (2017).")
    kinds = [c.type for c in extract(text).claims]
    assert kinds.count("rating") == 1 and kinds.count("franchise_member") == 1


def test_claim_is_frozen() -> None:
    claim = Claim("release_year", "2019", 0, 4, year=2019)
    with pytest.raises(AttributeError):
        claim.year = 2020  # type: ignore[misc]
