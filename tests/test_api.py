"""The public Python API: a small, pinned surface (like httpx's test_exported_members)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

import wickgraph
from wickgraph.export import to_networkx


def test_all_is_pinned_and_sorted() -> None:
    assert wickgraph.__all__ == [
        "BuildReport", "CheckFailed", "Claim", "ConflictsFound", "Extraction", "GRAPH", "ID", "InputError",
        "NamedQuery", "NotFoundError", "QueryNotFound", "RDFSyntaxError", "RemoteError", "ReviewInputError",
        "ReviewNotFound", "SPARQLSyntaxError", "Store", "StoreError", "UsageError", "ValidationFailed",
        "WG", "WickgraphError", "__version__", "build", "extract", "extract_file", "open", "query",
    ]
    assert wickgraph.__all__ == sorted(wickgraph.__all__)
    for name in wickgraph.__all__:
        assert hasattr(wickgraph, name), name


def test_open_query_and_networkx(shared_store_dir: Path) -> None:
    graph = wickgraph.open(shared_store_dir)
    rows = list(wickgraph.query("cast", graph, work="john-wick-2014"))  # type: ignore[call-overload]
    actors = {row["actorName"].value for row in rows}
    assert {"Keanu Reeves", "Michael Nyqvist", "Willem Dafoe", "Ian McShane"} <= actors
    multigraph = to_networkx(graph)
    assert isinstance(multigraph, nx.MultiDiGraph)
    wiseman = "https://w3id.org/wickgraph/id/person/len-wiseman"
    assert multigraph.nodes[wiseman]["label"] == "Len Wiseman"
    assert multigraph.nodes[wiseman]["type"] == "wg:Person"


def test_extract_from_python() -> None:
    text = "Ballerina (2025) is directed by Len Wiseman. Rating: 4/5"
    extraction = wickgraph.extract(text)
    found = {(c.to_json()["type"], c.to_json()["status"]) for c in extraction.claims}
    assert ("director", "supported") in found and ("release_year", "supported") in found
    director = next(c.to_json() for c in extraction.claims if c.to_json()["type"] == "director")
    assert text[director["start"]:director["end"]] == director["evidence"]
