"""A saved page's schema.org JSON-LD, read where it stands in the text.

A web page saved as text keeps its ``<script type="application/ld+json">`` blocks: the page's own record of the
work it reviews (a ``Movie`` with its ``director``, its ``actor`` list, maybe as ``PerformanceRole`` objects with a
``characterName``, its ``datePublished``) and of the review (a ``Review`` with its ``reviewRating``). The page
states these as facts, as its prose does, so they are claims with their evidence in the block. Values are found
by a small scanner that keeps offsets (:mod:`json` gives none); a block that is not valid JSON is skipped. Only the
review's own ``reviewRating`` is a rating: an ``aggregateRating`` is everyone's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .document import Document
from .patterns import Candidate
from .ratings import RatingMatch
from .scales import normalize, number

__all__ = ["JSONLD_RULE", "jsonld_candidates", "jsonld_rating", "jsonld_spans"]

_BLOCK = re.compile(r"<script\b[^>]*\bapplication/ld\+json\b[^>]*>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_WORK_TYPES = frozenset({"Movie", "TVSeries", "TVEpisode", "Episode", "VideoGame", "CreativeWork", "MovieSeries"})
_REVIEW_TYPES = frozenset({"Review", "CriticReview"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_SPACE = " \t\r\n"
JSONLD_RULE = "-jsonld"  # the end of the rule ids of this reader's candidates

Span = tuple[int, int]
Members = dict[str, tuple[int, Span]]  # key -> (where the key starts, the value's span)


def _value_end(text: str, at: int) -> int:
    """Where the JSON value starting at ``at`` ends."""
    opening = text[at]
    if opening == '"':
        at += 1
        while text[at] != '"':
            at += 2 if text[at] == "\\" else 1
        return at + 1
    if opening in "{[":
        depth = 0
        while True:
            if text[at] == '"':
                at = _value_end(text, at)
                continue
            if text[at] in "{[":
                depth += 1
            elif text[at] in "}]":
                depth -= 1
            at += 1
            if depth == 0:
                return at
    while at < len(text) and text[at] not in ",}]" + _SPACE:
        at += 1
    return at


def _skip(text: str, at: int, marks: str = "") -> int:
    while at < len(text) and (text[at] in _SPACE or text[at] in marks):
        at += 1
    return at


def _members(text: str, start: int) -> Members:
    """The keys of the object starting at ``start`` (its "{"), with their values' spans."""
    members: Members = {}
    at = _skip(text, start + 1, ",")
    while text[at] != "}":
        key_end = _value_end(text, at)
        key = json.loads(text[at:key_end])
        value = _skip(text, _skip(text, key_end) + 1)  # (past the colon)
        end = _value_end(text, value)
        members[key] = (at, (value, end))
        at = _skip(text, end, ",")
    return members


def _items(text: str, span: Span) -> Iterator[Span]:
    """The elements of the array at ``span``, or the value itself when it is no array."""
    if text[span[0]] != "[":
        yield span
        return
    at = _skip(text, span[0] + 1, ",")
    while text[at] != "]":
        end = _value_end(text, at)
        yield at, end
        at = _skip(text, end, ",")


def _objects(text: str, span: Span) -> Iterator[Members]:
    """The members of every object inside the value at ``span`` (itself included)."""
    if text[span[0]] == "{":
        members = _members(text, span[0])
        yield members
        for _, value in members.values():
            yield from _objects(text, value)
    elif text[span[0]] == "[":
        for item in _items(text, span):
            yield from _objects(text, item)


def _string(text: str, members: Members, key: str) -> Span | None:
    """The span of a string member's content, inside its quotation marks."""
    found = members.get(key)
    if found is None or text[found[1][0]] != '"':
        return None
    return found[1][0] + 1, found[1][1] - 1


def _types(text: str, members: Members) -> set[str]:
    found = members.get("@type")
    if found is None:
        return set()
    value = json.loads(text[slice(*found[1])])
    return set(value) if isinstance(value, list) else {value}


