"""Claim kinds: one class per kind of thing a review asserts, and the registry that finds them.

Each kind owns everything that differs between kinds:

* its ``extract --json`` fields (:attr:`ClaimKind.fields`, then :attr:`ClaimKind.optional_fields`);
* its RDF class and the quads a claim of it adds to a review graph (:meth:`ClaimKind.write`);
* its status against the reference facts (:meth:`ClaimKind.status`, the rules of
  ``docs/graph-model.md``, "Conflicts");
* its one-line summaries (:meth:`ClaimKind.summary` for ``add``, :meth:`ClaimKind.brief` for ``extract``);
* its fact key, which the extractor de-duplicates claims by (:meth:`ClaimKind.fact_key`).

Extraction, the review-graph writer (:mod:`wickgraph.reviewgraph`), conflicts, the CLI and synth
look a kind up with :func:`claim_kind` and never test a claim's type themselves. A new kind is one
subclass passed to :func:`register` (as rdflib's ``plugin.register`` adds a parser), plus its rules,
its ontology and shape terms, and its tests.

A claim is read as a :class:`~wickgraph.extract.claims.Claim` or as its JSON dict, alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Literal, Protocol

from .errors import ReviewInputError
from .namespaces import WG, franchise_iri, slugify, strings
from .reference import Reference, WorkFacts, normalize_name

__all__ = ["ClaimGraph", "ClaimKind", "Status", "cast_false_claim_truth", "claim_kind", "claim_status", "kinds",
           "register", "unregister", "value_of"]

Status = Literal["supported", "contradicted", "unknown"]
_WG = strings(WG)


def value_of(claim: Any, key: str) -> Any:
    """A field of a claim given as a Claim object or as its JSON dict (None when absent)."""
    if isinstance(claim, (dict, Mapping)):  # dict first: the ABC check is slow
        return claim.get(key)
    return getattr(claim, key, None)


class ClaimGraph(Protocol):
    """What a kind writes a claim's quads with (implemented by :mod:`wickgraph.reviewgraph`).

    Subjects and IRIs are plain strings; objects are made with :meth:`iri` and :meth:`literal`.
    """

    claim: str  # the claim's node
    work: str  # the reviewed work

    def add(self, subject: str, predicate: str, obj: Any) -> None: ...
    def a(self, subject: str, *classes: str) -> None: ...
    def iri(self, value: str) -> Any: ...
    def literal(self, value: object, datatype: str | None = None) -> Any: ...
    def person(self, claim: Any, key: str) -> str: ...
    def character(self, claim: Any) -> str | None: ...
    def performance(self, actor: str, character: str) -> str: ...
    def reprise(self, actor: str, character: str) -> str: ...
    def rating(self, value: Any, scale: Any, normalized: Any) -> str: ...


class ClaimKind:
    """One kind of claim. Subclasses set the class attributes and override what differs."""

    name: ClassVar[str]
    rdf_class: ClassVar[str]
    fields: ClassVar[tuple[str, ...]]  # printed always (null allowed), in contract order
    optional_fields: ClassVar[tuple[str, ...]] = ()  # printed after them when not null

    def json_fields(self, claim: Any) -> dict[str, Any]:
        """The kind's own fields of ``extract --json``, in contract order."""
        data = {name: value_of(claim, name) for name in self.fields}
        for name in self.optional_fields:
            if value_of(claim, name) is not None:
                data[name] = value_of(claim, name)
        return data

    def card_values(self, raw: Mapping[str, Any], reference: Reference) -> dict[str, Any]:
        """Values a hand-written card's claim gets beyond what it says (defaults, links)."""
        return {}

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        """Add the claim's own quads (its class, evidence and status are written for every kind)."""

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        """``supported``, ``contradicted`` or ``unknown``, given the reviewed work's reference facts."""
        return "unknown"

    def summary(self, claim: Any) -> str:
        """The claim in a few words, as ``add`` and ``reviews`` show it."""
        return " ".join(str(value_of(claim, name)) for name in self.fields)

    def brief(self, claim: Any) -> str:
        """The claim in a few words, as ``extract``'s table shows it."""
        return self.summary(claim)

    def fact_key(self, claim: Any) -> tuple[Any, ...]:
        """Claims with equal keys state one fact (the extractor keeps the first)."""
        return (self.name,)


