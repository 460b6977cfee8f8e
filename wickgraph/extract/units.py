"""Claim candidates from layout units: cast rows and credit labels (:mod:`wickgraph.extract.layout`).

Layout joins an actor to a role, or a job to people, without a verb. This step decides, with the
gazetteer, what each cell or value item names:

* a cast row's actor is the cell that names a known person, its role the cell that names a known
  character; a header row ("ACTOR  ROLE", "| Character | Played by |") decides the columns outright,
  and so does the orientation of the block's other rows, so that a person or role the reference does
  not know ("Bridget Regan ...... Addy") is still read, as an unreconciled name;
* a credit's value items are kept while each is a whole name (known, or shaped like one); the first
  item that is not ("With Keanu Reeves gone, ...") ends the list. A cast item's bracketed aside is its
  role when it names one ("Starring: A (Role); B (Role)"), in either order ("Role (Actor)").

Evidence is the whole row, or the label with its names: exactly ``text[start:end]``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .credits import Credit
from .document import Document
from .entrynotes import NEW_NOTE, body_note_says_reprise, note_says_reprise
from .gazetteer import CHARACTER, PERSON, QUOTE_MARKS, WORK, Mention
from .layout import Row, read_layout
from .links import default_cues
from .patterns import Candidate
from .worktables import other_columns

__all__ = ["LayoutUnits"]

Span = tuple[int, int]

# A name the reference may not know: capitalised words (particles allowed), one line, no digits.
_NAME = re.compile(r"(?-i:[A-Z][\w'\u2019.-]*(?:[ ](?:de|da|del|della|di|van|von|der|la|le|al|bin|[A-Z][\w'\u2019.-]*))"
                   r"{0,3})")
_NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "It", "They", "His", "Her", "Their", "I", "We", "You", "And",
                        "But", "In", "On", "At", "For", "With", "This", "That", "What", "Who", "Yes", "No", "Not",
                        "TBA", "TBD", "None", "N/A", "Unknown", "Uncredited", "Various", "Himself", "Herself",
                        "See", "Cf."})  # (a glossary's cross-reference: "DIRECTOR n. See STAHELSKI")

ACTOR, ROLE, EITHER, NEW_NAME = "actor", "role", "either", "new"


class LayoutUnits:
    """The layout units of one review (read once), as claim candidates and as marks on other candidates."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.layout = read_layout(doc.text, doc.folded)

    def candidates(self) -> list[Candidate]:
        """Cast candidates from rows (rule ``layout-row``) and credit candidates from labels (``layout-credit``)."""
        doc, layout = self.doc, self.layout
        return _row_candidates(doc, layout.rows) + [c for credit in layout.credits
                                                    for c in _credit_candidates(doc, credit)]

    def apply_sections(self, candidates: list[Candidate]) -> list[Candidate]:
        """``candidates`` as the headings over them say: under "Returning:" a cast candidate with a role states
        a reprise; under "Not returning:" a cast or credit candidate states nothing (it is dropped)."""
        sections = self.layout.sections
        if not sections:
            return candidates
        kept = []
        for candidate in candidates:
            kinds = {s.kind for s in sections if s.start <= candidate.start < s.end}
            if "absent" in kinds and candidate.type in ("cast", "director", "writer"):
                continue
            if "reprise" in kinds and candidate.type == "cast" and "character" in candidate.parts:
                candidate.reprise = True
            kept.append(candidate)
        return kept


# -- what a cell names -------------------------------------------------------------------------------


def _mention(doc: Document, span: Span) -> Mention | None:
    """The one mention covering exactly ``span`` (a leading "the", or an age such as "Young", aside)."""
    start, end = span
    mention = doc.by_start.get(start)
    if mention is None:
        lead = _LEADING.match(doc.text, start, end)
        mention = doc.by_start.get(lead.end()) if lead else None
        if mention is not None and lead and lead.group(1) and not mention.mask & CHARACTER:
            mention = None  # "Young Keanu" is no actor's name
    return mention if mention is not None and mention.end == end else None


# "the Marquis", "Young Winston", "the young Charon": words a cell may hold before the name it is
_LEADING = re.compile(r"(?i)(?:the[ \t]+)?((?:young|younger|old|older|teenage|little|adult)[ \t]+)?(?<=\s)")


