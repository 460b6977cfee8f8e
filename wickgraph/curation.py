"""Editors curate a review's claims: accept, reject, correct or add each one, then commit.

A curation travels as a *review card* (the ``extract --json`` output with the review's text and
metadata, :meth:`wickgraph.extract.claims.Extraction.to_json`) whose claims carry three extra keys:

* ``decision``: ``accepted``, ``corrected``, ``added`` or ``rejected``;
* ``rule``: the extractor rule that found the claim (absent for an added one);
* ``extracted``: for a correction, the claim as the extractor had read it.

``wickgraph add card.json`` commits such a card through the ordinary add pipeline
(:func:`wickgraph.reviews.add_reviews`), whose card reader and review-graph writer read and
write each decision with :mod:`wickgraph.decisions`, in PROV-O terms (``docs/graph-model.md``,
"Curation"). This module sits above the extractor and the add pipeline and calls into them. The
browser page (:mod:`wickgraph.server.curate`) and ``wickgraph add FILE --review`` both build
such cards with :func:`curated_card`.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox

from .claimkinds import claim_kind, kinds
from .errors import CurationConflict, ReviewInputError, UsageError, WickgraphError
from .namespaces import OA, PROV, RDFS, WG

__all__ = [
    "check_claim", "claim_summary", "commit_card", "curated_card", "evidence_in_context", "parse_value",
    "prepare_upload", "reference_names", "stored_version", "text_sha", "value_fields",
]

_IRI_OF = {"person": "person_iri", "actor": "actor_iri", "character": "character_iri",
           "from_film": "from_film_iri", "franchise": "franchise_iri"}


def value_fields() -> tuple[str, ...]:
    """The fields of a claim an editor may correct: every registered kind's (each kind uses some of them)."""
    return tuple(dict.fromkeys(name for kind in kinds() for name in kind.fields))


def claim_summary(claim: Mapping[str, Any]) -> str:
    """A claim's value in one line, as ``add`` and the review-claims query show it (its kind writes it)."""
    return claim_kind(claim.get("type")).summary(claim)


# -- building a curated card --------------------------------------------------------------


def curated_card(card: Mapping[str, Any], decisions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """``card`` (an ``extract --json`` output) with each claim's decision applied, ready for ``add``.

    ``decisions`` holds one entry per extracted claim, in order: ``{"decision": "accepted"}``,
    ``{"decision": "rejected"}``, ``{"decision": "corrected", "values": {"character": "Eve Macarro"}}``
    or ``{}`` (not reviewed, kept as extracted); further entries with ``"decision": "added"`` and a
    whole ``claim`` are claims the editor added. Corrected names lose their stale ``*_iri`` links and
    are linked again when the card is added.
    """
    claims = list(card.get("claims") or [])
    fields = value_fields()
    if len(decisions) < len(claims):
        raise ReviewInputError(f"{len(claims)} claims but only {len(decisions)} decisions")
    out_claims: list[dict[str, Any]] = []
    for n, decision in enumerate(decisions, 1):
        outcome = decision.get("decision")
        if n > len(claims):
            if outcome != "added" or not isinstance(decision.get("claim"), Mapping):
                raise ReviewInputError(f"decision {n}: only added claims (with a 'claim') follow the extracted ones")
            added = {k: v for k, v in dict(decision["claim"]).items() if k not in ("rule", "extracted")}
            out_claims.append({**added, "decision": "added"})
            continue
        claim = dict(claims[n - 1])
        if not outcome:
            out_claims.append(claim)
            continue
        if outcome not in ("accepted", "rejected", "corrected"):
            raise ReviewInputError(f"decision {n}: unknown decision {outcome!r} for an extracted claim")
        values = dict(decision.get("values") or {})
        changed = {k: v for k, v in values.items() if k in fields and claim.get(k) != v}
        if outcome == "corrected" and not changed:
            outcome = "accepted"  # "corrected" to the very same values
        if outcome == "corrected":
            claim["extracted"] = {k: copy.deepcopy(claim.get(k)) for k in fields if k in claim}
            for key, value in changed.items():
                claim[key] = value
                claim.pop(_IRI_OF.get(key, ""), None)
            claim.pop("normalized", None) if "value" in changed or "scale" in changed else None
            claim.pop("status", None)
        claim["decision"] = outcome
        out_claims.append(claim)
    return {**card, "claims": out_claims}


def evidence_in_context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str, str]:
    """The text before a quote, the quote and the text after it, each on one line."""
    def flat(part: str) -> str:
        return re.sub(r"\s+", " ", part)

    before = flat(text[max(0, start - width):start])
    after = flat(text[end:end + width])
    before = "…" + before if start > width else before.lstrip()
    after = after + "…" if end + width < len(text) else after.rstrip()
    return before, flat(text[start:end]), after


