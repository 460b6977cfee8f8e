"""The ``wickgraph`` command line: parse options, call the library, print the result.

No business logic lives here. Every :class:`~wickgraph.errors.WickgraphError` is turned
into one line on stderr and its ``exit_code`` by :class:`WickgraphGroup`, the only place
that does so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .errors import WickgraphError

__all__ = ["cli"]


class WickgraphGroup(click.Group):
    """A click group that shows wickgraph errors as ``Error: <message>`` and exits with their code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WickgraphError as error:
            click.echo(f"Error: {error}", err=True)
            for line in getattr(error, "violations", [])[:20]:
                click.echo(f"  {line}", err=True)
            ctx.exit(error.exit_code)


store_option = click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), envvar="WICKGRAPH_STORE",
    help="Store folder (default: $WICKGRAPH_STORE, else .store/ in the checkout).",
)
data_option = click.option(
    "--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), envvar="WICKGRAPH_DATA",
    help="Data folder (default: $WICKGRAPH_DATA, else the project's data/).",
)


def format_option(*kinds: str, default: str | None = "table",
                  what: str = "Output format") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The one ``-f/--format`` option: choices (names and aliases) from the formats table of ``kinds``."""
    from .formats import formats, names

    listed = ", ".join(fmt.name for fmt in formats(*kinds))
    return click.option("-f", "--format", "fmt", default=default, required=default is None and "graph" in kinds,
                        show_default=default is not None, metavar="FORMAT",
                        type=click.Choice(names(*kinds), case_sensitive=False), help=f"{what}: {listed}.")


def progress_enabled() -> bool:
    """Progress bars only when a person is watching (stderr is a terminal)."""
    return sys.stderr.isatty()


def _recover_when_possible(data_dir: Path | None, store_dir: Path | None = None) -> None:
    """Finish a commit (or build) a killed writer left half done, when this reader can; else warn (one line)."""
    from .resources import default_data_dir, default_store_dir
    from .transaction import recover_when_possible

    warning = recover_when_possible(data_dir or default_data_dir(), store_dir or default_store_dir())
    if warning:
        click.echo(f"Warning: {warning}", err=True)


def _open_for_reading(store_dir: Path | None) -> Any:
    """The store, read-only, after recovering the data folder ($WICKGRAPH_DATA or the project's data/)."""
    from .store import open_store

    _recover_when_possible(None, store_dir)
    return open_store(store_dir, read_only=True)


@click.group(cls=WickgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wickgraph", prog_name="wickgraph")  # read from metadata only when asked
def cli() -> None:
    """A knowledge graph of the John Wick franchise and of what reviews claim about it.

    Build the graph with `wickgraph build`, then ask it questions with
    `wickgraph query NAME` (see `wickgraph queries`).
    """


class _Progress:
    """A tqdm bar per step, shown only on a terminal; the library just reports numbers."""

    def __init__(self, unit: str = "file") -> None:
        self.unit = unit
        self.bars: dict[str, Any] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        if not progress_enabled():
            return
        from tqdm import tqdm

        bar = self.bars.get(step)
        if bar is None:
            bar = self.bars[step] = tqdm(total=total, desc=step, unit=self.unit, leave=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()


@cli.command()
@data_option
@store_option
def build(data_dir: Path | None, store_dir: Path | None) -> None:
    """Load the ontology, reference facts and every review into the store.

    Validates each file with SHACL, infers reprised roles, and prints the number of
    triples in each named graph. The previous store stays as it was if anything fails.
    """
    from .build import build as build_store

    report = build_store(data_dir, store_dir, progress=_Progress())
    width = max(len(name) for name in report.graphs)
    for name, count in report.graphs.items():
        click.echo(f"{name.ljust(width)}  {count:>7}")
    click.echo(
        f"{report.triples} triples in {len(report.graphs)} graphs from {report.files} files "
        f"({report.inferred_reprises} reprises inferred) -> {report.store_dir}"
    )


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    from .errors import UsageError

    params = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"--param {item!r}: expected NAME=VALUE, e.g. --param work=john-wick-2014")
        params[name] = value
    return params


@cli.command()
@click.argument("name", required=False)
@click.option("-e", "--expression", "sparql", help="Run this SPARQL text instead of a named query.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter of a named query (repeatable), e.g. work=john-wick-2014.")
@format_option("results", "rdf", what="Output format (SELECT/ASK results, or RDF for CONSTRUCT/DESCRIBE)")
@click.option("--endpoint", metavar="URL", help="Run on this SPARQL 1.1 endpoint instead of the local store.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Seconds the query may run (on the store or the endpoint) before it is stopped.")
@store_option
def query(name: str | None, sparql: str | None, params: tuple[str, ...], fmt: str,
          endpoint: str | None, timeout: float, store_dir: Path | None) -> None:
    """Run a named query (see `wickgraph queries`), a .rq file, or -e SPARQL.

    CONSTRUCT and DESCRIBE print Turtle by default; -f json gives JSON-LD. Ctrl-C or
    --timeout stops a running query.

    \b
    Examples:
      wickgraph query reprises
      wickgraph query cast --param work=john-wick-2014 --format csv
      wickgraph query -e 'ASK { GRAPH ?g { ?s ?p ?o } }'
    """
    from .errors import UsageError
    from .queries import resolve, run

    if (name is None) == (sparql is None):
        raise UsageError("give a query NAME, a FILE.rq or -e SPARQL (one of them)")
    if sparql is None:
        assert name is not None
        sparql = resolve(name).bind(_parse_params(params))
    elif params:
        raise UsageError("--param binds a named query's parameters; write the values into -e SPARQL instead")
    if not endpoint:
        _recover_when_possible(None, store_dir)
    sys.stdout.buffer.write(run(sparql, fmt=fmt, store_dir=store_dir, endpoint=endpoint, timeout=timeout))


@cli.command("queries")
def list_queries() -> None:
    """List the named queries with what each answers and its parameters."""
    from .queries import discover

    found = discover()
    width = max((len(name) for name in found), default=0)
    for named in found.values():
        click.echo(f"{named.name.ljust(width)}  {named.description}")
        for param in named.params:
            click.echo(f"{''.ljust(width)}    --param {param.name}=...  {param.description} (default {param.default})")


@cli.command()
@data_option
@click.option("--fail-on-clash", is_flag=True,
              help="Exit 1 when a union default graph (every graph merged) would show clashes.")
def validate(data_dir: Path | None, fail_on_clash: bool) -> None:
    """SHACL-validate the data folder without writing anything (exit 1 on violations).

    Each file is checked on its own, then the reference facts merged with the inferred
    reprises, then every graph merged, as a server with a union default graph shows
    them: there, review claims sit beside the facts they contradict; those clashes are
    listed (and fail the check with --fail-on-clash).
    """
    from .errors import ValidationFailed
    from .union import check_data_union

    _recover_when_possible(data_dir)
    files, validated, union = check_data_union(data_dir)
    click.echo(f"{files} files conform ({validated} validated against ontology/shapes.ttl); "
               "the reference facts and inferred reprises conform merged")
    if union.clashes:
        click.echo(f"{len(union.clashes)} clash(es) if every graph is merged into one default graph "
                   "(claims beside the facts they contradict; keep the named graphs apart):")
        for clash in union.clashes:
            click.echo(f"  {clash}")
    if fail_on_clash and union.clashes:
        raise ValidationFailed(f"{len(union.clashes)} clash(es) on a union default graph")


@cli.command()
@format_option("graph", "rdf", default=None, what="Graph files for apps (from networkx), or RDF")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically); default: standard output.")
@click.option("--graph", "selection", default="all", show_default=True,
              type=click.Choice(["reference", "claims", "all"]), help="Which named graphs to export.")
@click.option("--view", type=click.Choice(["full", "performances", "costars"]),
              help="networkx view for graph formats: performances as nodes, collapsed to edges, or co-stars "
                   "[default: full].")
@store_option
def export(fmt: str, output: Path | None, selection: str, view: str | None, store_dir: Path | None) -> None:
    """Write the graph for apps: GraphML, GEXF, node-link or Cytoscape JSON, or RDF.

    Every node and edge of a graph file says which named graph it came from (graph) and
    whether the reference states it (fact). Turtle, N-Triples and RDF/XML have no graph
    names, so they take --graph reference only; TriG, N-Quads and JSON-LD keep each
    review's claims in its own named graph.
    """
    from .export import export as export_graph

    if output == Path("-"):
        output = None  # -o - is standard output
    data = export_graph(_open_for_reading(store_dir), fmt, output, graph=selection, view=view)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)


