"""The ``wickgraph`` command line: parse options, call the library, print the result.

No business logic lives here. Every :class:`~wickgraph.errors.WickgraphError` is turned
into one line on stderr and its ``exit_code`` by :class:`WickgraphGroup`, the only place
that does so.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
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


def progress_enabled() -> bool:
    """Progress bars only when a person is watching (stderr is a terminal)."""
    return sys.stderr.isatty()


@click.group(cls=WickgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wickgraph")
def cli() -> None:
    """A knowledge graph of the John Wick franchise and of what reviews claim about it.

    Build the graph with `wickgraph build`, then ask it questions with
    `wickgraph query NAME` (see `wickgraph queries`).
    """


class _Progress:
    """A tqdm bar per step, shown only on a terminal; the library just reports numbers."""

    def __init__(self) -> None:
        self.bars: dict[str, Any] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        if not progress_enabled():
            return
        from tqdm import tqdm

        bar = self.bars.get(step)
        if bar is None:
            bar = self.bars[step] = tqdm(total=total, desc=step, unit="file", leave=False)
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
@click.option("-f", "--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"]),
              help="Output format (SELECT/ASK: table, csv, tsv, json, xml; CONSTRUCT/DESCRIBE: turtle, ntriples, jsonld).")
@click.option("--endpoint", metavar="URL", help="Run on this SPARQL 1.1 endpoint instead of the local store.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for an endpoint.")
@store_option
def query(name: str | None, sparql: str | None, params: tuple[str, ...], fmt: str,
          endpoint: str | None, timeout: float, store_dir: Path | None) -> None:
    """Run a named query (see `wickgraph queries`), a .rq file, or -e SPARQL.

    \b
    Examples:
      wickgraph query reprised-roles
      wickgraph query cast --param work=john-wick-2014 --format csv
      wickgraph query -e 'ASK { GRAPH ?g { ?s ?p ?o } }'
    """
    from .errors import UsageError
    from .formats import by_name, serialize_result
    from .queries import resolve

    if (name is None) == (sparql is None):
        raise UsageError("give a query NAME, a FILE.rq or -e SPARQL (one of them)")
    if sparql is None:
        assert name is not None
        sparql = resolve(name).bind(_parse_params(params))
    elif params:
        raise UsageError("--param binds a named query's parameters; write the values into -e SPARQL instead")
    if endpoint:
        from .remote import query_endpoint

        result = query_endpoint(endpoint, sparql, timeout=timeout)
    else:
        from .store import open_store

        result = open_store(store_dir, read_only=True).query(sparql)
    sys.stdout.buffer.write(serialize_result(result, by_name(fmt)))


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
def validate(data_dir: Path | None) -> None:
    """SHACL-validate the data folder without writing anything (exit 1 on violations)."""
    from .build import check_data

    parsed, validated, _ = check_data(data_dir)
    click.echo(f"{len(parsed)} files conform ({validated} validated against ontology/shapes.ttl)")


@cli.command()
@click.option("-f", "--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "node-link", "cytoscape", "turtle", "trig", "nquads", "jsonld"]),
              help="Graph formats come from the networkx export; the others are RDF.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically); default: standard output.")
@click.option("--graph", "selection", default="all", show_default=True,
              type=click.Choice(["reference", "claims", "all"]), help="Which named graphs to export.")
@click.option("--view", default="full", show_default=True, type=click.Choice(["full", "performances", "costars"]),
              help="networkx view for graph formats: performances as nodes, collapsed to edges, or co-stars.")
@store_option
def export(fmt: str, output: Path | None, selection: str, view: str, store_dir: Path | None) -> None:
    """Write the graph for apps: GraphML, GEXF, node-link or Cytoscape JSON, or RDF."""
    from .export import export as export_graph
    from .store import open_store

    data = export_graph(open_store(store_dir, read_only=True), fmt, output, graph=selection, view=view)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
