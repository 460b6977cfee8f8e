"""A saved page's schema.org JSON-LD read as claims, each in three wordings of the markup written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from wickgraph.extract import extract

CH2, CH4, JW1 = "John Wick: Chapter 2", "John Wick: Chapter 4", "John Wick"


def _page(jsonld: str, body: str = "<p>A fine night out.</p>") -> str:
    return (f'<html><head><script type="application/ld+json">{jsonld}</script></head>\n'
            f"<body>{body}</body></html>")


def _claims(text: str, film: str) -> list[dict[str, Any]]:
    return extract(text, film).to_json()["claims"]


def _facts(text: str, film: str) -> set[tuple[Any, ...]]:
    return {(c["type"], c.get("person") or c.get("actor") or c.get("year") or c.get("value"),
             c.get("character") or c.get("scale"), c["status"]) for c in _claims(text, film)}


@pytest.mark.parametrize(("jsonld", "film", "expected"), [
    (('{"@context":"https://schema.org","@type":"Movie","name":"John Wick","director":'
     '{"@type":"Person","name":"David Leitch"}}'), JW1, ("director", "David Leitch", None, "contradicted")),
    (('{"@context": "https://schema.org", "@type": "Movie", "director": [{"@type": "Person", "name": "Chad Stahelski"},'
     ' {"@type": "Person", "name": "Len Wiseman"}]}'), CH4, ("director", "Len Wiseman", None, "contradicted")),
    (('{\n  "@context": "https://schema.org",\n  "@graph": [\n    {"@type": "WebPage", "name": "Reviews"},\n'
     '    {"@type": "Movie", "name": "John Wick: Chapter 2",\n     "director": {"@type": "Person", "name": "Chad '
     'Stahelski"}}\n  ]\n}'), CH2, ("director", "Chad Stahelski", None, "supported")),
])
def test_a_works_director_in_its_jsonld(jsonld: str, film: str, expected: tuple[Any, ...]) -> None:
    assert expected in _facts(_page(jsonld), film)


@pytest.mark.parametrize(("jsonld", "film", "expected"), [
    (('{"@context":"https://schema.org","@type":"Movie","actor":[{"@type":"PerformanceRole","actor":{"@type":"Person",'
     '"name":"Common"},"characterName":"Ares"}]}'), CH2, ("cast", "Common", "Ares", "contradicted")),
    ('{"@context": "https://schema.org", "@type": "Movie", "actor": {"@type": "Person", "name": "Ruby Rose"}}', CH2,
     ("cast", "Ruby Rose", None, "supported")),
    (('{"@context":"https://schema.org","@type":"Movie","name":"John Wick","actors":[{"@type":"Person",'
     '"name":"Keanu Reeves"},{"@type":"Person","name":"Alfie Allen"}]}'), JW1,
     ("cast", "Keanu Reeves", None, "supported")),
])
def test_a_works_cast_in_its_jsonld(jsonld: str, film: str, expected: tuple[Any, ...]) -> None:
    """A Person is a bare cast claim (the work's own name, "John Wick", is no role of it); a PerformanceRole pairs
    its player with its ``characterName``."""
    assert expected in _facts(_page(jsonld), film)


@pytest.mark.parametrize(("jsonld", "film", "year", "status"), [
    ('{"@context":"https://schema.org","@type":"Movie","datePublished":"2016-02-10"}', CH2, 2016, "contradicted"),
    ('{"@context": "https://schema.org", "@type": "Movie", "dateCreated": "2023"}', CH4, 2023, "supported"),
    (('{"@context":"https://schema.org","@type":"Movie","releaseDate":"2014-10-24","review":{"@type":"Review",'
     '"datePublished":"2019-01-01"}}'), JW1, 2014, "supported"),
])
def test_a_works_date_in_its_jsonld(jsonld: str, film: str, year: int, status: str) -> None:
    """The work's date is its release year; the review's own date is not."""
    years = [(c["year"], c["status"]) for c in _claims(_page(jsonld), film) if c["type"] == "release_year"]
    assert years == [(year, status)]


@pytest.mark.parametrize(("jsonld", "value", "scale"), [
    (('{"@context":"https://schema.org","@type":"Review","reviewRating":{"@type":"Rating","ratingValue":"4.5",'
     '"bestRating":"5"}}'), 4.5, 5),
    (('{"@context": "https://schema.org", "@type": "Movie", "review": {"@type": "Review", "reviewRating": '
     '{"@type": "Rating", "ratingValue": 8, "bestRating": 10}}}'), 8, 10),
    ('{"@context":"https://schema.org","@type":"CriticReview","reviewRating":{"ratingValue":"3"}}', 3, 5),
])
def test_the_reviews_rating_in_its_jsonld(jsonld: str, value: float, scale: int) -> None:
    """The page's one review's ``reviewRating`` is the rating, over a score in the prose (``bestRating`` 5 by
    default), and its evidence is exactly where the page says it."""
    text = _page(jsonld, "<p>Five stars from my cousin, who loves it.</p>")
    ratings = [c for c in _claims(text, CH4) if c["type"] == "rating"]
    assert [(r["value"], r["scale"]) for r in ratings] == [(value, scale)]
    assert "ratingValue" in ratings[0]["evidence"] and text[ratings[0]["start"]:ratings[0]["end"]] == \
        ratings[0]["evidence"]


@pytest.mark.parametrize("jsonld", [
    ('{"@context":"https://schema.org","@type":"Movie","aggregateRating":{"@type":"AggregateRating",'
    '"ratingValue":"4.2","bestRating":"5","ratingCount":"311"}}'),
    ('{"@context":"https://schema.org","@type":"Movie","review":[{"@type":"Review","reviewRating":{"ratingValue":"2"}},'
    '{"@type":"Review","reviewRating":{"ratingValue":"5"}}]}'),
    ('{"@context":"https://schema.org","@type":"Movie","review":{"@type":"Review","reviewRating":{"ratingValue":"9",'
    '"bestRating":"5"}}'),
])
def test_no_rating_from_everyones_or_many_reviews_or_a_broken_block(jsonld: str) -> None:
    """An aggregateRating is everyone's, many reviews are no one review's, and a block that is not JSON (the last
    one's braces do not close) claims nothing."""
    assert [c for c in _claims(_page(jsonld), CH4) if c["type"] == "rating"] == []


@pytest.mark.parametrize("jsonld", [
    '{"@context":"https://schema.org","@type":"Movie","director":{"@type":"Person","name":"Keanu Reeves"}',
    '{"@context":"https://schema.org","@type":"Person","name":"Keanu Reeves","jobTitle":"director"}',
    '{"@context":"https://schema.org","@type":"Review","author":{"@type":"Person","name":"Keanu Reeves"}}',
])
def test_no_credit_from_a_broken_block_a_person_alone_or_the_reviews_author(jsonld: str) -> None:
    assert [c for c in _claims(_page(jsonld), CH4) if c["type"] == "director"] == []
