"""The review-graph writer: claims and provenance → quads → deterministic TriG.

:func:`review_graph` turns one review's claims (as ``extract --json`` dicts), its text and its
:class:`Provenance` into the named graph ``graph:review/<id>``, exactly in the shape of
``docs/graph-model.md``; :func:`review_trig` gives the bytes ``data/reviews/<id>.trig`` holds.
``add`` (:mod:`wickgraph.reviews`) and ``synth`` (:mod:`wickgraph.synth`) both write through it.

What is common to every claim (its class, evidence selector, status) is written here, in
:func:`_write_claim`; what differs by kind is written by the kind (:mod:`wickgraph.claimkinds`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

import pyoxigraph as ox

from .claimkinds import claim_kind, scale_text, value_of
from .errors import ReviewInputError, WickgraphError
from .namespaces import (
    OA,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    WG,
    XSD,
    agent_iri,
    character_iri,
    claim_iri,
    extraction_iri,
    performance_iri,
    person_iri,
    reprise_iri,
    review_graph_iri,
    review_iri,
    slugify,
)

__all__ = ["Provenance", "ReviewGraph", "claim_dicts", "review_graph", "review_id", "review_quads",
           "review_trig", "serialize_review", "slug_of", "term_key"]

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_RDFS_LABEL = str(RDFS.label)
_CONTEXT = 32  # characters of oa:prefix / oa:suffix


@dataclass(frozen=True)
class Provenance:
    """Where a review comes from and how it entered the graph (the only time-dependent input)."""

    url: str | None
    author: str | None
    publisher: str | None
    published: date | None
    retrieved: date
    added_by: str
    added_at: datetime  # UTC
    method: Literal["manual", "extractor"] = "extractor"
    extractor_version: str | None = None


def review_id(url: str | None, text: str) -> str:
    """``r-`` + 12 hex digits of the SHA-256 of the URL when known, else of the plain text."""
    basis = url if url else text
    return "r-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def slug_of(iri: str) -> str:
    """The last path segment of an IRI (a review id, a slug)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


# -- terms ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 14)  # works, people, properties and classes recur in every review
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@lru_cache(maxsize=64)
def _datatype(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=_datatype(datatype))


