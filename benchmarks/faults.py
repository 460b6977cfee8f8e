"""Fault injection: kill ``add``, ``remove`` and ``build`` at random moments, then check data/ and the store agree.

    .venv/bin/python benchmarks/faults.py --runs 50 [--batch 400] [--seed 1]

Each run starts one writing command in its own process and sends it SIGKILL after a random
delay (up to how long that command takes unkilled). Then it runs the next command a user
would (``wickgraph reviews``, which finishes an interrupted commit or build first) and
``wickgraph check``, which must find ``data/`` and the store equal and no stray temporary
files; nothing a killed build leaves may remain beside the store either. Prints one line per
run and a summary; exit 1 when any run ends inconsistent. The suite runs five such runs
(tests/test_faults.py) with :func:`prepare` and :func:`one_run`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WICKGRAPH = [sys.executable, "-m", "wickgraph"]
SEED_REVIEW = "r-fd4f55627fe0"


@dataclass
class Workbench:
    """A private data folder and store, the review texts to add, and each command's unkilled duration."""

    env: dict[str, str]
    texts: list[Path]
    durations: dict[str, float] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        return Path(self.env["WICKGRAPH_DATA"])

    @property
    def store(self) -> Path:
        return Path(self.env["WICKGRAPH_STORE"])


@dataclass(frozen=True)
class RunResult:
    """One run: what was killed when, and whether everything agreed after the next command."""

    number: int
    op: str
    killed: bool
    exit_code: int
    delay: float
    problems: str  # empty when consistent

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        state = "killed" if self.killed else f"exit {self.exit_code}"
        verdict = "consistent" if self.ok else "INCONSISTENT: " + self.problems
        return f"run {self.number:3d}: {self.op:6s} {state:8s} at {self.delay:5.2f} s -> {verdict}"


def run(args: list[str], env: dict[str, str], *, kill_after: float | None = None) -> tuple[int, float]:
    """Run ``wickgraph ARGS``; with ``kill_after``, SIGKILL it then. Returns (exit code, seconds).

    The command runs in its own process group, and the whole group is killed: its worker
    processes die with it, as they do when a machine loses power.
    """
    started = time.perf_counter()
    process = subprocess.Popen([*WICKGRAPH, *args], env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return process.returncode, time.perf_counter() - started


def prepare(work: Path, batch: int) -> Workbench:
    """A copy of data/, a built store, and ``batch`` synthetic review texts to add."""
    data, store, synth = work / "data", work / "store", work / "synth"
    shutil.copytree(ROOT / "data", data)
    env = {**os.environ, "WICKGRAPH_DATA": str(data), "WICKGRAPH_STORE": str(store), "PYTHONPATH": str(ROOT)}
    subprocess.run([*WICKGRAPH, "synth", "--reviews", str(batch), "--out", str(synth), "--texts"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*WICKGRAPH, "build"], env=env, check=True, stdout=subprocess.DEVNULL)
    return Workbench(env, sorted((synth / "texts").glob("*.txt")))


def _command(rng: random.Random, bench: Workbench, op: str | None = None) -> tuple[str, list[str]]:
    present = sorted(p.stem for p in (bench.data / "reviews").glob("r-*.trig") if p.stem != SEED_REVIEW)
    if op is None or (op == "remove" and not present):
        op = rng.choice(["add", "add", "remove", "build"] if present else ["add", "build"])
    if op == "add":
        count = rng.randint(min(50, len(bench.texts)), len(bench.texts))
        return op, ["add", "--yes", "--skip-bad", *map(str, rng.sample(bench.texts, k=count))]
    if op == "remove":
        return op, ["remove", rng.choice(present)]
    return op, ["build"]


def _leftovers(bench: Workbench) -> list[str]:
    """What a killed build may leave beside the store: a half-built or an old store."""
    return [str(p) for p in (bench.store.with_name(bench.store.name + s) for s in (".building", ".old"))
            if p.exists()]


def one_run(number: int, rng: random.Random, bench: Workbench, op: str | None = None) -> RunResult:
    """Kill one writing command (``op``, else a random one) at a random moment, run the next, check."""
    op, args = _command(rng, bench, op)
    while op not in bench.durations:  # learn how long the command takes unkilled, once
        _, bench.durations[op] = run(args, bench.env)
        op, args = _command(rng, bench, op)
    delay = rng.uniform(0.0, bench.durations.get(op, 5.0))
    code, seconds = run(args, bench.env, kill_after=delay)
    if code != -signal.SIGKILL:  # it finished first: kill the next one of its kind over a longer span
        bench.durations[op] = max(bench.durations[op], seconds)
    next_code, _ = run(["reviews"], bench.env)
    check = subprocess.run([*WICKGRAPH, "check"], env=bench.env, cwd=ROOT, capture_output=True, text=True,
                           check=False)
    problems = []
    if next_code != 0:
        problems.append(f"`wickgraph reviews` exited {next_code}")
    if check.returncode != 0:
        problems.append(" | ".join((check.stdout + check.stderr).strip().splitlines()))
    problems += [f"{p}: left by a killed build" for p in _leftovers(bench)]
    return RunResult(number, op, code == -signal.SIGKILL, code, delay, "; ".join(problems))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--batch", type=int, default=400, help="synthetic review texts available to add")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="wickgraph-faults-") as work:
        bench = prepare(Path(work), args.batch)
        for number in range(1, args.runs + 1):
            results.append(one_run(number, rng, bench))
            print(results[-1], flush=True)
    bad = sum(not r.ok for r in results)
    killed = {op: sum(r.killed for r in results if r.op == op) for op in ("add", "remove", "build")}
    runs = {op: sum(r.op == op for r in results) for op in ("add", "remove", "build")}
    print(f"{len(results)} runs in {time.perf_counter() - started:.0f} s, {len(results) - bad} consistent, "
          f"{bad} inconsistent; killed/runs: " + ", ".join(f"{op} {killed[op]}/{runs[op]}" for op in runs)
          + " (unkilled durations: " + ", ".join(f"{k} {v:.2f} s" for k, v in sorted(bench.durations.items())) + ")")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
