"""Reviews into the graph: claims → one named graph per review, with provenance and evidence.

:func:`review_quads` turns an extraction (``wickgraph.extract``) and its :class:`Provenance`
into the quads of ``graph:review/<id>``, exactly in the shape of ``docs/graph-model.md``;
:func:`serialize_review` makes the deterministic TriG that ``data/reviews/<id>.trig`` holds.

:func:`add_reviews` is the editor's write path, in two phases:

1. *prepare* (no lock, parallel across cores): extract each input, build its graph,
   SHACL-validate it and decide whether it is new, a replacement or unchanged;
2. *commit* (under an exclusive lock on ``data/.wickgraph.lock``): write every changed
   file (temporary file + rename, rolled back on failure), then update the open store
   in one SPARQL update, so the store never sees half a batch.

A review's identity is its id (the URL's hash, else the text's). Adding the same review
again changes nothing; a changed extraction of it replaces the old graph. Time-dependent
provenance (when and by whom it was added) does not count as a change.
"""

from __future__ import annotations

import dataclasses
import difflib
import errno
import fcntl
import hashlib
import os
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from .errors import (
    InputError,
    ReviewInputError,
    ReviewNotFound,
    StoreError,
    UsageError,
    ValidationFailed,
    WickgraphError,
)
from .namespaces import (
    OA,
    PREFIXES,
    PROV,
    REFERENCE_GRAPH,
    SCHEMA,
    WG,
    agent_iri,
    character_iri,
    claim_iri,
    extraction_iri,
    franchise_iri,
    performance_iri,
    person_iri,
    reprise_iri,
    review_graph_iri,
    review_iri,
    slugify,
)

if TYPE_CHECKING:
    from .build import Progress

__all__ = [
    "REVIEW_SUFFIXES", "Action", "AddReport", "BadInput", "Conflict", "Overrides", "Provenance",
    "ReviewPlan", "ReviewSummary", "add_reviews", "collect_inputs", "conflicts", "list_reviews",
    "remove_review", "review_id", "review_quads", "serialize_review",
]

Action = Literal["added", "replaced", "unchanged"]
REVIEW_SUFFIXES = (".txt", ".html", ".htm", ".json")
"""Files taken from a folder given to ``add``."""

LOCK_NAME = ".wickgraph.lock"
PARALLEL_THRESHOLD = 8  # below this, starting worker processes costs more than it saves
_SPARQL = Path(__file__).resolve().parent / "sparql"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_CONTEXT = 32  # characters of oa:prefix / oa:suffix

_CLAIM_CLASSES = {
    "director": WG.DirectorClaim, "writer": WG.WriterClaim, "cast": WG.CastClaim,
    "reprise": WG.RepriseClaim, "franchise_member": WG.FranchiseMemberClaim,
    "release_year": WG.ReleaseYearClaim, "rating": WG.RatingClaim,
}


# -- values ------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Overrides:
    """What the editor says about the inputs, over what the extractor found in them."""

    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    film: str | None = None
    force: bool = False  # replace a review graph that was written by hand


@dataclass(frozen=True)
class ClaimRow:
    """One claim as the CLI shows it."""

    n: int
    type: str
    summary: str
    evidence: str
    status: str
    confidence: float | None = None  # the extractor's, 0..1; None for hand-given card claims


@dataclass(frozen=True)
class ReviewPlan:
    """One input, extracted, built and validated: what committing it would do."""

    source: str
    review_id: str
    work: str
    work_title: str
    claims: tuple[ClaimRow, ...]
    data: bytes  # the TriG file to write
    action: Action
    previous_sha: str | None  # of the file this plan was compared with (None: there was none)

    @property
    def filename(self) -> str:
        return f"{self.review_id}.trig"


@dataclass(frozen=True)
class BadInput:
    """An input that could not be added, and why (one line)."""

    source: str
    reason: str
    exit_code: int = 2  # 1 when the input was read but its graph broke the SHACL shapes


@dataclass(frozen=True)
class Conflict:
    """A claim that contradicts the reference facts: both sides, the evidence and an explanation."""

    review_id: str
    claim: str
    kind: str
    work: str
    work_title: str
    claimed: str
    reference: str
    evidence: str
    explanation: str | None


@dataclass(frozen=True)
class ReviewSummary:
    """One row of ``wickgraph reviews``."""

    review_id: str
    work_title: str
    author: str | None
    published: str | None
    claims: int
    conflicts: int


@dataclass
class AddReport:
    """What ``add`` found and did; ``written`` is false for a dry run or a declined confirmation."""

    reviews: list[ReviewPlan] = field(default_factory=list)
    bad: list[BadInput] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    seconds: float = 0.0

    def by_action(self, action: Action) -> list[ReviewPlan]:
        return [plan for plan in self.reviews if plan.action == action]


# -- ids and terms ------------------------------------------------------------------------


