"""Credits under a label of any wording: a line "Label: A and B" whose label names no job this package knows (a
style's metaphor: "Head chef ....... Chad Stahelski", "Master of the vessel: X", "Prescribing physician: X",
"Recipes on file: Derek Kolstad, Shay Hatten") credits its people with the one job the reference knows one of them
for, franchise-wide: a director of some work of the franchise is credited as a director here, a writer as a writer.
The other names of the same list share the job ("Joint masters: Chad Stahelski and David Leitch": a false credit
for Leitch, which the conflict check then flags).

Only a whole list of people counts (its items parted by commas, "and", "&" or "/", each with a bracketed aside at
most, the line ending there or at a column's gap), under a label that names no person, role or work and no other
job ("Stunts:", "Thanks to:", "Guest:"). Someone who also acts in the franchise lends the list no job: their label
may be their role. Candidates carry the rule ``label-known-job``.

In a block of label lines where a director or a writer is credited (under such a label or a credit label), a line
whose value is a date alone gives the work's release, whatever its label ("Built: 2016" beside "Architect: Chad
Stahelski", "Vintage: 2014" beside "Director: Chad Stahelski"): rule ``label-known-year``; not a label of the review's
own dates ("Date watched:", "Posted:") nor of someone's birth.

The same knowledge reads a verb of leading said of someone known only as a director ("Chad Stahelski runs the
sideline", "calls the plays") and a verb of writing, whatever is written, said of someone known only as a writer
("Derek Kolstad again wrote the recipe", "Kolstad's playbook"): rule ``verb-known-job``. Another work named just after
makes it that work's, and the block rules (negation, modality, other works) apply as to any candidate.
"""

from __future__ import annotations

import bisect
import re

from ..reference import Reference
from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK
from .layout_words import MONTH, PARAGRAPH_BREAK
from .patterns import Candidate

__all__ = ["known_job_credits", "known_job_verbs", "known_job_years", "people_by_job"]

# "Head chef .... X" (dot leaders are blanked in the view), "Master of the vessel: X", "Site manager — X"
# (a table's cell or a numbered column may come first: "| 1 | Master of the vessel: X |", "01    Joint masters: X")
# (a box's bar or a bullet may open it: "\u258c Architect: Chad Stahelski")
_LABEL_LINE = re.compile(r"(?:^|(?<=[.!?][ \t]))[ \t*_>#|\u2022\u25aa\u25b8\u25ba\u2500-\u259f-]*"
                         r"(?:(?:\d{1,3}|[A-Z]-?\d{1,3})[ \t]*(?:\||[ \t]{2,}|\t)[ \t]*)?"
                         r"(?P<label>(?-i:[A-Z])[A-Za-z'\u2019 ()/&,.-]{1,40}?)"
                         r"(?:[ \t]*:[ \t]*|[ \t]{2,}|\t+|[ \t]+[\u2014\u2013][ \t]+)(?P<value>\S[^\n]*)$",
                         re.MULTILINE)
# what may stand between the names of the list, and after the last one
_SEPARATOR = re.compile(r"[ \t]*(?:,|&|/|\+|\band\b)[ \t]*(?:and[ \t]+)?|[ \t]+")
_ASIDE = re.compile(r"[ \t]*\([^()\n]{0,60}\)")
# (or the sentence, or an apposition after the names: "Head coach: Chad Stahelski, a career stunt coordinator ...")
_LINE_TAIL = re.compile(r"[ \t]*[.;]?[ \t]*(?:$|(?:[ \t]{2,}|\t|[ \t]*\|)[^\n]*$)"
                        r"|[ \t]*(?:\.[ \t]+(?-i:[A-Z])"
                        r"|,[ \t]+(?:a|an|the|ex-|former|here|who|whose|now|once|still)\b)")
# labels that name another job, another kind of person, or the review's own people
_OTHER_JOB = re.compile(r"\b(?:stunts?|produc\w*|music|score|compos\w*|edit\w*|camera|cinematograph\w*|photograph\w*|"
                        r"design\w*|costumes?|choreograph\w*|fights?|action|thanks?|cameos?|cast|star\w*|studio|"
                        r"distribut\w*|review\w*|critic|author|by|with|feat\w*|voices?|guests?|hosts?|panel\w*|"
                        r"interview\w*|speakers?|moderat\w*|present\w*|narrat\w*|subject|re|to|from|cc|attn|"
                        r"actors?|actress|players?|roles?|characters?|playing|plays|"
                        # what the critic says of someone: "Verdict: X, you did it again", "MVP: X"
                        r"verdict|score|rating|grade|notes?|comments?|summary|opinion|pros|cons|highlights?|best|"
                        r"worst|mvp|standouts?|favou?rites?|tips?|quotes?|shout-?outs?|"
                        # another time's people: "Previously: X", "Next up: X", "Formerly: X"
                        r"previous\w*|earlier|next|formerly|former|before|past|other|also|see)\b", re.IGNORECASE)


