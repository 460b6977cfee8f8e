"""An actor and a role side by side with no word of linking between them, in text that drops its function words: a
telegram's "HALLE BERRY SOFIA STOP", "LANCE REDDICK DESK CLERK CHARON STOP", and unpunctuated speech's "the villain is
viggo tarasov michael nyquist who"; and a job followed by the people who did it, with no commas between them
("SCREENPLAY CREDITED DEREK KOLSTAD SHAY HATTEN MICHAEL FINCH STOP"). Written prose links and separates them ("as",
"plays", a comma or a dash), so these are read only where the text has hardly any punctuation or is a telegram."""

from __future__ import annotations

import re
from itertools import pairwise

from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .layout_words import credit_job, job_kind
from .links import Cues
from .pairs import is_role, role_candidate
from .patterns import Candidate

__all__ = ["juxtaposed_credits", "juxtaposed_roles"]

# what may stand between a player and the role they are juxtaposed with: describing words ("DESK CLERK", "BLIND
# SWORDSMAN", "VILLAIN"), no word that links, negates, counts or opens a clause
_DESCRIBERS = re.compile(r"(?:[ \t]+[A-Za-z-]+){0,3}[ \t]+")
# (the words of linking are the cue lists' own; these open or point past a clause in telegraphic text too)
_CLAUSE_WORDS = frozenset({"are", "were", "it", "its", "this", "these", "those", "there", "so", "then", "only", "him",
                           "them", "without", "known", "said", "says"})


def _player(mention: Mention) -> bool:
    return bool(mention.mask & PERSON) and not mention.mask & (CHARACTER | WORK)


def _role(doc: Document, mention: Mention) -> bool:
    """A role named here, not the reviewed work's title ("KEANU COMEBACK PIC JOHN WICK": the film, not the role)."""
    return is_role(doc, mention) and not any(e.iri == doc.film for e in mention.of_kind(WORK))


def juxtaposed_roles(doc: Document, cues: Cues, mentions: list[Mention]) -> list[Candidate]:
    """Cast candidates for a player followed by their role ("HALLE BERRY SOFIA", "MARK DACASCOS VILLAIN ZERO") or a
    role followed at once by its player ("viggo tarasov michael nyquist"), within one sentence of telegraphic text."""
    if not doc.telegraphic:
        return []
    linking = cues["role-cue"] | cues["role-filler"] | cues["description-stop"] | _CLAUSE_WORDS
    found: list[Candidate] = []
    for first, second in pairwise(mentions):
        if doc.sentence(first.start) != doc.sentence(second.start):
            continue
        gap = doc.text[first.end:second.start]
        if _player(first) and _role(doc, second) and _DESCRIBERS.fullmatch(gap) \
                and not linking & set(gap.lower().split()):
            found.append(role_candidate(doc, cues, first, second, first.start, second.end))
        elif _role(doc, first) and not first.mask & PERSON and _player(second) and not gap.strip(" \t") \
                and any(e.iri in doc.film_cast for e in second.of_kind(PERSON)):
            # (the role first only before one of the work's players: "... as eve alex young, the producer" is not one)
            found.append(role_candidate(doc, cues, second, first, first.start, second.end))
    return found


# between a job and its first person, and between the people: "SCREENPLAY CREDITED A B AND C", "DIR BY A"
_TO_THE_PEOPLE = re.compile(r"[ \t]+(?:(?:credited|credits|credit|by|to|is|are|was|were)[ \t]+)?\Z", re.IGNORECASE)
_OWN_CLAUSE = re.compile(r"[ \t]+(?:plays|played|playing|is|was|as|returns|stars|does|gets|turns|shows|pops|who|"
                         r"voices|directs|wrote|writes)\b", re.IGNORECASE)
_NEXT_PERSON = re.compile(r"[ \t]+(?:(?:and|&)[ \t]+)?\Z", re.IGNORECASE)


def juxtaposed_credits(doc: Document) -> list[Candidate]:
    """Credit candidates for a job named before the people who did it, one after another with no commas, in
    telegraphic text: "SCREENPLAY CREDITED DEREK KOLSTAD SHAY HATTEN MICHAEL FINCH" (three writers)."""
    if not doc.telegraphic:
        return []
    found: list[Candidate] = []
    for match in re.finditer(rf"\b(?P<job>{credit_job()})\b", doc.text, re.IGNORECASE):
        kind = job_kind(match["job"])
        people: list[Mention] = []
        for mention in doc.mentions_between(match.end(), match.end() + 200):
            gap = doc.text[people[-1].end if people else match.end():mention.start]
            if not _player(mention) or not (_NEXT_PERSON if people else _TO_THE_PEOPLE).fullmatch(gap) \
                    or _OWN_CLAUSE.match(doc.text, mention.end):
                break  # ("the script is shay hatten and gabriel byrne plays the chancellor": a clause of his own)
            people.append(mention)
        if people:
            found.append(Candidate(f"{kind}-juxtaposed", kind, match.start(), people[-1].end,
                                   parts={"person": [(m.start, m.end) for m in people]}))
    return found
