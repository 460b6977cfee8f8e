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
