"""Commands over the data folder and the store as a whole: ``build``, ``validate``, ``export``, ``check``,
``repair`` and ``synth``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import Progress, data_option, format_option, read_from_store, recover_or_warn, store_option

__all__ = ["build", "check_command", "export", "repair_command", "synth", "validate"]


@click.command()
@data_option
@store_option
def build(data_dir: Path | None, store_dir: Path | None) -> None:
    """Load the ontology, reference facts and every review into the store.

    Validates each file with SHACL, infers reprised roles, and prints the number of
    triples in each named graph. The previous store stays as it was if anything fails.
    """
    from ..build import build as build_store

    report = build_store(data_dir, store_dir, progress=Progress())
    width = max(len(name) for name in report.graphs)
    for name, count in report.graphs.items():
        click.echo(f"{name.ljust(width)}  {count:>7}")
    click.echo(
        f"{report.triples} triples in {len(report.graphs)} graphs from {report.files} files "
        f"({report.inferred_reprises} reprises inferred) -> {report.store_dir}"
    )


@click.command()
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
    from ..errors import ValidationFailed
    from ..union import check_data_union

    recover_or_warn(data_dir)
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


@click.command()
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
    from ..export import export as export_graph

    if output == Path("-"):
        output = None  # -o - is standard output
    data = read_from_store(store_dir, lambda store: export_graph(store, fmt, output, graph=selection, view=view))
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)


@click.command("check")
@data_option
@store_option
def check_command(data_dir: Path | None, store_dir: Path | None) -> None:
    """Compare data/ with the store: one line per difference (exit 1 when there are any).

    Reports graphs missing from the store, graphs that differ from their file, graphs with
    no file, an interrupted commit and stray temporary files. Changes nothing; see `repair`.
    """
    from ..consistency import check
    from ..errors import CheckFailed
    from ..resources import default_data_dir
    from ..store import read_store

    data = data_dir or default_data_dir()
    found = read_store(store_dir, lambda store: check(data, store))
    for difference in found:
        click.echo(str(difference))
    if found:
        raise CheckFailed(f"{len(found)} difference(s) between {data} and the store; "
                          "`wickgraph repair` makes the store match data/")
    click.echo(f"{data} and the store agree")


@click.command("repair")
@data_option
@store_option
def repair_command(data_dir: Path | None, store_dir: Path | None) -> None:
    """Make the store match data/: finish an interrupted commit, reload what differs, drop what has no file."""
    from ..consistency import repair_data
    from ..resources import default_data_dir, default_store_dir

    data = data_dir or default_data_dir()
    found = repair_data(data, store_dir or default_store_dir())
    for difference in found:
        click.echo(f"repaired {difference}")
    click.echo(f"{data} and the store agree ({len(found)} difference(s) repaired)")


@click.command()
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
    from ..synth import synth as write_synthetic

    report = write_synthetic(out_dir, count, seed=seed, texts=texts, data_dir=data_dir, progress=Progress("review"))
    click.echo(f"wrote {report.reviews} reviews ({report.claims} claims, {report.contradicted} contradicted, "
               f"{report.unreconciled} unreconciled people) to {report.out_dir} in {report.seconds:.1f} s")