def text_sha(data: bytes | None) -> str | None:
    """The SHA-256 of a stored review file's bytes (None when there is none): a curation's base version."""
    return hashlib.sha256(data).hexdigest() if data is not None else None


# -- committing a curated card ------------------------------------------------------------


def commit_card(card: Mapping[str, Any], *, source: str, data_dir: Path | None = None,
                store_dir: Path | None = None, store: Any = None, base_sha: str | Literal["any"] | None = "any",
                added_by: str | None = None, now: datetime | None = None, force: bool = False,
                overrides: Any = None, dry_run: bool = False,
                confirm: Callable[[Any], bool] | None = None) -> Any:
    """Commit a curated card through the add pipeline; the :class:`~wickgraph.reviews.AddReport`.

    SHACL first, temporary files and rename, one store transaction, under the data folder's
    lock; the same card committed again changes nothing. ``base_sha`` is the SHA-256 of the
    stored review file when the curation began (None: there was none); if the file differs now,
    another editor committed first and :class:`~wickgraph.errors.CurationConflict` is raised
    before anything is written (``"any"`` skips the check). ``force`` lets the curation replace
    a review graph written by hand.
    """
    import dataclasses
    import json
    import tempfile

    from .reviews import Overrides, add_reviews

    overrides = dataclasses.replace(overrides or Overrides(), force=force or bool(getattr(overrides, "force", False)))

    def check(report: Any) -> bool:
        for plan in report.reviews:
            if base_sha != "any" and plan.previous_sha != base_sha:
                raise CurationConflict(
                    f"review {plan.review_id} was changed by someone else since this curation began; "
                    "look at what changed, then commit again")
        report.reviews = [dataclasses.replace(plan, source=source) for plan in report.reviews]
        return confirm(report) if confirm is not None else True

    name = Path(source).stem or "review"
    with tempfile.TemporaryDirectory(prefix="wickgraph-curation-") as folder:
        path = Path(folder) / f"{name}.json"
        path.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
        try:
            report = add_reviews([path], data_dir=data_dir, store_dir=store_dir, overrides=overrides,
                                 dry_run=dry_run, workers=1, confirm=check, added_by=added_by, now=now,
                                 store=store)
        except WickgraphError as error:
            if error.filename == str(path):
                error.filename = source
            raise
    report.reviews = [dataclasses.replace(plan, source=source) for plan in report.reviews]
    return report


def parse_value(field: str, text: str) -> Any:
    """An edited value as a card holds it: a whole year, a rating number, a name (empty: none)."""
    text = text.strip()
    if field == "year":
        if not re.fullmatch(r"(1[89]|2[01])\d\d", text):
            raise UsageError(f"year {text!r}: expected a year such as 2025")
        return int(text)
    if field in ("value", "scale"):
        try:
            number = float(text)
        except ValueError:
            if not text:
                raise UsageError(f"rating {field}: give a number or a grade") from None
            return text
        return int(number) if number.is_integer() else number
    return text or None



# -- what the curation page asks -------------------------------------------------------------


def prepare_upload(filename: str, data: bytes, *, data_dir: Path, film: str | None = None) -> dict[str, Any]:
    """An uploaded or pasted review read and extracted: the card, each claim checked, and the stored version.

    Bad input (binary, empty, wrong encoding, malformed card, unknown suffix) raises
    :class:`~wickgraph.errors.ReviewInputError` naming ``filename``; nothing is written.
    """
    import tempfile

    from .extract import extract_review
    from .extract.inputs import read_review
    from .reference import default_reference
    from .reviewgraph import review_id

    suffix = Path(filename).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="wickgraph-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            review = read_review(path)
        except WickgraphError as error:
            error.filename = filename
            raise
    extraction = extract_review(review, film)
    card = extraction.to_json()
    reference = default_reference(data_dir / "reference" / "franchise.ttl")
    for claim in card["claims"]:
        claim.update(summary=claim_summary(claim), **_reference_side(claim, reference, extraction.film_iri))
    rid = review_id(card.get("url"), card["text"])
    return {"card": card, "review_id": rid, **stored_version(data_dir, rid)}