_REGISTRY: dict[str, ClaimKind] = {}


def register(kind: type[ClaimKind]) -> type[ClaimKind]:
    """Add a kind to the registry (usable as a class decorator); a kind of the same name is replaced."""
    _REGISTRY[kind.name] = kind()
    return kind


def unregister(name: str) -> None:
    """Take a kind out of the registry (for tests that register a kind of their own)."""
    _REGISTRY.pop(name, None)


def claim_kind(name: object) -> ClaimKind:
    """The kind called ``name``; an unknown name is bad input."""
    kind = _REGISTRY.get(str(name))
    if kind is None:
        raise ReviewInputError(f"unknown claim type {name!r}; known: {', '.join(_REGISTRY)}")
    return kind


def kinds() -> Iterator[ClaimKind]:
    """Every registered kind, in the order registered."""
    return iter(list(_REGISTRY.values()))


def claim_status(claim: Any, reference: Reference, work: str | None = None) -> Status:
    """``supported``, ``contradicted`` or ``unknown``: a claim (a Claim or its JSON dict) against the reference.

    ``work`` is the reviewed work's IRI; by default the claim's own ``work_iri``.
    """
    facts = reference.works.get(work or value_of(claim, "work_iri") or "")
    if facts is None:
        return "unknown"
    return claim_kind(value_of(claim, "type")).status(claim, reference, facts)


# -- the kinds ------------------------------------------------------------------------------------


class _Credit(ClaimKind):
    """A person credited for the work (director, writer)."""

    fields = ("person",)
    credit: ClassVar[str]  # the work's property: wg:director, wg:writer

    def credited(self, facts: WorkFacts) -> frozenset[str]:
        raise NotImplementedError

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        person = graph.person(claim, "person")
        graph.add(graph.claim, _WG.claimedPerson, graph.iri(person))
        graph.add(graph.work, self.credit, graph.iri(person))

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        credited = self.credited(facts)
        if not credited:
            return "unknown"
        return "supported" if value_of(claim, "person_iri") in credited else "contradicted"

    def summary(self, claim: Any) -> str:
        return str(value_of(claim, "person"))

    def fact_key(self, claim: Any) -> tuple[Any, ...]:
        return (self.name, value_of(claim, "person_iri") or normalize_name(value_of(claim, "person")))


@register
class Director(_Credit):
    name = "director"
    rdf_class = _WG.DirectorClaim
    credit = _WG.director

    def credited(self, facts: WorkFacts) -> frozenset[str]:
        return facts.directors


@register
class Writer(_Credit):
    """Writer credits "based on characters created by" are source credits and do not count (see Reference)."""

    name = "writer"
    rdf_class = _WG.WriterClaim
    credit = _WG.writer

    def credited(self, facts: WorkFacts) -> frozenset[str]:
        return facts.writers


def actor_key(claim: Any) -> str:
    """Who a cast claim names: the actor's IRI, else the actor's comparable name."""
    return str(value_of(claim, "actor_iri") or normalize_name(value_of(claim, "actor")))


def cast_false_claim_truth(claim: Any, reference: Reference, work: str | None = None) -> str | None:
    """The truth of a known false claim a cast claim repeats ("Keanu Reeves as John Wick" in Hex), or None.

    Known false cast claims carry ``"Actor as Character"`` or ``"Actor"`` as their false values.
    """
    work = work or value_of(claim, "work_iri")
    person = reference.people.get(value_of(claim, "actor_iri") or "")
    actor = person.name if person else value_of(claim, "actor")
    facts = reference.characters.get(value_of(claim, "character_iri") or "")
    character = facts.name if facts else value_of(claim, "character")
    if not actor:
        return None
    if character:
        truth = reference.false_claim_truth(work, f"{actor} as {character}")
        if truth:
            return truth
    return reference.false_claim_truth(work, actor)


