"""The editor's pipeline: review files → prepared, validated review graphs → confirmed → committed.

:func:`add_reviews` runs in two phases:

1. *prepare* (no lock, parallel across cores): extract each input, build its graph with the
   review-graph writer (:mod:`wickgraph.reviewgraph`), SHACL-validate it and decide whether it
   is new, a replacement or unchanged; the editor may then confirm;
2. *commit*: one transaction (:mod:`wickgraph.transaction`) writes every changed file and
   updates the store, so the store never sees half a batch.

A review's identity is its id (the URL's hash, else the text's). Adding the same review
again changes nothing; a changed extraction of it replaces the old graph. Time-dependent
provenance (when and by whom it was added) does not count as a change.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from .claimkinds import claim_kind, claim_status, value_of
from .conflicts import Conflict, conflicts
from .errors import (
    ReviewInputError,
    ReviewNotFound,
    UsageError,
    ValidationFailed,
    WickgraphError,
)
from .namespaces import PROV, RDFS, REFERENCE_GRAPH, WG, review_graph_iri, review_iri
from .reviewgraph import Provenance, claim_dicts, film_of, review_graph, review_id
from .transaction import FileChange, commit, data_folder, recover_when_possible

if TYPE_CHECKING:
    from .build import Progress
    from .store import Store

__all__ = [
    "REVIEW_SUFFIXES", "Action", "AddReport", "BadInput", "ClaimRow", "Overrides", "ReviewPlan", "add_reviews",
    "claim_row", "collect_inputs", "remove_review",
]

Action = Literal["added", "replaced", "unchanged"]
REVIEW_SUFFIXES = (".txt", ".html", ".htm", ".json")
"""Files taken from a folder given to ``add``."""

REVIEW_ID = re.compile(r"r-[0-9a-f]{12}")
"""A review's id, as :func:`wickgraph.reviewgraph.review_id` makes it; ``remove`` accepts nothing else."""

PARALLEL_THRESHOLD = 8  # below this, starting worker processes costs more than it saves


# -- values ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Overrides:
    """What the editor says about the inputs, over what the extractor found in them."""

    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    film: str | None = None
    force: bool = False  # replace a review graph that was written by hand


@dataclass(frozen=True)
class ClaimRow:
    """One claim as the CLI shows it."""

    n: int
    type: str
    summary: str
    evidence: str
    status: str
    confidence: float | None = None  # the extractor's, 0..1; None for hand-given card claims


@dataclass(frozen=True)
class ReviewPlan:
    """One input, extracted, built and validated: what committing it would do."""

    source: str
    review_id: str
    work: str
    work_title: str
    claims: tuple[ClaimRow, ...]
    data: bytes  # the TriG file to write
    action: Action
    previous_sha: str | None  # of the file this plan was compared with (None: there was none)

    @property
    def filename(self) -> str:
        return f"{self.review_id}.trig"


@dataclass(frozen=True)
class BadInput:
    """An input that could not be added, and why (one line)."""

    source: str
    reason: str
    exit_code: int = 2  # 1 when the input was read but its graph broke the SHACL shapes


@dataclass
class AddReport:
    """What ``add`` found and did; ``written`` is false for a dry run or a declined confirmation."""

    reviews: list[ReviewPlan] = field(default_factory=list)
    bad: list[BadInput] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    seconds: float = 0.0

    def by_action(self, action: Action) -> list[ReviewPlan]:
        return [plan for plan in self.reviews if plan.action == action]


# -- inputs -------------------------------------------------------------------------------


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[BadInput]]:
    """Files as given, and every review file inside folders (sorted); missing paths are bad inputs."""
    found: list[Path] = []
    bad: list[BadInput] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REVIEW_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            bad.append(BadInput(str(path), "no such file or folder"))
    unique = list(dict.fromkeys(found))
    return unique, bad


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None  # an unreadable date on a card is left out rather than guessed


def _extractor_version() -> str:
    from . import __version__, extract

    return str(getattr(extract, "__version__", __version__))


@dataclass(frozen=True)
class _Job:
    path: str
    overrides: Overrides
    data_dir: str
    added_by: str
    now: datetime


def _prepare(job: _Job) -> ReviewPlan | BadInput:
    """Extract, build and compare one input (runs in a worker process)."""
    try:
        return _prepare_one(job)
    except WickgraphError as error:
        return BadInput(job.path, _reason(error, job.path), error.exit_code)
    except (OSError, UnicodeError, ValueError) as error:
        return BadInput(job.path, f"cannot read: {error}")


