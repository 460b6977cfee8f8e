"""Reading the store while another process writes to it: a fresh view when a writer moved the files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph import consistency
from wickgraph.cli import cli
from wickgraph.consistency import check
from wickgraph.errors import StoreError
from wickgraph.store import Store, read_store

# what RocksDB raises when a read-only view needs a file a writer's compaction deleted
MOVED = "IO error: No such file or directory: While open a file for random read: /s/000027.sst: No such file or directory"


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "sleep", lambda seconds: None)


def test_a_read_whose_files_moved_runs_again_on_a_fresh_view(shared_store_dir: Path, no_waiting: None) -> None:
    views: list[Store] = []

    def read(store: Store) -> int:
        views.append(store)
        if len(views) == 1:
            raise RuntimeError(f"Corruption: {MOVED}")
        return len(store.named_graphs())

    assert read_store(shared_store_dir, read) > 2
    assert len(views) == 2 and views[0] is not views[1]


def test_a_read_that_keeps_failing_is_one_clear_error(shared_store_dir: Path, no_waiting: None) -> None:
    calls = []

    def read(store: Store) -> None:
        calls.append(store)
        raise FileNotFoundError(MOVED)

    with pytest.raises(StoreError) as raised:
        read_store(shared_store_dir, read, attempts=3)
    assert str(raised.value) == (f"{shared_store_dir}: the store kept changing while it was read (3 attempts); "
                                 "try again when the writing server is idle")
    assert len(calls) == 3


def test_other_failures_are_not_run_again(shared_store_dir: Path) -> None:
    calls = []

    def read(store: Store) -> None:
        calls.append(store)
        raise RuntimeError("a SERVICE call timed out")

    with pytest.raises(RuntimeError, match="SERVICE"):
        read_store(shared_store_dir, read)
    assert len(calls) == 1


def test_check_says_in_one_line_when_the_store_keeps_changing(
        data_dir: Path, shared_store_dir: Path, monkeypatch: pytest.MonkeyPatch, no_waiting: None) -> None:
    def moving(data: Path, store: Store) -> list[consistency.Difference]:
        raise OSError(MOVED)

    monkeypatch.setattr(consistency, "check", moving)
    result = CliRunner().invoke(cli, ["check", "--data", str(data_dir), "--store", str(shared_store_dir)])
    assert result.exit_code == 2
    expected = (f"Error: {shared_store_dir}: the store kept changing while it was read (5 attempts); "
                "try again when the writing server is idle")
    assert result.output.splitlines() == [expected]


def test_check_reads_a_store_that_a_writer_keeps_changing(data_dir: Path, built_store_dir: Path) -> None:
    writer = Store(built_store_dir)
    done = threading.Event()
    written: list[int] = []

    def write() -> None:  # what `serve --allow-update` does under a steady stream of SPARQL updates
        while not done.is_set():
            n = len(written)
            writer.endpoint_update(f"INSERT DATA {{ GRAPH <http://example.org/g{n}> {{ <http://example.org/s> "
                          f"<http://example.org/p> {n} }} }}")
            writer.flush()
            written.append(n)
            time.sleep(0.2)  # a busy editors' server, not a bulk load

    thread = threading.Thread(target=write)
    thread.start()
    try:
        found = []
        while len(written) < 12:  # enough flushes for the writer to compact files away under the readers
            found.append(read_store(built_store_dir, lambda store: check(data_dir, store)))
    finally:
        done.set()
        thread.join()
        writer.close()
    for differences in found:  # every view is a consistent state: only the writer's graphs differ
        assert {d.problem for d in differences} <= {"not in data/"}
        assert all(str(d.graph).startswith("http://example.org/g") for d in differences)
    assert len(found[-1]) > len(found[0])
