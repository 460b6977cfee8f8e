"""The reference index: what ``graph:reference`` says about works, people, characters and roles.

:class:`Reference` is read once per process from the reference graph with the SPARQL files
``wickgraph/sparql/reference/*.rq``, either from a wickgraph :class:`~wickgraph.store.Store`
that already holds the graph or from ``data/reference/franchise.ttl`` loaded into an in-memory
pyoxigraph store. The extractor links names with it; claim kinds (:mod:`wickgraph.claimkinds`)
decide a claim's status with it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import sparql
from .errors import InputError
from .namespaces import REFERENCE_GRAPH, WG

__all__ = ["CharacterFacts", "PersonFacts", "Reference", "WorkFacts", "character_key", "default_reference",
           "normalize_name"]

_KINDS = {str(WG.Film): "film", str(WG.TVSeries): "tv_series", str(WG.VideoGame): "video_game",
          str(WG.Person): "person", str(WG.Character): "character", str(WG.Franchise): "franchise"}
# Credits that name the author of the source material, not of the screenplay.
_SOURCE_CREDIT = re.compile(r"\bbased on\b|\bcharacters? (created )?by\b", re.IGNORECASE)


@lru_cache(maxsize=8192)  # pure, and asked for the same few hundred names again for every review
def normalize_name(name: str | None) -> str:
    """Comparable form of a name: ASCII, lower case, no possessive, no leading "the"."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u2018", "'"))
    text = text.encode("ascii", "ignore").decode().lower()
    text = re.sub(r"'s\b", "", text).replace("'", "")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def character_key(name: str | None) -> str:
    """How conflicts compare an unreconciled character's name: lower case, without a leading "the ".

    The same as ``LCASE`` and the ``STRSTARTS(..., "the ")`` test in ``queries/conflicts.rq``, so the
    query and :func:`claim_status` agree ("The Director" = "the director" = "Director"). Looser forms
    (accents, punctuation) are the gazetteer's business: a name it resolves is compared by IRI.
    """
    if not name:
        return ""
    key = name.lower()
    return key.removeprefix("the ")


@dataclass(frozen=True)
class WorkFacts:
    """What the reference says about one work."""

    iri: str
    title: str
    kind: str
    release_year: int | None
    in_franchise: bool
    release_date: str = ""  # ISO date or year-month, for ordering works released in the same year
    directors: frozenset[str] = frozenset()
    writers: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonFacts:
    """A person's label and alias forms (surnames, spelling variants)."""

    iri: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CharacterFacts:
    """A character's label, full name and aliases, plus names that are *not* its name."""

    iri: str
    name: str
    names: tuple[str, ...] = ()          # label, full name, aliases
    wrong_names: tuple[str, ...] = ()    # pre-release and disputed names
    description: str = ""                # what the character is: "Santino's mute enforcer."

    def has_name(self, name: str) -> bool:
        """True when ``name`` is one of this character's names (label, full name, alias), by :func:`character_key`."""
        key = character_key(name)
        return bool(key) and any(character_key(n) == key for n in (self.name, *self.names))


