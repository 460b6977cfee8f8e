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

from . import trig
from .claimkinds import claim_kind, scale_text, value_of
from .decisions import Decision, DecisionWriter
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
    strings,
)
from .trig import Term

__all__ = ["FILE_PREFIXES", "Provenance", "ReviewGraph", "claim_dicts", "file_order", "film_of", "review_graph",
           "review_id", "review_quads", "review_trig", "serialize_review", "slug_of", "term_key"]

_WG, _PROV, _SCHEMA, _OA = strings(WG), strings(PROV), strings(SCHEMA), strings(OA)
_XSD, _RDF, _RDFS = strings(XSD), strings(RDF), strings(RDFS)
_RDF_TYPE = _RDF.type
_RDFS_LABEL = _RDFS.label
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

_XSD_INTEGER, _XSD_DECIMAL, _XSD_BOOLEAN = _XSD.integer, _XSD.decimal, _XSD.boolean
_FALSE = trig.literal("false", _XSD_BOOLEAN)


@lru_cache(maxsize=1 << 14)  # works, people and characters recur across reviews
def _checked_iri(value: str) -> Term:
    ox.NamedNode(value)  # raises ValueError for what is not an IRI
    return trig.iri(value)


def _number(value: float | Decimal | str) -> Term:
    """An xsd:integer for whole numbers given as int, else an xsd:decimal (no float noise)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return trig.literal(str(value), _XSD_INTEGER)
    text = format(Decimal(str(value)).normalize(), "f")
    return trig.literal(text if "." in text else text + ".0", _XSD_DECIMAL)


@lru_cache(maxsize=256)  # a batch of reviews shares one time
def _datetime(value: datetime) -> Term:
    utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return trig.literal(utc.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"), _XSD.dateTime)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _ox_term(term: Term) -> ox.NamedNode | ox.Literal:
    kind, value, datatype = term
    if kind == "i":
        return ox.NamedNode(value)
    return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


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
        self._subjects: dict[str, dict[tuple[str, Term], None]] = {}  # subject -> its (predicate, object) pairs
        self._labelled: set[str] = set()

    # the ClaimGraph protocol
    def add(self, subject: str, predicate: str, obj: Term) -> None:
        pairs = self._subjects.get(subject)
        if pairs is None:
            pairs = self._subjects[subject] = {}
        pairs[(predicate, obj)] = None

    def a(self, subject: str, *classes: str) -> None:
        for cls in classes:
            self.add(subject, _RDF_TYPE, trig.iri(cls))

    def iri(self, value: str) -> Term:
        try:
            return _checked_iri(value)
        except ValueError:
            raise ReviewInputError(f"{value!r} is not a valid IRI") from None

    def literal(self, value: object, datatype: str | None = None) -> Term:
        """A string, or a typed literal: bool → xsd:boolean, int → xsd:integer, float → xsd:decimal."""
        if datatype is not None:
            return trig.literal(str(value), datatype)
        if isinstance(value, bool):
            return trig.literal("true" if value else "false", _XSD_BOOLEAN)
        if _is_number(value) or isinstance(value, Decimal):
            return _number(value)  # type: ignore[arg-type]
        return trig.literal(str(value))

    def label(self, subject: str, name: str) -> None:
        """The first name given for a node: two spellings with one slug ("The Sommelier",
        "the sommelier") make one node with one label, as the shapes require."""
        if subject not in self._labelled:
            self._labelled.add(subject)
            self.add(subject, _RDFS_LABEL, trig.literal(name))

    def person(self, claim: Any, key: str) -> str:
        """A claimed person: the reference's node when linked, else a new unreconciled one."""
        iri, name = value_of(claim, f"{key}_iri"), value_of(claim, key)
        if iri:
            return str(iri)
        if not name:
            raise ReviewInputError(f"a {value_of(claim, 'type')} claim names no {key}")
        return self._unreconciled(person_iri(slugify(str(name))), _WG.Person, str(name))

    def character(self, claim: Any) -> str | None:
        iri, name = value_of(claim, "character_iri"), value_of(claim, "character")
        if iri:
            return str(iri)
        if not name:
            return None
        return self._unreconciled(character_iri(slugify(str(name))), _WG.Character, str(name))

    def _unreconciled(self, node: str, cls: str, name: str) -> str:
        self.a(node, cls)
        self.label(node, name)
        self.add(node, _WG.reconciled, _FALSE)
        return node

    def performance(self, actor: str, character: str) -> str:
        node = performance_iri(self.work_slug, slug_of(character), slug_of(actor))
        self.a(node, _WG.Performance)
        self.add(node, _WG.actor, self.iri(actor))
        self.add(node, _WG.character, self.iri(character))
        self.add(node, _WG.work, self.iri(self.work))
        return node

    def reprise(self, actor: str, character: str) -> str:
        return reprise_iri(self.work_slug, slug_of(character), slug_of(actor))

    def rating(self, value: Any, scale: Any, normalized: Any) -> str:
        """The review's rating node (one per review), attached to the review."""
        if self.has_rating:
            raise ReviewInputError("a review has at most one rating")
        self.has_rating = True
        node = review_iri(self.rid) + "/rating"
        self.a(node, _WG.Rating)
        if _is_number(value):
            self.add(node, _SCHEMA.ratingValue, _number(value))
            if normalized is None and _is_number(scale) and scale:
                normalized = round(float(value) / float(scale), 4)
        else:
            self.add(node, _SCHEMA.ratingValue, trig.literal(str(value)))
        if _is_number(scale):
            self.add(node, _SCHEMA.bestRating, _number(scale))
        self.add(node, _WG.ratingScale, trig.literal(scale_text(scale)))
        if _is_number(normalized) and 0 <= normalized <= 1:
            self.add(node, _WG.normalizedRating, _number(round(float(normalized), 4)))
        self.add(review_iri(self.rid), _SCHEMA.reviewRating, trig.iri(node))
        return node

    def agent(self, name: str, *kinds: str) -> Term:
        agent = agent_iri(slugify(name) or "unknown")
        self.a(agent, _PROV.Agent, *kinds)
        self.label(agent, name)
        return trig.iri(agent)

    # the result
    def quads(self) -> list[ox.Quad]:
        """The graph's quads, in the file's order."""
        graph = ox.NamedNode(self.graph)
        return file_order([ox.Quad(ox.NamedNode(s), ox.NamedNode(p), _ox_term(o), graph)
                           for s, pairs in self._subjects.items() for p, o in pairs])

    def trig(self) -> bytes:
        """The graph as the deterministic TriG of ``data/reviews/<id>.trig``."""
        return _writer().write(self.graph, self._subjects)


