"""Whole files or nothing: the one way wickgraph writes a file that readers may be looking at.

:func:`write_temp` writes a new temporary file beside its target (same folder, so a rename is
atomic); :func:`write_atomic` renames it over the target. A reader sees the old file or the
new one, never part of one. Transactions (:mod:`wickgraph.transaction`) use :func:`write_temp`
to rename several files at their commit point.

What is at the path is respected: a symlink is written through to its target, and a special
file (a FIFO, a terminal, ``/dev/full``, any device) is written directly, never replaced by a
regular file. New files get the user's umask, as a plain ``open()`` would give them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import UsageError

__all__ = ["TEMP_SUFFIX", "sync_dir", "write_atomic", "write_temp"]

TEMP_SUFFIX = ".tmp"
"""Temporary files are ``.NAME.XXXXXXXX.tmp`` beside their target (see :func:`wickgraph.journal.stray_temp_files`)."""


def write_temp(target: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to a new ``.<name>.*.tmp`` file beside ``target``; return its path.

    ``durable`` syncs it to disk first, so a rename after a crash never exposes an empty file.
    Raises ``OSError``; nothing is left behind when it does.
    """
    while True:
        # os.urandom is what secrets.token_hex reads; importing secrets (hashlib, hmac, random) cost every command ~8 ms
        tmp = target.parent / f".{target.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        try:
            # mode 0o666 lets the kernel apply the umask (mkstemp would force 0600)
            handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` to ``path``: through a temporary file and a rename, or directly to a special file.

    A symlink is followed to its target. Errors are one line naming the path
    (:class:`~wickgraph.errors.UsageError`); a special file is left as it was.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise UsageError(f"{path}: is a folder; give a file name")
        _write_special(path, target, data)
        return
    try:
        tmp = write_temp(target, data, durable=durable)
    except OSError as error:
        raise UsageError(f"{path}: cannot write here: {error.strerror}") from None
    try:
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None
    if durable:
        sync_dir(target.parent)


def _write_special(path: Path, target: Path, data: bytes) -> None:
    """A FIFO or a device: open it as it is (no create, no rename) and write."""
    try:
        handle = os.open(target, os.O_WRONLY)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
    except OSError as error:
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None


def sync_dir(folder: Path) -> None:
    """Make renames and deletions in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
