"""Roles named as the heads of entries, their players in the entries' bodies.

A ranking or a character guide gives each role an entry: the role alone on a heading line and its player opening
the next ("8. Zero" / "Marc Dacascos, aka the Iron Chef, ..."), or the role and a mark open the entry's one line
("- MARCUS. Sniper, old friend. Played by: W. Dafoe."). Nothing joins the two names but the layout, so an entry
pairs them only when the player stands where the layout puts it: first in the body, after at most a few describing
words ("The late, great Lance Reddick"), or opening a fragment of the line and closed by a mark, not a verb.

A record of fields (a data export, a stat card, a config file) gives the player and the role as the values of two
fields ("- actor: Halle Berry" over "  role: Sofia", '{"actor": "Ian McShane", "character": "Winston"}'), or the
player's field under a heading that names the role ("CARD 3 // CAINE" over "PLAYED BY: Donnie Yen"), or a field of any
other name on the line of the role's field ("Character: Eve Macarro | Assignee: Ana de Armas"). The field names are
the column-header words of ``layout.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .entrynotes import body_note_says_reprise
from .gazetteer import CHARACTER, PERSON, Mention
from .layout_words import CARD_PLACE, CREW_JOB, credit_job, default_layout_words, job_kind
from .links import Cues
from .pairs import ENTRY_INDENT, is_role, role_candidate
from .patterns import Candidate

__all__ = ["entry_roles", "record_credits", "record_roles"]

# a heading line: a number or bullet, the role, nothing else ("13. Berrada", "- **The Bowery King**", "## Zero"); a
# catalogue's number may be written out and set off by a mark ("#001 · Zero", "No. 7 — Winston", "Item 3-02 | Sofia"),
# or a card's place in its set ("No. 09/30 [U] THE DIRECTOR")
_HEADING_OPEN = re.compile(rf"[ \t]*(?:{CARD_PLACE}|\d{{1,3}}(?:[.)][ \t]*|[ \t]{{2,}}|\t)|[-*\u2022#>]+[ \t]*"
                           r"|(?:#|(?i:no\.?|item|card|entry|lot|part)[ \t]*)?\d{1,3}(?:[-/.]\d{1,3})?"
                           r"[ \t]*[\u00b7|:\u2013\u2014][ \t]*)?[*_]*")
_HEADING_REACH = 2 * ENTRY_INDENT  # (the longest opening: a card's place in its set and its tag, "No. 09/30 [U] ")
_HEADING_CLOSE = re.compile(r"[ \t*_:.]*\n")
# a bulleted item's opening: a bullet, then the role ("* Viggo Tarasov, mob boss, ...", "- Charon at the desk.")
_ITEM_MARK = re.compile(r"[ \t]*[-*+\u2022][ \t]+(?:the[ \t]+)?[*_]*", re.IGNORECASE)
# what closes a role heading that goes on along its line: "MARCUS. Sniper", "Charon: concierge", "CAINE — blind",
# "**Sofia** — Halle Berry", "CAINE (HK) — Jockey: Donnie Yen", and a bold heading's comma: "**The Harbinger**, a"
_INLINE_CLOSE = re.compile(r"[*_]*(?:,[ \t]+(?:the|an?)\b)?(?:[ \t]*\([^()\n]{1,12}\))?"
                           r"(?:[.:][*_]*[ \t]|[ \t*_]*[\u2013\u2014][ \t]|[ \t*_]*[ \t]-[ \t])")
_HEADING_COMMA = re.compile(r"[*_]+,[ \t]")
# a heading that describes the role after a comma and ends the line: a stat block's "KIRILL, Viggo's Right Hand"
_DESCRIBED_HEADING = re.compile(r"[*_]*,[ \t][^\n.!?]{1,60}?[ \t*_]*\n")
# a fragment the player opens: after a sentence's end, a label's colon, a dash, a passive "by", or a comma and a
# word of return ("**The Bowery King**, once again Laurence Fishburne, ...")
_FRAGMENT_OPEN = re.compile(r"(?:[.;:!?)]\s+|\(|[ \t][\u2013\u2014-][ \t]+|\b(?:by|courtesy[ \t]+of)[ \t]+"
                            r"|,[ \t]+(?:once\s+(?:again|more)|again|still|now)[ \t]+)\Z", re.IGNORECASE)
# and a mark, not a verb, after them: "Ian McShane, all velvet", "Donnie Yen — the find", "Alfie Allen."; or the
# player's return: "Sofia — Halle Berry returns from Casablanca"
_FRAGMENT_CLOSE = re.compile(r"[ \t]*(?:[.,;:!?)\u2013\u2014]|[ \t]-[ \t]|\n|\Z"
                             # or a verb of performing whose object is the entry's head: "Michael Nyqvist gives him ..."
                             # (not any verb: "Keanu Reeves misses him too")
                             r"|(?:plays|gives|makes|brings|lends|sells|imbues|renders|grounds|invests|voices)[ \t]+"
                             r"(?:him|her)\b"
                             r"|(?:returns|is\s+back|comes\s+back|reprises)\b)", re.IGNORECASE)
# a sentence that opens with a participle and its agent: "Portrayed by X", "Played here by X", "As played by X"
_SUBJECTLESS = re.compile(r"(?:(?<![^\n])[ \t]*(?:as[ \t]+)?|[.!?;][ \t]+)"
                          r"(?:(?:played|portrayed|voiced|embodied|performed)(?:[ \t]+(?:here|again|once\s+more))?"
                          r"|brought[ \t]+to[ \t]+life)[ \t]+by[ \t]+\Z", re.IGNORECASE)
_BODY_LINES = 8
_AS_ROLE = re.compile(r"[ \t]*[,(][ \t]*as\b", re.IGNORECASE)
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
        if role.start - line_start > _HEADING_REACH or not _HEADING_OPEN.fullmatch(doc.text, line_start, role.start):
            continue  # (the length first: on a review of one long line, no slice of the line's head)
        if _HEADING_CLOSE.match(doc.text, role.end):
            actor = _first_in_body(doc, line_end + 1)
        elif _INLINE_CLOSE.match(doc.text, role.end) or _HEADING_COMMA.match(doc.text, role.end) \
                or _ITEM_MARK.match(doc.text, line_start, role.start):
            # the line's own player only in an entry: bulleted, numbered or a role in capitals; a bulleted item
            # goes on over the lines that hang under it ("* Aurelio, the chop-shop owner who knows the car" /
            # "   (John Leguizamo).")
            bulleted = role.start > line_start or _capitals(doc, role)
            item_end = _hanging_end(doc, line_end) if _ITEM_MARK.match(doc.text, line_start, role.start) else line_end
            actor = _player_in_line(doc, role.end, item_end) if bulleted else None
        elif _DESCRIBED_HEADING.match(doc.text, role.end):
            actor = None  # "KIRILL, Viggo's Right Hand" over "Portrayed by Dean Winters": the body's agent only
        else:
            continue
        if actor is None:
            actor = _agent_in_body(doc, line_end)
        if actor is not None:
            candidate = role_candidate(doc, cues, actor, role, role.start, actor.end)
            noted = None if candidate.reprise else body_note_says_reprise(doc, cues, line_end)
            if noted is not None:  # "1  JOHN WICK — Jockey: Keanu Reeves" over "   Tipster: Back for a fourth go."
                candidate.reprise, candidate.end = True, noted
            found.append(candidate)
    return found


def _capitals(doc: Document, role: Mention) -> bool:
    return doc.text[role.start:role.end].isupper()


def _player_in_line(doc: Document, after: int, line_end: int) -> Mention | None:
    """The first person of the entry's line after its heading, when a fragment opens with them and a mark closes
    them ("Ian McShane, all velvet", "Played by: W. Dafoe."): a person a verb follows is a sentence's subject."""
    for person in doc.mentions_between(after, line_end):
        if not person.mask & PERSON or person.mask & CHARACTER:
            continue
        opened = _FRAGMENT_OPEN.search(doc.text, max(after, person.start - 20), person.start)
        closed = _FRAGMENT_CLOSE.match(doc.text, person.end)
        return person if opened and closed and not _AS_ROLE.match(doc.text, person.end) else None
    return None