@register
class Cast(ClaimKind):
    """An actor plays a character (or an unnamed role) in the work."""

    name = "cast"
    rdf_class = _WG.CastClaim
    fields: ClassVar[tuple[str, ...]] = ("actor", "character")

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        actor = graph.person(claim, "actor")
        graph.add(graph.claim, _WG.claimedPerson, graph.iri(actor))
        character = graph.character(claim)
        self.write_source(graph, claim)
        if character is None:
            return
        graph.add(graph.claim, _WG.claimedCharacter, graph.iri(character))
        if value_of(claim, "character"):
            graph.add(graph.claim, _WG.claimedCharacterName, graph.literal(str(value_of(claim, "character"))))
        performance = graph.performance(actor, character)
        graph.add(graph.claim, _WG.assertsPerformance, graph.iri(performance))
        self.write_role(graph, claim, actor, character, performance)

    def write_source(self, graph: ClaimGraph, claim: Any) -> None:
        """Where the role comes from (reprises only)."""

    def write_role(self, graph: ClaimGraph, claim: Any, actor: str, character: str, performance: str) -> None:
        """More nodes the role implies (reprises only)."""

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        """The actor's reference roles in the work decide; else whoever the reference says plays the character."""
        work = facts.iri
        actor, character_iri = value_of(claim, "actor_iri"), value_of(claim, "character_iri")
        character = value_of(claim, "character")
        cast = reference.cast_of(work)
        actor_roles = [c for a, c in cast if actor and a == actor]
        if character is None and character_iri is None:
            return "supported" if actor_roles else self.known_false(claim, reference, work)
        if any(reference.character_matches(character_iri, character, role) for role in actor_roles):
            return self.status_of_role(claim, reference, work)
        if actor_roles:
            return "contradicted"
        played_by_others = [a for a, c in cast if reference.character_matches(character_iri, character, c)]
        if played_by_others:
            # a name the reference does not know, given a role it gives to someone else: more often a
            # misspelling or another film's character ("forever Martin Riggs") than a recast
            return "contradicted" if actor else "unknown"
        return self.known_false(claim, reference, work)

    def known_false(self, claim: Any, reference: Reference, work: str) -> Status:
        """A role the reference's cast neither confirms nor denies: contradicted if it repeats a known false claim."""
        return "contradicted" if cast_false_claim_truth(claim, reference, work) else "unknown"

    def status_of_role(self, claim: Any, reference: Reference, work: str) -> Status:
        """The status of a claim whose actor does play its character in the work."""
        return "supported"

    def summary(self, claim: Any) -> str:
        return f"{value_of(claim, 'actor')} as {value_of(claim, 'character') or '(role not named)'}"

    def brief(self, claim: Any) -> str:
        return f"{value_of(claim, 'actor')} as {value_of(claim, 'character') or '?'}"

    def fact_key(self, claim: Any) -> tuple[Any, ...]:
        character = value_of(claim, "character_iri") or normalize_name(value_of(claim, "character")) or None
        return (self.name, actor_key(claim), character)


