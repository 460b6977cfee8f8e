"""Review files to plain text: ``.txt``, a saved web page (``.html``) or a structured review card (``.json``).

Claim offsets always refer to :attr:`ReviewInput.text`. Web pages keep the article's main
text only (trafilatura, without comments, so navigation and footers go); schema.org
``Review`` markup (JSON-LD or microdata, read with extruct) supplies author, date, rating
and the reviewed item. Every unreadable input raises :class:`~wickgraph.errors.ReviewInputError`
naming the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..claimkinds import kinds as claim_kinds
from ..decisions import card_decisions
from ..errors import ReviewInputError
from .claims import CARD_METADATA

__all__ = ["ACCEPTED_SUFFIXES", "MAX_REVIEW_BYTES", "ReviewInput", "read_review", "review_from_card",
           "review_from_html"]

ACCEPTED_SUFFIXES = (".txt", ".html", ".htm", ".json")
# The largest review file read (10 MB); extraction is linear, about a second per MB, so this bounds a run.
MAX_REVIEW_BYTES = 10_000_000
_METADATA_KEYS = (*CARD_METADATA, "film")
_CARD_TEXT_FIELDS = ("url", "author", "publisher", "published", "text", "review_text")
_CLAIM_TEXT_FIELDS = ("person", "actor", "character", "from_film", "franchise", "evidence")
_BOMS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class ReviewInput:
    """A review's plain text, what is known about it, and (for cards) the claims given by hand."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    claims: tuple[dict[str, Any], ...] = ()
    source: str | None = None


def read_review(path: str | Path) -> ReviewInput:
    """Read a review file into plain text and metadata; a clear one-line error for anything unusable."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ReviewInputError(
            f"unknown review file type {path.suffix or '(none)'!r}; accepted: {', '.join(ACCEPTED_SUFFIXES)}",
            filename=str(path),
        )
    try:
        size = path.stat().st_size
        if size > MAX_REVIEW_BYTES:
            raise ReviewInputError(f"file too large for a review ({size:,} bytes; the limit is "
                                   f"{MAX_REVIEW_BYTES:,})", filename=str(path))
        data = path.read_bytes()
    except OSError as error:
        raise ReviewInputError(f"cannot read the file: {error.strerror or error}", filename=str(path)) from None
    content = _decode(data, str(path))
    if not content.strip():
        raise ReviewInputError("empty review: the file has no text", filename=str(path))
    if suffix == ".txt":
        review = ReviewInput(content.replace("\r\n", "\n"), source=str(path))
    elif suffix == ".json":
        review = review_from_card(content, filename=str(path))
    else:
        review = review_from_html(content, filename=str(path))
    if not review.text.strip():
        raise ReviewInputError("empty review: no text left after reading the file", filename=str(path))
    return review


def _decode(data: bytes, filename: str) -> str:
    """UTF-8 (with or without a BOM), or UTF-16 with its BOM; anything else is a clear error."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise ReviewInputError(f"not valid UTF-16 (byte {error.start}) after its byte-order mark",
                                       filename=filename) from None
    if b"\x00" in data[:8192]:
        raise ReviewInputError("binary file, not a review (it contains NUL bytes)", filename=filename)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReviewInputError(
            f"not valid UTF-8 (byte {error.start}); save the review as UTF-8 and try again", filename=filename
        ) from None


# -- HTML ---------------------------------------------------------------------------------


