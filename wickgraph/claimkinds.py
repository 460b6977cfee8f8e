"""Claim kinds: one class per kind of thing a review asserts, registered as this module is imported.

The base class and the registry are :mod:`wickgraph.claimregistry`; import them from here, so
that the built-in kinds are registered before anyone looks one up.

Each kind owns everything that differs between kinds:

* its ``extract --json`` fields (:attr:`ClaimKind.fields`, then :attr:`ClaimKind.optional_fields`);
* its RDF class and the quads a claim of it adds to a review graph (:meth:`ClaimKind.write`), and
  how those read back into its fields (:meth:`ClaimKind.read`, for ``curated --export``);
* its status against the reference facts (:meth:`ClaimKind.status`, the rules of
  ``docs/graph-model.md``, "Conflicts"), and for a contradicted claim what the reference says
  instead (:meth:`ClaimKind.reference_side`) and the known false claim it repeats (:meth:`ClaimKind.explanation`);
* its one-line summaries (:meth:`ClaimKind.summary` for ``add``, :meth:`ClaimKind.brief` for ``extract``,
  :meth:`ClaimKind.sentence` for the browse pages, beside the reference facts named by
  :attr:`ClaimKind.reference_facts`);
* its fact key, which the extractor de-duplicates claims by (:meth:`ClaimKind.fact_key`).

Extraction, the review-graph writer (:mod:`wickgraph.reviewgraph`), conflicts, curation, the curated
export, the browse pages, the CLI and synth look a kind up with :func:`claim_kind` (or, from a stored claim's class,
:func:`kind_of_class`) and never test a claim's type themselves. A new kind is one
subclass passed to :func:`register` (as rdflib's ``plugin.register`` adds a parser), plus its rules,
its ontology and shape terms, and its tests.

A claim is read as a :class:`~wickgraph.extract.claims.Claim` or as its JSON dict, alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .claimregistry import (
    ClaimGraph,
    ClaimKind,
    Status,
    StoredClaim,
    claim_kind,
    claim_status,
    kind_of_class,
    kinds,
    register,
    unregister,
    value_of,
)
from .errors import ReviewInputError
from .namespaces import RDFS, SCHEMA, WG, franchise_iri, slugify, strings
from .reference import Reference, WorkFacts, normalize_name

__all__ = ["ClaimGraph", "ClaimKind", "Status", "StoredClaim", "cast_false_claim_truth", "claim_kind", "claim_status",
           "kind_of_class", "kinds", "register", "unregister", "value_of"]

_WG, _SCHEMA = strings(WG), strings(SCHEMA)


# -- the kinds ------------------------------------------------------------------------------------


class _Credit(ClaimKind):
    """A person credited for the work (director, writer)."""

    fields = ("person",)
    reference_facts = "credits"
    credit: ClassVar[str]  # the work's property: wg:director, wg:writer
    verb: ClassVar[str]  # "directed", "written"

    def credited(self, facts: WorkFacts) -> frozenset[str]:
        raise NotImplementedError

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        person = graph.person(claim, "person")
        graph.add(graph.claim, _WG.claimedPerson, graph.iri(person))
        graph.add(graph.work, self.credit, graph.iri(person))

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        person, person_iri = stored.person(_WG.claimedPerson)
        return {"person": person, "person_iri": person_iri}

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        credited = self.credited(facts)
        if not credited:
            return "unknown"
        return "supported" if value_of(claim, "person_iri") in credited else "contradicted"

    def reference_side(self, claim: Any, reference: Reference, facts: WorkFacts) -> str:
        return "; ".join(sorted(_person_name(reference, person) for person in self.credited(facts)))

    def explanation(self, claim: Any, reference: Reference, work: str) -> str | None:
        person = value_of(claim, "person")
        return reference.false_claim_truth(work, person) if person else None

    def summary(self, claim: Any) -> str:
        return str(value_of(claim, "person"))

    def sentence(self, claim: Any) -> str:
        return f"{self.verb} by {value_of(claim, 'person')}"

    def fact_key(self, claim: Any) -> tuple[Any, ...]:
        return (self.name, value_of(claim, "person_iri") or normalize_name(value_of(claim, "person")))


@register
class Director(_Credit):
    name = "director"
    rdf_class = _WG.DirectorClaim
    credit = _WG.director
    verb = "directed"

    def credited(self, facts: WorkFacts) -> frozenset[str]:
        return facts.directors


@register
class Writer(_Credit):
    """Writer credits "based on characters created by" are source credits and do not count (see Reference)."""

    name = "writer"
    rdf_class = _WG.WriterClaim
    credit = _WG.writer
    verb = "written"

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
    reference_facts = "performances"

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

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        actor, actor_iri = stored.person(_WG.claimedPerson)
        character, character_iri = stored.character(_WG.claimedCharacter)
        written = stored.value(_WG.claimedCharacterName)  # the name the review gave, when it had one
        return {"actor": actor, "actor_iri": actor_iri, "character": written if written is not None else character,
                "character_iri": character_iri, **self.read_source(stored)}

    def read_source(self, stored: StoredClaim) -> dict[str, Any]:
        """Where the role comes from, read back (reprises only)."""
        return {}

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
            # anyone else given a role the reference gives to others, a person it does not know included (as
            # queries/conflicts.rq reads the stored claim, whose unreconciled person has an IRI of its own)
            return "contradicted" if actor or value_of(claim, "actor") else "unknown"
        return self.known_false(claim, reference, work)

    def reference_side(self, claim: Any, reference: Reference, facts: WorkFacts) -> str:
        """The actor's own roles in the work, else whoever plays the claimed character."""
        cast = reference.cast_of(facts.iri)
        own = [(a, c) for a, c in cast if a == value_of(claim, "actor_iri")]
        others = [(a, c) for a, c in cast
                  if reference.character_matches(value_of(claim, "character_iri"), value_of(claim, "character"), c)]
        return "; ".join(sorted(f"{_person_name(reference, a)} as {_character_name(reference, c)}"
                                for a, c in own or others))

    def explanation(self, claim: Any, reference: Reference, work: str) -> str | None:
        """A false character name ("Rooney"), else what :func:`cast_false_claim_truth` finds."""
        character = value_of(claim, "character")
        truth = reference.false_claim_truth(work, character) if character else None
        return truth or cast_false_claim_truth(claim, reference, work)

    def known_false(self, claim: Any, reference: Reference, work: str) -> Status:
        """A role the reference's cast neither confirms nor denies: contradicted if it repeats a known false claim,
        or if it is a role the actor plays in another work, claimed for a work whose cast lists neither of them
        (the reference lists every role a work takes over from another: "Halle Berry as Sofia" in Ballerina)."""
        actor, character_iri = value_of(claim, "actor_iri"), value_of(claim, "character_iri")
        if actor and character_iri and any((actor, character_iri) in reference.cast_of(other)
                                           for other in reference.works if other != work):
            return "contradicted"
        return "contradicted" if cast_false_claim_truth(claim, reference, work) else "unknown"

    def status_of_role(self, claim: Any, reference: Reference, work: str) -> Status:
        """The status of a claim whose actor does play its character in the work."""
        return "supported"

    def summary(self, claim: Any) -> str:
        return f"{value_of(claim, 'actor')} as {value_of(claim, 'character') or '(role not named)'}"

    def brief(self, claim: Any) -> str:
        return f"{value_of(claim, 'actor')} as {value_of(claim, 'character') or '?'}"

    def sentence(self, claim: Any) -> str:
        actor, character = value_of(claim, "actor"), value_of(claim, "character")
        return f"{actor} as {character}" if character else f"{actor} in the cast"

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

    def read_source(self, stored: StoredClaim) -> dict[str, Any]:
        from_film, from_film_iri = stored.work(_WG.claimedFromWork)
        return {"from_film": from_film, "from_film_iri": from_film_iri}

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
        """Supported when the actor played the character in the named earlier work (or any earlier one); a work
        named that came out no earlier than this one contradicts it."""
        actor, character_iri = value_of(claim, "actor_iri"), value_of(claim, "character_iri")
        character = value_of(claim, "character")
        from_work = value_of(claim, "from_film_iri")
        named = from_work in reference.works
        earlier_works = reference.earlier_works(work)
        if named and earlier_works and from_work not in earlier_works:
            # "returns as Charon from Parabellum", reviewing Chapter 2: no role comes back from a later work
            return "contradicted" if actor and character_iri else "unknown"
        candidates = [from_work] if named else earlier_works
        for earlier in candidates:
            for a, c in reference.cast_of(earlier):
                if a == actor and reference.character_matches(character_iri, character, c):
                    return "supported"
        # the reference's casts of the earlier works (or of the one named) are complete for named roles: an
        # actor who first plays the role here, or not in the work named, is not reprising it; nor is anyone in the
        # franchise's first work, which its roles come from
        first = not named and not earlier_works and work in reference.works \
            and reference.works[work].release_year is not None
        return "contradicted" if actor and character_iri and (candidates or first) else "unknown"

    def summary(self, claim: Any) -> str:
        from_film = value_of(claim, "from_film")
        return super().summary(claim) + (f", from {from_film}" if from_film else "")

    def brief(self, claim: Any) -> str:
        from_film = value_of(claim, "from_film")
        return super().brief(claim) + (f" (from {from_film})" if from_film else "")

    def sentence(self, claim: Any) -> str:
        from_film = value_of(claim, "from_film")
        return super().sentence(claim) + (f" (a reprised role from {from_film})" if from_film else " (a reprised role)")


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

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        franchise = stored.value(_WG.claimedFranchise)
        label = stored.value(RDFS.label, franchise) if franchise is not None else None
        return {"franchise": label if label is not None else stored.reference.franchise_name}

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        return "supported" if facts.in_franchise else "unknown"

    def sentence(self, claim: Any) -> str:
        return f"part of the {value_of(claim, 'franchise') or 'John Wick'} franchise"


