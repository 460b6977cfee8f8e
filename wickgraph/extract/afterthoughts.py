"""A player named as an afterthought to a clause about one role, after a dash; and a role named so after a clause
about one player ("Lance Reddick, who we lost last year — Charon"), or as a sentence of its own right after the
player's name ("Ian McShane. Winston.") or right before it, as a heading ("Winston. Ian McShane runs the room.").

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
from .links import Cues, is_possessive
from .markup import FOOTNOTE_MARK
from .pairs import WINDOW, is_role, role_candidate
from .patterns import Candidate

__all__ = ["afterthought_player", "afterthought_roles"]

_DASH = r"[ \t](?:[\u2013\u2014]|--?)[ \t]+|[\u2013\u2014][ \t]*"  # a dash set apart
# a dash, then maybe a word describing the player ("a young", "the late")
_OPENER = re.compile(rf"(?:{_DASH})(?:(?:an?|the)[ \t]+(?:young|younger|late|great|returning|older|grizzled)[ \t]+)?\Z",
                     re.IGNORECASE)
# a mark after the name: its fragment ends there, no verb follows
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


# after the player's clause: a dash, or a full stop that makes the role a sentence of its own
_ROLE_OPENER = re.compile(rf"(?:{_DASH}|(?P<stop>[.!][ \t]+))(?:(?:and|as|now|then)[ \t]+)?\Z", re.IGNORECASE)
# what may follow a role that is a sentence of its own ("Winston.", "Charon. one more time"; not "The concierge,
# Charon, is ...", whose sentence goes on)
_ROLE_ALONE = re.compile(r"[ \t]*(?:[.;!?)]|\n|\Z)|[ \t]*[.,]?[ \t]*(?:again|once\s+more|one\s+more\s+time|"
                         r"as\s+ever|as\s+always)\b", re.IGNORECASE)


# a role that is a sentence of its own before its player's: it opens a line or follows a sentence's end, a label's
# colon or a dash ("12. Nf3 — Zero. Mark Dacascos is having a ball."), and a full stop ends it
# (maybe after "And": "And Zero! Mark Dacascos, sushi chef and fanboy blade", an exclamation closing it)
_HEAD_OPENER = re.compile(rf"(?:^|[.!?:][ \t]+|{_DASH})(?:(?i:and|then|plus)[ \t]+)?\Z", re.MULTILINE)
_HEAD_CLOSE = re.compile(r"[ \t]*[.!][ \t]+")


def afterthought_roles(doc: Document, cues: Cues, mentions: list[Mention]) -> list[Candidate]:
    """Cast candidates of roles named after a clause about one player: "Lance Reddick, who we lost last year —
    Charon", or as a sentence of their own right after the player's name: "Ian McShane. Winston.", or right
    before it: "Winston. Ian McShane, as smooth as ever, runs the room."."""
    found: list[Candidate] = []
    for index, role in enumerate(mentions):
        if not is_role(doc, role) or role.mask & PERSON:
            continue
        head = _HEAD_CLOSE.match(doc.text, role.end) if index + 1 < len(mentions) else None
        if head is not None and mentions[index + 1].start == head.end() \
                and _HEAD_OPENER.search(doc.text, max(0, role.start - 12), role.start):
            player = mentions[index + 1]
            if player.mask & PERSON and not player.mask & CHARACTER and not _names_own_role(doc, mentions, index + 1):
                found.append(role_candidate(doc, cues, player, role, role.start, player.end))
            continue
        if index == 0:
            continue
        opener = _ROLE_OPENER.search(doc.text, max(0, role.start - 12), role.start)
        if opener is None or not (_ROLE_ALONE if opener.group("stop") else _CLOSE).match(doc.text, role.end):
            continue
        previous = mentions[index - 1]
        if not previous.mask & PERSON or previous.mask & CHARACTER:
            continue
        # "Ian McShane. Winston.": the name ends the sentence right before the role
        actor = (previous if previous.end == opener.start() else None) if opener.group("stop") \
            else _one_player_before(doc, mentions, index)
        if actor is not None:
            found.append(role_candidate(doc, cues, actor, role, actor.start, role.end))
    return found


def _names_own_role(doc: Document, mentions: list[Mention], index: int) -> bool:
    """Whether the sentence of the player at ``index`` goes on to name a role of its own ("the concierge. Lance
    Reddick is back behind the desk as Charon"); a role named as somebody's ("Santino's enforcer") is a description."""
    _, sentence_end = doc.sentence(mentions[index].start)
    return any(is_role(doc, other) and not is_possessive(doc.text, other.end)
               and _ROLE_CUE_BEFORE.search(doc.text, max(0, other.start - 16), other.start) is not None
               for other in mentions[index + 1:] if other.start < sentence_end)


# a role cue right before a role ("... as Charon", "plays the Elder"), not a role in the plot ("hands Wick a gun")
_ROLE_CUE_BEFORE = re.compile(r"\b(?:as|plays|playing|played|is|was)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _one_player_before(doc: Document, mentions: list[Mention], index: int) -> Mention | None:
    """The one person, and no role, named in the clause before the role at ``index``."""
    sentence_start, _ = doc.sentence(mentions[index].start)
    people = []
    for other in reversed(mentions[:index]):
        if other.end <= sentence_start:
            break
        if other.mask & CHARACTER:
            return None
        if other.mask & PERSON:
            people.append(other)
    return people[0] if len(people) == 1 and mentions[index].start - people[0].end <= 2 * WINDOW else None
