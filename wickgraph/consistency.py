"""Do ``data/`` and the store agree? :func:`check` lists every difference, :func:`repair` mends them.

``data/`` is the source of truth and the store is derived from it, graph by graph: the
ontology graph from ``ontology/wickgraph.ttl``, the reference graph from
``data/reference/*.ttl``, one graph per ``data/reviews/*.trig`` and the inferred reprises
from the reference graph. Graphs are compared after blank-node canonicalisation, so a
graph equals its file whatever labels the store gave its blank nodes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .journal import JOURNAL_NAME, graph_quads, pending, stray_temp_files
from .namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH, review_graph_iri
from .resources import ontology_dir
from .store import Store, mark_changed, open_store
from .transaction import data_folder, locked, recover, recover_store

__all__ = ["Difference", "check", "expected_graphs", "repair", "repair_data"]


@dataclass(frozen=True)
class Difference:
    """One way the store (or ``data/``) is not what ``data/`` says it should be."""

    problem: str  # "missing from the store", "not in data/", "differs from data/", "interrupted commit", "stray file"
    graph: str | None = None
    path: Path | None = None

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        graph = f"<{self.graph}> " if self.graph else ""
        return f"{where}{graph}{self.problem}"


def expected_graphs(data_dir: Path) -> dict[str, list[ox.Quad]]:
    """Every named graph ``data_dir`` defines except the inferred one, with its quads."""
    data_folder(data_dir)
    graphs: dict[str, list[ox.Quad]] = {str(ONTOLOGY_GRAPH): graph_quads(ontology_dir() / "wickgraph.ttl",
                                                                         str(ONTOLOGY_GRAPH))}
    reference: list[ox.Quad] = []
    for path in sorted((data_dir / "reference").glob("*.ttl")):
        reference += graph_quads(path, str(REFERENCE_GRAPH))
    graphs[str(REFERENCE_GRAPH)] = reference
    for path in sorted((data_dir / "reviews").glob("*.trig")):
        graph = review_graph_iri(path.stem)
        graphs[graph] = graph_quads(path, graph)
    return graphs


def check(data_dir: Path, store: Store) -> list[Difference]:
    """Every difference between ``data/`` and ``store``; an empty list when they agree."""
    differences: list[Difference] = []
    if pending(data_dir) is not None:
        differences.append(Difference("interrupted commit (run `wickgraph repair`)", path=data_dir / JOURNAL_NAME))
    differences += [Difference("stray file of an interrupted write", path=p) for p in stray_temp_files(data_dir)]
    expected = expected_graphs(data_dir)
    expected[str(INFERRED_GRAPH)] = _inferred(expected[str(REFERENCE_GRAPH)])
    present = set(store.named_graphs())
    for graph, quads in expected.items():
        if graph not in present:
            if quads:
                differences.append(Difference("missing from the store", graph, _file_of(data_dir, graph)))
        elif _canonical(quads) != _canonical(store.quads(graph)):
            differences.append(Difference("differs from data/", graph, _file_of(data_dir, graph)))
    differences += [Difference("not in data/", graph) for graph in sorted(present - set(expected))]
    return differences


def repair(data_dir: Path, store: Store) -> list[Difference]:
    """Make ``store`` equal ``data/`` in one transaction; return what was wrong before.

    The caller holds the data folder's lock (see :func:`repair_data`); an interrupted
    commit is finished first (:func:`wickgraph.transaction.recover`).
    """
    found = check(data_dir, store)
    recover(data_dir, store)
    graphs = {d.graph for d in check(data_dir, store) if d.graph}
    if graphs:
        expected = expected_graphs(data_dir)
        expected[str(INFERRED_GRAPH)] = _inferred(expected[str(REFERENCE_GRAPH)])
        store.replace_graphs({graph: expected.get(graph, []) for graph in sorted(graphs)})
        store.flush()
    return found


def repair_data(data_dir: Path, store_dir: Path, *, lock_timeout: float = 10.0) -> list[Difference]:
    """:func:`repair` under the data folder's lock, with the store opened for writing; what was wrong."""
    data_folder(data_dir)
    with locked(data_dir, lock_timeout):
        recover_store(store_dir)
        with open_store(store_dir) as store:
            found = repair(data_dir, store)
    if found:
        mark_changed(store_dir)
    return found


def _inferred(reference: list[ox.Quad]) -> list[ox.Quad]:
    """The inferred reprises the reference graph gives, computed in a throwaway store."""
    from .build import infer_reprises

    scratch = Store()
    scratch.extend(reference)
    infer_reprises(scratch)
    return list(scratch.quads(str(INFERRED_GRAPH)))


def _canonical(quads: Iterable[ox.Quad]) -> set[str]:
    # through a store first: it keeps values in canonical form ("1.0"^^xsd:decimal is stored as "1")
    normalised = ox.Store()
    normalised.extend(quads)
    dataset = ox.Dataset(normalised)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def _file_of(data_dir: Path, graph: str) -> Path | None:
    if graph == str(REFERENCE_GRAPH):
        return data_dir / "reference"
    if graph == str(ONTOLOGY_GRAPH):
        return ontology_dir() / "wickgraph.ttl"
    prefix = review_graph_iri("")
    if graph.startswith(prefix):
        return data_dir / "reviews" / f"{graph[len(prefix):]}.trig"
    return None