def _reason(error: WickgraphError, path: str) -> str:
    """One line saying what is wrong, without repeating the input's own name."""
    if error.filename in (None, path):
        where = ":".join(str(part) for part in (error.lineno, error.offset) if part is not None)
        text = f"{where}: {error.message}" if where else error.message
    else:
        text = str(error)
    return text.splitlines()[0] if text.strip() else type(error).__name__


def _extract(path: Path, film: str | None) -> Any:
    """The extractor's reading of one input (a seam for tests)."""
    from .extract import extract_file

    return extract_file(path, film=film)


def _prepare_one(job: _Job) -> ReviewPlan:
    """Extract and build one input's review graph and compare it with the stored one (not validated yet)."""
    extraction = _extract(Path(job.path), job.overrides.film)
    text = str(value_of(extraction, "text") or "")
    if not text.strip():
        raise ReviewInputError("the review has no text")
    metadata = value_of(extraction, "metadata")
    over = job.overrides
    url = over.url or value_of(metadata, "url") or None
    prov = Provenance(
        url=url, author=over.author or value_of(metadata, "author") or None,
        publisher=over.publisher or value_of(metadata, "publisher") or None,
        published=over.published or _parse_date(value_of(metadata, "published")),
        retrieved=job.now.date(), added_by=job.added_by, added_at=job.now,
        method="extractor", extractor_version=_extractor_version(),
    )
    work_iri, work_title = film_of(extraction)
    claims = claim_dicts(extraction)
    _fill_status(claims, work_iri, Path(job.data_dir))
    rating = value_of(metadata, "rating")
    decisions = value_of(metadata, "curation")  # from a curated card (wickgraph.curation)
    data = review_graph(claims, work_iri, text, prov, rating, decisions).trig()
    rid = review_id(url, text)
    target = Path(job.data_dir) / "reviews" / f"{rid}.trig"

    action: Action = "added"
    previous_sha = None
    if target.is_file():
        old = target.read_bytes()
        previous_sha = hashlib.sha256(old).hexdigest()
        kept = _old_provenance(old, rid, prov)
        if kept is not None and review_graph(claims, work_iri, text, kept, rating, decisions).trig() == old:
            action, data = "unchanged", old
        else:
            action = "replaced"
            if _written_by_hand(old) and not over.force:
                raise ReviewInputError(
                    f"{target.name} holds this review's hand-written graph; the extractor's reading would "
                    "replace it (pass --force to replace it)")
    rejected = {n for n, d in enumerate(decisions or (), 1) if d is not None and d.outcome == "rejected"}
    rows = tuple(claim_row(n, claim) for n, claim in enumerate(claims, 1) if n not in rejected)
    return ReviewPlan(job.path, rid, work_iri, work_title, rows, data, action, previous_sha)


VALIDATION_BATCH = 500
"""Review graphs SHACL-validated together: one in-memory store and one run of the shapes per batch
(a run costs about 12 ms whatever its size, so one review at a time dominated a bulk add)."""


def _validate_plans(plans: list[ReviewPlan], data_dir: Path) -> tuple[list[ReviewPlan], list[BadInput]]:
    """Split prepared reviews into those whose new graph conforms to the shapes and those that do not."""
    from .shacl import validate_store

    changed = [plan for plan in plans if plan.action != "unchanged"]
    broken: dict[str, list[str]] = {}
    for start in range(0, len(changed), VALIDATION_BATCH):
        batch = changed[start:start + VALIDATION_BATCH]
        store = ox.Store()
        for plan in batch:
            store.load(plan.data, format=ox.RdfFormat.TRIG)
        sources = {review_graph_iri(plan.review_id): str(data_dir / "reviews" / plan.filename) for plan in batch}
        for violation in validate_store(store, sources):
            broken.setdefault(violation.source, []).append(str(violation))
    valid, invalid = [], []
    for plan in plans:
        found = broken.get(str(data_dir / "reviews" / plan.filename))
        if found:
            invalid.append(BadInput(plan.source, f"the review graph breaks {len(found)} SHACL rule(s); "
                                                 f"first: {found[0]}", ValidationFailed.exit_code))
        else:
            valid.append(plan)
    return valid, invalid


def _written_by_hand(data: bytes) -> bool:
    """Whether a stored review graph says its claims were extracted by hand."""
    return any(q.predicate.value == str(WG.extractionMethod) and q.object.value == "manual"
               for q in ox.parse(data, format=ox.RdfFormat.TRIG))


