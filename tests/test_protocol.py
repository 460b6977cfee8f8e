"""The W3C SPARQL 1.1 Protocol tests, run against ``wickgraph serve`` and an Oxigraph server.

Written from the test list of the SPARQL 1.1 test suite (``protocol/manifest.ttl``):
query by GET, POST form and POST direct; dataset parameters; content types; bad
requests; and updates, which a read-only ``wickgraph serve`` refuses (403). The data the
W3C tests load from ``kasei.us`` is put into named graphs of the same IRIs first, so
nothing is fetched from outside loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from tests.servers import Endpoint, start_oxigraph, start_wickgraph
from wickgraph.store import Store

pytestmark = pytest.mark.server

DATA = "http://kasei.us/2009/09/sparql/data/"
FOAF = "http://xmlns.com/foaf/0.1/"
GRAPHS = {
    f"{DATA}data1.rdf": f'<http://example.org/alice> <{FOAF}name> "Alice" .',
    f"{DATA}data2.rdf": f'<http://example.org/bob> <{FOAF}name> "Bob" .',
    f"{DATA}data3.rdf": f'<http://example.org/carol> <{FOAF}name> "Carol" .',
}
TOKEN = "protocol-test-token"
SELECT_NAMES = f"SELECT ?name WHERE {{ ?s <{FOAF}name> ?name }} ORDER BY ?name"
SELECT_GRAPH_NAMES = f"SELECT ?g ?name WHERE {{ GRAPH ?g {{ ?s <{FOAF}name> ?name }} }} ORDER BY ?g"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@dataclass
class Server:
    """A server under test: its query and update URLs and what it does with updates."""

    name: str
    endpoint: Endpoint
    update_url: str
    updates: bool
    headers: dict[str, str]

    @property
    def query_url(self) -> str:
        return self.endpoint.query_url

    def client(self) -> httpx.Client:
        return httpx.Client(trust_env=False, timeout=30, headers=self.headers)


def _store_with_data(folder: Path) -> Path:
    with Store(folder) as store:
        for graph, triples in GRAPHS.items():
            store.bulk_load(triples.encode(), ox.RdfFormat.N_TRIPLES, graph=graph)
    return folder


@pytest.fixture(scope="module", params=["wickgraph", "wickgraph-read-only", "oxigraph"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "oxigraph":
        endpoint = start_oxigraph(workdir)
        with httpx.Client(trust_env=False, timeout=30) as client:
            for graph, triples in GRAPHS.items():
                put = client.put(endpoint.graph_store_url, params={"graph": graph}, content=triples,
                                 headers={"Content-Type": "application/n-triples"})
                assert put.status_code in (201, 204)
        tested = Server("oxigraph", endpoint, endpoint.query_url.replace("/query", "/update"), True, {})
    else:
        store = _store_with_data(workdir / "store")
        writable = request.param == "wickgraph"
        extra = ("--allow-update", "--token", TOKEN) if writable else ()
        endpoint = start_wickgraph(workdir, store, *extra)
        tested = Server(request.param, endpoint, endpoint.query_url, writable,
                        {"Authorization": f"Bearer {TOKEN}"} if writable else {})
    try:
        yield tested
    finally:
        endpoint.server.stop()


def bindings(response: httpx.Response, variable: str = "name") -> list[str]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == "application/sparql-results+json"
    return [row[variable]["value"] for row in response.json()["results"]["bindings"]]


# -- queries -------------------------------------------------------------------------------


def test_query_get(server: Server) -> None:
    with server.client() as client:
        response = client.get(server.query_url, params={"query": SELECT_GRAPH_NAMES},
                              headers={"Accept": "application/sparql-results+json"})
    assert bindings(response) == ["Alice", "Bob", "Carol"]


def test_query_post_form(server: Server) -> None:
    with server.client() as client:
        response = client.post(server.query_url, data={"query": SELECT_GRAPH_NAMES},
                               headers={"Accept": "application/sparql-results+json"})
    assert bindings(response) == ["Alice", "Bob", "Carol"]


def test_query_post_direct(server: Server) -> None:
    with server.client() as client:
        response = client.post(server.query_url, content=SELECT_GRAPH_NAMES.encode(),
                               headers={"Content-Type": "application/sparql-query",
                                        "Accept": "application/sparql-results+json"})
    assert bindings(response) == ["Alice", "Bob", "Carol"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_query_dataset_default_graph(server: Server, method: str) -> None:
    params = {"query": SELECT_NAMES, "default-graph-uri": f"{DATA}data1.rdf"}
    with server.client() as client:
        response = (client.get(server.query_url, params=params) if method == "get"
                    else client.post(server.query_url, data=params))
    assert bindings(response) == ["Alice"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_query_dataset_default_graphs(server: Server, method: str) -> None:
    params = {"query": SELECT_NAMES, "default-graph-uri": [f"{DATA}data1.rdf", f"{DATA}data2.rdf"]}
    with server.client() as client:
        response = (client.get(server.query_url, params=params) if method == "get"
                    else client.post(server.query_url, data=params))
    assert bindings(response) == ["Alice", "Bob"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_query_dataset_named_graphs(server: Server, method: str) -> None:
    params = {"query": SELECT_GRAPH_NAMES, "named-graph-uri": [f"{DATA}data2.rdf", f"{DATA}data3.rdf"]}
    with server.client() as client:
        response = (client.get(server.query_url, params=params) if method == "get"
                    else client.post(server.query_url, data=params))
    assert bindings(response) == ["Bob", "Carol"]
    assert bindings(response, "g") == [f"{DATA}data2.rdf", f"{DATA}data3.rdf"]


def test_query_dataset_full(server: Server) -> None:
    query = (f"SELECT ?g ?name WHERE {{ {{ ?s <{FOAF}name> ?name }} UNION "
             f"{{ GRAPH ?g {{ ?s <{FOAF}name> ?name }} }} }} ORDER BY ?name")
    params = {"query": query, "default-graph-uri": f"{DATA}data3.rdf",
              "named-graph-uri": [f"{DATA}data1.rdf", f"{DATA}data2.rdf"]}
    with server.client() as client:
        response = client.get(server.query_url, params=params)
    assert bindings(response) == ["Alice", "Bob", "Carol"]
    rows = response.json()["results"]["bindings"]
    assert "g" not in rows[2] and rows[0]["g"]["value"] == f"{DATA}data1.rdf"


def test_query_multiple_dataset(server: Server) -> None:
    """The protocol's dataset overrides the query's FROM (SPARQL 1.1 Protocol §2.1.4)."""
    query = f"SELECT ?name FROM <{DATA}data1.rdf> WHERE {{ ?s <{FOAF}name> ?name }}"
    with server.client() as client:
        response = client.get(server.query_url, params={"query": query, "default-graph-uri": f"{DATA}data2.rdf"})
    assert bindings(response) == ["Bob"]


@pytest.mark.parametrize(("query", "accept", "media", "rdf_format"), [
    (SELECT_GRAPH_NAMES, "application/sparql-results+xml", "application/sparql-results+xml",
     ox.QueryResultsFormat.XML),
    (SELECT_GRAPH_NAMES, "application/sparql-results+json", "application/sparql-results+json",
     ox.QueryResultsFormat.JSON),
    (SELECT_GRAPH_NAMES, "text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    (SELECT_GRAPH_NAMES, "text/csv", "text/csv", ox.QueryResultsFormat.CSV),
    ("ASK { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+xml", "application/sparql-results+xml",
     ox.QueryResultsFormat.XML),
    ("ASK { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+json", "application/sparql-results+json",
     ox.QueryResultsFormat.JSON),
])
def test_query_content_type_select_and_ask(server: Server, query: str, accept: str, media: str,
                                           rdf_format: ox.QueryResultsFormat) -> None:
    with server.client() as client:
        response = client.get(server.query_url, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    if rdf_format == ox.QueryResultsFormat.CSV:  # lossy, so pyoxigraph does not read it back
        assert response.text.splitlines() == ["g,name", f"{DATA}data1.rdf,Alice", f"{DATA}data2.rdf,Bob",
                                              f"{DATA}data3.rdf,Carol"]
        return
    result = ox.parse_query_results(response.content, format=rdf_format)
    if isinstance(result, ox.QueryBoolean):
        assert bool(result)
    else:
        assert [row["name"].value for row in result] == ["Alice", "Bob", "Carol"]


@pytest.mark.parametrize(("accept", "rdf_format"), [
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
])
def test_query_content_type_describe(server: Server, accept: str, rdf_format: ox.RdfFormat) -> None:
    query = f"DESCRIBE <http://example.org/alice> FROM <{DATA}data1.rdf>"
    with server.client() as client:
        response = client.get(server.query_url, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == rdf_format.media_type
    triples = list(ox.parse(response.content, format=rdf_format))
    assert [(t.subject.value, t.object.value) for t in triples] == [("http://example.org/alice", "Alice")]


@pytest.mark.parametrize(("accept", "rdf_format"), [
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
])
def test_query_content_type_construct(server: Server, accept: str, rdf_format: ox.RdfFormat) -> None:
    """Relative IRIs in the template resolve against the request's base (the W3C test uses <s> <p> 1)."""
    with server.client() as client:
        response = client.get(server.query_url, params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                              headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == rdf_format.media_type
    base = server.query_url.rsplit("/", 1)[0]
    assert [str(t) for t in ox.parse(response.content, format=rdf_format)] == [
        f'<{base}/s> <{base}/p> "1"^^<{XSD_INTEGER}>']


# -- bad queries ---------------------------------------------------------------------------


def test_bad_query_method(server: Server) -> None:
    with server.client() as client:
        response = client.put(server.query_url, params={"query": "ASK {}"})
    assert 400 <= response.status_code < 500


def test_bad_multiple_queries(server: Server) -> None:
    with server.client() as client:
        response = client.get(server.query_url, params={"query": ["ASK {}", "SELECT * {}"]})
    assert response.status_code == 400


@pytest.mark.parametrize(("content", "headers"), [
    ("query=ASK%20%7B%7D", {"Content-Type": "text/plain"}),  # bad_query_wrong_media_type
    ("query=ASK%20%7B%7D", {}),  # bad_query_missing_form_type
    ("ASK {}", {}),  # bad_query_missing_direct_type
])
def test_bad_query_media_types(server: Server, content: str, headers: dict[str, str]) -> None:
    with server.client() as client:
        response = client.post(server.query_url, content=content.encode(), headers=headers)
    assert 400 <= response.status_code < 500


def test_bad_query_non_utf8(server: Server) -> None:
    body = 'ASK { ?s ?p "caf\u00e9" }'.encode("iso-8859-1")
    with server.client() as client:
        response = client.post(server.query_url, content=body,
                               headers={"Content-Type": "application/sparql-query; charset=ISO-8859-1"})
    assert response.status_code == 400


def test_bad_query_syntax(server: Server) -> None:
    with server.client() as client:
        response = client.get(server.query_url, params={"query": "ASK {"})
    assert response.status_code == 400


def test_undeclared_prefixes_are_refused(server: Server) -> None:
    with server.client() as client:
        response = client.get(server.query_url, params={"query": "SELECT * WHERE { ?s foaf:name ?o }"})
    assert response.status_code == 400


# -- updates (a read-only wickgraph serve refuses them all with 403) -----------------------


def post_update(server: Server, update: str, *, form: bool = True, **params: str | list[str]) -> httpx.Response:
    with server.client() as client:
        if form:
            return client.post(server.update_url, data={"update": update, **params})
        return client.post(server.update_url, params=params, content=update.encode(),
                           headers={"Content-Type": "application/sparql-update"})


def graph_names(server: Server, graph: str) -> list[str]:
    query = f"SELECT ?name WHERE {{ GRAPH <{graph}> {{ ?s <{FOAF}name> ?name }} }} ORDER BY ?name"
    with server.client() as client:
        return bindings(client.get(server.query_url, params={"query": query}))


def updated(server: Server, response: httpx.Response) -> bool:
    """True when the update was applied (200/204); a read-only wickgraph must have said 403."""
    if not server.updates:
        assert response.status_code == 403, response.text
        assert "read-only" in response.text
        return False
    assert response.status_code in (200, 204), response.text
    return True


@pytest.mark.parametrize("form", [True, False], ids=["update_post_form", "update_post_direct"])
def test_update_post(server: Server, form: bool) -> None:
    target = f"http://example.org/protocol/{server.name}/post-{form}"
    response = post_update(server, f'INSERT DATA {{ GRAPH <{target}> {{ <http://example.org/x> <{FOAF}name> "X" }} }}',
                           form=form)
    if updated(server, response):
        assert graph_names(server, target) == ["X"]


def test_update_base_uri(server: Server) -> None:
    target = f"http://example.org/protocol/{server.name}/base"
    response = post_update(server, f'INSERT DATA {{ GRAPH <{target}> {{ <relative> <{FOAF}name> "R" }} }}')
    if updated(server, response):
        with server.client() as client:
            query = f"SELECT ?s WHERE {{ GRAPH <{target}> {{ ?s ?p ?o }} }}"
            subject = bindings(client.get(server.query_url, params={"query": query}), "s")
        assert subject[0].startswith("http://127.0.0.1:") and subject[0].endswith("/relative")


def _copy_names(target: str) -> str:
    return (f"INSERT {{ GRAPH <{target}> {{ ?s <{FOAF}name> ?name }} }} "
            f"WHERE {{ ?s <{FOAF}name> ?name }}")


def test_update_dataset_default_graph(server: Server) -> None:
    target = f"http://example.org/protocol/{server.name}/default-graph"
    response = post_update(server, _copy_names(target), **{"using-graph-uri": f"{DATA}data1.rdf"})
    if updated(server, response):
        assert graph_names(server, target) == ["Alice"]


def test_update_dataset_default_graphs(server: Server) -> None:
    target = f"http://example.org/protocol/{server.name}/default-graphs"
    response = post_update(server, _copy_names(target), form=False,
                           **{"using-graph-uri": [f"{DATA}data1.rdf", f"{DATA}data2.rdf"]})
    if updated(server, response):
        assert graph_names(server, target) == ["Alice", "Bob"]


def test_update_dataset_named_graphs(server: Server) -> None:
    target = f"http://example.org/protocol/{server.name}/named-graphs"
    update = (f"INSERT {{ GRAPH <{target}> {{ ?s <{FOAF}name> ?name }} }} "
              f"WHERE {{ GRAPH ?g {{ ?s <{FOAF}name> ?name }} }}")
    response = post_update(server, update, **{"using-named-graph-uri": [f"{DATA}data2.rdf", f"{DATA}data3.rdf"]})
    if updated(server, response):
        assert graph_names(server, target) == ["Bob", "Carol"]


def test_update_dataset_full(server: Server) -> None:
    target = f"http://example.org/protocol/{server.name}/full"
    update = (f"INSERT {{ GRAPH <{target}> {{ ?s <{FOAF}name> ?name }} }} "
              f"WHERE {{ {{ ?s <{FOAF}name> ?name }} UNION {{ GRAPH ?g {{ ?s <{FOAF}name> ?name }} }} }}")
    response = post_update(server, update, **{"using-graph-uri": f"{DATA}data1.rdf",
                                              "using-named-graph-uri": f"{DATA}data3.rdf"})
    if updated(server, response):
        assert graph_names(server, target) == ["Alice", "Carol"]


def test_bad_update_dataset_conflict(server: Server) -> None:
    target = f"http://example.org/protocol/{server.name}/conflict"
    update = (f"INSERT {{ GRAPH <{target}> {{ ?s <{FOAF}name> ?name }} }} USING <{DATA}data1.rdf> "
              f"WHERE {{ ?s <{FOAF}name> ?name }}")
    response = post_update(server, update, **{"using-graph-uri": f"{DATA}data2.rdf"})
    assert response.status_code == (400 if server.updates else 403)


def test_bad_update_get(server: Server) -> None:
    with server.client() as client:
        response = client.get(server.update_url, params={"update": "CLEAR ALL"})
    if server.name == "oxigraph":
        # Oxigraph answers GET on /update with its service description; the update is not applied either
        assert response.headers["content-type"] == "application/n-quads"
    else:
        assert (response.status_code, response.text) == (400, "SPARQL Update must be sent with POST\n")
    assert graph_names(server, f"{DATA}data1.rdf") == ["Alice"]


def test_bad_multiple_updates(server: Server) -> None:
    with server.client() as client:
        response = client.post(server.update_url, data={"update": ["CLEAR SILENT GRAPH <http://example.org/none>"] * 2})
    assert response.status_code == (400 if server.updates else 403)


@pytest.mark.parametrize(("content", "headers"), [
    ("update=CLEAR%20SILENT%20GRAPH%20%3Chttp%3A%2F%2Fexample.org%2Fnone%3E", {"Content-Type": "text/plain"}),
    ("update=CLEAR%20SILENT%20GRAPH%20%3Chttp%3A%2F%2Fexample.org%2Fnone%3E", {}),
])
def test_bad_update_media_types(server: Server, content: str, headers: dict[str, str]) -> None:
    with server.client() as client:
        response = client.post(server.update_url, content=content.encode(), headers=headers)
    assert 400 <= response.status_code < 500


def test_bad_update_non_utf8(server: Server) -> None:
    body = 'INSERT DATA { <http://example.org/s> <http://example.org/p> "caf\u00e9" }'.encode("iso-8859-1")
    with server.client() as client:
        response = client.post(server.update_url, content=body,
                               headers={"Content-Type": "application/sparql-update; charset=ISO-8859-1"})
    assert response.status_code == 400


def test_bad_update_syntax(server: Server) -> None:
    response = post_update(server, "INSERT DATA {")
    assert response.status_code == (400 if server.updates else 403)
