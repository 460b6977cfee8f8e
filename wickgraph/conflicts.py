"""Claims against the reference facts: the conflicts in a store, and the list of reviews with their counts.

:func:`conflicts` runs the named query ``queries/conflicts.rq`` live, so the answer follows the
current reference graph rather than the status recorded when a review was added;
:func:`list_reviews` runs ``wickgraph/sparql/list-reviews.rq`` and counts each review's rows of
the same named query. The status of one claim, decided in Python when it is extracted or added,
is its kind's (:func:`wickgraph.claimkinds.claim_status`), over the reference index
(:mod:`wickgraph.reference`).

The rules are those of ``docs/graph-model.md`` ("Conflicts"); a claim contradicts the
reference when, for its work:

* cast/reprise: the reference has the actor in the work playing another character and
  the claimed character is not that character, or the reference has the claimed character
  in the work played only by other actors. A claimed character that is a character of the
  reference is that character (compared by IRI); any other (unreconciled) is compared by
  name: its name equals a reference character's label, full name or alias, ignoring case
  and a leading "the " (:func:`wickgraph.reference.character_key`), exactly as ``queries/conflicts.rq`` does;
* release_year: the reference release year differs;
* director/writer: the reference has credited directors (writers) for the work and the
  claimed person (by IRI) is not one of them. Writer credits "based on characters created by"
  are source credits, not screenplay credits, so they do not count as writers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import sparql
from .reviewgraph import slug_of, term_key

if TYPE_CHECKING:
    from .store import Store

__all__ = ["Conflict", "ReviewSummary", "conflicts", "list_reviews"]



@dataclass(frozen=True)
class Conflict:
    """A claim that contradicts the reference facts: both sides, the evidence and an explanation."""

    review_id: str
    claim: str
    kind: str
    work: str
    work_title: str
    claimed: str
    reference: str
    evidence: str
    explanation: str | None


@dataclass(frozen=True)
class ReviewSummary:
    """One row of ``wickgraph reviews``."""

    review_id: str
    work_title: str
    author: str | None
    published: str | None
    claims: int
    conflicts: int


def _rows(store: Store, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql)
    names = [variable.value for variable in result.variables]  # type: ignore[union-attr]
    return [{n: solution[n].value for n in names if solution[n] is not None}
            for solution in result]  # type: ignore[union-attr]


def _conflict_rows(store: Store) -> list[dict[str, str]]:
    from .queries import get

    return _rows(store, get("conflicts").sparql)


def conflicts(store: Store) -> list[Conflict]:
    """Every claim that contradicts the reference facts, with both sides, evidence and explanation."""
    found = []
    for row in _conflict_rows(store):
        found.append(Conflict(
            review_id=slug_of(row["review"]), claim=row["claim"], kind=row.get("claimType", ""),
            work=row.get("work", ""), work_title=row.get("workTitle") or slug_of(row.get("work", "")),
            claimed=row.get("claimed", ""), reference=row.get("reference", ""),
            evidence=row.get("evidence", ""), explanation=row.get("explanation") or None,
        ))
    return sorted(found, key=lambda c: (c.review_id, term_key(c.claim)))


def conflict_counts(store: Store) -> dict[str, int]:
    """How many rows of ``queries/conflicts.rq`` each review id has (so always what :func:`conflicts` lists)."""
    return dict(Counter(slug_of(row["review"]) for row in _conflict_rows(store) if "review" in row))


def list_reviews(store: Store) -> list[ReviewSummary]:
    """Every review in the store, by review id: work, author, date, number of claims and of conflicts."""
    per_review = conflict_counts(store)
    listed = _rows(store, sparql.text("list-reviews"))
    summaries = []
    # list-reviews.rq does not sort: for 100k rows Python is much faster at it
    for row in sorted(listed, key=lambda row: (row["graph"], row.get("work", ""))):
        rid = slug_of(row["graph"])
        summaries.append(ReviewSummary(
            review_id=rid, work_title=row.get("workTitle") or slug_of(row.get("work", "")),
            author=row.get("author"), published=row.get("published"),
            claims=int(row.get("claims", 0)), conflicts=per_review.get(rid, 0),
        ))
    return summaries
