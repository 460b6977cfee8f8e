"""The building blocks of actor-role pairing: whether a character mention names a role here, and the
cast candidate for an actor and a role (a reprise when its clause says so, with the work it comes from)."""

from __future__ import annotations

import re

from .document import Document
from .entrynotes import note_says_reprise
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .links import Cues, default_cues, in_relative_clause, is_possessive, only_layout
from .patterns import Candidate
from .reprises import reprise_cue

__all__ = ["ENTRY_INDENT", "WINDOW", "in_open_bracket", "is_role", "mention_kind", "role_candidate",
           "under_another_head"]

WINDOW = 90  # characters between an actor and a role, at most
ENTRY_INDENT = 12  # a list entry starts its line, after at most this much indent and bullet


def in_open_bracket(text: str, position: int, low: int) -> bool:
    """Whether a bracket opened after ``low`` is still open at ``position`` ("Santino (Riccardo Scamarcio, all
    sneer), ..."): an actor in brackets names the role before them, and nothing after the closing bracket is theirs."""
    opened = text.rfind("(", low, position)
    return opened >= 0 and ")" not in text[opened:position]


def mention_kind(doc: Document, mention: Mention) -> int:
    """PERSON for an actor, CHARACTER for a role named here, else 0."""
    if mention.mask & PERSON and not mention.mask & CHARACTER:
        return PERSON
    return CHARACTER if is_role(doc, mention) else 0


# a title with its year in brackets, or the kind of work as an encyclopedia's disambiguation gives it: "John Wick
# (film)", "John Wick (2014 film)", "John Wick Hex (video game)"
_WORK_IN_BRACKETS = re.compile(r"[ \t]*[(\[](?:(?:19|20)\d\d|(?:(?:19|20)\d\d[ \t]+)?(?:[\w-]+[ \t]+)?(?:film|movie|"
                               r"video[ \t]+game|game|tv[ \t]+series|series|miniseries|franchise|soundtrack))[)\]]",
                               re.IGNORECASE)


# A name that modifies a noun for someone who admires or imitates its bearer: "the world's biggest Wick fanboy", "a
# Winston admirer", "every Santino wannabe" name another person, not the role
_ADMIRER_AFTER = re.compile(r"[ \t]+(?:(?:super)?fan|fanboy|fangirl|stan|admirer|devotee|obsessive|disciple|acolyte|"
                            r"nerd|geek|buff|impersonator|look-?alike|wannabe|imitator|copycat|cosplayer|clone)s?\b"
                            r"(?![-'\u2019])", re.IGNORECASE)


def is_role(doc: Document, mention: Mention) -> bool:
    """A character mention that names a role here, not a possessive describing someone else's ("Viggo's"), nor a
    modifier of a noun for its admirer ("a Winston fan"), nor a role title used as a plain noun without its article
    ("Director: Len Wiseman")."""
    if not mention.mask & CHARACTER or is_possessive(doc.text, mention.end) \
            or _ADMIRER_AFTER.match(doc.text, mention.end):
        return False
    if mention.mask & WORK and _WORK_IN_BRACKETS.match(doc.text, mention.end):
        return False  # "a producer of Ballerina (2025)", "John Wick (film)": the work, not the role
    surface = doc.text[mention.start:mention.end].lower()
    return surface not in default_cues()["credit-label"]


def _list_entry(doc: Document, cues: Cues, actor: Mention, role: Mention, start: int) -> bool:
    """Whether the pair starting at ``start`` is a list entry: at its line's head, joined by layout alone."""
    line_start = doc.line(start)[0]
    if start - line_start > ENTRY_INDENT or doc.text[line_start:start].strip(" \t-*\u2022#>|"):
        return False
    first, second = sorted((actor, role), key=lambda m: m.start)
    return only_layout(doc.gap(first.end, second.start), cues)


def role_candidate(doc: Document, cues: Cues, actor: Mention, role: Mention, start: int, end: int) -> Candidate:
    """The cast candidate of ``actor`` in ``role`` over ``[start, end)``, a reprise when its clause says so."""
    reprise = reprise_cue(doc, cues, start, end)
    if not reprise and _list_entry(doc, cues, actor, role, start):
        noted = note_says_reprise(doc, cues, end)  # a list entry: the sentence after it on its line is its note
        reprise, end = (True, noted) if noted is not None else (False, end)
    parts = {"actor": [(actor.start, actor.end)], "character": [(role.start, role.end)]}
    source = re.match(r",?\s+(?:from|in|of)\s+(?:the\s+)?(?:first\s+|original\s+|earlier\s+)?", doc.text[end:end + 40])
    work = doc.by_start.get(end + source.end()) if source else None
    if reprise and work is not None and work.mask & WORK:  # "reprising his role as Aurelio from the first John Wick"
        parts["from_film"] = [(work.start, work.end)]
        end = work.end
    elif doc.text.startswith(")", end) and doc.text.count("(", start, end) > doc.text.count(")", start, end):
        end += 1  # "KEANU REEVES (John Wick)": the evidence closes the bracket it opens
    return Candidate("pair-reprise" if reprise else "pair-role", "cast", start, end, reprise=reprise, parts=parts)


# a "whose" clause open before a role: "Gianna, the sister whose seat Santino covets, belongs to X"
_WHOSE_OPEN = re.compile(r"\bwhose\s+[^,;:.!?()\n\u2014]{0,60}\Z", re.IGNORECASE)


def under_another_head(doc: Document, role_start: int, player_start: int) -> bool:
    """Whether the role at ``role_start`` stands in a relative clause on another noun (:func:`in_relative_clause`),
    or in a "whose" clause that a comma closes before the player at ``player_start`` (not one whose own verb links
    them: "whose dad Koji is played by X")."""
    return in_relative_clause(doc.text, role_start) or (
        _WHOSE_OPEN.search(doc.text, max(0, role_start - 60), role_start) is not None
        and "," in doc.text[role_start:player_start])