def _hanging_end(doc: Document, line_end: int) -> int:
    """Where a bulleted item that starts on the line ending at ``line_end`` ends: after the lines indented under it,
    up to a blank line or the next item."""
    end = line_end
    for _ in range(_BODY_LINES):
        if end + 1 >= len(doc.text):
            break
        start, next_end = doc.line(end + 1)
        line = doc.text[start:next_end]
        if not line.strip() or not line[:1].isspace() or _ITEM_MARK.match(line):
            break
        end = next_end
    return end


def _agent_in_body(doc: Document, line_end: int) -> Mention | None:
    """The agent of a sentence with no subject in the entry's body, which then can only be the entry's head:
    "Portrayed by Gabriel Byrne." on a line under "Chancellor, the (n.) — leader of the cult"."""
    at = line_end + 1
    for _ in range(_BODY_LINES):
        if at >= len(doc.text):
            break
        start, end = doc.line(at)
        if not doc.text[start:end].strip() or (start > line_end + 1 and not doc.text[start:start + 1].isspace()):
            break  # a blank line ends the entry; so does a line that does not hang under its head
        for person in doc.mentions_between(start, end):
            if person.mask & PERSON and not person.mask & CHARACTER and \
                    _SUBJECTLESS.search(doc.text, max(start, person.start - 40), person.start):
                return person
        at = end + 1
    return None


