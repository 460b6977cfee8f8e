"""A Q&A page's answers: only the critic's answer is the review.

Under a heading that counts them ("3 Answers"), each answer carries its line ("answered Nov 20, 2014 by X"), below
it or above it. The critic's answer is the one marked accepted, else the first; the question, its comments and the
other answers are other people's words. On a shop's page, each answer signed by its buyer or seller ("— answered by
a buyer") is theirs, with the question above it.
"""

from __future__ import annotations

import re

__all__ = ["others_answers", "signed_answers"]

# a Q&A page's answers: under "3 Answers", each ends with its footer ("answered Nov 3, 2014 at 8:15 ...") or opens
# with it; the critic's is the one marked accepted ("✓ Accepted answer", "Score: 48 — ACCEPTED"), else the first
_ANSWERS_HEADING = re.compile(r"^[ \t]*\d{1,3}[ \t]+answers?\b[^\n]{0,40}$", re.IGNORECASE | re.MULTILINE)
_ANSWER_FOOTER = re.compile(r"^[ \t]*answered[ \t]+(?:[A-Z][a-z]{2}|\d)[^\n]{0,80}$", re.MULTILINE)
_ACCEPTED = re.compile(r"^[^\n]{0,30}\baccepted\b[^\n]{0,20}$", re.IGNORECASE | re.MULTILINE)


def _heads_its_answer(between: str) -> bool:
    """Whether the first "answered" line comes before its answer: only short lines (a rule, the votes) stand between
    it and the heading "3 Answers", no answer's prose."""
    return all(len(line) <= 60 for line in between.splitlines())


def others_answers(text: str) -> list[tuple[int, int]]:
    """On a Q&A page with two answers or more, everything but the critic's answer: the question with its comments,
    the other answers and what follows the last."""
    heading = _ANSWERS_HEADING.search(text)
    footers = list(_ANSWER_FOOTER.finditer(text, heading.end())) if heading is not None else []
    if heading is None or len(footers) < 2:
        return []
    if _heads_its_answer(text[heading.end():footers[0].start()]):
        # a page that prints each answer's line above it ("✓ Accepted · Score 96" / "answered Nov 20, 2014 by X"):
        # an answer runs from the paragraph that holds its line to the next answer's
        starts = [max(heading.end(), text.rfind("\n\n", heading.end(), header.start()) + 2) for header in footers]
        answers = list(zip(starts, [*starts[1:], len(text)], strict=True))
        after_last = []
    else:
        starts = [heading.end()] + [footer.end() for footer in footers[:-1]]
        answers = [(start, footer.end()) for start, footer in zip(starts, footers, strict=True)]
        after_last = [(footers[-1].end(), len(text))]
    own = next((answer for answer in answers if _ACCEPTED.search(text, *answer)), answers[0])
    return [(0, own[0])] + [answer for answer in answers if answer != own] + after_last


# an answer's signature on the line under it, on a shop's or a forum's questions: "— answered by a buyer",
# "-- Answered by Sam P.", "answered by seller" (not the writer's own: "answered by me")
_ANSWERED_BY = re.compile(r"^[ \t]*(?:[\u2014\u2013-]{1,2}[ \t]*)?answered[ \t]+by[ \t]+"
                          r"(?!(?:me|myself|the\s+(?:author|reviewer|critic))\b)[^\n]{1,60}$",
                          re.IGNORECASE | re.MULTILINE)


def signed_answers(text: str) -> list[tuple[int, int]]:
    """The questions and answers signed by someone else under them: each from its paragraph's start to its signature."""
    return [(text.rfind("\n\n", 0, signed.start()) + 2 if "\n\n" in text[:signed.start()] else 0, signed.end())
            for signed in _ANSWERED_BY.finditer(text)]
