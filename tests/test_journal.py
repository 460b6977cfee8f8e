"""The commit journal rolls an interrupted commit forward; check and repair compare data/ with the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from wickgraph.consistency import check, repair
from wickgraph.errors import InputError, StoreError
from wickgraph.journal import JOURNAL_NAME, FileChange, begin, pending, recover, stray_temp_files
from wickgraph.namespaces import review_graph_iri
from wickgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
GRAPH = review_graph_iri("r-000000000001")
TRIG = f"<{GRAPH}> {{ <https://example.org/s> <https://example.org/p> \"new\" . }}\n".encode()


def _applied(calls: list[dict[str, list[ox.Quad]]]) -> object:
    def replace(graphs: dict[str, list[ox.Quad]]) -> None:
        calls.append(graphs)
    return replace


def test_a_commit_killed_after_its_journal_is_rolled_forward(tmp_path: Path) -> None:
    target = tmp_path / "reviews" / "r-000000000001.trig"
    target.parent.mkdir()
    begin(tmp_path, [FileChange(target, TRIG, GRAPH)])  # then the process "dies": nothing renamed
    assert not target.exists() and (tmp_path / JOURNAL_NAME).exists()

    calls: list[dict[str, list[ox.Quad]]] = []
    assert recover(tmp_path, _applied(calls)) == [GRAPH]  # type: ignore[arg-type]

    assert target.read_bytes() == TRIG
    assert [str(q.object) for q in calls[0][GRAPH]] == ['"new"']
    assert not (tmp_path / JOURNAL_NAME).exists()
    assert stray_temp_files(tmp_path) == []


def test_a_deletion_killed_after_the_rename_step_reloads_the_graph_as_gone(tmp_path: Path) -> None:
    target = tmp_path / "reviews" / "r-000000000001.trig"
    target.parent.mkdir()
    target.write_bytes(TRIG)
    intent = begin(tmp_path, [FileChange(target, None, GRAPH)])
    intent.apply_files()  # "dies" before the store transaction

    calls: list[dict[str, list[ox.Quad]]] = []
    recover(tmp_path, _applied(calls))  # type: ignore[arg-type]
    assert calls == [{GRAPH: []}]
    assert not target.exists()


def test_recovery_without_a_journal_only_removes_stray_temporary_files(tmp_path: Path) -> None:
    (tmp_path / "reviews").mkdir()
    stray = tmp_path / "reviews" / ".r-000000000001.trig.abc123.tmp"
    stray.write_bytes(b"half a file")
    keep = tmp_path / "reviews" / "r-000000000002.trig"
    keep.write_bytes(TRIG)
    calls: list[dict[str, list[ox.Quad]]] = []
    assert recover(tmp_path, _applied(calls)) == []  # type: ignore[arg-type]
    assert calls == [] and not stray.exists() and keep.exists()


def test_a_new_commit_refuses_to_start_over_an_interrupted_one(tmp_path: Path) -> None:
    target = tmp_path / "a.trig"
    begin(tmp_path, [FileChange(target, TRIG, GRAPH)])
    with pytest.raises(StoreError, match="interrupted; run `wickgraph repair` first"):
        begin(tmp_path, [FileChange(target, TRIG, GRAPH)])


def test_an_unreadable_journal_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / JOURNAL_NAME).write_text("{not json")
    with pytest.raises(StoreError, match="unreadable commit journal"):
        pending(tmp_path)


@pytest.fixture
def data_and_store(tmp_path: Path) -> tuple[Path, Store]:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    from wickgraph.build import build

    build(data, tmp_path / "store")
    return data, Store(tmp_path / "store")


def test_check_finds_nothing_on_a_fresh_build(data_and_store: tuple[Path, Store]) -> None:
    data, store = data_and_store
    assert check(data, store) == []


def test_check_reports_each_kind_of_difference_and_repair_mends_them(data_and_store: tuple[Path, Store]) -> None:
    data, store = data_and_store
    seed = review_graph_iri("r-fd4f55627fe0")
    store.remove_graph(seed)
    stranger = review_graph_iri("r-00000000abcd")
    store.extend([ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                          ox.Literal("x"), ox.NamedNode(stranger))])
    (data / "reviews" / ".r-fd4f55627fe0.trig.zz.tmp").write_bytes(b"")

    found = {(d.problem, d.graph) for d in check(data, store)}
    assert ("missing from the store", seed) in found
    assert ("not in data/", stranger) in found
    assert ("stray file of an interrupted write", None) in found

    repair(data, store)
    assert check(data, store) == []


def test_check_needs_a_data_folder_with_a_reference(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="has no reference/ folder"):
        check(tmp_path, Store())
