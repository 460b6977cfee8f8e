"""The claim-kind base class, the protocols a kind writes and reads a review graph with, and the registry.

Callers import these names from :mod:`wickgraph.claimkinds`, which registers the built-in kinds
as it is imported; this module holds the mechanism only, so that module stays about the kinds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Literal, Protocol

from .errors import ReviewInputError
from .reference import Reference, WorkFacts

__all__ = ["ClaimGraph", "ClaimKind", "Status", "StoredClaim", "claim_kind", "claim_status", "kind_of_class", "kinds",
           "register", "unregister", "value_of"]

Status = Literal["supported", "contradicted", "unknown"]


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


class StoredClaim(Protocol):
    """A claim read back from a stored review graph (implemented by :mod:`wickgraph.curated`).

    The inverse of :class:`ClaimGraph`: objects come back as lexical values, and the people,
    characters and works a claim links to as ``(name, IRI)``: the reference's name and IRI when
    the reference knows the node, else the node's own label and no IRI (an unreconciled name).
    """

    reference: Reference

    def value(self, predicate: str, subject: str | None = None) -> str | None:
        """The lexical value of the first ``predicate`` of ``subject`` (default: the claim), or None."""
        ...

    def person(self, predicate: str) -> tuple[str | None, str | None]: ...
    def character(self, predicate: str) -> tuple[str | None, str | None]: ...
    def work(self, predicate: str) -> tuple[str | None, str | None]: ...


class ClaimKind:
    """One kind of claim. Subclasses set the class attributes and override what differs."""

    name: ClassVar[str]
    rdf_class: ClassVar[str]
    fields: ClassVar[tuple[str, ...]]  # printed always (null allowed), in contract order
    optional_fields: ClassVar[tuple[str, ...]] = ()  # printed after them when not null
    reference_facts: ClassVar[str | None] = None
    """The reference facts a claim's status is checked against (what the browse pages show beside a
    claim): ``"credits"`` (those in the role named like the kind), ``"performances"``, ``"year"``, or None."""

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

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        """The kind's own fields (and their ``*_iri`` links) of a claim read back from a review graph."""
        return {}

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        """``supported``, ``contradicted`` or ``unknown``, given the reviewed work's reference facts."""
        return "unknown"

    def reference_side(self, claim: Any, reference: Reference, facts: WorkFacts) -> str:
        """What the reference says instead of a contradicted claim, in a few words ("" when it says nothing)."""
        return ""

    def explanation(self, claim: Any, reference: Reference, work: str) -> str | None:
        """The truth of the known false claim (in the reference) that this claim repeats, or None."""
        return None

    def summary(self, claim: Any) -> str:
        """The claim in a few words, as ``add`` and ``reviews`` show it."""
        return " ".join(str(value_of(claim, name)) for name in self.fields)

    def brief(self, claim: Any) -> str:
        """The claim in a few words, as ``extract``'s table shows it."""
        return self.summary(claim)

    def sentence(self, claim: Any) -> str:
        """What the claim says, in words, as the browse pages show it ("directed by Len Wiseman")."""
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


def kind_of_class(rdf_class: str) -> ClaimKind | None:
    """The kind whose claims have the RDF class ``rdf_class`` (None: not a claim class)."""
    return next((kind for kind in _REGISTRY.values() if kind.rdf_class == rdf_class), None)


def claim_status(claim: Any, reference: Reference, work: str | None = None) -> Status:
    """``supported``, ``contradicted`` or ``unknown``: a claim (a Claim or its JSON dict) against the reference.

    ``work`` is the reviewed work's IRI; by default the claim's own ``work_iri``.
    """
    facts = reference.works.get(work or value_of(claim, "work_iri") or "")
    if facts is None:
        return "unknown"
    return claim_kind(value_of(claim, "type")).status(claim, reference, facts)
