"""The choices a multiple-choice question offers: options, none of them asserted.

A quiz, a test or a poll numbers its questions and letters the choices under each ("3. Best underground boss?" over
"A) The Bowery King, played by Ving Rhames", "B) Winston, naturally"). An option is one of several offered, often
wrong on purpose; the review asserts only what it says after, in its results or its answer key. The question is a
numbered line that asks ("?"), or addresses the reader and opens a list ("2. Choose your Rome contact:", "1. Someone
takes something you love. You..."); a numbered heading ("3. ORDER OF BATTLE.") or a section's list ("1.2 New
character cards:") offers nothing.
"""

from __future__ import annotations

import re

__all__ = ["offered_choices"]

# a numbered question (not a section number "1.2", nor a heading in capitals), then its first lettered option
_LETTER = r"[ \t]*(?:\(?[A-Ea-e]\)|[A-Ea-e][.:])[ \t]+\S"
_QUESTION = re.compile(
    r"^[ \t]*(?:Q(?:uestion)?[ \t]*)?\d{1,2}[.):][ \t]+(?P<prompt>[^\n]*?(?:\?|(?:\b(?:you|your|yours|pick|choose"
    rf"|select|which)\b[^\n]*?(?::|\.\.\.|\u2026))))[ \t]*\n(?=(?P<option>{_LETTER}))", re.IGNORECASE | re.MULTILINE)
_OPTION = re.compile(_LETTER + r"[^\n]*(?:\n|\Z)")


def offered_choices(text: str) -> list[tuple[int, int]]:
    """Spans of the lettered options under each numbered question, two options or more."""
    spans: list[tuple[int, int]] = []
    for question in _QUESTION.finditer(text):
        if question.group("prompt").isupper():
            continue
        start = end = question.start("option")
        count = 0
        while (option := _OPTION.match(text, end)) is not None:
            end, count = option.end(), count + 1
        if count >= 2:
            spans.append((start, end))
    return spans
