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
from .namespaces import OA, RDF, RDFS, SCHEMA, WG

__all__ = ["CuratedReview", "curated_reviews", "export_curated"]

_RDF_TYPE = RDF.type


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


_LABEL = RDFS.label


def _claims_of(quads: Sequence[ox.Quad], reference: Any, work: str) -> list[dict[str, Any]]:
    """The claims of one review graph in the ``extract --json`` shape, in claim order."""
    from .claimkinds import claim_status
    from .claimkinds import kinds as claim_kinds

    claim_types = {kind.rdf_class: kind.name for kind in claim_kinds()}

    values: dict[str, dict[str, list[Any]]] = {}
    for quad in quads:
        subject = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else str(quad.subject)
        values.setdefault(subject, {}).setdefault(quad.predicate.value, []).append(quad.object)

    def one(subject: str, predicate: str) -> Any:
        found = values.get(subject, {}).get(predicate)
        return found[0] if found else None

    def name(node: Any, known: dict[str, Any], attribute: str) -> tuple[str | None, str | None]:
        if node is None:
            return None, None
        facts = known.get(node.value)
        if facts is not None:
            return str(getattr(facts, attribute)), node.value
        label = one(node.value, _LABEL)
        return (label.value if label is not None else None), None

    claims = []
    for subject, props in values.items():
        kinds = [claim_types[t.value] for t in props.get(_RDF_TYPE, []) if t.value in claim_types]
        if not kinds:
            continue
        kind = kinds[0]
        claim: dict[str, Any] = {"type": kind}
        if kind in ("director", "writer"):
            claim["person"], claim["person_iri"] = name(one(subject, str(WG.claimedPerson)), reference.people, "name")
        elif kind in ("cast", "reprise"):
            claim["actor"], claim["actor_iri"] = name(one(subject, str(WG.claimedPerson)), reference.people, "name")
            character, claim["character_iri"] = name(one(subject, str(WG.claimedCharacter)), reference.characters,
                                                     "name")
            written = one(subject, str(WG.claimedCharacterName))
            claim["character"] = written.value if written is not None else character
            if kind == "reprise":
                claim["from_film"], claim["from_film_iri"] = name(one(subject, str(WG.claimedFromWork)),
                                                                  reference.works, "title")
        elif kind == "release_year":
            claim["year"] = int(one(subject, str(WG.claimedYear)).value)
        elif kind == "franchise_member":
            franchise = one(subject, str(WG.claimedFranchise))
            label = one(franchise.value, _LABEL) if franchise is not None else None
            claim["franchise"] = label.value if label is not None else reference.franchise_name
        elif kind == "rating":
            rating = one(subject, str(WG.claimedRating))
            claim["value"] = _number(one(rating.value, SCHEMA.ratingValue))
            best = one(rating.value, SCHEMA.bestRating)
            claim["scale"] = _number(best) if best is not None else one(rating.value, str(WG.ratingScale)).value
        selector = one(subject, str(WG.evidence))
        claim["evidence"] = one(selector.value, OA.exact).value
        claim["start"] = int(one(selector.value, OA.start).value)
        claim["end"] = int(one(selector.value, OA.end).value)
        status = claim_status(claim, reference, work)
        if status != "unknown":
            claim["true_in_reference"] = status == "supported"
        claims.append((_claim_number(subject), {k: v for k, v in claim.items() if not k.endswith("_iri")}))
    return [claim for _, claim in sorted(claims, key=lambda pair: pair[0])]


def _claim_number(iri: str) -> int:
    last = iri.rsplit("/", 1)[-1]
    return int(last) if last.isdigit() else 0


def _number(term: Any) -> Any:
    text = term.value
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number