def _kind(doc: Document, span: Span) -> str | None:
    mention = _mention(doc, span)
    if mention is not None:
        mask = mention.mask
        if mask & PERSON and mask & CHARACTER:
            return EITHER
        if mask & PERSON:
            return ACTOR
        if mask & CHARACTER:
            return ROLE
        return None  # a work's title
    if any(doc.by_start.get(i) for i in range(span[0], span[1])):
        return None  # part of the cell is a known name, part is not: a description, not a name
    cell = doc.text[span[0]:span[1]]
    # a role the reference lacks, named by its trade with the article: "the Tailor" (a person's name takes none)
    return NEW_NAME if _name_shaped(cell) or (_TRADE_ROLE.fullmatch(cell) and _name_shaped(cell[4:])) else None


_TRADE_ROLE = re.compile(r"(?i:the)[ \t]+(?-i:[A-Z])[\w'-]+(?:[ \t]+(?-i:[A-Z])[\w'-]+)?")


def _name_shaped(cell: str) -> bool:
    if "  " in cell or "\t" in cell:
        return False  # a column gap inside: a table's header row ("CHARACTER     PU   MU/HAIR"), not one name
    words = cell.split()
    return (bool(words) and len(words) <= 4 and words[0] not in _NOT_NAMES and _NAME.fullmatch(cell) is not None \
        and not cell.isupper()) or (cell.isupper() and len(words) <= 4 and cell.replace(" ", "").isalpha() and \
        len(cell) > 3 and words[0].title() not in _NOT_NAMES)


# -- cast rows --------------------------------------------------------------------------------------


_DESCRIBED = re.compile(r",[ \t]|[ \t]+\(|[ \t]+[-\u2013\u2014]{1,2}[ \t]|;")


def _name_part(doc: Document, cell: Span) -> Span:
    """"Tatiana, a ballerina with a knife": the name that opens a cell, before its description (a role in quotation
    marks, as a bill or a poster sets it, without them: "\u201cMarcus\u201d (long-range acoustic set)")."""
    cell = _unquoted(doc.text, cell)
    described = _DESCRIBED.search(doc.text, cell[0], cell[1])
    if described is None:
        return cell
    name = doc.by_start.get(cell[0])  # "Yen, Donnie": a name in catalogue order holds a comma of its own
    if name is not None and described.start() < name.end <= cell[1]:
        described = _DESCRIBED.search(doc.text, name.end, cell[1])
        if described is None:
            return cell
    return _unquoted(doc.text, (cell[0], described.start()))


def _unquoted(text: str, cell: Span) -> Span:
    """``cell`` without the quotation marks around it (the closing one only after an opening one, which the view
    may have blanked already: a name's own apostrophe stays)."""
    start, end = cell
    opened = text[start - 1:start] in QUOTE_MARKS or text[start:start + 1] in QUOTE_MARKS
    start += text[start:start + 1] in QUOTE_MARKS
    if opened and end - start > 1 and text[end - 1] in QUOTE_MARKS:
        end -= 1
    return start, end


