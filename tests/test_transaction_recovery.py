"""A commit killed half way is finished by the next command; check and repair; build takes the lock."""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph.cli import cli
from wickgraph.journal import JOURNAL_NAME, stray_temp_files
from wickgraph.namespaces import review_graph_iri
from wickgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = Path(__file__).resolve().parent / "data" / "reviews-in" / "ballerina-short.txt"


def _wickgraph(*args: str, data: Path, store: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WICKGRAPH_DATA": str(data), "WICKGRAPH_STORE": str(store)}
    return subprocess.run([sys.executable, "-m", "wickgraph", *args], env=env, capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)


def _add_killed_at_the_store(data: Path, store: Path, text: Path) -> None:
    """``add`` in a process that dies (os._exit, like kill -9) just before the store transaction."""
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from wickgraph import transaction
        from wickgraph.reviews import add_reviews

        def die(store, graphs):
            os._exit(9)

        transaction._update_store = die
        add_reviews([{str(text)!r}], data_dir=Path({str(data)!r}), store_dir=Path({str(store)!r}), workers=1)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 9, done.stderr


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".wickgraph.lock"}


def test_an_add_killed_before_the_store_transaction_is_finished_by_the_next_command(
        data_dir: Path, built_store_dir: Path) -> None:
    _add_killed_at_the_store(data_dir, built_store_dir, SEED_TEXT)
    added = [p.stem for p in (data_dir / "reviews").glob("r-*.trig") if p.stem != "r-fd4f55627fe0"]
    assert len(added) == 1 and (data_dir / JOURNAL_NAME).exists()  # files in place, store not yet
    with Store(built_store_dir, read_only=True) as store:
        assert review_graph_iri(added[0]) not in store.named_graphs()

    listed = _wickgraph("reviews", data=data_dir, store=built_store_dir)  # a reader, with the lock free

    assert listed.returncode == 0, listed.stderr
    assert added[0] in listed.stdout and "(2 reviews)" in listed.stdout
    assert not (data_dir / JOURNAL_NAME).exists() and stray_temp_files(data_dir) == []
    checked = _wickgraph("check", data=data_dir, store=built_store_dir)
    assert (checked.returncode, checked.stdout.strip()) == (0, f"{data_dir} and the store agree")


def test_a_later_add_finishes_the_interrupted_commit_before_its_own(data_dir: Path, built_store_dir: Path) -> None:
    _add_killed_at_the_store(data_dir, built_store_dir, SEED_TEXT)
    other = Path(__file__).resolve().parent / "data" / "reviews-in" / "chapter4.txt"
    done = _wickgraph("add", "--yes", str(other), data=data_dir, store=built_store_dir)
    assert done.returncode == 0, done.stderr
    assert _wickgraph("check", data=data_dir, store=built_store_dir).returncode == 0
    with Store(built_store_dir, read_only=True) as store:
        reviews = [g for g in store.named_graphs() if "/review/" in g]
    assert len(reviews) == 3


def test_a_reader_that_cannot_open_the_store_for_writing_says_to_run_repair(
        data_dir: Path, built_store_dir: Path) -> None:
    _add_killed_at_the_store(data_dir, built_store_dir, SEED_TEXT)
    with Store(built_store_dir):  # held for writing, as `serve --allow-update` holds it
        listed = _wickgraph("reviews", data=data_dir, store=built_store_dir)
    assert listed.returncode == 0
    assert listed.stderr.strip() == (f"Warning: {data_dir}: a commit was interrupted and the store cannot be "
                                      "opened for writing now; run `wickgraph repair`")
    assert (data_dir / JOURNAL_NAME).exists()
    repaired = _wickgraph("repair", data=data_dir, store=built_store_dir)
    assert repaired.returncode == 0, repaired.stderr
    assert repaired.stdout.splitlines()[0] == f"repaired {data_dir / JOURNAL_NAME}: interrupted commit (run `wickgraph repair`)"
    assert _wickgraph("check", data=data_dir, store=built_store_dir).returncode == 0


def test_check_lists_each_difference_and_repair_mends_them(runner: CliRunner, data_dir: Path,
                                                           built_store_dir: Path) -> None:
    seed = data_dir / "reviews" / "r-fd4f55627fe0.trig"
    seed.unlink()
    stray = data_dir / "reviews" / ".r-000000000001.trig.0badcafe.tmp"
    stray.write_bytes(b"half")

    checked = runner.invoke(cli, ["check"])

    assert checked.exit_code == 1
    assert checked.stdout.splitlines() == [
        f"{stray}: stray file of an interrupted write",
        f"<{review_graph_iri('r-fd4f55627fe0')}> not in data/",
    ]
    assert checked.stderr.strip() == (f"Error: 2 difference(s) between {data_dir} and the store; "
                                      "`wickgraph repair` makes the store match data/")
    repaired = runner.invoke(cli, ["repair"])
    assert repaired.exit_code == 0, repaired.output
    assert repaired.stdout.splitlines()[-1] == f"{data_dir} and the store agree (2 difference(s) repaired)"
    assert not stray.exists()
    assert runner.invoke(cli, ["check"]).exit_code == 0
    assert runner.invoke(cli, ["reviews"]).stdout.splitlines()[-1] == "(0 reviews)"