def review_id(url: str | None, text: str) -> str:
    """``r-`` + 12 hex digits of the SHA-256 of the URL when known, else of the plain text."""
    basis = url if url else text
    return "r-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _slug_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _string(value: str) -> ox.Literal:
    return ox.Literal(value)


def _typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + datatype))


def _boolean(value: bool) -> ox.Literal:
    return _typed("true" if value else "false", "boolean")


def _number(value: float | Decimal | str) -> ox.Literal:
    """An xsd:integer for whole numbers given as int, else an xsd:decimal (no float noise)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _typed(value, "integer")
    text = format(Decimal(str(value)).normalize(), "f")
    return _typed(text if "." in text else text + ".0", "decimal")


def _datetime(value: datetime) -> ox.Literal:
    utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return _typed(utc.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"), "dateTime")


# -- reading an extraction ----------------------------------------------------------------


def _get(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _claim_dicts(extraction: Any) -> list[dict[str, Any]]:
    """The claims as ``extract --json`` dicts (Claim objects, dicts or dataclasses)."""
    claims = []
    for claim in _get(extraction, "claims") or []:
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


def _film(extraction: Any) -> tuple[str, str]:
    film = _get(extraction, "film")
    iri = _get(film, "iri") or _get(extraction, "film_iri")
    title = _get(film, "title") or _get(extraction, "film_title")
    if not iri:
        hint = f" ({title!r} is not in the reference graph)" if title else ""
        raise ReviewInputError(f"cannot tell which work is reviewed{hint}; pass --film TITLE")
    return str(iri), str(title or _slug_of(str(iri)))


# -- the review graph ---------------------------------------------------------------------


class _Quads:
    """Collects the triples of one named graph, without duplicates."""

    def __init__(self, graph: str) -> None:
        self.graph = _node(graph)
        self.quads: dict[str, ox.Quad] = {}
        self.labelled: set[str] = set()

    def add(self, subject: ox.NamedNode, predicate: Any, obj: ox.NamedNode | ox.Literal) -> None:
        predicate = predicate if isinstance(predicate, ox.NamedNode) else _node(str(predicate))
        quad = ox.Quad(subject, predicate, obj, self.graph)
        self.quads.setdefault(str(quad), quad)

    def a(self, subject: ox.NamedNode, *classes: Any) -> None:
        for cls in classes:
            self.add(subject, _RDF_TYPE, _node(str(cls)))

    def label(self, subject: ox.NamedNode, name: str) -> None:
        """The first name given for a node: two spellings with one slug ("The Sommelier",
        "the sommelier") make one node with one label, as the shapes require."""
        if subject.value not in self.labelled:
            self.labelled.add(subject.value)
            self.add(subject, _RDFS_LABEL, _string(name))


def _agent(out: _Quads, name: str, *kinds: Any) -> ox.NamedNode:
    agent = _node(agent_iri(slugify(name) or "unknown"))
    out.a(agent, PROV.Agent, *kinds)
    out.label(agent, name)
    return agent


def _person(out: _Quads, claim: Mapping[str, Any], key: str) -> ox.NamedNode:
    """A claimed person: the reference's node when linked, else a new unreconciled one."""
    name = claim.get(key)
    iri = claim.get(f"{key}_iri")
    if iri:
        return _node(str(iri))
    if not name:
        raise ReviewInputError(f"a {claim.get('type')} claim names no {key}")
    node = _node(person_iri(slugify(str(name))))
    out.a(node, WG.Person)
    out.label(node, str(name))
    out.add(node, WG.reconciled, _boolean(False))
    return node


def _character(out: _Quads, claim: Mapping[str, Any]) -> ox.NamedNode | None:
    iri, name = claim.get("character_iri"), claim.get("character")
    if iri:
        return _node(str(iri))
    if not name:
        return None
    node = _node(character_iri(slugify(str(name))))
    out.a(node, WG.Character)
    out.label(node, str(name))
    out.add(node, WG.reconciled, _boolean(False))
    return node


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


def _rating(out: _Quads, node: ox.NamedNode, value: Any, scale: Any, normalized: Any) -> None:
    out.a(node, WG.Rating)
    numeric_scale = isinstance(scale, (int, float)) and not isinstance(scale, bool)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        out.add(node, SCHEMA.ratingValue, _number(value))
        if normalized is None and numeric_scale and scale:
            normalized = round(float(value) / float(scale), 4)
    else:
        out.add(node, SCHEMA.ratingValue, _string(str(value)))
    if numeric_scale:
        out.add(node, SCHEMA.bestRating, _number(scale))
    out.add(node, WG.ratingScale, _string(_scale_text(scale)))
    if isinstance(normalized, (int, float)) and not isinstance(normalized, bool) and 0 <= normalized <= 1:
        out.add(node, WG.normalizedRating, _number(round(float(normalized), 4)))


def _scale_text(scale: Any) -> str:
    if isinstance(scale, float) and scale.is_integer():
        return str(int(scale))
    return str(scale)