def people_by_job(reference: Reference) -> dict[str, str]:
    """Each person the reference credits with one job only across the franchise ("director" or "writer"), and
    who plays no role in it."""
    jobs: dict[str, set[str]] = {}
    for work in reference.works.values():
        for person in work.directors:
            jobs.setdefault(person, set()).add("director")
        for person in work.writers:
            jobs.setdefault(person, set()).add("writer")
    actors = {actor for work in reference.works for actor, _ in reference.cast_of(work)}
    return {person: next(iter(found)) for person, found in jobs.items() if len(found) == 1 and person not in actors}


def known_job_credits(doc: Document) -> list[Candidate]:
    """Director and writer candidates from label lines whose label is no job word (see the module's docstring), by
    whom the reference knows for one job only (``doc.known_jobs``, :func:`people_by_job`)."""
    known = doc.known_jobs
    found: list[Candidate] = []
    for line in _LABEL_LINE.finditer(doc.folded):
        label_start, label_end = line.span("label")
        if _OTHER_JOB.search(line["label"]) or any(
                m.mask & (PERSON | CHARACTER | WORK) for m in doc.mentions_between(label_start, label_end)):
            continue
        people = _whole_list(doc, *line.span("value"))
        jobs = {known[iri] for _, _, iri in people if iri in known}
        if len(jobs) != 1:
            continue
        spans = [(start, end) for start, end, _ in people]
        found.append(Candidate("label-known-job", jobs.pop(), label_start, spans[-1][1],
                               parts={"person": spans}))
    return found