def _first_in_body(doc: Document, body_start: int) -> Mention | None:
    """The person who opens the body line at ``body_start``, after a few describing words at most."""
    if body_start >= len(doc.text):
        return None
    skipped = _BODY_OPEN.match(doc.text, body_start)
    at = skipped.end() if skipped else body_start
    person = doc.by_start.get(at)
    return person if person is not None and person.mask & PERSON and not person.mask & CHARACTER else None


def record_roles(doc: Document, cues: Cues) -> list[Candidate]:
    """Cast candidates of records whose player field and role field, or heading, belong together."""
    actor_field, role_field = _field_regexes()
    found: list[Candidate] = []
    for actor in doc.mentions:
        if not actor.mask & PERSON or actor.mask & CHARACTER:
            continue
        line_start, line_end = doc.line(actor.start)
        fielded = actor_field.search(doc.text, max(line_start, actor.start - 40), actor.start) is not None
        played = _PLAYED_BY.search(doc.text, max(line_start, actor.start - 40), actor.start) is not None
        if not fielded and not played:
            # a field of another name on a line that holds the role's field: "Character: Eve | Assignee: X"
            if _other_field(doc, max(line_start, actor.start - 40), actor.start):
                role = _field_value(doc, role_field, line_start, line_end)
                if role is not None:
                    found.append(role_candidate(doc, cues, actor, role, min(actor.start, role.start),
                                                max(actor.end, role.end)))
            continue
        role = (_field_value(doc, role_field, line_start, line_end)
                or _role_in_record(doc, actor_field, role_field, line_start, line_end)) if fielded else None
        if role is None and played:
            # a character card's "Name: Caine" over (or before) "Played by: Donnie Yen": the name is the role's
            above = doc.line(line_start - 1)[0] if line_start else line_start
            role = _field_value(doc, _NAME_FIELD, above, actor.start)
        if role is not None:
            start, end = min(actor.start, role.start), max(actor.end, role.end)
            found.append(role_candidate(doc, cues, actor, role, start, end))
    return found


def record_credits(doc: Document) -> list[Candidate]:
    """Credit candidates of records whose person field and job field belong together: YAML's '- name: Chad
    Stahelski' over '  role: director', a JSON object's '"name": "Len Wiseman", "job": "director"'."""
    person_field, _ = _field_regexes()
    job_field = _job_regex()
    found: list[Candidate] = []
    for person in doc.people:
        line_start, line_end = doc.line(person.start)
        if not person_field.search(doc.text, max(line_start, person.start - 40), person.start):
            continue
        job = job_field.search(doc.text, person.end, line_end)
        below = line_end + 1
        for _ in range(_RECORD_LINES if job is None else 0):  # the record's next lines, up to its end
            start, end = doc.line(below) if below < len(doc.text) else (below, below)
            if not doc.text[start:end].strip() or _NEW_ITEM.match(doc.text, start) \
                    or _has_field(person_field, doc, start, end):
                break
            job = job_field.search(doc.text, start, end)
            if job is not None:
                break
            below = end + 1
        if job is not None:
            kind = job_kind(job["job"])
            found.append(Candidate(f"{kind}-record", kind, person.start, job.end(),
                                   parts={"person": [(person.start, person.end)]}))
    return found


@lru_cache(maxsize=1)
def _job_regex() -> re.Pattern[str]:
    """A record's job field and its value, a director's or a writer's job ('role: director', '"job": "writer"')."""
    field = _FIELD.format(keys="role|job|credit|position|department|dept")
    return re.compile(field + rf"(?P<job>{credit_job()})(?![\w-])", re.IGNORECASE)


# a field opens a line, an item of a list, or follows another field of its record: '- actor: X', '"role": "Y", '
# (or a stat card's dot leaders: "Portrayed by ...... Donnie Yen")
_FIELD = (r"(?:(?<![^\n])[ \t]*(?:[-*\u2022][ \t]+)?|[{{,;][ \t]*)[\"']?(?:{keys})[\"']?[ \t]*"
          r"(?:[:=]|(?:\.[ \t]?){{3,}}|\u2026+)[ \t]*[\"']?")