def _provenance(out: _Quads, rid: str, work: ox.NamedNode, text: str, prov: Provenance) -> ox.NamedNode:
    graph, review, extraction = out.graph, _node(review_iri(rid)), _node(extraction_iri(rid))
    out.a(graph, WG.ReviewGraph, PROV.Entity)
    out.add(graph, PROV.wasDerivedFrom, review)
    out.add(graph, PROV.wasGeneratedBy, extraction)
    out.add(graph, PROV.generatedAtTime, _datetime(prov.added_at))
    editor = _agent(out, prov.added_by, SCHEMA.Person)
    out.add(graph, PROV.wasAttributedTo, editor)

    out.a(review, WG.Review)
    out.add(review, SCHEMA.itemReviewed, work)
    if prov.url:
        try:
            out.add(review, SCHEMA.url, _node(prov.url))
        except ValueError:
            raise ReviewInputError(f"--url {prov.url!r} is not a valid URL") from None
    if prov.author:
        out.add(review, SCHEMA.author, _agent(out, prov.author, SCHEMA.Person))
    if prov.publisher:
        out.add(review, SCHEMA.publisher, _agent(out, prov.publisher, SCHEMA.Organization))
    if prov.published:
        out.add(review, SCHEMA.datePublished, _typed(prov.published.isoformat(), "date"))
    out.add(review, WG.retrievedOn, _typed(prov.retrieved.isoformat(), "date"))
    out.add(review, WG.textSha256, _string(hashlib.sha256(text.encode("utf-8")).hexdigest()))

    out.a(extraction, WG.Extraction, PROV.Activity)
    out.add(extraction, WG.extractionMethod, _string(prov.method))
    if prov.method == "extractor":
        version = prov.extractor_version or "unknown"
        software = _node(agent_iri(slugify(f"wickgraph-extractor-{version}")))
        out.a(software, PROV.Agent, PROV.SoftwareAgent)
        out.label(software, f"wickgraph extractor {version}")
        out.add(software, SCHEMA.softwareVersion, _string(version))
        out.add(extraction, PROV.wasAssociatedWith, software)
    else:
        out.add(extraction, PROV.wasAssociatedWith, editor)
    out.add(extraction, PROV.endedAtTime, _datetime(prov.added_at))
    return review


def _review_quads(claims: Sequence[Mapping[str, Any]], work_iri: str, text: str, url: str | None,
                  prov: Provenance, metadata_rating: Any = None) -> list[ox.Quad]:
    rid = review_id(url, text)
    out = _Quads(review_graph_iri(rid))
    work = _node(work_iri)
    work_slug = _slug_of(work_iri)
    review = _provenance(out, rid, work, text, prov)
    rating_node = _node(review_iri(rid) + "/rating")
    has_rating = False

    for n, claim in enumerate(claims, 1):
        kind = str(claim.get("type"))
        if kind not in _CLAIM_CLASSES:
            raise ReviewInputError(f"claim {n}: unknown claim type {kind!r}")
        node = _node(claim_iri(rid, n))
        out.a(node, _CLAIM_CLASSES[kind])
        out.add(node, WG.claimedIn, review)
        out.add(node, WG.aboutWork, work)
        status = claim.get("status") or "unknown"
        out.add(node, WG.status, _string(str(status)))

        quote, start, end = _evidence_span(claim, text, n)
        selector = _node(claim_iri(rid, n) + "/evidence")
        out.add(node, WG.evidence, selector)
        out.a(selector, OA.TextQuoteSelector, OA.TextPositionSelector)
        out.add(selector, OA.exact, _string(quote))
        if start > 0:
            out.add(selector, OA.prefix, _string(text[max(0, start - _CONTEXT):start]))
        if end < len(text):
            out.add(selector, OA.suffix, _string(text[end:end + _CONTEXT]))
        out.add(selector, OA.start, _typed(start, "integer"))
        out.add(selector, OA.end, _typed(end, "integer"))

        if kind in ("director", "writer"):
            person = _person(out, claim, "person")
            out.add(node, WG.claimedPerson, person)
            out.add(work, WG.director if kind == "director" else WG.writer, person)
        elif kind in ("cast", "reprise"):
            actor = _person(out, claim, "actor")
            out.add(node, WG.claimedPerson, actor)
            character = _character(out, claim)
            from_work = claim.get("from_film_iri") if kind == "reprise" else None
            if from_work:
                out.add(node, WG.claimedFromWork, _node(str(from_work)))
            if character is None:
                continue
            out.add(node, WG.claimedCharacter, character)
            if claim.get("character"):
                out.add(node, WG.claimedCharacterName, _string(str(claim["character"])))
            performance = _node(performance_iri(work_slug, _slug_of(character.value), _slug_of(actor.value)))
            out.add(node, WG.assertsPerformance, performance)
            out.a(performance, WG.Performance)
            out.add(performance, WG.actor, actor)
            out.add(performance, WG.character, character)
            out.add(performance, WG.work, work)
            if kind == "reprise":
                reprise = _node(reprise_iri(work_slug, _slug_of(character.value), _slug_of(actor.value)))
                out.a(reprise, WG.Reprise)
                out.add(reprise, WG.actor, actor)
                out.add(reprise, WG.character, character)
                out.add(reprise, WG.work, work)
                out.add(reprise, WG.performance, performance)
                if from_work:
                    out.add(reprise, WG.fromWork, _node(str(from_work)))
                out.add(reprise, WG.inferred, _boolean(False))
        elif kind == "franchise_member":
            franchise = claim.get("franchise_iri")
            if not franchise:
                slug = slugify(str(claim.get("franchise") or "john-wick"))
                franchise = franchise_iri("john-wick" if slug in ("john-wick", "wick-verse", "") else slug)
            out.add(node, WG.claimedFranchise, _node(str(franchise)))
            out.add(work, WG.partOfFranchise, _node(str(franchise)))
        elif kind == "release_year":
            year = claim.get("year")
            if not isinstance(year, int) or isinstance(year, bool):
                raise ReviewInputError(f"claim {n}: release year {year!r} is not a whole number")
            out.add(node, WG.claimedYear, _typed(year, "integer"))
            out.add(work, WG.releaseYear, _typed(year, "integer"))
        elif kind == "rating":
            if has_rating:
                raise ReviewInputError(f"claim {n}: a review has at most one rating")
            has_rating = True
            _rating(out, rating_node, claim.get("value"), claim.get("scale"), claim.get("normalized"))
            out.add(node, WG.claimedRating, rating_node)
            out.add(review, SCHEMA.reviewRating, rating_node)

    if not has_rating and _get(metadata_rating, "value") is not None:
        # a structured card's rating with no quote in the text: the review's rating, not a claim
        _rating(out, rating_node, _get(metadata_rating, "value"), _get(metadata_rating, "scale"),
                _get(metadata_rating, "normalized"))
        out.add(review, SCHEMA.reviewRating, rating_node)
    return list(out.quads.values())  # serialize_review puts them in order


