"""Building the store from data/: counts, idempotence, inference, and failures that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from wickgraph.build import build, check_data
from wickgraph.errors import RDFSyntaxError, ValidationFailed
from wickgraph.namespaces import GRAPH
from wickgraph.store import open_store


def test_build_loads_every_graph(built_store_dir: Path, data_dir: Path) -> None:
    with open_store(built_store_dir, read_only=True) as store:
        graphs = store.graph_counts()
    reviews = sorted(p.stem for p in (data_dir / "reviews").glob("*.trig"))
    assert sorted(graphs) == sorted(
        [f"{GRAPH}ontology", f"{GRAPH}reference", f"{GRAPH}inferred"] + [f"{GRAPH}review/{r}" for r in reviews]
    )
    assert all(count > 0 for count in graphs.values())


def test_rebuild_is_idempotent(data_dir: Path, store_dir: Path) -> None:
    first = build(data_dir, store_dir)
    second = build(data_dir, store_dir)
    assert first.graphs == second.graphs
    assert second.validated == 0 and second.validation_skipped == first.validated  # unchanged files: not re-checked


def test_inferred_reprises_are_marked_and_exclude_stated_ones(built_store_dir: Path) -> None:
    ask = """
    PREFIX wg: <https://w3id.org/wickgraph/ontology#>
    ASK { GRAPH <https://w3id.org/wickgraph/graph/inferred> {
      ?r wg:actor <https://w3id.org/wickgraph/id/person/keanu-reeves> ;
         wg:character <https://w3id.org/wickgraph/id/character/john-wick> ;
         wg:work <https://w3id.org/wickgraph/id/work/john-wick-chapter-2-2017> ;
         wg:fromWork <https://w3id.org/wickgraph/id/work/john-wick-2014> ; wg:inferred true } }"""
    with open_store(built_store_dir, read_only=True) as store:
        assert bool(store.query(ask))
        # Colin Woodell's young Winston is a recast, never a reprise
        assert not bool(store.query("""PREFIX wg: <https://w3id.org/wickgraph/ontology#>
            ASK { GRAPH ?g { ?r a wg:Reprise ; wg:actor <https://w3id.org/wickgraph/id/person/colin-woodell> } }"""))


def _break_line(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = text
    path.write_text("".join(lines), encoding="utf-8")


def test_malformed_turtle_names_file_and_line_and_keeps_the_old_store(data_dir: Path, store_dir: Path) -> None:
    before = build(data_dir, store_dir).graphs
    reference = data_dir / "reference" / "franchise.ttl"
    line = len(reference.read_text(encoding="utf-8").splitlines()) - 1
    _break_line(reference, line, "work:john-wick-2014 wg:releaseYear ;; .\n")
    with pytest.raises(RDFSyntaxError) as caught:
        build(data_dir, store_dir)
    assert (caught.value.filename, caught.value.lineno) == (str(reference), line)
    with open_store(store_dir, read_only=True) as store:
        assert store.graph_counts() == before


def test_shacl_violation_fails_the_build(data_dir: Path, store_dir: Path) -> None:
    review = next((data_dir / "reviews").glob("*.trig"))
    text = review.read_text(encoding="utf-8")
    # a claim with a status outside supported/contradicted/unknown
    review.write_text(text.replace('"contradicted"', '"wrong"', 1), encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        build(data_dir, store_dir)
    assert str(review) in str(caught.value)
    assert not store_dir.exists()


def test_review_file_must_hold_its_own_graph(data_dir: Path) -> None:
    review = next((data_dir / "reviews").glob("*.trig"))
    review.rename(review.with_name("r-000000000000.trig"))
    with pytest.raises(RDFSyntaxError, match="a review file holds exactly one named graph"):
        check_data(data_dir)