def _number(value: float | Decimal | str) -> ox.Literal:
    """An xsd:integer for whole numbers given as int, else an xsd:decimal (no float noise)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _typed(value, str(XSD.integer))
    text = format(Decimal(str(value)).normalize(), "f")
    return _typed(text if "." in text else text + ".0", str(XSD.decimal))


def _datetime(value: datetime) -> ox.Literal:
    utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return _typed(utc.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"), str(XSD.dateTime))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# -- one review's graph --------------------------------------------------------------------------


class ReviewGraph:
    """The triples of one review's named graph, without duplicates (the :class:`ClaimGraph` kinds write to)."""

    def __init__(self, rid: str, work: str) -> None:
        self.rid = rid
        self.graph = review_graph_iri(rid)
        self.work = work
        self.work_slug = slug_of(work)
        self.claim = ""  # the claim being written
        self.has_rating = False
        self._triples: dict[tuple[str, str, ox.NamedNode | ox.Literal], None] = {}
        self._labelled: set[str] = set()

    # the ClaimGraph protocol
    def add(self, subject: str, predicate: str, obj: ox.NamedNode | ox.Literal) -> None:
        self._triples[(subject, predicate, obj)] = None

    def a(self, subject: str, *classes: str) -> None:
        for cls in classes:
            self._triples[(subject, _RDF_TYPE.value, _node(cls))] = None

    def iri(self, value: str) -> ox.NamedNode:
        try:
            return _node(value)
        except ValueError:
            raise ReviewInputError(f"{value!r} is not a valid IRI") from None

    def literal(self, value: object, datatype: str | None = None) -> ox.Literal:
        """A string, or a typed literal: bool → xsd:boolean, int → xsd:integer, float → xsd:decimal."""
        if datatype is not None:
            return _typed(value, datatype)
        if isinstance(value, bool):
            return _typed("true" if value else "false", str(XSD.boolean))
        if _is_number(value) or isinstance(value, Decimal):
            return _number(value)  # type: ignore[arg-type]
        return ox.Literal(str(value))

    def label(self, subject: str, name: str) -> None:
        """The first name given for a node: two spellings with one slug ("The Sommelier",
        "the sommelier") make one node with one label, as the shapes require."""
        if subject not in self._labelled:
            self._labelled.add(subject)
            self.add(subject, _RDFS_LABEL, ox.Literal(name))

    def person(self, claim: Any, key: str) -> str:
        """A claimed person: the reference's node when linked, else a new unreconciled one."""
        iri, name = value_of(claim, f"{key}_iri"), value_of(claim, key)
        if iri:
            return str(iri)
        if not name:
            raise ReviewInputError(f"a {value_of(claim, 'type')} claim names no {key}")
        return self._unreconciled(person_iri(slugify(str(name))), str(WG.Person), str(name))

    def character(self, claim: Any) -> str | None:
        iri, name = value_of(claim, "character_iri"), value_of(claim, "character")
        if iri:
            return str(iri)
        if not name:
            return None
        return self._unreconciled(character_iri(slugify(str(name))), str(WG.Character), str(name))

    def _unreconciled(self, node: str, cls: str, name: str) -> str:
        self.a(node, cls)
        self.label(node, name)
        self.add(node, str(WG.reconciled), self.literal(False))
        return node

    def performance(self, actor: str, character: str) -> str:
        node = performance_iri(self.work_slug, slug_of(character), slug_of(actor))
        self.a(node, str(WG.Performance))
        self.add(node, str(WG.actor), self.iri(actor))
        self.add(node, str(WG.character), self.iri(character))
        self.add(node, str(WG.work), self.iri(self.work))
        return node

    def reprise(self, actor: str, character: str) -> str:
        return reprise_iri(self.work_slug, slug_of(character), slug_of(actor))

    def rating(self, value: Any, scale: Any, normalized: Any) -> str:
        """The review's rating node (one per review), attached to the review."""
        if self.has_rating:
            raise ReviewInputError("a review has at most one rating")
        self.has_rating = True
        node = review_iri(self.rid) + "/rating"
        self.a(node, str(WG.Rating))
        if _is_number(value):
            self.add(node, str(SCHEMA.ratingValue), _number(value))
            if normalized is None and _is_number(scale) and scale:
                normalized = round(float(value) / float(scale), 4)
        else:
            self.add(node, str(SCHEMA.ratingValue), ox.Literal(str(value)))
        if _is_number(scale):
            self.add(node, str(SCHEMA.bestRating), _number(scale))
        self.add(node, str(WG.ratingScale), ox.Literal(scale_text(scale)))
        if _is_number(normalized) and 0 <= normalized <= 1:
            self.add(node, str(WG.normalizedRating), _number(round(float(normalized), 4)))
        self.add(review_iri(self.rid), str(SCHEMA.reviewRating), _node(node))
        return node

    def agent(self, name: str, *kinds: str) -> ox.NamedNode:
        agent = agent_iri(slugify(name) or "unknown")
        self.a(agent, str(PROV.Agent), *kinds)
        self.label(agent, name)
        return _node(agent)

    # the result
    def quads(self) -> list[ox.Quad]:
        """The graph's quads in the file's order (:func:`_sorted`)."""
        graph = _node(self.graph)
        return _sorted([ox.Quad(_node(s), _node(p), o, graph) for s, p, o in self._triples])

    def trig(self) -> bytes:
        return serialize_review(self.quads())


# -- provenance and claims -----------------------------------------------------------------------


