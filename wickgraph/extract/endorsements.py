"""What the writer endorses of what others said: a report the writer then calls right is the writer's claim too.

A review told through what people said ("Rob said that Chad Stahelski had directed it") reports others' claims, which
the hearsay filters leave out. When the writer goes on to call the report right ("All correct, as far as I know",
"She was right", "He's right on both counts", "..., which is also true", "as I later checked"), or says it was said
rightly ("Priya rightly said", "as Jess correctly pointed out"), the report is stated in the writer's own voice too.
A report the writer doubts or denies ("which isn't so", "I'm not sure that's right") stays someone else's.

So is a model exchange the writer scripts between "you" and "them", as a phrasebook teaches it ('YOU SAY: "Who
directed it?"' over 'THEY SAY: "Chad Stahelski directed it."'): its lines are the writer's, not reported words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .patterns import Candidate

__all__ = ["endorsed", "scripted", "ticked"]

_GRADE = r"(?:(?:quite|entirely|absolutely|completely|perfectly|also|dead|exactly|100%)\s+)?(?:right|correct|true)\b"
# a verdict on what was said, after it in its sentence: "..., which is also true", "... and she was right"
_VERDICT_AFTER = re.compile(rf"\b(?:is|was|are|were|['\u2019]s)\s+{_GRADE}|\bas\s+I\s+(?:later\s+|then\s+)?"
                            r"(?:checked|confirmed|verified)\b", re.IGNORECASE)
# ... or opening the next sentence: "All correct.", "She was right, ...", "He's right on both counts.", "Correct."
# (a bare "Right," opens many a sentence as a marker of discourse, not as a verdict)
_VERDICT_OPENS = re.compile(rf"[\s\"'\u201c]*(?:(?:all|both|that|this|it|he|she|they|(?-i:[A-Z])[\w-]+)"
                            rf"(?:\s+(?:is|was|are|were)|['\u2019](?:s|re))?\s+{_GRADE}|"
                            r"[\s\"'\u201c]*(?:(?:quite\s+|all\s+)?(?:correct|true)\b|spot\s+on\b|quite\s+so\b|"
                            r"I\s+agree\b|(?:he|she|they)\s+(?:had|got)\s+it\s+right\b))", re.IGNORECASE)
# said rightly: "Priya rightly said", "as Jess correctly pointed out"
_SAID_RIGHTLY = re.compile(r"(?<![\w-])(?:rightly|correctly|accurately)\b", re.IGNORECASE)
_DOUBT = re.compile(r"\b(?:not|n['\u2019]t|never|no|hardly|doubt\w*|unsure|wrong\w*|mistaken)\b", re.IGNORECASE)
_REACH = 160  # how far after a report its verdict may stand in its sentence
# a verdict opening the line under a quoted answer, as one annotates another's words: a tick ("✔ Correct on both
# counts", "✓ Yep") or a word of agreement ("Correct.", "Yep, and ..."); not a cross ("✘ Half wrong")
_VERDICT_LINE = re.compile(r"\n[ \t]*(?:[\u2714\u2713\u2611\u2705]|(?:correct|yep|yes|true|spot\s+on)\b)",
                           re.IGNORECASE)
# a side's label in a scripted exchange (see :func:`scripted`)
_SCRIPTED_LABEL = re.compile(r"^[ \t]*(?P<side>(?i:they|you))[ \t]+(?i:say|reply|answer|ask)[ \t]*:", re.MULTILINE)


def endorsed(doc: Document, candidate: Candidate) -> bool:
    """Whether the writer calls the report holding ``candidate`` right: in its sentence, after it or as it is said,
    or at the next sentence's opening."""
    start, end = doc.sentence(max(candidate.end - 1, candidate.start))
    if _SAID_RIGHTLY.search(doc.text, start, candidate.start) or scripted(doc.text, candidate.start):
        return True
    after = _VERDICT_AFTER.search(doc.text, candidate.end, min(end, candidate.end + _REACH))
    if after is not None:
        return not _DOUBT.search(doc.text, candidate.end, after.end())
    if end >= len(doc.text):
        return False
    next_end = doc.sentence(end)[1]
    opening = _VERDICT_OPENS.match(doc.text, end, next_end)
    return opening is not None and not _DOUBT.search(doc.text, end, opening.end())


def scripted(text: str, position: int) -> bool:
    """Whether ``position`` stands in a turn of a model exchange scripted between "you" and "them" (a text with both
    sides' labels, each opening its line: "YOU SAY:", "THEY SAY:", "They reply:")."""
    label = _SCRIPTED_LABEL.match(text, text.rfind("\n", 0, position) + 1)
    return label is not None and label.end() <= position and _both_sides(text)


@lru_cache(maxsize=2)
def _both_sides(text: str) -> bool:
    """Whether ``text`` labels both sides of a scripted exchange (read once per text, not once per quotation)."""
    return {side["side"].lower() for side in _SCRIPTED_LABEL.finditer(text)} == {"you", "they"}


def ticked(text: str, line_end: int) -> bool:
    """Whether the line after the one ending at ``line_end`` opens with the writer's verdict that it is right."""
    return _VERDICT_LINE.match(text, line_end) is not None