def test_build_waits_for_the_lock_of_add_and_remove(runner: CliRunner, data_dir: Path, built_store_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    build_module = sys.modules["wickgraph.build"]
    before = _tree(built_store_dir)
    real_locked = build_module.locked
    monkeypatch.setattr(build_module, "locked", lambda data, timeout: real_locked(data, 0.2))
    with open(data_dir / ".wickgraph.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = runner.invoke(cli, ["build"])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {data_dir / '.wickgraph.lock'}: another wickgraph command (add, remove, "
                             "build, repair or a server's write) is writing to this data folder; "
                             "try again when it has finished\n")
    assert _tree(built_store_dir) == before


def test_build_is_refused_while_a_server_writes_to_the_store(data_dir: Path, built_store_dir: Path) -> None:
    with Store(built_store_dir):  # what `serve --allow-update` holds
        result = _wickgraph("build", data=data_dir, store=built_store_dir)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {built_store_dir}: the store is open for writing in another process "
                             "(is `wickgraph serve` or another `wickgraph add` running?)\n")
    with Store(built_store_dir) as store:  # still the same store, and writable
        assert review_graph_iri("r-fd4f55627fe0") in store.named_graphs()


def test_build_of_a_folder_without_reference_is_bad_input(runner: CliRunner, tmp_path: Path,
                                                          built_store_dir: Path) -> None:
    before = _tree(built_store_dir)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["build", "--data", str(empty)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {empty}: not a wickgraph data folder (it has no reference/ folder); set --data\n"
    assert _tree(built_store_dir) == before
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("bad", ["../../victim/secret", "/abs/victim/secret", "r-abc def", "r-fd4f55627fe0/../x",
                                 "r-FD4F55627FE0", "r-fd4f55627fe", ""])
def test_remove_accepts_review_ids_only(runner: CliRunner, data_dir: Path, built_store_dir: Path, tmp_path: Path,
                                        bad: str) -> None:
    victim = tmp_path / "victim" / "secret.trig"
    victim.parent.mkdir()
    victim.write_text("keep me")
    (tmp_path / "abs").mkdir()
    before = _tree(data_dir)
    result = runner.invoke(cli, ["remove", bad.replace("/abs/", f"{tmp_path}/")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "is not a review id (r- and 12 hex digits" in result.stderr
    assert victim.read_text() == "keep me" and _tree(data_dir) == before


@pytest.mark.parametrize("where", ["a-file/out", "/proc/wickgraph-synth"])
def test_synth_into_an_unwritable_place_is_one_line(runner: CliRunner, tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("")
    out = tmp_path / where if not where.startswith("/") else Path(where)
    result = runner.invoke(cli, ["synth", "--reviews", "2", "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {out}: cannot write here: ") and result.stderr.count("\n") == 1


def test_a_build_killed_between_its_two_renames_is_undone_by_the_next_command(
        data_dir: Path, built_store_dir: Path) -> None:
    old = built_store_dir.with_name("store.old")
    built_store_dir.rename(old)  # killed after `store -> store.old`, before `store.building -> store`
    listed = _wickgraph("reviews", data=data_dir, store=built_store_dir)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1] == "(1 review)"
    assert not old.exists()


def test_an_old_store_half_deleted_by_a_killed_build_is_finished_off(data_dir: Path, built_store_dir: Path) -> None:
    import shutil

    old = built_store_dir.with_name("store.old")
    shutil.copytree(built_store_dir, old)
    for path in sorted(old.iterdir())[:3]:  # the deletion got this far; the marker goes last
        if path.name != "wickgraph-store":
            path.unlink()
    listed = _wickgraph("reviews", data=data_dir, store=built_store_dir)
    assert listed.returncode == 0 and not old.exists()
    rebuilt = _wickgraph("build", data=data_dir, store=built_store_dir)
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_a_leftover_that_is_not_a_store_is_one_line_not_a_traceback(data_dir: Path, built_store_dir: Path) -> None:
    stranger = built_store_dir.with_name("store.old")
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine")
    result = _wickgraph("build", data=data_dir, store=built_store_dir)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {stranger}: left over from an earlier build but not a wickgraph store; "
                             "delete it, then build again\n")
    assert (stranger / "notes.txt").read_text() == "mine"