def _row_candidates(doc: Document, rows: tuple[Row, ...]) -> list[Candidate]:
    rows = tuple(part for row in rows for part in _side_by_side(doc, row))
    # a cell under another work's header is that work's, as if empty here ("Keanu Reeves | John Wick | John Wick"
    # under "Actor | JW (2014) | JW2 (2017)", reviewing the second)
    others = other_columns(doc) if rows else []
    blanked = [replace(row, cells=tuple((cell[0], cell[0]) if any(a <= cell[0] and cell[1] <= b for a, b in others)
                                        else cell for cell in row.cells)) for row in rows]
    # (the names' cells read without their descriptions; a notes cell is read whole: "alive, back from the first film")
    whole = {replace(row, cells=tuple(_name_part(doc, cell) for cell in row.cells)): row for row in blanked}
    rows = tuple(whole)
    # (a cell of players named together is an actor's: "Saïd Taghmaoui / George Georgiou | The Elder")
    shared = {cell: players for row in rows for cell in row.cells if (players := _players(doc, cell))}
    kinds = {row: [ACTOR if cell in shared else _kind(doc, cell) if cell[1] > cell[0] else None for cell in row.cells]
             for row in rows}
    # the orientation known rows of a block agree on decides the rows whose names the reference lacks
    votes: dict[int, Counter[int]] = {}
    for row in rows:
        filled = [k for k, cell in zip(kinds[row], row.cells, strict=True) if cell[1] > cell[0]]
        # a row's first two cells, when the rest are notes ("Common | Cassian | Gianna's bodyguard")
        pair = _known_pair(filled[:2]) if all(k in (None, NEW_NAME) for k in filled[2:]) else None
        if pair is not None:
            votes.setdefault(row.block, Counter())[pair[0]] += 1
    found: list[Candidate] = []
    for row in rows:
        pair = _pair(row, kinds[row], votes.get(row.block))
        if pair is None:
            continue
        actor, role = row.cells[pair[0]], row.cells[pair[1]]
        if kinds[row][pair[0]] == NEW_NAME and len(doc.text[actor[0]:actor[1]].split()) < 2:
            continue  # an unknown performer needs a first name and a surname
        if actor in shared and kinds[row][pair[1]] not in (ROLE, EITHER):
            continue  # players named together share a known role only: "Shay Hatten & Michael Finch - Screenplay"
        # the evidence runs over the two cells only: a notes column ("can't reload without looking cool")
        # is not part of the claim, and its words must not reach the scope filters
        named = _mention(doc, role)  # "Young Winston": the character is the name after the age
        character = (named.start, named.end) if named is not None and named.mask & CHARACTER else role
        for player in shared.get(actor, [actor]):
            candidate = Candidate("layout-row", "cast", min(actor[0], role[0]), max(actor[1], role[1]),
                                  parts={"actor": [player], "character": [character]})
            _notes_say_reprise(doc, candidate, whole[row].cells[max(pair) + 1:])
            _column_says_reprise(doc, candidate, row)
            if not candidate.reprise and max(pair) == len(row.cells) - 1:
                # the note after the row's last cell, or on the indented line below it ("   Note: back one last time")
                noted = note_says_reprise(doc, default_cues(), candidate.end) \
                    or body_note_says_reprise(doc, default_cues(), row.end)
                if noted is not None:
                    candidate.reprise, candidate.end = True, noted
            found.append(candidate)
    return found


_PLAYERS_APART = re.compile(r"[ \t]*(?:/|&|\band\b|,)[ \t]*")


def _players(doc: Document, cell: Span) -> list[Span]:
    """The players a cell names together, two or three known people apart by "/", "&", "and" or commas; else none."""
    parts = _cut(doc.text, _PLAYERS_APART, cell)
    if not 2 <= len(parts) <= 3:
        return []
    mentions = [_mention(doc, part) for part in parts]
    return parts if all(m is not None and m.mask & PERSON and not m.mask & CHARACTER for m in mentions) else []


# A notes column that says the role is taken up again: "returning from JW1", "same as JW1", "back from Parabellum"
_RETURNING_NOTE = re.compile(r"\b(?:return(?:s|ing|ed)?|back|again|reprising|reprises|reprised|same\s+(?:as|role)|"
                             r"as\s+(?:in|before))\b", re.IGNORECASE)


def _notes_say_reprise(doc: Document, candidate: Candidate, notes: tuple[Span, ...]) -> None:
    """Marks a row's claim a reprise when the notes cell right after its names says so; the evidence then runs to
    the end of that note, and a work it names is where the role comes from."""
    if not notes or notes[0][1] <= notes[0][0] or not _RETURNING_NOTE.search(doc.text, *notes[0]) \
            or NEW_NOTE.search(doc.text, *notes[0]):
        return  # (not "new, never back before")
    candidate.reprise = True
    candidate.end = notes[0][1]
    work = next((m for m in doc.mentions_between(*notes[0]) if m.mask & WORK), None)
    if work is not None:
        candidate.parts["from_film"] = [(work.start, work.end)]


# a yes in a cast table's returning column ("| Returning? |" over "| Yes |", "RET" over "Y")
_YES = re.compile(r"(?i:y|yes|true|x|1)|[\u2713\u2714\u2705\u2611]")


def _column_says_reprise(doc: Document, candidate: Candidate, row: Row) -> None:
    """Marks a row's claim a reprise when its cell under a returning column's header holds a yes; the evidence then
    runs to that cell, and a work named in a cell after it is where the role comes from ("Y    JOHN WICK")."""
    if row.columns is None or "returning" not in row.columns:
        return
    at = row.columns.index("returning")
    start, end = row.cells[at]
    if not _YES.fullmatch(doc.text, start, end):
        return
    candidate.reprise = True
    candidate.end = max(candidate.end, end)
    work = next((m for cell in row.cells[at + 1:] for m in doc.mentions_between(*cell) if m.mask & WORK), None)
    if work is not None:
        candidate.parts["from_film"] = [(work.start, work.end)]
        candidate.end = max(candidate.end, work.end)


