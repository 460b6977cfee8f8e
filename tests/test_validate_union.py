"""validate checks the graphs merged, as a server with a union default graph shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from pyshacl import validate as pyshacl_validate

from wickgraph.cli import cli
from wickgraph.errors import ValidationFailed
from wickgraph.export import export
from wickgraph.store import Store
from wickgraph.union import check_data_union, check_union

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
REVIEW = "https://w3id.org/wickgraph/graph/review/r-fd4f55627fe0"
REPRISE = "https://w3id.org/wickgraph/id/reprise/ballerina-2025--john-wick--keanu-reeves"
WG = "https://w3id.org/wickgraph/ontology#"


def test_union_clashes_are_what_pyshacl_finds_on_the_exported_dataset(shared_store: Store) -> None:
    # the oracle: pySHACL on the N-Quads export with every graph merged, as a union default graph is
    dataset = rdflib.Dataset()
    dataset.parse(data=export(shared_store, "nquads"), format="nquads")
    merged = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    _, results, _ = pyshacl_validate(merged, shacl_graph=str(ONTOLOGY / "shapes.ttl"),
                                     ont_graph=str(ONTOLOGY / "wickgraph.ttl"), advanced=True, allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    expected = {(str(results.value(r, sh.focusNode)), str(results.value(r, sh.resultPath)))
                for r in results.subjects(sh.resultSeverity, sh.Violation)}
    clashes = check_union(shared_store.quads()).clashes
    assert {(clash.focus, clash.path) for clash in clashes} == expected == {
        (REPRISE, WG + "inferred"), ("https://w3id.org/wickgraph/id/work/ballerina-2025", WG + "releaseYear")}
    by_path = {clash.path: clash.values for clash in clashes}
    assert by_path[WG + "releaseYear"] == (("2025", "https://w3id.org/wickgraph/graph/reference"), ("2024", REVIEW))
    assert by_path[WG + "inferred"] == (("true", "https://w3id.org/wickgraph/graph/inferred"), ("false", REVIEW))
    assert check_union(shared_store.quads()).facts == []


def test_validate_lists_the_clashes_and_fails_on_them_when_asked(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        ("2 clash(es) if every graph is merged into one default graph (claims beside the facts they contradict; "
         "keep the named graphs apart):"),
        f"  {REPRISE} wg:inferred: sh:maxCount 1: 2 values: true (graph:inferred), false ({REVIEW})",
        f"  work:ballerina-2025 wg:releaseYear: sh:maxCount 1: 2 values: 2025 (graph:reference), 2024 ({REVIEW})",
    ]
    strict = runner.invoke(cli, ["validate", "--fail-on-clash"])
    assert strict.exit_code == 1 and strict.stderr == "Error: 2 clash(es) on a union default graph\n"


def test_no_reviews_no_clashes(runner: CliRunner, data_dir: Path) -> None:
    for review in (data_dir / "reviews").glob("*.trig"):
        review.unlink()
    result = runner.invoke(cli, ["validate", "--fail-on-clash"])
    assert result.exit_code == 0 and "clash" not in result.stdout


def test_facts_that_clash_only_once_merged_fail_validation(data_dir: Path) -> None:
    # untyped, so the reference graph passes on its own; the inferred graph states the same reprise as inferred
    reference = data_dir / "reference" / "franchise.ttl"
    reference.write_text(reference.read_text(encoding="utf-8") + f"<{REPRISE}> wg:inferred false .\n",
                         encoding="utf-8")
    with pytest.raises(ValidationFailed, match=(
            "^1 SHACL violation\\(s\\) once the reference facts and the inferred reprises are merged; "
            f"first: reference facts merged: {REPRISE} {WG}inferred: sh:maxCount 1")):
        check_data_union(data_dir)
