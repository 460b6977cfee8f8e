"""Work kept between runs: one file per kind of entry in a cache folder, valid only for the same inputs.

The folder is ``$WICKGRAPH_CACHE``, else ``$XDG_CACHE_HOME/wickgraph``, else ``~/.cache/wickgraph``.
Each entry is stored with a *key*, everything it was derived from (file contents, the Python
version); :func:`read` returns it only when the caller's key is equal, so an entry is never used
for other inputs. The key holds the inputs themselves, not a hash of them: comparing a few hundred
kilobytes costs less than importing :mod:`hashlib`. An entry that is missing, stale, unreadable or corrupt reads as
None and the caller does the work again; a folder that cannot be written is not an error either
(the work is then simply redone next time). Entries are written whole or not at all
(:func:`wickgraph.atomicfile.write_atomic`), so concurrent commands never see half an entry.

Entries hold plain data only (str, bytes, numbers, lists, tuples, dicts, sets): they are read
with an unpickler that refuses every class and function, so a file planted in the cache folder
cannot run code.
"""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path
from typing import Any

__all__ = ["Key", "cache_dir", "read", "write"]

Key = str | bytes | tuple[str | bytes, ...]
"""What an entry was derived from: compared whole, so equal keys mean equal inputs."""

_SUFFIX = ".pickle"


def cache_dir() -> Path:
    """``$WICKGRAPH_CACHE``, else ``$XDG_CACHE_HOME/wickgraph``, else ``~/.cache/wickgraph``."""
    if env := os.environ.get("WICKGRAPH_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wickgraph"


class _PlainData(pickle.Unpickler):
    """Reads plain data only: any class or function named in the file is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"cache entries hold plain data, not {module}.{name}")


def read(name: str, key: Key) -> Any:
    """The entry ``name`` if it was written with ``key``, else None (also when missing or unreadable)."""
    try:
        data = (cache_dir() / f"{name}{_SUFFIX}").read_bytes()
        stored_key, payload = _PlainData(io.BytesIO(data)).load()
    except Exception:  # missing, unreadable, truncated or foreign: the caller does the work again
        return None
    return payload if stored_key == key else None


def write(name: str, key: Key, payload: Any) -> bool:
    """Store ``payload`` (plain data) as the entry ``name`` for ``key``; False when the folder cannot be written."""
    from .atomicfile import write_atomic
    from .errors import WickgraphError

    try:
        folder = cache_dir()  # RuntimeError when there is no home folder to put it in
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{name}{_SUFFIX}", pickle.dumps((key, payload), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, RuntimeError, WickgraphError):
        return False
    return True