def stored_version(data_dir: Path, rid: str) -> dict[str, Any]:
    """The stored file of review ``rid``: its SHA-256 (the curation's base) and its claims' decisions."""
    target = data_dir / "reviews" / f"{rid}.trig"
    data = target.read_bytes() if target.is_file() else None
    if data is None:
        return {"base_sha": None, "stored": None}
    items: dict[str, dict[str, Any]] = {}
    labels: dict[str, str] = {}
    method = committed_by = committed_at = None
    for quad in ox.parse(data, format=ox.RdfFormat.TRIG):
        subject, predicate, value = str(quad.subject.value), quad.predicate.value, quad.object.value
        if predicate == RDFS.label:
            labels[subject] = value
        elif predicate == str(WG.extractionMethod):
            method = value
        elif predicate == str(PROV.wasAttributedTo):
            committed_by = value
        elif predicate == str(PROV.generatedAtTime):
            committed_at = value
        elif predicate in _STORED_KEYS:
            owner = subject.removesuffix("/decision").removesuffix("/evidence")
            items.setdefault(owner, {})[_STORED_KEYS[predicate]] = value
    claims = [{**item, "n": int(key.rsplit("/", 1)[-1]), "start": int(item["start"]), "end": int(item["end"])}
              for key, item in items.items() if key.rsplit("/", 1)[-1].isdigit() and "start" in item]
    return {"base_sha": text_sha(data), "stored": {
        "by_hand": method == "manual", "committed_by": labels.get(committed_by or "", committed_by),
        "committed_at": committed_at, "claims": sorted(claims, key=lambda c: c["n"])}}


_STORED_KEYS = {WG.outcome: "decision", WG.extractedValue: "extracted", OA.start: "start", OA.end: "end",
                OA.exact: "evidence", WG.claimType: "type"}


def check_claim(claim: Mapping[str, Any], *, film: str | None, data_dir: Path) -> dict[str, Any]:
    """One claim (as the editor has it now) linked to the reference and checked: its status and summary,
    the reference's side and explanation when contradicted, and which names are unreconciled."""
    from .extract import extract_review
    from .extract.inputs import ReviewInput
    from .reference import default_reference

    evidence = str(claim.get("evidence") or "")
    raw = {k: v for k, v in claim.items() if k in (*value_fields(), "type", "evidence") and v not in ("", None)}
    raw.update(evidence=evidence, start=0, end=len(evidence))
    known = [kind.name for kind in kinds()]
    if raw.get("type") not in known:
        raise UsageError(f"unknown claim type {raw.get('type')!r}; expected one of {', '.join(known)}")
    linked = extract_review(ReviewInput(evidence or " ", {}, (raw,)), film).claims[0].to_json()
    reference = default_reference(data_dir / "reference" / "franchise.ttl")
    unreconciled = [name for name, iri in _IRI_OF.items()
                    if linked.get(name) and not linked.get(iri) and name in linked]
    return {"status": linked.get("status", "unknown"), "summary": claim_summary(raw),
            **_reference_side(linked, reference, _film_iri(film)),
            "unreconciled": unreconciled, "links": {k: v for k, v in linked.items() if k.endswith("_iri")}}


def _film_iri(film: str | None) -> str | None:
    from .extract import resolve_film
    from .extract.gazetteer import get_gazetteer

    return resolve_film(film, get_gazetteer()) if film else None


def reference_names(data_dir: Path) -> dict[str, list[str]]:
    """The names the reference graph knows, for completion: people, characters and works."""
    from .reference import default_reference

    reference = default_reference(data_dir / "reference" / "franchise.ttl")
    return {"people": sorted({p.name for p in reference.people.values()}),
            "characters": sorted({c.name for c in reference.characters.values()}),
            "works": sorted({w.title for w in reference.works.values()})}


def _reference_side(claim: Mapping[str, Any], reference: Any, work: str | None) -> dict[str, str]:
    """For a contradicted claim, what the reference says instead, and the known-error explanation (its kind's)."""
    if claim.get("status") != "contradicted" or work is None or work not in reference.works:
        return {}
    kind = claim_kind(claim.get("type"))
    explanation = kind.explanation(claim, reference, work)
    return {"reference": kind.reference_side(claim, reference, reference.works[work]),
            **({"explanation": explanation} if explanation else {})}
