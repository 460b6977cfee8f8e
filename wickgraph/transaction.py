"""Writing to a data folder and its store as one step: the lock, the files, the store, rollback.

Every write to ``data/`` and the store by ``add`` and ``remove`` goes through :func:`commit`:

1. take the exclusive lock on ``data/.wickgraph.lock`` (:func:`locked`);
2. check that no file changed since it was compared (another writer finished first);
3. write each new file to a temporary file beside it and rename it into place;
4. replace the changed named graphs in the store in one transaction: the commit point;
5. on any failure, put back the old files (the store transaction did not happen);
6. tell readers of the store (``wickgraph serve``) that it changed.

``build`` makes a whole new store and swaps it in with :func:`replace_store`.
This module is the one place where a commit happens, so that a journal can be added here.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .atomicfile import write_temp
from .errors import StoreError
from .store import Store, is_store_dir, mark_changed, open_store

__all__ = ["LOCK_NAME", "FileChange", "commit", "locked", "replace_store"]

LOCK_NAME = ".wickgraph.lock"


@dataclass(frozen=True)
class FileChange:
    """One file of a commit: its new bytes (None: delete it) and the SHA-256 it must still have now."""

    path: Path
    data: bytes | None
    expected_sha: str | None  # of the file when it was compared (None: there was none)
    write: bool = True  # False: only checked (an unchanged file whose graph may need loading again)


@contextmanager
def locked(data_dir: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive lock on ``data_dir/.wickgraph.lock``; give up after ``timeout`` seconds."""
    path = data_dir / LOCK_NAME
    try:
        handle = open(path, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as error:
        raise StoreError(f"{path}: cannot create the lock file: {error.strerror}") from None
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                    raise StoreError(
                        f"{path}: another `wickgraph add` or `remove` is writing to this data folder; "
                        "try again when it has finished") from None
                time.sleep(0.05)
        yield
    finally:
        handle.close()  # closing releases the lock


def commit(data_dir: Path, store_dir: Path, changes: Sequence[FileChange],
           graphs: Callable[[Store], Mapping[str, Sequence[ox.Quad]]], *, lock_timeout: float = 10.0,
           store: Store | None = None) -> None:
    """Write ``changes`` and replace the store's ``graphs(store)`` (graph → quads; none: drop it), all or nothing.

    ``graphs`` is called under the lock with the open store, so it can compare with what the store holds.
    ``store`` is an already open, writable store of ``store_dir`` (a server's, which holds the
    store's own lock); without it the store is opened and closed here.
    """
    with locked(data_dir, lock_timeout):
        opened = store is None
        store = open_store(store_dir, must_exist=True) if store is None else store
        try:
            previous: dict[Path, bytes | None] = {}
            for change in changes:
                old = change.path.read_bytes() if change.path.is_file() else None
                sha = hashlib.sha256(old).hexdigest() if old is not None else None
                if sha != change.expected_sha:
                    raise StoreError(f"{change.path}: changed while this command was running; run it again")
                previous[change.path] = old
            replaced = graphs(store)
            _swap_files([c for c in changes if c.write], previous, lambda: _update_store(store, replaced))
        finally:
            if opened:
                store.close()
    mark_changed(store_dir)


def _update_store(store: Store, graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
    if not graphs:
        return
    try:
        store.replace_graphs(graphs)
        store.flush()
    except OSError as error:
        raise StoreError(f"{store.path}: cannot update the store: {error}") from None


def _swap_files(changes: Sequence[FileChange], previous: Mapping[Path, bytes | None],
                then: Callable[[], None]) -> None:
    """Put every new file in place (or delete it) and run ``then``; if anything fails, put the old files back."""
    temps: list[tuple[Path, Path]] = []
    done: list[Path] = []
    try:
        for change in changes:
            if change.data is not None:
                change.path.parent.mkdir(parents=True, exist_ok=True)
                temps.append((write_temp(change.path, change.data), change.path))
        for tmp, target in temps:
            os.replace(tmp, target)
            done.append(target)
        for change in changes:
            if change.data is None:
                change.path.unlink(missing_ok=True)
                done.append(change.path)
        then()  # the commit point: once the store has the graphs, the files stay
    except BaseException as error:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        for target in reversed(done):
            _restore(target, previous.get(target))
        if isinstance(error, OSError):
            folder = changes[0].path.parent if changes else Path(".")
            raise StoreError(f"cannot write {folder}: {error.strerror or error}; nothing was changed") from None
        raise


def _restore(target: Path, old: bytes | None) -> None:
    if old is None:
        target.unlink(missing_ok=True)
        return
    os.replace(write_temp(target, old), target)


@contextmanager
def replace_store(final: Path) -> Iterator[Path]:
    """Yield a fresh sibling folder to build a store in; swap it into ``final`` on success.

    On failure the new folder is deleted and ``final`` is left exactly as it was.
    """
    final = final.resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    building = final.with_name(final.name + ".building")
    old = final.with_name(final.name + ".old")
    for leftover in (building, old):
        _remove_store_dir(leftover)
    try:
        yield building
    except BaseException:
        _remove_store_dir(building)
        raise
    if final.exists():
        if not is_store_dir(final) and any(final.iterdir()):
            _remove_store_dir(building)
            raise StoreError(f"{final}: exists and is not a wickgraph store; not replacing it")
        final.rename(old)
    building.rename(final)  # the commit point of a build
    _remove_store_dir(old)


def _remove_store_dir(path: Path) -> None:
    if path.exists() and (is_store_dir(path) or not any(path.iterdir())):
        shutil.rmtree(path)