_NUMBERS = re.compile(r"(\d+)")


@lru_cache(maxsize=1 << 16)  # the same subjects and predicates recur in every quad of a graph
def _term_key(term: Any) -> tuple[Any, ...]:
    # numbers inside IRIs compare as numbers, so claim 10 follows claim 9 (and a claim its evidence)
    value = str(getattr(term, "value", term))
    return (*(int(part) if part.isdigit() else part for part in _NUMBERS.split(value)), str(term))


def _sorted(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Readable, stable order: by subject, rdf:type first, then predicate and object."""
    return sorted(quads, key=lambda q: (_term_key(q.subject), q.predicate != _RDF_TYPE,
                                        str(q.predicate), _term_key(q.object)))


def review_quads(extraction: Any, provenance: Provenance) -> list[ox.Quad]:
    """The whole named graph ``graph:review/<id>`` of one extraction, in a stable order.

    Claims keep the extractor's ``status``; claims without one are ``unknown``.
    """
    work_iri, _ = _film(extraction)
    text = str(_get(extraction, "text") or "")
    return _sorted(_review_quads(_claim_dicts(extraction), work_iri, text, provenance.url, provenance,
                                 _get(_get(extraction, "metadata"), "rating")))


# ``id:`` and ``graph:`` names always hold a "/", which Turtle must escape (``id:claim\/r-1\/3``);
# full IRIs read better. (A base IRI would also relativise the prefixes: ``schema: <//schema.org/>``.)
_FILE_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name not in ("id", "graph")}


def serialize_review(quads: Iterable[ox.Quad]) -> bytes:
    """Deterministic TriG with the project's prefixes (same quads → same bytes)."""
    return ox.serialize(_sorted(quads), format=ox.RdfFormat.TRIG, prefixes=_FILE_PREFIXES) or b""


# -- inputs -------------------------------------------------------------------------------


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[BadInput]]:
    """Files as given, and every review file inside folders (sorted); missing paths are bad inputs."""
    found: list[Path] = []
    bad: list[BadInput] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REVIEW_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            bad.append(BadInput(str(path), "no such file or folder"))
    unique = list(dict.fromkeys(found))
    return unique, bad


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None  # an unreadable date on a card is left out rather than guessed


def _extractor_version() -> str:
    from . import __version__, extract

    return str(getattr(extract, "__version__", __version__))


@dataclass(frozen=True)
class _Job:
    path: str
    overrides: Overrides
    data_dir: str
    added_by: str
    now: datetime


def _prepare(job: _Job) -> ReviewPlan | BadInput:
    """Extract, build and compare one input (runs in a worker process)."""
    try:
        return _prepare_one(job)
    except WickgraphError as error:
        return BadInput(job.path, _reason(error, job.path), error.exit_code)
    except (OSError, UnicodeError, ValueError) as error:
        return BadInput(job.path, f"cannot read: {error}")


