"""Records written outside code: a log line's attributes and a mapping's arrows.

A log or a tool's output writes a casting as a record on one line: attributes ('field=cast actor="Keanu Reeves"
character="John Wick"', logfmt's ``key=value`` pairs) or a mapping ("'Halle Berry' => 'Sofia'", '"Mark Dacascos" ->
"Zero"'). A record whose values name one person and one role is a cast link, as an object's strings are in code
(:mod:`wickgraph.extract.sourcecode`); a record about another work (its "title" or any other value names one) states
nothing about the reviewed one.
"""

from __future__ import annotations

import re

from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .pairs import mention_kind
from .patterns import Candidate

__all__ = ["record_pairs"]

# an attribute: a key, "=", and a quoted or a bare value ('actor="Keanu Reeves"', "source=critic")
_ATTRIBUTE = re.compile(r"(?<![\w.-])(?P<key>[A-Za-z_][\w.-]{0,30})=(?P<value>\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|"
                        r"[^\s\"'=]+)")
_ATTRIBUTES = 3  # a line is a record when it holds this many attributes at least
_WORK_KEYS = frozenset({"title", "film", "movie", "work", "show", "series"})  # (the work's title is no role)
# a mapping: a quoted value, an arrow, a quoted value
_QUOTED = r"(?:\"[^\"\n]{2,80}\"|'[^'\n]{2,80}'|\u201c[^\u201c\u201d\n]{2,80}\u201d)"
_ARROW_PAIR = re.compile(rf"(?P<left>{_QUOTED})[ \t]*(?:=>|->|\u2192|\u21d2)[ \t]*(?P<right>{_QUOTED})")


def record_pairs(doc: Document) -> list[Candidate]:
    """The cast links that records outside code make: a log line's attributes and a mapping's arrows."""
    text = doc.text
    if "=" not in text and "\u2192" not in text and "\u21d2" not in text:
        return []
    found: list[Candidate] = []
    for line in re.finditer(r"[^\n]+", text):
        attributes = list(_ATTRIBUTE.finditer(text, line.start(), line.end()))
        spans = [a.span("value") for a in attributes if a["key"].lower() not in _WORK_KEYS] \
            if len(attributes) >= _ATTRIBUTES else []
        spans += [span for arrow in _ARROW_PAIR.finditer(text, line.start(), line.end())
                  for span in (arrow.span("left"), arrow.span("right"))]
        if spans and not _about_another_work(doc, line.start(), line.end()):
            found += _pair(doc, [(m, end) for start, end in spans for m in doc.mentions_between(start, end)])
    return found


def _about_another_work(doc: Document, start: int, end: int) -> bool:
    """Whether the line names a work other than the reviewed one (a title that is only a character's name aside)."""
    return any(e.iri and e.iri != doc.film and not e.weak for m in doc.mentions_between(start, end)
               for e in m.of_kind(WORK))


def _pair(doc: Document, mentions: list[tuple[Mention, int]]) -> list[Candidate]:
    """The cast link of one person and one role among the mentions of a record's values (each with its value's end:
    a role closed by its value's quote, "'Akira'", is no possessive)."""
    people = [m for m, _ in mentions if mention_kind(doc, m) == PERSON]
    roles = [m for m, end in mentions if mention_kind(doc, m) == CHARACTER
             or (m.mask & CHARACTER and not m.mask & PERSON and m.end == end - 1 and doc.text[m.end] in "'\u2019")]
    if len(people) != 1 or len(roles) != 1:
        return []
    person, role = people[0], roles[0]
    return [Candidate("record-pair", "cast", min(person.start, role.start), max(person.end, role.end),
                      parts={"actor": [(person.start, person.end)], "character": [(role.start, role.end)]})]
