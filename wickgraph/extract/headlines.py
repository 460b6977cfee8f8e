"""Headline-style lines ("Title Case") read as sentences: their capitals mark a headline, not names."""

from __future__ import annotations

import bisect
import re

from .gazetteer import Mention

__all__ = ["headline_words", "lowered"]

# Headline style capitalises every word but these, which it may leave in lower case either way
_MINOR_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
                          "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over",
                          "than"})
_WORD = re.compile(r"[^\W\d_][\w'.-]*")
# a numbered unit's name keeps its capital: "Chapter 4", "Night 2", "The John Wick Series, Game 1"
_NUMBERED = re.compile(r"[A-Z][a-z]+(?=[ \t]+\d)")
_QUOTED = re.compile(r"(?<!\w)'[^'\n]{1,60}'(?!\w)|\"[^\"\n]{1,60}\"")
_HEADLINE_WORDS = 4  # content words, at least: a shorter line ("Cast And Crew") glues no name to a verb
_HEADLINE_SHARE = 0.9  # ... of which capitalised, at least (prose capitalises one word in five or fewer)
# a full stop between two sentences: a headline has none ("Screening: Point Blank, starring X. Reading: Y" is prose)
_SENTENCES = re.compile(r"[a-z)]\. +[A-Z]")


def headline_words(folded: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The capitalised words of ``folded``'s headline-style lines, except names the gazetteer found, quoted titles and
    numbered units: in "McShane Presides Over Continental as Winston" the capitals mark a headline, not a name."""
    spans: list[tuple[int, int]] = []
    starts = [m.start for m in mentions]
    line_start = 0
    for line in folded.split("\n"):
        line_end = line_start + len(line)
        words = [w for w in _WORD.finditer(line) if w.group().lower() not in _MINOR_WORDS]
        capitalised = [w for w in words if w.group()[0].isupper() and not w.group().isupper()]
        if len(words) >= _HEADLINE_WORDS and len(capitalised) >= _HEADLINE_SHARE * len(words) \
                and not _SENTENCES.search(line):
            low, high = bisect.bisect_left(starts, line_start), bisect.bisect_left(starts, line_end)
            names = [(m.start - line_start, m.end - line_start) for m in mentions[low:high]]
            named, ends = {a for a, _ in names}, {b for _, b in names}
            kept = names + [found.span() for pattern in (_QUOTED, _NUMBERED) for found in pattern.finditer(line)]
            lowered = [w for w in capitalised if not any(a < w.end() and w.start() < b for a, b in kept)]
            # a headline glues its words to a name ("Robson Is Frankie"); a line of names under a label ("Writers: Greg
            # Coolidge and Kirk Ward") has too few other words, none of them beside a name
            glued = any((line[w.end():w.end() + 1] == " " and w.end() + 1 in named)
                        or (line[w.start() - 1:w.start()] == " " and w.start() - 1 in ends) for w in lowered)
            if len(lowered) >= _HEADLINE_WORDS or glued:
                spans += [(line_start + w.start(), line_start + w.end()) for w in lowered]
        line_start = line_end + 1
    return spans


def lowered(text: str, words: list[tuple[int, int]]) -> str:
    """``text`` with ``words`` (:func:`headline_words`) in lower case, where that keeps their length: the line
    "McShane Presides Over Continental as Winston" reads as "McShane presides over continental as Winston"."""
    pieces: list[str] = []
    done = 0
    for start, end in words:
        lower = text[start:end].lower()
        if len(lower) == end - start:
            pieces.append(text[done:start] + lower)
            done = end
    pieces.append(text[done:])
    return "".join(pieces)
