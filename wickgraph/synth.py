"""Synthetic data for benchmarks: the reference facts plus N review graphs, deterministically.

:func:`synth` writes a data folder that ``wickgraph build`` loads like the real one:
``reference/`` (a copy of the project's reference facts) and ``reviews/<id>.trig``, one
review graph per synthetic review, byte for byte the file :mod:`wickgraph.reviews` makes of
it as ``wickgraph add`` does (:func:`review_graph`), though written from strings
(:func:`fast_review_graph`), many times faster. With ``texts=True`` it also writes
``texts/<id>.txt``: the prose each review's claims were taken from, so the extractor can be
benchmarked on it.

The reviews are drawn from the reference graph itself: each reviews one work, names its
cast (``X as Y``, ``Y (X)``, ``X plays Y``...), often its director and year, sometimes a
reprised role, and usually rates it. A share of them get things wrong the way real
reviews do (a wrong character, year or director, marked ``contradicted``) or name people
the reference does not know (unreconciled, ``unknown``). Review *i* depends only on the
seed and *i*, so a run with fewer reviews is a prefix of a run with more.

>>> catalog = load_catalog()
>>> first = next(iter(generate(catalog, 1, seed=7)))
>>> all(first.text[c["start"]:c["end"]] == c["evidence"] for c in first.extraction["claims"])
True
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import InputError
from .namespaces import (
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
from .resources import default_data_dir

__all__ = ["Catalog", "SynthReport", "SynthReview", "generate", "load_catalog", "review", "synth"]

Progress = Callable[[str, int, int], None]

# Shares of reviews that carry each kind of claim (fixed so that runs compare over time).
P_FRANCHISE = 0.7
P_DIRECTOR = 0.6
P_WRITER = 0.3
P_YEAR = 0.5
P_RATING = 0.85
P_REPRISE = 0.5  # of reviews whose work has a reprised role in the reference
P_WRONG_CHARACTER = 0.12
P_WRONG_YEAR = 0.15  # of year claims
P_WRONG_DIRECTOR = 0.1  # of director claims
P_NEW_PERSON = 0.2

EXTRACTOR = "wickgraph-extractor"
EXTRACTOR_VERSION = "0.1.0"

_CATALOG_QUERY = Path(__file__).parent / "sparql" / "synth-catalog.rq"

_FIRST = ("Mara", "Tobias", "Ines", "Kofi", "Lena", "Dario", "Yuki", "Sven", "Amara", "Ruben", "Noor", "Caspar",
          "Elif", "Joaquin", "Priya", "Matteo", "Ingrid", "Tariq", "Selma", "Oskar", "Nadia", "Felix", "Rosa",
          "Anton", "Leila", "Bruno", "Hana", "Emil", "Zara", "Viktor")
_LAST = ("Quillfeather", "Okonkwo", "Varga", "Lindqvist", "Moreau", "Castellanos", "Takeda", "Brandt", "Oyelaran",
         "Petrov", "Haddad", "Novak", "Sorensen", "Ferreira", "Kaminski", "Adeyemi", "Rossi", "Halvorsen",
         "Mendoza", "Delacroix", "Nakamura", "Abernathy", "Szabo", "Whitlock", "Ibarra")
_NEW_ROLES = ("the Sommelier", "the Tracker", "Lady Vesna", "the Cartographer", "Brother Ilya", "the Courier",
              "Madame Orlova", "the Armorer", "Kestrel", "the Notary", "Inspector Hale", "the Ferryman")
_CRITICS = tuple(f"{f} {l}" for f in _FIRST[:12] for l in _LAST[12:20])
_PUBLISHERS = ("Popcorn & Pointe Shoes", "The Continental Review", "High Table Weekly", "Screen Slate",
               "Reel Talk Daily", "Midnight Matinee", "The Marker", "Gold Coin Cinema", "Frame by Frame",
               "Action Aficionado")
_EDITORS = ("bench-editor", "synth-bot")

_OPENINGS = (
    "{title} ({year}) review.",
    "Review: {title} ({year})",
    "{title} ({year}): a review.",
)
_OPENINGS_NO_YEAR = ("Review: {title}", "{title}, reviewed.", "Notes on {title}")
_YEAR_SENTENCES = (
    ("Released in {year}, ", "{title} was released in {year}", " and it shows its ambitions early."),
    ("", "{title}, which hit cinemas in {year}", ", keeps the house style intact."),
)
_FRANCHISE = (
    ("It is ", "another entry in the John Wick franchise", ", and it knows what its audience came for."),
    ("This is ", "the latest chapter in the John Wick universe", ", for better and for worse."),
    ("As ", "part of the John Wick series", ", it carries a lot of mythology on its back."),
)
_DIRECTOR = (
    ("The film is ", "directed by {name}", ", who keeps the camera steady through the chaos."),
    ("", "{name} directs", " with a clear eye for geography in the fight scenes."),
    ("", "Director: {name}", "."),
    ("It was ", "directed by {name}", " and it moves like it."),
)
_WRITER = (
    ("The script was ", "written by {name}", ", and the lore gets dense in places."),
    ("", "Screenplay by {name}", "."),
    ("It comes ", "from a script by {name}", " that never stops adding rules."),
)
_CAST = (
    ("", "{actor} as {character}", " is the standout here."),
    ("The cast is solid: ", "{character} ({actor})", " gets the best lines."),
    ("", "{actor} plays {character}", " with a quiet menace."),
    ("We also get ", "{actor} as {character}", ", which is a treat."),
    ("", "{actor} stars as {character}", " and carries whole stretches of the film."),
    ("And ", "{actor} is terrific as {character}", "."),
)
_CAST_NO_ROLE = (
    ("", "{actor} shows up in a small part", " that the trailer oversold."),
    ("There is also ", "{actor} in a mysterious new role", "."),
)
_REPRISE = (
    ("", "{actor} reprises the role of {character} from {from_film}", ", and it is good to have them back."),
    ("Fans will enjoy that ", "{actor} returns as {character}", "."),
    ("", "{actor} as {character}, reprising the role from {from_film}", ", feels like coming home."),
)
_FILLER = (
    "The action is staged in long, legible takes.",
    "The score thumps along without ever getting in the way.",
    "Some of the dialogue lands with a thud, but nobody comes for the dialogue.",
    "The neon-soaked production design is as lush as ever.",
    "At well over two hours, the middle act sags a little.",
    "A set piece in a nightclub is the best thing in the film.",
    "The world-building keeps inventing new rules and new coins.",
    "The stunt team deserves every award they will not get.",
    "It is violent, stylish and surprisingly funny in places.",
    "The plot is thin, but the choreography is not.",
)
_RATINGS: tuple[tuple[str, Any, Any], ...] = (
    ("Rating: {value}/5", None, 5),
    ("{value} out of 5 stars", None, 5),
    ("{value}/10", None, 10),
    ("Rating: {value} out of 10", None, 10),
    ("Grade: {value}", "letter", "letter"),
)
_LETTERS = ("A", "A-", "B+", "B", "B-", "C+", "C")
_LETTER_VALUES = {"A": 0.95, "A-": 0.9, "B+": 0.85, "B": 0.8, "B-": 0.75, "C+": 0.7, "C": 0.65}


@dataclass(frozen=True)
class Performance:
    actor: str
    actor_name: str
    character: str
    character_name: str


@dataclass
class Work:
    iri: str
    title: str
    year: int | None
    order: tuple[str, int]  # (release date or year, release order) for "earlier than"
    directors: dict[str, str] = field(default_factory=dict)  # iri -> name
    writers: dict[str, str] = field(default_factory=dict)
    cast: list[Performance] = field(default_factory=list)
    false_characters: list[str] = field(default_factory=list)  # known false character names
    false_directors: list[str] = field(default_factory=list)  # known false director names
    false_years: list[int] = field(default_factory=list)
    reprises: list[tuple[Performance, Work]] = field(default_factory=list)  # (performance, earlier work)


@dataclass
class Catalog:
    """What synthetic reviews are drawn from: the reference graph's works, people and roles."""

    works: list[Work]
    people: dict[str, str]  # iri -> name (directors and writers, for wrong-director claims)
    reference_files: list[Path]


