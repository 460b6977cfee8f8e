"""call_with_limit: the work runs in a forked child; its bytes or its error come back, and the limit stops it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from wickgraph.errors import UsageError, WickgraphError
from wickgraph.interruptible import TimeLimitExceeded, call_with_limit


def test_a_result_larger_than_a_pipe_buffer_comes_back_whole() -> None:
    data = bytes(range(256)) * 40_000  # 10 MB: the child blocks on the pipe unless the parent reads as it goes
    assert call_with_limit(lambda: data, timeout=30) == data


def test_the_childs_error_is_raised_in_the_parent() -> None:
    def work() -> bytes:
        raise UsageError("no such thing")

    with pytest.raises(UsageError, match=r"^no such thing$"):
        call_with_limit(work, timeout=30)


def test_a_child_that_dies_is_a_one_line_error_with_its_exit_code() -> None:
    def work() -> bytes:
        os._exit(3)

    with pytest.raises(WickgraphError, match=r"^the query failed: its process exited with code 3$"):
        call_with_limit(work, timeout=30)


def test_a_bug_in_the_child_is_reported_and_the_parent_carries_on(capfd: pytest.CaptureFixture[str]) -> None:
    def work() -> bytes:
        raise ZeroDivisionError("boom")

    with pytest.raises(WickgraphError, match=r"^the export failed: its process exited with code 1$"):
        call_with_limit(work, timeout=30, what="the export")
    assert "ZeroDivisionError: boom" in capfd.readouterr().err


def test_the_time_limit_kills_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    parent, children = os.getpid(), []
    fork = os.fork

    def recording_fork() -> int:
        pid = fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"^the query ran longer than 0\.3 s and was stopped"):
        call_with_limit(lambda: time.sleep(60) or b"", timeout=0.3)
    assert time.monotonic() - started < 5 and os.getpid() == parent and len(children) == 1
    with pytest.raises(ChildProcessError):  # the child was killed and waited for: no zombie is left
        os.waitpid(children[0], os.WNOHANG)


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(child) for child in listing.read().split()]


def _alive(pid: int) -> bool:
    """Running, not gone and not a zombie nobody has reaped yet."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"),
                    reason="Linux only: the parent-death signal (prctl) is Linux's, and /proc finds the child")
def test_a_parent_killed_outright_takes_its_query_child_with_it() -> None:
    # the parent runs a query that never ends; SIGKILL it, which no handler sees: its forked child must die too
    script = ("import time\nfrom wickgraph.interruptible import call_with_limit\n"
              "call_with_limit(lambda: (time.sleep(600), b'')[1], timeout=None)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child = None
    try:
        deadline = time.monotonic() + 30
        while child is None and time.monotonic() < deadline:
            found = _children(parent.pid)
            child = found[0] if found else None
            time.sleep(0.05)
        assert child is not None, "the query's child never started"
        time.sleep(0.2)  # past the child's own set-up
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if child is not None and _alive(child):
            os.kill(child, signal.SIGKILL)
