"""The word lists the layout step reads (``layout.json``): column-header words, credit labels and headings.

Each list has an id and a description of the layout phenomenon it covers; the file is validated on
load, and a bad entry raises InputError naming the file and the list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

__all__ = ["LAYOUT_FILE", "LayoutWords", "default_layout_words", "load_layout_words"]

LAYOUT_FILE = Path(__file__).resolve().parent / "layout.json"
_REQUIRED = ("header-actor", "header-role", "label-director", "label-writer", "label-both", "label-cast",
             "heading-reprise", "heading-absent")


@dataclass(frozen=True, eq=False)  # hashed by identity: the label regex is cached per word lists
class LayoutWords:
    """The validated word lists of ``layout.json``, by id (lower case, single spaces)."""

    lists: dict[str, frozenset[str]]

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.lists[key]


def load_layout_words(path: str | Path = LAYOUT_FILE) -> LayoutWords:
    """Read and validate the header and label word lists; a bad entry raises InputError naming the file and id."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read the layout word lists: {error}", filename=str(path)) from None
    if not isinstance(data, list):
        raise InputError("the layout word file must hold a JSON list", filename=str(path))
    lists: dict[str, frozenset[str]] = {}
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise InputError("each layout word list needs an 'id'", filename=str(path))
        list_id = entry["id"]
        if list_id in lists:
            raise InputError(f"duplicate layout word list {list_id!r}", filename=str(path))
        if not isinstance(entry.get("description"), str) or not entry["description"].strip():
            raise InputError(f"layout word list {list_id!r}: missing 'description' of its phenomenon",
                             filename=str(path))
        words = entry.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise InputError(f"layout word list {list_id!r}: 'words' must be a non-empty list of strings",
                             filename=str(path))
        lists[list_id] = frozenset(" ".join(w.lower().split()) for w in words)
    missing = [name for name in _REQUIRED if name not in lists]
    if missing:
        raise InputError(f"missing layout word lists {missing}", filename=str(path))
    return LayoutWords(lists)


@lru_cache(maxsize=1)
def default_layout_words() -> LayoutWords:
    """The package's layout word lists, loaded once per process."""
    return load_layout_words(LAYOUT_FILE)
