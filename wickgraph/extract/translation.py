"""What a learner's or a translator's English carries over from another language, read as plain English.

- Words of another language: job nouns ("The regisseur is X", "the scenarist", "the script book") and the phrases
  of a review that switches language mid-sentence ("dirigida por X", "Y, interprété par X", "dans le rôle de Y",
  "reprend son rôle de Y", "sorti en 2017", "la tercera película") are written over with their English, padded
  with spaces, so every rule that knows the English reads them too. Each such cue list names the English it is read
  as (``reads_as``; never longer than its words, so the view keeps its length; "" keeps them as written).
- Forms of address after a name: "Reeves Keanu-san plays", "Skarsgard Bill-ssi", "Keanu sir", "Halle Berry
  ma'am" are blanked, so the name ends where the English one would.

The view keeps the text's length either way, so offsets do not move.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .links import Cues, default_cues

__all__ = ["with_foreign_words_in_english", "without_honorific_suffixes"]


@lru_cache(maxsize=4)
def _pattern(cues: Cues) -> tuple[re.Pattern[str], dict[str, str]]:
    # the view reads a text whose letters are unaccented (``gazetteer.fold``): "rôle" is read as "role"
    english = {_unaccented(word): noun for list_id, noun in cues.reads_as.items() for word in cues[list_id]}
    words = sorted(english, key=lambda word: (-len(word), word))
    # (no word boundary after an elided article: "dans le rôle d'Abram")
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")(?:(?<=['\u2019])|\b)", re.IGNORECASE), english


def _unaccented(word: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return plain.replace("\u2019", "'")


def with_foreign_words_in_english(view: str, cues: Cues | None = None) -> str:
    """``view`` with each word or phrase of another language a cue list knows (a job loanword, "dirigida por",
    "dans le rôle de") replaced by its English, padded to the same length."""
    pattern, english = _pattern(cues or default_cues())
    lower = view.lower()
    if not any(word in lower for word in english):
        return view  # most reviews: plain substring tests, several times cheaper than the case-blind search

    def in_english(found: re.Match[str]) -> str:
        word = found.group()
        noun = english[word.lower()]
        if not noun:
            return word
        noun = noun.upper() if word.isupper() else noun.capitalize() if word[0].isupper() else noun
        # padded before, so the English keeps its place against what follows ("Winston again." for "Winston otra
        # vez."); after, where an elided article joins the next word ("as             Abram" for "dans le rôle d'Abram")
        return noun.ljust(len(word)) if word[-1] in "'\u2019" else noun.rjust(len(word))

    return pattern.sub(in_english, view)


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
