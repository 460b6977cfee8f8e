"""What a learner's or a translator's English carries over from another language, read as plain English.

- Job nouns: "The regisseur is X", "the realisator", "the scenarist", "the script book" (cue lists
  director-loanword, writer-loanword, script-loanword) are written over with the English noun, padded with spaces,
  so every rule that knows "director" or "writer" reads them too.
- Forms of address after a name: "Reeves Keanu-san plays", "Skarsgard Bill-ssi", "Keanu sir", "Halle Berry
  ma'am" are blanked, so the name ends where the English one would.

The view keeps the text's length either way, so offsets do not move.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .links import Cues, default_cues

__all__ = ["with_loanwords_in_english", "without_honorific_suffixes"]

_ENGLISH = {"director-loanword": "director", "writer-loanword": "writer", "script-loanword": "script"}


@lru_cache(maxsize=4)
def _pattern(cues: Cues) -> tuple[re.Pattern[str], dict[str, str]]:
    english = {word: noun for list_id, noun in _ENGLISH.items() for word in cues[list_id] if len(word) >= len(noun)}
    words = sorted(english, key=lambda word: (-len(word), word))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE), english


def with_loanwords_in_english(view: str, cues: Cues | None = None) -> str:
    """``view`` with each job loanword replaced by its English noun, padded to the same length."""
    pattern, english = _pattern(cues or default_cues())
    lower = view.lower()
    if not any(word in lower for word in english):
        return view  # most reviews: plain substring tests, several times cheaper than the case-blind search

    def english_noun(found: re.Match[str]) -> str:
        word = found.group()
        noun = english[word.lower()]
        noun = noun.upper() if word.isupper() else noun.capitalize() if word[0].isupper() else noun
        return noun.ljust(len(word))

    return pattern.sub(english_noun, view)


# a form of address after a name: Japanese or Korean "Keanu-san", "Ian-sama", "Ana-ssi", "Chad-shi"; Indian or
# Nigerian English "Keanu sir", "Halle Berry ma'am", "Amitabh ji" (lower case only: "Sir Ian" is a title before one)
_SUFFIXES = tuple(f"-{word}" for word in ("san", "sama", "chan", "kun", "shi", "ssi", "nim", "sensei")) + tuple(
    f" {word}" for word in ("sir", "ma'am", "ma\u2019am", "madam", "ji", "saab", "sahab", "garu"))
_HONORIFIC_SUFFIX = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])(?:" + "|".join(map(re.escape, _SUFFIXES))
                               + r")\b(?!['\u2019]s)")


def without_honorific_suffixes(view: str) -> str:
    """``view`` with the honorific suffixes after names blanked."""
    if not any(suffix in view for suffix in _SUFFIXES):
        return view  # most reviews: plain substring tests, no search
    return _HONORIFIC_SUFFIX.sub(lambda found: " " * len(found.group()), view)
