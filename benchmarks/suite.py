"""wickgraph's benchmark suite: wickgraph side by side with raw pyoxigraph and rdflib, same data, same run.

    python benchmarks/suite.py --sizes 1000,10000,100000

For each size N it writes (once; kept under ``benchmarks/results/data/``) a synthetic data folder
of N reviews (``wickgraph synth --texts``) and one N-Quads file of the same quads, then
measures each step in a fresh process (so peak memory, ``ru_maxrss``, is that step's own):

* build: ``wickgraph.build.build`` vs ``pyoxigraph`` on-disk ``bulk_load`` + flush vs rdflib ``Dataset.parse``;
* add: one review into the store of N reviews vs into a store of none;
* query: each named query (median of ``--repeats``) through ``wickgraph.query`` vs the same
  SPARQL on pyoxigraph vs rdflib (cut off after ``--rdflib-timeout`` seconds);
* export: ``to_networkx`` and every export format vs rdflib's ``rdflib_to_networkx_multidigraph``;
* server: ``push`` of the store to an Oxigraph server on loopback, then each named query
  sent to it as ``wickgraph query NAME --endpoint`` does vs the same query on the embedded store;
* extract: reviews per second of the extractor over the synthetic texts;
* bulk add: ``add`` of a folder of 1,000 new review texts into the store of N reviews
  (parallel extraction, one atomic commit), in reviews per second end to end.

It prints a table (figure, wickgraph, baseline, ratio, target) and writes the same rows as
JSON to ``benchmarks/results/`` (gitignored) so runs compare over time. Run by hand, not in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MEASURE = HERE / "_measure.py"
EXPORT_FORMATS = ("graphml", "gexf", "node-link", "cytoscape", "turtle", "trig", "nquads", "jsonld")


@dataclass
class Row:
    n: int
    figure: str
    unit: str
    wickgraph: float | None
    baseline: float | None
    baseline_name: str
    ratio: float | None  # as the target states it
    target: str
    ok: bool | None

    def cells(self) -> list[str]:
        def number(value: float | None) -> str:
            if value is None:
                return "-"
            return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"

        ok = {True: "yes", False: "NO", None: ""}[self.ok]
        ratio = "-" if self.ratio is None else f"{self.ratio:.2f}x"
        baseline = number(self.baseline) if self.baseline is not None else self.baseline_name and "-"
        return [f"{self.n:,}", self.figure, self.unit, number(self.wickgraph),
                f"{baseline} ({self.baseline_name})" if self.baseline_name else baseline, ratio, self.target, ok]


def measure(step: str, **args: Any) -> dict[str, Any]:
    """Run one step of ``_measure.py`` in a fresh interpreter and return its JSON."""
    command = [sys.executable, str(MEASURE), step, json.dumps(args)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{step} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare(n: int, seed: int, work: Path, log: Any) -> tuple[Path, Path, dict[str, Any]]:
    """The synthetic data folder and N-Quads file for ``n`` reviews (reused when already made)."""
    folder = work / f"n{n}-seed{seed}"
    data, nquads, marker = folder / "data", folder / "all.nq", folder / "prepared.json"
    if marker.is_file():
        return data, nquads, json.loads(marker.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log(f"  synth {n} reviews")
    synth = measure("synth", out=str(data), reviews=n, seed=seed)
    log("  n-quads of the same data")
    dump = measure("nquads", data=str(data), out=str(nquads))
    info = {"synth": synth, "quads": dump["quads"]}
    marker.write_text(json.dumps(info))
    return data, nquads, info


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator in (None, 0):
        return None
    return numerator / denominator  # type: ignore[operator]


def run_size(n: int, args: argparse.Namespace, work: Path, log: Any) -> list[Row]:
    rows: list[Row] = []
    data, nquads, info = prepare(n, args.seed, work, log)
    quads = info["quads"]
    stores = work / f"n{n}-seed{args.seed}" / "stores"
    shutil.rmtree(stores, ignore_errors=True)
    stores.mkdir()
    use_rdflib = quads <= args.rdflib_max_quads
    synth = info["synth"]
    rows.append(Row(n, "synth (when prepared)", "reviews/s", synth["reviews"] / synth["seconds"], None, "", None,
                    ">= 5000", synth["reviews"] / synth["seconds"] >= 5000))

    log(f"  build ({quads:,} quads)")
    build = measure("build", data=str(data), store=str(stores / "wickgraph"))
    raw = measure("raw_load", nquads=str(nquads), store=str(stores / "raw"))
    rebuild = measure("build", data=str(data), store=str(stores / "wickgraph"))
    rows.append(Row(n, "build (cold: validates every file)", "s", build["seconds"], raw["seconds"],
                    "pyoxigraph bulk_load", ratio(build["seconds"], raw["seconds"]), "<= 1.5x",
                    build["seconds"] <= 1.5 * raw["seconds"]))
    rows.append(Row(n, "rebuild (files validated before)", "s", rebuild["seconds"], raw["seconds"],
                    "pyoxigraph bulk_load", ratio(rebuild["seconds"], raw["seconds"]), "<= 1.5x",
                    rebuild["seconds"] <= 1.5 * raw["seconds"]))
    rows.append(Row(n, "build peak memory", "MB", build["rss_mb"], raw["rss_mb"], "pyoxigraph bulk_load",
                    ratio(build["rss_mb"], raw["rss_mb"]), "<= 1.5x", build["rss_mb"] <= 1.5 * raw["rss_mb"]))
    rdflib_parse = measure("rdflib_parse", nquads=str(nquads)) if use_rdflib else None
    if rdflib_parse:
        rows.append(Row(n, "build vs rdflib parse (in memory)", "s", build["seconds"], rdflib_parse["seconds"],
                        "rdflib Dataset.parse", ratio(rdflib_parse["seconds"], build["seconds"]), ">= 4x faster",
                        rdflib_parse["seconds"] >= 4 * build["seconds"]))
        rows.append(Row(n, "rdflib parse peak memory", "MB", build["rss_mb"], rdflib_parse["rss_mb"],
                        "rdflib Dataset.parse", ratio(build["rss_mb"], rdflib_parse["rss_mb"]), "", None))

    if "add" in args.steps:
        rows += _add(n, args, work, data, stores, log)
    if "query" in args.steps:
        rows += _queries(n, args, nquads, stores, use_rdflib, log)
    if "export" in args.steps:
        rows += _export(n, nquads, stores, use_rdflib, quads <= args.export_max_quads, log)
    if "server" in args.steps:
        rows += _server(n, args, stores, work, log)
    if "extract" in args.steps:
        log("  extract")
        extract = measure("extract", texts=str(data / "texts"), limit=min(n, args.extract_limit))
        rows.append(Row(n, "extract", "reviews/s", extract["reviews_per_s"], None, "", None, ">= 300",
                        extract["reviews_per_s"] >= 300))
    if "bulk-add" in args.steps:  # last: it changes the store and a copy of the data
        rows += _bulk_add(n, args, work, data, stores, log)
    shutil.rmtree(stores, ignore_errors=True)
    return rows


def _bulk_add(n: int, args: argparse.Namespace, work: Path, data: Path, stores: Path, log: Any) -> list[Row]:
    log("  bulk add")
    new = work / f"new-seed{args.seed + 1}-{args.bulk_reviews}"
    if not (new / "prepared").exists():
        shutil.rmtree(new, ignore_errors=True)
        # another seed: other texts, hence other review ids than the N already in the store
        measure("synth", out=str(new / "data"), reviews=args.bulk_reviews, seed=args.seed + 1)
        (new / "prepared").touch()
    copy = stores / "data"
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("texts"))
    added = measure("bulk_add", data=str(copy), store=str(stores / "wickgraph"), texts=str(new / "data" / "texts"))
    if added["added"] != args.bulk_reviews:
        raise RuntimeError(f"bulk add added {added['added']} of {args.bulk_reviews} reviews")
    return [Row(n, f"bulk add {args.bulk_reviews:,} reviews", "reviews/s", added["reviews_per_s"], None, "", None,
                ">= 150", added["reviews_per_s"] >= 150),
            Row(n, "bulk add peak memory", "MB", added["rss_mb"], None, "", None, "", None)]


def _server(n: int, args: argparse.Namespace, stores: Path, work: Path, log: Any) -> list[Row]:
    from _servers import free_port, start

    log("  oxigraph server")
    rows: list[Row] = []
    port = free_port()
    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph"
    server = start("oxigraph", [oxigraph, "serve", "--location", str(stores / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"], port, "/query", stores / "oxigraph.log")
    try:
        url = f"http://127.0.0.1:{port}/query"
        pushed = measure("push", store=str(stores / "wickgraph"), url=url)
        rows.append(Row(n, f"push to Oxigraph server ({pushed['graphs']:,} graphs)", "s", pushed["seconds"], None,
                        "", None, "", None))
        remote = measure("queries_endpoint", url=url, repeats=args.repeats)["queries"]
        local = measure("queries_wickgraph", store=str(stores / "wickgraph"), repeats=args.repeats)["queries"]
    finally:
        server.stop()
    for name in sorted(remote):
        if remote[name]["rows"] != local[name]["rows"]:
            raise RuntimeError(f"{name}: {remote[name]['rows']} rows from Oxigraph server, {local[name]['rows']} here")
        rows.append(Row(n, f"query {name} (Oxigraph server)", "ms", local[name]["ms"], remote[name]["ms"],
                        "Oxigraph server over HTTP", ratio(local[name]["ms"], remote[name]["ms"]), "", None))
    return rows


def _add(n: int, args: argparse.Namespace, work: Path, data: Path, stores: Path, log: Any) -> list[Row]:
    rows: list[Row] = []
    log("  add")
    texts = sorted((data / "texts").glob("*.txt"))
    empty_data, empty_store = work / "n0" / "data", work / "n0" / "store"
    if not (empty_store / "wickgraph-store").exists():
        shutil.rmtree(work / "n0", ignore_errors=True)
        measure("synth", out=str(empty_data), reviews=0, seed=args.seed)
        measure("build", data=str(empty_data), store=str(empty_store))
    new_text = work / f"n{n}-seed{args.seed}" / "new-review.txt"
    new_text.write_text(texts[0].read_text(encoding="utf-8").replace("\n\n", "\n\nA new paragraph.\n\n", 1),
                        encoding="utf-8")
    # each add runs in a fresh process; the first one after the build also pays for reading the
    # store's files back into the page cache, so the median of three is the figure
    full = [measure("add", data=str(data), store=str(stores / "wickgraph"), text=str(new_text))["seconds"]
            for _ in range(3)]
    empty = [measure("add", data=str(empty_data), store=str(empty_store), text=str(new_text))["seconds"]
             for _ in range(3)]
    add_full, add_empty = sorted(full)[1], sorted(empty)[1]
    rows.append(Row(n, "add one review (median of 3)", "s", add_full, add_empty, "add to empty store",
                    ratio(add_full, add_empty), "<= 3x", add_full <= 3 * add_empty))
    rows.append(Row(n, "add one review (first after build)", "s", full[0], empty[0], "add to empty store",
                    ratio(full[0], empty[0]), "", None))
    return rows


def _queries(n: int, args: argparse.Namespace, nquads: Path, stores: Path, use_rdflib: bool, log: Any) -> list[Row]:
    rows: list[Row] = []

    log("  queries")
    wg = measure("queries_wickgraph", store=str(stores / "wickgraph"), repeats=args.repeats)["queries"]
    wrapper = measure("queries_store", store=str(stores / "wickgraph"), repeats=args.repeats)["queries"]
    pyox = measure("queries_raw", store=str(stores / "wickgraph"), repeats=args.repeats)["queries"]
    rdf = (measure("queries_rdflib", nquads=str(nquads), repeats=max(1, args.repeats // 2),
                   timeout=args.rdflib_timeout)["queries"] if use_rdflib else {})
    for name in sorted(wg):
        ms, raw_ms = wg[name]["ms"], pyox[name]["ms"]
        # sub-millisecond queries are dominated by timer noise: allow 0.2 ms of slack
        rows.append(Row(n, f"query {name}", "ms", ms, raw_ms, "pyoxigraph", ratio(ms, raw_ms), "<= 1.2x",
                        ms <= 1.2 * raw_ms + 0.2))
        store_ms = wrapper[name]["ms"]
        rows.append(Row(n, f"query {name} (Store.query)", "ms", store_ms, raw_ms, "pyoxigraph",
                        ratio(store_ms, raw_ms), "<= 1.2x", store_ms <= 1.2 * raw_ms + 0.2))
        if name in rdf:
            slow = rdf[name]["ms"]
            if slow is None:
                rows.append(Row(n, f"query {name}", "ms", ms, None, f"rdflib > {args.rdflib_timeout:g} s",
                                None, ">= 10x faster", ms * 10 <= args.rdflib_timeout * 1000))
            else:
                rows.append(Row(n, f"query {name}", "ms", ms, slow, "rdflib", ratio(slow, ms), ">= 10x faster",
                                slow >= 10 * ms))
    return rows


def _export(n: int, nquads: Path, stores: Path, use_rdflib: bool, every_format: bool, log: Any) -> list[Row]:
    rows: list[Row] = []

    log("  export")
    to_nx = measure("to_networkx", store=str(stores / "wickgraph"))
    rdf_nx = measure("rdflib_networkx", nquads=str(nquads)) if use_rdflib else None
    if rdf_nx:
        rows.append(Row(n, "to_networkx", "s", to_nx["seconds"], rdf_nx["seconds"], "rdflib_to_networkx (after parse)",
                        ratio(rdf_nx["seconds"], to_nx["seconds"]), ">= 3x faster",
                        rdf_nx["seconds"] >= 3 * to_nx["seconds"]))
        rows.append(Row(n, "to_networkx peak memory", "MB", to_nx["rss_mb"], rdf_nx["rss_mb"], "rdflib parse + convert",
                        ratio(to_nx["rss_mb"], rdf_nx["rss_mb"]), "< 1x", to_nx["rss_mb"] < rdf_nx["rss_mb"]))
    else:
        rows.append(Row(n, "to_networkx", "s", to_nx["seconds"], None, "rdflib skipped", None, "", None))
    # the XML and JSON formats hold the whole document in memory: about 1.6 KB per quad for GraphML
    for fmt in EXPORT_FORMATS if every_format else ("nquads", "trig"):
        exported = measure("export", store=str(stores / "wickgraph"), fmt=fmt)
        rows.append(Row(n, f"export {fmt}", "s", exported["seconds"], rdf_nx["seconds"] if rdf_nx else None,
                        "rdflib_to_networkx" if rdf_nx else "", None, "", None))
        rows.append(Row(n, f"export {fmt} peak memory", "MB", exported["rss_mb"], None, "", None, "", None))
    return rows


def table(rows: list[Row]) -> str:
    header = ["N", "figure", "unit", "wickgraph", "baseline", "ratio", "target", "ok"]
    cells = [header] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False)).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="numbers of reviews, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=5, help="runs per query (the median is reported)")
    parser.add_argument("--rdflib-timeout", type=float, default=30.0, help="seconds per rdflib query")
    parser.add_argument("--rdflib-max-quads", type=int, default=4_000_000,
                        help="skip rdflib above this many quads (it needs about 1.5 KB of memory per quad)")
    parser.add_argument("--export-max-quads", type=int, default=5_000_000,
                        help="above this many quads only to_networkx and the streamed RDF formats are exported")
    parser.add_argument("--extract-limit", type=int, default=2000, help="texts the extractor is timed on")
    parser.add_argument("--bulk-reviews", type=int, default=1000, help="new reviews the bulk add step adds")
    parser.add_argument("--steps", default="build,add,query,export,server,extract,bulk-add",
                        help="which groups to run, comma-separated (e.g. build,add at 100,000 reviews)")
    parser.add_argument("--work", type=Path, default=HERE / "results" / "data",
                        help="where synthetic data and stores go (gitignored)")
    args = parser.parse_args()
    args.steps = set(args.steps.split(","))
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    rows: list[Row] = []
    started = time.time()
    for n in sizes:
        log(f"N = {n:,}")
        rows += run_size(n, args, args.work, log)
    print(table(rows))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "commit": commit.strip(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "args": {k: str(v) for k, v in vars(args).items()},
        "seconds": time.time() - started,
        "rows": [asdict(row) for row in rows],
    }
    out = HERE / "results" / f"{time.strftime('%Y%m%d-%H%M%S')}-{'-'.join(map(str, sizes))}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1))
    log(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