# -- extract (library: wickgraph.extract) ----------------------------------------------------


@cli.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--film", metavar="TITLE",
              help="The reviewed work (title or alias), when the text does not make it clear.")
@click.option("--json", "as_json", is_flag=True, help="Print the claims as JSON (the documented contract).")
@click.option("--text", "as_text", is_flag=True, help="Print the review's plain text (what evidence offsets refer to).")
@format_option("results", default=None, what="Print the claims as rows [default: table]")
def extract_command(file: Path, film: str | None, as_json: bool, as_text: bool, fmt: str | None) -> None:
    """Read a review (.txt, .html or card .json) and print the claims it makes; writes nothing."""
    import json

    from .claimkinds import claim_kind
    from .errors import UsageError
    from .extract import extract_file
    from .formats import by_name, neutralise, serialize_rows

    if sum([as_json, as_text, fmt is not None]) > 1:
        raise UsageError("--json, --text and --format cannot be used together")
    result = extract_file(file, film=film)
    if as_text:
        click.echo(result.text, nl=not result.text.endswith("\n"))
    elif as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        rows: list[tuple[str, str, str, float | None, int, int, str]] = []
        for claim in result.claims:
            what = claim_kind(claim.type).brief(claim)
            rows.append((claim.type, str(what), claim.status, claim.confidence, claim.start, claim.end,
                         claim.evidence))
        if fmt is not None and fmt != "table":
            sys.stdout.buffer.write(serialize_rows(["type", "claim", "status", "confidence", "start", "end",
                                                    "evidence"], rows, by_name(fmt)))
            return
        title = f"{result.film_title or '(reviewed work not recognised)'}  {result.film_iri or ''}".rstrip()
        click.echo(neutralise(title))
        if result.note:
            click.echo(neutralise(f"note: {result.note}"))
        table = [[kind, _clip(what, 44), status, _confidence(confidence), f"{start}-{end}", _clip(f"“{evidence}”", 60)]
                 for kind, what, status, confidence, start, end, evidence in rows]
        columns = ["type", "claim", "status", "conf", "at", "evidence"]
        click.echo(_table(columns, table) if rows else "(no claims found)")


