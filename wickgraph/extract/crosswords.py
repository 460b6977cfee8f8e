"""A crossword's solutions: each clue with its enumeration and its solution ("6A. Star who plays 1 Across (5,6) —
KEANU REEVES"). The clue asks and claims nothing by itself; with its solution it states a claim, as a quiz's question
does with its key's answer (:func:`wickgraph.extract.answers.key_answer`). A clue may refer to another entry ("14
Across's player"), and so to that entry's solution.
"""

from __future__ import annotations

import re

from .answers import key_answer
from .document import Document
from .gazetteer import CHARACTER, PERSON, Mention
from .links import is_possessive
from .patterns import Candidate
from .reprises import source_after
from .spoken import spoken_years

__all__ = ["crossword_answers"]

# "14A. clue (7) — SOLUTION", "3 Down: clue (3,7) — SOLUTION", "12a clue (6) = SOLUTION"
# (a blog's list may bullet its entries, and a solution in capitals needs no mark before it: "* 38A: clue (7) CASSIAN";
# a solver's write-up may put it on the next line, under an arrow or indented: "1   clue (4,4)" over "    → JOHN WICK")
_ENTRY = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]+)?(?P<number>\d{1,2})[ \t]*(?:(?P<way>a|d|across|down)\b)?\.?[ \t:]*"
                    r"(?P<clue>[^\n]+?)[ \t]*\((?P<enumeration>\d{1,2}(?:[ \t]*[,-][ \t]*\d{1,2})*)\)[ \t]*"
                    r"(?:(?:[\u2013\u2014=:]|-{1,2})[ \t]*|(?=(?-i:[A-Z]{2}))"
                    r"|\n[ \t]*(?:[\u2192\u21d2]|-{1,2}>|=>|(?:answer|ans|solution)[ \t]*:)[ \t]*"
                    r"|\n[ \t]+(?=(?-i:[A-Z]{2})))(?P<solution>[^\n]*?)[ \t.]*$",
                    re.IGNORECASE | re.MULTILINE)
# a solver's note after the solution, opening with the name of who plays it: "— MARCUS. Willem Dafoe, who ...",
# "CHARON — Lance Reddick, back behind the desk"
_NOTE_OPENS = re.compile(r"[ \t]*(?:[.:;,\u2013\u2014]|-{1,2})[ \t]*")
_REFERENCE = re.compile(r"\b(?P<number>\d{1,2})[ \t]*(?P<way>across|down|a|d)\b", re.IGNORECASE)
# a clue that says the part is taken up again, and from where: "back from Chapter 2", "returning from the first film"
_RETURN = re.compile(r"\b(?:back|returning|returns|again|once\s+more)\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\b", re.IGNORECASE)
# a clue about another work of the series: "in the later spin-off", "in the sequel", "in the first film" (not "in
# the film", the reviewed one)
_ELSEWHERE = re.compile(r"\bin[ \t]+(?:the[ \t]+)?(?:(?:later|next|earlier|previous|first|original|last)[ \t]+"
                        r"(?:film|movie|one|instal?lment|chapter)|(?:(?:later|next|first)[ \t]+)?(?:spin-?off|sequel|"
                        r"prequel))\b", re.IGNORECASE)
# a clue that opens by denying, or denies the relation it names ("not played by X"; not "a stuntman no longer doubling")
_NOT = re.compile(r"^\W*not\b|\b(?:not|never)\s+(?:[\w']+\s+){0,2}?"
                  r"(?:play\w*|direct\w*|wr[io]t\w*|star\w*|in\s+(?:it|this))", re.IGNORECASE)
_ASKS_YEAR = re.compile(r"\b(?:year|released|opened|came\s+out)\b", re.IGNORECASE)