_WIDE_GAP = re.compile(r"[ \t]{3,}")
_BOX_WALL = re.compile(r"[\u2502\u2503\u2551]")


def _side_by_side(doc: Document, row: Row) -> list[Row]:
    """A line of two known pairs or more set side by side, a wide gap between them, each its own row: "Keanu Reeves
    → John Wick      Halle Berry → Sofia" (two columns of a cast list); so is a panel's pair beside another
    panel ("│ Runtime   101 min │ │ Keanu Reeves .... John Wick │", the screen of a console app)."""
    if row.columns is not None or len(row.cells) < 2:
        return [row]
    parts = [_cut(doc.folded, _WIDE_GAP, cell) for cell in row.cells if cell[1] > cell[0]]
    if row.separator == "pipe":
        # panels, drawn as boxes or set apart by an empty cell ("| ... | | ... |"): a cell of a known player and a
        # known role set apart by a gap, where no other cell names a role
        if not _BOX_WALL.search(doc.text, row.start, row.end) and all(end > start for start, end in row.cells):
            return [row]
        pairs = [tuple(cell) for cell in parts if len(cell) == 2 and _known_pair([_kind(doc, part) for part in cell])]
        if any(m.mask & CHARACTER for cell in parts if tuple(cell) not in pairs
               for m in doc.mentions_between(cell[0][0], cell[-1][1])):
            return [row]
        return [replace(row, start=pair[0][0], end=pair[1][1], cells=pair) for pair in pairs] or [row]
    cells = [part for cell in parts for part in cell]
    pairs = [tuple(cells[i:i + 2]) for i in range(0, len(cells), 2)] if len(cells) % 2 == 0 else []
    orientations = {_known_pair([_kind(doc, cell) for cell in pair]) for pair in pairs}
    if len(pairs) < 2 or len(orientations) != 1 or None in orientations:
        return [row]  # (each pair a known player and a known role, all the same way round)
    return [replace(row, start=pair[0][0], end=pair[1][1], cells=pair) for pair in pairs]


def _cut(text: str, marks: re.Pattern[str], cell: Span) -> list[Span]:
    """``cell`` cut at each of ``marks`` inside it (the marks left out)."""
    parts, start = [], cell[0]
    for mark in marks.finditer(text, *cell):
        parts.append((start, mark.start()))
        start = mark.end()
    return [*parts, (start, cell[1])]


def _known_pair(kinds: list[str | None]) -> tuple[int, int] | None:
    """(actor index, role index) of a two-cell row whose cells name a known person and a known character."""
    if len(kinds) != 2:
        return None
    if kinds == [ACTOR, ROLE] or kinds == [ACTOR, EITHER]:
        return 0, 1
    if kinds == [ROLE, ACTOR] or kinds == [EITHER, ACTOR]:
        return 1, 0
    return None


def _pair(row: Row, kinds: list[str | None], votes: Counter[int] | None) -> tuple[int, int] | None:
    if row.columns is not None:
        actor, role = row.columns.index("actor"), row.columns.index("role")
        if kinds[actor] in (ACTOR, EITHER, NEW_NAME) and kinds[role] in (ROLE, EITHER, NEW_NAME):
            return actor, role
        return None
    filled = [i for i, cell in enumerate(row.cells) if cell[1] > cell[0]]
    if len(filled) > 2 and (all(kinds[i] is None for i in filled[2:]) or (
            _known_pair([kinds[i] for i in filled[:2]]) and all(kinds[i] in (None, NEW_NAME) for i in filled[2:]))):
        filled = filled[:2]  # "Cassian .... Common .... tu w/ John", "... Claudia Gerini .... Lei": notes after them
    named = [i for i in filled if kinds[i] in (ACTOR, ROLE, EITHER)]
    if len(filled) > 2 and len(named) == 2 and _known_pair([kinds[i] for i in named]):
        filled = named  # "Basic <tab> deck <tab> Marcus (...)? <tab> Willem Dafoe <tab> tags": an export's record
    if len(filled) != 2:
        return None
    kinds = [kinds[i] for i in filled]
    known = _known_pair(kinds)
    if known is not None or None in kinds:
        return (filled[known[0]], filled[known[1]]) if known else None
    if not votes and row.separator == "arrow" and kinds == [ACTOR, NEW_NAME]:
        return 0, 1  # "Peter Serafinowicz -> the Tailor": the arrow maps the known player to the role
    if not votes or len(votes) != 1:
        return None  # no known row in the block, or rows that disagree: no orientation to follow
    if row.separator == "colon" and sum(votes.values()) < 2:
        return None  # "Tom: Keanu Reeves" may be a speaker: colon rows need two known rows to follow
    actor = next(iter(votes))
    role = 1 - actor
    if filled != [0, 1]:
        return None
    if kinds[actor] in (ACTOR, NEW_NAME) and kinds[role] in (ROLE, EITHER, NEW_NAME):
        return actor, role
    return None


