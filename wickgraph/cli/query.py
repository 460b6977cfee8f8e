"""``query`` (a named query, a .rq file or -e SPARQL) and ``queries`` (the list of named queries)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import format_option, recover_or_warn, store_option

__all__ = ["list_queries", "query"]


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    from ..errors import UsageError

    params = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"--param {item!r}: expected NAME=VALUE, e.g. --param work=john-wick-2014")
        params[name] = value
    return params


@click.command()
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
    from ..errors import UsageError
    from ..queries import resolve, run

    if (name is None) == (sparql is None):
        raise UsageError("give a query NAME, a FILE.rq or -e SPARQL (one of them)")
    if sparql is None:
        assert name is not None
        sparql = resolve(name).bind(_parse_params(params))
    elif params:
        raise UsageError("--param binds a named query's parameters; write the values into -e SPARQL instead")
    if not endpoint:
        recover_or_warn(None, store_dir)
    sys.stdout.buffer.write(run(sparql, fmt=fmt, store_dir=store_dir, endpoint=endpoint, timeout=timeout))


@click.command("queries")
def list_queries() -> None:
    """List the named queries with what each answers and its parameters."""
    from ..queries import discover

    found = discover()
    width = max((len(name) for name in found), default=0)
    for named in found.values():
        click.echo(f"{named.name.ljust(width)}  {named.description}")
        for param in named.params:
            click.echo(f"{''.ljust(width)}    --param {param.name}=...  {param.description} (default {param.default})")
