"""How sure the extractor is of a claim, 0..1: the kind of evidence, whether its names resolved, and the film.

A statement in a fixed shape ("X plays Y", "directed by X", "Rating: 4/5") counts most; a pair
assembled from cue words in a clause less; a role carried by a pronoun, a role only beside its player on a
line or in its sentence, or a bare mention of an actor ("Keanu Reeves" with no role) least. A name the reference
does not know, or a misspelt one, lowers it; so does a reviewed work the extractor was not sure of.
"""

from __future__ import annotations

from .claims import Claim

__all__ = ["claim_confidence"]

# Evidence kinds by rule id prefix; the first that matches counts.
_BY_RULE = (("pair-pronoun", 0.6), ("pair-proximity", 0.55), ("pair-sentence", 0.45), ("pair-own-role", 0.45),
            ("pair-known", 0.5), ("pair-", 0.8),
            ("qa-answer", 0.75), ("cast-mention", 0.6), ("director-mention", 0.5), ("writer-mention", 0.5),
            ("cast-in-role", 0.65), ("cast-turns-up", 0.7),
            ("cast-starring", 0.8), ("card", 1.0), ("rating", 0.85))


def claim_confidence(claim: Claim, film_confidence: float) -> float:
    """A claim's confidence in 0..1 (two decimals)."""
    rule = claim.rule or ""
    base = next((value for prefix, value in _BY_RULE if rule.startswith(prefix)), 0.9)
    if claim.type in ("cast", "reprise") and claim.actor_iri is None:
        base *= 0.8  # somebody the reference does not know
    if claim.type in ("cast", "reprise") and claim.character and claim.character_iri is None:
        base *= 0.75  # a stated role that did not resolve to a reference character
    if claim.type in ("director", "writer") and claim.person_iri is None:
        base *= 0.8
    if claim.type != "rating":
        base *= 0.6 + 0.4 * film_confidence
    return round(max(0.05, min(1.0, base)), 2)