def _blocks(text: str) -> Iterator[Members]:
    """The members of every object of every JSON-LD block, the blocks checked as JSON first."""
    if "ld+json" not in text:
        return
    for block in _BLOCK.finditer(text):
        start = _skip(text, block.start("body"))
        try:
            json.loads(block["body"])
            yield from _objects(text, (start, _value_end(text, start)))
        except (ValueError, IndexError):
            continue  # not JSON: a broken block claims nothing


def jsonld_spans(text: str) -> list[Span]:
    """The JSON-LD blocks' bodies: what other readers would take for prose ("name":"John Wick" is the work's name)."""
    return [block.span("body") for block in _BLOCK.finditer(text)] if "ld+json" in text else []


def jsonld_candidates(doc: Document) -> list[Candidate]:
    """Director, cast and release-year candidates of the works a page's JSON-LD describes."""
    found: list[Candidate] = []
    text = doc.text
    for members in _blocks(text):
        if not _types(text, members) & _WORK_TYPES:
            continue
        for key in ("director", "directors"):
            if key in members:
                for item in _items(text, members[key][1]):
                    person = _members(text, item[0]) if text[item[0]] == "{" else None
                    name = _string(text, person, "name") if person else None
                    if name is not None:
                        found.append(Candidate(f"director{JSONLD_RULE}", "director", item[0], item[1],
                                               parts={"person": [name]}))
        for key in ("actor", "actors"):
            if key in members:
                found += [c for item in _items(text, members[key][1]) if (c := _cast(text, item)) is not None]
        for key in ("datePublished", "dateCreated", "releaseDate"):
            date = _string(text, members, key)
            if date is not None and (year := _YEAR.match(text, date[0], date[1])) is not None:
                found.append(Candidate(f"release{JSONLD_RULE}", "release_year", members[key][0], date[1] + 1,
                                       year=int(year.group())))
                break
    return found


def _cast(text: str, item: Span) -> Candidate | None:
    """A cast candidate of an ``actor`` element: a Person, or a PerformanceRole with its ``characterName``."""
    if text[item[0]] != "{":
        return None
    members = _members(text, item[0])
    inner = members.get("actor")
    if inner is not None and text[inner[1][0]] == "{":  # a PerformanceRole: the player inside, the role beside
        name = _string(text, _members(text, inner[1][0]), "name")
        role = _string(text, members, "characterName")
        if name is None:
            return None
        if role is None:
            return Candidate(f"cast{JSONLD_RULE}", "cast", name[0], name[1], parts={"actor": [name]})
        return Candidate(f"cast{JSONLD_RULE}", "cast", name[0] - 1, role[1] + 1,
                         parts={"actor": [name], "character": [role]})
    name = _string(text, members, "name")
    return None if name is None else Candidate(f"cast{JSONLD_RULE}", "cast", item[0], item[1], parts={"actor": [name]})


def jsonld_rating(text: str) -> RatingMatch | None:
    """The rating of the page's one review, from its ``reviewRating`` (``bestRating`` 5 when it is not given)."""
    ratings = []
    for members in _blocks(text):
        if _types(text, members) & _REVIEW_TYPES and "reviewRating" in members:
            rating = members["reviewRating"][1]
            if text[rating[0]] == "{":
                ratings.append(_members(text, rating[0]))
    if len(ratings) != 1:
        return None  # none, or the reviews of many (a shop's customers): no one review is the page's own
    value_span = ratings[0].get("ratingValue")
    if value_span is None:
        return None
    value = _number(text, value_span[1])
    best = _number(text, ratings[0]["bestRating"][1]) if "bestRating" in ratings[0] else 5.0
    if value is None or best is None or not best.is_integer() or not 0 <= value <= best:
        return None
    said = [ratings[0][key] for key in ("ratingValue", "bestRating") if key in ratings[0]]
    # the evidence runs over both: '"ratingValue": "8", "bestRating": "10"'
    start, end = min(key for key, _ in said), max(span[1] for _, span in said)
    return RatingMatch(number(value), int(best), normalize(value, int(best)), start, end)


def _number(text: str, span: Span) -> float | None:
    try:
        return float(text[span[0]:span[1]].strip('"'))
    except ValueError:
        return None
