"""Which work a review is about: titles (most in the headline), credits and people named, a year in the opening.

:func:`resolve_work` weighs them and says when it is unsure: two works too close to call, or
nothing but people shared by several films. A line that lists people *not* in the film
("Halle Berry and her dogs sat this one out") does not vote.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..reference import Reference, normalize_name
from . import casing
from .casing import lower_if_exact, lowercase_twin
from .gazetteer import CHARACTER, PERSON, QUOTE_MARKS, WORK, Gazetteer, Mention
from .textscan import line_around

__all__ = ["detect_film", "place_in_series", "resolve_film", "resolve_work", "series_number"]

# A title named anywhere outweighs any number of shared cast members; below this, only people voted.
_SURE_SCORE = 3.0
_ABSENCE = re.compile(r"\b(?:not|no|never|nor|without|absent|missing|left out|sat (?:this|it) out|sits (?:this|it) out|"
                      r"isn't|aren't|wasn't|weren't|doesn't|don't|didn't|instead of|rather than|unlike|"
                      r"elsewhere)\b|n't\b", re.IGNORECASE)
_ABSENCE_LOWER = lowercase_twin(_ABSENCE)  # the same search over the lower-cased text, several times faster


# A title after one of these is more often a point of reference than the subject: "as in Parabellum", "from the first"
_REFERENCE_POINT = re.compile(r"\b(?:from|in|since|than|like|after|before|unlike|of)\s+(?:the\s+)?\Z",
                              re.IGNORECASE)


# Seeing a work names it as a title, even one that is also a character's or the franchise's name: "we watched John
# Wick", "rewatching John Wick tonight", "vamos a ver John Wick"
_VIEWING = re.compile(r"\b(?:watch(?:ed|ing)?|re-?watch(?:ed|ing)?|saw|seen|see(?:ing)?|screen(?:ed|ing)|"
                      r"ver|vi|vimos|viendo|regarder|vu|sehen|gesehen|guardare|visto)\s+(?:the\s+(?:first\s+)?|"
                      r"(?:the\s+)?(?:original\s+)?)?\Z", re.IGNORECASE)


_VIEWING_DENIED = re.compile(r"\b(?:not|never|instead\s+of|rather\s+than|without)\s+(?:\w+ly\s+|just\s+|even\s+)?\Z|"
                             r"n['\u2019]t\s+(?:\w+ly\s+|just\s+|even\s+)?\Z", re.IGNORECASE)


# Words that name the post's subject wherever it stands: "today we're talking about X", "my review of X", "the
# real reason for this post: X", "on to the main event, X"
_TOPIC_CUE = re.compile(
    r"\b(?:(?:my|our|this|a)\s+(?:\w+\s+)?review\s+of|reviewing|(?:talking|talk)\s+about|thoughts\s+on|"
    r"(?:the\s+)?(?:real\s+)?reason\s+for\s+(?:this|the)\s+(?:post|thread|review|piece|video|episode)|"
    r"(?:the\s+)?main\s+event|today['\u2019]s\s+(?:film|movie|pick|review|subject)|"
    r"(?:this|the)\s+(?:review|post|piece|video|episode)\s+is\s+about|the\s+one\s+(?:I|we)\s+came\s+for)"
    r"[^.!?\n]{0,30}\Z", re.IGNORECASE)


def resolve_film(title: str, gazetteer: Gazetteer) -> str | None:
    """The IRI of the work called ``title`` (any title or alias), or None."""
    works = [e.iri for e in gazetteer.lookup(title, WORK)]
    if works:
        return works[0]
    key = normalize_name(title)
    for work in gazetteer.reference.works.values():
        if any(key and (key in normalize_name(n) or normalize_name(n) in key) for n in work.names if len(n) > 3):
            return work.iri
    return None


def detect_film(text: str, mentions: Iterable[Mention], reference: Reference) -> str | None:
    """The work a review is about, or None when the text does not say clearly enough."""
    return resolve_work(text, mentions, reference)[0]


def resolve_work(text: str, mentions: Iterable[Mention], reference: Reference) -> tuple[str | None, float, str | None]:
    """``(work IRI or None, confidence 0..1, note)``: the best-scoring work, or None and a note saying why not."""
    scores = _scores(text, mentions, reference)
    if not scores or max(scores.values()) <= 0:
        return None, 0.0, "no work of the reference is named; pass --film"

    def rank(iri: str) -> tuple[float, int]:
        facts = reference.works.get(iri)
        return scores[iri], (facts.release_year or 0) if facts else 0

    ordered = sorted(scores, key=rank, reverse=True)
    best = ordered[0]
    second = scores[ordered[1]] if len(ordered) > 1 else 0.0
    top = scores[best]
    if top < _SURE_SCORE or (second >= 0.85 * top and top - second < 2.0):
        close = [reference.works[w].title if w in reference.works else w
                 for w in ordered[:3] if scores[w] >= 0.75 * top]
        choices = ", ".join(close[:-1]) + f" or {close[-1]}" if len(close) > 1 else close[0]
        why = "no title is named" if top < _SURE_SCORE else "two titles weigh about the same"
        note = f"unsure which work this is ({why}): {choices}; pass --film"
        return None, round(min(top / _SURE_SCORE, 1.0) / 2, 2), note
    return best, round(min(1.0, 0.5 + (top - second) / (2 * top)), 2), None


# the writer's present act of reviewing a work, which names the subject even beside another work set against it: "I'm
# reviewing the first John Wick here", "This is a review of Ballerina", "Reviewing John Wick: Chapter 4, with ..."
_REVIEWING_NOW = re.compile(r"(?:\b(?:I['\u2019]m|I\s+am|we['\u2019]re|we\s+are)\s+(?:\w+\s+)?reviewing|"
                            r"\bthis\s+is\s+(?:a|my|our)\s+review\s+of|(?:^|\n)[ \t]*reviewing)[^.!?\n]{0,30}\Z",
                            re.IGNORECASE)
# "A vs. B", "A versus B", "A v B": two works set against each other, neither the one subject
_VERSUS = re.compile(r"\s(?:vs?\.?|versus)\s", re.IGNORECASE)


def _scores(text: str, mentions: Iterable[Mention], reference: Reference) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    opening = _opening_end(text)
    first = len(text) - len(text.lstrip())
    headline = min(opening, text.find("\n", first) if text.find("\n", first) >= 0 else len(text))
    if _VERSUS.search(text, first, headline):
        headline = first  # "John Wick vs. John Wick: Chapter 4": a headline that sets two works against each other
    people: set[str] = set()
    roles: set[str] = set()
    named: Counter[str] = Counter()  # how often each work was named so far
    absent: dict[tuple[int, int], bool] = {}  # line window -> says someone is absent; one search per line
    lower = lower_if_exact(text)
    for mention in mentions:
        for entry in mention.entries:
            if entry.kind == WORK and entry.iri:
                weight = _title_weight(text, mention.start, mention.end, entry.weak, headline, opening)
                # a title named again says less than the time before (the k-th time 1/k): a report that keeps
                # pointing back at another film ("same as JW1", "the JW1 job", "back from JW1") is not about it
                named[entry.iri] += 1
                scores[entry.iri] += weight / named[entry.iri]
            elif entry.kind == PERSON and entry.is_label and entry.iri and entry.iri not in people \
                    and not _absent(text, lower, mention.start, absent):  # read each person's lines until one counts
                people.add(entry.iri)
            elif entry.kind == CHARACTER and entry.iri and entry.iri not in roles \
                    and not _absent(text, lower, mention.start, absent):
                roles.add(entry.iri)
    numbered = _numbered_works(reference)
    for match in _PLACE_IN_SERIES.finditer(text):
        number = _place_number(match)
        if number in numbered:  # "the first film in the series" is most often the point of comparison
            scores[numbered[number]] += _title_weight(text, match.start(), match.end(), number == 1, headline, opening)
    one_work_roles, one_work_people = _of_one_work(reference)
    for iri in reference.works:
        scores[iri] += 0.8 * len(people & reference.people_of(iri))
        # a role found in one work only says which work this is ("Viggo", "Caine"), as a credit does
        scores[iri] += 0.8 * len(roles & one_work_roles.get(iri, frozenset()))
        # ... and so does a person of one work only ("Troy Baker" voices only the game), on top of being one of its
        scores[iri] += 0.8 * len(people & one_work_people.get(iri, frozenset()))
    for match in re.finditer(r"\b(19[5-9]\d|20[0-4]\d)\b", text[:opening]):
        for facts in reference.works.values():
            if facts.release_year == int(match.group(1)):
                scores[facts.iri] += 1.5
    return scores


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone on its line, but for marks of layout."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    return not (text[line_start:start] + text[end:len(text) if line_end < 0 else line_end]).strip(" \t#*_=>|-")


def _title_weight(text: str, start: int, end: int, weak: bool, headline: int, opening: int) -> float:
    """What a title at ``start`` says about which work the review is about; ``weak`` for a title that is also a
    character's or the franchise's name (unless its year follows in brackets: "JOHN WICK (2014)" is the film)."""
    viewing = _VIEWING.search(text, max(0, start - 30), start)
    # (not a viewing denied or passed over: "why we were not simply watching Chapter 2 again", "instead of seeing X")
    seen = viewing is not None and not _VIEWING_DENIED.search(text, max(0, viewing.start() - 30), viewing.start())
    # a name in quotation marks or title brackets is a title ("《John Wick》"), not the character
    quoted = start > 0 and end < len(text) and text[start - 1] in QUOTE_MARKS and text[end] in QUOTE_MARKS
    labelled = _TITLE_LABEL.search(text, max(0, start - 40), start) is not None  # "Title ......... John Wick [DVD]"
    # "the real reason for this post: Chapter 4", "I'm reviewing the first John Wick" say which work it is
    topic = _TOPIC_CUE.search(text, max(0, start - 60), start) is not None
    # a title alone on a line of the opening is its heading ("JOHN WICK" under a letterhead), not the character
    alone = start < opening and _alone_on_line(text, start, end)
    weak = weak and not seen and not quoted and not labelled and not topic and not alone \
        and not _DATED.match(text, end)
    weight = (0.5 if weak else 3.0) + (3.0 if seen or labelled else 0.0)  # the work the reviewer watched, or filed
    if start < headline:  # the title line says most
        # a name that is also a character ("keanu reeves is john wick") counts as a title only when it opens the line
        opens = not text[text.rfind("\n", 0, start) + 1:start].strip(" \t#*_>|-")
        weight += (1.5 if opens else 0.0) if weak else 8.0
    elif start < opening:
        weight += 0.5 if weak else 2.0
    if _REFERENCE_POINT.search(text, max(0, start - 12), start):
        weight /= 2  # "the role she had in Parabellum", "back from Chapter 2": another work, pointed at
    if topic:
        weight += 8.0  # (like a headline)
        if _REVIEWING_NOW.search(text, max(0, start - 60), start):
            weight += 8.0  # "I'm reviewing the first John Wick here": the writer's act, the one subject in a comparison
    return weight


_DATED = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")
# a record's or a form's field for the title, right before it: "Title: John Wick", "Film ...... John Wick"
_TITLE_LABEL = re.compile(r"(?:^|\n)[ \t*_>|-]*(?:title|film|movie|feature|programme|program|item)[ \t]*"
                          r"(?:[:=\u2013\u2014]|[.\u2026\u00b7_]{2,})[ \t]*\Z", re.IGNORECASE)
_ORDINALS = {"first": 1, "1st": 1, "one": 1, "second": 2, "2nd": 2, "two": 2, "third": 3, "3rd": 3, "three": 3,
             "fourth": 4, "4th": 4, "four": 4, "fifth": 5, "5th": 5, "five": 5}
_ORDINAL = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
_PIECE = r"(?:film|movie|entry|chapter|instal?lment|outing|part|picture|feature|episode|sequel)"
_SERIES = r"(?:(?:whole|entire)\s+)?(?:John\s+Wick\s+|Wick\s+)?(?:series|franchise|saga|cycle|films|movies)"
# A numbered film named by its place in the series: "the second film in the John Wick series", "round three of
# the saga", "the franchise's fourth entry"
_PLACE_IN_SERIES = re.compile(
    rf"\b(?P<ordinal>{_ORDINAL})\s+(?:John\s+Wick\s+|Wick\s+)?{_PIECE}\s+(?:in|of)\s+(?:the\s+|this\s+)?{_SERIES}\b"
    rf"|\b(?:round|part|chapter|entry|instal?lment|volume|number)\s+(?P<number>one|two|three|four|five|[1-5])\s+"
    rf"(?:in|of)\s+(?:the\s+|this\s+)?{_SERIES}\b"
    rf"|\b{_SERIES}['\u2019]s?\s+(?P<possessed>{_ORDINAL})\s+{_PIECE}\b", re.IGNORECASE)


def _place_number(match: re.Match[str]) -> int:
    return place_in_series(match.group("ordinal") or match.group("number") or match.group("possessed"))


def place_in_series(word: str) -> int:
    """The number an ordinal or numeral names ("third", "3rd", "three", "3"; "original" is the first and "sequel" the
    second), else 0."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return {"original": 1, "sequel": 2}.get(word) or _ORDINALS.get(word, 0)