def _reason(error: WickgraphError, path: str) -> str:
    """One line saying what is wrong, without repeating the input's own name."""
    if error.filename in (None, path):
        where = ":".join(str(part) for part in (error.lineno, error.offset) if part is not None)
        text = f"{where}: {error.message}" if where else error.message
    else:
        text = str(error)
    return text.splitlines()[0] if text.strip() else type(error).__name__


def _extract(path: Path, film: str | None) -> Any:
    """The extractor's reading of one input (a seam for tests)."""
    from .extract import extract_file

    return extract_file(path, film=film)


def _prepare_one(job: _Job) -> ReviewPlan:
    """Extract and build one input's review graph and compare it with the stored one (not validated yet)."""
    extraction = _extract(Path(job.path), job.overrides.film)
    text = str(_get(extraction, "text") or "")
    if not text.strip():
        raise ReviewInputError("the review has no text")
    metadata = _get(extraction, "metadata")
    over = job.overrides
    url = over.url or _get(metadata, "url") or None
    prov = Provenance(
        url=url, author=over.author or _get(metadata, "author") or None,
        publisher=over.publisher or _get(metadata, "publisher") or None,
        published=over.published or _parse_date(_get(metadata, "published")),
        retrieved=job.now.date(), added_by=job.added_by, added_at=job.now,
        method="extractor", extractor_version=_extractor_version(),
    )
    work_iri, work_title = _film(extraction)
    claims = _claim_dicts(extraction)
    _fill_status(claims, work_iri, Path(job.data_dir))
    rating = _get(metadata, "rating")
    data = serialize_review(_review_quads(claims, work_iri, text, url, prov, rating))
    rid = review_id(url, text)
    target = Path(job.data_dir) / "reviews" / f"{rid}.trig"

    action: Action = "added"
    previous_sha = None
    if target.is_file():
        old = target.read_bytes()
        previous_sha = hashlib.sha256(old).hexdigest()
        kept = _old_provenance(old, rid, prov)
        if kept is not None and serialize_review(_review_quads(claims, work_iri, text, url, kept, rating)) == old:
            action, data = "unchanged", old
        else:
            action = "replaced"
            if _written_by_hand(old) and not over.force:
                raise ReviewInputError(
                    f"{target.name} holds this review's hand-written graph; the extractor's reading would "
                    "replace it (pass --force to replace it)")
    rows = tuple(_row(n, claim) for n, claim in enumerate(claims, 1))
    return ReviewPlan(job.path, rid, work_iri, work_title, rows, data, action, previous_sha)


VALIDATION_BATCH = 500
"""Review graphs SHACL-validated together: one in-memory store and one run of the shapes per batch
(a run costs about 12 ms whatever its size, so one review at a time dominated a bulk add)."""


def _validate_plans(plans: list[ReviewPlan], data_dir: Path) -> tuple[list[ReviewPlan], list[BadInput]]:
    """Split prepared reviews into those whose new graph conforms to the shapes and those that do not."""
    from .validate import validate_store

    changed = [plan for plan in plans if plan.action != "unchanged"]
    broken: dict[str, list[str]] = {}
    for start in range(0, len(changed), VALIDATION_BATCH):
        batch = changed[start:start + VALIDATION_BATCH]
        store = ox.Store()
        for plan in batch:
            store.load(plan.data, format=ox.RdfFormat.TRIG)
        sources = {review_graph_iri(plan.review_id): str(data_dir / "reviews" / plan.filename) for plan in batch}
        for violation in validate_store(store, sources):
            broken.setdefault(violation.source, []).append(str(violation))
    valid, invalid = [], []
    for plan in plans:
        found = broken.get(str(data_dir / "reviews" / plan.filename))
        if found:
            invalid.append(BadInput(plan.source, f"the review graph breaks {len(found)} SHACL rule(s); "
                                                 f"first: {found[0]}", ValidationFailed.exit_code))
        else:
            valid.append(plan)
    return valid, invalid


def _written_by_hand(data: bytes) -> bool:
    """Whether a stored review graph says its claims were extracted by hand."""
    return any(q.predicate.value == str(WG.extractionMethod) and q.object.value == "manual"
               for q in ox.parse(data, format=ox.RdfFormat.TRIG))


def _fill_status(claims: list[dict[str, Any]], work_iri: str, data_dir: Path) -> None:
    """Claims the extractor left without a status are checked against the reference now."""
    missing = [claim for claim in claims if not claim.get("status")]
    reference_file = data_dir / "reference" / "franchise.ttl"
    if not missing or not reference_file.is_file():
        return
    from .conflicts import claim_status, default_reference

    reference = default_reference(reference_file)
    for claim in missing:
        claim["status"] = claim_status(claim, reference, work_iri)


