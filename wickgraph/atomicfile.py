"""Whole files or nothing: the one way wickgraph writes a file that readers may be looking at.

:func:`write_temp` writes a new temporary file beside its target (same folder, so a rename is
atomic); :func:`write_atomic` renames it over the target. A reader sees the old file or the
new one, never part of one. Transactions (:mod:`wickgraph.transaction`) use :func:`write_temp`
to rename several files at their commit point.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError

__all__ = ["write_atomic", "write_temp"]


def write_temp(target: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to a new ``.<name>.*.tmp`` file beside ``target``; return its path.

    ``durable`` syncs it to disk first, so a rename after a crash never exposes an empty file.
    Raises ``OSError``; nothing is left behind when it does.
    """
    import tempfile  # with shutil and random behind it: only for writers, not for every store open

    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (no partial files).

    Errors are one line naming the path (:class:`~wickgraph.errors.UsageError`).
    """
    path = Path(path)
    try:
        tmp = write_temp(path, data, durable=durable)
    except OSError as error:
        raise UsageError(f"{path}: cannot write here: {error.strerror}") from None
    try:
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None
