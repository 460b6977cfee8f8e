"""Whose a labelled score is: the critic's persona's ("Examiner's rating: 88/100", "TIPSTER'S VERDICT: 3 out of 4")
or somebody's the review names ("Ollie's official rating: 8/10" in a diary that speaks of Ollie)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .speakers import NAME_COLON

__all__ = ["bylined", "given_in_first_person", "named_holder", "persona_label", "someones_line"]

# A persona's label over the critic's own score: "Examiner's rating: 88/100", "TIPSTER'S VERDICT: 3 out of 4" (a
# review written as a patent, a racecard or a manifest signs as the examiner, the tipster, the inspector)
_HOLDER = (r"\W*(?:the\s+)?(?P<who>[A-Za-z-]{3,20})['\u2019]s\s+"
           r"(?:(?:own|final|official|overall)\s+)?(?:verdict|score|rating|grade|mark)\b[^\n]{0,40}$")
_PERSONA_LABEL = re.compile("^" + _HOLDER, re.IGNORECASE)
_HOLDER_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))" + _HOLDER, re.IGNORECASE)  # also after a sentence on its line
_RELATIONS = frozenset({"wife", "husband", "partner", "friend", "son", "daughter", "sister", "brother", "mum", "mom",
                        "dad", "father", "mother", "kid", "girlfriend", "boyfriend", "colleague", "flatmate",
                        "roommate", "audience", "imdb", "film", "movie", "show", "series", "public", "everyone",
                        "nobody", "somebody", "someone", "internet", "studio"})


# a label that says the author gives the score, wherever it stands in the label: "Customer satisfaction (author's own
# score for this unit):", "Satisfaction, as graded by the author of this guide:"
_AUTHOR_GIVES = re.compile(r"\b(?:(?:graded|scored|rated|marked|judged)\s+by\s+(?:the|this|your)\s+(?P<by>[a-z]+)"
                           r"|(?:the\s+)?(?P<own>[a-z]+)['\u2019]s\s+own\s+(?:verdict|score|rating|grade|mark))\b"
                           r"[^\n:]{0,40}:\s*$", re.IGNORECASE)


def persona_label(text: str, before: str) -> bool:
    """Whether ``before`` is a persona's own label: its holder a common noun (written in lower case elsewhere in
    the text, or in a label all in capitals), not a name ("Dana's rating:") nor a relation ("Brother's score:"); or
    a label that says the author gives it ("as graded by the author of this guide:")."""
    label = _PERSONA_LABEL.search(before)
    gives = _AUTHOR_GIVES.search(before)
    return (label is not None and _is_persona(text, label["who"])) \
        or (gives is not None and (gives["by"] or gives["own"]).lower() in _AUTHORS_ROLES)


# the jobs of the one who writes the text: "Editor's grade: B+" signed "Priya Castellanos, Yearbook Editor"
_AUTHORS_ROLES = frozenset({"editor", "critic", "reviewer", "host", "compiler", "author", "narrator", "examiner",
                            "columnist", "chronicler", "reader"})


def _is_persona(text: str, who: str) -> bool:
    if who.lower() in _RELATIONS:
        return False
    if who.lower() in _AUTHORS_ROLES:
        return True
    return who.isupper() or who.islower() or re.search(rf"(?<![\w'])(?-i:{re.escape(who.lower())})\b", text) is not None


def named_holder(text: str, label: str) -> bool:
    """Whether a score's own label names its holder, and the holder is somebody the review names elsewhere, not the
    critic's persona: "Ollie's official rating: 8/10" (where the match holds the label itself) in a diary that
    speaks of Ollie; "Programmer's mark: 3/4" alone is the programme's own."""
    holder = _HOLDER_LABEL.search(label)
    return holder is not None and not _is_persona(text, holder["who"]) \
        and len(re.findall(rf"\b{re.escape(holder['who'])}\b", text)) > 1


# A byline that names who wrote the text: "Notes by Tomasz Brill", "These show notes were written by Nadia Okafor",
# "Review by Dana Lee", "typed up by X", "Notes: Dev Raman."
_BYLINE = re.compile(r"\b(?:notes|review|recap|post|write-?up|words|column|summary|coverage)(?:[ \t]+"
                     r"(?:(?:were|was|are|is)[ \t]+)?(?:(?:written|typed[ \t]+up|put[ \t]+together|compiled|prepared)"
                     r"[ \t]+)?by|[ \t]*:)[ \t]+"
                     r"(?P<who>(?-i:[A-Z])[\w'\u2019-]+(?:[ \t]+(?-i:[A-Z])[\w'\u2019-]+){0,2})",
                     re.IGNORECASE)
# a score's label that names its holder at the start of the score's line: "Tomasz: B+", "- Nadia: 4.5 out of 5"
_NAME_LABEL = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?(?P<who>[A-Z][\w'\u2019-]+)(?:[ \t]+[A-Z][\w'\u2019-]+)?"
                         r"[ \t]*(?::|[ \t][\u2014\u2013-])")


def bylined(text: str, starts: list[int]) -> list[bool] | None:
    """For scores starting at ``starts``, whether each is labelled with the name of the text's author, whom a
    byline names ("Notes by Tomasz Brill" and the line "Tomasz: B+"); None unless the scores' labels name two
    people or more and one of them is the author (show notes give every host's score, each on its line)."""
    if len(starts) < 2:
        return None
    authors = {word.lower() for byline in _BYLINE.finditer(text) for word in byline["who"].split()}
    if not authors:
        return None
    holders = []
    for start in starts:
        label = _NAME_LABEL.match(text, text.rfind("\n", 0, start) + 1)
        holders.append(label["who"].lower() if label is not None and label.end() <= start + len(label["who"]) + 3
                       else None)
    named = {holder for holder in holders if holder is not None}
    if len(named) < 2 or not named & authors:
        return None
    return [holder in authors for holder in holders]


# the critic giving the score in the first person: "I give it 8/10", "I'd say 4/5", "we're going with a B"
_I_GIVE = re.compile(r"(?:^|(?<=[\s(\"]))(?-i:I|[Ww]e)(?:['\u2019](?:d|ll|m|re)|\s+(?:would|will|am|are))?"
                     r"(?:\s+\w+ly)?\s+(?:give|gave|giving|rate|rated|rating|award|awarded|score|scored|grade|graded|"
                     r"say|said|saying|going\s+with|go\s+with|put\s+it\s+at|at)\b", re.IGNORECASE)
# a line another speaker opens with their name: "Deb in Leeds: I'd give the film a 9/10", "Tomas K.: I'd give it"
_SOMEONES_LINE = re.compile(rf"(?![ \t>*\u2022-]*(?:me|i|my|mine|verdict|score|rating|grade|overall)\b)"
                            rf"{NAME_COLON}[ \t]", re.IGNORECASE)


def given_in_first_person(clause: str, line: str, transcript: Callable[[], bool]) -> bool:
    """Whether the score after ``clause`` (its line so far: ``line``) is given in the first person ("I give it",
    "I'd say"), so the critic's own: not on a line a commenter opens with their name ("Deb in Leeds: I'd give it
    9/10"), unless the text is a transcript (``transcript()``), whose speakers' turns are told apart elsewhere."""
    return _I_GIVE.search(clause) is not None and (not someones_line(line) or transcript())


def someones_line(line: str) -> bool:
    """Whether ``line`` (up to a score) opens with someone's name and a colon: a commenter's or a guest's."""
    return _SOMEONES_LINE.match(line) is not None
