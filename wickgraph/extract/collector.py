"""Extraction without the cyclic garbage collector's full passes over objects that all live until it returns.

A long review makes hundreds of thousands of mentions, candidates and claims, none of them garbage before
:func:`wickgraph.extract.extract` returns and none in reference cycles. CPython's collector still runs a
full pass over every tracked object each time their number grows by a quarter: at 5 MB on one line that
was 7 passes over up to 330,000 objects, about 0.5 s of 9 (0.04 s at 1 MB), so the time per MB grew
with the text. Reference counting frees everything as before; the collector runs again once the call
returns, and then collects any cycle made in between.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector disabled for the block (when it was enabled), enabled again however the block ends.

    Used as a decorator it pauses the collector for each call. Left alone when the caller disabled it, and
    safe in threads: another thread's call may switch the collector on again early, which only costs time.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
