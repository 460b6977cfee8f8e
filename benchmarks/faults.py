"""Fault injection: kill ``add``, ``remove`` and ``build`` at random moments, then check data/ and the store agree.

    .venv/bin/python benchmarks/faults.py --runs 50 [--batch 400] [--seed 1]

Each run starts one writing command in its own process and sends it SIGKILL after a random
delay (up to how long that command takes unkilled). Then it runs the next command a user
would (``wickgraph reviews``, which finishes or rolls back an interrupted commit first) and
``wickgraph check``, which must find ``data/`` and the store equal and no stray temporary
files. Prints one line per run and a summary; exit 1 when any run ends inconsistent.
Run by hand (the suite runs five such runs in tests/test_faults.py).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WICKGRAPH = [sys.executable, "-m", "wickgraph"]


def run(args: list[str], env: dict[str, str], *, kill_after: float | None = None) -> tuple[int, float]:
    """Run ``wickgraph ARGS``; with ``kill_after``, SIGKILL it then. Returns (exit code, seconds)."""
    started = time.perf_counter()
    process = subprocess.Popen([*WICKGRAPH, *args], env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
    return process.returncode, time.perf_counter() - started


def prepare(work: Path, batch: int) -> tuple[dict[str, str], list[Path]]:
    """A copy of data/, a built store, and ``batch`` synthetic review texts to add."""
    data, store, synth = work / "data", work / "store", work / "synth"
    shutil.copytree(ROOT / "data", data)
    env = {**os.environ, "WICKGRAPH_DATA": str(data), "WICKGRAPH_STORE": str(store), "PYTHONPATH": str(ROOT)}
    subprocess.run([*WICKGRAPH, "synth", "--reviews", str(batch), "--out", str(synth), "--texts"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*WICKGRAPH, "build"], env=env, check=True, stdout=subprocess.DEVNULL)
    return env, sorted((synth / "texts").glob("*.txt"))


def one_run(number: int, rng: random.Random, env: dict[str, str], texts: list[Path],
            durations: dict[str, float]) -> bool:
    data = Path(env["WICKGRAPH_DATA"])
    present = sorted(p.stem for p in (data / "reviews").glob("r-*.trig") if p.stem != "r-fd4f55627fe0")
    op = rng.choice(["add", "add", "remove", "build"] if present else ["add", "build"])
    if op == "add":
        args = ["add", "--yes", *map(str, rng.sample(texts, k=min(len(texts), rng.randint(50, len(texts)))))]
    elif op == "remove":
        args = ["remove", rng.choice(present)]
    else:
        args = ["build"]
    if op not in durations:  # learn how long the command takes unkilled, once
        _, durations[op] = run(args, env)
        return one_run(number, rng, env, texts, durations)
    delay = rng.uniform(0.0, durations[op])
    code, _ = run(args, env, kill_after=delay)
    killed = code == -signal.SIGKILL
    next_code, _ = run(["reviews"], env)
    check = subprocess.run([*WICKGRAPH, "check"], env=env, cwd=ROOT, capture_output=True, text=True)
    ok = next_code == 0 and check.returncode == 0
    state = "killed" if killed else f"exit {code}"
    print(f"run {number:3d}: {op:6s} {state:8s} at {delay:5.2f} s -> "
          f"{'consistent' if ok else 'INCONSISTENT: ' + (check.stdout + check.stderr).strip()}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--batch", type=int, default=400, help="synthetic review texts available to add")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="wickgraph-faults-") as work:
        env, texts = prepare(Path(work), args.batch)
        durations: dict[str, float] = {}
        results = [one_run(n, rng, env, texts, durations) for n in range(1, args.runs + 1)]
    bad = results.count(False)
    print(f"{len(results)} runs, {len(results) - bad} consistent, {bad} inconsistent "
          f"(unkilled durations: {', '.join(f'{k} {v:.2f} s' for k, v in sorted(durations.items()))})")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
