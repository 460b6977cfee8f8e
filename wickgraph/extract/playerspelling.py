"""A player's name misspelt beside the role: the role's player in the reviewed work is meant.

A misspelling too far from any name for the gazetteer to know it alone ("Mark Tacos as Zero", "Nyquil as Viggo",
"Lance Reddit's Charon": a phone's autocorrect, a joke, a mishearing) still sits beside a role the reference knows.
When the name sounds like the name of that role's player in the reviewed work (the same first name and a surname
that shares most of its letters, or one word that opens as the surname does), that player is meant; a name that
sounds like nobody who plays the part ("Tom Hardy as Zero") stays a stranger, so the claim stays false.
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from ..reference import Reference
from .claims import Claim

__all__ = ["with_misspelt_players"]

_NEAR = 0.6  # how much of the two names must match, as difflib's ratio counts it


def with_misspelt_players(claims: list[Claim], reference: Reference, work: str | None) -> list[Claim]:
    """``claims`` with each cast claim's unknown player read as the role's player whose name they nearly spell."""
    cast = reference.cast_of(work)
    if not cast:
        return claims
    found = []
    for claim in claims:
        if claim.type in ("cast", "reprise") and claim.actor and claim.actor_iri is None and claim.character_iri:
            players = [actor for actor, character in cast if character == claim.character_iri]
            meant = next((actor for actor in players if actor in reference.people
                          and _sounds_like(claim.actor, reference.people[actor].name)), None)
            if meant is not None:
                claim = replace(claim, actor=reference.people[meant].name, actor_iri=meant)
        found.append(claim)
    return found


def _sounds_like(written: str, name: str) -> bool:
    """Whether ``written`` nearly spells ``name``: "Mark Tacos" / "Mark Dacascos", "Nyquil" / "Michael Nyqvist"."""
    words, known = written.lower().split(), name.lower().split()
    if words == known:
        return True  # the name itself, in a case the gazetteer did not take for a name: "COMMON plays Cassian"
    if not words or len(known) < 2:
        return False
    if len(words) == 1:  # the surname alone: its opening, and most of its letters
        return words[0][:3] == known[-1][:3] and SequenceMatcher(None, words[0], known[-1]).ratio() >= _NEAR
    return words[0] == known[0] and words[-1][:1].isalpha() \
        and SequenceMatcher(None, " ".join(words), " ".join(known)).ratio() >= _NEAR
