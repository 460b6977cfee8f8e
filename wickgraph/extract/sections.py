"""Which work each part of a review is about, when one post reviews several works in turn.

A diary of a marathon, a ranking or a double bill gives each work a paragraph that opens with its title
("Saturday: Chapter 2 (2017). ..."). When two or more paragraphs open so, and one of them opens with the reviewed
work, the parts that open with another work's title (up to the next such paragraph) state that work's facts, not
the reviewed one's: :func:`other_work_spans` finds them so their claims and ratings are left out.
"""

from __future__ import annotations

import re

from .document import Document
from .gazetteer import PERSON, WORK

__all__ = ["other_work_spans"]

_PARAGRAPH_START = re.compile(r"\n[ \t]*\n\s*")
_OPENING_REACH = 80  # a title this far into a paragraph, after a short label ("Saturday:", "3.", "Day two -"), opens it
# what may stand before a title that opens a paragraph, and what follows it there
_LABEL = re.compile(r"[ \t#*>\-\u2022\d.)/]*(?:[\w ,'\u2019]{1,50}[:\u2013\u2014-][ \t]*)?")
_TITLE_END = re.compile(r"['\"\u2019\u201d*_]*\s*(?:\(\s*(?:19|20)\d\d\s*\)|[:.\u2013\u2014-]|$)", re.MULTILINE)
_YEAR_AFTER = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")


def other_work_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc`` about another work than the reviewed one; empty unless the review is about several in turn."""
    if doc.film is None:
        return []
    starts = [0, *(m.end() for m in _PARAGRAPH_START.finditer(doc.text))]
    opened = [(start, topic) for start in starts if (topic := _opening_title(doc, start)) is not None]
    if len({topic for _, topic in opened}) < 2 or doc.film not in {topic for _, topic in opened}:
        return []
    ends = [start for start, _ in opened[1:]] + [len(doc.text)]
    return [(start, end) for (start, topic), end in zip(opened, ends, strict=True) if topic != doc.film]


def _opening_title(doc: Document, start: int) -> str | None:
    """The work whose title opens the paragraph at ``start`` as a heading does: after nothing but markup or a short
    label ("Saturday:", "3.", "Day two -"), and followed by its year in brackets, a colon, a full stop, a dash or the
    end of the line, with no other work on that line. None otherwise."""
    line_end = doc.text.find("\n", start)
    line_end = len(doc.text) if line_end < 0 else line_end
    opening = None
    for mention in doc.mentions_between(start, line_end):
        # "John Wick (2014)" and "## The Continental" alone on its line are the works, not the man or the hotel
        heading = not doc.text[start:mention.start].strip(" \t#*_>") \
            and not doc.text[mention.end:line_end].strip(" \t#*_:")
        dated = heading or _YEAR_AFTER.match(doc.text, mention.end) is not None
        works = {e.iri for e in mention.of_kind(WORK) if (dated or not e.weak) and e.iri}
        if opening is None:
            if mention.mask & PERSON or mention.start - start > _OPENING_REACH:
                return None  # a sentence about someone, not a title opening the paragraph
            if works and _LABEL.fullmatch(doc.text, start, mention.start) and _TITLE_END.match(doc.text, mention.end):
                opening = doc.film if doc.film in works else sorted(works)[0]
        elif works and opening not in works:
            return None  # "| John Wick (2014) | Chapter 2 (2017) |": two works side by side, no single subject
    return opening
