"""Mentions read with the name next to them: a character's descriptive alias before its name ("the cleaner
Charlie"), a given name that shares the surname after it ("Albert and Allen Hughes") and a form of address before a
person's name ("Mr. Riccardo Scamarcio")."""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import CHARACTER, PERSON, Gazetteer, Mention
from .links import default_cues

__all__ = ["with_neighbours"]


def with_neighbours(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` (in text order) with each read against its neighbour."""
    return _addressed(text, _shared_surnames(text, _described_names(text, mentions, gazetteer), gazetteer))


def _described_names(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"the cleaner Charlie": a character's descriptive alias right before its name only describes it; the name
    is the mention (the rules read "the cleaner" as a description, as in "his daughter Akira"), and so is the name
    set off after it by a comma ("the concierge, Charon,"). When the two read without the article are one of its names
    ("the Marquis de Gramont"), that name is the mention."""
    kept: list[Mention] = []
    skip = -1
    for index, mention in enumerate(mentions):
        if index == skip:
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and mention.mask == CHARACTER and text[mention.end:following.start] in (" ", ", ") \
                and text[mention.start:mention.start + 4].lower() == "the " \
                and {e.iri for e in mention.entries} & {e.iri for e in following.of_kind(CHARACTER)}:
            whole = gazetteer.lookup(text[mention.start + 4:following.end], CHARACTER)
            if whole:
                kept.append(Mention(mention.start + 4, following.end, tuple(whole)))
                skip = index + 1
            continue
        kept.append(mention)
    return kept


# a given name alone, then "and" and a whole name: "Albert and Allen Hughes", "Joel & Ethan Coen"
_GIVEN_AND_NAME = re.compile(r"\b(?P<given>[A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+[ \t]+(?P<surname>[A-Z][\w'-]+)")


def _shared_surnames(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"Albert and Allen Hughes directed": a given name before another's whole name shares its surname, when the
    two make a person of the reference (brothers, sisters, a couple credited together)."""
    if " and " not in text and "&" not in text:
        return mentions
    whole = {pair.start("given"): Mention(pair.start("given"), pair.end("given"), tuple(people))
             for pair in _GIVEN_AND_NAME.finditer(text)
             for people in [gazetteer.lookup(f"{pair['given']} {pair['surname']}", PERSON)] if people}
    if not whole:
        return mentions
    # the given name read as the whole name, in place of any reading of it alone
    return sorted([m for m in mentions if m.start not in whole] + list(whole.values()), key=lambda m: m.start)


@lru_cache(maxsize=1)
def _address_before() -> re.Pattern[str]:
    """A form of address (cue list honorific), capitalised, right before a name: "Mr. ", "Ms ", "Shri "."""
    forms = "|".join(re.escape(w.capitalize()) for w in sorted(default_cues()["honorific"], key=lambda w: (-len(w), w)))
    return re.compile(rf"\b(?:{forms})\.?[ \t]+\Z")


def _addressed(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Santino, played by Mr. Riccardo Scamarcio": the form of address is part of the person's mention, so that
    nothing stands between the role and the player but the words that link them."""
    address = _address_before()
    found = []
    for mention in mentions:
        before = address.search(text, max(0, mention.start - 12), mention.start) \
            if mention.mask & PERSON and not mention.mask & CHARACTER else None
        found.append(Mention(before.start(), mention.end, mention.entries) if before is not None else mention)
    return found
