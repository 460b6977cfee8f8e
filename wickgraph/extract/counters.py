"""Places in a sequence written as a score is: "Slide 9/10", "Page 2/5", a numbered thread's "3/11"."""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["is_counter", "thread_counters"]

# "Slide 9/10", "Page 2/5", "No. 4 of 5": a place in a sequence (not "No. Seven out of ten"), and the score's first
_COUNTER_BEFORE = re.compile(r"\b(?:(?:slides?|pages?|parts?|tweets?|posts?|steps?|pics?|photos?|images?|cards?|"
                             r"items?|questions?|q)\s*#?\s*|(?-i:No|NO)\.?\s*(?=\d))\S\Z", re.IGNORECASE)
# "1/4 the stairs!" ... "4/4 verdict": lines numbered as a thread, "k/N" with one N on two lines or more
_THREAD_NUMBER = re.compile(r"^[ \t>*-]*\(?(\d{1,2})/(\d{1,2})\)?(?=[ \t]|$)", re.MULTILINE)


def thread_counters(text: str) -> frozenset[int]:
    """Where the numbers of a numbered thread start: the "k/N" opening two lines or more with the same N."""
    found = [(m.start(1), m.group(2)) for m in _THREAD_NUMBER.finditer(text)]
    totals = Counter(total for _, total in found)
    return frozenset(start for start, total in found if totals[total] > 1)


def is_counter(text: str, start: int, counters: frozenset[int]) -> bool:
    """Whether the "k/N" at ``start`` is a place in a sequence ("Slide 9/10", a numbered thread's "3/11"), not a score
    (``counters``: :func:`thread_counters` of ``text``)."""
    return _COUNTER_BEFORE.search(text, max(0, start - 12), start + 1) is not None or start in counters
