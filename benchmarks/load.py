"""Loopback load test: ``wickgraph serve`` and the Oxigraph server side by side on the same data.

    .venv/bin/python benchmarks/load.py                      # 2,000 queries, 8 clients, data/ built fresh
    .venv/bin/python benchmarks/load.py --queries 4000 --clients 8 --workers 2 --store .store

Both servers get the same quads (the store's N-Quads dump is loaded into a fresh Oxigraph
store) and the same mixed stream of named queries (every ``queries/*.rq`` without SERVICE,
with its default parameters, round-robin), as form POSTs asking for SPARQL JSON, from
``--clients`` threads with one keep-alive connection each. Every answer must be 200 and
have the same length on both servers. Prints queries/s, latency percentiles and the ratio.
Both servers are bound to 127.0.0.1 and stopped at the end, whatever happens.

Then one client asks ``wickgraph serve`` for every work's page (``/id/work/...`` as HTML),
``--page-rounds`` times, and prints the server-side time of a page (its ``Server-Timing``
header: the page's queries and template): the very first request, which also computes the
per-work review summaries once for this store view; the first view of every other work (its
queries run); and later views (the page is kept until the store changes).
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _servers import Server, free_port, start  # noqa: E402

from wickgraph.queries import discover  # noqa: E402
from wickgraph.store import Store  # noqa: E402


def run_load(server: Server, bodies: list[bytes], total: int,
             clients: int) -> tuple[float, list[float], dict[int, int]]:
    """Send ``total`` queries from ``clients`` threads; return seconds, latencies and answer sizes by query index."""
    latencies: list[float] = []
    sizes: dict[int, int] = {}
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(total))
    barrier = threading.Barrier(clients + 1)

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
        mine: list[float] = []
        barrier.wait()
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            which = index % len(bodies)
            began = time.perf_counter()
            connection.request("POST", server.path, body=bodies[which], headers=headers)
            response = connection.getresponse()
            data = response.read()
            mine.append(time.perf_counter() - began)
            if response.status != 200:
                errors.append(f"{server.name}: HTTP {response.status}: {data[:200]!r}")
                break
            sizes.setdefault(which, len(data))
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    if errors:
        raise SystemExit(errors[0])
    return seconds, latencies, sizes


def work_page_times(server: Server, paths: list[str], rounds: int) -> list[list[float]]:
    """Server-side milliseconds of each work page, round by round, from the ``Server-Timing`` header."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    times: list[list[float]] = []
    try:
        for _ in range(rounds):
            times.append([])
            for path in paths:
                connection.request("GET", path, headers={"Accept": "text/html"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise SystemExit(f"{path}: HTTP {response.status}")
                times[-1].append(float(response.getheader("Server-Timing", "").split("dur=")[1]))
    finally:
        connection.close()
    return times


def _spread(times: list[float]) -> str:
    ordered = sorted(times)
    return (f"p50 {statistics.median(ordered):.1f} ms, p90 {ordered[int(len(ordered) * 0.9) - 1]:.1f} ms, "
            f"max {ordered[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=2000, help="queries per server (default 2000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="wickgraph serve --workers (default 2)")
    parser.add_argument("--store", type=Path, help="an existing wickgraph store (default: build data/ afresh)")
    parser.add_argument("--only", help="comma-separated named queries to send (default: all without SERVICE)")
    parser.add_argument("--serve-option", action="append", default=[], metavar="OPTION",
                        help="extra option for wickgraph serve, e.g. --serve-option=--on-disk (repeatable)")
    parser.add_argument("--page-rounds", type=int, default=5, help="requests of every work page (default 5)")
    parser.add_argument("--oxigraph", default=shutil.which("oxigraph", path=str(Path(sys.executable).parent))
                        or "oxigraph", help="the oxigraph server binary")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="wickgraph-load-"))
    servers: list[Server] = []
    try:
        store_dir = args.store
        if store_dir is None:
            from wickgraph.build import build

            store_dir = workdir / "store"
            build(None, store_dir)
        import pyoxigraph as ox

        dump = workdir / "all.nq"
        with Store(store_dir, read_only=True) as store:
            dump.write_bytes(store.dump(ox.RdfFormat.N_QUADS))
            quads = len(store)
        subprocess.run([args.oxigraph, "load", "--location", str(workdir / "oxigraph"), "--file", str(dump)],
                       check=True, capture_output=True)

        queries = [q for q in discover().values() if "SERVICE" not in q.sparql.upper()]
        if args.only:
            wanted = args.only.split(",")
            queries = [q for q in queries if q.name in wanted]
        bodies = [urlencode({"query": q.sparql}).encode() for q in queries]
        warmup = max(len(bodies) * 4, 100)

        oxi_port = free_port()
        servers.append(start("oxigraph", [args.oxigraph, "serve-read-only", "--location", str(workdir / "oxigraph"),
                                          "--bind", f"127.0.0.1:{oxi_port}"], oxi_port, "/query",
                             workdir / "oxigraph.log"))
        wick_port = free_port()
        servers.append(start("wickgraph", [sys.executable, "-m", "wickgraph", "serve", "--store", str(store_dir),
                                           "--port", str(wick_port), "--workers", str(args.workers),
                                           "--max-rows", "1000000", *args.serve_option], wick_port, "/sparql",
                             workdir / "wickgraph.log"))

        print(f"{quads} quads, {len(queries)} named queries, {args.queries} queries from {args.clients} clients; "
              f"wickgraph serve --workers {args.workers} {' '.join(args.serve_option)}; {os.cpu_count()} CPUs")
        results = {}
        for server in servers:
            run_load(server, bodies, warmup, args.clients)
            results[server.name] = run_load(server, bodies, args.queries, args.clients)
        for name, (seconds, latencies, _) in results.items():
            ordered = sorted(latencies)
            print(f"{name:10} {args.queries / seconds:8.0f} queries/s   p50 {statistics.median(ordered) * 1000:6.2f} ms"
                  f"   p99 {ordered[int(len(ordered) * 0.99) - 1] * 1000:6.2f} ms")
        mismatched = [queries[i].name for i, size in results["oxigraph"][2].items()
                      if results["wickgraph"][2].get(i) != size]
        if mismatched:
            print(f"answers of different length: {', '.join(mismatched)}")
        ratio = (args.queries / results["wickgraph"][0]) / (args.queries / results["oxigraph"][0])
        print(f"ratio wickgraph/oxigraph: {ratio:.2f}")

        with Store(store_dir, read_only=True) as store:
            works = [row["work"].value for row in store.query(
                "SELECT DISTINCT ?work WHERE { GRAPH graph:reference { ?work a ?type } "
                "VALUES ?type { wg:Film wg:TVSeries wg:VideoGame } } ORDER BY ?work")]  # type: ignore[index, union-attr]
        paths = ["/id/" + work.split("/id/", 1)[1] for work in works]
        rounds = work_page_times(servers[1], paths, args.page_rounds)
        print(f"work pages, server-side, {len(paths)} works: very first {rounds[0][0]:.1f} ms; "
              f"first view {_spread(rounds[0][1:])}")
        if len(rounds) > 1:
            print(f"work pages, server-side, kept: {_spread([ms for times in rounds[1:] for ms in times])}")
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