def _fill_status(claims: list[dict[str, Any]], work_iri: str, data_dir: Path) -> None:
    """Claims the extractor left without a status are checked against the reference now."""
    missing = [claim for claim in claims if not claim.get("status")]
    reference_file = data_dir / "reference" / "franchise.ttl"
    if not missing or not reference_file.is_file():
        return
    from .reference import default_reference

    reference = default_reference(reference_file)
    for claim in missing:
        claim["status"] = claim_status(claim, reference, work_iri)


def _old_provenance(data: bytes, rid: str, new: Provenance) -> Provenance | None:
    """``new`` with the time-dependent parts (when, by whom) taken from a stored review graph."""
    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
    except SyntaxError:
        return None
    graph, review = review_graph_iri(rid), review_iri(rid)
    values: dict[tuple[str, str], str] = {}
    for q in quads:
        values.setdefault((q.subject.value, q.predicate.value), q.object.value)
    added_at = values.get((graph, str(PROV.generatedAtTime)))
    retrieved = values.get((review, str(WG.retrievedOn)))
    editor = values.get((graph, str(PROV.wasAttributedTo)))
    editor_name = values.get((editor, str(RDFS.label))) if editor else None
    if not (added_at and retrieved and editor_name):
        return None
    try:
        when = datetime.fromisoformat(added_at)
        return dataclasses.replace(new, added_at=when, retrieved=date.fromisoformat(retrieved),
                                   added_by=editor_name)
    except ValueError:
        return None


def claim_row(n: int, claim: Mapping[str, Any]) -> ClaimRow:
    """Claim number ``n`` as ``add`` shows it (its kind writes the summary)."""
    kind = str(claim.get("type"))
    confidence = claim.get("confidence")
    return ClaimRow(n, kind, claim_kind(kind).summary(claim), str(claim.get("evidence") or ""),
                    str(claim.get("status") or "unknown"),
                    float(confidence) if isinstance(confidence, int | float) else None)


