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
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .folding import fold
from .links import Cues, default_cues

__all__ = ["with_foreign_words_in_english", "without_honorific_suffixes"]


@lru_cache(maxsize=4)
def _pattern(cues: Cues) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every word the cue lists read as English, over lower-case text, and the English of each."""
    # the view reads a folded text, its letters unaccented (``folding.fold``): "rôle" is read as "role"
    english = {fold(word): noun for list_id, noun in cues.reads_as.items() for word in cues[list_id]}
    # (no word boundary after an elided article: "dans le rôle d'Abram")
    return re.compile(r"\b" + _alternation(english) + r"(?:(?<=['\u2019])|\b)"), english


def _alternation(words: Iterable[str]) -> str:
    """The words as one regex group built as a trie ("d(?:ans le r...|e (?:nuevo|retour))"): several times faster
    to search than a flat alternation of some 250 phrases, and still the longest word wherever one ends."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def group(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + group(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here, and a longer one may go on: the longer is tried first
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return "(?:" + group(trie) + ")"


def with_foreign_words_in_english(view: str, cues: Cues | None = None) -> str:
    """``view`` with each word or phrase of another language a cue list knows (a job loanword, "dirigida por",
    "dans le rôle de") replaced by its English, padded to the same length."""
    pattern, english = _pattern(cues or default_cues())
    lower = view.lower()
    if len(lower) != len(view):  # a letter whose lower case is longer: read a copy that keeps the offsets
        lower = "".join(char.lower() if len(char.lower()) == 1 else char for char in view)
    pieces, done = [], 0
    for found in pattern.finditer(lower):
        noun = english[found.group()]
        if not noun:
            continue
        word = view[found.start():found.end()]
        noun = noun.upper() if word.isupper() else noun.capitalize() if word[0].isupper() else noun
        # padded before, so the English keeps its place against what follows ("Winston again." for "Winston otra
        # vez."); after, where an elided article joins the next word ("as             Abram" for "dans le rôle d'Abram")
        pieces += [view[done:found.start()], noun.ljust(len(word)) if word[-1] in "'\u2019" else noun.rjust(len(word))]
        done = found.end()
    return "".join(pieces) + view[done:] if pieces else view


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