# -- credits ----------------------------------------------------------------------------------------


# An aside that credits a listed person with another job than the label's ("Derek Kolstad (characters)").
_OTHER_JOB = re.compile(r"(?i)\b(?:characters?|created|creator|based on|source|comics?|novel|producer|produced|"
                        r"consultant|additional|uncredited|rewrites?|reportedly|announced)\b")
_JOBS = {"director": ("director",), "writer": ("writer",), "both": ("director", "writer"), "cast": ("cast",)}


def _credit_candidates(doc: Document, credit: Credit) -> list[Candidate]:
    played = _label_played(doc, credit)
    if played is not None:
        return [played]
    names: list[tuple[Span, Span | None]] = []
    for item, aside in zip(credit.items, credit.asides, strict=True):
        kind = _kind(doc, item)
        if credit.job == "cast" and kind in (ROLE, EITHER) and aside is not None and \
                _kind(doc, _inner(doc, aside)) in (ACTOR, EITHER, NEW_NAME):
            names.append((_inner(doc, aside), item))  # "Role (Actor)"
            continue
        if kind not in (ACTOR, EITHER, NEW_NAME) or (kind == NEW_NAME and len(doc.text[item[0]:item[1]].split()) < 2):
            if credit.whole or doc.text[item[0]:item[0] + 1].isupper():
                # "Written by A and B, who also did the stunts, directs", "Directors: A and B are my favourites":
                # the list runs into a sentence, so it is no credit line
                return []
            break  # "Director: X, who ...": the first item that is no name ends the list
        if aside is not None and credit.job != "cast" and _OTHER_JOB.search(doc.text, *aside):
            continue  # "Derek Kolstad (characters)": credited for something else than this job
        role = _inner(doc, aside) if credit.job == "cast" and aside is not None else None
        if role is not None and _kind(doc, role) not in (ROLE, EITHER, NEW_NAME):
            role = None  # "(uncredited)", "(voice)": an aside, not a role
        names.append((item, role))
    if not names:
        return []
    end = max(max(s[1] for s in pair if s is not None) for pair in names)
    if credit.job == "cast":
        found = []
        for actor, role in names:
            parts = {"actor": [actor]}
            if role is not None:
                parts["character"] = [role]
            start, stop = min(actor[0], role[0] if role else actor[0]), max(actor[1], role[1] if role else actor[1])
            # one claim per name, its evidence the name and its role "A (Role)", so claims on one line stay apart
            found.append(Candidate("layout-credit", "cast", start, _close(doc, stop) if role else stop, parts=parts))
        return found
    people = [actor for actor, _ in names]
    if credit.label[0] > credit.start:
        end = max(end, credit.label[1])  # the job after the name: "Chad Stahelski | director"
    return [Candidate("layout-credit", job, credit.start, end, parts={"person": people}) for job in _JOBS[credit.job]]


def _label_played(doc: Document, credit: Credit) -> Candidate | None:
    """"Director — Anjelica Huston" in a review of Parabellum: a job label that is also a role of the work, over the
    one actor who plays it there, is that role, not a credit."""
    if credit.job == "cast" or len(credit.items) != 1:
        return None
    label = doc.by_start.get(credit.label[0])
    actor = _mention(doc, credit.items[0])
    if label is None or actor is None or not any((a.iri, r.iri) in doc.film_performances
                                                 for a in actor.of_kind(PERSON) for r in label.of_kind(CHARACTER)):
        return None
    return Candidate("layout-credit", "cast", credit.start, credit.items[0][1],
                     parts={"actor": [credit.items[0]], "character": [(label.start, label.end)]})


def _inner(doc: Document, aside: Span) -> Span:
    """The text inside an aside's brackets, trimmed."""
    start, end = aside[0] + 1, aside[1] - 1
    while start < end and doc.text[start] in " \t":
        start += 1
    while end > start and doc.text[end - 1] in " \t":
        end -= 1
    return start, end


def _close(doc: Document, end: int) -> int:
    """Include the closing bracket of "Actor (Role)" in the evidence."""
    return end + 1 if doc.text[end:end + 1] in ")]" else end

