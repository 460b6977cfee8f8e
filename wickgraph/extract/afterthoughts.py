"""A player named as an afterthought to a clause about one role, after a dash.

"Desk clerk Charon — a young Ayomide Adegun, quietly deciding ...", "His brother Frankie, who walked off with the
coin press — Ben Robson, all sideburns". Nothing joins the two names but the dash, so the pair is made only when
the clause before names exactly one role and no other person, and the player's fragment ends at a mark ("Ben
Robson, all sideburns"), not a verb. (A bracket is not read so: it describes the noun it follows, "a girl whose
father (David Castañeda) is murdered".)
"""

from __future__ import annotations

import re

from .document import Document
from .gazetteer import CHARACTER, PERSON, Mention
from .links import Cues
from .markup import FOOTNOTE_MARK
from .pairs import WINDOW, is_role, role_candidate
from .patterns import Candidate

__all__ = ["afterthought_player"]

# a dash set apart, then maybe a word describing the player ("a young", "the late")
_OPENER = re.compile(r"(?:[ \t](?:[\u2013\u2014]|--?)[ \t]+|[\u2013\u2014][ \t]*)"
                     r"(?:(?:an?|the)[ \t]+(?:young|younger|late|great|returning|older|grizzled)[ \t]+)?\Z",
                     re.IGNORECASE)
_CLOSE = re.compile(r"[ \t]*(?:[,.;:!?)]|\n|\Z)")


def afterthought_player(doc: Document, cues: Cues, mentions: list[Mention], index: int) -> Candidate | None:
    """The cast candidate of the actor at ``index`` named after a dash closing a clause about one role, or None."""
    actor = mentions[index]
    opener = _OPENER.search(doc.text, max(0, actor.start - 24), actor.start)
    if opener is None:
        return None
    mark = FOOTNOTE_MARK.match(doc.text, actor.end)
    end = mark.end() if mark else actor.end
    if not _CLOSE.match(doc.text, end):
        return None
    sentence_start, _ = doc.sentence(actor.start)
    if actor.start - sentence_start > 2 * WINDOW:
        return None
    roles = []
    for other in reversed(mentions[:index]):
        if other.end <= sentence_start:
            break
        if other.mask & PERSON and not other.mask & CHARACTER:
            return None  # another person in the clause: whose afterthought this is cannot be told
        if other.mask & CHARACTER:
            if not is_role(doc, other):
                return None  # "Koji's hotel — Hiroyuki Sanada": a role named as somebody's
            roles.append(other)
    if len(roles) != 1:
        return None
    role = roles[0]
    return role_candidate(doc, cues, actor, role, role.start, end)
