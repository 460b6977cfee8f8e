"""The graph for apps: networkx views and file exports (networkx and RDF formats).

Views of :func:`to_networkx` (all built straight from the store's quads):

* ``full`` — a ``MultiDiGraph``: one node per resource (``iri``, ``label``, ``type``),
  one edge per IRI-to-IRI triple keyed by the predicate's prefixed name; performances are nodes.
* ``performances`` — as ``full``, but each performance collapses to an
  ``actor -[played]-> work`` edge carrying the character.
* ``costars`` — an undirected ``Graph`` of people who acted in the same works (``works`` on each edge).

``graph`` picks the named graphs: ``reference`` (facts and inferred reprises),
``claims`` (every review graph) or ``all``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import UsageError
from .formats import Format, by_name, shorten
from .namespaces import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH, WG

if TYPE_CHECKING:
    import networkx as nx

    from .store import Store

__all__ = ["GRAPH_SELECTIONS", "VIEWS", "export", "quads", "to_networkx", "write_atomic"]

VIEWS = ("full", "performances", "costars")
GRAPH_SELECTIONS = ("reference", "claims", "all")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "https://schema.org/name")
_REVIEW_GRAPHS = f"{GRAPH}review/"


def quads(store: Store, graph: str = "all") -> Iterator[ox.Quad]:
    """The quads of a graph selection (the ontology is never part of an export)."""
    if graph not in GRAPH_SELECTIONS:
        raise UsageError(f"unknown graph selection {graph!r}; choose one of: {', '.join(GRAPH_SELECTIONS)}")
    if graph == "reference":
        for name in (REFERENCE_GRAPH, INFERRED_GRAPH):
            yield from store.quads(str(name))
        return
    ontology, reviews_only = ox.NamedNode(str(ONTOLOGY_GRAPH)), graph == "claims"
    for quad in store.quads():
        graph_name = quad.graph_name
        # compared as terms (in Rust): this loop runs once per quad of the store
        if graph_name == ontology or type(graph_name) is not ox.NamedNode:
            continue
        if not reviews_only or graph_name.value.startswith(_REVIEW_GRAPHS):
            yield quad


def to_networkx(store: Store, view: str = "full", *, graph: str = "all") -> nx.MultiDiGraph | nx.Graph:
    """The graph as networkx (see the module docstring for ``view`` and ``graph``)."""
    import networkx as nx

    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of: {', '.join(VIEWS)}")
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    edges: list[tuple[str, str, str, str]] = []
    performances: dict[str, dict[str, str]] = defaultdict(dict)
    performance_parts = {str(WG.actor): "actor", str(WG.character): "character", str(WG.work): "work"}
    wg_namespace = str(WG._NS)
    short: dict[str, str] = {}

    def shortened(iri: str) -> str:
        # a few hundred distinct predicates and classes, shortened once each
        found = short.get(iri)
        if found is None:
            found = short[iri] = shorten(ox.NamedNode(iri))
        return found

    named_node, literal = ox.NamedNode, ox.Literal
    for quad in quads(store, graph):
        subject = quad.subject
        if type(subject) is not named_node:
            continue
        predicate, obj = quad.predicate.value, quad.object
        if predicate == _RDF_TYPE and type(obj) is named_node:
            # the most specific wickgraph class wins over schema:/prov: ones
            if subject.value not in types or obj.value.startswith(wg_namespace):
                types[subject.value] = shortened(obj.value)
        elif predicate in _LABELS and type(obj) is literal:
            labels.setdefault(subject.value, obj.value)
        elif type(obj) is named_node:
            edges.append((subject.value, obj.value, predicate, quad.graph_name.value))  # type: ignore[union-attr]
            if predicate in performance_parts:
                performances[subject.value][performance_parts[predicate]] = obj.value

    def label(iri: str) -> str:
        return labels.get(iri) or shortened(iri)

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
        if source in collapsed:
            continue
        add_node(source)
        add_node(target)
        key = shortened(predicate)
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
    for iri in sorted(types.keys() - multigraph.nodes.keys() - collapsed):  # sorted: same file every run
        add_node(iri)  # typed resources with no links still belong to the graph
    return multigraph


def _costars(performances: dict[str, dict[str, str]], label: Any) -> nx.Graph:
    import networkx as nx

    cast: dict[str, set[str]] = defaultdict(set)
    for parts in performances.values():
        if "actor" in parts and "work" in parts:
            cast[parts["work"]].add(parts["actor"])
    costars = nx.Graph(name="wickgraph co-stars")
    for work, actors in sorted(cast.items()):
        ordered = sorted(actors)
        for actor in ordered:
            costars.add_node(actor, iri=actor, label=label(actor), type="wg:Person")
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if costars.has_edge(first, second):
                    costars[first][second]["works"].append(work)
                else:
                    costars.add_edge(first, second, works=[work])
    for _, _, data in costars.edges(data=True):
        data["weight"] = len(data["works"])
        data["works"] = " ".join(sorted(data["works"]))  # GraphML and GEXF take scalars only
    return costars


def _graph_bytes(graph: nx.Graph, fmt: Format) -> bytes:
    import networkx as nx

    if fmt.name == "graphml":
        return "\n".join(nx.generate_graphml(graph)).encode()
    if fmt.name == "gexf":
        return "\n".join(nx.generate_gexf(graph)).encode()
    if fmt.name == "node-link":
        return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1).encode()
    return json.dumps(nx.cytoscape_data(graph), ensure_ascii=False, indent=1).encode()


def _compact(node: Any) -> Any:
    """Shorten full IRIs in JSON-LD keys, ``@id`` and ``@type`` to the context's prefixed names."""
    if isinstance(node, list):
        return [_compact(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("@id", "@type"):
            value = [_curie(v) for v in value] if isinstance(value, list) else _curie(value)
        else:
            value = _compact(value)
        out[key if key.startswith("@") else _curie(key)] = value
    return out


def _curie(iri: Any) -> Any:
    if isinstance(iri, str) and iri.startswith("http"):
        short = shorten(ox.NamedNode(iri))
        return short if short != iri else iri
    return iri


def _rdf_bytes(store: Store, fmt: Format, graph: str) -> bytes:
    assert isinstance(fmt.oxigraph, ox.RdfFormat)
    selected = quads(store, graph)
    if not fmt.dataset:
        # a graph format cannot carry graph names: the selection's triples, merged
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in selected)
        return ox.serialize(triples, format=fmt.oxigraph, prefixes=PREFIXES) or b""
    data = ox.serialize(selected, format=fmt.oxigraph, prefixes=PREFIXES) or b""
    if fmt.name == "jsonld":
        document = {"@context": dict(sorted(PREFIXES.items())), "@graph": _compact(json.loads(data))}
        return json.dumps(document, ensure_ascii=False, indent=1).encode()
    return data


def export(store: Store, fmt: str, path: str | Path | None = None, *, graph: str = "all", view: str = "full") -> bytes:
    """Serialise the graph in ``fmt`` (a graph or RDF format); write it atomically to ``path`` when given."""
    chosen = by_name(fmt, "graph", "rdf")
    if chosen.kind == "graph":
        data = _graph_bytes(to_networkx(store, view, graph=graph), chosen)
    else:
        data = _rdf_bytes(store, chosen, graph)
    if path is not None:
        write_atomic(Path(path), data)
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place (no partial files)."""
    try:
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise UsageError(f"{path}: cannot write here: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write: {error.strerror}") from None
