"""The review commands: add, reviews, remove, conflicts (exit codes and exact error lines)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wickgraph.cli import cli

INPUTS = Path(__file__).resolve().parent / "data" / "reviews-in"
SHORT = str(INPUTS / "ballerina-short.txt")


def _review_files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "reviews").glob("*.trig"))


def test_add_yes_shows_claims_and_writes(runner: CliRunner, data_dir: Path, built_store_dir: Path) -> None:
    result = runner.invoke(cli, ["add", SHORT, "--yes", "--author", "Jess Moreau", "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "Ana de Armas as Eve Macarro" in result.output
    assert "“Ana de Armas stars as Eve Macarro”" in result.output
    assert "supported" in result.output
    assert "1 added, 0 replaced, 0 unchanged" in result.output
    assert len(_review_files(data_dir)) == 2

    again = runner.invoke(cli, ["add", SHORT, "--yes", "--author", "Jess Moreau", "--published", "2025-06-14"])
    assert again.exit_code == 0 and "0 added, 0 replaced, 1 unchanged" in again.output

    listed = runner.invoke(cli, ["reviews"])
    assert listed.exit_code == 0 and "Jess Moreau" in listed.output and "2025-06-14" in listed.output
    assert "(2 reviews)" in listed.output


def test_add_dry_run_writes_nothing(runner: CliRunner, data_dir: Path, built_store_dir: Path) -> None:
    refused = runner.invoke(cli, ["add", str(INPUTS / "seed-review.txt"), "--dry-run"])
    assert refused.exit_code == 2 and "hand-written graph" in refused.stderr
    result = runner.invoke(cli, ["add", str(INPUTS / "seed-review.txt"), "--dry-run", "--force"])
    assert result.exit_code == 0, result.output
    assert "(replaces the stored version)" in result.output
    assert "conflict, claim 4 (cast): review says Ana de Armas as Rooney; reference says Ana de Armas as Eve Macarro" \
        in result.output
    assert result.output.rstrip().endswith("dry run: nothing was written")
    assert (data_dir / "reviews" / "r-fd4f55627fe0.trig").read_bytes() == \
        (Path(__file__).resolve().parent.parent / "data" / "reviews" / "r-fd4f55627fe0.trig").read_bytes()


def test_add_without_a_terminal_needs_yes(runner: CliRunner, data_dir: Path, built_store_dir: Path) -> None:
    result = runner.invoke(cli, ["add", SHORT])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: not at a terminal, so cannot ask for confirmation; pass --yes to add, or --dry-run to only look")
    assert _review_files(data_dir) == ["r-fd4f55627fe0.trig"]


def test_add_reads_paths_from_stdin(runner: CliRunner, data_dir: Path, built_store_dir: Path) -> None:
    result = runner.invoke(cli, ["add", "-", "--yes"], input=f"{SHORT}\n{INPUTS / 'chapter4.txt'}\n")
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output


def test_add_bad_file_is_one_line_exit_2(runner: CliRunner, data_dir: Path, built_store_dir: Path) -> None:
    empty = str(INPUTS / "empty.txt")
    result = runner.invoke(cli, ["add", empty, SHORT, "--yes"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {empty}: empty review: the file has no text; nothing was added\n"
    assert "Traceback" not in result.output
    assert _review_files(data_dir) == ["r-fd4f55627fe0.trig"]

    skipped = runner.invoke(cli, ["add", empty, SHORT, "--yes", "--skip-bad"])
    assert skipped.exit_code == 0
    assert f"skipped {empty}: empty review: the file has no text" in skipped.stderr
    assert "1 added, 0 replaced, 0 unchanged, 1 skipped" in skipped.output


def test_add_bad_date_names_the_option(runner: CliRunner, built_store_dir: Path) -> None:
    result = runner.invoke(cli, ["add", SHORT, "--published", "14/06/2025", "--yes"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --published '14/06/2025': expected a date as YYYY-MM-DD, e.g. 2025-06-14\n"


def test_add_without_a_store_says_to_build(runner: CliRunner, data_dir: Path) -> None:
    result = runner.invoke(cli, ["add", SHORT, "--yes"])
    assert result.exit_code == 2
    assert "no wickgraph store here; run `wickgraph build` first" in result.stderr
    assert _review_files(data_dir) == ["r-fd4f55627fe0.trig"]


def test_conflicts_of_the_seed(runner: CliRunner, built_store_dir: Path) -> None:
    table = runner.invoke(cli, ["conflicts"])
    assert table.exit_code == 0 and "(2 conflicts)" in table.output

    failing = runner.invoke(cli, ["conflicts", "--fail-on-conflict"])
    assert failing.exit_code == 1
    assert failing.stderr == "Error: 2 claim(s) contradict the reference facts\n"

    # SPARQL 1.1 JSON results, as `query --format json` prints
    as_json = json.loads(runner.invoke(cli, ["conflicts", "--format", "json"]).output)
    assert [(c["kind"]["value"], c["claimed"]["value"], c["reference"]["value"])
            for c in as_json["results"]["bindings"]] == [
        ("release_year", "2024", "2025"), ("cast", "Ana de Armas as Rooney", "Ana de Armas as Eve Macarro")]
    assert as_json["results"]["bindings"][0]["claim"] == {
        "type": "uri", "value": "https://w3id.org/wickgraph/id/claim/r-fd4f55627fe0/1"}
    as_csv = runner.invoke(cli, ["conflicts", "--format", "csv"]).output.splitlines()
    assert as_csv[0] == "review_id,claim,kind,work,work_title,claimed,reference,evidence,explanation"
    assert len(as_csv) == 3


def test_no_conflicts_passes_the_check(runner: CliRunner, built_store_dir: Path) -> None:
    assert runner.invoke(cli, ["remove", "r-fd4f55627fe0"]).exit_code == 0
    result = runner.invoke(cli, ["conflicts", "--fail-on-conflict"])
    assert result.exit_code == 0 and "(0 conflicts)" in result.output


def test_remove(runner: CliRunner, data_dir: Path, built_store_dir: Path) -> None:
    result = runner.invoke(cli, ["remove", "r-fd4f55627fe0"])
    assert result.exit_code == 0
    assert result.output.startswith("removed r-fd4f55627fe0 (")
    assert _review_files(data_dir) == []
    unknown = runner.invoke(cli, ["remove", "r-000000000000"])
    assert unknown.exit_code == 2
    assert unknown.stderr == "Error: no review 'r-000000000000'; see `wickgraph reviews`\n"


def test_listings_take_the_same_formats_as_query(runner: CliRunner, built_store_dir: Path) -> None:
    csv_reviews = runner.invoke(cli, ["reviews", "--format", "csv"])
    assert csv_reviews.exit_code == 0
    assert csv_reviews.stdout.splitlines() == [
        "id,work,author,published,claims,conflicts", "r-fd4f55627fe0,From the World of John Wick: Ballerina,,,10,2"]
    tsv_conflicts = runner.invoke(cli, ["conflicts", "-f", "tsv"])
    assert tsv_conflicts.stdout.splitlines()[0].split("\t")[:3] == ["?review_id", "?claim", "?kind"]
    extracted = runner.invoke(cli, ["extract", SHORT, "--format", "json"])
    bindings = json.loads(extracted.stdout)["results"]["bindings"]
    assert {"type": "literal", "value": "Ana de Armas stars as Eve Macarro"} in [b["evidence"] for b in bindings]
    for command in (["reviews"], ["conflicts"], ["extract", SHORT]):
        refused = runner.invoke(cli, [*command, "--format", "yaml"])
        assert refused.exit_code == 2 and "'yaml' is not one of 'table', 'text', 'json'" in refused.stderr
    both = runner.invoke(cli, ["extract", SHORT, "--json", "--format", "csv"])
    assert both.exit_code == 2 and both.stderr == "Error: --json, --text and --format cannot be used together\n"


def test_tables_neutralise_terminal_escapes(runner: CliRunner, built_store_dir: Path) -> None:
    # an author (or any review text) that clears the screen and retitles the terminal when printed raw
    author = "\x1b[2J\x1b]0;pwned\x07Mallory\u202eevil"
    added = runner.invoke(cli, ["add", SHORT, "--yes", "--author", author])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, ["reviews"]).stdout
    assert "\\x1b[2J\\x1b]0;pwned\\x07Mallory\\u202eevil" in listed
    assert not any(ch in listed for ch in "\x1b\x07\u202e")
    as_csv = runner.invoke(cli, ["reviews", "--format", "csv"]).stdout
    assert author in as_csv  # data formats keep the value as it is
