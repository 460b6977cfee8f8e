"""Synthetic benchmark data: deterministic, in the exact format of `add`, valid, and realistic enough."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from wickgraph.build import build
from wickgraph.cli import cli
from wickgraph.reviewgraph import serialize_review
from wickgraph.shacl import validate_rdf
from wickgraph.store import open_store
from wickgraph.synth import generate, load_catalog, synth

N = 40


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth(out, N, seed=3, texts=True, workers=1)
    return out


def test_same_seed_same_bytes_whatever_the_workers(synthetic: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    synth(again, N, seed=3, texts=True, workers=2)
    assert _files(again) == _files(synthetic)


def test_another_seed_writes_other_reviews(synthetic: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    synth(other, N, seed=4, texts=True, workers=1)
    assert set(_files(other)) != set(_files(synthetic))


def test_fewer_reviews_are_a_prefix_of_more(tmp_path: Path) -> None:
    catalog = load_catalog()
    assert [r.text for r in generate(catalog, 5, seed=3)] == [r.text for r in generate(catalog, 8, seed=3)][:5]


def test_writes_n_review_graphs_the_reference_and_texts(synthetic: Path) -> None:
    reviews = sorted((synthetic / "reviews").glob("*.trig"))
    assert len(reviews) == N
    assert sorted(p.stem for p in (synthetic / "texts").glob("*.txt")) == [p.stem for p in reviews]
    project_reference = Path(__file__).resolve().parent.parent / "data" / "reference"
    assert _files(synthetic / "reference") == _files(project_reference)


def test_review_files_are_in_the_format_add_writes(synthetic: Path) -> None:
    for path in sorted((synthetic / "reviews").glob("*.trig"))[:10]:
        data = path.read_bytes()
        quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
        assert {q.graph_name.value for q in quads} == {f"https://w3id.org/wickgraph/graph/review/{path.stem}"}
        assert serialize_review(quads) == data  # add's own serialiser gives back the same bytes


def test_evidence_quotes_are_the_texts_at_their_offsets(synthetic: Path) -> None:
    store = ox.Store()
    for path in (synthetic / "reviews").glob("*.trig"):
        store.load(path=str(path), format=ox.RdfFormat.TRIG)
    rows = list(store.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?g ?exact ?start ?end WHERE { GRAPH ?g { ?s oa:exact ?exact ; oa:start ?start ; oa:end ?end } }"""))
    assert len(rows) > N
    for row in rows:
        text = (synthetic / "texts" / (row["g"].value.rsplit("/", 1)[1] + ".txt")).read_text(encoding="utf-8")
        assert text[int(row["start"].value):int(row["end"].value)] == row["exact"].value


def test_builds_and_conforms_to_the_shapes(synthetic: Path, tmp_path: Path) -> None:
    report = build(synthetic, tmp_path / "store")
    assert report.validated == N + 1  # the reviews and the reference file
    # pySHACL, the reference engine, agrees on a sample
    for path in sorted((synthetic / "reviews").glob("*.trig"))[:3]:
        assert validate_rdf(path.read_bytes(), "trig", str(path), engine="pyshacl") == []
    with open_store(tmp_path / "store", read_only=True) as store:
        def ask(pattern: str) -> bool:
            return bool(store.query("PREFIX wg: <https://w3id.org/wickgraph/ontology#> ASK { GRAPH ?g { "
                                    + pattern + " } }"))

        assert ask('?c a wg:CastClaim ; wg:status "contradicted"')
        assert ask('?c a wg:ReleaseYearClaim ; wg:status "contradicted"')
        assert ask("?p a wg:Person ; wg:reconciled false")
        assert ask("?c a wg:RepriseClaim")
        assert ask("?c a wg:RatingClaim")


def test_cli_writes_a_folder_and_refuses_a_full_one(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "bench"
    result = runner.invoke(cli, ["synth", "--reviews", "3", "--out", str(out), "--seed", "1", "--texts"])
    assert result.exit_code == 0, result.output
    assert "wrote 3 reviews" in result.output
    assert len(list((out / "texts").glob("*.txt"))) == 3
    again = runner.invoke(cli, ["synth", "--reviews", "3", "--out", str(out)])
    assert again.exit_code == 2
    assert "not empty" in again.output
