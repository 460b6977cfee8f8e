"""The formats table and result serialisation."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from wickgraph.errors import UsageError
from wickgraph.formats import (
    FORMATS,
    by_media_type,
    by_name,
    formats,
    names,
    render_rows,
    render_table,
    serialize_result,
    serialize_rows,
)


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


def test_aliases_and_every_media_type_find_the_row() -> None:
    assert [by_name(name).name for name in ("ttl", "Turtle", "nt", "n-quads", "json-ld", "cyjs")] == [
        "turtle", "turtle", "ntriples", "nquads", "jsonld", "cytoscape"]
    assert by_media_type("application/x-turtle").name == "turtle"
    assert by_media_type("text/tab-separated-values; charset=utf-8").name == "tsv"
    assert by_media_type("application/json", "rdf").name == "jsonld"
    assert by_media_type("application/json", "results").name == "json"
    assert names("graph") == ["graphml", "gexf", "node-link", "nodelink", "d3", "cytoscape", "cyjs"]
    # no name or alias means two formats within one kind
    for kind in ("results", "rdf", "graph"):
        assert len(names(kind)) == len(set(names(kind)))


def test_every_row_has_a_writer_that_writes(store: ox.Store) -> None:
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    for fmt in formats("results"):
        assert b"John Wick" in fmt.write(store.query(SELECT)), fmt.name
    for fmt in formats("rdf"):
        items = store.quads_for_pattern(None, None, None) if fmt.dataset else store.query(construct)
        assert b"John Wick" in fmt.write(items), fmt.name


def test_table_neutralises_control_characters() -> None:
    store = ox.Store()
    graph = ox.NamedNode("https://w3id.org/wickgraph/graph/reference")
    text = "a\x1b[31mred\x1b[0m\tb\nc\x9b\u202ed"
    store.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal(text), graph))
    table = render_table(store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert table.splitlines()[2] == "a\\x1b[31mred\\x1b[0m b c\\x9b\\u202ed"
    assert render_rows(["x\x1b"], [["\x07"]]) == "x\\x1b\n-----\n\\x07\n"


def test_rows_are_written_as_query_results() -> None:
    columns, rows = ["name", "count", "page"], [["Ana", 2, ox.NamedNode("https://example.org/a")], ["Ian", None, None]]
    assert serialize_rows(columns, rows, by_name("csv")).decode().splitlines() == [
        "name,count,page", "Ana,2,https://example.org/a", "Ian,,"]
    data = json.loads(serialize_rows(columns, rows, by_name("json")))
    assert data["results"]["bindings"][0]["page"] == {"type": "uri", "value": "https://example.org/a"}
    assert serialize_rows(columns, [], by_name("table"), noun="review").decode().endswith("(0 reviews)\n")
    with pytest.raises(UsageError, match="format 'turtle' is for RDF or graphs"):
        serialize_rows(columns, rows, by_name("turtle"))
