"""Claims against the reference facts: the :class:`Reference` index and :func:`claim_status`.

The index is read once per process from the reference graph (``graph:reference``)
with the SPARQL files ``wickgraph/extract/reference_*.rq``, either from a wickgraph
:class:`~wickgraph.store.Store` that already holds the graph or from
``data/reference/franchise.ttl`` loaded into an in-memory pyoxigraph store.

The rules are those of ``docs/graph-model.md`` ("Conflicts"); a claim contradicts the
reference when, for its work:

* cast/reprise: the reference has the actor in the work playing another character and
  the claimed character is not that character, or the reference has the claimed character
  in the work played only by other actors. A claimed character that is a character of the
  reference is that character (compared by IRI); any other (unreconciled) is compared by
  name: its name equals a reference character's label, full name or alias, ignoring case
  and a leading "the " (:func:`character_key`), exactly as ``queries/conflicts.rq`` does;
* release_year: the reference release year differs;
* director/writer: the reference has credited directors (writers) for the work and the
  claimed person (by IRI) is not one of them. Writer credits "based on characters created by"
  are source credits, not screenplay credits, so they do not count as writers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox

from .errors import InputError
from .namespaces import REFERENCE_GRAPH

__all__ = ["CharacterFacts", "PersonFacts", "Reference", "Status", "WorkFacts", "cast_false_claim_truth",
           "character_key", "claim_status", "default_reference", "normalize_name"]

Status = Literal["supported", "contradicted", "unknown"]

_QUERY_DIR = Path(__file__).resolve().parent / "extract"
_WG = "https://w3id.org/wickgraph/ontology#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_KINDS = {f"{_WG}Film": "film", f"{_WG}TVSeries": "tv_series", f"{_WG}VideoGame": "video_game",
          f"{_WG}Person": "person", f"{_WG}Character": "character", f"{_WG}Franchise": "franchise"}
# Credits that name the author of the source material, not of the screenplay.
_SOURCE_CREDIT = re.compile(r"\bbased on\b|\bcharacters? (created )?by\b", re.IGNORECASE)


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
        raw: ox.Store = store.raw if hasattr(store, "raw") else store
        return cls._from_rows(lambda name: _select(raw, name))

    @classmethod
    def from_file(cls, path: str | Path) -> Reference:
        """Load a reference Turtle file into an in-memory store (as ``graph:reference``) and index it."""
        path = Path(path)
        store = ox.Store()
        try:
            store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(REFERENCE_GRAPH)))
        except (OSError, SyntaxError) as error:
            raise InputError(f"cannot read the reference graph: {error}", filename=str(path)) from None
        return cls.from_store(store)

    @classmethod
    def _from_rows(cls, select: Any) -> Reference:
        ref = cls()
        names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        kinds: dict[str, str] = {}
        for row in select("reference_names"):
            entity, kind = row["entity"], _KINDS.get(row["kind"], "")
            kinds[entity] = kind
            names[entity][row["form"].rsplit("#", 1)[-1]].append(row["name"])
        directors: dict[str, set[str]] = defaultdict(set)
        writers: dict[str, set[str]] = defaultdict(set)
        for row in select("reference_credits"):
            if (row.get("credited") or "true").lower() == "false":
                continue
            if row["role"] == "director":
                directors[row["work"]].add(row["person"])
            elif row["role"] == "writer" and not _SOURCE_CREDIT.search(row.get("note") or ""):
                writers[row["work"]].add(row["person"])
        for row in select("reference_works"):
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
                )
            elif kind == "franchise":
                ref.franchise_iri, ref.franchise_name = entity, label or ref.franchise_name
                ref.franchise_names = tuple(forms.get("alias", []))
        for row in select("reference_performances"):
            ref.performances.setdefault(row["work"], []).append((row["actor"], row["character"]))
        for row in select("reference_false_claims"):
            ref.false_claims.append(row)
        return ref

    # -- questions -------------------------------------------------------------------

    def cast_of(self, work: str | None) -> list[tuple[str, str]]:
        """(actor, character) pairs of a work's performances."""
        return self.performances.get(work or "", [])

    def people_of(self, work: str | None) -> set[str]:
        """Everyone the reference connects to a work: cast, directors, writers."""
        facts = self.works.get(work or "")
        people = {actor for actor, _ in self.cast_of(work)}
        if facts:
            people |= facts.directors | facts.writers
        return people

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


