"""Start-up time of the command line, over a bare ``python -c "import pyoxigraph"`` run alongside.

    .venv/bin/python benchmarks/startup.py [--rounds 15] [--store DIR] [--review FILE] [--check]

Each round runs, in turn, the baseline, ``wickgraph --help``, ``wickgraph query reprises`` (on a
store built into a temporary folder unless --store is given) and ``wickgraph extract FILE`` (the
seed review, 540 words, unless --review is given), each in a fresh process. Interleaving them
keeps them under the same load, so the differences hold on a busy machine. Prints each command's
median and best wall time and its median CPU time (user + system of the child), then, for
``--help`` and ``query``, the time over the baseline: the median of the per-round differences, of
wall time (the target's measure) and of CPU time (the steadier one when other jobs share the cores).
``extract`` has a target for its whole time (issue 10: at most 0.3 s end to end, wall time).
The warm-up run before the rounds fills the page cache, the .pyc files and a cache folder of the
run's own (compiled regexes, the reference index; other processes sharing the user's cache folder
cannot change it between rounds): the figures are those of a warm machine.
With --check, exits 1 unless the targets are met (issue 11: --help <= 0.12 s and query <= 0.15 s
over the baseline; issue 10: extract <= 0.3 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"--help": 0.12, "query reprises": 0.15}
"""Seconds each command may take over the baseline."""
TOTAL_TARGETS = {"extract FILE": 0.30}
"""Seconds each command may take in all (wall time, median of the rounds)."""
SEED_REVIEW = Path(__file__).resolve().parent.parent / "tests" / "data" / "shared" / "seed-review.txt"


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``argv`` (which must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--store", type=Path, help="A built store (default: build one from data/ first).")
    parser.add_argument("--review", type=Path, default=SEED_REVIEW, help="The review to extract (default: the seed).")
    parser.add_argument("--check", action="store_true", help="Exit 1 unless the targets are met.")
    args = parser.parse_args()
    # the installed console script, as a user runs it (not `python -m`, which imports runpy too)
    script = str(Path(sys.executable).with_name("wickgraph"))
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([script, "build", "--store", str(store)], check=True, stdout=subprocess.DEVNULL)
        env = {**os.environ, "WICKGRAPH_STORE": str(store), "WICKGRAPH_CACHE": str(Path(tmp) / "cache")}
        # an installed package has its .pyc files: let the warm-up write them if this shell forbids it
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "baseline": [sys.executable, "-c", "import pyoxigraph"],
            "--help": [script, "--help"],
            "query reprises": [script, "query", "reprises"],
            "extract FILE": [script, "extract", str(args.review)],
        }
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for argv in commands.values():  # one warm-up each: the page cache, .pyc files
            run(argv, env)
        for _ in range(args.rounds):
            for name, argv in commands.items():
                wall, cpu = run(argv, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"{args.rounds} rounds, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'command':<16} {'median':>8} {'best':>8} {'cpu':>8}   over baseline: wall (median of rounds), cpu; "
          "or the whole wall time")
    met = True
    for name in commands:
        line = (f"{name:<16} {statistics.median(walls[name]):>7.3f}s {min(walls[name]):>7.3f}s "
                f"{statistics.median(cpus[name]):>7.3f}s")
        if name in TARGETS:
            over = statistics.median(w - b for w, b in zip(walls[name], walls["baseline"], strict=True))
            ok = over <= TARGETS[name]
            met = met and ok
            cpu_over = statistics.median(c - b for c, b in zip(cpus[name], cpus["baseline"], strict=True))
            line += f"   {over:+.3f}s, {cpu_over:+.3f}s (target <= {TARGETS[name]:.2f}s: {'met' if ok else 'MISSED'})"
        elif name in TOTAL_TARGETS:
            ok = statistics.median(walls[name]) <= TOTAL_TARGETS[name]
            met = met and ok
            line += f"   in all (target <= {TOTAL_TARGETS[name]:.2f}s: {'met' if ok else 'MISSED'})"
        print(line)
    return 0 if met or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
