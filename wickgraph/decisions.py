"""An editor's decision on each claim of a curated review: read from a card, written into its graph.

The bottom of curation, shared by the card reader (:mod:`wickgraph.extract.inputs`), which reads
each claim's ``decision``, ``rule`` and ``extracted`` keys into :class:`Decision` values, and the
review-graph writer (:mod:`wickgraph.reviewgraph`), which writes them with :class:`DecisionWriter`.
The editor's tools that build and commit such cards live above both, in :mod:`wickgraph.curation`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from . import trig
from .claimkinds import claim_kind
from .errors import ReviewInputError
from .namespaces import PROV, SCHEMA, WG, strings
from .trig import Term

if TYPE_CHECKING:
    from .reviewgraph import ReviewGraph

__all__ = ["OUTCOMES", "Decision", "DecisionWriter", "Outcome", "card_decisions"]

Outcome = Literal["accepted", "corrected", "added", "rejected"]
OUTCOMES: tuple[Outcome, ...] = ("accepted", "corrected", "added", "rejected")
_WG, _PROV, _SCHEMA = strings(WG), strings(PROV), strings(SCHEMA)


@dataclass(frozen=True)
class Decision:
    """What an editor decided about one claim of a card, and what the extractor had read."""

    outcome: Outcome
    rule: str | None = None
    extracted: str | None = None  # summary of the extractor's reading (a correction or a rejection)


# -- reading a curated card ----------------------------------------------------------------


def card_decisions(claims: Sequence[Mapping[str, Any]], *, filename: str | None = None) -> list[Decision | None] | None:
    """Each card claim's decision (None: not reviewed), or None when the card records no decision at all."""
    if not any("decision" in claim for claim in claims):
        return None
    decisions: list[Decision | None] = []
    for n, claim in enumerate(claims, 1):
        outcome = claim.get("decision")
        rule = claim.get("rule")
        if outcome is None:
            decisions.append(None)
            continue
        if outcome not in OUTCOMES:
            raise ReviewInputError(f"claim {n}: unknown decision {outcome!r}; expected one of {', '.join(OUTCOMES)}",
                                   filename=filename)
        if rule is not None and (not isinstance(rule, str) or not rule):
            raise ReviewInputError(f"claim {n}: 'rule' must be the id of an extractor rule", filename=filename)
        extracted = claim.get("extracted")
        summary = None
        if outcome == "corrected":
            if not isinstance(extracted, Mapping):
                raise ReviewInputError(f"claim {n}: a corrected claim keeps what was extracted in 'extracted' "
                                       "(an object with the claim's original fields)", filename=filename)
            summary = claim_kind(claim.get("type")).summary({"type": claim.get("type"), **extracted})
        elif outcome == "rejected":
            summary = claim_kind(claim.get("type")).summary(claim)
        decisions.append(Decision(outcome, None if outcome == "added" else rule, summary))
    return decisions


# -- writing decisions into a review graph -----------------------------------------------


class DecisionWriter:
    """Writes a curated review's decisions into its graph: one call per claim from ``reviews._review_quads``.

    Every decision is a ``wg:CurationDecision`` (a ``prov:Activity``) associated with the editor
    who committed the curation, at the commit's time; so committing the same curation again
    writes the same graph, and ``add`` finds it unchanged. The review's text is kept
    (``schema:text``) so that a curated review can be exported as evaluation data.
    """

    def __init__(self, decisions: Sequence[Decision | None], out: ReviewGraph, review: str,
                 text: str, editor: Term, when: Term) -> None:
        self.decisions = decisions
        self.out = out
        self.review = review
        self.editor = editor
        self.when = when
        out.add(review, _SCHEMA.text, trig.literal(text))

    def rejected(self, n: int) -> bool:
        """Whether claim ``n`` (1-based, in card order) was rejected."""
        decision = self._decision(n)
        return decision is not None and decision.outcome == "rejected"

    def _decision(self, n: int) -> Decision | None:
        return self.decisions[n - 1] if 0 < n <= len(self.decisions) else None

    def write(self, n: int, node: str, claim: Mapping[str, Any]) -> None:
        """The decision on claim ``n``; a rejected claim is typed ``wg:RejectedClaim`` here, not as a claim."""
        decision = self._decision(n)
        if decision is None:
            return
        out = self.out
        if decision.outcome == "rejected":
            out.a(node, _WG.RejectedClaim, _PROV.Entity)
            out.add(node, _WG.rejectedIn, trig.iri(self.review))
            out.add(node, _WG.claimType, trig.literal(str(claim.get("type"))))
        activity = node + "/decision"
        out.add(node, _WG.decision, trig.iri(activity))
        out.a(activity, _WG.CurationDecision, _PROV.Activity)
        out.add(activity, _WG.outcome, trig.literal(decision.outcome))
        out.add(activity, _PROV.wasAssociatedWith, self.editor)
        out.add(activity, _PROV.endedAtTime, self.when)
        if decision.rule:
            out.add(activity, _WG.extractorRule, trig.literal(decision.rule))
        if decision.extracted is not None:
            out.add(activity, _WG.extractedValue, trig.literal(decision.extracted))
