"""One measured step of the benchmark suite, run in a fresh process so that peak memory is its own.

    python benchmarks/_measure.py STEP ARGS_JSON

prints one JSON object on its last line: ``seconds`` (the measured part only), ``rss_mb``
(peak resident memory of this process, ``ru_maxrss``) and what the step adds. Run by
``benchmarks/suite.py``; not a public interface.
"""

from __future__ import annotations

import json
import resource
import signal
import statistics
import sys
import time
from datetime import UTC
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(function: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def _drain(result: Any) -> int:
    """Consume a query result completely (solutions, triples or a boolean); return its size."""
    if isinstance(result, bool) or (hasattr(result, "askAnswer") and result.type == "ASK"):
        return 1
    if type(result).__name__ == "QueryBoolean":
        return 1
    return sum(1 for _ in result)


def _median_ms(run: Any, repeats: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeats):
        seconds, size = _timed(run)
        times.append(seconds)
    return statistics.median(times) * 1000, size


# -- steps ------------------------------------------------------------------------------


def step_synth(out: str, reviews: int, seed: int) -> dict[str, Any]:
    from wickgraph.synth import synth

    report = synth(Path(out), reviews, seed=seed, texts=True)
    return {"seconds": report.seconds, "reviews": report.reviews, "claims": report.claims,
            "contradicted": report.contradicted, "unreconciled": report.unreconciled, "bytes": report.bytes}


def step_nquads(data: str, out: str) -> dict[str, Any]:
    """Every quad ``build`` loads (ontology, reference, reviews) as one N-Quads file."""
    import pyoxigraph as ox

    from wickgraph.build import data_files, parse_data_file

    started = time.perf_counter()
    count = 0
    with open(out, "wb") as handle:
        for data_file in data_files(Path(data)):
            quads = parse_data_file(data_file, data_file.path.read_bytes())
            count += len(quads)
            handle.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return {"seconds": time.perf_counter() - started, "quads": count}


def step_build(data: str, store: str) -> dict[str, Any]:
    from wickgraph.build import build

    seconds, report = _timed(build, Path(data), Path(store))
    return {"seconds": seconds, "triples": report.triples, "validated": report.validated,
            "skipped": report.validation_skipped}


def step_raw_load(nquads: str, store: str) -> dict[str, Any]:
    import pyoxigraph as ox

    started = time.perf_counter()
    raw = ox.Store(store)
    raw.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    raw.flush()
    return {"seconds": time.perf_counter() - started, "quads": len(raw)}


def _rdflib_dataset(nquads: str) -> Any:
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(nquads, format="nquads")
    return dataset


def step_rdflib_parse(nquads: str) -> dict[str, Any]:
    seconds, dataset = _timed(_rdflib_dataset, nquads)
    return {"seconds": seconds, "quads": len(dataset)}


def _named_queries() -> dict[str, str]:
    """Every named query with its default parameters, except federated ones (SERVICE: they go online)."""
    import re

    from wickgraph.queries import discover

    queries = {name: named.bind({}) for name, named in discover().items()}
    return {name: sparql for name, sparql in queries.items()
            if not re.search(r"^[^#]*\bSERVICE\b", sparql, re.IGNORECASE | re.MULTILINE)}


def step_queries_wickgraph(store: str, repeats: int) -> dict[str, Any]:
    """Each named query through the Python API: ``wickgraph.query(name, store)``."""
    import wickgraph

    opened = wickgraph.open(store)
    out = {}
    for name in _named_queries():
        ms, size = _median_ms(lambda name=name: _drain(wickgraph.query(name, opened)), repeats)
        out[name] = {"ms": ms, "rows": size}
    return {"seconds": 0.0, "queries": out}


def step_queries_store(store: str, repeats: int) -> dict[str, Any]:
    """The same SPARQL through ``wickgraph.Store.query`` (the wrapper, without looking the query up)."""
    from wickgraph.store import open_store

    opened = open_store(store, read_only=True)
    out = {}
    for name, sparql in _named_queries().items():
        ms, size = _median_ms(lambda sparql=sparql: _drain(opened.query(sparql)), repeats)
        out[name] = {"ms": ms, "rows": size}
    return {"seconds": 0.0, "queries": out}


def step_queries_raw(store: str, repeats: int) -> dict[str, Any]:
    """The same SPARQL text straight on ``pyoxigraph.Store.read_only``."""
    import pyoxigraph as ox

    raw = ox.Store.read_only(store)
    out = {}
    for name, sparql in _named_queries().items():
        ms, size = _median_ms(lambda sparql=sparql: _drain(raw.query(sparql)), repeats)
        out[name] = {"ms": ms, "rows": size}
    return {"seconds": 0.0, "queries": out}


class _Timeout(Exception):
    pass


def step_queries_rdflib(nquads: str, repeats: int, timeout: float) -> dict[str, Any]:
    """The same SPARQL on an rdflib Dataset of the same quads; a query over ``timeout`` s is cut off."""
    parse_seconds, dataset = _timed(_rdflib_dataset, nquads)

    def alarm(*_: Any) -> None:
        raise _Timeout

    signal.signal(signal.SIGALRM, alarm)
    out: dict[str, Any] = {}
    for name, sparql in _named_queries().items():
        times = []
        for _ in range(repeats):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                seconds, size = _timed(lambda sparql=sparql: sum(1 for _ in dataset.query(sparql)))
            except _Timeout:
                out[name] = {"ms": None, "timeout_s": timeout}
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(seconds)
        else:
            out[name] = {"ms": statistics.median(times) * 1000, "rows": size}
    return {"seconds": 0.0, "parse_seconds": parse_seconds, "queries": out}


def step_to_networkx(store: str) -> dict[str, Any]:
    from wickgraph.export import to_networkx
    from wickgraph.store import open_store

    opened = open_store(store, read_only=True)
    seconds, graph = _timed(to_networkx, opened)
    return {"seconds": seconds, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def step_export(store: str, fmt: str) -> dict[str, Any]:
    from wickgraph.export import export
    from wickgraph.formats import by_name
    from wickgraph.store import open_store

    opened = open_store(store, read_only=True)
    chosen = by_name(fmt)
    # a triple format has no graph names: it carries the reference facts alone
    graph = "reference" if chosen.kind == "rdf" and not chosen.dataset else "all"
    seconds, data = _timed(export, opened, fmt, graph=graph)
    return {"seconds": seconds, "bytes": len(data)}


def step_rdflib_networkx(nquads: str) -> dict[str, Any]:
    """rdflib's own conversion (``rdflib_to_networkx_multidigraph``) of the same quads, parsed first."""
    import rdflib
    from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

    parse_seconds, graph = _timed(lambda: rdflib.ConjunctiveGraph().parse(nquads, format="nquads"))
    seconds, converted = _timed(rdflib_to_networkx_multidigraph, graph)
    return {"seconds": seconds, "parse_seconds": parse_seconds, "nodes": converted.number_of_nodes(),
            "edges": converted.number_of_edges()}


def step_add(data: str, store: str, text: str) -> dict[str, Any]:
    """``add`` one review (extract, build, validate, write, update the store), then take it out again."""
    from datetime import datetime

    from wickgraph.reviews import add_reviews, remove_review

    now = datetime(2026, 11, 25, tzinfo=UTC)
    seconds, report = _timed(add_reviews, [text], data_dir=Path(data), store_dir=Path(store),
                             added_by="benchmark", now=now, workers=1)
    for plan in report.reviews:
        if plan.action == "added":
            remove_review(plan.review_id, data_dir=Path(data), store_dir=Path(store))
    return {"seconds": seconds, "actions": [plan.action for plan in report.reviews]}


def step_bulk_add(data: str, store: str, texts: str) -> dict[str, Any]:
    """``add`` a folder of new review texts in one call (parallel extraction, one atomic commit)."""
    from datetime import datetime

    from wickgraph.reviews import add_reviews

    now = datetime(2026, 11, 25, tzinfo=UTC)
    seconds, report = _timed(add_reviews, [texts], data_dir=Path(data), store_dir=Path(store),
                             added_by="benchmark", now=now)
    added = len(report.by_action("added"))
    return {"seconds": seconds, "reviews": len(report.reviews), "added": added, "bad": len(report.bad),
            "reviews_per_s": len(report.reviews) / seconds}


def step_queries_endpoint(url: str, repeats: int) -> dict[str, Any]:
    """Each named query sent to a SPARQL endpoint the way ``wickgraph query NAME --endpoint URL`` does."""
    from wickgraph.remote import query_endpoint

    out = {}
    for name, sparql in _named_queries().items():
        ms, size = _median_ms(lambda sparql=sparql: _drain(query_endpoint(url, sparql, timeout=600)), repeats)
        out[name] = {"ms": ms, "rows": size}
    return {"seconds": 0.0, "queries": out}


def step_push(store: str, url: str) -> dict[str, Any]:
    """``wickgraph push``: every named graph of the store to a Graph Store, one PUT each."""
    from wickgraph.remote import push
    from wickgraph.store import open_store

    seconds, report = _timed(push, open_store(store, read_only=True), url)
    return {"seconds": seconds, "graphs": len(report.graphs), "triples": report.triples}


def step_extract(texts: str, limit: int) -> dict[str, Any]:
    from wickgraph.extract import extract_file

    paths = sorted(Path(texts).glob("*.txt"))[:limit]
    extract_file(paths[0])  # loads the gazetteer once, as a long-running add does
    seconds, claims = _timed(lambda: sum(len(extract_file(path).claims) for path in paths))
    return {"seconds": seconds, "reviews": len(paths), "claims": claims,
            "reviews_per_s": len(paths) / seconds if seconds else None}


def main() -> None:
    step, args = sys.argv[1], json.loads(sys.argv[2])
    result = globals()[f"step_{step}"](**args)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
