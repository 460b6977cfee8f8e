"""Records written outside code: a log line's attributes, a mapping's arrows and a dump's rows.

A log or a tool's output writes a casting as a record on one line: attributes ('field=cast actor="Keanu Reeves"
character="John Wick"', logfmt's ``key=value`` pairs) or a mapping ("'Halle Berry' => 'Sofia'", '"Mark Dacascos" ->
"Zero"') or a row of a database dump ("(17,'Keanu Reeves','cast','John Wick','approved')"). A record whose values
name one person and one role is a cast link, as an object's strings are in code (:mod:`wickgraph.extract.sourcecode`),
and a reprise when a value says the role returns ("'returning from John Wick'"); a record about another work (its
"title" or any other value names one, or a dump's row keyed by another work's id) states nothing about the reviewed
one.
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
    """The cast links that records outside code make: a log line's attributes, a mapping's arrows, a dump's rows."""
    text = doc.text
    found: list[Candidate] = _dump_rows(doc) if "('" in text or ", '" in text or ",'" in text else []
    # (most reviews hold neither an attribute nor an arrow: their lines are not read at all)
    has_attributes = "=" in text
    has_arrows = "=>" in text or "->" in text or "\u2192" in text or "\u21d2" in text
    if not has_attributes and not has_arrows:
        return found
    for line in re.finditer(r"[^\n]+", text):
        attributes = list(_ATTRIBUTE.finditer(text, line.start(), line.end())) if has_attributes else []
        spans = [a.span("value") for a in attributes if a["key"].lower() not in _WORK_KEYS] \
            if len(attributes) >= _ATTRIBUTES else []
        if has_arrows:
            spans += [span for arrow in _ARROW_PAIR.finditer(text, line.start(), line.end())
                      for span in (arrow.span("left"), arrow.span("right"))]
        if spans and not _about_another_work(doc, line.start(), line.end()):
            found += _pair(doc, [m for start, end in spans for m in doc.mentions_between(start, end)], "record-pair")
    return found


# a dump's row: a bracketed tuple of values, one quoted at least ("(202, 'Ian McShane', 'actor', 'Winston')")
_ROW = re.compile(r"\((?P<key>\d{1,9})?(?P<body>[^()\n]{0,600}'[^()\n]{0,600}'[^()\n]{0,600})\)")
# a value saying the role returns, maybe with the work it returns from ("'returning from John Wick'")
_RETURNING = re.compile(r"'[ \t]*(?:returning|returns|reprised?|reprising|back)\b(?P<source>[^'\n]*)'", re.IGNORECASE)


def _dump_rows(doc: Document) -> list[Candidate]:
    """The cast links of a database dump's rows: a row keyed by another work's id (the id a row of the works
    table gives that work) states nothing."""
    rows = list(_ROW.finditer(doc.text))
    if len(rows) < 2:
        return []
    ids: dict[str, set[str]] = {}
    for row in rows:
        if row["key"]:
            # (a value that is a title whole is the work, though the title is a character's name too: 'John Wick')
            works = {e.iri for m in doc.mentions_between(*row.span("body")) if _fills_quotes(doc, m)
                     for e in m.of_kind(WORK) if e.iri}
            ids.setdefault(row["key"], set()).update(works)
    found: list[Candidate] = []
    for row in rows:
        if row["key"] and ids.get(row["key"]) and doc.film not in ids[row["key"]]:
            continue  # "(18,'Common','cast','Cassian')" under the works row "(18,'John Wick: Chapter 2',2017)"
        returning = _RETURNING.search(doc.text, row.start("body"), row.end("body"))
        sources = returning.span("source") if returning else (0, 0)
        mentions = [m for m in doc.mentions_between(*row.span("body"))
                    if not sources[0] <= m.start < sources[1]]  # (the work a role returns from is no role)
        found += _pair(doc, mentions, "record-row", reprise=returning is not None)
    return found


def _about_another_work(doc: Document, start: int, end: int) -> bool:
    """Whether the line names a work other than the reviewed one (a title that is only a character's name aside)."""
    return any(e.iri and e.iri != doc.film and not e.weak for m in doc.mentions_between(start, end)
               for e in m.of_kind(WORK))


def _fills_quotes(doc: Document, mention: Mention) -> bool:
    """Whether ``mention`` is a quoted value whole ("'Akira'", "'John Wick'")."""
    return doc.text[mention.start - 1:mention.start] in _QUOTES and doc.text[mention.end:mention.end + 1] in _QUOTES


_QUOTES = ("'", '"', "\u2018", "\u2019", "\u201c", "\u201d")


def _pair(doc: Document, mentions: list[Mention], rule: str, *, reprise: bool = False) -> list[Candidate]:
    """The cast link of one person and one role among the mentions of a record's values (a role that is a quoted
    value whole is no possessive: "'Akira'")."""
    people = [m for m in mentions if mention_kind(doc, m) == PERSON]
    roles = [m for m in mentions if mention_kind(doc, m) == CHARACTER
             or (m.mask & CHARACTER and not m.mask & PERSON and _fills_quotes(doc, m))]
    if len(people) != 1 or len(roles) != 1:
        return []
    person, role = people[0], roles[0]
    return [Candidate(rule, "cast", min(person.start, role.start), max(person.end, role.end), reprise=reprise,
                      parts={"actor": [(person.start, person.end)], "character": [(role.start, role.end)]})]
