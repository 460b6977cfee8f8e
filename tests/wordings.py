"""Helpers for the extractor's wording tests: the facts an extraction finds, compared as the scorer compares."""

from __future__ import annotations

from typing import Any

from wickgraph.extract import extract
from wickgraph.reference import normalize_name

Fact = tuple[str, str, Any, str]  # (type, who, role-or-value, status)


def facts(text: str, film: str | None) -> list[Fact]:
    found: list[Fact] = []
    for claim in extract(text, film).claims:
        who = claim.person or claim.actor or ""
        value: Any = None
        if claim.type in ("cast", "reprise"):
            value = claim.character
        elif claim.type == "release_year":
            value = claim.year
        elif claim.type == "rating":
            value = claim.to_json().get("value")
        found.append((claim.type, normalize_name(who), value, claim.status))
        assert text[claim.start:claim.end] == claim.evidence
    return found


def same(expected: Any, found: Any) -> bool:
    if isinstance(expected, str) and isinstance(found, str):
        a, b = set(normalize_name(expected).split()), set(normalize_name(found).split())
        return a == b or (bool(a) and bool(b) and (a <= b or b <= a))
    if isinstance(expected, (int, float)) and isinstance(found, (int, float)):
        return float(expected) == float(found)
    return bool(expected == found)


def assert_absent(phenomenon: str, text: str, film: str | None, absent: tuple[str, str, Any]) -> None:
    """No claim of ``absent``'s type, person and role-or-value (None: any) is found in ``text``."""
    kind, who, value = absent
    found = facts(text, film)
    assert not [f for f in found if f[0] == kind and f[1] == normalize_name(who)
                and (value is None or same(value, f[2]))], (phenomenon, found)
