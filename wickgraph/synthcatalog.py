"""What synthetic reviews are drawn from: the reference graph's works, their cast, credits and known false claims.

:func:`load_catalog` reads ``data/reference/*.ttl`` with ``wickgraph/sparql/synth-catalog.rq``
(:mod:`wickgraph.synth` writes the reviews).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import sparql
from .errors import InputError
from .resources import default_data_dir

__all__ = ["Catalog", "Performance", "Work", "load_catalog"]



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
    result = store.query(sparql.text("synth-catalog"))
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
