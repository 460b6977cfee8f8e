"""Years said in words, as transcripts and dictation write them: "twenty nineteen", "two thousand and fourteen",
"nineteen ninety-nine". The layout view writes each as its digits, padded to the same length, so the year rules
read it; a claim whose evidence stops inside one is widened to the whole phrase.

>>> spoken_years("it came out in twenty nineteen, I think")
[(15, 30, 2019)]
"""

from __future__ import annotations

import re

from .. import regexcache

__all__ = ["spoken_years", "widened", "with_years_in_digits"]

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_TWO_DIGITS = (rf"(?:(?:{'|'.join(_TEENS)})|(?:{'|'.join(_TENS)})(?:[ -]{_UNIT})?|(?:oh|o)[ -]{_UNIT})")
# the engine skips in C to the letters a spoken year starts with
_SPOKEN_YEAR = regexcache.compile(rf"\b(?:(?P<century>nineteen|twenty)[ -](?P<rest>{_TWO_DIGITS})"
                                  rf"|two[ -]thousand(?:[ -]and)?(?:[ -](?P<after>{_TWO_DIGITS}|{_UNIT}))?)\b",
                                  re.IGNORECASE, skip_to_start=True)


def _two_digits(words: str) -> int:
    parts = re.split(r"[ -]", words.lower())
    if parts[0] in ("oh", "o"):
        return _UNITS[parts[1]]
    if parts[0] in _TEENS:
        return _TEENS[parts[0]]
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else 0)
    return _UNITS[parts[0]]


def spoken_years(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, year)`` of each year from 1950 to 2049 said in words."""
    lower = text.lower()
    if "twenty" not in lower and "thousand" not in lower and "nineteen" not in lower:
        return []
    found = []
    for match in _SPOKEN_YEAR.finditer(text):
        if match.group("century"):
            year = (19 if match.group("century").lower() == "nineteen" else 20) * 100 + _two_digits(match["rest"])
        else:
            year = 2000 + (_two_digits(match["after"]) if match.group("after") else 0)
        if 1950 <= year <= 2049:
            found.append((match.start(), match.end(), year))
    return found


def with_years_in_digits(view: str, years: list[tuple[int, int, int]]) -> str:
    """``view`` with each spoken year written as its four digits and spaces, character for character."""
    if not years:
        return view
    pieces, last = [], 0
    for start, end, year in years:
        pieces += [view[last:start], str(year).ljust(end - start)]
        last = end
    pieces.append(view[last:])
    return "".join(pieces)


def widened(start: int, end: int, years: list[tuple[int, int, int]]) -> tuple[int, int]:
    """``(start, end)`` grown to cover every spoken year it cuts ("came out in twen" → "... twenty nineteen")."""
    for year_start, year_end, _ in years:
        if year_start < end < year_end:
            end = year_end
        if year_start < start < year_end:
            start = year_start
    return start, end