def _whole_list(doc: Document, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """The people a value lists, when it is a list of people and nothing else; else none."""
    people: list[tuple[int, int, str | None]] = []
    at = start
    for mention in doc.mentions_between(start, end):
        if people and _LINE_TAIL.match(doc.folded, at, end):
            break  # the list has ended: what follows describes it ("Chad Stahelski, ex-stuntman, ...")
        if not mention.mask & PERSON or mention.mask & CHARACTER:
            return []
        gap = doc.folded[at:mention.start]
        if (people and not _SEPARATOR.fullmatch(gap)) or (not people and gap.strip()):
            return []
        iri = next((e.iri for e in mention.of_kind(PERSON)), None)
        people.append((mention.start, mention.end, iri))
        aside = _ASIDE.match(doc.folded, mention.end, end)
        if aside and any(m.mask & WORK for m in doc.mentions_between(*aside.span())):
            return []  # "Chad Stahelski (Parabellum)": a credit of that work
        at = aside.end() if aside else mention.end
    if not people or not _LINE_TAIL.match(doc.folded, at, end):
        return []
    return people


# a verb of leading said of someone known only as a director: "Chad Stahelski runs the sideline", "Stahelski
# conducts", "returns to run the kitchen", "calls the plays"; of someone known only as a writer, a verb of writing
# whatever is written ("Derek Kolstad again wrote the recipe") or their text as a possessive ("Kolstad's playbook")
_LEADS = re.compile(r"[ \t]+(?:(?:once\s+again|once\s+more|again|still|also|\w+ly)\s+)?"
                    r"(?:runs|ran|leads|led|steers|steered|helms|helmed|commands|commanded|captains|captained|"
                    r"conducts|conducted|orchestrates|orchestrated|marshals|marshalled|oversees|oversaw|"
                    # the director's own verbs of making the picture: "Stahelski stages the stairs fight", "frames it"
                    r"stages|staged|shoots|frames|framed|mounts|mounted|choreographs|choreographed|"
                    r"calls\s+the\s+(?:shots|plays)|called\s+the\s+(?:shots|plays)|returns\s+to\s+(?:run|lead|steer)|"
                    r"is\s+(?:again\s+|once\s+more\s+)?in\s+charge)\b", re.IGNORECASE)
_WRITES = re.compile(r"[ \t]+(?:(?:once\s+again|once\s+more|again|still|also|\w+ly)\s+)?"
                     r"(?:wrote|writes|penned|pens|drafted|drafts|scripted|scripts|authored|authors)[ \t]+"
                     r"(?!(?:(?:the|a|an|this|its|every)[ \t]+)?(?:first|second|third|previous|earlier|original|"
                     r"other|those|these|all|both|each|next|another|letters?|books?|novels?|comics?|him|her|them|me|"
                     r"us)\b)(?:(?:the|a|an|this|its|every)[ \t]+)?[\w-]+", re.IGNORECASE)
_WRITERS_TEXT = re.compile(r"['\u2019]s?[ \t]+(?:[\w-]+[ \t]+)?(?:playbook|blueprint|recipe|pages|words|dialogue|"
                           r"plot|plotting|manuscript|field\s+notes|lore|world-?building)\b", re.IGNORECASE)
_WORK_REACH = 60  # characters after the verb in which another work's name makes the writing that work's
# another job of the director's in the same sentence: "Chad Stahelski runs the stunt team and produces"
_ANOTHER_JOB_SAID = re.compile(r"\b(?:produc\w*|stunts?|second\s+unit|studio|company|franchise|executive)\b",
                               re.IGNORECASE)


def known_job_verbs(doc: Document) -> list[Candidate]:
    """Director and writer candidates from a verb of leading or writing said of a person known for that job only
    (``doc.known_jobs``: :func:`people_by_job`)."""
    known = doc.known_jobs
    found: list[Candidate] = []
    for mention in doc.mentions:
        if not mention.mask & PERSON or mention.mask & CHARACTER:
            continue
        iri = next((e.iri for e in mention.of_kind(PERSON) if e.iri in known), None)
        if iri is None:
            continue
        job = known[iri]
        if job == "director":
            said = _LEADS.match(doc.folded, mention.end)
        else:
            said = _WRITES.match(doc.folded, mention.end) or _WRITERS_TEXT.match(doc.folded, mention.end)
        if said is None or any(m.mask & WORK for m in doc.mentions_between(mention.end, said.end() + _WORK_REACH)):
            continue  # "Derek Kolstad wrote the recipe for Parabellum too": that work's writing
        if job == "director" and _ANOTHER_JOB_SAID.search(doc.folded, said.end(), doc.sentence(said.end())[1]):
            continue
        found.append(Candidate("verb-known-job", job, mention.start, said.end(),
                               parts={"person": [(mention.start, mention.end)]}))
    return found


# a value that is a date alone: "2016", "24 October 2014", "Oct. 24, 2014", "24.10.2014", "10/02/2017"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_ALONE = re.compile(rf"(?:(?:{_DAY}[ \t]+{MONTH},?|{MONTH}(?:[ \t]+{_DAY},?)?|\d{{1,2}}[./-]\d{{1,2}}[./-])"
                         r"[ \t]*)?(?P<year>20[0-3]\d)[ \t]*(?:\([^()\n]{0,40}\))?[ \t.]*$", re.IGNORECASE)
# labels of the review's own dates, or of a date that is no release's
_OWN_DATE = re.compile(r"\b(?:date|watched|seen|viewed|visited|reviewed|posted|updated|printed|screened|screening|"
                       r"today|filed|signed|submitted|received|sent|logged|log|stardate|entry|deadline|due|expir\w*|valid|"
                       r"accessed|retrieved|edited|revised|modified|created|generated|exported|recorded|transcribed|"
                       r"born|died|birth|death|age|written|published|issued?|next|previous\w*|last)\b", re.IGNORECASE)


def known_job_years(doc: Document, credits: list[Candidate]) -> list[Candidate]:
    """Release-year candidates from label lines whose value is a date alone, in a block of label lines where one of
    ``credits`` (a credit line's director or writer) stands: the block describes the work."""
    if not credits:
        return []
    breaks = [gap.span() for gap in PARAGRAPH_BREAK.finditer(doc.folded)]  # (found once: each block is read once)
    blocks = {(breaks[i - 1][1] if (i := bisect.bisect_right(breaks, (credit.start, credit.start))) else 0,
               next((start for start, _ in breaks[i:] if start >= credit.end), len(doc.folded)))
              for credit in credits}
    found: list[Candidate] = []
    for block_start, block_end in sorted(blocks):
        for line in _LABEL_LINE.finditer(doc.folded, block_start, block_end):
            date = _DATE_ALONE.fullmatch(line["value"])
            if date is not None and not _OWN_DATE.search(line["label"]):
                found.append(Candidate("label-known-year", "release_year", line.start("label"), line.end("value"),
                                       year=int(date["year"])))
    return found
