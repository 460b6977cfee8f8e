"""Exports for apps: networkx views, and every file format round-trips."""

from __future__ import annotations

import io
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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


def test_json_graph_files_round_trip(shared_store: Store) -> None:
    original = to_networkx(shared_store)
    node_link_data = json.loads(export(shared_store, "node-link"))
    # d3 and networkx's own reader (3.3 and later, by default) read edges from "links"
    assert "links" in node_link_data and "edges" not in node_link_data
    node_link = nx.node_link_graph(node_link_data, edges="links")
    cytoscape = nx.cytoscape_graph(json.loads(export(shared_store, "cytoscape")))
    for loaded in (node_link, cytoscape):
        assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (original.number_of_nodes(), original.number_of_edges())


def test_cytoscape_json_is_what_cytoscape_js_reads(shared_store: Store) -> None:
    document = json.loads(export(shared_store, "cytoscape", graph="reference"))
    assert document["data"] == {"name": "wickgraph reference (full)"}  # an object, not a list of pairs
    nodes = {node["data"]["id"]: node["data"] for node in document["elements"]["nodes"]}
    assert nodes[PERSON + "ana-de-armas"]["name"] == "Ana de Armas"  # the label, not the IRI
    edge_ids = [edge["data"]["id"] for edge in document["elements"]["edges"]]
    assert len(edge_ids) == len(set(edge_ids))
    assert all(edge["data"]["source"] in nodes and edge["data"]["target"] in nodes
               for edge in document["elements"]["edges"])


XSD = Path(__file__).resolve().parent / "data" / "xsd"


@pytest.mark.parametrize("view", ["full", "performances", "costars"])
@pytest.mark.parametrize(("fmt", "schema"), [("graphml", "graphml.xsd"), ("gexf", "gexf.xsd")])
def test_graph_files_pass_their_published_schemas(shared_store: Store, fmt: str, schema: str, view: str) -> None:
    from lxml import etree

    validator = etree.XMLSchema(etree.parse(str(XSD / schema)))
    document = etree.fromstring(export(shared_store, fmt, view=view))
    assert validator.validate(document), [f"{e.line}: {e.message}" for e in list(validator.error_log)[:5]]


