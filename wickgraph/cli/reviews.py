"""The editors' commands: ``add`` (with ``--review``), ``reviews``, ``curated``, ``remove``, ``conflicts``
(library: :mod:`wickgraph.reviews`, :mod:`wickgraph.curation`, :mod:`wickgraph.conflicts`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import (
    Progress,
    clip,
    confidence_cell,
    data_option,
    format_option,
    iri_cell,
    parse_date_option,
    read_from_store,
    store_option,
    text_table,
)

__all__ = ["add", "conflicts_command", "curated_command", "list_reviews_command", "remove"]


def _show_plans(report: Any) -> None:
    """Each prepared review: what will happen, its claims with evidence and status, its conflicts."""
    what = {"added": "new", "replaced": "replaces the stored version", "unchanged": "unchanged, already stored"}
    for plan in report.reviews:
        click.echo(f"{plan.review_id}  {plan.work_title}  ({what[plan.action]})  from {plan.source}")
        # the extractor's confidence; a card's claims (given or curated by an editor) carry none
        scored = any(c.confidence is not None for c in plan.claims)
        rows = [[str(c.n), c.type, clip(c.summary, 40), c.status, *([confidence_cell(c.confidence)] if scored else []),
                 clip(f"“{c.evidence}”", 60)] for c in plan.claims]
        if rows:
            click.echo(text_table(["#", "type", "claim", "status", *(["conf"] if scored else []), "evidence"], rows))
        else:
            click.echo("  (no claims found)")
        for conflict in (c for c in report.conflicts if c.review_id == plan.review_id):
            number = conflict.claim.rsplit("/", 1)[-1]
            click.echo(f"  conflict, claim {number} ({conflict.kind}): review says {conflict.claimed}; "
                       f"reference says {conflict.reference}")
            if conflict.explanation:
                click.echo(f"    {clip(conflict.explanation, 160)}")
        click.echo("")
    for bad in report.bad:
        click.echo(f"skipped {bad.source}: {bad.reason}", err=True)


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--url", help="The review's URL (its identity); one FILE only.")
@click.option("--author", help="The critic, when the file does not say.")
@click.option("--publisher", help="The publication, when the file does not say.")
@click.option("--published", metavar="DATE", help="Publication date, YYYY-MM-DD.")
@click.option("--film", metavar="TITLE", help="The reviewed work, when the extractor cannot tell.")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("-y", "--yes", is_flag=True, help="Add without asking (needed when not at a terminal).")
@click.option("--skip-bad", is_flag=True, help="Report unreadable inputs and add the others.")
@click.option("--force", is_flag=True, help="Replace a review graph that was written by hand.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes for extraction (default: one per core).")
@click.option("--review", "curate", is_flag=True,
              help="Walk the claims one by one (accept, reject, edit, skip all) before writing; one FILE.")
@data_option
@store_option
def add(files: tuple[str, ...], url: str | None, author: str | None, publisher: str | None,
        published: str | None, film: str | None, dry_run: bool, yes: bool, skip_bad: bool, force: bool,
        workers: int | None, curate: bool, data_dir: Path | None, store_dir: Path | None) -> None:
    """Extract reviews and add their claims to data/reviews/ and the store.

    FILE is a .txt, .html or .json review, a folder of them, or - to read a list of
    paths from standard input. Shows each review's claims with their evidence and
    conflicts, then asks before writing (pass --yes in scripts). Adding the same
    review again changes nothing; a corrected one replaces the stored version.
    With --review, decide on each claim first; the decisions are kept in the graph.
    """
    from ..errors import UsageError
    from ..reviews import Overrides, add_reviews

    paths: list[str] = []
    for item in files:
        if item == "-":
            paths += [line.strip() for line in sys.stdin if line.strip()]
        else:
            paths.append(item)
    overrides = Overrides(url=url, author=author, publisher=publisher,
                          published=parse_date_option(published, "--published"), film=film, force=force)

    def confirm(report: Any) -> bool:
        _show_plans(report)
        if yes:
            return True
        if "-" in files or not sys.stdin.isatty():
            raise UsageError("not at a terminal, so cannot ask for confirmation; pass --yes to add, "
                             "or --dry-run to only look")
        return click.confirm("Write these reviews?", default=False, err=True)

    if curate:
        if len(paths) != 1 or "-" in files or Path(paths[0]).is_dir():
            raise UsageError("--review walks the claims of one review: give exactly one FILE")
        report = _add_reviewed(Path(paths[0]), overrides, yes=yes, dry_run=dry_run,
                               data_dir=data_dir, store_dir=store_dir)
    else:
        report = add_reviews(paths, data_dir=data_dir, store_dir=store_dir, overrides=overrides,
                             dry_run=dry_run, skip_bad=skip_bad, workers=workers, confirm=confirm,
                             progress=Progress("review"))
    if dry_run or not any(plan.action != "unchanged" for plan in report.reviews):
        _show_plans(report)  # confirm() was not asked, so nothing has been shown yet
    if dry_run:
        click.echo("dry run: nothing was written")
        return
    if not report.written and any(plan.action != "unchanged" for plan in report.reviews):
        click.echo("nothing was written")
        return
    for plan in report.reviews:
        click.echo(f"{plan.action} {plan.review_id} ({len(plan.claims)} claims) -> reviews/{plan.filename}")
    counts = {action: len(report.by_action(action)) for action in ("added", "replaced", "unchanged")}
    click.echo(", ".join(f"{n} {action}" for action, n in counts.items())
               + (f", {len(report.bad)} skipped" if report.bad else ""))


def _add_reviewed(path: Path, overrides: Any, *, yes: bool, dry_run: bool, data_dir: Path | None,
                  store_dir: Path | None) -> Any:
    """``add FILE --review``: ask about each claim with its evidence in context, then commit the curation."""
    from collections import Counter

    from ..curation import commit_card, curated_card
    from ..extract import extract_file

    card = extract_file(path, film=overrides.film).to_json()
    decisions = _ask_decisions(card)
    counts = Counter(d.get("decision") or "not reviewed" for d in decisions)
    click.echo(", ".join(f"{counts[k]} {k}" for k in ("accepted", "corrected", "rejected", "not reviewed")
                         if counts[k]) or "no claims")

    def confirm(report: Any) -> bool:
        _show_plans(report)
        return yes or click.confirm("Write this review?", default=False, err=True)

    return commit_card(curated_card(card, decisions), source=str(path), data_dir=data_dir, store_dir=store_dir,
                       overrides=overrides, dry_run=dry_run, confirm=confirm)


def _ask_decisions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """One decision per claim, asked on the terminal; "skip all" keeps the rest as extracted."""
    from ..claimkinds import claim_kind
    from ..curation import claim_summary, evidence_in_context, parse_value
    from ..errors import UsageError

    claims, text = card["claims"], card["text"]
    decisions: list[dict[str, Any]] = []
    for n, claim in enumerate(claims, 1):
        before, quote, after = evidence_in_context(text, claim["start"], claim["end"])
        click.echo(f"\n[{n}/{len(claims)}] {claim['type']}: {claim_summary(claim)}  ({claim.get('status', 'unknown')})")
        click.echo(f"  {before}[{click.style(quote, bold=True)}]{after}")
        choice = click.prompt("  accept, reject, edit, or skip all? [a/r/e/s]",
                              type=click.Choice(["a", "r", "e", "s"]), show_choices=False)
        if choice == "s":
            decisions += [{} for _ in claims[n - 1:]]
            break
        if choice == "e":
            values = {}
            for name in claim_kind(claim["type"]).fields:
                shown = "" if claim.get(name) is None else str(claim[name])
                while True:
                    answer = click.prompt(f"  {name}", default=shown, show_default=True)
                    try:
                        values[name] = parse_value(name, answer)
                        break
                    except UsageError as error:
                        click.echo(f"  {error}", err=True)
            decisions.append({"decision": "corrected", "values": values})
        else:
            decisions.append({"decision": "accepted" if choice == "a" else "rejected"})
    return decisions


@click.command("reviews")
@format_option("results")
@store_option
def list_reviews_command(fmt: str, store_dir: Path | None) -> None:
    """List the reviews in the store: id, work, author, date, claims and conflicts."""
    from ..conflicts import list_reviews
    from ..formats import by_name, serialize_rows

    summaries = read_from_store(store_dir, list_reviews)
    table = by_name(fmt).name == "table"
    rows = [[s.review_id, clip(s.work_title, 40) if table else s.work_title, s.author or None, s.published or None,
             s.claims,
             s.conflicts] for s in summaries]
    columns = ["id", "work", "author", "published", "claims", "conflicts"]
    sys.stdout.buffer.write(serialize_rows(columns, rows, by_name(fmt), noun="review"))


@click.command("curated")
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write each curated review as ID.txt and ID.json (the extraction benchmark's gold format) here.")
@store_option
def curated_command(export_dir: Path | None, store_dir: Path | None) -> None:
    """List the reviews editors curated, or export them as evaluation data.

    \b
    Example:
      wickgraph curated --export /tmp/gold
      python benchmarks/extraction.py --gold /tmp/gold
    """
    from ..curated import curated_reviews, export_curated

    if export_dir is not None:
        written = read_from_store(store_dir, lambda store: export_curated(store, export_dir))
        click.echo(f"wrote {len(written) // 2} curated review(s) to {export_dir}")
        return
    found = read_from_store(store_dir, curated_reviews)
    rows = [[r.review_id, clip(r.work_title, 40), str(len(r.claims))] for r in found]
    click.echo(text_table(["id", "work", "claims"], rows))
    click.echo(f"({len(rows)} curated review{'s' if len(rows) != 1 else ''})")


@click.command()
@click.argument("review_id", metavar="ID")
@data_option
@store_option
def remove(review_id: str, data_dir: Path | None, store_dir: Path | None) -> None:
    """Remove a review: its file under data/reviews/ and its graph in the store."""
    from ..reviews import remove_review

    path = remove_review(review_id, data_dir=data_dir, store_dir=store_dir)
    click.echo(f"removed {review_id} ({path} and its graph)")


@click.command("conflicts")
@format_option("results")
@click.option("--fail-on-conflict", is_flag=True, help="Exit with status 1 when there are conflicts.")
@store_option
def conflicts_command(fmt: str, fail_on_conflict: bool, store_dir: Path | None) -> None:
    """List claims that contradict the reference facts, with both sides and the evidence."""
    from ..conflicts import conflicts
    from ..errors import ConflictsFound
    from ..formats import by_name, serialize_rows

    found = read_from_store(store_dir, conflicts)
    chosen = by_name(fmt)
    if chosen.name == "table":
        columns = ["review", "#", "kind", "work", "claimed", "reference", "evidence"]
        rows = [[c.review_id, c.claim.rsplit("/", 1)[-1], c.kind, clip(c.work_title, 30), clip(c.claimed, 30),
                 clip(c.reference, 30), clip(f"“{c.evidence}”", 50)] for c in found]
    else:
        columns = ["review_id", "claim", "kind", "work", "work_title", "claimed", "reference", "evidence",
                   "explanation"]
        iris = {"claim", "work"}
        rows = [[iri_cell(getattr(c, name)) if name in iris else getattr(c, name) for name in columns] for c in found]
    sys.stdout.buffer.write(serialize_rows(columns, rows, chosen, noun="conflict"))
    if fail_on_conflict and found:
        raise ConflictsFound(f"{len(found)} claim(s) contradict the reference facts")
