"""Where queries run: worker processes killed at the time limit, and a bounded share per client.

pyoxigraph cannot interrupt a query that is evaluating in Rust (a cross product under an
aggregate or ORDER BY sends no result chunk for minutes while its memory grows). So a
server that reads its store from disk runs each query in a worker process
(:class:`ProcessPool`); at the limit the worker is killed, which frees its CPU and memory
at once, and a fresh one takes its place. A store handed over as an object (library use,
or ``--allow-update``, whose writer this process holds) cannot be shared with other
processes: there queries run in threads (:class:`ThreadRunner`) and one past its limit is
answered 503 while its thread runs on.

Both count the limit from the request's arrival, waiting included, and let one client
(by address) hold at most ``per_client`` workers at a time, so a client that floods the
server waits behind its own queries, not in front of everyone else's.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError, WickgraphError
from .engine import Limits, Outcome, QueryFailed, QueryJob, QueryTimeout, StoreHolder, execute

__all__ = ["ProcessPool", "StoreSource", "ThreadRunner"]

T = TypeVar("T")
GRACE = 0.1
"""Seconds past the limit a worker gets to answer 503 itself before it is killed."""
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["wickgraph.server.pool"])


def timeout_error(limits: Limits) -> QueryTimeout:
    return QueryTimeout(
        f"the query ran longer than {limits.timeout:g} s, this server's time limit; "
        "narrow it down (VALUES, FILTER, LIMIT) or ask for a longer --timeout",
        headers={"Retry-After": "5"},
    )


async def _until(awaitable: Awaitable[T], deadline: float, limits: Limits) -> T:
    """Await until the deadline (monotonic clock), else the time-limit error."""
    remaining = deadline - time.monotonic()
    try:
        return await asyncio.wait_for(awaitable, max(remaining, 0.001))
    except TimeoutError:
        raise timeout_error(limits) from None


class _Shares:
    """At most ``per_client`` queries of one client at a time; the others wait their turn."""

    def __init__(self, per_client: int) -> None:
        self.per_client = per_client
        self.slots: dict[str, asyncio.Semaphore] = {}
        self.users: dict[str, int] = {}

    @asynccontextmanager
    async def slot(self, client: str, deadline: float, limits: Limits) -> AsyncIterator[None]:
        semaphore = self.slots.setdefault(client, asyncio.Semaphore(self.per_client))
        self.users[client] = self.users.get(client, 0) + 1
        try:
            await _until(semaphore.acquire(), deadline, limits)
            try:
                yield
            finally:
                semaphore.release()
        finally:
            self.users[client] -= 1
            if not self.users[client]:
                del self.users[client], self.slots[client]


# -- worker processes ----------------------------------------------------------------------


@dataclass(frozen=True)
class StoreSource:
    """How a worker opens the store: its folder, read-only, as a snapshot in memory or on disk."""

    path: str
    in_memory: bool | None = None

    def open(self) -> StoreHolder:
        return StoreHolder(path=Path(self.path), in_memory=self.in_memory)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the server process dies, even by SIGKILL."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the server still kills its workers when it stops


def worker_main(connection: Connection, source: StoreSource, limits: Limits) -> None:
    """A worker's life: open the store, then answer one job at a time until the pipe closes."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on the server: the server stops us
    os.nice(5)  # a busy worker must not slow the server that answers, times and kills it
    try:
        holder = source.open()
    except WickgraphError as error:
        connection.send(("error", error))
        return
    connection.send(("ready", None))
    never = threading.Event()
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, object] = ("ok", execute(holder.get(), job, limits=limits, cancel=never))
        except WickgraphError as error:
            reply = ("error", error)
        connection.send(reply)


class _Worker:
    def __init__(self, source: StoreSource, limits: Limits) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=worker_main, args=(child, source, limits), daemon=True,
                                        name="wickgraph-query")
        self.process.start()
        child.close()

    async def receive(self, deadline: float | None) -> tuple[str, Any]:
        """The worker's next message; TimeoutError at the deadline, EOFError if it died."""
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()
        descriptor = self.connection.fileno()

        def wake() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(descriptor, wake)
        try:
            timeout = None if deadline is None else max(deadline - time.monotonic(), 0.001)
            await asyncio.wait_for(readable, timeout)
        finally:
            loop.remove_reader(descriptor)
            # the loop made the pipe non-blocking; recv() must wait for the rest of a long message
            os.set_blocking(descriptor, True)
        # the message is complete or arriving: read it off the event loop (it may be megabytes)
        reply: tuple[str, Any] = await loop.run_in_executor(None, self.connection.recv)
        return reply

    def kill(self) -> None:
        """SIGKILL: the kernel takes back its memory; the exit is collected off the event loop."""
        if self.process.pid is not None and self.process.exitcode is None:
            with contextlib.suppress(ProcessLookupError):  # it may have ended by itself meanwhile
                os.kill(self.process.pid, signal.SIGKILL)
        self.connection.close()
        threading.Thread(target=self.process.join, args=(10,), daemon=True).start()


