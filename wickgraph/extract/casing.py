"""Case-blind regexes run as lower-case ones over lower-cased text, which the regex engine runs far faster.

Under ``IGNORECASE`` the engine enters every alternative of ``one|two|three|...`` to compare letters
case-blind at every position; a lower-case pattern without the flag over a lower-cased copy of the
text skips in C the alternatives whose first letter differs. The two find the same matches when no
character of :data:`_CASE_BLIND_EXTRAS` occurs: every other character lower-cases to one character
that the classes \\w, \\s, \\d and the case-blind ASCII letters treat as they treat the character
itself (``tests/test_extract_casing.py`` checks every code point).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import regexcache

__all__ = ["finditer", "lower_if_exact", "lowering_is_exact", "lowercase_twin", "search"]

# Escapes and groups whose meaning depends on case: a pattern holding one has no lower-case twin.
_CASED_ESCAPE = re.compile(r"\\[SWDBAZGNPXULE]|\(\?-i:|\[\^?A-Z")
# Dotted capital I, dotless i, long s, and capital sigma (its lower case depends on the letters around it)
_CASE_BLIND_EXTRAS = re.compile("[\u0130\u0131\u017f\u03a3]")


def lowercase_source(source: str) -> str | None:
    """``source`` in lower case (group names kept), or None when its meaning depends on case."""
    if _CASED_ESCAPE.search(source):
        return None
    return source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds over ``text.lower()`` what the case-blind ``pattern`` finds over ``text`` (when
    :func:`lowering_is_exact`); None when ``pattern`` is not case-blind or its meaning depends on case."""
    if not pattern.flags & re.IGNORECASE:
        return None
    source = lowercase_source(pattern.pattern.removeprefix("(?i)"))
    if source is None:
        return None
    try:
        return regexcache.compile(source, pattern.flags & ~(re.IGNORECASE | re.UNICODE), skip_to_start=True)
    except re.error:
        return None


def lowering_is_exact(text: str, lower: str) -> bool:
    """Whether a case-blind pattern over ``text`` and its :func:`lowercase_twin` over ``lower`` (``text.lower()``)
    find the same matches at the same offsets."""
    if text.isascii():  # the common case, told in C without a search
        return len(lower) == len(text)
    return len(lower) == len(text) and _CASE_BLIND_EXTRAS.search(text) is None


def lower_if_exact(text: str) -> str | None:
    """``text.lower()`` when :func:`lowering_is_exact`, else None (then twins are not used)."""
    lower = text.lower()
    return lower if lowering_is_exact(text, lower) else None


def search(pattern: re.Pattern[str], twin: re.Pattern[str] | None, text: str, lower: str | None,
           pos: int, endpos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)``, found by ``twin`` over ``lower`` (:func:`lower_if_exact`) when
    both are given, then read again by ``pattern``: the same match, with the text's own letters."""
    if twin is None or lower is None:
        return pattern.search(text, pos, endpos)
    found = twin.search(lower, pos, endpos)
    return None if found is None else _again(pattern, text, found, endpos)


def finditer(pattern: re.Pattern[str], twin: re.Pattern[str] | None, text: str, lower: str | None,
             pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, found as :func:`search` finds a match."""
    if twin is None or lower is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    for found in twin.finditer(lower, pos, endpos):
        yield _again(pattern, text, found, endpos)


def _again(pattern: re.Pattern[str], text: str, found: re.Match[str], endpos: int) -> re.Match[str]:
    match = pattern.match(text, found.start(), endpos)
    assert match is not None and match.end() == found.end()  # the twin finds what the pattern finds
    return match
