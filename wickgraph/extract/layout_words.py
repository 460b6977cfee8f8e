"""The word lists the layout step reads (``layout.json``): column-header words, credit labels and headings.

Each list has an id and a description of the layout phenomenon it covers; the file is validated on
load, and a bad entry raises InputError naming the file and the list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .wordlists import WordLists, load_word_lists

__all__ = ["LAYOUT_FILE", "LayoutWords", "default_layout_words", "load_layout_words"]

LAYOUT_FILE = Path(__file__).resolve().parent / "layout.json"
_REQUIRED = ("header-actor", "header-role", "label-director", "label-writer", "label-both", "label-cast",
             "heading-reprise", "heading-absent")


LayoutWords = WordLists


def _fold_spaces(word: str) -> str:
    return " ".join(word.lower().split())  # "Played  By" and "played by" are one header


def load_layout_words(path: str | Path = LAYOUT_FILE) -> LayoutWords:
    """Read and validate the header and label word lists; a bad entry raises InputError naming the file and id."""
    return load_word_lists(path, _REQUIRED, noun="layout word list", fold=_fold_spaces)


@lru_cache(maxsize=1)
def default_layout_words() -> LayoutWords:
    """The package's layout word lists, loaded once per process."""
    return load_layout_words(LAYOUT_FILE)
