"""`wickgraph query` on the local store: parameters bound safely, bad files, output formats, time limits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from tests.servers import ROOT, free_port
from wickgraph.cli import cli
from wickgraph.queries import get

WORK = "https://w3id.org/wickgraph/id/work/"


def run(shared_store_dir: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--store", str(shared_store_dir)])
    return result.exit_code, result.stdout, result.stderr


# -- parameters are one term each, checked and escaped --------------------------------------


@pytest.mark.parametrize(("query", "param", "message"), [
    ("cast", f"work=<{WORK}john-wick-2014> <{WORK}ballerina-2025>",
     (f"Error: parameter work='<{WORK}john-wick-2014> <{WORK}ballerina-2025>': "
     "not one absolute IRI (no spaces, <, >, quotes or braces)")),
    ("cast", f"work={WORK}john-wick-2014> <{WORK}ballerina-2025",
     (f"Error: parameter work='{WORK}john-wick-2014> <{WORK}ballerina-2025': "
     "not one absolute IRI (no spaces, <, >, quotes or braces)")),
    ("cast", "work=work:john-wick-2014> <x",
     ("Error: parameter work='work:john-wick-2014> <x': 'john-wick-2014> <x' is not a local name "
     "(letters, digits, ., -, _, ~)")),
    ("cast", "work=john wick",
     "Error: parameter work='john wick': not an id, prefixed name or IRI (default is work:ballerina-2025)"),
    ("series-works", "seriesId=a b",
     ("Error: parameter seriesId='a b': not an id (letters, digits, ., -, _, ~) or an IRI "
     "(default is \"john-wick-main-series\")")),
    ("series-works", 'seriesId=x" } VALUES ?seriesId { "john-wick-main-series',
     ("Error: parameter seriesId='x\" } VALUES ?seriesId { \"john-wick-main-series': not an id "
     "(letters, digits, ., -, _, ~) or an IRI (default is \"john-wick-main-series\")")),
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


# -- time limit, Ctrl-C, a failing SERVICE --------------------------------------------------

RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
           "GRAPH ?i { ?x ?y ?z } }")


def test_timeout_stops_a_local_query(shared_store_dir: Path) -> None:
    started = time.monotonic()
    code, out, err = run(shared_store_dir, "query", "--timeout", "0.5", "-e", RUNAWAY)
    assert (code, out, err) == (2, "", ("Error: the query ran longer than 0.5 s and was stopped; narrow it down "
                                       "(VALUES, FILTER, LIMIT) or give a longer --timeout\n"))
    assert time.monotonic() - started < 3


def test_ctrl_c_stops_a_running_query_at_once(shared_store_dir: Path) -> None:
    # (Ctrl-C as a terminal sends it: the query runs with SIGINT's default disposition even when the test runner was
    # started as a shell script's background job, which ignores SIGINT and would pass that on to the query)
    process = subprocess.Popen(
        [sys.executable, "-m", "wickgraph", "query", "--store", str(shared_store_dir), "-e", RUNAWAY],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        time.sleep(1.5)  # started, and deep in the engine
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        sent = time.monotonic()
        out, err = process.communicate(timeout=10)
        assert time.monotonic() - sent < 1.0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (process.returncode, out, err) == (130, b"", b"Error: interrupted: the query was stopped\n")


def test_a_failing_service_is_one_line(shared_store_dir: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"  # nothing listens there
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    code, out, err = run(shared_store_dir, "query", "-e", query)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: SERVICE <{url}> failed: ") and err.endswith(" (offline?)\n")
    assert err.count("\n") == 1


# -- CONSTRUCT output --------------------------------------------------------------------------

CONSTRUCT = "CONSTRUCT { <http://example.org/s> <http://example.org/p> 1 } WHERE {}"


def test_json_on_a_construct_is_json_ld(shared_store_dir: Path) -> None:
    code, out, _ = run(shared_store_dir, "query", "-f", "json", "-e", CONSTRUCT)
    assert code == 0
    json.loads(out)  # one JSON document
    triples = {str(t) for t in ox.parse(out.encode(), format=ox.RdfFormat.JSON_LD)}
    assert triples == {'<http://example.org/s> <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer>'}


def test_csv_on_a_construct_is_refused(shared_store_dir: Path) -> None:
    assert run(shared_store_dir, "query", "-f", "csv", "-e", CONSTRUCT) == (
        2, "", ("Error: --format csv: a CONSTRUCT or DESCRIBE result is triples; choose turtle, ntriples or jsonld "
               "(json gives JSON-LD)\n"))