def _run_jobs(jobs: list[_Job], workers: int | None, progress: Progress | None) -> list[ReviewPlan | BadInput]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if len(jobs) <= PARALLEL_THRESHOLD or count <= 1:
        return _reporting(map(_prepare, jobs), len(jobs), progress)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(count, len(jobs))) as pool:
        # chunks keep each worker's shapes and reference index warm across many small reviews
        chunk = max(1, min(50, len(jobs) // (count * 4)))
        return _reporting(pool.map(_prepare, jobs, chunksize=chunk), len(jobs), progress)


def _reporting(results: Iterable[ReviewPlan | BadInput], total: int,
               progress: Progress | None) -> list[ReviewPlan | BadInput]:
    done: list[ReviewPlan | BadInput] = []
    for result in results:
        done.append(result)
        if progress is not None:
            progress("extract", len(done), total)
    return done


# -- preparing and committing -------------------------------------------------------------


def add_reviews(
    paths: Iterable[str | Path],
    *,
    data_dir: Path | None = None,
    store_dir: Path | None = None,
    overrides: Overrides | None = None,
    dry_run: bool = False,
    skip_bad: bool = False,
    workers: int | None = None,
    confirm: Callable[[AddReport], bool] | None = None,
    progress: Progress | None = None,
    added_by: str | None = None,
    now: datetime | None = None,
    lock_timeout: float = 10.0,
    store: Store | None = None,
) -> AddReport:
    """Extract, build, validate and (unless ``dry_run``) write reviews and update the store.

    ``confirm(report)`` is called with the prepared report before anything is written; the
    write happens only if it returns true. Any bad input aborts everything (nothing is written)
    unless ``skip_bad``, which reports bad inputs and adds the rest. ``progress(step, done, total)``
    is called as inputs are read. ``store`` is the already open, writable store of ``store_dir``
    (a server's, which holds its lock) to update instead of opening it.
    """
    from .resources import default_data_dir, default_store_dir

    started = time.perf_counter()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    store_dir = Path(store_dir) if store_dir else default_store_dir()
    overrides = overrides or Overrides()
    data_folder(data_dir)
    recover_when_possible(data_dir, store_dir)  # compare with the files as they are after any interrupted commit
    files, bad = collect_inputs(paths)
    if overrides.url and len(files) + len(bad) > 1:
        raise UsageError("--url names one review; give exactly one FILE with it")
    if not files and not bad:
        raise UsageError("no review files given (folders are searched for .txt, .html and .json)")
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    editor = added_by or _editor()
    jobs = [_Job(str(path), overrides, str(data_dir), editor, when) for path in files]

    report = AddReport(dry_run=dry_run)
    seen: dict[str, ReviewPlan] = {}
    for result in _run_jobs(jobs, workers, progress):
        if isinstance(result, BadInput):
            bad.append(result)
        elif result.review_id in seen:
            first = seen[result.review_id]
            if first.data != result.data:
                bad.append(BadInput(result.source, f"the same review as {first.source} ({result.review_id}) "
                                                   "but with other claims; add one of them"))
        else:
            seen[result.review_id] = result
            report.reviews.append(result)
    report.reviews, invalid = _validate_plans(report.reviews, data_dir)
    bad += invalid
    report.bad = bad
    if bad and not skip_bad:
        first_bad = bad[0]
        more = f" (and {len(bad) - 1} more bad input(s); --skip-bad adds the rest)" if len(bad) > 1 else ""
        error_class = ValidationFailed if first_bad.exit_code == 1 else ReviewInputError
        raise error_class(f"{first_bad.reason}{more}; nothing was added", filename=first_bad.source)
    report.conflicts = _preview_conflicts(report.reviews, data_dir)
    changes = any(plan.action != "unchanged" for plan in report.reviews)
    # nothing to confirm when every review is unchanged (the commit then only re-syncs the store)
    if dry_run or not report.reviews or (changes and confirm is not None and not confirm(report)):
        report.seconds = time.perf_counter() - started
        return report
    _commit(report.reviews, data_dir, store_dir, lock_timeout, store)
    report.written = True
    report.seconds = time.perf_counter() - started
    return report


def _editor() -> str:
    import getpass

    try:
        return os.environ.get("WICKGRAPH_EDITOR") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown editor"


def _preview_conflicts(plans: Sequence[ReviewPlan], data_dir: Path) -> list[Conflict]:
    """Conflicts of the prepared reviews against data/reference, in a throwaway in-memory store."""
    if not plans:
        return []
    from .store import Store

    store = Store()
    for path in sorted((data_dir / "reference").glob("*.ttl")):
        store.load_file(path, graph=str(REFERENCE_GRAPH))
    for plan in plans:
        store.bulk_load(plan.data, ox.RdfFormat.TRIG)
    return conflicts(store)




def _commit(plans: Sequence[ReviewPlan], data_dir: Path, store_dir: Path, lock_timeout: float,
            store: Store | None = None) -> None:
    """Write the changed files and update the store as one transaction."""
    reviews_dir = data_dir / "reviews"
    reviews_dir.mkdir(parents=True, exist_ok=True)
    # the files may have changed since they were compared (another add finished first): commit checks
    changes = [FileChange(reviews_dir / plan.filename, plan.data, review_graph_iri(plan.review_id),
                          plan.previous_sha, plan.action != "unchanged")
               for plan in plans]

    def graphs(store: Store) -> dict[str, list[ox.Quad]]:
        replaced = {}
        for plan in plans:
            quads = list(ox.parse(plan.data, format=ox.RdfFormat.TRIG))
            graph = review_graph_iri(plan.review_id)
            # an unchanged file whose graph the store lacks (or holds stale) is loaded too
            if plan.action != "unchanged" or set(map(str, store.quads(graph))) != set(map(str, quads)):
                replaced[graph] = quads
        return replaced

    commit(data_dir, store_dir, changes, graphs, lock_timeout=lock_timeout, store=store)


def remove_review(review_id: str, *, data_dir: Path | None = None, store_dir: Path | None = None,
                  lock_timeout: float = 10.0) -> Path:
    """Delete a review's file and its graph in the store (both or neither); return the file's path."""
    from .resources import default_data_dir, default_store_dir

    if not REVIEW_ID.fullmatch(review_id):
        raise UsageError(f"{review_id!r} is not a review id (r- and 12 hex digits, as `wickgraph reviews` "
                         "lists them); nothing was removed")
    data_dir = data_folder(Path(data_dir) if data_dir else default_data_dir())
    store_dir = Path(store_dir) if store_dir else default_store_dir()
    recover_when_possible(data_dir, store_dir)  # the file as it is after any interrupted commit
    target = data_dir / "reviews" / f"{review_id}.trig"
    graph = review_graph_iri(review_id)
    old_sha = hashlib.sha256(target.read_bytes()).hexdigest() if target.is_file() else None

    def graphs(store: Store) -> dict[str, list[ox.Quad]]:
        if not target.is_file() and graph not in store.named_graphs():
            known = sorted(p.stem for p in (data_dir / "reviews").glob("*.trig"))
            close = difflib.get_close_matches(review_id, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see `wickgraph reviews`"
            raise ReviewNotFound(f"no review {review_id!r}{hint}")
        return {graph: []}

    commit(data_dir, store_dir, [FileChange(target, None, graph, old_sha)], graphs, lock_timeout=lock_timeout)
    return target