@register
class ReleaseYear(ClaimKind):
    """The year the work came out."""

    name = "release_year"
    rdf_class = _WG.ReleaseYearClaim
    fields = ("year",)
    reference_facts = "year"

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        year = value_of(claim, "year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise ReviewInputError(f"release year {year!r} is not a whole number")
        graph.add(graph.claim, _WG.claimedYear, graph.literal(year))
        graph.add(graph.work, _WG.releaseYear, graph.literal(year))

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        return {"year": int(str(stored.value(_WG.claimedYear)))}

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        year = value_of(claim, "year")
        if facts.release_year is None or year is None:
            return "unknown"
        return "supported" if int(year) == facts.release_year else "contradicted"

    def reference_side(self, claim: Any, reference: Reference, facts: WorkFacts) -> str:
        return str(facts.release_year)

    def explanation(self, claim: Any, reference: Reference, work: str) -> str | None:
        year = value_of(claim, "year")
        return reference.false_claim_truth(work, year) if year else None

    def fact_key(self, claim: Any) -> tuple[Any, ...]:
        return (self.name, value_of(claim, "year"))

    def sentence(self, claim: Any) -> str:
        return f"released in {value_of(claim, 'year')}"


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

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        rating = stored.value(_WG.claimedRating)
        best = stored.value(_SCHEMA.bestRating, rating)
        return {"value": _number(stored.value(_SCHEMA.ratingValue, rating)),
                "scale": _number(best) if best is not None else stored.value(_WG.ratingScale, rating)}

    def summary(self, claim: Any) -> str:
        scale = value_of(claim, "scale")
        return f"{value_of(claim, 'value')}" + (f" / {scale_text(scale)}" if scale not in (None, "letter") else "")

    def brief(self, claim: Any) -> str:
        return f"{value_of(claim, 'value')} ({value_of(claim, 'scale')})"

    def sentence(self, claim: Any) -> str:
        return f"rated {self.summary(claim)}" if value_of(claim, "value") is not None else "a rating"


def _person_name(reference: Reference, iri: str) -> str:
    return str(reference.people[iri].name) if iri in reference.people else iri.rsplit("/", 1)[-1]


def _character_name(reference: Reference, iri: str) -> str:
    return str(reference.characters[iri].name) if iri in reference.characters else iri.rsplit("/", 1)[-1]


def _number(text: str | None) -> Any:
    """A rating's value or scale as written: a whole number, a decimal, or the text (a letter grade)."""
    try:
        number = float(str(text))
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in str(text) else number