def series_number(reference: Reference, work: str | None) -> int | None:
    """The place of a numbered film in the series (the third film is 3), or None."""
    return next((number for number, iri in _numbered_works(reference).items() if iri == work), None)


def _numbered_works(reference: Reference) -> dict[int, str]:
    """Each numbered film by its number ("John Wick 2" is the second)."""
    numbered: dict[int, str] = {}
    for facts in reference.works.values():
        for name in facts.names:
            match = re.fullmatch(r"John Wick (\d)", name)
            if match:
                numbered[int(match.group(1))] = facts.iri
    return numbered


def _of_one_work(reference: Reference) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each work's characters that no other work has, and its people that no other work has."""
    found = _ONE_WORK.get(id(reference))
    if found is None or found[0] is not reference:
        roles: dict[str, set[str]] = defaultdict(set)
        people: dict[str, set[str]] = defaultdict(set)
        for work in reference.works:
            for _, character in reference.cast_of(work):
                roles[character].add(work)
            for person in reference.people_of(work):
                people[person].add(work)
        found = _ONE_WORK[id(reference)] = (reference, _by_work(roles), _by_work(people))
    return found[1], found[2]


def _by_work(where: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """The things found in one work only, by that work."""
    by_work: dict[str, set[str]] = defaultdict(set)
    for thing, works in where.items():
        if len(works) == 1:
            by_work[next(iter(works))].add(thing)
    return {work: frozenset(things) for work, things in by_work.items()}


_ONE_WORK: dict[int, tuple[Reference, dict[str, frozenset[str]], dict[str, frozenset[str]]]] = {}


# Where a sentence ends inside a line: the absence of one person is said in their own sentence
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def _absent(text: str, lower: str | None, position: int, seen: dict[tuple[int, int], bool]) -> bool:
    """Whether the sentence naming a person says they are not in the film (``seen`` keeps each one's answer).

    The sentence, not the line: in a paragraph written as one line, "not" in another sentence says nothing
    of this person.
    """
    start, end = line_around(text, position, 300)
    for stop in _SENTENCE_END.finditer(text, start, position):
        start = stop.end()
    after = _SENTENCE_END.search(text, position, end)
    window = (start, after.end() if after else end)
    if window not in seen:
        seen[window] = casing.search(_ABSENCE, _ABSENCE_LOWER, text, lower, *window) is not None
    return seen[window]


def _opening_end(text: str) -> int:
    """End of the headline area: the first three non-empty lines, at most 400 characters."""
    position, lines = 0, 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        if line.strip():
            lines += 1
        if lines >= 3:
            break
    return min(position, 400)
