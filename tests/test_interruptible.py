"""call_with_limit: the work runs in a forked child; its bytes or its error come back, and the limit stops it."""

from __future__ import annotations

import os
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
