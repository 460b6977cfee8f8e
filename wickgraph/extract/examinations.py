"""An examination's transcript, written as "Q." and "A." (a deposition, an interview): the questioner's turns, whose
suggestions are not the witness's claims."""

from __future__ import annotations

import re

from .layout_words import PARAGRAPH_BREAK

__all__ = ["questioners_turns"]


# a deposition's or an interview's turn: "Q.   And the son?", "A.   Alfie Allen plays Iosef" (after a margin's
# line number); a quiz numbers its questions ("Q3.") and is read by the answers module instead
# (a questioner placed in brackets too: "Q (Università di Bologna): ...")
_EXAMINATION_TURN = re.compile(r"^[ \t]*(?:\d{1,3}[ \t]+)?(?P<who>[QA])(?:[ \t]*\([^()\n]{1,60}\))?[.:][ \t]",
                               re.MULTILINE)
_EXAMINATION_TURNS = 3  # each side speaks at least this often


def questioners_turns(text: str) -> list[tuple[int, int]]:
    """The questioner's turns of a transcript written as "Q." and "A." (a deposition, an interview), from each
    "Q." to the next turn or the paragraph's end: counsel's suggestions are not the witness's claims, nor a grade
    they quote (what stands after a blank line under a question is answered by no label: a table, a paragraph)."""
    if "Q" not in text:
        return []
    turns = [(match.start("who"), match["who"]) for match in _EXAMINATION_TURN.finditer(text)]
    if sum(who == "Q" for _, who in turns) < _EXAMINATION_TURNS \
            or sum(who == "A" for _, who in turns) < _EXAMINATION_TURNS:
        return []
    spans = []
    for index, (start, who) in enumerate(turns):
        if who == "Q":
            following = turns[index + 1][0] if index + 1 < len(turns) else len(text)
            blank = PARAGRAPH_BREAK.search(text, start, following)
            spans.append((start, blank.start() if blank else following))
    return spans
