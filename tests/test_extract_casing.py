"""A case-blind regex and its lower-case twin over the lower-cased text find the same matches (casing.py)."""

from __future__ import annotations

import re
import sys

import pytest

from wickgraph.extract import casing
from wickgraph.extract.scales import PATTERNS


def test_only_the_listed_characters_break_lowering() -> None:
    """Every code point but the listed few lower-cases to one character that the classes \\w, \\s, \\d and a
    case-blind ASCII letter treat as they treat the character itself."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    # a case-blind ASCII letter matches the ASCII letters and the characters that lower-case to one ...
    odd = {c for c in re.findall("[a-z]", every, re.IGNORECASE) if not "a" <= c.lower() <= "z"}
    # ... and a character that changes when lower-cased must keep its length and classes
    for char in every:
        lower = char.lower()
        if lower != char and (len(lower) != 1 or any(
                bool(re.match(c, char)) != bool(re.match(c, lower)) for c in (r"\w", r"\s", r"\d"))):
            odd.add(char)
    assert odd == set("\u0130\u0131\u017f")  # the Kelvin sign lower-cases to "k", which is what "k" matches
    assert all(not casing.lowering_is_exact(c, c.lower()) for c in odd)
    # capital sigma: its lower case depends on the letters around it
    assert not casing.lowering_is_exact("\u03a3\u03a3", "\u03a3\u03a3".lower())


def test_no_twin_where_case_matters() -> None:
    assert casing.lowercase_twin(re.compile(r"(?P<grade>(?-i:[A-F]))", re.IGNORECASE)) is None
    assert casing.lowercase_twin(re.compile(r"\S+ stars", re.IGNORECASE)) is None
    assert casing.lowercase_twin(re.compile(r"stars")) is None  # not case-blind: nothing to speed up
    twin = casing.lowercase_twin(re.compile(r"(?P<Value>\d+) OUT OF (?P=Value)", re.IGNORECASE))
    assert twin is not None and twin.pattern == r"(?P<value>\d+) out of (?P=value)" and not twin.flags & re.I


TEXTS = ["I GIVE IT Three Out Of Five Stars, 7 ON 10, Eight/10 and 4.5 of 5 POINTS.",
         "Rating: ★★★½ — two and a half stars; seventeen out of twenty; 88% Score: 9 on 10",
         "Ça vaut 3 sur 5? No: THREE STARS OUT OF FIVE, ½ star off. ÉTOILES: 4/5"]


@pytest.mark.parametrize("text", TEXTS)
def test_twins_find_what_the_ratings_patterns_find(text: str) -> None:
    lower = text.lower()
    assert casing.lowering_is_exact(text, lower)
    twins = [(kind, pattern, twin) for kind, pattern, twin in PATTERNS if twin is not None]
    assert {kind for kind, _, _ in twins} >= {"out_of", "on_scale", "points", "stars", "given_bare"}
    found = 0
    for _, pattern, twin in twins:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in twin.finditer(lower)] == expected
        found += len(expected)
    assert found >= 3


@pytest.mark.parametrize("text", [*TEXTS, "CHARACTER | PLAYED BY\nWinston | Ian McShane, who is NOT in Ballerina",
                                  "Halle Berry sat this one out; Keanu isn't absent. Cast: ACTOR, Role"])
def test_search_and_finditer_give_the_patterns_own_matches(text: str) -> None:
    """casing.search and casing.finditer find with the twin and return what the pattern itself returns."""
    from wickgraph.extract.film import _ABSENCE, _ABSENCE_LOWER
    from wickgraph.extract.layout import _HEADER_HINT, _HEADER_HINT_LOWER

    lower = casing.lower_if_exact(text)
    assert lower is not None
    for pattern, twin in [(_ABSENCE, _ABSENCE_LOWER), (_HEADER_HINT, _HEADER_HINT_LOWER),
                          *[(p, t) for _, p, t in PATTERNS]]:
        assert twin is not None or pattern in [p for _, p, t in PATTERNS if t is None]
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text, 3, len(text) - 2)]
        assert [(m.span(), m.groups()) for m in casing.finditer(pattern, twin, text, lower, 3, len(text) - 2)] == expected
        first = pattern.search(text, 3, len(text) - 2)
        found = casing.search(pattern, twin, text, lower, 3, len(text) - 2)
        assert (found and (found.span(), found.groups())) == (first and (first.span(), first.groups()))
    assert casing.lower_if_exact("Mr. \u0130nce") is None  # lower-casing the dotted capital I adds a character


def test_block_rules_twins_find_what_the_rules_find() -> None:
    """Every block rule with a lower-case twin finds with it, over the lower-cased text, what it finds itself."""
    from pathlib import Path

    from wickgraph.extract.patterns import default_rules

    folder = Path(__file__).parent / "data" / "extract"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    lower = casing.lower_if_exact(text)
    assert lower is not None
    blocks = [b for b in default_rules().blocks if b.twin is not None]
    assert len(blocks) >= 20
    found = 0
    for block in blocks:
        assert block.regex is not None and block.twin is not None
        expected = [m.span() for m in block.regex.finditer(text)]
        assert [m.span() for m in block.twin.finditer(lower)] == expected, block.id
        found += len(expected)
    assert found > 50
