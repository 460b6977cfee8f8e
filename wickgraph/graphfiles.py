"""Writers of graph files for apps, from a networkx graph: GraphML, GEXF, node-link and Cytoscape JSON.

Each takes a graph (as :func:`wickgraph.export.to_networkx` makes it) and returns the file's
bytes, following the format's published definition rather than networkx's defaults where
the two differ:

* GraphML: node and edge ids are ``n0, n1, ...`` and ``e0, e1, ...`` (the schema wants unique
  XML name tokens; IRIs contain ``/``), each node keeps its IRI in its ``iri`` data.
* GEXF 1.2: no ``name`` attribute on ``<graph>`` (the schema has none), the graph's name goes
  to ``<meta><description>``; no modification date, so the same graph gives the same bytes.
* node-link JSON: edges under ``"links"``, as d3 and networkx's own reader expect.
* Cytoscape JSON: ``data`` is an object (Cytoscape.js), nodes are named by their label.

networkx is imported when a file is written, not when this module is.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["write_cytoscape", "write_gexf", "write_graphml", "write_node_link"]


def write_graphml(graph: nx.Graph) -> bytes:
    """GraphML with schema-valid, unique node and edge ids."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter()
    writer.add_graph_element(graph)
    element = writer.xml.find("graph")
    assert element is not None
    # renumbered in the written tree rather than in a copy of the graph: exports hold millions of edges
    node_id = {str(node): f"n{i}" for i, node in enumerate(graph)}
    edges = 0
    for child in element:
        if child.tag == "node":
            child.set("id", node_id[child.attrib["id"]])
        elif child.tag == "edge":
            child.set("source", node_id[child.attrib["source"]])
            child.set("target", node_id[child.attrib["target"]])
            child.set("id", f"e{edges}")
            edges += 1
    return "\n".join(str(writer).splitlines()).encode()


def write_gexf(graph: nx.Graph) -> bytes:
    """GEXF 1.2 that its schema accepts, and the same bytes for the same graph."""
    from xml.etree.ElementTree import SubElement

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(version="1.2draft")
    writer.add_graph(graph)
    element = writer.xml.find("graph")
    assert element is not None
    name = element.attrib.pop("name", "")
    meta = writer.xml.find("meta")
    assert meta is not None
    meta.attrib.pop("lastmodifieddate", None)
    if name:
        SubElement(meta, "description").text = name
    return f'<?xml version="1.0" encoding="utf-8"?>\n{writer}'.encode()


def write_node_link(graph: nx.Graph) -> bytes:
    """node-link JSON, edges under ``"links"``."""
    import networkx as nx

    return _json(nx.node_link_data(graph, edges="links"))


def write_cytoscape(graph: nx.Graph) -> bytes:
    """Cytoscape.js elements JSON: ``data`` an object, nodes named by their label, edges with ids."""
    nodes = [{"data": {**data, "id": str(node), "value": node, "name": data.get("label", str(node))}}
             for node, data in graph.nodes(data=True)]
    if graph.is_multigraph():
        edges = [{"data": {**data, "id": f"e{i}", "source": s, "target": t, "key": key}}
                 for i, (s, t, key, data) in enumerate(graph.edges(keys=True, data=True))]
    else:
        edges = [{"data": {**data, "id": f"e{i}", "source": s, "target": t}}
                 for i, (s, t, data) in enumerate(graph.edges(data=True))]
    document = {"data": dict(graph.graph), "directed": graph.is_directed(), "multigraph": graph.is_multigraph(),
                "elements": {"nodes": nodes, "edges": edges}}
    return _json(document)


def _json(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode()