@dataclass
class SynthReview:
    """One synthetic review: its text, what ``extract --json`` would print for it, and its provenance."""

    review_id: str
    text: str
    extraction: dict[str, Any]
    provenance: dict[str, Any]


@dataclass
class SynthReport:
    """What :func:`synth` wrote."""

    out_dir: Path
    reviews: int = 0
    claims: int = 0
    contradicted: int = 0
    unreconciled: int = 0
    texts: int = 0
    bytes: int = 0
    seconds: float = 0.0


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Read works, cast, credits and known false claims from ``data_dir/reference/*.ttl``."""
    reference = Path(data_dir or default_data_dir()) / "reference"
    files = sorted(reference.glob("*.ttl"))
    if not files:
        raise InputError(f"{reference}: no reference facts (*.ttl) to draw synthetic reviews from")
    store = ox.Store()
    for path in files:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    works: dict[str, Work] = {}
    people: dict[str, str] = {}
    result = store.query(_CATALOG_QUERY.read_text(encoding="utf-8"))
    assert isinstance(result, ox.QuerySolutions)
    rows = list(result)

    def value(row: Any, name: str) -> Any:
        term = row[name]
        return None if term is None else term.value

    for row in rows:
        if value(row, "kind") == "work":
            year = value(row, "b")
            order = (value(row, "d") or (year or "9999"), int(value(row, "c") or 999))
            works[value(row, "s")] = Work(value(row, "s"), value(row, "a"), int(year) if year else None, order)
    for row in rows:
        kind, work = value(row, "kind"), works.get(value(row, "s"))
        if work is None:
            continue
        if kind in ("director", "writer"):
            getattr(work, kind + "s")[value(row, "a")] = value(row, "b")
            people[value(row, "a")] = value(row, "b")
        elif kind == "cast":
            work.cast.append(Performance(value(row, "a"), value(row, "b"), value(row, "c"), value(row, "d")))
        elif kind == "false":
            fieldname, false_value = value(row, "a"), value(row, "b")
            if fieldname.startswith("cast[") and fieldname.endswith(".character"):
                work.false_characters.append(false_value)
            elif fieldname.startswith("director"):
                work.false_directors.append(false_value)
            elif "year" in fieldname and false_value.isdigit():
                work.false_years.append(int(false_value))
    # reviews are of released works (those with a release year) that have a cast
    usable = sorted((w for w in works.values() if w.cast and w.year), key=lambda w: w.iri)
    if not usable:
        raise InputError(f"{reference}: the reference facts have no works with a cast to review")
    for work in usable:
        work.cast.sort(key=lambda p: (p.actor, p.character))
        earlier_roles: dict[tuple[str, str], Work] = {}
        for other in sorted(usable, key=lambda w: w.order):
            if other.order >= work.order:
                break
            for perf in other.cast:
                earlier_roles[(perf.actor, perf.character)] = other
        work.reprises = [(p, earlier_roles[(p.actor, p.character)]) for p in work.cast
                         if (p.actor, p.character) in earlier_roles]
        work.false_characters.sort()
        work.false_directors.sort()
        work.false_years.sort()
    return Catalog(usable, dict(sorted(people.items())), files)


class _Writer:
    """Builds a review's text piece by piece and records each claim's evidence offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.claims: list[dict[str, Any]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def claim(self, template: tuple[str, str, str], claim: dict[str, Any], **names: Any) -> int:
        prefix, evidence, suffix = template
        self.add(prefix.format(**names))
        start = self.pos
        exact = evidence.format(**names)
        self.add(exact)
        self.add(suffix.format(**names))
        claim.update(evidence=exact, start=start, end=start + len(exact))
        self.claims.append(claim)
        return start

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _new_person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def review(catalog: Catalog, index: int, seed: int = 0) -> SynthReview:
    """Synthetic review number ``index`` for ``seed`` (independent of how many are made)."""
    rng = random.Random(f"wickgraph-synth:{seed}:{index}")
    work = rng.choice(catalog.works)
    out = _Writer()
    film = {"title": work.title, "iri": work.iri}
    contradicted = unreconciled = 0

    # headline, with a release-year claim in it (sometimes the wrong year)
    year_claim = work.year is not None and rng.random() < P_YEAR
    year = work.year
    if year_claim and rng.random() < P_WRONG_YEAR:
        year = rng.choice(work.false_years) if work.false_years else work.year + rng.choice((-1, 1))  # type: ignore[operator]
    if year_claim:
        status = "supported" if year == work.year else "contradicted"
        contradicted += status == "contradicted"
        headline = rng.choice(_OPENINGS)
        before, _, after = headline.partition("{title} ({year})")
        template = (before, "{title} ({year})", after + "\n\n")
        out.claim(template, {"type": "release_year", "year": year, "status": status}, title=work.title, year=year)
    else:
        out.add(rng.choice(_OPENINGS_NO_YEAR).format(title=work.title) + "\n\n")

    sentences: list[Callable[[], object]] = []
    if rng.random() < P_FRANCHISE:
        sentences.append(lambda: out.claim(rng.choice(_FRANCHISE), {
            "type": "franchise_member", "franchise": "John Wick", "franchise_iri": franchise_iri(),
            "status": "supported"}))
    if work.directors and rng.random() < P_DIRECTOR:
        director_iri = rng.choice(sorted(work.directors))
        name, iri, status = work.directors[director_iri], director_iri, "supported"
        if rng.random() < P_WRONG_DIRECTOR:
            others = work.false_directors or [n for i, n in catalog.people.items() if i not in work.directors]
            if others:
                name = rng.choice(others)
                iri, status = person_iri(slugify(name)), "contradicted"
        director = {"type": "director", "person": name, "person_iri": iri, "status": status}
        sentences.append(partial(out.claim, rng.choice(_DIRECTOR), director, name=name))
        contradicted += status == "contradicted"
    if work.writers and rng.random() < P_WRITER:
        writer_iri = rng.choice(sorted(work.writers))
        sentences.append(lambda: out.claim(rng.choice(_WRITER), {
            "type": "writer", "person": work.writers[writer_iri], "person_iri": writer_iri,
            "status": "supported"}, name=work.writers[writer_iri]))
    rng.shuffle(sentences)
    for sentence in sentences:
        sentence()
        out.add(" ")
    out.add(rng.choice(_FILLER) + "\n\n")

    # the cast paragraph: reference roles, maybe a reprise, a wrong character, a new face
    cast = rng.sample(work.cast, min(len(work.cast), rng.randint(2, 6)))
    reprise = None
    if work.reprises and rng.random() < P_REPRISE:
        reprise = rng.choice(work.reprises)
        cast = [p for p in cast if p != reprise[0]]
    wrong = rng.random() < P_WRONG_CHARACTER and len(cast) > 1
    for n, perf in enumerate(cast):
        character_name, status = perf.character_name, "supported"
        character_iri: str | None = perf.character
        if wrong and n == 0:
            taken = {p.character for p in work.cast if p.actor == perf.actor}
            options = work.false_characters or sorted({
                p.character_name for w in catalog.works for p in w.cast if p.character not in taken})
            character_name = rng.choice(options)
            character_iri, status = None, "contradicted"
            contradicted += 1
        claim = {"type": "cast", "actor": perf.actor_name, "actor_iri": perf.actor,
                 "character": character_name, "status": status}
        if character_iri:
            claim["character_iri"] = character_iri
        out.claim(rng.choice(_CAST), claim, actor=perf.actor_name, character=character_name)
        out.add(" ")
    if reprise is not None:
        perf, earlier = reprise
        template = rng.choice(_REPRISE)
        from_film = earlier.title if "{from_film}" in template[1] else None
        start = out.claim(template, {
            "type": "reprise", "actor": perf.actor_name, "actor_iri": perf.actor, "character": perf.character_name,
            "character_iri": perf.character, "from_film": from_film, "status": "supported",
            **({"from_film_iri": earlier.iri} if from_film else {})},
            actor=perf.actor_name, character=perf.character_name, from_film=earlier.title)
        # a reprise implies a cast claim for the same actor and character: list both (same evidence)
        reprise_claim = out.claims[-1]
        out.claims.insert(len(out.claims) - 1, {
            "type": "cast", "actor": perf.actor_name, "actor_iri": perf.actor, "character": perf.character_name,
            "character_iri": perf.character, "status": "supported", "evidence": reprise_claim["evidence"],
            "start": start, "end": reprise_claim["end"]})
        out.add(" ")
    if rng.random() < P_NEW_PERSON:
        actor = _new_person(rng)
        if rng.random() < 0.5:
            role = rng.choice(_NEW_ROLES)
            out.claim(rng.choice(_CAST), {"type": "cast", "actor": actor, "character": role, "status": "unknown"},
                      actor=actor, character=role)
        else:
            out.claim(rng.choice(_CAST_NO_ROLE), {"type": "cast", "actor": actor, "character": None,
                                                  "status": "unknown"}, actor=actor)
        unreconciled += 1
        out.add(" ")
    out.add(rng.choice(_FILLER) + " " + rng.choice(_FILLER) + "\n\n")

    if rng.random() < P_RATING:
        rating_template, _, scale = rng.choice(_RATINGS)
        if scale == "letter":
            value: Any = rng.choice(_LETTERS)
            normalized = _LETTER_VALUES[value]
        else:
            value = rng.randint(2 * scale // 5, 2 * scale) / 2
            value = int(value) if value == int(value) else value
            normalized = round(value / scale, 4)
        out.claim(("", rating_template, "\n"), {"type": "rating", "value": value, "scale": scale,
                                         "normalized": normalized, "status": "unknown"}, value=value)

    text = out.text
    critic = rng.choice(_CRITICS)
    publisher = rng.choice(_PUBLISHERS)
    url = f"https://reviews.example.org/{slugify(publisher)}/{seed}/{index}"
    review_id = "r-" + hashlib.sha256(url.encode()).hexdigest()[:12]
    day = 1 + index % 28
    provenance = {
        "url": url,
        "author": critic,
        "publisher": publisher,
        "published": f"{work.year or 2025}-{1 + index % 12:02d}-{day:02d}",
        "retrieved": "2026-11-25",
        "method": "extractor",
        "extractor": EXTRACTOR,
        "extractor_version": EXTRACTOR_VERSION,
        "added_by": _EDITORS[index % len(_EDITORS)],
        "added_at": f"2026-11-25T{index // 3600 % 24:02d}:{index // 60 % 60:02d}:{index % 60:02d}Z",
        "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "contradicted": contradicted,
        "unreconciled": unreconciled,
    }
    return SynthReview(review_id, text, {"film": film, "claims": out.claims}, provenance)


def generate(catalog: Catalog, reviews: int, seed: int = 0) -> Iterator[SynthReview]:
    """The first ``reviews`` synthetic reviews for ``seed``."""
    for index in range(reviews):
        yield review(catalog, index, seed)


def _provenance(item: SynthReview) -> Any:
    from datetime import date, datetime

    from .reviews import Provenance

    prov = item.provenance
    return Provenance(
        url=prov["url"], author=prov["author"], publisher=prov["publisher"],
        published=date.fromisoformat(prov["published"]), retrieved=date.fromisoformat(prov["retrieved"]),
        added_by=prov["added_by"], added_at=datetime.fromisoformat(prov["added_at"].replace("Z", "+00:00")),
        method=prov["method"], extractor_version=prov["extractor_version"],
    )


def review_graph(item: SynthReview) -> bytes:
    """The TriG file of one synthetic review, written by :mod:`wickgraph.reviews` as ``add`` writes it."""
    from .reviews import review_quads, serialize_review

    extraction = {**item.extraction, "text": item.text}
    return serialize_review(review_quads(extraction, _provenance(item)))


# -- the same TriG, written from strings ---------------------------------------------------------
#
# Building ~175 pyoxigraph quads per review, sorting them with Python keys and serialising them
# cost ~1 ms a review: nearly all of synth's time. _TriGWriter writes the same bytes from strings.
# It mirrors reviews._review_quads for the claims review() makes, writes one block of text per
# subject with the predicates in the order reviews._sorted gives them (worked out once per shape
# of block), sorts the blocks by reviews._term_key, and formats terms as oxigraph's TriG
# serialiser does. tests/test_synth.py holds it to review_graph() byte for byte; a review it
# cannot mirror (two different blocks for one subject) goes through review_graph() instead.

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_INTEGER, _XSD_DECIMAL, _XSD_BOOLEAN = _XSD + "integer", _XSD + "decimal", _XSD + "boolean"
_XSD_DATE, _XSD_DATETIME = _XSD + "date", _XSD + "dateTime"
_CONTEXT = 32  # characters of oa:prefix / oa:suffix, as in reviews
_CACHE_SIZE = 50_000  # kept claim and work templates; a run past it starts afresh


def _terms() -> dict[str, str]:
    """The classes and properties of review graphs as IRIs (asking rdflib's namespaces each time is slow)."""
    from .namespaces import OA, PROV, SCHEMA, WG

    names = {
        "wg": ("ReviewGraph", "Review", "Extraction", "Person", "Character", "Performance", "Reprise",
               "Rating", "DirectorClaim", "WriterClaim", "CastClaim", "RepriseClaim", "FranchiseMemberClaim",
               "ReleaseYearClaim", "RatingClaim", "retrievedOn", "textSha256", "extractionMethod",
               "claimedIn", "aboutWork", "status", "evidence", "claimedPerson", "director", "writer",
               "claimedFromWork", "claimedCharacter", "claimedCharacterName", "assertsPerformance", "actor",
               "character", "work", "performance", "fromWork", "inferred", "reconciled", "claimedFranchise",
               "partOfFranchise", "claimedYear", "releaseYear", "claimedRating", "ratingScale",
               "normalizedRating"),
        "prov": ("Entity", "Agent", "Activity", "SoftwareAgent", "wasDerivedFrom", "wasGeneratedBy",
                 "generatedAtTime", "wasAttributedTo", "wasAssociatedWith", "endedAtTime"),
        "schema": ("Person", "Organization", "itemReviewed", "url", "author", "publisher", "datePublished",
                   "softwareVersion", "reviewRating", "ratingValue", "bestRating"),
        "oa": ("TextQuoteSelector", "TextPositionSelector", "exact", "prefix", "suffix", "start", "end"),
    }
    spaces: dict[str, Any] = {"wg": WG, "prov": PROV, "schema": SCHEMA, "oa": OA}
    return {f"{space}:{name}": str(getattr(spaces[space], name)) for space, group in names.items()
            for name in group}


_T = _terms()
_CLAIM_CLASS = {
    "director": _T["wg:DirectorClaim"], "writer": _T["wg:WriterClaim"], "cast": _T["wg:CastClaim"],
    "reprise": _T["wg:RepriseClaim"], "franchise_member": _T["wg:FranchiseMemberClaim"],
    "release_year": _T["wg:ReleaseYearClaim"], "rating": _T["wg:RatingClaim"],
}
# what a claim's triples depend on besides its type, status and evidence (the key of its template)
_CLAIM_FIELDS = {
    "director": ("person", "person_iri"), "writer": ("person", "person_iri"),
    "cast": ("actor", "actor_iri", "character", "character_iri"),
    "reprise": ("actor", "actor_iri", "character", "character_iri", "from_film_iri"),
    "franchise_member": ("franchise", "franchise_iri"), "release_year": ("year",),
    "rating": ("value", "scale", "normalized"),
}

# oxttl writes these datatypes bare when the lexical form fits the Turtle grammar
_INLINE = {
    _XSD_INTEGER: re.compile(r"[+-]?[0-9]+").fullmatch,
    _XSD_DECIMAL: re.compile(r"[+-]?[0-9]*\.[0-9]+").fullmatch,
    _XSD + "double": re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+").fullmatch,
    _XSD_BOOLEAN: re.compile("true|false").fullmatch,
}
# oxrdf's print_quoted_str
_ESCAPES = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)},
            0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f\ufffe\uffff\"\\\\]").search
_LOCAL_ESCAPABLE = frozenset("_~.-!$&'()*+,;=/?#@%")
_NUMBERS = re.compile(r"(\d+)")
_DIGIT = re.compile(r"\d").fullmatch


def _quoted(value: str) -> str:
    return '"' + (value.translate(_ESCAPES) if _NEEDS_ESCAPE(value) else value) + '"'


def _brace(text: str) -> str:
    """``text`` as literal text of a ``str.format`` template."""
    return text.replace("{", "{{").replace("}", "}}")


def _pn_chars_u(c: str) -> bool:
    """Turtle's PN_CHARS_U, as oxttl's lexer tests it."""
    o = ord(c)
    return ("A" <= c <= "Z" or "a" <= c <= "z" or c == "_" or 0xC0 <= o <= 0xD6 or 0xD8 <= o <= 0xF6
            or 0xF8 <= o <= 0x2FF or 0x370 <= o <= 0x37D or 0x37F <= o <= 0x1FFF or 0x200C <= o <= 0x200D
            or 0x2070 <= o <= 0x218F or 0x2C00 <= o <= 0x2FEF or 0x3001 <= o <= 0xD7FF
            or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFFD or 0x10000 <= o <= 0xEFFFF)


def _pn_chars(c: str) -> bool:
    o = ord(c)
    return (_pn_chars_u(c) or c == "-" or "0" <= c <= "9" or o == 0xB7 or 0x300 <= o <= 0x36F
            or 0x203F <= o <= 0x2040)


def _local_name(value: str) -> str | None:
    """oxttl's escape_local_name: ``value`` as the local part of a prefixed name, or None if it cannot be."""
    out = []
    last = len(value) - 1
    for i, c in enumerate(value):
        if (_pn_chars_u(c) or c == ":" or "0" <= c <= "9") if i == 0 else (
                _pn_chars(c) or c == ":" or (c == "." and i < last)):
            out.append(c)
        elif c in _LOCAL_ESCAPABLE:
            out.append("\\" + c)
        else:
            return None
    return "".join(out) if out else None


def _number(value: float) -> tuple[str, str]:
    """``reviews._number``: an xsd:integer for an int, else the shortest xsd:decimal."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), _XSD_INTEGER
    text = format(Decimal(str(value)).normalize(), "f")
    return (text if "." in text else text + ".0"), _XSD_DECIMAL


def _slug_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# -- the order of subjects: reviews._term_key --

def _parts(value: str) -> list[Any]:
    """Text and numbers in turn: ``reviews._term_key`` but for its last element."""
    parts: list[Any] = _NUMBERS.split(value)
    parts[1::2] = map(int, parts[1::2])
    return parts


def _natural(value: str, term: str) -> tuple[Any, ...]:
    return (*_parts(value), term)


@lru_cache(maxsize=1 << 14)  # agents, people, characters, performances and works recur across reviews
def _subject_key(iri: str) -> tuple[Any, ...]:
    return _natural(iri, f"<{iri}>")


def _joined(head: list[Any], tail: list[Any]) -> list[Any]:
    """``_parts(a + b)`` from the parts of ``a`` and of ``b``, if they do not meet digit to digit."""
    return [*head[:-1], head[-1] + tail[0], *tail[1:]]


def _meet_in_digits(a: str, b: str) -> bool:
    return bool(a and b and _DIGIT(a[-1]) and _DIGIT(b[0]))


@lru_cache(maxsize=1 << 10)  # "/3", "/3/evidence", "/rating": the same in every review
def _suffix(suffix: str) -> tuple[str, tuple[Any, ...], bool]:
    """A suffix's first text part, its other parts, and whether it starts with a digit."""
    parts = _parts(suffix)
    return parts[0], tuple(parts[1:]), bool(suffix and _DIGIT(suffix[0]))


class _Own:
    """The Turtle form and sort key of the IRIs named after one review: base + review id + suffix.

    The keys are put together from parts worked out once (the bases') or once per review (the
    id's), since splitting ~20 fresh IRIs a review was a tenth of the writer's time.
    """

    __slots__ = ("bare", "heads", "iri", "rid", "rid_ends_in_digit")

    def __init__(self, writer: _TriGWriter, rid: str) -> None:
        self.rid, self.bare, self.iri = rid, writer.bare, writer.iri
        self.rid_ends_in_digit = _meet_in_digits(rid, "0")
        rid_parts = _parts(rid)
        self.heads: dict[str, tuple[tuple[Any, ...], str] | None] = {}
        for base, parts in writer.base_parts.items():
            head = None if _meet_in_digits(base, rid) else _joined(parts, rid_parts)
            self.heads[base] = None if head is None else (tuple(head[:-1]), head[-1])

    def __call__(self, base: str, suffix: str = "") -> tuple[str, tuple[Any, ...]]:
        iri = f"{base}{self.rid}{suffix}"
        term = f"<{iri}>"
        head = self.heads[base]
        first, rest, starts_with_digit = _suffix(suffix)
        if head is None or (starts_with_digit and self.rid_ends_in_digit):
            key = _natural(iri, term)
        else:
            key = head[0] + (head[1] + first,) + rest + (term,)
        return (term if base in self.bare else self.iri(iri)), key


class _Unusual(Exception):
    """A review graph :class:`_TriGWriter` does not mirror (two different blocks for one subject...)."""


_ClaimEntry = tuple[str, tuple[tuple[str, str, bool], ...], tuple[str, str] | None, str | None]


class _TriGWriter:
    """Writes a synthetic review's graph as ``reviews.serialize_review(reviews.review_quads(...))`` does.

    The blocks of subjects that recur across reviews (people, characters, performances, agents, and
    claims but for their numbers) are made once and kept, as text or as ``str.format`` templates;
    the review's own nodes, named after its id, are filled in.
    """

    def __init__(self) -> None:
        from .reviews import serialize_review

        T = _T
        # the serialiser's own prelude gives the prefixes, and the order it declares and tries them in
        probe = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"),
                        ox.NamedNode("urn:x:g"))
        self.prelude = serialize_review([probe]).decode("utf-8").split("<urn:x:g> {\n", 1)[0]
        declared = re.finditer(r"^@prefix ([^:]*): <([^>]*)> \.$", self.prelude, re.MULTILINE)
        self.prefixes = [(m[1], m[2]) for m in declared]
        self.has_prefix = re.compile("|".join(re.escape(base) for _, base in self.prefixes)).match
        self.iri: Callable[[str], str] = lru_cache(maxsize=1 << 14)(self._iri)
        # where the review's own IRIs start; "bare" if no IRI starting so can take a prefix
        self.graph_base, self.review_base, self.extraction_base, self.claim_base = (
            make("\0").partition("\0")[0]
            for make in (review_graph_iri, review_iri, extraction_iri, partial(claim_iri, number=1)))
        self.base_parts = {base: _parts(base) for base in (
            self.graph_base, self.review_base, self.extraction_base, self.claim_base)}
        self.bare = {base for base in self.base_parts
                     if not any(base.startswith(p) or p.startswith(base) for _, p in self.prefixes)}
        self.false = self.literal("false", _XSD_BOOLEAN)
        self.agents: dict[tuple[str, str], tuple[str, str]] = {}
        self.software: dict[str, tuple[str, str]] = {}
        self.claims: dict[tuple[Any, ...], _ClaimEntry] = {}
        self.works: dict[tuple[Any, ...], str] = {}
        self.numbered: dict[int, str] = {}  # claim number -> what claim_iri puts after the review id

        def template(types: tuple[str, ...], predicates: tuple[str, ...], fields: int) -> str:
            return self._template(types, predicates).format(*(f"{{{n}}}" for n in range(fields)))

        self.graph = template((T["wg:ReviewGraph"], T["prov:Entity"]), (
            T["prov:wasDerivedFrom"], T["prov:wasGeneratedBy"], T["prov:generatedAtTime"],
            T["prov:wasAttributedTo"]), 5)
        self.extraction = template((T["wg:Extraction"], T["prov:Activity"]), (
            T["wg:extractionMethod"], T["prov:wasAssociatedWith"], T["prov:endedAtTime"]), 4)
        review = (T["schema:itemReviewed"], T["schema:url"], T["schema:author"], T["schema:publisher"],
                  T["schema:datePublished"], T["wg:retrievedOn"], T["wg:textSha256"])
        self.reviews = (template((T["wg:Review"],), review, 8),
                        template((T["wg:Review"],), (*review, T["schema:reviewRating"]), 9))
        # {1} exact, {2} start, {3} end, {4} prefix, {5} suffix; prefix and suffix only when there is text
        self.selectors = {}
        for prefix in (False, True):
            for suffix in (False, True):
                predicates = (T["oa:exact"], T["oa:start"], T["oa:end"]) + (
                    (T["oa:prefix"],) if prefix else ()) + ((T["oa:suffix"],) if suffix else ())
                fields = ("{1}", "{2}", "{3}") + (("{4}",) if prefix else ()) + (("{5}",) if suffix else ())
                types = (T["oa:TextQuoteSelector"], T["oa:TextPositionSelector"])
                self.selectors[prefix, suffix] = self._template(types, predicates).format("{0}", *fields)

    def _iri(self, iri: str) -> str:
        if self.has_prefix(iri):
            for name, base in self.prefixes:  # the first prefix whose local part is a valid name
                if iri.startswith(base):
                    local = iri[len(base):]
                    if not local:
                        return name + ":"
                    escaped = _local_name(local)
                    if escaped is not None:
                        return f"{name}:{escaped}"
        return f"<{iri}>"

    def literal(self, value: str, datatype: str = "") -> str:
        if not datatype:
            return _quoted(value)
        inline = _INLINE.get(datatype)
        if inline is not None and inline(value):
            return value
        return _quoted(value) + "^^" + self.iri(datatype)

    def _template(self, types: tuple[str, ...], predicates: tuple[str, ...]) -> str:
        """A block: ``{0}`` the subject, ``{n}`` the object of the n-th predicate, in reviews._sorted's
        order (rdf:type first, then by the predicate's N-Triples form)."""
        if len(set(predicates)) != len(predicates) or _RDF_TYPE in predicates:
            raise _Unusual("two objects for one predicate")
        lines = ["a " + " , ".join(self.iri(t) for t in sorted(types, key=_subject_key))] if types else []
        for n, predicate in sorted(enumerate(predicates, 1), key=lambda item: f"<{item[1]}>"):
            lines.append(f"{self.iri(predicate)} {{{n}}}")
        return "\t{0} " + " ;\n\t\t".join(lines) + " .\n"

    def block(self, subject: str, types: tuple[str, ...], pairs: list[tuple[str, str]]) -> str:
        """The block of ``subject``: its types and (predicate, object in Turtle) pairs."""
        template = self._template(types, tuple(p for p, _ in pairs))
        return template.format(self.iri(subject), *(o for _, o in pairs))

    def agent(self, name: str, kind: str) -> tuple[str, str]:
        found = self.agents.get((name, kind))
        if found is None:
            iri = agent_iri(slugify(name) or "unknown")
            found = self.agents[(name, kind)] = iri, self.block(
                iri, (_T["prov:Agent"], kind), [(_RDFS_LABEL, _quoted(name))])
        return found

    def review(self, item: SynthReview) -> bytes:
        T, iri, literal = _T, self.iri, self.literal
        rid, text, prov = item.review_id, item.text, item.provenance
        own = _Own(self, rid)
        blocks: list[tuple[tuple[Any, ...], str]] = []  # (sort key, block) of the review's own subjects
        shared: dict[str, str] = {}  # subject -> block, for the subjects that recur across reviews
        relabelled: set[str] = set()  # unreconciled people and characters: the first name given wins

        def put(subject: str, block: str, relabel: bool = False) -> None:
            old = shared.setdefault(subject, block)
            if old != block and not (relabel and subject in relabelled):
                raise _Unusual(subject)
            if relabel:
                relabelled.add(subject)

        work_iri = str(item.extraction["film"]["iri"])
        graph_t, graph_key = own(self.graph_base)
        review_t, review_key = own(self.review_base)
        rating_t, rating_key = own(self.review_base, "/rating")
        extraction_t, extraction_key = own(self.extraction_base)
        added_at = literal(prov["added_at"], _XSD_DATETIME)
        editor, editor_block = self.agent(prov["added_by"], T["schema:Person"])
        author, author_block = self.agent(prov["author"], T["schema:Person"])
        publisher, publisher_block = self.agent(prov["publisher"], T["schema:Organization"])
        put(editor, editor_block)
        put(author, author_block)
        put(publisher, publisher_block)
        version = prov["extractor_version"]
        software = self.software.get(version)
        if software is None:
            node = agent_iri(slugify(f"wickgraph-extractor-{version}"))
            software = self.software[version] = node, self.block(
                node, (T["prov:Agent"], T["prov:SoftwareAgent"]),
                [(_RDFS_LABEL, _quoted(f"wickgraph extractor {version}")),
                 (T["schema:softwareVersion"], _quoted(version))])
        put(*software)
        blocks.append((graph_key, self.graph.format(graph_t, review_t, extraction_t, added_at, iri(editor))))
        blocks.append((extraction_key, self.extraction.format(
            extraction_t, _quoted(prov["method"]), iri(software[0]), added_at)))

        work_facts: dict[str, str] = {}
        has_rating = False
        size = len(text)
        for n, claim in enumerate(item.extraction["claims"], 1):
            kind = claim["type"]
            quote, start, end = claim["evidence"], claim["start"], claim["end"]
            if text[start:end] != quote:  # reviews looks for a quote whose offsets are off
                start = text.find(quote)
                end = start + len(quote)
            claim_suffix = self.numbered.get(n)
            if claim_suffix is None:
                claim_suffix = self.numbered[n] = claim_iri("\0", n).partition("\0")[2]
            claim_t, claim_key = own(self.claim_base, claim_suffix)
            selector_t, selector_key = own(self.claim_base, claim_suffix + "/evidence")
            blocks.append((selector_key, self.selectors[start > 0, end < size].format(
                selector_t, _quoted(quote), start, end, _quoted(text[max(0, start - _CONTEXT):start]),
                _quoted(text[end:end + _CONTEXT]))))
            status = str(claim.get("status") or "unknown")
            values = tuple(map(claim.get, _CLAIM_FIELDS[kind]))
            key = (work_iri, kind, status, values, tuple(map(type, values)))  # 1 and 1.0 are other literals
            entry = self.claims.get(key)
            if entry is None:
                if len(self.claims) >= _CACHE_SIZE:
                    self.claims.clear()
                entry = self.claims[key] = self._claim(work_iri, kind, status, claim)
            template, side_blocks, work_fact, rating = entry
            blocks.append((claim_key, template.format(claim_t, review_t, selector_t, rating_t)))
            for side in side_blocks:
                put(*side)
            if work_fact is not None and work_facts.setdefault(*work_fact) != work_fact[1]:
                raise _Unusual("two values for one fact of the work")
            if rating is not None:
                if has_rating:
                    raise _Unusual("a second rating")
                has_rating = True
                blocks.append((rating_key, rating.format(rating_t)))

        if work_facts:
            facts = (work_iri, *work_facts.items())
            work_block = self.works.get(facts)
            if work_block is None:
                if len(self.works) >= _CACHE_SIZE:
                    self.works.clear()
                work_block = self.works[facts] = self.block(work_iri, (), list(work_facts.items()))
            put(work_iri, work_block)
        blocks.append((review_key, self.reviews[has_rating].format(
            review_t, iri(work_iri), self._iri(prov["url"]), iri(author), iri(publisher),
            literal(prov["published"], _XSD_DATE), literal(prov["retrieved"], _XSD_DATE),
            _quoted(prov["text_sha256"]), rating_t)))
        blocks += [(_subject_key(subject), block) for subject, block in shared.items()]
        blocks.sort()  # the keys differ (each ends with its subject), so blocks themselves are never compared
        body = [block for _, block in blocks]
        return "".join([self.prelude, graph_t, " {\n", *body, "}\n"]).encode("utf-8")

    def _claim(self, work_iri: str, kind: str, status: str, claim: dict[str, Any]) -> _ClaimEntry:
        """What a claim adds: its block as a template (``{0}`` the claim, ``{1}`` the review, ``{2}`` the
        evidence, ``{3}`` the rating); the blocks of the people, characters, performance and reprise it
        names, with whether the first name given wins; what it says about the work; the rating's template."""
        T, iri = _T, self.iri
        work = iri(work_iri)
        work_slug = _slug_of(work_iri)
        pairs = [(T["wg:claimedIn"], "{1}"), (T["wg:aboutWork"], _brace(work)),
                 (T["wg:status"], _brace(_quoted(status))), (T["wg:evidence"], "{2}")]
        side: list[tuple[str, str, bool]] = []
        work_fact = rating = None

        def unreconciled(node: str, cls: str, name: str) -> str:
            side.append((node, self.block(node, (cls,), [
                (_RDFS_LABEL, _quoted(name)), (T["wg:reconciled"], self.false)]), True))
            return node

        def person(key: str) -> str:
            node = claim.get(f"{key}_iri")
            if node:
                return str(node)
            name = str(claim[key])
            return unreconciled(person_iri(slugify(name)), T["wg:Person"], name)

        if kind in ("director", "writer"):
            node = iri(person("person"))
            pairs.append((T["wg:claimedPerson"], _brace(node)))
            work_fact = (T["wg:director"] if kind == "director" else T["wg:writer"]), node
        elif kind in ("cast", "reprise"):
            actor = person("actor")
            pairs.append((T["wg:claimedPerson"], _brace(iri(actor))))
            character: str | None = claim.get("character_iri")
            name = claim.get("character")
            if not character and name:
                character = unreconciled(character_iri(slugify(str(name))), T["wg:Character"], str(name))
            from_work = claim.get("from_film_iri") if kind == "reprise" else None
            if from_work:
                pairs.append((T["wg:claimedFromWork"], _brace(iri(str(from_work)))))
            if character:
                character = str(character)
                pairs.append((T["wg:claimedCharacter"], _brace(iri(character))))
                if name:
                    pairs.append((T["wg:claimedCharacterName"], _brace(_quoted(str(name)))))
                character_slug, actor_slug = _slug_of(character), _slug_of(actor)
                performance = performance_iri(work_slug, character_slug, actor_slug)
                pairs.append((T["wg:assertsPerformance"], _brace(iri(performance))))
                roles = [(T["wg:actor"], iri(actor)), (T["wg:character"], iri(character)),
                         (T["wg:work"], work)]
                side.append((performance, self.block(performance, (T["wg:Performance"],), roles), False))
                if kind == "reprise":
                    reprise = reprise_iri(work_slug, character_slug, actor_slug)
                    roles += [(T["wg:performance"], iri(performance)), (T["wg:inferred"], self.false)]
                    if from_work:
                        roles.append((T["wg:fromWork"], iri(str(from_work))))
                    side.append((reprise, self.block(reprise, (T["wg:Reprise"],), roles), False))
        elif kind == "franchise_member":
            franchise = claim.get("franchise_iri")
            if not franchise:
                slug = slugify(str(claim.get("franchise") or "john-wick"))
                franchise = franchise_iri("john-wick" if slug in ("john-wick", "wick-verse", "") else slug)
            pairs.append((T["wg:claimedFranchise"], _brace(iri(str(franchise)))))
            work_fact = T["wg:partOfFranchise"], iri(str(franchise))
        elif kind == "release_year":
            year = self.literal(str(claim["year"]), _XSD_INTEGER)
            pairs.append((T["wg:claimedYear"], _brace(year)))
            work_fact = T["wg:releaseYear"], year
        elif kind == "rating":
            pairs.append((T["wg:claimedRating"], "{3}"))
            rating = self._rating(claim.get("value"), claim.get("scale"), claim.get("normalized"))
        template = self._template((_CLAIM_CLASS[kind],), tuple(p for p, _ in pairs)).format(
            "{0}", *(o for _, o in pairs))
        return template, tuple(side), work_fact, rating

    def _rating(self, value: Any, scale: Any, normalized: Any) -> str:
        """``reviews._rating`` as a template (``{0}`` the rating)."""
        T = _T
        numeric_scale = isinstance(scale, (int, float)) and not isinstance(scale, bool)
        pairs = []
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            pairs.append((T["schema:ratingValue"], self.literal(*_number(value))))
            if normalized is None and numeric_scale and scale:
                normalized = round(float(value) / float(scale), 4)
        else:
            pairs.append((T["schema:ratingValue"], _quoted(str(value))))
        if numeric_scale:
            pairs.append((T["schema:bestRating"], self.literal(*_number(scale))))
        scale_text = str(int(scale)) if isinstance(scale, float) and scale.is_integer() else str(scale)
        pairs.append((T["wg:ratingScale"], _quoted(scale_text)))
        if isinstance(normalized, (int, float)) and not isinstance(normalized, bool) and 0 <= normalized <= 1:
            pairs.append((T["wg:normalizedRating"], self.literal(*_number(round(float(normalized), 4)))))
        return self._template((T["wg:Rating"],), tuple(p for p, _ in pairs)).format(
            "{0}", *(_brace(o) for _, o in pairs))


@lru_cache(maxsize=1)
def _trig_writer() -> _TriGWriter:
    return _TriGWriter()


def fast_review_graph(item: SynthReview) -> bytes:
    """:func:`review_graph`'s bytes, written from strings (many times faster: what :func:`synth` writes)."""
    try:
        return _trig_writer().review(item)
    except _Unusual:
        return review_graph(item)


_WORKER: dict[str, Any] = {}


def _init_worker(catalog: Catalog, out_dir: Path, seed: int, texts: bool) -> None:
    """Set up a worker with the parent's catalog (no worker reads the reference facts again)."""
    _WORKER.update(catalog=catalog, out_dir=str(out_dir), seed=seed, texts=texts)


def _write(path: str, data: bytes) -> None:
    # os calls: Path.write_bytes / write_text cost about twice as much a file, which shows now that
    # writing the graph itself is cheap
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _write_chunk(indices: range) -> tuple[int, int, int, int, int]:
    """Write reviews ``indices`` (in a worker); return reviews, claims, contradicted, unreconciled, bytes."""
    catalog, out_dir, seed, texts = _WORKER["catalog"], _WORKER["out_dir"], _WORKER["seed"], _WORKER["texts"]
    reviews_dir, texts_dir = f"{out_dir}/reviews/", f"{out_dir}/texts/"
    claims = contradicted = unreconciled = size = 0
    for index in indices:
        item = review(catalog, index, seed)
        data = fast_review_graph(item)
        _write(f"{reviews_dir}{item.review_id}.trig", data)
        if texts:
            _write(f"{texts_dir}{item.review_id}.txt", item.text.encode("utf-8"))
        claims += len(item.extraction["claims"])
        contradicted += item.provenance["contradicted"]
        unreconciled += item.provenance["unreconciled"]
        size += len(data)
    return len(indices), claims, contradicted, unreconciled, size


def synth(
    out_dir: Path,
    reviews: int,
    *,
    seed: int = 0,
    texts: bool = False,
    data_dir: Path | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> SynthReport:
    """Write ``out_dir/reference/`` (copied) and ``out_dir/reviews/<id>.trig`` for ``reviews`` reviews.

    With ``texts``, also ``out_dir/texts/<id>.txt``. ``out_dir`` must be empty or absent
    (a synthetic folder is never mixed with other files). The output does not depend on
    ``workers`` (default: one per core; each review depends only on the seed and its number).
    """
    import time

    started = time.perf_counter()
    if reviews < 0:
        raise InputError(f"--reviews {reviews}: give a number of reviews, 0 or more")
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise InputError(f"{out_dir}: not empty; synth writes a new data folder (give a new --out)")
    catalog = load_catalog(data_dir)
    (out_dir / "reference").mkdir(parents=True, exist_ok=True)
    for path in catalog.reference_files:
        shutil.copyfile(path, out_dir / "reference" / path.name)
    (out_dir / "reviews").mkdir()
    if texts:
        (out_dir / "texts").mkdir()
    report = SynthReport(out_dir=out_dir)
    size = max(1, min(2000, reviews // 50))
    chunks = [range(i, min(i + size, reviews)) for i in range(0, reviews, size)]
    count = workers if workers is not None else (os.cpu_count() or 1)
    _trig_writer()  # set up once here, so forked workers inherit it
    if count <= 1 or len(chunks) <= 1:
        _init_worker(catalog, out_dir, seed, texts)
        results: Iterator[tuple[int, int, int, int, int]] = map(_write_chunk, chunks)
        pool = None
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(count, initializer=_init_worker, initargs=(catalog, out_dir, seed, texts))
        results = pool.map(_write_chunk, chunks)
    try:
        for written, claims, contradicted, unreconciled, size_bytes in results:
            report.reviews += written
            report.claims += claims
            report.contradicted += contradicted
            report.unreconciled += unreconciled
            report.bytes += size_bytes
            if progress:
                progress("synth", report.reviews, reviews)
    finally:
        if pool is not None:
            pool.shutdown()
    report.texts = report.reviews if texts else 0
    report.seconds = time.perf_counter() - started
    return report
