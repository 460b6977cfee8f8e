"""What the commands share: the ``--store``, ``--data`` and ``--format`` options, recovery before
reading, progress bars, and the cells and tables they print."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

T = TypeVar("T")

__all__ = ["Progress", "clip", "confidence_cell", "data_option", "format_option", "iri_cell", "parse_date_option",
           "progress_enabled", "read_from_store", "recover_or_warn", "store_option", "text_table"]

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
    """The one ``-f/--format`` option: choices (names and aliases) from the formats table of ``kinds``.

    The table is read when the option is parsed or its help shown, not when the command is
    defined: ``wickgraph --help`` and the commands without ``-f`` never import it.
    """
    return click.option("-f", "--format", "fmt", cls=_FormatOption, kinds=kinds, what=what, default=default,
                        required=default is None and "graph" in kinds, show_default=default is not None,
                        metavar="FORMAT", type=_FormatChoice(kinds))


class _FormatChoice(click.Choice[str]):
    """The names and aliases of the formats of ``kinds`` (case-insensitive), read from the table when first asked."""

    def __init__(self, kinds: tuple[str, ...]) -> None:  # not Choice's: its choices are a property here
        self.kinds = kinds
        self.case_sensitive = False

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]  # Choice's is a plain attribute
        from ..formats import names

        return tuple(names(*self.kinds))


class _FormatOption(click.Option):
    """``-f/--format``, whose help (``WHAT: format, format, ...``) is written from the table when shown."""

    def __init__(self, *args: Any, kinds: tuple[str, ...], what: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds, self.what = kinds, what

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from ..formats import formats

        self.help = f"{self.what}: {', '.join(fmt.name for fmt in formats(*self.kinds))}."
        return super().get_help_record(ctx)


def progress_enabled() -> bool:
    """Progress bars only when a person is watching (stderr is a terminal)."""
    return sys.stderr.isatty()


class Progress:
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


def recover_or_warn(data_dir: Path | None, store_dir: Path | None = None) -> None:
    """Finish a commit (or build) a killed writer left half done, when this reader can; else warn (one line)."""
    from ..resources import default_data_dir, default_store_dir
    from ..transaction import recover_when_possible

    warning = recover_when_possible(data_dir or default_data_dir(), store_dir or default_store_dir())
    if warning:
        click.echo(f"Warning: {warning}", err=True)


def read_from_store(store_dir: Path | None, read: Callable[[Any], T]) -> T:
    """``read(store)`` on the store, read-only, after recovering the data folder ($WICKGRAPH_DATA or data/).

    See :func:`wickgraph.store.read_store`: ``read`` runs again if a writing server moves files.
    """
    from ..store import read_store

    recover_or_warn(None, store_dir)
    return read_store(store_dir, read)


def parse_date_option(value: str | None, option: str) -> Any:
    """The date an option gives as YYYY-MM-DD (None when not given)."""
    from datetime import date

    from ..errors import UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: expected a date as YYYY-MM-DD, e.g. 2025-06-14") from None


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def iri_cell(value: str | None) -> Any:
    """An IRI as a cell that row writers show as an IRI (None stays empty)."""
    import pyoxigraph as ox

    return ox.NamedNode(value) if value else None


def confidence_cell(value: float | None) -> str:
    """A confidence with two decimals (empty when there is none)."""
    return "" if value is None else f"{value:.2f}"


def text_table(names: list[str], rows: list[list[str]]) -> str:
    """A plain-text table of ``rows`` under ``names``, without a trailing newline."""
    from ..formats import render_rows

    return render_rows(names, rows).removesuffix("\n")
