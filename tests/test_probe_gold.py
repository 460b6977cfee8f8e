"""The probe reviews' gold files (tests/data/extract/probes) are well formed.

These are labelled by hand to tune the extractor on styles the development set lacks; the
extractor is scored on them with ../shared/tools/score_extraction.py, not asserted here.
What is asserted: every evidence is the exact text at its offsets, every claim has the fields
of its type and nothing else, and the per-review limits of the gold format hold.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

PROBES = Path(__file__).resolve().parent / "data" / "extract" / "probes"
NAMES = sorted(p.stem for p in PROBES.glob("*.json"))
FIELDS = {
    "director": {"person"},
    "writer": {"person"},
    "cast": {"actor", "character"},
    "reprise": {"actor", "character", "from_film"},
    "franchise_member": {"franchise"},
    "release_year": {"year"},
    "rating": {"value", "scale"},
}
COMMON = {"type", "evidence", "start", "end", "true_in_reference"}


def load(name: str) -> tuple[str, dict[str, Any]]:
    return (PROBES / f"{name}.txt").read_text(encoding="utf-8"), json.loads(
        (PROBES / f"{name}.json").read_text(encoding="utf-8")
    )


def test_the_probe_set_is_there() -> None:
    assert len(NAMES) == 26
    assert sorted(p.stem for p in PROBES.glob("*.txt")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_evidence_is_the_text_at_its_offsets(name: str) -> None:
    text, gold = load(name)
    assert gold["review"] == f"{name}.txt"
    for claim in gold["claims"]:
        assert claim["evidence"] and text[claim["start"] : claim["end"]] == claim["evidence"], claim


@pytest.mark.parametrize("name", NAMES)
def test_claims_have_the_fields_of_their_type(name: str) -> None:
    _, gold = load(name)
    assert set(gold["film"]) == {"title", "year"}
    for claim in gold["claims"]:
        fields = set(claim) - COMMON
        assert FIELDS[claim["type"]] <= fields <= FIELDS[claim["type"]] | {"normalized"}, claim
        expected_truth = (None,) if claim["type"] == "rating" else (True, False)
        assert claim["true_in_reference"] in expected_truth, claim


@pytest.mark.parametrize("name", NAMES)
def test_one_rating_one_franchise_claim_and_a_cast_claim_behind_each_reprise(name: str) -> None:
    _, gold = load(name)
    kinds = [claim["type"] for claim in gold["claims"]]
    assert kinds.count("rating") <= 1 and kinds.count("franchise_member") <= 1
    cast = {(c["actor"], c["character"]) for c in gold["claims"] if c["type"] == "cast"}
    for reprise in (c for c in gold["claims"] if c["type"] == "reprise"):
        assert (reprise["actor"], reprise["character"]) in cast, reprise
