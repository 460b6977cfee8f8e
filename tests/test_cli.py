"""The core commands in-process (CliRunner): output, exit codes and exact error lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from wickgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_help_lists_the_commands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "query", "queries", "validate", "export"):
        assert f"  {command} " in result.output


def test_build_prints_counts_per_graph(runner: CliRunner, store_dir: Path) -> None:
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("https://w3id.org/wickgraph/graph/reference ") for line in lines)
    assert lines[-1].endswith(f"-> {store_dir}")


def test_query_without_a_store_says_to_build(runner: CliRunner, store_dir: Path) -> None:
    result = runner.invoke(cli, ["query", "release-order"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {store_dir}: no wickgraph store here; run `wickgraph build` first\n"


def test_query_formats(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    sparql = "PREFIX wg: <https://w3id.org/wickgraph/ontology#> SELECT ?y WHERE { GRAPH <https://w3id.org/wickgraph/graph/reference> { <https://w3id.org/wickgraph/id/work/ballerina-2025> wg:releaseYear ?y } }"
    table = runner.invoke(cli, ["query", "-e", sparql])
    assert table.exit_code == 0 and table.stdout == "y\n----\n2025\n(1 row)\n"
    csv = runner.invoke(cli, ["query", "-e", sparql, "--format", "csv"])
    assert csv.stdout.splitlines() == ["y", "2025"]
    tsv = runner.invoke(cli, ["query", "-e", sparql, "--format", "tsv"])
    assert tsv.stdout.splitlines() == ["?y", "2025"]
    data = json.loads(runner.invoke(cli, ["query", "-e", sparql, "--format", "json"]).stdout)
    assert data["results"]["bindings"] == [
        {"y": {"type": "literal", "value": "2025", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


def test_bad_sparql_prints_line_and_column(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    result = runner.invoke(cli, ["query", "-e", "SELECT *\nWHERE { ?s ?p ?o } LIMT 3"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: 2:")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_unknown_query_lists_close_matches(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "release-ordr"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no named query 'release-ordr'; did you mean release-order")


def test_bad_param(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    result = runner.invoke(cli, ["query", "cast", "--param", "work"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --param 'work': expected NAME=VALUE, e.g. --param work=john-wick-2014\n"


def test_malformed_data_fails_build_with_position_and_keeps_store(runner: CliRunner, data_dir: Path) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    reference = data_dir / "reference" / "franchise.ttl"
    reference.write_text(reference.read_text(encoding="utf-8") + "work:x wg:releaseYear ;; .\n", encoding="utf-8")
    line = len(reference.read_text(encoding="utf-8").splitlines())
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {reference}:{line}:")
    assert runner.invoke(cli, ["query", "release-order"]).exit_code == 0  # the previous store still answers


def test_validate_reports_without_writing(runner: CliRunner, store_dir: Path) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0 and "files conform" in result.stdout
    assert not store_dir.exists()


def test_export_unknown_format_and_unwritable_path(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    unknown = runner.invoke(cli, ["export", "--format", "yaml"])
    assert unknown.exit_code == 2 and "Invalid value for '-f' / '--format': 'yaml' is not one of" in unknown.stderr
    target = tmp_path / "nowhere" / "graph.graphml"
    unwritable = runner.invoke(cli, ["export", "--format", "graphml", "-o", str(target)])
    assert unwritable.exit_code == 2
    assert unwritable.stderr.startswith(f"Error: {target}: cannot write here:")
    assert not target.exists()


def test_export_writes_a_file(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    target = tmp_path / "graph.trig"
    result = runner.invoke(cli, ["export", "--format", "trig", "-o", str(target), "--graph", "reference"])
    assert result.exit_code == 0
    blocks = [line for line in target.read_text(encoding="utf-8").splitlines() if line.endswith("{")]
    assert blocks == ["graph:reference {", "graph:inferred {"]
    assert list(tmp_path.glob(".graph.trig.*")) == []


def test_installed_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    """The install path, once for real: the console script (or python -m) builds and queries."""
    env = dict(os.environ, WICKGRAPH_STORE=str(tmp_path / "store"), PYTHONPATH=str(ROOT))
    script = Path(sys.executable).with_name("wickgraph")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "wickgraph"]
    built = subprocess.run([*command, "build"], env=env, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    answered = subprocess.run([*command, "query", "story-order", "--format", "csv"], env=env,
                              capture_output=True, text=True, timeout=60)
    assert answered.returncode == 0, answered.stderr
    assert "The Continental" in answered.stdout.splitlines()[1]


def test_export_refuses_what_it_cannot_write_faithfully(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    merged = runner.invoke(cli, ["export", "--format", "ttl", "--graph", "all"])
    assert merged.exit_code == 2 and merged.stdout == ""
    assert merged.stderr == (
        "Error: turtle has no graph names, so the claims in --graph all would read as facts; use trig, nquads or "
        "jsonld (each review in its own named graph), or --graph reference\n")
    viewed = runner.invoke(cli, ["export", "--format", "nquads", "--view", "costars"])
    assert viewed.exit_code == 2
    assert viewed.stderr == "Error: --view is for graph formats (graphml, gexf, node-link, cytoscape); nquads is RDF\n"
    assert runner.invoke(cli, ["export", "--format", "turtle", "--graph", "reference"]).exit_code == 0


def test_every_format_option_reads_the_formats_table() -> None:
    import click

    from wickgraph.formats import names

    expected = {"query": names("results", "rdf"), "export": names("graph", "rdf"), "reviews": names("results"),
                "conflicts": names("results"), "extract": names("results")}
    for command, choices in expected.items():
        option = next(p for p in cli.commands[command].params if p.name == "fmt")
        assert isinstance(option.type, click.Choice) and list(option.type.choices) == choices, command
        assert option.opts == ["-f", "--format"], command