# -- reviews: add, reviews, remove, conflicts (library: wickgraph.reviews) ------------------


def _parse_date_option(value: str | None, option: str) -> Any:
    from datetime import date

    from .errors import UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: expected a date as YYYY-MM-DD, e.g. 2025-06-14") from None


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _iri_cell(value: str | None) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(value) if value else None


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _table(names: list[str], rows: list[list[str]]) -> str:
    from .formats import render_rows

    return render_rows(names, rows).removesuffix("\n")


def _show_plans(report: Any) -> None:
    """Each prepared review: what will happen, its claims with evidence and status, its conflicts."""
    what = {"added": "new", "replaced": "replaces the stored version", "unchanged": "unchanged, already stored"}
    for plan in report.reviews:
        click.echo(f"{plan.review_id}  {plan.work_title}  ({what[plan.action]})  from {plan.source}")
        # the extractor's confidence; a card's claims (given or curated by an editor) carry none
        scored = any(c.confidence is not None for c in plan.claims)
        rows = [[str(c.n), c.type, _clip(c.summary, 40), c.status,
                 *([_confidence(c.confidence)] if scored else []), _clip(f"“{c.evidence}”", 60)] for c in plan.claims]
        if rows:
            click.echo(_table(["#", "type", "claim", "status", *(["conf"] if scored else []), "evidence"], rows))
        else:
            click.echo("  (no claims found)")
        for conflict in (c for c in report.conflicts if c.review_id == plan.review_id):
            number = conflict.claim.rsplit("/", 1)[-1]
            click.echo(f"  conflict, claim {number} ({conflict.kind}): review says {conflict.claimed}; "
                       f"reference says {conflict.reference}")
            if conflict.explanation:
                click.echo(f"    {_clip(conflict.explanation, 160)}")
        click.echo("")
    for bad in report.bad:
        click.echo(f"skipped {bad.source}: {bad.reason}", err=True)


@cli.command()
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
    from .errors import UsageError
    from .reviews import Overrides, add_reviews

    paths: list[str] = []
    for item in files:
        if item == "-":
            paths += [line.strip() for line in sys.stdin if line.strip()]
        else:
            paths.append(item)
    overrides = Overrides(url=url, author=author, publisher=publisher,
                          published=_parse_date_option(published, "--published"), film=film, force=force)

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
                             progress=_Progress("review"))
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

    from .curation import commit_card, curated_card
    from .extract import extract_file

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
    from .claimkinds import claim_kind
    from .curation import claim_summary, evidence_in_context, parse_value
    from .errors import UsageError

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


@cli.command("reviews")
@format_option("results")
@store_option
def list_reviews_command(fmt: str, store_dir: Path | None) -> None:
    """List the reviews in the store: id, work, author, date, claims and conflicts."""
    from .conflicts import list_reviews
    from .formats import by_name, serialize_rows

    summaries = list_reviews(_open_for_reading(store_dir))
    table = by_name(fmt).name == "table"
    rows = [[s.review_id, _clip(s.work_title, 40) if table else s.work_title, s.author or None, s.published or None,
             s.claims,
             s.conflicts] for s in summaries]
    columns = ["id", "work", "author", "published", "claims", "conflicts"]
    sys.stdout.buffer.write(serialize_rows(columns, rows, by_name(fmt), noun="review"))