def review_from_html(html: str, *, filename: str | None = None) -> ReviewInput:
    """Main text of a saved page (trafilatura) plus its schema.org Review metadata (extruct)."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, include_images=False, include_links=False,
        include_formatting=False, favor_precision=True, deduplicate=False, with_metadata=False,
        output_format="txt",
    )
    if not text or not text.strip():
        raise ReviewInputError("no article text found in the web page", filename=filename)
    return ReviewInput(text.strip() + "\n", _html_review_metadata(html), source=filename)


def _html_review_metadata(html: str) -> dict[str, Any]:
    try:
        import extruct

        data = extruct.extract(html, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
    except Exception:  # extruct raises many kinds of parser error on broken markup; metadata is optional
        return {}
    for item in _walk(data.get("json-ld", []) + data.get("microdata", [])):
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if "Review" in types or "CriticReview" in types:
            return _review_metadata(item)
    return {}


def _walk(items: Any) -> Any:
    """Every dict in JSON-LD/microdata, including those inside ``@graph`` and nested properties."""
    if isinstance(items, list):
        for item in items:
            yield from _walk(item)
    elif isinstance(items, dict):
        yield items
        for value in items.values():
            if isinstance(value, (list, dict)):
                yield from _walk(value)


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("headline")
    return str(value).strip() if value else None


def _review_metadata(item: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if author := _name(item.get("author")):
        meta["author"] = author
    if publisher := _name(item.get("publisher")):
        meta["publisher"] = publisher
    if published := item.get("datePublished"):
        meta["published"] = str(published)[:10]
    if url := item.get("url"):
        meta["url"] = _name(url)
    if film := _name(item.get("itemReviewed")):
        meta["film"] = film
    rating = item.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if isinstance(rating, dict) and rating.get("ratingValue") is not None:
        meta["rating"] = {"value": _num(rating.get("ratingValue")), "scale": _num(rating.get("bestRating", 5))}
    return meta


def _num(value: Any) -> Any:
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        return value
    return int(number) if number.is_integer() else number


# -- structured review cards ------------------------------------------------------------------


def review_from_card(content: str, *, filename: str | None = None) -> ReviewInput:
    """A card: ``{"film", "url", "author", "publisher", "published", "rating", "text"?, "claims": [...]}``.

    The plain text is the card's ``text``; without one, the claims' evidence quotes, one per line.
    Claim offsets are recomputed against that text where they are missing or do not fit.
    """
    try:
        card = json.loads(content)
    except json.JSONDecodeError as error:
        raise ReviewInputError(f"not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}",
                               filename=filename) from None
    except RecursionError:
        raise ReviewInputError("not a review card: JSON nested too deeply", filename=filename) from None
    if not isinstance(card, dict):
        raise ReviewInputError("a review card must be a JSON object", filename=filename)
    raw_claims = card.get("claims", [])
    if not isinstance(raw_claims, list) or not all(isinstance(c, dict) and c.get("type") for c in raw_claims):
        raise ReviewInputError("'claims' must be a list of objects, each with a 'type'", filename=filename)
    _check_card(card, filename)
    text = card.get("text") or card.get("review_text")
    if not isinstance(text, str) or not text.strip():
        quotes = [c.get("evidence") for c in raw_claims if isinstance(c.get("evidence"), str) and c.get("evidence")]
        text = "\n".join(dict.fromkeys(quotes))
    if not text.strip():
        raise ReviewInputError("the card has neither 'text' nor claims with evidence", filename=filename)
    claims = []
    for claim in raw_claims:
        claim = dict(claim)
        evidence = claim.get("evidence")
        if isinstance(evidence, str) and evidence:
            start = claim.get("start")
            if not (isinstance(start, int) and text[start:start + len(evidence)] == evidence):
                start = text.find(evidence)
            if start >= 0:
                claim["start"], claim["end"] = start, start + len(evidence)
        claims.append(claim)
    film = card.get("film")
    metadata = {key: card[key] for key in _METADATA_KEYS if card.get(key) is not None}
    if isinstance(film, dict):
        metadata["film"] = film.get("title")
    decisions = card_decisions(raw_claims, filename=filename)  # an editor's curation (wickgraph.curation)
    if decisions is not None:
        metadata["curation"] = decisions
    return ReviewInput(text, metadata, tuple(claims), source=filename)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
            str: "a string"}.get(type(value), "null")


def _check_card(card: dict[str, Any], filename: str | None) -> None:
    """Every card field of the right type and form, or one error naming the field."""
    def fail(field: str, expected: str, value: Any) -> ReviewInputError:
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return ReviewInputError(f"card field '{field}' must be {expected}, not {_kind(value)} {shown}",
                                filename=filename)

    for key in _CARD_TEXT_FIELDS:
        if card.get(key) is not None and not isinstance(card[key], str):
            raise fail(key, "a string", card[key])
    film = card.get("film")
    titled = isinstance(film, dict) and isinstance(film.get("title"), str)
    if film is not None and not (isinstance(film, str) or titled):
        raise fail("film", 'a title or {"title": ...}', film)
    if card.get("published") is not None:
        try:
            date.fromisoformat(card["published"].strip()[:10])
        except ValueError:
            raise fail("published", "a date as YYYY-MM-DD", card["published"]) from None
    rating = card.get("rating")
    if rating is not None and not _rating_ok(rating):
        raise fail("rating", 'an object such as {"value": 4, "scale": 5} or {"value": "B+", "scale": "letter"}',
                   rating)
    for index, claim in enumerate(card.get("claims", [])):
        where = f"claims[{index}]"
        known = [kind.name for kind in claim_kinds()]  # the registry's (wickgraph.claimkinds)
        if claim["type"] not in known:
            raise fail(f"{where}.type", f"one of {', '.join(known)}", claim["type"])
        for key in _CLAIM_TEXT_FIELDS:
            if claim.get(key) is not None and not isinstance(claim[key], str):
                raise fail(f"{where}.{key}", "a string", claim[key])
        for key in ("year", "start", "end"):
            if claim.get(key) is not None and (not isinstance(claim[key], int) or isinstance(claim[key], bool)):
                raise fail(f"{where}.{key}", "a whole number", claim[key])
        if claim["type"] == "rating" and not _rating_ok(claim):
            raise fail(f"{where}.value", 'a number with a numeric "scale", or a letter grade with "scale": "letter"',
                       claim.get("value"))


def _rating_ok(rating: Any) -> bool:
    from .scales import letter_grade

    if not isinstance(rating, dict):
        return False
    value, scale = rating.get("value"), rating.get("scale")
    if scale == "letter":
        return isinstance(value, str) and letter_grade(value) is not None
    numeric = (int, float)
    return isinstance(value, numeric) and not isinstance(value, bool) and isinstance(scale, numeric) \
        and not isinstance(scale, bool) and 0 <= value <= scale and scale > 0
