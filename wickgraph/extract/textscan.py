"""Finding the few lines of a review that can hold a match, so rules skip the rest."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["lines_holding"]


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
