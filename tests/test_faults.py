"""Fault injection in the suite: add, remove and build killed at random moments leave nothing inconsistent.

Five runs of benchmarks/faults.py's :func:`one_run` (the benchmark runs fifty): each kills one
command with SIGKILL, runs `wickgraph reviews` (which finishes what was interrupted), then
`wickgraph check` must report data/ and the store equal, with no stray files anywhere.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import faults  # noqa: E402 - benchmarks/ is not a package: the harness is found on the path set just above


def test_commands_killed_at_random_moments_leave_data_and_store_equal(tmp_path: Path) -> None:
    bench = faults.prepare(tmp_path, batch=30)
    rng = random.Random(12)
    results = [faults.one_run(n, rng, bench, op) for n, op in
               enumerate(["add", "remove", "build", "add", "remove"], 1)]
    assert [str(r) for r in results if not r.ok] == []
    assert {r.op for r in results} == {"add", "remove", "build"}
    assert sum(r.killed for r in results) >= 3  # most runs were really killed, not finished first