@cli.command("curated")
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
    from .curated import curated_reviews, export_curated

    store = _open_for_reading(store_dir)
    if export_dir is not None:
        written = export_curated(store, export_dir)
        click.echo(f"wrote {len(written) // 2} curated review(s) to {export_dir}")
        return
    found = curated_reviews(store)
    rows = [[r.review_id, _clip(r.work_title, 40), str(len(r.claims))] for r in found]
    click.echo(_table(["id", "work", "claims"], rows))
    click.echo(f"({len(rows)} curated review{'s' if len(rows) != 1 else ''})")


@cli.command()
@click.argument("review_id", metavar="ID")
@data_option
@store_option
def remove(review_id: str, data_dir: Path | None, store_dir: Path | None) -> None:
    """Remove a review: its file under data/reviews/ and its graph in the store."""
    from .reviews import remove_review

    path = remove_review(review_id, data_dir=data_dir, store_dir=store_dir)
    click.echo(f"removed {review_id} ({path} and its graph)")


@cli.command("check")
@data_option
@store_option
def check_command(data_dir: Path | None, store_dir: Path | None) -> None:
    """Compare data/ with the store: one line per difference (exit 1 when there are any).

    Reports graphs missing from the store, graphs that differ from their file, graphs with
    no file, an interrupted commit and stray temporary files. Changes nothing; see `repair`.
    """
    from .consistency import check
    from .errors import CheckFailed
    from .resources import default_data_dir
    from .store import open_store

    data = data_dir or default_data_dir()
    found = check(data, open_store(store_dir, read_only=True))
    for difference in found:
        click.echo(str(difference))
    if found:
        raise CheckFailed(f"{len(found)} difference(s) between {data} and the store; "
                          "`wickgraph repair` makes the store match data/")
    click.echo(f"{data} and the store agree")


@cli.command("repair")
@data_option
@store_option
def repair_command(data_dir: Path | None, store_dir: Path | None) -> None:
    """Make the store match data/: finish an interrupted commit, reload what differs, drop what has no file."""
    from .consistency import repair_data
    from .resources import default_data_dir, default_store_dir

    data = data_dir or default_data_dir()
    found = repair_data(data, store_dir or default_store_dir())
    for difference in found:
        click.echo(f"repaired {difference}")
    click.echo(f"{data} and the store agree ({len(found)} difference(s) repaired)")


@cli.command("conflicts")
@format_option("results")
@click.option("--fail-on-conflict", is_flag=True, help="Exit with status 1 when there are conflicts.")
@store_option
def conflicts_command(fmt: str, fail_on_conflict: bool, store_dir: Path | None) -> None:
    """List claims that contradict the reference facts, with both sides and the evidence."""
    from .conflicts import conflicts
    from .errors import ConflictsFound
    from .formats import by_name, serialize_rows

    found = conflicts(_open_for_reading(store_dir))
    chosen = by_name(fmt)
    if chosen.name == "table":
        columns = ["review", "#", "kind", "work", "claimed", "reference", "evidence"]
        rows = [[c.review_id, c.claim.rsplit("/", 1)[-1], c.kind, _clip(c.work_title, 30), _clip(c.claimed, 30),
                 _clip(c.reference, 30), _clip(f"“{c.evidence}”", 50)] for c in found]
    else:
        columns = ["review_id", "claim", "kind", "work", "work_title", "claimed", "reference", "evidence",
                   "explanation"]
        iris = {"claim", "work"}
        rows = [[_iri_cell(getattr(c, name)) if name in iris else getattr(c, name) for name in columns] for c in found]
    sys.stdout.buffer.write(serialize_rows(columns, rows, chosen, noun="conflict"))
    if fail_on_conflict and found:
        raise ConflictsFound(f"{len(found)} claim(s) contradict the reference facts")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each opens the store read-only).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.01),
              help="Seconds a query may run (waiting included) before it is answered 503 and stopped.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Rows (or triples) a result may have; larger results are refused.")
@click.option("--query-workers", default=4, show_default=True, type=click.IntRange(1, 256),
              help="Query processes per server process; one client uses at most all but one of them.")
@click.option("--in-memory/--on-disk", "in_memory", default=None,
              help="Serve from an in-memory snapshot (faster) or from disk "
                   "[default: in memory up to 500,000 quads].")
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL",
              help="Let SERVICE call this endpoint (repeatable); without it SERVICE is refused.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update and Graph Store writes (needs --token).")