def _provenance(out: ReviewGraph, text: str, prov: Provenance) -> None:
    graph, review, extraction = out.graph, review_iri(out.rid), extraction_iri(out.rid)
    out.a(graph, str(WG.ReviewGraph), str(PROV.Entity))
    out.add(graph, str(PROV.wasDerivedFrom), _node(review))
    out.add(graph, str(PROV.wasGeneratedBy), _node(extraction))
    out.add(graph, str(PROV.generatedAtTime), _datetime(prov.added_at))
    editor = out.agent(prov.added_by, str(SCHEMA.Person))
    out.add(graph, str(PROV.wasAttributedTo), editor)

    out.a(review, str(WG.Review))
    out.add(review, str(SCHEMA.itemReviewed), out.iri(out.work))
    if prov.url:
        try:
            out.add(review, str(SCHEMA.url), _node(prov.url))
        except ValueError:
            raise ReviewInputError(f"--url {prov.url!r} is not a valid URL") from None
    if prov.author:
        out.add(review, str(SCHEMA.author), out.agent(prov.author, str(SCHEMA.Person)))
    if prov.publisher:
        out.add(review, str(SCHEMA.publisher), out.agent(prov.publisher, str(SCHEMA.Organization)))
    if prov.published:
        out.add(review, str(SCHEMA.datePublished), _typed(prov.published.isoformat(), str(XSD.date)))
    out.add(review, str(WG.retrievedOn), _typed(prov.retrieved.isoformat(), str(XSD.date)))
    out.add(review, str(WG.textSha256), ox.Literal(hashlib.sha256(text.encode("utf-8")).hexdigest()))

    out.a(extraction, str(WG.Extraction), str(PROV.Activity))
    out.add(extraction, str(WG.extractionMethod), ox.Literal(prov.method))
    if prov.method == "extractor":
        version = prov.extractor_version or "unknown"
        software = agent_iri(slugify(f"wickgraph-extractor-{version}"))
        out.a(software, str(PROV.Agent), str(PROV.SoftwareAgent))
        out.label(software, f"wickgraph extractor {version}")
        out.add(software, str(SCHEMA.softwareVersion), ox.Literal(version))
        out.add(extraction, str(PROV.wasAssociatedWith), _node(software))
    else:
        out.add(extraction, str(PROV.wasAssociatedWith), editor)
    out.add(extraction, str(PROV.endedAtTime), _datetime(prov.added_at))


def _evidence_span(claim: Mapping[str, Any], text: str, n: int) -> tuple[str, int, int]:
    """The quote and its offsets; offsets that do not match the quote are located again."""
    quote = str(claim.get("evidence") or "")
    start, end = claim.get("start"), claim.get("end")
    if not quote:
        raise ReviewInputError(f"claim {n} ({claim.get('type')}) has no evidence quote")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quote:
        return quote, start, end
    found = text.find(quote)
    if found < 0:
        raise ReviewInputError(f"claim {n} ({claim.get('type')}): evidence {quote[:40]!r} is not in the text")
    return quote, found, found + len(quote)


def _write_claim(out: ReviewGraph, n: int, claim: Mapping[str, Any], text: str) -> None:
    """Claim number ``n``: what every claim has (class, review, work, status, evidence), then its kind's quads."""
    try:
        kind = claim_kind(claim.get("type"))
    except WickgraphError as error:
        raise ReviewInputError(f"claim {n}: {error.message}") from None
    node = out.claim = claim_iri(out.rid, n)
    out.a(node, kind.rdf_class)
    out.add(node, str(WG.claimedIn), _node(review_iri(out.rid)))
    out.add(node, str(WG.aboutWork), out.iri(out.work))
    out.add(node, str(WG.status), ox.Literal(str(claim.get("status") or "unknown")))

    quote, start, end = _evidence_span(claim, text, n)
    selector = node + "/evidence"
    out.add(node, str(WG.evidence), _node(selector))
    out.a(selector, str(OA.TextQuoteSelector), str(OA.TextPositionSelector))
    out.add(selector, str(OA.exact), ox.Literal(quote))
    if start > 0:
        out.add(selector, str(OA.prefix), ox.Literal(text[max(0, start - _CONTEXT):start]))
    if end < len(text):
        out.add(selector, str(OA.suffix), ox.Literal(text[end:end + _CONTEXT]))
    out.add(selector, str(OA.start), out.literal(start))
    out.add(selector, str(OA.end), out.literal(end))
    try:
        kind.write(out, claim)
    except ReviewInputError as error:
        if error.message.startswith("claim "):
            raise
        raise ReviewInputError(f"claim {n}: {error.message}") from None