class ProcessPool:
    """``size`` worker processes over a store on disk; a query past its limit kills its worker."""

    def __init__(self, source: StoreSource, limits: Limits, size: int, per_client: int) -> None:
        self.source = source
        self.limits = limits
        self.size = size
        self.shares = _Shares(per_client)
        self.workers: set[_Worker] = set()
        self.idle: asyncio.Queue[_Worker] | None = None
        self.broken: WickgraphError | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    def _spawn(self) -> None:
        worker = _Worker(self.source, self.limits)
        self.workers.add(worker)
        task = asyncio.get_running_loop().create_task(self._welcome(worker))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _welcome(self, worker: _Worker) -> None:
        assert self.idle is not None
        try:
            kind, value = await worker.receive(deadline=time.monotonic() + 120)
        except (TimeoutError, EOFError, OSError):
            kind, value = "error", StoreError(f"{self.source.path}: a query worker could not open the store")
        if kind == "ready":
            self.idle.put_nowait(worker)
            return
        self.broken = value if isinstance(value, WickgraphError) else StoreError(str(value))
        self._discard(worker, replace=False)

    def _discard(self, worker: _Worker, replace: bool = True) -> None:
        worker.kill()
        self.workers.discard(worker)
        if replace:
            self._spawn()

    def start(self) -> None:
        """Start the workers (at the app's startup, or at its first query)."""
        if self.idle is None:
            self.idle = asyncio.Queue()
            for _ in range(self.size):
                self._spawn()

    async def run(self, job: QueryJob, client: str) -> Outcome:
        """Run a query in a worker: its outcome, or its error (503 at the time limit)."""
        self.start()
        assert self.idle is not None
        deadline = job.started + self.limits.timeout
        async with self.shares.slot(client, deadline, self.limits):
            if self.broken is not None:
                raise self.broken
            worker = await _until(self.idle.get(), deadline, self.limits)
            try:
                worker.connection.send(job)
                kind, value = await worker.receive(deadline + GRACE)
            except TimeoutError:
                self._discard(worker)
                raise timeout_error(self.limits) from None
            except (EOFError, OSError):
                self._discard(worker)
                raise QueryFailed("query evaluation failed: the query's worker process died "
                                  "(out of memory?); narrow the query down") from None
            except BaseException:  # cancelled mid-query: the worker's state is unknown
                self._discard(worker)
                raise
            self.idle.put_nowait(worker)
        if kind == "error":
            raise value
        assert isinstance(value, Outcome)
        return value

    async def call(self, work: Callable[[], T], client: str) -> T:
        raise StoreError("this server reads its store through worker processes and writes nothing")

    def close(self) -> None:
        """Stop every worker now."""
        for worker in list(self.workers):
            worker.kill()
        self.workers.clear()
        for task in list(self.tasks):
            task.cancel()


# -- threads, for a store object -----------------------------------------------------------


class ThreadRunner:
    """Queries and writes in threads over a store this process holds.

    A query past its limit is answered 503 at once, and its thread runs on until pyoxigraph
    hands back control (its next result chunk); while as many such threads run as there
    are workers, new queries are refused.
    """

    def __init__(self, holder: StoreHolder, limits: Limits, size: int, per_client: int) -> None:
        self.holder = holder
        self.limits = limits
        self.size = size
        self.shares = _Shares(per_client)
        self.executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="wickgraph-query")
        self.runaway = 0
        self.lock = threading.Lock()

    def start(self) -> None:
        """Nothing to start: the threads start with their first query."""

    async def run(self, job: QueryJob, client: str) -> Outcome:
        cancel = threading.Event()
        return await self._in_thread(lambda: execute(self.holder.get(), job, limits=self.limits, cancel=cancel),
                                     client, job.started, cancel)

    async def call(self, work: Callable[[], T], client: str) -> T:
        return await self._in_thread(work, client, time.monotonic(), threading.Event())

    async def _in_thread(self, work: Callable[[], T], client: str, started: float, cancel: threading.Event) -> T:
        with self.lock:
            if self.runaway >= self.size:
                raise QueryTimeout("server busy: earlier queries are still running past their time limit",
                                   headers={"Retry-After": "10"})
        status = {"done": False, "abandoned": False}

        def run() -> T:
            try:
                return work()
            finally:
                with self.lock:
                    status["done"] = True
                    if status["abandoned"]:
                        self.runaway -= 1

        deadline = started + self.limits.timeout
        async with self.shares.slot(client, deadline, self.limits):
            future = asyncio.get_running_loop().run_in_executor(self.executor, run)
            try:
                return await _until(asyncio.shield(future), deadline + GRACE, self.limits)
            except QueryTimeout:
                cancel.set()
                with self.lock:
                    if not status["done"]:
                        status["abandoned"] = True
                        self.runaway += 1
                raise

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
