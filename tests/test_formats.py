"""The formats table and result serialisation."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from wickgraph.errors import UsageError
from wickgraph.formats import FORMATS, by_media_type, by_name, render_table, serialize_result


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode("https://w3id.org/wickgraph/graph/reference")
    work = ox.NamedNode("https://w3id.org/wickgraph/id/work/john-wick-2014")
    store.add(ox.Quad(work, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("John Wick"), graph))
    store.add(ox.Quad(work, ox.NamedNode("https://w3id.org/wickgraph/ontology#releaseYear"), ox.Literal("2014", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph))
    return store


SELECT = "SELECT ?work ?label WHERE { GRAPH ?g { ?work <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"


def test_names_and_media_types_are_unique() -> None:
    assert len({f.name for f in FORMATS}) == len(FORMATS)
    assert by_media_type("application/sparql-results+json").name == "json"
    assert by_media_type("text/html") is None


def test_unknown_format_lists_the_choices() -> None:
    with pytest.raises(UsageError, match="unknown format 'yaml'; choose one of: graphml, gexf, node-link, cytoscape"):
        by_name("yaml", "graph")


def test_table_shortens_our_iris(store: ox.Store) -> None:
    assert render_table(store.query(SELECT)) == (
        "work                 label\n"
        "-------------------  ---------\n"
        "work:john-wick-2014  John Wick\n"
        "(1 row)\n"
    )


def test_sparql_json_and_csv(store: ox.Store) -> None:
    data = json.loads(serialize_result(store.query(SELECT), by_name("json")))
    assert data["head"]["vars"] == ["work", "label"]
    assert data["results"]["bindings"][0]["label"] == {"type": "literal", "value": "John Wick"}
    assert serialize_result(store.query(SELECT), by_name("csv")).decode().splitlines() == [
        "work,label", "https://w3id.org/wickgraph/id/work/john-wick-2014,John Wick"]


def test_ask_and_construct(store: ox.Store) -> None:
    assert render_table(store.query("ASK { GRAPH ?g { ?s ?p 2014 } }")) == "true\n"
    turtle = serialize_result(store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"), by_name("table"))
    assert b'"John Wick"' in turtle


def test_rdf_format_for_select_is_a_usage_error(store: ox.Store) -> None:
    with pytest.raises(UsageError, match="SELECT and ASK results take table, json, xml, csv or tsv"):
        serialize_result(store.query(SELECT), by_name("turtle"))
