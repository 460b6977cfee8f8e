"""Finding the few lines of a review that can hold a match, so rules skip the rest."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["REACH", "line_around", "lines_holding"]

# How far back or ahead a look at "the line around a position" goes: a review on one line is read in windows.
REACH = 1500


def lines_holding(lower: str, needs: Iterable[str]) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of every line of ``lower`` that contains one of ``needs``, in order.

    >>> lines_holding("a cat\\nno\\nthe dog", ["cat", "dog"])
    [(0, 5), (9, 16)]
    """
    lines: set[tuple[int, int]] = set()
    for need in needs:
        position = lower.find(need)
        while position >= 0:
            start = lower.rfind("\n", 0, position) + 1
            end = lower.find("\n", position)
            end = len(lower) if end < 0 else end
            lines.add((start, end))
            position = lower.find(need, end)
    return sorted(lines)


def line_around(text: str, position: int, reach: int = REACH) -> tuple[int, int]:
    """Start and end of the line holding ``position``, each at most ``reach`` characters away.

    >>> line_around("ab\\ncd\\nef", 4)
    (3, 5)
    """
    start = text.rfind("\n", max(0, position - reach), position) + 1 or max(0, position - reach)
    end = text.find("\n", position, position + reach)
    return start, (min(len(text), position + reach) if end < 0 else end)