def crossword_answers(doc: Document) -> tuple[list[tuple[int, int, int, int]], list[Candidate]]:
    """Each entry's ``(clue start, clue end, solution start, solution end)`` (its clue, like a quiz's question, claims
    nothing by itself), and the claims the solutions state with their clues."""
    matches = [m for m in _ENTRY.finditer(doc.text) if m.end("solution") > m.start("solution")] \
        if "(" in doc.text else []
    solutions = {(int(m["number"]), way): doc.by_start.get(m.start("solution"))
                 for m, way in zip(matches, _ways(doc.text, matches), strict=True)}
    found: list[Candidate] = []
    for m in matches:
        q_start, q_end, a_start, a_end = *m.span("clue"), *m.span("solution")
        referred = tuple(mention for ref in _REFERENCE.finditer(doc.text, q_start, q_end)
                         if (mention := solutions.get((int(ref["number"]), ref["way"][0].lower()))) is not None)
        candidate = key_answer(doc, q_start, q_end, a_start, a_end, referred) or _year(doc, m) \
            or _named_beside(doc, q_start, q_end, a_start, referred)
        if candidate is None or _ELSEWHERE.search(doc.text, q_start, q_end) or _NOT.search(doc.text[q_start:q_end]):
            continue  # a stray from another grid ("Ana de Armas's avenger in the later spin-off (3) \u2014 EVE"), or a
            # clue that denies ("Hotel manager, not played by Keanu Reeves (7) \u2014 WINSTON")
        if candidate.type == "cast" and _RETURN.search(doc.text, q_start, q_end):
            candidate.reprise = True  # "Laurence Fishburne's pigeon monarch, back from Chapter 2 (6,4) — BOWERY KING"
            source = _source(doc, q_start, q_end)
            if source is not None:
                candidate.parts["from_film"] = [source]
        found.append(candidate)
    return [(*m.span("clue"), *m.span("solution")) for m in matches], found


# the heading of a list of entries that gives their way: "ACROSS", "Down clues"
_WAY_HEADING = re.compile(r"^[ \t#*_]*(?P<way>across|down)\b[^\n]{0,20}$", re.IGNORECASE | re.MULTILINE)


def _ways(text: str, entries: list[re.Match[str]]) -> list[str]:
    """"a" or "d" for each of ``entries`` (in text order): its way as it gives it ("14A"), or as the nearest heading
    above it does ("DOWN"); the headings are read once, in one pass with the entries."""
    headings = list(_WAY_HEADING.finditer(text)) if any(not entry["way"] for entry in entries) else []
    ways, way, at = [], "?", 0
    for entry in entries:
        while at < len(headings) and headings[at].start() < entry.start():
            way, at = headings[at]["way"][0].lower(), at + 1
        ways.append(entry["way"][0].lower() if entry["way"] else way)
    return ways


def _named_beside(doc: Document, q_start: int, q_end: int, a_start: int,
                  referred: tuple[Mention, ...]) -> Candidate | None:
    """A clue that names the solution's player, or a solution that plays the one role its clue names, whatever the
    clue's words: "Manager of the New York hotel, Ian McShane again (7) \u2014 WINSTON", "Viggo's brother Abram, a Swede
    (5,8) \u2014 PETER STORMARE" (a crossword describes its solution; the one other name in the clue is its pair)."""
    solution = doc.by_start.get(a_start)
    if solution is None:
        return None
    named = [m for m in (*doc.mentions_between(q_start, q_end), *referred) if not is_possessive(doc.text, m.end)]
    people = [m for m in named if m.mask & PERSON and not m.mask & CHARACTER]
    roles = [m for m in named if m.mask & CHARACTER and not m.mask & PERSON]
    note = _NOTE_OPENS.match(doc.text, solution.end)
    noted = doc.by_start.get(note.end()) if note is not None else None
    if not people and noted is not None and noted.mask & PERSON and not noted.mask & CHARACTER \
            and not is_possessive(doc.text, noted.end):
        people = [noted]  # the note names the solution's player
    if solution.mask & CHARACTER and not solution.mask & PERSON and len(people) == 1 and not roles:
        actor, role = people[0], solution
    elif solution.mask & PERSON and not solution.mask & CHARACTER and len(roles) == 1 and not people \
            and not _CREDIT.search(doc.text, q_start, q_end):
        actor, role = solution, roles[0]
    else:
        return None
    return Candidate("qa-answer", "cast", solution.start, solution.end,
                     parts={"actor": [(actor.start, actor.end)], "character": [(role.start, role.end)]})


_CREDIT = re.compile(r"\b(?:direct\w*|wr[io]te|writ\w*|script\w*|screenplay|penned|helm\w*|produc\w*)\b", re.IGNORECASE)


def _source(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The work a clue says the part comes back from: "back from Chapter 2", "returning from the first film"."""
    return next((span for found in _FROM.finditer(doc.text, start, end)
                 if (span := source_after(doc, found.start())) is not None), None)


def _year(doc: Document, entry: re.Match[str]) -> Candidate | None:
    """"Year of release, in words (6,8) — TWENTY FOURTEEN": a year asked and given, in digits or in words."""
    if not _ASKS_YEAR.search(entry["clue"]):
        return None
    start, end = entry.span("solution")
    said = [year for year_start, _, year in spoken_years(doc.text[start:end]) if year_start == 0]
    digits = re.fullmatch(r"(?:19|20)\d\d", entry["solution"])
    if not said and digits is None:
        return None
    candidate = Candidate("qa-answer", "release_year", start, end)
    candidate.year = said[0] if said else int(entry["solution"])
    return candidate