@dataclass
class Reference:
    """An index of the reference facts: works, people, characters, performances, credits."""

    works: dict[str, WorkFacts] = field(default_factory=dict)
    people: dict[str, PersonFacts] = field(default_factory=dict)
    characters: dict[str, CharacterFacts] = field(default_factory=dict)
    performances: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # work -> (actor, character)
    false_claims: list[dict[str, Any]] = field(default_factory=list)
    franchise_iri: str | None = None
    franchise_name: str = "John Wick"
    franchise_names: tuple[str, ...] = ()

    # -- loading ---------------------------------------------------------------------

    @classmethod
    def from_store(cls, store: Any) -> Reference:
        """Build the index from a store holding ``graph:reference`` (wickgraph Store or pyoxigraph Store)."""
        return cls._from_rows(lambda name: _select(store, name))

    @classmethod
    def from_file(cls, path: str | Path) -> Reference:
        """Index a reference Turtle file: its query rows from the cache when the file and the queries are unchanged,
        else the file loaded into an in-memory store (as ``graph:reference``) and queried (rows then cached)."""
        from . import cache

        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read the reference graph: {error}", filename=str(path)) from None
        # the rows depend on the file's bytes and the queries' text, nothing else (the index is built from them)
        queries = sorted((sparql.FOLDER / "reference").glob("*.rq"))
        key: cache.Key = (data, *(f"{q.name}\n{q.read_text(encoding='utf-8')}" for q in queries))
        rows = cache.read(_ROWS_ENTRY, key)
        if not isinstance(rows, dict):
            store = ox.Store()
            try:
                store.load(input=data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(REFERENCE_GRAPH)))
            except SyntaxError as error:
                raise InputError(f"cannot read the reference graph: {error}", filename=str(path)) from None
            rows = {f"reference/{q.stem}": _select(store, f"reference/{q.stem}") for q in queries}
            cache.write(_ROWS_ENTRY, key, rows)
        return cls._from_rows(lambda name: rows[name])

    @classmethod
    def _from_rows(cls, select: Any) -> Reference:
        ref = cls()
        names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        kinds: dict[str, str] = {}
        for row in select("reference/names"):
            entity, kind = row["entity"], _KINDS.get(row["kind"], "")
            kinds[entity] = kind
            names[entity][row["form"].rsplit("#", 1)[-1]].append(row["name"])
        directors: dict[str, set[str]] = defaultdict(set)
        writers: dict[str, set[str]] = defaultdict(set)
        for row in select("reference/credits"):
            if (row.get("credited") or "true").lower() == "false":
                continue
            if row["role"] == "director":
                directors[row["work"]].add(row["person"])
            elif row["role"] == "writer" and not _SOURCE_CREDIT.search(row.get("note") or ""):
                writers[row["work"]].add(row["person"])
        for row in select("reference/works"):
            work = row["work"]
            forms = names.get(work, {})
            year = row.get("year")
            ref.works[work] = WorkFacts(
                iri=work, title=row["title"], kind=_KINDS.get(row["kind"], "film"),
                release_year=int(year) if year else None, in_franchise=bool(row.get("franchise")),
                release_date=row.get("date") or "",
                directors=frozenset(directors[work]), writers=frozenset(writers[work]),
                names=tuple(dict.fromkeys([*forms.get("label", []), *forms.get("alias", [])])),
            )
        for entity, kind in kinds.items():
            forms = names[entity]
            label = (forms.get("label") or [""])[0]
            if kind == "person":
                ref.people[entity] = PersonFacts(entity, label, tuple(dict.fromkeys(forms.get("alias", []))))
            elif kind == "character":
                ref.characters[entity] = CharacterFacts(
                    entity, label, tuple(dict.fromkeys([*forms.get("label", [])[1:], *forms.get("fullName", []),
                                                        *forms.get("alias", [])])),
                    tuple(dict.fromkeys([*forms.get("preReleaseName", []), *forms.get("disputedName", [])])),
                    (forms.get("comment") or [""])[0],
                )
            elif kind == "franchise":
                ref.franchise_iri, ref.franchise_name = entity, label or ref.franchise_name
                ref.franchise_names = tuple(forms.get("alias", []))
        for row in select("reference/performances"):
            ref.performances.setdefault(row["work"], []).append((row["actor"], row["character"]))
        for row in select("reference/false-claims"):
            ref.false_claims.append(row)
        return ref

    # -- questions -------------------------------------------------------------------

    def cast_of(self, work: str | None) -> list[tuple[str, str]]:
        """(actor, character) pairs of a work's performances."""
        return self.performances.get(work or "", [])

    @cached_property
    def regulars(self) -> frozenset[str]:
        """People the reference connects to at least three works ("Reeves", "McShane"), worked out once."""
        counts = Counter(person for work in self.works for person in self.people_of(work))
        return frozenset(person for person, works in counts.items() if works >= 3)

    def people_of(self, work: str | None) -> set[str]:
        """Everyone the reference connects to a work: cast, directors, writers."""
        facts = self.works.get(work or "")
        people = {actor for actor, _ in self.cast_of(work)}
        if facts:
            people |= facts.directors | facts.writers
        return people

    def falsely_credited(self, work: str | None) -> frozenset[str]:
        """People a known false claim about ``work`` names ("Leitch directed the first film"): a review may name
        them by surname alone, as it names the work's own people."""
        return self._falsely_credited.get(work or "", frozenset())

    @cached_property
    def _falsely_credited(self) -> dict[str, frozenset[str]]:
        names = {person.iri: normalize_name(person.name) for person in self.people.values()}
        values: dict[str, list[str]] = defaultdict(list)
        for row in self.false_claims:
            if row.get("value"):
                values[row.get("work", "")].append(normalize_name(row["value"]))
        return {work: frozenset(iri for iri, name in names.items() if any(name in value for value in claimed))
                for work, claimed in values.items()}

    def earlier_works(self, work: str | None) -> list[str]:
        """Works released before ``work`` (by release year), latest first."""
        facts = self.works.get(work or "")
        if not facts or facts.release_year is None:
            return []
        def when(w: WorkFacts) -> tuple[int, str]:
            return (w.release_year or 0, w.release_date)

        earlier = [w for w in self.works.values() if w.release_year is not None and w.iri != work
                   and when(w) < when(facts)]
        return [w.iri for w in sorted(earlier, key=when, reverse=True)]

    def false_claim_truth(self, work: str | None, value: object) -> str | None:
        """The ``wg:truth`` of a known false claim about ``work`` whose false value matches ``value``."""
        key = normalize_name(str(value))
        for row in self.false_claims:
            if row.get("work") == work and row.get("value") and normalize_name(row["value"]) == key:
                return row.get("truth")
        return None

    def character_matches(self, character_iri: str | None, name: str | None, target: str) -> bool:
        """Whether a claimed character (IRI and/or name) is the reference character ``target``.

        A reference character (reconciled) is compared by IRI only; any other by its name.
        """
        if character_iri and (character_iri == target or character_iri in self.characters):
            return character_iri == target
        facts = self.characters.get(target)
        return bool(facts and name and facts.has_name(name))


