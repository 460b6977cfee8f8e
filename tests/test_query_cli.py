"""`wickgraph query` on the local store: parameters bound safely, bad files, output formats, time limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph.cli import cli
from wickgraph.queries import get

WORK = "https://w3id.org/wickgraph/id/work/"


def run(shared_store_dir: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--store", str(shared_store_dir)])
    return result.exit_code, result.stdout, result.stderr


# -- parameters are one term each, checked and escaped --------------------------------------


@pytest.mark.parametrize(("query", "param", "message"), [
    ("cast", f"work=<{WORK}john-wick-2014> <{WORK}ballerina-2025>",
     f"Error: parameter work='<{WORK}john-wick-2014> <{WORK}ballerina-2025>': "
     "not one absolute IRI (no spaces, <, >, quotes or braces)"),
    ("cast", f"work={WORK}john-wick-2014> <{WORK}ballerina-2025",
     f"Error: parameter work='{WORK}john-wick-2014> <{WORK}ballerina-2025': "
     "not one absolute IRI (no spaces, <, >, quotes or braces)"),
    ("cast", "work=work:john-wick-2014> <x",
     "Error: parameter work='work:john-wick-2014> <x': 'john-wick-2014> <x' is not a local name "
     "(letters, digits, ., -, _, ~)"),
    ("cast", "work=john wick",
     "Error: parameter work='john wick': not an id, prefixed name or IRI (default is work:ballerina-2025)"),
    ("series-works", "seriesId=a b",
     "Error: parameter seriesId='a b': not an id (letters, digits, ., -, _, ~) or an IRI "
     "(default is \"john-wick-main-series\")"),
    ("series-works", 'seriesId=x" } VALUES ?seriesId { "john-wick-main-series',
     "Error: parameter seriesId='x\" } VALUES ?seriesId { \"john-wick-main-series': not an id "
     "(letters, digits, ., -, _, ~) or an IRI (default is \"john-wick-main-series\")"),
])
def test_a_parameter_value_is_exactly_one_checked_term(shared_store_dir: Path, query: str, param: str,
                                                       message: str) -> None:
    code, out, err = run(shared_store_dir, "query", query, "--param", param)
    assert (code, out, err) == (2, "", message + "\n")


@pytest.mark.parametrize("value", ["john-wick-2014", "work:john-wick-2014", f"<{WORK}john-wick-2014>",
                                   f"{WORK}john-wick-2014"])
def test_every_spelling_of_one_work_gives_its_cast(shared_store_dir: Path, value: str) -> None:
    code, out, _ = run(shared_store_dir, "query", "cast", "--param", f"work={value}", "-f", "csv")
    assert code == 0
    assert "Keanu Reeves,John Wick" in out and "Ana de Armas" not in out


def test_strings_are_escaped_not_pasted() -> None:
    query = get("series-works")
    bound = query.bind({"seriesId": f"{WORK}x"})
    assert f'VALUES ?seriesId {{ <{WORK}x> }}' in bound
    assert bound.count("VALUES ?seriesId") == 1


# -- bad query files --------------------------------------------------------------------------


def test_a_binary_query_file_is_one_line_and_exit_2(shared_store_dir: Path, tmp_path: Path) -> None:
    binary = tmp_path / "noise.rq"
    binary.write_bytes(b"SELECT \xff\xfe\x00\x01 WHERE {}")
    assert run(shared_store_dir, "query", str(binary)) == (
        2, "", f"Error: {binary}: not a SPARQL text file (not UTF-8 at byte 7)\n")
    nul = tmp_path / "nul.rq"
    nul.write_bytes(b"ASK {}\x00")
    assert run(shared_store_dir, "query", str(nul)) == (
        2, "", f"Error: {nul}: not a SPARQL text file (it holds NUL bytes)\n")