@click.option("--token", envvar="WICKGRAPH_TOKEN", help="Bearer token that writes must send ($WICKGRAPH_TOKEN).")
@data_option
@store_option
def serve(host: str, port: int, workers: int, timeout: float, max_rows: int, query_workers: int,
          in_memory: bool | None, allow_service: tuple[str, ...], allow_update: bool, token: str | None,
          data_dir: Path | None, store_dir: Path | None) -> None:
    """Serve the store: a SPARQL 1.1 endpoint at /sparql and a page to explore it at /.

    Read-only unless --allow-update with --token, which also opens the curation page
    at /curate?token=T (editors review a review's claims and commit them to the data
    folder). The store is reopened when `wickgraph add` or `wickgraph build` changes
    it, without a restart. Queries run in worker processes that are stopped at
    --timeout; SERVICE is off unless --allow-service.
    """
    from .errors import UsageError
    from .server.app import ServerConfig
    from .server.app import serve as run_server

    if allow_update and not token:
        raise UsageError("--allow-update needs --token T (or $WICKGRAPH_TOKEN): writes must carry that bearer token")
    config = ServerConfig(store=str(store_dir) if store_dir else None, timeout=timeout, max_rows=max_rows,
                          allow_update=allow_update, token=token, in_memory=in_memory,
                          query_workers=query_workers, allow_service=allow_service,
                          data=str(data_dir) if data_dir else None)
    _recover_when_possible(data_dir, store_dir)

    def ready(url: str) -> None:
        click.echo(f"wickgraph serving on {url} (SPARQL at /sparql; Ctrl-C stops)", err=True)

    run_server(config, host=host, port=port, workers=workers, ready=ready)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL", help="The remote store's SPARQL query endpoint.")
@click.option("--graph-store", metavar="URL",
              help="Its Graph Store Protocol URL (default: the endpoint's .../query or .../sparql -> .../store).")
@click.option("--user", help="User name (HTTP Basic or Digest, as the server asks).")
@click.option("--password", envvar="WICKGRAPH_PASSWORD", help="Password ($WICKGRAPH_PASSWORD).")
@click.option("--token", envvar="WICKGRAPH_TOKEN", help="Bearer token ($WICKGRAPH_TOKEN).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for each request.")
@store_option
def push(endpoint: str, graph_store: str | None, user: str | None, password: str | None, token: str | None,
         timeout: float, store_dir: Path | None) -> None:
    """Upload every named graph to a remote store, one Graph Store Protocol PUT per graph.

    Each PUT replaces that graph, so pushing twice changes nothing.
    """
    from .errors import UsageError
    from .remote import push as push_graphs

    if (user is None) != (password is None):
        raise UsageError("--user and --password go together")
    if token and user:
        raise UsageError("give --user/--password or --token, not both")
    store = _open_for_reading(store_dir)
    report = push_graphs(
        store, endpoint, graph_store_url=graph_store,
        auth=(user, password) if user is not None and password is not None else None,
        headers={"Authorization": f"Bearer {token}"} if token else None, timeout=timeout,
        progress=_Progress("graph"),
    )
    click.echo(f"pushed {report.triples} triples in {len(report.graphs)} graphs to {report.graph_store} "
               f"in {report.seconds:.1f} s")


@cli.command()
@click.option("--reviews", "count", type=click.IntRange(min=0), required=True, help="Number of synthetic reviews.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="New data folder to write (must be empty or absent).")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option("--texts", is_flag=True, help="Also write texts/<id>.txt, the review each graph came from.")
@data_option
def synth(count: int, out_dir: Path, seed: int, texts: bool, data_dir: Path | None) -> None:
    """Write a data folder for benchmarks: the reference facts plus N synthetic reviews.

    Each review graph is written exactly as `wickgraph add` writes it; some claims are
    contradicted (wrong character, year or director) and some people are unreconciled.

    \b
    Example:
      wickgraph synth --reviews 10000 --out /tmp/wick-10k --texts
      wickgraph build --data /tmp/wick-10k --store /tmp/wick-10k-store
    """
    from .synth import synth as write_synthetic

    report = write_synthetic(out_dir, count, seed=seed, texts=texts, data_dir=data_dir, progress=_Progress("review"))
    click.echo(f"wrote {report.reviews} reviews ({report.claims} claims, {report.contradicted} contradicted, "
               f"{report.unreconciled} unreconciled people) to {report.out_dir} in {report.seconds:.1f} s")