def _old_provenance(data: bytes, rid: str, new: Provenance) -> Provenance | None:
    """``new`` with the time-dependent parts (when, by whom) taken from a stored review graph."""
    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
    except SyntaxError:
        return None
    graph, review = review_graph_iri(rid), review_iri(rid)
    values: dict[tuple[str, str], str] = {}
    for q in quads:
        values.setdefault((q.subject.value, q.predicate.value), q.object.value)
    added_at = values.get((graph, str(PROV.generatedAtTime)))
    retrieved = values.get((review, str(WG.retrievedOn)))
    editor = values.get((graph, str(PROV.wasAttributedTo)))
    editor_name = values.get((editor, str(_RDFS_LABEL.value))) if editor else None
    if not (added_at and retrieved and editor_name):
        return None
    try:
        when = datetime.fromisoformat(added_at)
        return dataclasses.replace(new, added_at=when, retrieved=date.fromisoformat(retrieved),
                                   added_by=editor_name)
    except ValueError:
        return None


def _row(n: int, claim: Mapping[str, Any]) -> ClaimRow:
    kind = str(claim.get("type"))
    if kind in ("director", "writer"):
        summary = str(claim.get("person"))
    elif kind in ("cast", "reprise"):
        summary = f"{claim.get('actor')} as {claim.get('character') or '(role not named)'}"
        if kind == "reprise" and claim.get("from_film"):
            summary += f", from {claim['from_film']}"
    elif kind == "release_year":
        summary = str(claim.get("year"))
    elif kind == "franchise_member":
        summary = str(claim.get("franchise"))
    elif kind == "rating":
        scale = claim.get("scale")
        summary = f"{claim.get('value')}" + (f" / {_scale_text(scale)}" if scale not in (None, "letter") else "")
    else:
        summary = ""
    confidence = claim.get("confidence")
    return ClaimRow(n, kind, summary, str(claim.get("evidence") or ""), str(claim.get("status") or "unknown"),
                    float(confidence) if isinstance(confidence, (int, float)) else None)