# -- provenance and claims -----------------------------------------------------------------------


def _provenance(out: ReviewGraph, text: str, prov: Provenance) -> None:
    graph, review, extraction = out.graph, review_iri(out.rid), extraction_iri(out.rid)
    out.a(graph, _WG.ReviewGraph, _PROV.Entity)
    out.add(graph, _PROV.wasDerivedFrom, trig.iri(review))
    out.add(graph, _PROV.wasGeneratedBy, trig.iri(extraction))
    out.add(graph, _PROV.generatedAtTime, _datetime(prov.added_at))
    editor = out.agent(prov.added_by, _SCHEMA.Person)
    out.add(graph, _PROV.wasAttributedTo, editor)

    out.a(review, _WG.Review)
    out.add(review, _SCHEMA.itemReviewed, out.iri(out.work))
    if prov.url:
        try:
            out.add(review, _SCHEMA.url, _checked_iri(prov.url))
        except ValueError:
            raise ReviewInputError(f"--url {prov.url!r} is not a valid URL") from None
    if prov.author:
        out.add(review, _SCHEMA.author, out.agent(prov.author, _SCHEMA.Person))
    if prov.publisher:
        out.add(review, _SCHEMA.publisher, out.agent(prov.publisher, _SCHEMA.Organization))
    if prov.published:
        out.add(review, _SCHEMA.datePublished, trig.literal(prov.published.isoformat(), _XSD.date))
    out.add(review, _WG.retrievedOn, trig.literal(prov.retrieved.isoformat(), _XSD.date))
    out.add(review, str(WG.textSha256), trig.literal(hashlib.sha256(text.encode("utf-8")).hexdigest()))

    out.a(extraction, _WG.Extraction, _PROV.Activity)
    out.add(extraction, _WG.extractionMethod, trig.literal(prov.method))
    if prov.method == "extractor":
        version = prov.extractor_version or "unknown"
        software = agent_iri(slugify(f"wickgraph-extractor-{version}"))
        out.a(software, _PROV.Agent, _PROV.SoftwareAgent)
        out.label(software, f"wickgraph extractor {version}")
        out.add(software, _SCHEMA.softwareVersion, trig.literal(version))
        out.add(extraction, _PROV.wasAssociatedWith, trig.iri(software))
    else:
        out.add(extraction, _PROV.wasAssociatedWith, editor)
    out.add(extraction, _PROV.endedAtTime, _datetime(prov.added_at))


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


