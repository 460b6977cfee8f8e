"""Roles named as the heads of entries, their players in the entries' bodies.

A ranking or a character guide gives each role an entry: the role alone on a heading line and its player opening
the next ("8. Zero" / "Marc Dacascos, aka the Iron Chef, ..."). Nothing joins the two names but the layout, so an
entry pairs them only when the player stands where the layout puts it: first in the body, after at most a few
describing words ("The late, great Lance Reddick").
"""

from __future__ import annotations

import re

from .document import Document
from .gazetteer import CHARACTER, PERSON, Mention
from .links import Cues
from .pairs import ENTRY_INDENT, is_role, role_candidate
from .patterns import Candidate

__all__ = ["entry_roles"]

# a heading line: a number or bullet, the role, nothing else ("13. Berrada", "- The Bowery King", "## Zero")
_HEADING_OPEN = re.compile(r"[ \t]*(?:\d{1,3}[.)][ \t]*|[-*\u2022#>]+[ \t]*)?")
_HEADING_CLOSE = re.compile(r"[ \t*_:.]*\n")
# what may stand before the player at the start of the body: "The late, great Lance Reddick"
_BODY_OPEN = re.compile(r"[ \t*_>-]*(?:(?:the\s+)?(?:late|great|legendary|one\s+and\s+only|mighty|returning)"
                        r"[,\s]+){0,3}", re.IGNORECASE)


def entry_roles(doc: Document, cues: Cues) -> list[Candidate]:
    """Cast candidates of entries whose heading line names a role and whose body starts with its player."""
    found: list[Candidate] = []
    for role in doc.mentions:
        if not is_role(doc, role) or role.mask & PERSON:
            continue
        line_start, line_end = doc.line(role.start)
        if role.start - line_start > ENTRY_INDENT or not _HEADING_OPEN.fullmatch(doc.text, line_start, role.start):
            continue  # (the length first: on a review of one long line, no slice of the line's head)
        actor = _first_in_body(doc, line_end + 1) if _HEADING_CLOSE.match(doc.text, role.end) else None
        if actor is not None:
            found.append(role_candidate(doc, cues, actor, role, role.start, actor.end))
    return found


def _first_in_body(doc: Document, body_start: int) -> Mention | None:
    """The person who opens the body line at ``body_start``, after a few describing words at most."""
    if body_start >= len(doc.text):
        return None
    skipped = _BODY_OPEN.match(doc.text, body_start)
    at = skipped.end() if skipped else body_start
    person = doc.by_start.get(at)
    return person if person is not None and person.mask & PERSON and not person.mask & CHARACTER else None
