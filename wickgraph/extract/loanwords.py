"""A learner's or a translator's job nouns read as the English ones: "The regisseur is X", "the realisator",
"the scenarist", "the script book" (cue lists director-loanword, writer-loanword, script-loanword).

Each loanword is written over with its English noun, padded with spaces, so the view keeps the text's length and
every rule that knows "director" or "writer" reads the loanword too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .links import Cues, default_cues

__all__ = ["with_loanwords_in_english"]

_ENGLISH = {"director-loanword": "director", "writer-loanword": "writer", "script-loanword": "script"}


@lru_cache(maxsize=4)
def _pattern(cues: Cues) -> tuple[re.Pattern[str], dict[str, str]]:
    english = {word: noun for list_id, noun in _ENGLISH.items() for word in cues[list_id] if len(word) >= len(noun)}
    words = sorted(english, key=lambda word: (-len(word), word))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE), english


def with_loanwords_in_english(view: str, cues: Cues | None = None) -> str:
    """``view`` with each job loanword replaced by its English noun, padded to the same length."""
    pattern, english = _pattern(cues or default_cues())
    if pattern.search(view) is None:
        return view

    def english_noun(found: re.Match[str]) -> str:
        word = found.group()
        noun = english[word.lower()]
        noun = noun.upper() if word.isupper() else noun.capitalize() if word[0].isupper() else noun
        return noun.ljust(len(word))

    return pattern.sub(english_noun, view)
