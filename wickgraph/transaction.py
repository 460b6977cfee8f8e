"""Writing to a data folder and its store as one step: the lock, the journal, the files, the store.

Every write to ``data/`` and the store (``add``, ``remove``, the server's writes, ``repair``)
goes through :func:`commit`:

1. take the exclusive lock on ``data/.wickgraph.lock`` (:func:`locked`), which ``build`` takes too;
2. finish any commit a killed process left half done (:func:`recover`);
3. check that no file changed since it was compared (another writer finished first);
4. write the journal: every new file's bytes beside its target, then the intent record
   (:func:`wickgraph.journal.begin`);
5. rename the new files into place and delete the files that go;
6. replace the changed named graphs in the store in one transaction: the commit point;
7. on an exception, put back the old files and drop the journal; when killed, the next
   command rolls the journal forward, so ``data/`` and the store agree again;
8. tell readers of the store (``wickgraph serve``) that it changed.

``build`` makes a whole new store and swaps it in with :func:`replace_store`.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from .atomicfile import write_temp
from .errors import InputError, StoreError
from .journal import JOURNAL_NAME, FileChange, begin, pending, stray_temp_files
from .journal import recover as roll_forward
from .store import STORE_MARKER, Store, is_store_dir, mark_changed, open_store

__all__ = ["LOCK_NAME", "FileChange", "commit", "data_folder", "locked", "open_for_writing", "recover",
           "recover_store", "recover_when_possible", "replace_store"]

LOCK_NAME = ".wickgraph.lock"


def data_folder(data_dir: Path) -> Path:
    """``data_dir`` if it is a wickgraph data folder (it has ``reference/``); else one clear error."""
    if not (data_dir / "reference").is_dir():
        raise InputError(f"{data_dir}: not a wickgraph data folder (it has no reference/ folder); set --data")
    return data_dir


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
                        f"{path}: another wickgraph command (add, remove, build, repair or a server's write) "
                        "is writing to this data folder; try again when it has finished") from None
                time.sleep(0.05)
        yield
    finally:
        handle.close()  # closing releases the lock


def recover(data_dir: Path, store: Store | None = None) -> list[str]:
    """Finish a commit a killed process left half done and delete stray temporary files; return its graphs.

    The caller holds the lock. The journal names the store the commit was updating; ``store``
    is used when it is that store (or the journal names none), else that store is opened here.
    A store that no longer exists is left to ``build``.
    """
    intent = pending(data_dir)
    if intent is None:
        for stray in stray_temp_files(data_dir):
            stray.unlink(missing_ok=True)
        return []
    target = intent.store_dir
    if store is not None and (target is None or (store.path is not None and _same(store.path, target))):
        return roll_forward(data_dir, lambda graphs: _update_store(store, graphs))
    if target is None or not is_store_dir(target):
        return roll_forward(data_dir, lambda graphs: None)
    with open_store(target) as opened:
        graphs = roll_forward(data_dir, lambda graphs: _update_store(opened, graphs))
    mark_changed(target)
    return graphs


def recover_store(store_dir: Path) -> None:
    """Undo what a ``build`` killed during its swap left: put the old store back, delete the half-built one.

    The caller holds the data folder's lock. A half-built store is deleted only when the
    current store can be opened for writing (a running build holds it open).
    """
    final = Path(store_dir).resolve()
    building, old = _swap_names(final)
    if not final.exists() and is_store_dir(old):
        old.rename(final)
    if not (building.exists() or old.exists()) or not is_store_dir(final):
        return
    try:
        Store(final).close()
    except StoreError:
        return  # a build (or a server) holds it: the leftovers may be its work
    for leftover in (building, old):
        _remove_store_dir(leftover)


def _needs_recovery(data_dir: Path, store_dir: Path | None) -> bool:
    if (data_dir / JOURNAL_NAME).exists() or stray_temp_files(data_dir):
        return True
    if store_dir is None:
        return False
    final = Path(store_dir).resolve()
    return not final.exists() or any(p.exists() for p in _swap_names(final))


def recover_when_possible(data_dir: Path, store_dir: Path | None = None) -> str | None:
    """Before a command reads ``data/`` or the store: recover if the lock is free and the store can be written.

    Returns None when there was nothing to do, it was done, or a writer holding the lock is
    still at work (it finishes its own commit); else a one-line warning to show the user.
    """
    if not (data_dir / "reference").is_dir() or not _needs_recovery(data_dir, store_dir):
        return None
    try:
        with locked(data_dir, 0):
            try:
                if store_dir is not None:
                    recover_store(store_dir)
                recover(data_dir)
            except StoreError:
                return (f"{data_dir}: a commit was interrupted and the store cannot be opened for writing now; "
                        "run `wickgraph repair`")
    except StoreError:
        return None  # another command holds the lock: it recovers, or is committing right now
    return None


def open_for_writing(data_dir: Path, store_dir: Path | None, *, lock_timeout: float = 10.0) -> Store:
    """Open the store for writing for a long-lived writer (``serve --allow-update``), after recovery.

    Done under the data folder's lock, which ``build`` holds from start to swap: so a server
    never opens a store a build is about to replace, and while the server holds the store
    open, ``build`` is refused (it cannot open the store for writing).
    """
    if not (data_dir / "reference").is_dir():
        return open_store(store_dir)
    with locked(data_dir, lock_timeout):
        if store_dir is not None:
            recover_store(store_dir)
        store = open_store(store_dir)
        try:
            recover(data_dir, store)
        except BaseException:
            store.close()
            raise
    return store


def commit(data_dir: Path, store_dir: Path, changes: Sequence[FileChange],
           graphs: Callable[[Store], Mapping[str, Sequence[ox.Quad]]], *, lock_timeout: float = 10.0,
           store: Store | None = None) -> None:
    """Write ``changes`` and replace the store's ``graphs(store)`` (graph → quads; none: drop it), all or nothing.

    ``graphs`` is called under the lock with the open store, so it can compare with what the store holds.
    ``store`` is an already open, writable store of ``store_dir`` (a server's, which holds the
    store's own lock); without it the store is opened and closed here.
    """
    import hashlib  # here, not at the top: every reading command imports this module to check for recovery

    with locked(data_dir, lock_timeout):
        opened = store is None
        if opened:
            recover_store(store_dir)
        store = open_store(store_dir, must_exist=True) if store is None else store
        try:
            recover(data_dir, store)
            previous: dict[Path, bytes | None] = {}
            for change in changes:
                old = change.path.read_bytes() if change.path.is_file() else None
                sha = hashlib.sha256(old).hexdigest() if old is not None else None
                if sha != change.expected_sha:
                    raise StoreError(f"{change.path}: changed while this command was running; run it again")
                previous[change.path] = old
            replaced = graphs(store)
            _apply(data_dir, store, [c for c in changes if c.write], previous, replaced)
        finally:
            if opened:
                store.close()
    mark_changed(store_dir)


def _apply(data_dir: Path, store: Store, changes: Sequence[FileChange], previous: Mapping[Path, bytes | None],
           graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
    """Journal, files, store; on an exception the old files go back and the journal is dropped."""
    if not changes:
        _update_store(store, graphs)
        return
    for folder in {change.path.parent for change in changes}:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        intent = begin(data_dir, changes, store.path)
    except OSError as error:
        raise StoreError(f"cannot write {changes[0].path.parent}: {error.strerror or error}; "
                         "nothing was changed") from None
    try:
        intent.apply_files()
        _update_store(store, graphs)  # the commit point: once the store has the graphs, the files stay
    except BaseException as error:
        try:
            for change in reversed(changes):
                _restore(change.path, previous.get(change.path))
        except OSError:
            raise StoreError(f"{data_dir}: a commit failed and the old files could not be put back; "
                             "run `wickgraph repair`") from None
        intent.abandon()
        if isinstance(error, OSError):
            raise StoreError(f"cannot write {changes[0].path.parent}: {error.strerror or error}; "
                             "nothing was changed") from None
        raise
    intent.finish()


def _update_store(store: Store, graphs: Mapping[str, Sequence[ox.Quad]]) -> None:
    if not graphs:
        return
    try:
        store.replace_graphs(graphs)
        store.flush()
    except OSError as error:
        raise StoreError(f"{store.path}: cannot update the store: {error}") from None


def _restore(target: Path, old: bytes | None) -> None:
    if old is None:
        target.unlink(missing_ok=True)
        return
    os.replace(write_temp(target, old), target)


def _same(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


@contextmanager
def replace_store(final: Path) -> Iterator[Path]:
    """Yield a fresh sibling folder to build a store in; swap it into ``final`` on success.

    On failure the new folder is deleted and ``final`` is left exactly as it was.
    """
    final = final.resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    building, old = _swap_names(final)
    for leftover in (building, old):
        _remove_store_dir(leftover)
    building.mkdir()
    (building / STORE_MARKER).touch()  # first, so a build killed at any moment leaves a folder we may delete
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
    """Delete a store folder wickgraph made, its marker last: a deletion killed half way can be finished."""
    if not path.exists():
        return
    if not (is_store_dir(path) or not any(path.iterdir())):
        raise StoreError(f"{path}: left over from an earlier build but not a wickgraph store; "
                         "delete it, then build again")
    for child in sorted(path.iterdir(), key=lambda child: child.name == STORE_MARKER):
        if child.is_dir() and not child.is_symlink():
            import shutil  # here, not at the top: see commit()

            shutil.rmtree(child)
        else:
            child.unlink()
    path.rmdir()


def _swap_names(final: Path) -> tuple[Path, Path]:
    """Where a build makes the new store and where the old one waits during the swap."""
    return final.with_name(final.name + ".building"), final.with_name(final.name + ".old")
