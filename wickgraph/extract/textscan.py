"""Finding the few lines of a review that can hold a match, so rules skip the rest."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["REACH", "Keywords", "blank", "line_around", "line_spans", "lines_holding", "merge_spans", "trim_span"]

# How far back or ahead a look at "the line around a position" goes: a review on one line is read in windows.
REACH = 1500


# Lines longer than this are searched only around each keyword (plus a margin longer than any match).
_LONG_LINE = 5000
_MARGIN = 600


def lines_holding(lower: str, needs: Iterable[str]) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of every line of ``lower`` that contains one of ``needs``, in order.

    A very long line (a whole review without line breaks) yields windows around each keyword instead,
    merged, so that a rule looks at a long line only where it can match.

    >>> lines_holding("a cat\\nno\\nthe dog", ["cat", "dog"])
    [(0, 5), (9, 16)]
    """
    return Keywords(lower).lines_holding(needs)


class Keywords:
    """Where keywords occur in one lower-cased text: :meth:`lines_holding` for many rules' keyword sets.

    Each keyword is looked for once per text (rules share many), and in a one-byte-per-character copy of the
    text when the text holds wider characters (an emoji makes Python store every character in four bytes, and
    ``str.find`` then reads four times the memory): the copy has the same length, each wider character
    replaced by ``?``, so offsets carry over; keywords with ``?`` or a wider character are looked for in the
    text itself.
    """

    def __init__(self, lower: str) -> None:
        self.lower = lower
        self._narrow: str | None = None
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def lines_holding(self, needs: Iterable[str]) -> list[tuple[int, int]]:
        """:func:`lines_holding` of this text."""
        spans: list[tuple[int, int]] = []
        for need in needs:
            found = self._spans.get(need)
            if found is None:
                found = self._spans[need] = _need_spans(self._haystack(need), need)
            spans.extend(found)
        return merge_spans(spans)

    def _haystack(self, need: str) -> str:
        if "?" in need or max(map(ord, need), default=0) > 0xFF:
            return self.lower
        if self._narrow is None:
            narrow = self.lower.encode("latin-1", "replace").decode("latin-1")  # one "?" per wider character
            self._narrow = narrow if len(narrow) == len(self.lower) else self.lower
        return self._narrow


def _need_spans(lower: str, need: str) -> list[tuple[int, int]]:
    """The lines of ``lower`` holding ``need`` (windows around it on a long line), in order, not merged."""
    spans: list[tuple[int, int]] = []
    size = len(need)
    position = lower.find(need)
    start, end = -1, -1
    while position >= 0:
        if not start <= position < end:  # find each line's bounds once, even for a long line
            start = lower.rfind("\n", 0, position) + 1
            end = lower.find("\n", position)
            end = len(lower) if end < 0 else end
        if end - start <= _LONG_LINE:
            spans.append((start, end))
            position = lower.find(need, end)
            continue
        # A long line: the window around this occurrence, grown over every later occurrence whose own
        # window would touch it. One rfind jumps to the last of those, so a need found every few words
        # costs one step per window, not one per occurrence.
        window_start, window_end = max(start, position - _MARGIN), min(end, position + size + _MARGIN)
        last = lower.rfind(need, position + 1, min(end, window_end + _MARGIN + size))
        while last > position:
            position = last
            window_end = min(end, position + size + _MARGIN)
            last = lower.rfind(need, position + 1, min(end, window_end + _MARGIN + size))
        spans.append((window_start, window_end))
        position = lower.find(need, position + 1)
    return spans


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap or touch merged.

    >>> merge_spans([(9, 16), (0, 5), (3, 7)])
    [(0, 7), (9, 16)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def line_around(text: str, position: int, reach: int = REACH) -> tuple[int, int]:
    """Start and end of the line holding ``position``, each at most ``reach`` characters away.

    >>> line_around("ab\\ncd\\nef", 4)
    (3, 5)
    """
    start = text.rfind("\n", max(0, position - reach), position) + 1 or max(0, position - reach)
    end = text.find("\n", position, position + reach)
    return start, (min(len(text), position + reach) if end < 0 else end)


def line_spans(view: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``view``, line breaks left out."""
    start = 0
    for match in re.finditer("\n", view):
        yield start, match.start()
        start = match.end()
    yield start, len(view)


def trim_span(view: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the spaces, quotes, brackets and emphasis marks around a cell or an item."""
    while start < end and view[start] in " \t\"'[]*_":
        start += 1
    while end > start and view[end - 1] in " \t\"'[]*_.,;!|\u00b7\u2022":
        end -= 1
    return start, end


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span replaced by spaces, joined from the slices between them (a list of every
    character costs far more on a long review)."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0  # the text before this offset is in pieces
    for start, end in sorted(spans):
        start, end = max(start, done), min(end, len(text))
        if end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(" " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)