_ROWS_ENTRY = "reference-rows"
"""The cache entry (:mod:`wickgraph.cache`) of the reference queries' rows on the last reference file indexed."""


def _select(store: Any, name: str) -> list[dict[str, str]]:
    """Rows of one ``sparql/reference/*.rq`` query on a wickgraph Store or a pyoxigraph Store (both have ``query``)."""
    query = sparql.text(name)
    result = store.query(query)
    rows = []
    for solution in result:
        row = {}
        for variable in result.variables:
            term = solution[variable]
            if term is not None:
                row[variable.value] = term.value
        rows.append(row)
    return rows


def _reference_ttl() -> Path:
    from .resources import default_data_dir

    return default_data_dir() / "reference" / "franchise.ttl"


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Reference:
    return Reference.from_file(path)


def default_reference(path: str | Path | None = None) -> Reference:
    """The reference index of ``data/reference/franchise.ttl`` (or ``path``), built once per process."""
    data = os.environ.get("WICKGRAPH_DATA")
    if path is None and _default_loaded.get(data) is not None:
        return _default_loaded[data]  # the call made once per review: no path to resolve, no file to look at again
    target = Path(path) if path is not None else _reference_ttl()
    if not target.is_file():
        raise InputError("no reference graph; generate data/reference/franchise.ttl first", filename=str(target))
    reference = _load_cached(str(target.resolve()))
    if path is None:
        _default_loaded[data] = reference
    return reference


# the default reference, by the $WICKGRAPH_DATA it was found under (None: the checkout's or the bundled data)
_default_loaded: dict[str | None, Reference] = {}
