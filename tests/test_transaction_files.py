"""atomicfile.write_atomic (and so `export -o`): symlinks, FIFOs, devices, standard output, the umask."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph.atomicfile import write_atomic
from wickgraph.cli import cli
from wickgraph.errors import UsageError


@pytest.fixture
def export_runner(monkeypatch: pytest.MonkeyPatch, shared_store_dir: Path, tmp_path: Path) -> CliRunner:
    monkeypatch.setenv("WICKGRAPH_STORE", str(shared_store_dir))
    monkeypatch.setenv("WICKGRAPH_DATA", str(tmp_path / "no-data"))
    return CliRunner()


def test_write_atomic_writes_through_a_symlink_and_uses_the_umask(tmp_path: Path) -> None:
    real = tmp_path / "real.ttl"
    real.write_bytes(b"old")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    old_mask = os.umask(0o027)
    try:
        write_atomic(link, b"new")
        write_atomic(tmp_path / "fresh.ttl", b"fresh")
    finally:
        os.umask(old_mask)
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE((tmp_path / "fresh.ttl").stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_to_a_symlink_replaces_its_target_not_the_link(export_runner: CliRunner, tmp_path: Path) -> None:
    real = tmp_path / "graph.ttl"
    real.write_text("old")
    link = tmp_path / "latest.ttl"
    link.symlink_to(real)
    result = export_runner.invoke(cli, ["export", "-f", "turtle", "--graph", "reference", "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("@prefix ")


def test_export_files_get_the_umask_not_0600(export_runner: CliRunner, tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        result = export_runner.invoke(cli, ["export", "-f", "nquads", "-o", str(tmp_path / "all.nq")])
    finally:
        os.umask(old_mask)
    assert result.exit_code == 0
    assert stat.S_IMODE((tmp_path / "all.nq").stat().st_mode) == 0o644


def test_export_to_a_fifo_writes_into_it(export_runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = export_runner.invoke(cli, ["export", "-f", "nquads", "--graph", "reference", "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].count(b"\n") > 100 and received[0].endswith(b" .\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_export_to_dev_full_is_one_line_and_leaves_the_device(export_runner: CliRunner) -> None:
    before = os.stat("/dev/full")
    result = export_runner.invoke(cli, ["export", "-f", "turtle", "--graph", "reference", "-o", "/dev/full"])
    assert result.exit_code == 2
    assert result.stderr == "Error: /dev/full: cannot write: No space left on device\n"
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_export_dash_is_standard_output(export_runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = export_runner.invoke(cli, ["export", "-f", "nquads", "--graph", "reference", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.endswith(b" .\n") and not (tmp_path / "-").exists()


def test_write_atomic_to_a_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r": is a folder; give a file name$"):
        write_atomic(tmp_path, b"x")