def review_graph(claims: Sequence[Mapping[str, Any]], work_iri: str, text: str, prov: Provenance,
                 metadata_rating: Any = None) -> ReviewGraph:
    """The named graph of one review: provenance, then each claim, then a card's rating without a quote."""
    out = ReviewGraph(review_id(prov.url, text), work_iri)
    _provenance(out, text, prov)
    for n, claim in enumerate(claims, 1):
        _write_claim(out, n, claim, text)
    if not out.has_rating and value_of(metadata_rating, "value") is not None:
        # a structured card's rating with no quote in the text: the review's rating, not a claim
        out.rating(value_of(metadata_rating, "value"), value_of(metadata_rating, "scale"),
                   value_of(metadata_rating, "normalized"))
    return out


# -- reading an extraction -----------------------------------------------------------------------


def claim_dicts(extraction: Any) -> list[dict[str, Any]]:
    """The claims as ``extract --json`` dicts (Claim objects, dicts or dataclasses)."""
    claims = []
    for claim in value_of(extraction, "claims") or []:
        if hasattr(claim, "to_json"):
            data = dict(claim.to_json())
            # *_iri fields may live on the object without being in its JSON
            for key in ("person_iri", "actor_iri", "character_iri", "from_film_iri", "franchise_iri"):
                if data.get(key) is None and getattr(claim, key, None):
                    data[key] = getattr(claim, key)
        elif isinstance(claim, Mapping):
            data = dict(claim)
        elif dataclasses.is_dataclass(claim) and not isinstance(claim, type):
            data = dataclasses.asdict(claim)
        else:
            raise ReviewInputError(f"cannot read a claim of type {type(claim).__name__}")
        claims.append(data)
    return claims


def film_of(extraction: Any) -> tuple[str, str]:
    """The reviewed work's IRI and title; a review without a known work is bad input."""
    film = value_of(extraction, "film")
    iri = value_of(film, "iri") or value_of(extraction, "film_iri")
    title = value_of(film, "title") or value_of(extraction, "film_title")
    if not iri:
        hint = f" ({title!r} is not in the reference graph)" if title else ""
        raise ReviewInputError(f"cannot tell which work is reviewed{hint}; pass --film TITLE")
    return str(iri), str(title or slug_of(str(iri)))


def review_quads(extraction: Any, provenance: Provenance) -> list[ox.Quad]:
    """The whole named graph ``graph:review/<id>`` of one extraction, in a stable order.

    Claims keep the extractor's ``status``; claims without one are ``unknown``.
    """
    work_iri, _ = film_of(extraction)
    text = str(value_of(extraction, "text") or "")
    return review_graph(claim_dicts(extraction), work_iri, text, provenance,
                        value_of(value_of(extraction, "metadata"), "rating")).quads()


def review_trig(extraction: Any, provenance: Provenance) -> bytes:
    """The TriG file of one extraction, as ``data/reviews/<id>.trig`` holds it."""
    return serialize_review(review_quads(extraction, provenance))


# -- deterministic TriG --------------------------------------------------------------------------

_NUMBERS = re.compile(r"(\d+)")


@lru_cache(maxsize=1 << 16)  # the same subjects and predicates recur in every quad of a graph
def term_key(term: Any) -> tuple[Any, ...]:
    """Sort key of a term: numbers inside IRIs compare as numbers, so claim 10 follows claim 9."""
    value = str(getattr(term, "value", term))
    return (*(int(part) if part.isdigit() else part for part in _NUMBERS.split(value)), str(term))


def _sorted(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Readable, stable order: by subject, rdf:type first, then predicate and object."""
    return sorted(quads, key=lambda q: (term_key(q.subject), q.predicate != _RDF_TYPE,
                                        str(q.predicate), term_key(q.object)))


# ``id:`` and ``graph:`` names always hold a "/", which Turtle must escape (``id:claim\/r-1\/3``);
# full IRIs read better. (A base IRI would also relativise the prefixes: ``schema: <//schema.org/>``.)
_FILE_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name not in ("id", "graph")}


def serialize_review(quads: Iterable[ox.Quad]) -> bytes:
    """Deterministic TriG with the project's prefixes (same quads → same bytes)."""
    return ox.serialize(_sorted(quads), format=ox.RdfFormat.TRIG, prefixes=_FILE_PREFIXES) or b""
