"""One claim per fact: of the claims every rule and pairing found, the first unfiltered mention of each fact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from typing import Any

from ..claimkinds import claim_kind
from ..reference import normalize_name
from .claims import Claim
from .patterns import Candidate
from .recall import actor_key

__all__ = ["one_per_fact"]


def one_per_fact(pairs: list[tuple[Claim, Candidate | None]],
                 blocked: Callable[[Candidate | None], bool]) -> list[Claim]:
    """One claim per fact, from its first mention that ``blocked`` (the scope filters, run lazily) lets through; a
    role-less cast claim only when no role is given."""
    pairs = sorted(pairs, key=lambda p: (p[0].start, -(p[0].end - p[0].start)))
    # a name inside a credit ("written by A, B and C") is not also a bare cast mention
    in_credit: set[int] = set()  # positions inside a credit's evidence (spans are short: this stays linear)
    stated: set[Any] = set()  # the facts, and the types, that rules read (not only a mention)
    for c, cand in pairs:
        if c.type in ("director", "writer") and not blocked(cand):
            in_credit.update(range(c.start, c.end))
        if c.rule not in _YIELDING and c.type in _YIELDING_TYPES and not blocked(cand):
            stated.update((_fact_key(c), c.type))
    # what a mention alone says yields to what a rule reads: a crew member's name to their credit, the work's year to
    # any year (a wrong one stated is the one to check), the franchise's name to any membership
    pairs = [(c, cand) for c, cand in pairs if c.rule not in _YIELDING or _YIELDING[c.rule](c) not in stated]
    # a first-name or surname-only mention ("Keanu's longest night") yields to a later full-name one the filters keep
    # (the filters asked only where a short name is there to yield)
    short = {actor_key(c) for c, _ in pairs if c.rule == "cast-mention" and not _full_name(c)}
    full_named = {actor_key(c) for c, cand in pairs if c.rule == "cast-mention" and actor_key(c) in short
                  and _full_name(c) and not blocked(cand)}
    pairs = [(c, cand) for c, cand in pairs if c.rule != "cast-mention" or (
        c.start not in in_credit and (_full_name(c) or actor_key(c) not in full_named))]
    role_pairs = [p for p in pairs if not (p[0].type == "cast" and p[0].character is None)]
    cast_with_role: set[str] = set()
    for c, cand in role_pairs:
        # an actor already known to have an unfiltered role needs no filtering of the next one
        if c.type == "cast" and actor_key(c) not in cast_with_role and not blocked(cand):
            cast_with_role.add(actor_key(c))
    seen: dict[tuple[Any, ...], int] = {}
    result: list[Claim] = []
    for claim, candidate in pairs:
        if claim.type == "cast" and claim.character is None and actor_key(claim) in cast_with_role:
            continue
        key = _fact_key(claim)
        if key not in seen and blocked(candidate):
            continue
        if key in seen:
            index = seen[key]
            if claim.rule == "qa-answer" and result[index].rule != "qa-answer" and claim.character \
                    and result[index].character != claim.character:
                # an answer names the role a question described: "Halle Berry plays the manager of the Casablanca
                # Continental. Character name? \u2192 Sofia" is Sofia
                result[index] = claim
                continue
            if claim.type == "reprise" and result[index].from_film is None and claim.from_film is not None:
                result[index] = replace(result[index], from_film=claim.from_film, from_film_iri=claim.from_film_iri)
            continue
        seen[key] = len(result)
        result.append(claim)
    return result


def _full_name(claim: Claim) -> bool:
    """Whether a mention gives the whole name, in catalogue order too ("Taghmaoui, Saïd")."""
    said, name = normalize_name(claim.evidence.replace(",", " ")), normalize_name(claim.actor)
    return said == name or sorted(said.split()) == sorted(name.split())


def _fact_key(claim: Claim) -> tuple[Any, ...]:
    return claim_kind(claim.type).fact_key(claim)


# mention rules whose claims yield to a rule's, and what they yield to: the same fact, or any claim of their type
_YIELDING: dict[str, Callable[[Claim], Any]] = {"director-mention": _fact_key, "writer-mention": _fact_key,
                                                "year-mention": attrgetter("type"),
                                                "franchise-mention": attrgetter("type")}
_YIELDING_TYPES = frozenset({"director", "writer", "release_year", "franchise_member"})