def _select(store: ox.Store, name: str) -> list[dict[str, str]]:
    query = (_QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")
    result = store.query(query)
    rows = []
    for solution in result:  # type: ignore[union-attr]
        row = {}
        for variable in result.variables:  # type: ignore[union-attr]
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
    target = Path(path) if path is not None else _reference_ttl()
    if not target.is_file():
        raise InputError("no reference graph; generate data/reference/franchise.ttl first", filename=str(target))
    return _load_cached(str(target.resolve()))


# -- claim status ---------------------------------------------------------------------


def _get(claim: Any, key: str) -> Any:
    if isinstance(claim, Mapping):
        return claim.get(key)
    return getattr(claim, key, None)


def claim_status(claim: Any, reference: Reference, work: str | None = None) -> Status:
    """``supported``, ``contradicted`` or ``unknown``: a claim (a Claim or its JSON dict) against the reference.

    ``work`` is the reviewed work's IRI; by default the claim's own ``work_iri``.
    """
    work = work or _get(claim, "work_iri")
    facts = reference.works.get(work or "")
    if facts is None:
        return "unknown"
    kind = _get(claim, "type")
    if kind in ("director", "writer"):
        credited = facts.directors if kind == "director" else facts.writers
        person = _get(claim, "person_iri")
        if not credited:
            return "unknown"
        return "supported" if person in credited else "contradicted"
    if kind == "release_year":
        year = _get(claim, "year")
        if facts.release_year is None or year is None:
            return "unknown"
        return "supported" if int(year) == facts.release_year else "contradicted"
    if kind == "franchise_member":
        return "supported" if facts.in_franchise else "unknown"
    if kind in ("cast", "reprise"):
        return _cast_status(claim, reference, work or "")
    return "unknown"


def _cast_status(claim: Any, reference: Reference, work: str) -> Status:
    actor = _get(claim, "actor_iri")
    character_iri = _get(claim, "character_iri")
    character = _get(claim, "character")
    cast = reference.cast_of(work)
    actor_roles = [c for a, c in cast if actor and a == actor]
    if character is None and character_iri is None:
        return "supported" if actor_roles else _known_false(claim, reference, work)
    if any(reference.character_matches(character_iri, character, role) for role in actor_roles):
        if _get(claim, "type") == "reprise":
            return _reprise_status(claim, reference, work)
        return "supported"
    if actor_roles:
        return "contradicted"
    played_by_others = [a for a, c in cast if reference.character_matches(character_iri, character, c)]
    return "contradicted" if played_by_others else _known_false(claim, reference, work)


def cast_false_claim_truth(claim: Any, reference: Reference, work: str | None = None) -> str | None:
    """The truth of a known false claim a cast claim repeats ("Keanu Reeves as John Wick" in Hex), or None.

    Known false cast claims carry ``"Actor as Character"`` or ``"Actor"`` as their false values.
    """
    work = work or _get(claim, "work_iri")
    person = reference.people.get(_get(claim, "actor_iri") or "")
    actor = person.name if person else _get(claim, "actor")
    facts = reference.characters.get(_get(claim, "character_iri") or "")
    character = facts.name if facts else _get(claim, "character")
    if not actor:
        return None
    if character:
        truth = reference.false_claim_truth(work, f"{actor} as {character}")
        if truth:
            return truth
    return reference.false_claim_truth(work, actor)


def _known_false(claim: Any, reference: Reference, work: str) -> Status:
    return "contradicted" if cast_false_claim_truth(claim, reference, work) else "unknown"


def _reprise_status(claim: Any, reference: Reference, work: str) -> Status:
    actor, character_iri = _get(claim, "actor_iri"), _get(claim, "character_iri")
    character = _get(claim, "character")
    from_work = _get(claim, "from_film_iri")
    candidates = [from_work] if from_work else reference.earlier_works(work)
    for earlier in candidates:
        for a, c in reference.cast_of(earlier):
            if a == actor and reference.character_matches(character_iri, character, c):
                return "supported"
    return "unknown"
