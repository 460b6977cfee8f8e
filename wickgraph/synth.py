"""Synthetic data for benchmarks: the reference facts plus N review graphs, deterministically.

:func:`synth` writes a data folder that ``wickgraph build`` loads like the real one:
``reference/`` (a copy of the project's reference facts) and ``reviews/<id>.trig``, one
review graph per synthetic review, written by the review-graph writer (:mod:`wickgraph.reviewgraph`)
exactly as ``wickgraph add`` writes it (:func:`review_graph`). With ``texts=True`` it also writes
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
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError
from .namespaces import SYNTHETIC_REVIEWS, franchise_iri, person_iri, slugify
from .reviewgraph import Provenance, review_trig
from .synthcatalog import Catalog, load_catalog

__all__ = ["Catalog", "SynthReport", "SynthReview", "generate", "load_catalog", "provenance_of", "review",
           "review_graph", "synth"]

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
EXTRACTOR_VERSION = __version__  # the package's, as `add` records it (pyproject.toml holds the one copy)

_FIRST = ("Mara", "Tobias", "Ines", "Kofi", "Lena", "Dario", "Yuki", "Sven", "Amara", "Ruben", "Noor", "Caspar",
          "Elif", "Joaquin", "Priya", "Matteo", "Ingrid", "Tariq", "Selma", "Oskar", "Nadia", "Felix", "Rosa",
          "Anton", "Leila", "Bruno", "Hana", "Emil", "Zara", "Viktor")
_LAST = ("Quillfeather", "Okonkwo", "Varga", "Lindqvist", "Moreau", "Castellanos", "Takeda", "Brandt", "Oyelaran",
         "Petrov", "Haddad", "Novak", "Sorensen", "Ferreira", "Kaminski", "Adeyemi", "Rossi", "Halvorsen",
         "Mendoza", "Delacroix", "Nakamura", "Abernathy", "Szabo", "Whitlock", "Ibarra")
_NEW_ROLES = ("the Sommelier", "the Tracker", "Lady Vesna", "the Cartographer", "Brother Ilya", "the Courier",
              "Madame Orlova", "the Armorer", "Kestrel", "the Notary", "Inspector Hale", "the Ferryman")
_CRITICS = tuple(f"{first} {last}" for first in _FIRST[:12] for last in _LAST[12:20])
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
    url = f"{SYNTHETIC_REVIEWS}{slugify(publisher)}/{seed}/{index}"
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


def provenance_of(item: SynthReview) -> Provenance:
    """A synthetic review's provenance as the review-graph writer takes it."""
    prov = item.provenance
    return Provenance(
        url=prov["url"], author=prov["author"], publisher=prov["publisher"],
        published=date.fromisoformat(prov["published"]), retrieved=date.fromisoformat(prov["retrieved"]),
        added_by=prov["added_by"], added_at=datetime.fromisoformat(prov["added_at"]),
        method=prov["method"], extractor_version=prov["extractor_version"],
    )


def review_graph(item: SynthReview) -> bytes:
    """The TriG file of one synthetic review, written by the review-graph writer as ``add`` writes it."""
    return review_trig({**item.extraction, "text": item.text}, provenance_of(item))


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
        data = review_graph(item)
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
    try:
        (out_dir / "reference").mkdir(parents=True, exist_ok=True)
        for path in catalog.reference_files:
            shutil.copyfile(path, out_dir / "reference" / path.name)
        (out_dir / "reviews").mkdir()
        if texts:
            (out_dir / "texts").mkdir()
    except OSError as error:
        raise InputError(f"{out_dir}: cannot write here: {error.strerror or error}") from None
    report = SynthReport(out_dir=out_dir)
    size = max(1, min(2000, reviews // 50))
    chunks = [range(i, min(i + size, reviews)) for i in range(0, reviews, size)]
    count = workers if workers is not None else (os.cpu_count() or 1)
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
    except OSError as error:  # the disk filled up, or the folder went away
        raise InputError(f"{out_dir}: cannot write here: {error.strerror or error}") from None
    finally:
        if pool is not None:
            pool.shutdown()
    report.texts = report.reviews if texts else 0
    report.seconds = time.perf_counter() - started
    return report
