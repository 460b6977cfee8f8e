"""Word lists as data: a JSON list of ``{"id", "description", "words"}`` entries, validated on load; a list of
another language's words also says what it ``reads_as`` in English.

The extractor's cue lists (``cues.json``) and the layout step's header, label and heading words
(``layout.json``) are both such files; each list names the phenomenon it covers, and a bad entry
raises InputError naming the file and the list.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["WordLists", "load_word_lists"]


@dataclass(frozen=True, eq=False)  # hashed by identity: regexes built from a WordLists are cached per object
class WordLists:
    """Validated word lists, by id."""

    lists: dict[str, frozenset[str]]
    reads_as: dict[str, str] = field(default_factory=dict)  # list id -> the English its words are read as

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.lists[key]


def load_word_lists(path: str | Path, required: Sequence[str], *, noun: str,
                    fold: Callable[[str], str] = str.lower) -> WordLists:
    """Read and validate a word-list file; ``noun`` names a list in messages ("cue list"), ``fold`` each word."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read the {noun}s: {error}", filename=str(path)) from None
    if not isinstance(data, list):
        raise InputError(f"the {noun.removesuffix(' list')} file must hold a JSON list", filename=str(path))
    lists: dict[str, frozenset[str]] = {}
    reads_as: dict[str, str] = {}
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise InputError(f"each {noun} needs an 'id'", filename=str(path))
        list_id = entry["id"]
        if list_id in lists:
            raise InputError(f"duplicate {noun} {list_id!r}", filename=str(path))
        if not isinstance(entry.get("description"), str) or not entry["description"].strip():
            raise InputError(f"{noun} {list_id!r}: missing 'description' of its phenomenon", filename=str(path))
        words = entry.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and fold(w) for w in words):
            raise InputError(f"{noun} {list_id!r}: 'words' must be a non-empty list of strings", filename=str(path))
        lists[list_id] = frozenset(fold(w) for w in words)
        if "reads_as" in entry:
            english = entry["reads_as"]
            if not isinstance(english, str) or any(len(w) < len(english) for w in words):
                raise InputError(f"{noun} {list_id!r}: 'reads_as' must be text no longer than any of its words",
                                 filename=str(path))
            reads_as[list_id] = english
    missing = [name for name in required if name not in lists]
    if missing:
        raise InputError(f"missing {noun}s {missing}", filename=str(path))
    return WordLists(lists, reads_as)