@lru_cache(maxsize=1)
def _field_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The player's field just before a value ('actor: ', 'PLAYED BY: ') and a role's field ('role = "')."""
    words = default_layout_words()

    def keys(listed: frozenset[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"[ \t_]+") for w in sorted(listed, key=lambda w: (-len(w), w)))
    return (re.compile(_FIELD.format(keys=keys(words["header-actor"])) + r"\Z", re.IGNORECASE),
            re.compile(_FIELD.format(keys=keys(words["header-role"])), re.IGNORECASE))


def _field_value(doc: Document, field: re.Pattern[str], start: int, end: int) -> Mention | None:
    """The role that is the value of a role field in ``[start, end)``."""
    for match in field.finditer(doc.text, start, end):
        role = doc.by_start.get(match.end())
        if role is not None and is_role(doc, role) and not role.mask & PERSON:
            return role
    return None


def _role_in_record(doc: Document, actor_field: re.Pattern[str], role_field: re.Pattern[str],
                    line_start: int, line_end: int) -> Mention | None:
    """The role of the record around the player's line: a role field on a line of the record, or the heading the
    record starts under. A blank line, another player's field or (above) a new list item ends the record."""
    below = line_end + 1
    for _ in range(_RECORD_LINES):
        if below >= len(doc.text):
            break
        start, end = doc.line(below)
        if not doc.text[start:end].strip() or _NEW_ITEM.match(doc.text, start) or _has_field(actor_field, doc, start,
                                                                                                   end):
            break
        role = _field_value(doc, role_field, start, end)
        if role is not None:
            return role
        below = end + 1
    above = line_start
    if _NEW_ITEM.match(doc.text, line_start):
        return None  # the player's line opens its item: the lines above are another record's
    for _ in range(_RECORD_LINES):
        if above == 0:
            break
        start, end = doc.line(above - 1)
        if not doc.text[start:end].strip() or _has_field(actor_field, doc, start, end):
            break
        role = _field_value(doc, role_field, start, end) or _heading_role(doc, start, end)
        if role is not None or _NEW_ITEM.match(doc.text, start):
            return role
        above = start
    return None


# a field's name just before its value, after a cell separator: "| Assignee: ", "; Player: "
_OTHER_FIELD = re.compile(r"[|;\t\u00b7\u2022][ \t]*(?P<name>[A-Za-z][\w ]{0,20}?)[ \t]*:[ \t]*\Z")


def _other_field(doc: Document, start: int, end: int) -> bool:
    """Whether a field other than a credit ("| Director: ") names the person at ``end``."""
    field = _OTHER_FIELD.search(doc.text, start, end)
    if field is None:
        return False
    words = default_layout_words()
    name = field["name"].strip().lower()
    return not CREW_JOB.search(name) and \
        not any(name in words[job] for job in ("label-director", "label-writer", "label-both", "label-cast"))


# the player's field that says the value plays someone, and the field that then names the role played
_PLAYED_BY = re.compile(r"\b(?:played|portrayed|voiced)[ \t]+by[ \t]*[:=\u2014\u2013-]+[ \t]*\Z", re.IGNORECASE)
_NAME_FIELD = re.compile(r"(?:(?<![^\n])|(?<=[.|;\u00b7][ \t]))[ \t]*(?:character[ \t]+)?name[ \t]*[:=][ \t]*",
                         re.IGNORECASE)
_RECORD_LINES = 4
_NEW_ITEM = re.compile(r"[ \t]*[-*\u2022][ \t]")
# (after a mark, a tag of symbols or in brackets may close the heading: a card's rarity, "KIRILL \u00b7 \u25cf",
# "CAINE | \u2605\u2605", "ZERO \u2014 [SR]")
_HEADING_END = re.compile(r"[ \t*_:#=]*(?:[\u00b7|\u2022\u2013\u2014-][ \t]*(?:[^\w\s]{1,6}|\[[^\]\n]{1,8}\]"
                          r"|\([^)\n]{1,8}\))[ \t]*)?(?:\n|\Z)")


def _has_field(field: re.Pattern[str], doc: Document, start: int, end: int) -> bool:
    return any(field.search(doc.text, start, person.start) for person in doc.mentions_between(start, end))


def _heading_role(doc: Document, start: int, end: int) -> Mention | None:
    """The role a short heading line ends with ("CARD 3 // CAINE", "## Zero"), if it names no person."""
    if end - start > 60:
        return None
    mentions = doc.mentions_between(start, end)
    if not mentions or any(m.mask & PERSON for m in mentions):
        return None
    role = mentions[-1]
    return role if is_role(doc, role) and _HEADING_END.match(doc.text, role.end) else None
