"""``extract``: a review's claims, printed; nothing is written (library: :mod:`wickgraph.extract`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import clip, confidence_cell, format_option, text_table

__all__ = ["extract_command"]



@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--film", metavar="TITLE",
              help="The reviewed work (title or alias), when the text does not make it clear.")
@click.option("--json", "as_json", is_flag=True, help="Print the claims as JSON (the documented contract).")
@click.option("--text", "as_text", is_flag=True, help="Print the review's plain text (what evidence offsets refer to).")
@format_option("results", default=None, what="Print the claims as rows [default: table]")
def extract_command(file: Path, film: str | None, as_json: bool, as_text: bool, fmt: str | None) -> None:
    """Read a review (.txt, .html or card .json) and print the claims it makes; writes nothing."""
    from ..errors import UsageError
    from ..regexcache import kept

    if sum([as_json, as_text, fmt is not None]) > 1:
        raise UsageError("--json, --text and --format cannot be used together")
    # the modules below compile about 140 regexes as they load: they come from the cache folder instead
    with kept("extract"):
        import json

        from ..claimkinds import claim_kind
        from ..extract import extract_file
        from ..formats import by_name, neutralise, serialize_rows

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
        table = [[kind, clip(what, 44), status, confidence_cell(confidence), f"{start}-{end}",
                  clip(f"“{evidence}”", 60)] for kind, what, status, confidence, start, end, evidence in rows]
        columns = ["type", "claim", "status", "conf", "at", "evidence"]
        click.echo(text_table(columns, table) if rows else "(no claims found)")
