"""Curated reviews read back from the store: the gold data ``wickgraph curated --export`` writes.

A curated review keeps its text (``schema:text``) and its kept claims; :func:`export_curated`
writes each as ``<id>.txt`` and ``<id>.json`` in the format ``score_extraction.py`` (the shared
yardstick) and ``benchmarks/extraction.py --gold`` read. Rejected claims are left out; corrected
claims carry the editor's values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import sparql
from .namespaces import OA, RDF, RDFS, WG

__all__ = ["CuratedReview", "curated_reviews", "export_curated"]

@dataclass(frozen=True)
class CuratedReview:
    """A committed curated review read back from the store: its text and its claims in the gold format."""

    review_id: str
    work: str
    work_title: str
    release_year: int | None
    text: str
    claims: tuple[dict[str, Any], ...]

    def gold(self) -> dict[str, Any]:
        """The ``X.json`` that ``score_extraction.py`` reads beside ``X.txt``."""
        return {"review": f"{self.review_id}.txt", "film": {"title": self.work_title, "year": self.release_year},
                "claims": list(self.claims)}


def curated_reviews(store: Any) -> list[CuratedReview]:
    """Every curated review in ``store`` (a wickgraph Store), by review id, with its kept claims.

    A claim's ``true_in_reference`` is checked live against the store's reference graph, as
    ``conflicts`` does; claims whose truth the reference cannot tell have none.
    """
    from .reference import Reference

    reference = Reference.from_store(store)
    found = []
    for row in _rows(store, "curated-reviews"):
        graph, work = row["graph"], row["work"]
        facts = reference.works.get(work)
        claims = _claims_of(list(store.quads(graph)), reference, work)
        found.append(CuratedReview(graph.rsplit("/", 1)[-1], work, facts.title if facts else work.rsplit("/", 1)[-1],
                                   facts.release_year if facts else None, row["text"], tuple(claims)))
    return found


def export_curated(store: Any, out_dir: Path) -> list[Path]:
    """Write each curated review as ``<id>.txt`` and ``<id>.json`` (the gold format) into ``out_dir``."""
    import json

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for review in curated_reviews(store):
        text_path, gold_path = out_dir / f"{review.review_id}.txt", out_dir / f"{review.review_id}.json"
        text_path.write_text(review.text, encoding="utf-8", newline="")
        gold_path.write_text(json.dumps(review.gold(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written += [text_path, gold_path]
    return written


def _rows(store: Any, name: str) -> list[dict[str, str]]:
    result = store.query(sparql.text(name))
    names = [variable.value for variable in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def _claims_of(quads: Sequence[ox.Quad], reference: Any, work: str) -> list[dict[str, Any]]:
    """The claims of one review graph in the ``extract --json`` shape, in claim order (each read by its kind)."""
    from .claimkinds import claim_status, kind_of_class

    values: dict[str, dict[str, list[Any]]] = {}
    for quad in quads:
        subject = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else str(quad.subject)
        values.setdefault(subject, {}).setdefault(quad.predicate.value, []).append(quad.object)

    claims = []
    for subject, props in values.items():
        kind = next((found for t in props.get(RDF.type, []) if (found := kind_of_class(t.value))), None)
        if kind is None:
            continue
        stored = _StoredClaim(subject, values, reference)
        claim: dict[str, Any] = {"type": kind.name, **kind.read(stored)}
        selector = stored.value(WG.evidence)
        claim["evidence"] = stored.value(OA.exact, selector)
        claim["start"] = int(str(stored.value(OA.start, selector)))
        claim["end"] = int(str(stored.value(OA.end, selector)))
        status = claim_status(claim, reference, work)
        if status != "unknown":
            claim["true_in_reference"] = status == "supported"
        claims.append((_claim_number(subject), {k: v for k, v in claim.items() if not k.endswith("_iri")}))
    return [claim for _, claim in sorted(claims, key=lambda pair: pair[0])]


class _StoredClaim:
    """One claim of a review graph as its kind reads it back (:class:`wickgraph.claimkinds.StoredClaim`)."""

    def __init__(self, claim: str, values: dict[str, dict[str, list[Any]]], reference: Any) -> None:
        self.claim = claim
        self.values = values
        self.reference = reference

    def value(self, predicate: str, subject: str | None = None) -> str | None:
        found = self.values.get(self.claim if subject is None else subject, {}).get(predicate)
        return str(found[0].value) if found else None

    def person(self, predicate: str) -> tuple[str | None, str | None]:
        return self._named(predicate, self.reference.people, "name")

    def character(self, predicate: str) -> tuple[str | None, str | None]:
        return self._named(predicate, self.reference.characters, "name")

    def work(self, predicate: str) -> tuple[str | None, str | None]:
        return self._named(predicate, self.reference.works, "title")

    def _named(self, predicate: str, known: dict[str, Any], attribute: str) -> tuple[str | None, str | None]:
        """The linked node's name and IRI when the reference knows it, else its own label and no IRI."""
        node = self.value(predicate)
        if node is None:
            return None, None
        facts = known.get(node)
        if facts is not None:
            return str(getattr(facts, attribute)), node
        return self.value(RDFS.label, node), None


def _claim_number(iri: str) -> int:
    last = iri.rsplit("/", 1)[-1]
    return int(last) if last.isdigit() else 0