def _write_claim(out: ReviewGraph, n: int, claim: Mapping[str, Any], text: str,
                 curated: DecisionWriter | None = None) -> None:
    """Claim number ``n``: what every claim has (class, review, work, status, evidence), then its kind's quads.

    With an editor's decisions (``curated``), the claim's decision is written too, and a rejected
    claim keeps only its evidence and decision (a ``wg:RejectedClaim``, not a claim of the review).
    """
    try:
        kind = claim_kind(claim.get("type"))
    except WickgraphError as error:
        raise ReviewInputError(f"claim {n}: {error.message}") from None
    node = out.claim = claim_iri(out.rid, n)
    rejected = curated is not None and curated.rejected(n)
    if not rejected:
        out.a(node, kind.rdf_class)
        out.add(node, _WG.claimedIn, trig.iri(review_iri(out.rid)))
        out.add(node, _WG.aboutWork, out.iri(out.work))
        out.add(node, _WG.status, trig.literal(str(claim.get("status") or "unknown")))

    quote, start, end = _evidence_span(claim, text, n)
    selector = node + "/evidence"
    out.add(node, _WG.evidence, trig.iri(selector))
    out.a(selector, _OA.TextQuoteSelector, _OA.TextPositionSelector)
    out.add(selector, _OA.exact, trig.literal(quote))
    if start > 0:
        out.add(selector, _OA.prefix, trig.literal(text[max(0, start - _CONTEXT):start]))
    if end < len(text):
        out.add(selector, _OA.suffix, trig.literal(text[end:end + _CONTEXT]))
    out.add(selector, _OA.start, out.literal(start))
    out.add(selector, _OA.end, out.literal(end))
    if curated is not None:
        curated.write(n, node, claim)
    if rejected:
        return
    try:
        kind.write(out, claim)
    except ReviewInputError as error:
        if error.message.startswith("claim "):
            raise
        raise ReviewInputError(f"claim {n}: {error.message}") from None


def review_graph(claims: Sequence[Mapping[str, Any]], work_iri: str, text: str, prov: Provenance,
                 metadata_rating: Any = None, decisions: Sequence[Decision | None] | None = None) -> ReviewGraph:
    """The named graph of one review: provenance, then each claim, then a card's rating without a quote.

    ``decisions`` are an editor's, one per claim (:mod:`wickgraph.decisions`), for a curated review.
    """
    out = ReviewGraph(review_id(prov.url, text), work_iri)
    _provenance(out, text, prov)
    curated = None if decisions is None else DecisionWriter(
        decisions, out, review_iri(out.rid), text, out.agent(prov.added_by, _SCHEMA.Person), _datetime(prov.added_at))
    for n, claim in enumerate(claims, 1):
        _write_claim(out, n, claim, text, curated)
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
    work_iri, _ = film_of(extraction)
    text = str(value_of(extraction, "text") or "")
    return review_graph(claim_dicts(extraction), work_iri, text, provenance,
                        value_of(value_of(extraction, "metadata"), "rating")).trig()


# -- deterministic TriG --------------------------------------------------------------------------

_NUMBERS = re.compile(r"(\d+)")


@lru_cache(maxsize=1 << 16)  # the same subjects and predicates recur in every quad of a graph
def term_key(term: Any) -> tuple[Any, ...]:
    """Sort key of a term: numbers inside IRIs compare as numbers, so claim 10 follows claim 9."""
    value = str(getattr(term, "value", term))
    return (*(int(part) if part.isdigit() else part for part in _NUMBERS.split(value)), str(term))


def file_order(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The file's order: by subject, rdf:type first, then predicate and object."""
    return sorted(quads, key=lambda q: (term_key(q.subject), q.predicate.value != _RDF_TYPE,
                                        str(q.predicate), term_key(q.object)))


# ``id:`` and ``graph:`` names always hold a "/", which Turtle must escape (``id:claim\/r-1\/3``);
# full IRIs read better. (A base IRI would also relativise the prefixes: ``schema: <//schema.org/>``.)
FILE_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name not in ("id", "graph")}


@lru_cache(maxsize=1)
def _writer() -> trig.TriGWriter:
    return trig.TriGWriter(FILE_PREFIXES)


def serialize_review(quads: Iterable[ox.Quad]) -> bytes:
    """Deterministic TriG of one review graph's quads, with the project's prefixes (same quads → same bytes)."""
    subjects: dict[str, dict[tuple[str, Term], None]] = {}
    graphs: set[str] = set()
    for quad in quads:
        if not isinstance(quad.subject, ox.NamedNode) or not isinstance(quad.graph_name, ox.NamedNode):
            raise TypeError(f"a review graph is one named graph whose subjects are IRIs, not {quad}")
        graphs.add(quad.graph_name.value)
        subjects.setdefault(quad.subject.value, {})[(quad.predicate.value, trig.term_of(quad.object))] = None
    if len(graphs) > 1:
        raise ValueError(f"serialize_review writes one named graph, not {len(graphs)}")
    return _writer().write(graphs.pop(), subjects) if graphs else b""