@register
class Reprise(Cast):
    """An actor plays again a character they played in an earlier work."""

    name = "reprise"
    rdf_class = _WG.RepriseClaim
    fields = ("actor", "character", "from_film")

    def write_source(self, graph: ClaimGraph, claim: Any) -> None:
        from_work = value_of(claim, "from_film_iri")
        if from_work:
            graph.add(graph.claim, _WG.claimedFromWork, graph.iri(str(from_work)))

    def write_role(self, graph: ClaimGraph, claim: Any, actor: str, character: str, performance: str) -> None:
        reprise = graph.reprise(actor, character)
        graph.a(reprise, _WG.Reprise)
        graph.add(reprise, _WG.actor, graph.iri(actor))
        graph.add(reprise, _WG.character, graph.iri(character))
        graph.add(reprise, _WG.work, graph.iri(graph.work))
        graph.add(reprise, _WG.performance, graph.iri(performance))
        from_work = value_of(claim, "from_film_iri")
        if from_work:
            graph.add(reprise, _WG.fromWork, graph.iri(str(from_work)))
        graph.add(reprise, _WG.inferred, graph.literal(False))

    def status_of_role(self, claim: Any, reference: Reference, work: str) -> Status:
        """Supported when the actor played the character in the named earlier work (or any earlier one)."""
        actor, character_iri = value_of(claim, "actor_iri"), value_of(claim, "character_iri")
        character = value_of(claim, "character")
        from_work = value_of(claim, "from_film_iri")
        named = from_work in reference.works
        candidates = [from_work] if named else reference.earlier_works(work)
        for earlier in candidates:
            for a, c in reference.cast_of(earlier):
                if a == actor and reference.character_matches(character_iri, character, c):
                    return "supported"
        # the reference's casts of the earlier works (or of the one named) are complete for named roles: an
        # actor who first plays the role here, or not in the work named, is not reprising it
        return "contradicted" if actor and character_iri and candidates else "unknown"

    def summary(self, claim: Any) -> str:
        from_film = value_of(claim, "from_film")
        return super().summary(claim) + (f", from {from_film}" if from_film else "")

    def brief(self, claim: Any) -> str:
        from_film = value_of(claim, "from_film")
        return super().brief(claim) + (f" (from {from_film})" if from_film else "")


@register
class FranchiseMember(ClaimKind):
    """The work belongs to the franchise."""

    name = "franchise_member"
    rdf_class = _WG.FranchiseMemberClaim
    fields = ("franchise",)

    def card_values(self, raw: Mapping[str, Any], reference: Reference) -> dict[str, Any]:
        return {"franchise": raw.get("franchise") or "John Wick", "franchise_iri": reference.franchise_iri}

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        franchise = value_of(claim, "franchise_iri")
        if not franchise:
            slug = slugify(str(value_of(claim, "franchise") or "john-wick"))
            franchise = franchise_iri("john-wick" if slug in ("john-wick", "wick-verse", "") else slug)
        graph.add(graph.claim, _WG.claimedFranchise, graph.iri(str(franchise)))
        graph.add(graph.work, _WG.partOfFranchise, graph.iri(str(franchise)))

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        return "supported" if facts.in_franchise else "unknown"


@register
class ReleaseYear(ClaimKind):
    """The year the work came out."""

    name = "release_year"
    rdf_class = _WG.ReleaseYearClaim
    fields = ("year",)

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        year = value_of(claim, "year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise ReviewInputError(f"release year {year!r} is not a whole number")
        graph.add(graph.claim, _WG.claimedYear, graph.literal(year))
        graph.add(graph.work, _WG.releaseYear, graph.literal(year))

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        year = value_of(claim, "year")
        if facts.release_year is None or year is None:
            return "unknown"
        return "supported" if int(year) == facts.release_year else "contradicted"

    def fact_key(self, claim: Any) -> tuple[Any, ...]:
        return (self.name, value_of(claim, "year"))


def scale_text(scale: Any) -> str:
    """A rating scale as text: ``5``, ``10``, ``letter``."""
    if isinstance(scale, float) and scale.is_integer():
        return str(int(scale))
    return str(scale)


@register
class Rating(ClaimKind):
    """The review's own rating of the work (never checked against the reference)."""

    name = "rating"
    rdf_class = _WG.RatingClaim
    fields = ("value", "scale")
    optional_fields = ("normalized",)

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        rating = graph.rating(value_of(claim, "value"), value_of(claim, "scale"), value_of(claim, "normalized"))
        graph.add(graph.claim, _WG.claimedRating, graph.iri(rating))

    def summary(self, claim: Any) -> str:
        scale = value_of(claim, "scale")
        return f"{value_of(claim, 'value')}" + (f" / {scale_text(scale)}" if scale not in (None, "letter") else "")

    def brief(self, claim: Any) -> str:
        return f"{value_of(claim, 'value')} ({value_of(claim, 'scale')})"
