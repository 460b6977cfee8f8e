"""Exports for apps: networkx views, and every file format round-trips."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

from wickgraph.errors import UsageError
from wickgraph.export import export, quads, to_networkx
from wickgraph.namespaces import SCHEMA, WG
from wickgraph.store import Store

WORK = "https://w3id.org/wickgraph/id/work/"
PERSON = "https://w3id.org/wickgraph/id/person/"


def test_full_view_keeps_performances_as_typed_nodes(shared_store: Store) -> None:
    graph = to_networkx(shared_store, graph="reference")
    performance = "https://w3id.org/wickgraph/id/performance/ballerina-2025--eve-macarro--ana-de-armas"
    assert graph.nodes[performance]["type"] == "wg:Performance"
    assert graph.nodes[performance]["label"] == "Ana de Armas as Eve Macarro in From the World of John Wick: Ballerina"
    assert graph.has_edge(performance, PERSON + "ana-de-armas", key="wg:actor")
    assert graph.nodes[WORK + "ballerina-2025"]["type"] == "wg:Film"


def test_performances_view_collapses_to_played_edges(shared_store: Store) -> None:
    graph = to_networkx(shared_store, "performances", graph="reference")
    edges = graph.get_edge_data(PERSON + "ian-mcshane", WORK + "ballerina-2025")
    assert [data["label"] for data in edges.values() if data["label"].startswith("played")] == ["played Winston"]
    assert not any(data.get("type") == "wg:Performance" for _, data in graph.nodes(data=True))


def test_costars_view(shared_store: Store) -> None:
    graph = to_networkx(shared_store, "costars", graph="reference")
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    shared = graph.edges[PERSON + "keanu-reeves", PERSON + "ian-mcshane"]
    # the four main films and Ballerina (the fact sheet's cast tables)
    assert shared["weight"] == 5
    assert not graph.has_edge(PERSON + "keanu-reeves", PERSON + "colin-woodell")


@pytest.mark.parametrize(
    ("fmt", "reader"),
    [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)],
)
def test_networkx_files_round_trip(shared_store: Store, tmp_path: Path, fmt: str, reader) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"graph.{fmt}"
    export(shared_store, fmt, path)
    original = to_networkx(shared_store)
    loaded = reader(path)
    assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (original.number_of_nodes(), original.number_of_edges())


def test_json_graph_files_round_trip(shared_store: Store, tmp_path: Path) -> None:
    original = to_networkx(shared_store)
    node_link = nx.node_link_graph(json.loads(export(shared_store, "node-link")), edges="edges")
    cytoscape = nx.cytoscape_graph(json.loads(export(shared_store, "cytoscape")))
    for loaded in (node_link, cytoscape):
        assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (original.number_of_nodes(), original.number_of_edges())


def canonical(found: Iterable[ox.Quad | ox.Triple]) -> ox.Dataset:
    """A dataset with its blank nodes renamed canonically, so that equal means isomorphic."""
    dataset = ox.Dataset(q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in found)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return dataset


@pytest.mark.parametrize(("fmt", "rdflib_format", "ox_format"), [
    ("trig", "trig", ox.RdfFormat.TRIG), ("nquads", "nquads", ox.RdfFormat.N_QUADS),
    ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
])
def test_rdf_dataset_files_round_trip(shared_store: Store, fmt: str, rdflib_format: str,
                                      ox_format: ox.RdfFormat) -> None:
    data, expected = export(shared_store, fmt), canonical(quads(shared_store))
    # the file holds the very same dataset as the store (isomorphic: blank nodes may be renamed)
    assert canonical(ox.parse(data, format=ox_format)) == expected
    # and another library reads it all, into the same named graphs
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=rdflib_format)
    assert len(list(dataset.quads((None, None, None, None)))) == len(expected)
    graphs = {str(g.identifier) for g in dataset.graphs()} - {"urn:x-rdflib:default"}
    assert graphs == {q.graph_name.value for q in quads(shared_store)}


def test_jsonld_has_a_context(shared_store: Store) -> None:
    document = json.loads(export(shared_store, "jsonld", graph="reference"))
    assert document["@context"]["wg"] == "https://w3id.org/wickgraph/ontology#"
    assert "wg:releaseYear" in json.dumps(document)


def test_turtle_merges_the_selected_graphs(shared_store: Store) -> None:
    expected = {ox.Triple(q.subject, q.predicate, q.object) for q in quads(shared_store, "reference")}
    data = export(shared_store, "turtle", graph="reference")
    assert canonical(ox.parse(data, format=ox.RdfFormat.TURTLE)) == canonical(expected)
    assert len(rdflib.Graph().parse(data=data, format="turtle")) == len(expected)


def test_claims_selection_holds_only_review_graphs(shared_store: Store) -> None:
    names = {q.graph_name.value for q in quads(shared_store, "claims")}
    assert names and all(name.startswith("https://w3id.org/wickgraph/graph/review/") for name in names)


def test_unknown_view_and_selection(shared_store: Store) -> None:
    with pytest.raises(UsageError, match="unknown view 'tree'"):
        to_networkx(shared_store, "tree")
    with pytest.raises(UsageError, match="unknown graph selection 'some'"):
        list(quads(shared_store, "some"))


def test_unwritable_path_leaves_no_file(shared_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.ttl"
    with pytest.raises(UsageError, match="cannot write here"):
        export(shared_store, "turtle", target)
    assert not target.parent.exists()


def _reference_graph(store: Store, view: str, graph: str) -> nx.Graph:
    """to_networkx's rules applied quad by quad, the plain way, to check the fast path against."""
    import pyoxigraph as ox

    from wickgraph.export import _costars
    from wickgraph.formats import shorten

    rdf_type, labels_by = str(RDF.type), (str(RDFS.label), str(SCHEMA.name))
    parts_of = {str(WG.actor): "actor", str(WG.character): "character", str(WG.work): "work"}
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    edges: list[tuple[str, str, str, str]] = []
    # a defaultdict, as in to_networkx: set(performances) below iterates in an order that depends on it
    performances: dict[str, dict[str, str]] = defaultdict(dict)
    for quad in quads(store, graph):
        s, p, o = quad.subject, quad.predicate.value, quad.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == rdf_type and isinstance(o, ox.NamedNode):
            if s.value not in types or o.value.startswith(WG):
                types[s.value] = shorten(o)
        elif p in labels_by and isinstance(o, ox.Literal):
            labels.setdefault(s.value, o.value)
        elif isinstance(o, ox.NamedNode):
            edges.append((s.value, o.value, p, quad.graph_name.value))  # type: ignore[union-attr]
            if p in parts_of:
                performances[s.value][parts_of[p]] = o.value

    def label(iri: str) -> str:
        return labels.get(iri) or shorten(ox.NamedNode(iri))

    for iri, parts in performances.items():
        if iri not in labels and {"actor", "character", "work"} <= parts.keys():
            labels[iri] = f"{label(parts['actor'])} as {label(parts['character'])} in {label(parts['work'])}"
    if view == "costars":
        return _costars(performances, label)
    multigraph = nx.MultiDiGraph(name=f"wickgraph {graph} ({view})")

    def add_node(iri: str) -> None:
        if iri not in multigraph:
            multigraph.add_node(iri, iri=iri, label=label(iri), type=types.get(iri, "Resource"))

    collapsed = set(performances) if view == "performances" else set()
    for source, target, predicate, graph_name in edges:
        if source not in collapsed:
            add_node(source)
            add_node(target)
            key = shorten(ox.NamedNode(predicate))
            multigraph.add_edge(source, target, key=key, predicate=predicate, label=key, graph=graph_name)
    for iri in collapsed:
        parts = performances[iri]
        if {"actor", "character", "work"} <= parts.keys():
            add_node(parts["actor"])
            add_node(parts["work"])
            multigraph.add_edge(
                parts["actor"], parts["work"], key=f"played:{parts['character']}", predicate=str(WG.Performance),
                label=f"played {label(parts['character'])}", character=parts["character"],
                character_label=label(parts["character"]), performance=iri,
            )
    for iri in sorted(types.keys() - multigraph.nodes.keys() - collapsed):
        add_node(iri)
    return multigraph


def _layout(graph: nx.Graph) -> list[object]:
    """Everything an export writes, in the order it writes it."""
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    return [graph.graph, list(graph.nodes(data=True)), list(edges), [(node, list(adjacent)) for node, adjacent in graph.adj.items()]]


@pytest.mark.parametrize("view", ["full", "performances", "costars"])
@pytest.mark.parametrize("selection", ["all", "reference", "claims"])
def test_networkx_views_match_a_quad_by_quad_reading(shared_store: Store, view: str, selection: str) -> None:
    # the fast path reads the store by SPARQL; nodes, edges, attributes and their order must not change
    assert _layout(to_networkx(shared_store, view, graph=selection)) == _layout(_reference_graph(shared_store, view, selection))


def test_networkx_from_an_in_memory_store_matches_too(shared_store: Store) -> None:
    memory = Store()
    memory.extend(shared_store.quads())
    for view in ("full", "performances"):
        assert _layout(to_networkx(memory, view)) == _layout(_reference_graph(memory, view, "all"))
