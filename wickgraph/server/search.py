"""Finding works, people and characters by any of their names: prefix, case- and accent-insensitive.

The index is built once per store object from ``sparql/pages/search-labels.rq`` (a few
thousand names) and answers in microseconds.

>>> fold("Saïd TAGHMAOUI")
'said taghmaoui'
>>> index = LabelIndex([("https://w3id.org/wickgraph/id/character/winston-scott", "Character", "Winston",
...                      "Winston Scott")])
>>> [hit.label for hit in index.find("scott")]
['Winston']
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from ..store import Store
from .lookup import page_path, page_sparql, select, short_type

__all__ = ["Hit", "LabelIndex", "fold", "index_for"]

KIND_ORDER = {"work": 0, "person": 1, "character": 2}
_KINDS = {"Film": "work", "TVSeries": "work", "Episode": "work", "VideoGame": "work",
          "Person": "person", "Character": "character"}


def fold(text: str) -> str:
    """Lower case without accents, for matching."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Hit:
    """One resource found: its IRI, page, label, kind (work, person, character) and the name matched."""

    iri: str
    url: str
    label: str
    kind: str
    matched: str


@dataclass(frozen=True)
class _Name:
    iri: str
    label: str
    kind: str
    name: str
    folded: str
    starts: tuple[int, ...]  # where each word of the folded name starts


class LabelIndex:
    """Every name of every work, person and character, searchable by prefix of the name or of a word."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        names: dict[tuple[str, str], _Name] = {}
        for iri, type_name, label, name in rows:
            kind = _KINDS.get(type_name)
            if kind is None or (iri, name) in names:
                continue
            folded = fold(name)
            starts = tuple(m.start() for m in re.finditer(r"[^\W_]+", folded))
            names[(iri, name)] = _Name(iri, label, kind, name, folded, starts)
        self._names = list(names.values())

    def find(self, query: str, limit: int = 10) -> list[Hit]:
        """Resources with a name that starts with ``query``, or a word of it that does; best first."""
        wanted = fold(query).strip()
        if not wanted:
            return []
        best: dict[str, tuple[tuple[int, int, int, str], _Name]] = {}
        for name in self._names:
            if name.folded == wanted:
                rank = 0
            elif name.folded.startswith(wanted):
                rank = 1
            elif any(name.folded.startswith(wanted, start) for start in name.starts):
                rank = 2
            else:
                continue
            key = (rank, KIND_ORDER[name.kind], len(name.label), name.label)
            if name.iri not in best or key < best[name.iri][0]:
                best[name.iri] = (key, name)
        ranked = sorted(best.values(), key=lambda item: item[0])[:limit]
        return [Hit(n.iri, page_path(n.iri) or n.iri, n.label, n.kind, n.name) for _, n in ranked]


_INDEXES: weakref.WeakKeyDictionary[Store, LabelIndex] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def index_for(store: Store) -> LabelIndex:
    """The label index of ``store``, built on first use and kept while the store object lives."""
    with _LOCK:
        index = _INDEXES.get(store)
        if index is None:
            rows = select(store, page_sparql("search-labels"))
            index = LabelIndex((r["resource"], short_type(r["class"]), r["label"], r["name"]) for r in rows)
            _INDEXES[store] = index
        return index
