"""Extraction benchmark: accuracy per half of the development reviews (via the shared scorer, as it is) and speed.

Run by hand, not in the test suite::

    .venv/bin/python benchmarks/extraction.py [--set tuning|held_back|all] [--speed] [--linearity]
    .venv/bin/python benchmarks/extraction.py --gold DIR   # curated reviews: wickgraph curated --export DIR

The split of the 31 development reviews is data (``benchmarks/extraction-split.json``), fixed
before the extractor was redesigned. For each set asked for, it writes one ``extract --json``
file per review into a temporary folder with links to that set's texts and gold files, calls
``score_extraction.py GOLD REVIEWS PRED`` in a subprocess and prints its per-type P/R/F1,
``caught``, false alarms and offset exactness. Only ``--set tuning`` prints per-review
differences (``--errors``): the held-back half is looked at in aggregate only.

``--speed`` times extraction in-process on one core (words per second, best of several passes).
``--linearity`` times the tuning reviews joined on one single line, cut to 0.1, 1 and 5 MB, and the same
reviews with their line breaks, cut to 1 MB (seconds per MB of CPU time; target at most 2 s/MB).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wickgraph.extract import extract
from wickgraph.reference import default_reference

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the checkout
SPLIT = Path(__file__).resolve().parent / "extraction-split.json"


def review_names(which: str, reviews: Path) -> list[str]:
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    if which == "all":
        return sorted(p.stem for p in reviews.glob("*.json"))
    return list(split[which])


def score(names: list[str], reviews: Path, scorer: Path, errors: bool) -> str:
    """The shared scorer's output for ``names``, scored in a folder holding only their texts and gold."""
    with tempfile.TemporaryDirectory(prefix="wickgraph-bench-") as tmp:
        gold, pred = Path(tmp) / "gold", Path(tmp) / "pred"
        gold.mkdir()
        pred.mkdir()
        for name in names:
            for suffix in (".txt", ".json"):
                os.symlink(reviews / f"{name}{suffix}", gold / f"{name}{suffix}")
            result = extract((reviews / f"{name}.txt").read_text(encoding="utf-8")).to_json()
            (pred / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
            if errors:
                print_errors(name, reviews, result)
        run = subprocess.run([sys.executable, str(scorer), str(gold), str(gold), str(pred)],
                             capture_output=True, text=True, check=False)
        return run.stdout + run.stderr


def print_errors(name: str, reviews: Path, result: dict[str, object]) -> None:
    """Gold claims not found and claims found that gold lacks, compared loosely (for tuning only)."""
    sys.path.insert(0, str(SHARED / "tools"))
    import score_extraction  # type: ignore[import-not-found]

    gold = json.loads((reviews / f"{name}.json").read_text(encoding="utf-8"))["claims"]
    found = list(result["claims"])  # type: ignore[call-overload]
    used: set[int] = set()
    for claim in gold:
        hit = next((i for i, p in enumerate(found) if i not in used and score_extraction.match(claim, p)), None)
        if hit is None:
            print(f"  {name} MISSED {json.dumps(claim, ensure_ascii=False)[:220]}")
            continue
        used.add(hit)
        flagged = found[hit].get("status") == "contradicted"
        if flagged != (claim.get("true_in_reference") is False) and claim.get("true_in_reference") is not None:
            print(f"  {name} STATUS {found[hit].get('status')} for {json.dumps(claim, ensure_ascii=False)[:200]}")
    for i, claim in enumerate(found):
        if i not in used:
            print(f"  {name} EXTRA  {json.dumps(claim, ensure_ascii=False)[:220]}")


def speed(texts: list[str], repeat: int) -> str:
    """Words per second of CPU time (this process, one core), best pass; the machine is shared, and CPU
    time is far less disturbed by other processes than wall-clock time."""
    words = sum(len(t.split()) for t in texts)
    passes = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            extract(text)
        passes.append(time.process_time() - start)
    best = min(passes)
    return (f"speed: {words / best:,.0f} words per CPU second (one core), best of {repeat} passes over "
            f"{len(texts)} reviews ({words:,} words, {1000 * best / len(texts):.1f} ms per review)")


def linearity(reviews: Path, sizes_mb: tuple[float, ...] = (0.1, 1.0, 5.0)) -> str:
    """Seconds per MB of the tuning reviews joined on one single line (0.1, 1 and 5 MB: flat across sizes when
    extraction is linear), and of the same reviews keeping their line breaks (1 MB). Target: at most 2 s/MB."""
    names = review_names("tuning", reviews)
    texts = [(reviews / f"{name}.txt").read_text(encoding="utf-8") for name in names]
    one_line = " ".join(text.replace("\n", " ") for text in texts)
    many_lines = "\n\n".join(texts)
    rows = [_seconds_per_mb(one_line, size) for size in sizes_mb]
    lines = _seconds_per_mb(many_lines, 1.0)
    return ("linearity, reviews on one line: " + "; ".join(rows) + "\n"
            f"linearity, reviews with their line breaks: {lines}")


def _seconds_per_mb(base: str, size: float) -> str:
    length = int(size * 1_000_000)
    text = (base * (length // len(base) + 1))[:length]
    start = time.process_time()
    extract(text, film="John Wick")
    elapsed = time.process_time() - start
    return f"{size:g} MB {elapsed:.2f} s ({elapsed / size:.2f} s/MB)"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reviews", type=Path, default=SHARED / "reviews-dev")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_extraction.py")
    parser.add_argument("--set", dest="sets", action="append", choices=("tuning", "held_back", "all"),
                        help="which reviews to score (repeatable; default: tuning)")
    parser.add_argument("--errors", action="store_true",
                        help="print per-review differences (tuning set and --gold only)")
    parser.add_argument("--speed", action="store_true", help="time extraction over all reviews")
    parser.add_argument("--repeat", type=int, default=10, help="timing passes over the reviews")
    parser.add_argument("--linearity", action="store_true",
                        help="time 0.1, 1 and 5 MB on one line and 1 MB with line breaks")
    parser.add_argument("--gold", type=Path, help="only score on this folder of curated reviews "
                                                  "(`wickgraph curated --export DIR`), untimed")
    args = parser.parse_args()
    if args.gold is not None:  # a folder of X.txt + X.json gold pairs: curated reviews or probes
        gold = args.gold.resolve()
        names = sorted(p.stem for p in gold.glob("*.json"))
        sys.stdout.write(score(names, gold, args.scorer, args.errors))
        return 0
    default_reference()  # load the graph once, outside the timings
    for which in args.sets or ["tuning"]:
        names = review_names(which, args.reviews)
        print(f"== {which} ({len(names)} reviews)")
        sys.stdout.write(score(names, args.reviews, args.scorer, args.errors and which == "tuning"))
    if args.speed:
        print(speed([p.read_text(encoding="utf-8") for p in sorted(args.reviews.glob("*.txt"))], args.repeat))
    if args.linearity:
        print(linearity(args.reviews))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