def _run_jobs(jobs: list[_Job], workers: int | None, progress: Progress | None) -> list[ReviewPlan | BadInput]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if len(jobs) <= PARALLEL_THRESHOLD or count <= 1:
        return _reporting(map(_prepare, jobs), len(jobs), progress)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(count, len(jobs))) as pool:
        # chunks keep each worker's shapes and reference index warm across many small reviews
        chunk = max(1, min(50, len(jobs) // (count * 4)))
        return _reporting(pool.map(_prepare, jobs, chunksize=chunk), len(jobs), progress)


def _reporting(results: Iterable[ReviewPlan | BadInput], total: int,
               progress: Progress | None) -> list[ReviewPlan | BadInput]:
    done: list[ReviewPlan | BadInput] = []
    for result in results:
        done.append(result)
        if progress is not None:
            progress("extract", len(done), total)
    return done


# -- preparing and committing -------------------------------------------------------------


def add_reviews(
    paths: Iterable[str | Path],
    *,
    data_dir: Path | None = None,
    store_dir: Path | None = None,
    overrides: Overrides | None = None,
    dry_run: bool = False,
    skip_bad: bool = False,
    workers: int | None = None,
    confirm: Callable[[AddReport], bool] | None = None,
    progress: Progress | None = None,
    added_by: str | None = None,
    now: datetime | None = None,
    lock_timeout: float = 10.0,
) -> AddReport:
    """Extract, build, validate and (unless ``dry_run``) write reviews and update the store.

    ``confirm(report)`` is called with the prepared report before anything is written; the
    write happens only if it returns true. Any bad input aborts everything (nothing is written)
    unless ``skip_bad``, which reports bad inputs and adds the rest. ``progress(step, done, total)``
    is called as inputs are read.
    """
    from .resources import default_data_dir, default_store_dir

    started = time.perf_counter()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    store_dir = Path(store_dir) if store_dir else default_store_dir()
    overrides = overrides or Overrides()
    if not (data_dir / "reference").is_dir():
        raise InputError(f"{data_dir}: not a wickgraph data folder (no reference/); set --data")
    files, bad = collect_inputs(paths)
    if overrides.url and len(files) + len(bad) > 1:
        raise UsageError("--url names one review; give exactly one FILE with it")
    if not files and not bad:
        raise UsageError("no review files given (folders are searched for .txt, .html and .json)")
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    editor = added_by or _editor()
    jobs = [_Job(str(path), overrides, str(data_dir), editor, when) for path in files]

    report = AddReport(dry_run=dry_run)
    seen: dict[str, ReviewPlan] = {}
    for result in _run_jobs(jobs, workers, progress):
        if isinstance(result, BadInput):
            bad.append(result)
        elif result.review_id in seen:
            first = seen[result.review_id]
            if first.data != result.data:
                bad.append(BadInput(result.source, f"the same review as {first.source} ({result.review_id}) "
                                                   "but with other claims; add one of them"))
        else:
            seen[result.review_id] = result
            report.reviews.append(result)
    report.reviews, invalid = _validate_plans(report.reviews, data_dir)
    bad += invalid
    report.bad = bad
    if bad and not skip_bad:
        first_bad = bad[0]
        more = f" (and {len(bad) - 1} more bad input(s); --skip-bad adds the rest)" if len(bad) > 1 else ""
        error_class = ValidationFailed if first_bad.exit_code == 1 else ReviewInputError
        raise error_class(f"{first_bad.reason}{more}; nothing was added", filename=first_bad.source)
    report.conflicts = _preview_conflicts(report.reviews, data_dir)
    changes = any(plan.action != "unchanged" for plan in report.reviews)
    # nothing to confirm when every review is unchanged (the commit then only re-syncs the store)
    if dry_run or not report.reviews or (changes and confirm is not None and not confirm(report)):
        report.seconds = time.perf_counter() - started
        return report
    _commit(report.reviews, data_dir, store_dir, lock_timeout)
    report.written = True
    report.seconds = time.perf_counter() - started
    return report


def _editor() -> str:
    import getpass

    try:
        return os.environ.get("WICKGRAPH_EDITOR") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown editor"


def _preview_conflicts(plans: Sequence[ReviewPlan], data_dir: Path) -> list[Conflict]:
    """Conflicts of the prepared reviews against data/reference, in a throwaway in-memory store."""
    if not plans:
        return []
    from .store import Store

    store = Store()
    reference = ox.NamedNode(str(REFERENCE_GRAPH))
    for path in sorted((data_dir / "reference").glob("*.ttl")):
        store.raw.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=reference)
    for plan in plans:
        store.raw.load(plan.data, format=ox.RdfFormat.TRIG)
    return conflicts(store)


@contextmanager
def _locked(data_dir: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive lock on ``data_dir/.wickgraph.lock``; give up after ``timeout`` seconds."""
    path = data_dir / LOCK_NAME
    try:
        handle = open(path, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as error:
        raise StoreError(f"{path}: cannot create the lock file: {error.strerror}") from None
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                    raise StoreError(
                        f"{path}: another `wickgraph add` or `remove` is writing to this data folder; "
                        "try again when it has finished") from None
                time.sleep(0.05)
        yield
    finally:
        handle.close()  # closing releases the lock


def _open_for_writing(store_dir: Path) -> Any:
    from .store import open_store

    return open_store(store_dir, must_exist=True)


def _write_temp(directory: Path, name: str, data: bytes) -> Path:
    handle, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _commit(plans: Sequence[ReviewPlan], data_dir: Path, store_dir: Path, lock_timeout: float) -> None:
    """Write the changed files and update the store as one step; on failure restore both."""
    reviews_dir = data_dir / "reviews"
    reviews_dir.mkdir(parents=True, exist_ok=True)
    with _locked(data_dir, lock_timeout):
        store = _open_for_writing(store_dir)
        try:
            # the files may have changed since they were compared (another add finished first)
            previous: dict[Path, bytes | None] = {}
            for plan in plans:
                target = reviews_dir / plan.filename
                old = target.read_bytes() if target.is_file() else None
                sha = hashlib.sha256(old).hexdigest() if old is not None else None
                if sha != plan.previous_sha:
                    raise StoreError(f"{target}: changed while this add was running; run the add again")
                previous[target] = old
            changed = [plan for plan in plans if plan.action != "unchanged"]
            graphs: dict[str, list[ox.Quad]] = {}
            for plan in plans:
                quads = list(ox.parse(plan.data, format=ox.RdfFormat.TRIG))
                graph = review_graph_iri(plan.review_id)
                # an unchanged file whose graph the store lacks (or holds stale) is loaded too
                if plan.action != "unchanged" or set(map(str, store.quads(graph))) != set(map(str, quads)):
                    graphs[graph] = quads
            _swap_files(changed, reviews_dir, previous, lambda: _update_store(store, graphs))
        finally:
            store.close()
    _mark_changed(store_dir)


def _update_store(store: Any, graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
    if not graphs:
        return
    try:
        store.replace_graphs(graphs)
        store.flush()
    except OSError as error:
        raise StoreError(f"{store.path}: cannot update the store: {error}") from None


def _swap_files(plans: Sequence[ReviewPlan], reviews_dir: Path, previous: Mapping[Path, bytes | None],
                then: Callable[[], None]) -> None:
    """Rename every new file into place and run ``then``; if anything fails, put the old files back."""
    temps: list[tuple[Path, Path]] = []
    renamed: list[Path] = []
    try:
        for plan in plans:
            target = reviews_dir / plan.filename
            temps.append((_write_temp(reviews_dir, plan.filename, plan.data), target))
        for tmp, target in temps:
            os.replace(tmp, target)
            renamed.append(target)
        then()  # the commit point: once the store has the graphs, the files stay
    except BaseException as error:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        for target in reversed(renamed):
            _restore(target, previous.get(target))
        if isinstance(error, OSError):
            raise StoreError(f"cannot write {reviews_dir}: {error.strerror or error}; nothing was changed") from None
        raise


def _restore(target: Path, old: bytes | None) -> None:
    if old is None:
        target.unlink(missing_ok=True)
        return
    tmp = _write_temp(target.parent, target.name, old)
    os.replace(tmp, target)


def _mark_changed(store_dir: Path) -> None:
    """Tell readers of the store (``wickgraph serve``) that it changed, when the store supports it."""
    from . import store as store_module

    mark = getattr(store_module, "mark_changed", None)
    if callable(mark):
        mark(store_dir)


# -- removing, listing, conflicts ---------------------------------------------------------


def remove_review(review_id: str, *, data_dir: Path | None = None, store_dir: Path | None = None,
                  lock_timeout: float = 10.0) -> Path:
    """Delete a review's file and its graph in the store (both or neither); return the file's path."""
    from .resources import default_data_dir, default_store_dir

    data_dir = Path(data_dir) if data_dir else default_data_dir()
    store_dir = Path(store_dir) if store_dir else default_store_dir()
    target = data_dir / "reviews" / f"{review_id}.trig"
    with _locked(data_dir, lock_timeout):
        store = _open_for_writing(store_dir)
        try:
            graph = review_graph_iri(review_id)
            in_store = graph in store.named_graphs()
            if not target.is_file() and not in_store:
                known = sorted(p.stem for p in (data_dir / "reviews").glob("*.trig"))
                close = difflib.get_close_matches(review_id, known, n=3, cutoff=0.5)
                hint = f"; did you mean {', '.join(close)}?" if close else "; see `wickgraph reviews`"
                raise ReviewNotFound(f"no review {review_id!r}{hint}")
            old = target.read_bytes() if target.is_file() else None
            target.unlink(missing_ok=True)
            try:
                _update_store(store, {graph: []})
            except BaseException:
                if old is not None:
                    _restore(target, old)
                raise
        finally:
            store.close()
    _mark_changed(store_dir)
    return target


def _rows(store: Any, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql)
    names = [variable.value for variable in result.variables]
    return [{n: solution[n].value for n in names if solution[n] is not None} for solution in result]


def _select(store: Any, name: str) -> list[dict[str, str]]:
    return _rows(store, (_SPARQL / f"{name}.rq").read_text(encoding="utf-8"))


def conflicts(store: Any) -> list[Conflict]:
    """Every claim that contradicts the reference facts, with both sides, evidence and explanation.

    Runs the named query ``queries/conflicts.rq`` live, so the answer follows the current
    reference graph rather than the status recorded when a review was added.
    """
    from .queries import get

    found = []
    for row in _rows(store, get("conflicts").sparql):
        found.append(Conflict(
            review_id=_slug_of(row["review"]), claim=row["claim"], kind=row.get("claimType", ""),
            work=row.get("work", ""), work_title=row.get("workTitle") or _slug_of(row.get("work", "")),
            claimed=row.get("claimed", ""), reference=row.get("reference", ""),
            evidence=row.get("evidence", ""), explanation=row.get("explanation") or None,
        ))
    return sorted(found, key=lambda c: (c.review_id, _term_key(c.claim)))


def _conflict_counts(store: Any) -> dict[str, int]:
    """How many rows ``queries/conflicts.rq`` gives per review id, without building or sorting them.

    The count runs the named query's own WHERE clause (grouped by review instead of ordered), so it
    always agrees with :func:`conflicts` and ``wickgraph conflicts``.
    """
    from .queries import get

    sparql = get("conflicts").sparql
    select = _CONFLICTS_SELECT.search(sparql)
    order = sparql.rfind("\nORDER BY")
    if select is None or order < select.end():  # not the shape this relies on: count the rows themselves
        counts: dict[str, int] = defaultdict(int)
        for conflict in conflicts(store):
            counts[conflict.review_id] += 1
        return dict(counts)
    where = sparql[select.end() - 1:order]
    counting = f"{sparql[:select.start()]}SELECT ?review (COUNT(*) AS ?conflicts)\nWHERE {where}\nGROUP BY ?review\n"
    return {_slug_of(row["review"]): int(row["conflicts"]) for row in _rows(store, counting) if "review" in row}


# the projection of queries/conflicts.rq and the opening of its WHERE clause
_CONFLICTS_SELECT = re.compile(r"^SELECT\b[^\n{]*\nWHERE \{", re.MULTILINE)


def list_reviews(store: Any) -> list[ReviewSummary]:
    """Every review in the store, by review id: work, author, date, number of claims and of conflicts."""
    per_review = _conflict_counts(store)
    rows = sorted(_select(store, "list-reviews"), key=lambda row: (row["graph"], row.get("work", "")))
    summaries = []
    for row in rows:  # list-reviews.rq does not sort: for 100k rows Python is much faster at it
        rid = row["graph"].rsplit("/", 1)[-1]
        summaries.append(ReviewSummary(
            review_id=rid, work_title=row.get("workTitle") or _slug_of(row.get("work", "")),
            author=row.get("author"), published=row.get("published"),
            claims=int(row.get("claims", 0)), conflicts=per_review.get(rid, 0),
        ))
    return summaries
