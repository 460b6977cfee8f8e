"""Review-graph writer speed: synth reviews/s (one process) and `add` of one review.

    .venv/bin/python benchmarks/writer.py [--reviews 2000] [--adds 5]

Prints synth's rate writing review graphs (one worker, so the figure is the writer's, not
the machine's core count) and the median time of adding one review to a built store.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from wickgraph.build import build
from wickgraph.synth import synth

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=2000)
    parser.add_argument("--adds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "synth"
        report = synth(out, args.reviews, seed=1, workers=1)
        print(f"synth: {report.reviews} reviews in {report.seconds:.2f} s "
              f"= {report.reviews / report.seconds:.0f} reviews/s")
        data, store = Path(tmp) / "data", Path(tmp) / "store"
        (data / "reviews").mkdir(parents=True)
        (data / "reference").symlink_to(ROOT / "data" / "reference")
        build(data, store)
        from wickgraph.reviews import add_reviews, remove_review

        text = ROOT / "tests" / "data" / "reviews-in" / "seed-review.txt"
        times = []
        for _ in range(args.adds):
            started = time.perf_counter()
            result = add_reviews([text], data_dir=data, store_dir=store, added_by="bench",
                                 now=datetime(2026, 11, 25, tzinfo=UTC), workers=1)
            times.append(time.perf_counter() - started)
            for plan in result.reviews:
                remove_review(plan.review_id, data_dir=data, store_dir=store)
        print(f"add one review: median {statistics.median(times) * 1000:.0f} ms of {args.adds} "
              f"(first {times[0] * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
