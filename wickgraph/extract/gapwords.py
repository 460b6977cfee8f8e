"""The words of a gap, read as a link reads them (:mod:`wickgraph.extract.links`): the phrases that say a role is
taken up again left out, "to" and an infinitive read as the cue ("returns to play Winston"), and two predicate
adjectives joined by "and" read as one ("is precise and chilling in the role of")."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import regexcache
from .wordlists import WordLists

__all__ = ["cue_phrases", "infinitive_cues", "paired_predicate", "without_repetition"]

Cues = WordLists


def paired_predicate(words: list[str], cues: Cues) -> list[str]:
    """``words`` with the first of two predicate adjectives after the copula left out: "is precise and chilling in the
    role of", "is oily and vain as" read as "is chilling in the role of", "is vain as" (the "and" joins two words of
    one predicate, it opens no second clause)."""
    if len(words) > 4 and words[0] in ("is", "was") and words[2] == "and" and words[1].isalpha() \
            and words[3].isalpha() and not {words[1], words[3]} & (cues["role-cue"] | cues["role-noun"]):
        return [words[0], *words[3:]]
    return words


def without_repetition(words: list[str], cues: Cues) -> list[str]:
    """``words`` without the phrases that say a role is taken up again ("who for the second time gave life to"):
    they qualify the link and do not lengthen it."""
    if len(words) < 4:
        return words  # too short to hold a phrase and still be over the limit
    return cue_phrases(cues["reprise-cue"]).sub(" ", f" {' '.join(words)} ").split()


@lru_cache(maxsize=8)
def cue_phrases(cues: frozenset[str]) -> re.Pattern[str]:
    """The cues of several words in a cue list, as one pattern over words joined and padded with spaces."""
    phrases = sorted((cue for cue in cues if " " in cue), key=lambda cue: (-len(cue), cue))  # the same text every run
    return regexcache.compile("(?<= )(?:" + "|".join(re.escape(p) for p in phrases) + ")(?= )" if phrases else "(?!)")


_INFINITIVE_CUES = {"play": "plays", "voice": "voices", "portray": "portrays"}


def infinitive_cues(words: list[str]) -> list[str]:
    """"returns to play Winston", "was hired to voice Hex": "to" and the infinitive read as the cue ("plays")."""
    if "to" not in words:
        return words
    out: list[str] = []
    for word in words:
        if out and out[-1] == "to" and word in _INFINITIVE_CUES:
            out[-1] = _INFINITIVE_CUES[word]
        else:
            out.append(word)
    return out