def test_graphml_ids_are_unique_and_nodes_keep_their_iris(shared_store: Store) -> None:
    from lxml import etree

    document = etree.fromstring(export(shared_store, "graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edge_ids = document.xpath("//g:edge/@id", namespaces=ns)
    assert len(edge_ids) == to_networkx(shared_store).number_of_edges() == len(set(edge_ids))
    loaded = nx.read_graphml(io.BytesIO(export(shared_store, "graphml")))
    assert {data["iri"] for _, data in loaded.nodes(data=True)} == set(to_networkx(shared_store))


def test_gexf_keeps_the_graph_name_in_its_description(shared_store: Store) -> None:
    from lxml import etree

    document = etree.fromstring(export(shared_store, "gexf", graph="reference"))
    ns = {"x": "http://www.gexf.net/1.2draft"}
    assert document.xpath("string(x:meta/x:description)", namespaces=ns) == "wickgraph reference (full)"
    assert document.xpath("x:graph/@name", namespaces=ns) == []
    assert export(shared_store, "gexf", graph="reference") == export(shared_store, "gexf", graph="reference")


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
        export(shared_store, "turtle", target, graph="reference")
    assert not target.parent.exists()


def _reference_graph(store: Store, view: str, graph: str) -> nx.Graph:
    """to_networkx's rules applied quad by quad, the plain way, to check the fast path against."""
    import pyoxigraph as ox

    from wickgraph.formats import shorten

    facts = {"https://w3id.org/wickgraph/graph/reference", "https://w3id.org/wickgraph/graph/inferred"}
    rdf_type, labels_by = str(RDF.type), (str(RDFS.label), str(SCHEMA.name))
    parts_of = {str(WG.actor): "actor", str(WG.character): "character", str(WG.work): "work"}
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    edges: list[tuple[str, str, str, str]] = []
    type_graph: dict[str, str] = {}
    performance_graph: dict[str, str] = {}
    # a defaultdict, as in to_networkx: set(performances) below iterates in an order that depends on it
    performances: dict[str, dict[str, str]] = defaultdict(dict)

    def prefer(found: dict[str, str], iri: str, graph_name: str) -> None:
        # the first graph, unless a fact graph states it too
        if iri not in found or (graph_name in facts and found[iri] not in facts):
            found[iri] = graph_name

    for quad in quads(store, graph):
        s, p, o, g = quad.subject, quad.predicate.value, quad.object, quad.graph_name.value  # type: ignore[union-attr]
        if not isinstance(s, ox.NamedNode):
            continue
        if p == rdf_type and isinstance(o, ox.NamedNode):
            if s.value not in types or o.value.startswith(WG):
                types[s.value] = shorten(o)
            prefer(type_graph, s.value, g)
        elif p in labels_by and isinstance(o, ox.Literal):
            labels.setdefault(s.value, o.value)
        elif isinstance(o, ox.NamedNode):
            edges.append((s.value, o.value, p, g))
            if p in parts_of:
                performances[s.value][parts_of[p]] = o.value
                prefer(performance_graph, s.value, g)

    def label(iri: str) -> str:
        return labels.get(iri) or shorten(ox.NamedNode(iri))

    for iri, parts in performances.items():
        if iri not in labels and {"actor", "character", "work"} <= parts.keys():
            labels[iri] = f"{label(parts['actor'])} as {label(parts['character'])} in {label(parts['work'])}"
    if view == "costars":
        return _reference_costars(performances, label, performance_graph, facts)
    multigraph = nx.MultiDiGraph(name=f"wickgraph {graph} ({view})")

    def add_node(iri: str, graph_name: str) -> None:
        if iri not in multigraph:
            multigraph.add_node(iri, iri=iri, label=label(iri), type=types.get(iri, "Resource"),
                                graph=graph_name, fact=graph_name in facts)
        elif graph_name in facts and not multigraph.nodes[iri]["fact"]:
            multigraph.nodes[iri].update(graph=graph_name, fact=True)

    def add_edge(source: str, target: str, key: str, graph_name: str, **data: str) -> None:
        if not multigraph.has_edge(source, target, key):
            multigraph.add_edge(source, target, key=key, **data, graph=graph_name, fact=graph_name in facts)
        elif graph_name in facts and not multigraph.edges[source, target, key]["fact"]:
            multigraph.edges[source, target, key].update(graph=graph_name, fact=True)

    collapsed = set(performances) if view == "performances" else set()
    for source, target, predicate, graph_name in edges:
        if source not in collapsed:
            add_node(source, graph_name)
            add_node(target, graph_name)
            key = shorten(ox.NamedNode(predicate))
            add_edge(source, target, key, graph_name, predicate=predicate, label=key)
    for iri in collapsed:
        parts = performances[iri]
        if {"actor", "character", "work"} <= parts.keys():
            graph_name = performance_graph[iri]
            add_node(parts["actor"], graph_name)
            add_node(parts["work"], graph_name)
            add_edge(parts["actor"], parts["work"], f"played:{parts['character']}", graph_name,
                     predicate=str(WG.Performance), label=f"played {label(parts['character'])}",
                     character=parts["character"], character_label=label(parts["character"]), performance=iri)
    for iri in sorted(types.keys() - multigraph.nodes.keys() - collapsed):
        add_node(iri, type_graph[iri])
    for iri, graph_name in type_graph.items():
        if iri in multigraph:
            add_node(iri, graph_name)
    return multigraph


def _reference_costars(performances: dict[str, dict[str, str]], label: Any, performance_graph: dict[str, str],
                       facts: set[str]) -> nx.Graph:
    cast: dict[str, dict[str, str]] = defaultdict(dict)
    for iri, parts in performances.items():
        if "actor" in parts and "work" in parts:
            known = cast[parts["work"]].get(parts["actor"])
            if known is None or (performance_graph[iri] in facts and known not in facts):
                cast[parts["work"]][parts["actor"]] = performance_graph[iri]
    costars = nx.Graph(name="wickgraph co-stars")
    shared: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for work, actors in sorted(cast.items()):
        for actor in sorted(actors):
            if actor not in costars:
                costars.add_node(actor, iri=actor, label=label(actor), type="wg:Person", graph=actors[actor],
                                 fact=actors[actor] in facts)
            elif actors[actor] in facts and not costars.nodes[actor]["fact"]:
                costars.nodes[actor].update(graph=actors[actor], fact=True)
        for first, second in itertools.combinations(sorted(actors), 2):
            claimed = [actors[a] for a in (first, second) if actors[a] not in facts]
            shared.setdefault((first, second), []).append((work, claimed[0] if claimed else actors[first]))
    for (first, second), works in shared.items():
        claims = [g for _, g in works if g not in facts]
        costars.add_edge(first, second, works=" ".join(sorted(w for w, _ in works)), weight=len(works),
                         graph=claims[0] if claims else works[0][1], fact=not claims)
    return costars


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


def test_store_stays_below_export() -> None:
    # the layers run store -> export, never back: store.py imports no module above it, not even lazily
    import ast

    import wickgraph.store

    tree = ast.parse(Path(wickgraph.store.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}
    assert imported <= {"errors", "namespaces", "resources", "atomicfile"}, imported


REFERENCE = "https://w3id.org/wickgraph/graph/reference"
SEED = "https://w3id.org/wickgraph/graph/review/r-fd4f55627fe0"
ID = "https://w3id.org/wickgraph/id/"


def test_graph_exports_tell_claims_from_facts(shared_store: Store) -> None:
    graph = to_networkx(shared_store)
    assert all({"graph", "fact"} <= data.keys() for _, data in graph.nodes(data=True))
    assert all({"graph", "fact"} <= data.keys() for _, _, data in graph.edges(data=True))
    # the seed review repeats the reference's director: one edge, a fact from the reference
    director = graph.edges[WORK + "ballerina-2025", PERSON + "len-wiseman", "wg:director"]
    assert (director["graph"], director["fact"]) == (REFERENCE, True)
    # its wrong role is a claim, from its own graph, never a fact
    rooney = ID + "performance/ballerina-2025--rooney--ana-de-armas"
    assert (graph.nodes[rooney]["graph"], graph.nodes[rooney]["fact"]) == (SEED, False)
    assert graph.edges[rooney, ID + "character/rooney", "wg:character"]["fact"] is False
    assert (graph.nodes[ID + "claim/r-fd4f55627fe0/1"]["graph"], graph.nodes[WORK + "ballerina-2025"]["graph"]) == (
        SEED, REFERENCE)
    played = to_networkx(shared_store, "performances").get_edge_data(PERSON + "ana-de-armas", WORK + "ballerina-2025")
    assert {(data["label"], data["graph"], data["fact"]) for data in played.values()} == {
        ("played Rooney", SEED, False), ("played Eve Macarro", REFERENCE, True)}
    costars = to_networkx(shared_store, "costars")
    assert costars.edges[PERSON + "keanu-reeves", PERSON + "ian-mcshane"]["fact"] is True


def test_graph_files_carry_the_tags(shared_store: Store) -> None:
    loaded = nx.read_graphml(io.BytesIO(export(shared_store, "graphml")))
    by_iri = {data["iri"]: data for _, data in loaded.nodes(data=True)}
    assert (by_iri[ID + "character/rooney"]["graph"], by_iri[ID + "character/rooney"]["fact"]) == (SEED, False)
    assert {data["fact"] for _, _, data in loaded.edges(data=True)} == {True, False}


def test_triple_formats_carry_the_reference_facts_once(shared_store: Store) -> None:
    from pyshacl import validate

    for fmt in ("turtle", "ntriples", "rdfxml"):
        with pytest.raises(UsageError, match=f"^{fmt} has no graph names, so the claims in --graph claims"):
            export(shared_store, fmt, graph="claims")
    data = export(shared_store, "ntriples", graph="reference")
    lines = [line for line in data.decode().splitlines() if line]
    assert len(lines) == len(set(lines)) == len({(q.subject, q.predicate, q.object) for q in quads(shared_store, "reference")})
    ontology = Path(__file__).resolve().parent.parent / "ontology"
    conforms, _, report = validate(rdflib.Graph().parse(data=export(shared_store, "turtle", graph="reference"),
                                                        format="turtle"),
                                   shacl_graph=str(ontology / "shapes.ttl"), ont_graph=str(ontology / "wickgraph.ttl"),
                                   advanced=True, allow_warnings=True)
    assert conforms, report
