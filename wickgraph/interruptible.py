"""Running engine work that Ctrl-C and a time limit can stop.

pyoxigraph evaluates a query in Rust, where Python's signal handlers cannot run: a
runaway query ignored Ctrl-C for as long as it ran. :func:`call_with_limit` runs the work
in a forked child process and waits for it in a way signals interrupt; at the time limit
or on Ctrl-C the child is killed, which stops the query and frees its memory at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from .errors import WickgraphError

__all__ = ["Interrupted", "TimeLimitExceeded", "call_with_limit"]


class TimeLimitExceeded(WickgraphError):
    """The work ran past its time limit and was stopped."""

    http_status = 503


class Interrupted(WickgraphError):
    """The user pressed Ctrl-C; the work was stopped (exit code 130, as shells expect)."""

    exit_code = 130


def _child(connection: Connection, work: Callable[[], bytes]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides, and kills us
    try:
        reply: tuple[str, object] = ("ok", work())
    except WickgraphError as error:
        reply = ("error", error)
    connection.send(reply)
    connection.close()


def call_with_limit(work: Callable[[], bytes], *, timeout: float | None, what: str = "the query") -> bytes:
    """``work()`` run in a child process: its bytes, or its :class:`WickgraphError`.

    Stopped after ``timeout`` seconds (:class:`TimeLimitExceeded`) or on Ctrl-C
    (:class:`Interrupted`). ``work`` must open what it needs itself (the child is forked).
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, work), daemon=True)
    started = time.monotonic()
    child.start()
    sender.close()
    try:
        while not receiver.poll(0.05):  # short waits: Ctrl-C is handled between them
            if not child.is_alive() and not receiver.poll(0):
                raise WickgraphError(f"{what} failed: its process exited with code {child.exitcode}")
            if timeout is not None and time.monotonic() - started > timeout:
                raise TimeLimitExceeded(f"{what} ran longer than {timeout:g} s and was stopped; "
                                        "narrow it down (VALUES, FILTER, LIMIT) or give a longer --timeout")
        kind, value = receiver.recv()
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted: {what} was stopped") from None
    finally:
        if child.is_alive() and child.pid is not None:
            os.kill(child.pid, signal.SIGKILL)
        child.join()
        receiver.close()
    if kind == "error":
        assert isinstance(value, WickgraphError)
        raise value
    assert isinstance(value, bytes)
    return value
