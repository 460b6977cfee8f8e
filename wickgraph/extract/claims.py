"""What the extractor returns: :class:`Claim` and :class:`Extraction`, whose ``to_json()`` is the
``wickgraph extract --json`` contract of ``design.md`` ("What `extract --json` prints").

Key order of a claim: ``type``, the type's own fields, ``evidence``, ``start``, ``end``,
``status``, ``confidence`` (0..1, an extra key the contract allows), then the ``*_iri`` fields that are linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..claimkinds import claim_kind

__all__ = ["CARD_METADATA", "Claim", "Extraction"]

# Each type's own fields, in contract order, are its kind's (wickgraph.claimkinds).
CARD_METADATA = ("url", "author", "publisher", "published", "rating")
"""Review metadata a card carries beside its film, claims and text."""
_IRI_FIELDS = ("person_iri", "actor_iri", "character_iri", "from_film_iri", "franchise_iri")


@dataclass(frozen=True)
class Claim:
    """One thing a review asserts about the reviewed work, with its evidence span."""

    type: str
    evidence: str
    start: int
    end: int
    status: str = "unknown"
    person: str | None = None
    actor: str | None = None
    character: str | None = None
    from_film: str | None = None
    franchise: str | None = None
    year: int | None = None
    value: float | int | str | None = None
    scale: int | str | None = None
    normalized: float | None = None
    person_iri: str | None = None
    actor_iri: str | None = None
    character_iri: str | None = None
    from_film_iri: str | None = None
    franchise_iri: str | None = None
    confidence: float | None = field(default=None, compare=False)  # 0..1: how sure the extractor is
    work_iri: str | None = field(default=None, compare=False)  # the reviewed work; not printed
    rule: str | None = field(default=None, compare=False)      # id of the rule that found it; not printed

    def to_json(self) -> dict[str, Any]:
        """The claim as the ``extract --json`` contract spells it."""
        data: dict[str, Any] = {"type": self.type, **claim_kind(self.type).json_fields(self)}
        data.update(evidence=self.evidence, start=self.start, end=self.end, status=self.status)
        if self.confidence is not None:
            data["confidence"] = self.confidence
        for name in _IRI_FIELDS:
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data


@dataclass(frozen=True)
class Extraction:
    """The claims of one review, the plain text their offsets refer to, and the review's metadata."""

    film_title: str | None
    film_iri: str | None
    claims: tuple[Claim, ...]
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    note: str | None = None  # why the reviewed work is unknown or uncertain ("unsure: A or B")

    def to_json(self) -> dict[str, Any]:
        """``{"film": {"title", "iri"[, "note"]}, "claims": [...]}`` as ``extract --json`` prints it.

        ``note`` says why the reviewed work is unknown or uncertain. Extra keys make the output a
        review card that ``wickgraph add card.json`` reads back exactly: each claim's ``rule``
        (the extractor rule that found it), the plain ``text`` the offsets refer to, and the
        review's metadata (``url``, ``author``, ``publisher``, ``published``, and a ``rating`` the
        text does not state).
        """
        film: dict[str, Any] = {"title": self.film_title, "iri": self.film_iri}
        if self.note:
            film["note"] = self.note
        claims = []
        for claim in self.claims:
            data = claim.to_json()
            if claim.rule:
                data["rule"] = claim.rule
            claims.append(data)
        card: dict[str, Any] = {"film": film, "claims": claims}
        card["text"] = self.text
        for key in CARD_METADATA:
            if self.metadata.get(key) is not None:
                card[key] = self.metadata[key]
        return card
