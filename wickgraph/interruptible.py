"""Running engine work that Ctrl-C and a time limit can stop.

pyoxigraph evaluates a query in Rust, where Python's signal handlers cannot run: a
runaway query ignored Ctrl-C for as long as it ran. :func:`call_with_limit` runs the work
in a forked child process and waits for it in a way signals interrupt; at the time limit
or on Ctrl-C the child is killed, which stops the query and frees its memory at once.

The child is a bare ``os.fork`` with a pipe, not a :mod:`multiprocessing` process: importing
multiprocessing and starting its process cost more than a small query itself, on every
``wickgraph query``.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from collections.abc import Callable

from .errors import WickgraphError

__all__ = ["Interrupted", "TimeLimitExceeded", "call_with_limit"]


class TimeLimitExceeded(WickgraphError):
    """The work ran past its time limit and was stopped."""

    http_status = 503


class Interrupted(WickgraphError):
    """The user pressed Ctrl-C; the work was stopped (exit code 130, as shells expect)."""

    exit_code = 130


_OK, _ERROR = b"o", b"e"
"""The reply's first byte: the work's bytes follow, or its WickgraphError, pickled (pickle is imported only then)."""


def _die_with(parent: int) -> None:
    """Ask Linux to kill this child when ``parent`` dies: a parent killed outright (SIGKILL, which it cannot handle)
    must not leave a runaway query behind, holding its output pipes open. Elsewhere a no-op."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _run_child(sender: int, work: Callable[[], bytes], parent: int) -> None:
    """In the forked child: run ``work``, send its bytes or its WickgraphError, and never return."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides, and kills us
        if sys.platform == "linux":
            _die_with(parent)
        try:
            reply = _OK + work()
        except WickgraphError as error:
            import pickle

            reply = _ERROR + pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(sender, "wb") as out:
            out.write(reply)
    except BaseException:
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        code = 1
    finally:
        os._exit(code)  # not sys.exit: nothing of the parent's (atexit handlers, buffered output) may run here


def call_with_limit(work: Callable[[], bytes], *, timeout: float | None, what: str = "the query") -> bytes:
    """``work()`` run in a child process: its bytes, or its :class:`WickgraphError`.

    Stopped after ``timeout`` seconds (:class:`TimeLimitExceeded`) or on Ctrl-C
    (:class:`Interrupted`). ``work`` must open what it needs itself (the child is forked).
    """
    receiver, sender = os.pipe()
    started = time.monotonic()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        os.close(receiver)
        _run_child(sender, work, parent)
    os.close(sender)
    chunks: list[bytes] = []
    finished = False
    try:
        while True:
            # short waits: Ctrl-C is handled between them; read as the child writes, so it never blocks on a full pipe
            ready, _, _ = select.select([receiver], [], [], 0.05)
            if ready:
                chunk = os.read(receiver, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            if timeout is not None and time.monotonic() - started > timeout:
                raise TimeLimitExceeded(f"{what} ran longer than {timeout:g} s and was stopped; "
                                        "narrow it down (VALUES, FILTER, LIMIT) or give a longer --timeout")
        _, status = os.waitpid(pid, 0)
        finished = True
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted: {what} was stopped") from None
    finally:
        os.close(receiver)
        if not finished:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or not chunks:  # a child that exits 0 has written its whole reply
        raise WickgraphError(f"{what} failed: its process exited with code {code}")
    reply = b"".join(chunks)
    if reply.startswith(_ERROR):
        import pickle

        error = pickle.loads(reply[1:])
        assert isinstance(error, WickgraphError)
        raise error
    return reply[1:]

