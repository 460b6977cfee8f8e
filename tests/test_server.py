"""The SPARQL endpoint, Graph Store and named-query views, in-process (no socket)."""

from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.servers import ROOT, TINY_TRIG
from wickgraph.queries import discover
from wickgraph.server.app import create_app
from wickgraph.server.engine import count_rows
from wickgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx is what the project has
    from starlette.testclient import TestClient

REFERENCE = "https://w3id.org/wickgraph/graph/reference"
REVIEW = "https://w3id.org/wickgraph/graph/review/r-000000000001"
PEOPLE = """PREFIX wg: <https://w3id.org/wickgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { GRAPH ?g { ?p a wg:Person ; rdfs:label ?name } } ORDER BY ?name"""


def tiny_store() -> Store:
    store = Store()
    store.bulk_load(TINY_TRIG.encode(), ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(store=tiny_store())) as test_client:
        yield test_client


@pytest.fixture
def shared_client(shared_store_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path=shared_store_dir)) as test_client:
        yield test_client


def names(response: object) -> list[str]:
    data = response.json()  # type: ignore[attr-defined]
    return [row["name"]["value"] for row in data["results"]["bindings"]]


# -- the protocol's three ways to send a query ---------------------------------------------


def test_get_post_form_and_post_body_give_the_same_answer(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": PEOPLE})
    by_form = client.post("/sparql", data={"query": PEOPLE})
    by_body = client.post("/sparql", content=PEOPLE, headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/sparql-results+json; charset=utf-8"
        assert names(response) == ["Ana de Armas", "Keanu Reeves"]


def test_dataset_parameters_of_the_protocol(client: TestClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/wickgraph/ontology#releaseYear> ?year }"
    response = client.get("/sparql", params={"query": query, "default-graph-uri": REVIEW})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "1"
    response = client.post("/sparql", data={"query": query, "default-graph-uri": [REFERENCE, REVIEW]})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "3"


# -- content negotiation -------------------------------------------------------------------


@pytest.mark.parametrize(("accept", "media", "start"), [
    ("application/sparql-results+json", "application/sparql-results+json", b'{"head"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
    ("text/csv", "text/csv", b"name\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?name\n"),
    ("application/json", "application/sparql-results+json", b'{"head"'),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json", b'{"head"'),
    ("", "application/sparql-results+json", b'{"head"'),
])
def test_select_results_are_negotiated(client: TestClient, accept: str, media: str, start: bytes) -> None:
    response = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert response.content.startswith(start)


@pytest.mark.parametrize(("accept", "rdf_format"), [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("*/*", ox.RdfFormat.TURTLE),
])
def test_construct_results_are_negotiated_and_parse(client: TestClient, accept: str, rdf_format: ox.RdfFormat) -> None:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{REFERENCE}> {{ ?s ?p ?o }} }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == rdf_format.media_type
    assert len(list(ox.parse(response.content, format=rdf_format))) == 26


def test_format_parameter_overrides_accept(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": PEOPLE, "format": "csv"}, headers={"Accept": "text/turtle"})
    assert response.text == "name\r\nAna de Armas\r\nKeanu Reeves\r\n"


def test_unknown_accept_is_406_listing_what_is_offered(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.text == (
        "none of the accepted media types (image/png) can carry this result; this result is offered as: "
        "application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values\n"
    )


def test_ask(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "PREFIX wg: <https://w3id.org/wickgraph/ontology#>\n"
                                                      "ASK { GRAPH ?g { ?s wg:releaseYear 2024 } }"})
    assert response.json() == {"head": {}, "boolean": True}


# -- service description, CORS, gzip -------------------------------------------------------


def test_get_without_query_is_a_turtle_service_description(client: TestClient) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    graph = ox.Store()
    graph.load(response.content, format=ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert graph.query(f"ASK {{ <http://testserver/sparql> a <{sd}Service> ; <{sd}supportedLanguage> <{sd}SPARQL11Query> }}")
    assert not graph.query(f"ASK {{ ?s <{sd}supportedLanguage> <{sd}SPARQL11Update> }}")


def test_cors_simple_and_preflight(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": PEOPLE}, headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options("/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type",
    })
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_large_answers_are_gzipped_when_asked(client: TestClient) -> None:
    query = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["results"]["bindings"]  # httpx decompressed it
    plain = client.get("/sparql", params={"query": query}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    small = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_gzip_body_really_is_gzip(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"},
                          headers={"Accept-Encoding": "gzip"})
    raw = b"".join(response.iter_raw()) if not response.is_stream_consumed else None
    assert raw is None or gzip.decompress(raw)


# -- errors: clear, with positions, never a traceback --------------------------------------


def test_malformed_query_is_400_with_line_and_column(client: TestClient) -> None:
    response = client.post("/sparql", data={"query": "SELECT *\nWHERE { ?s ?p ?o } LIMT 3"})
    assert response.status_code == 400
    assert response.text.startswith("SPARQL syntax error at line 2, column ")
    assert response.text.endswith(": expected one of HAVING, OFFSET, OPTIONAL, VALUES\n")


@pytest.mark.parametrize(("method", "kwargs", "status", "message"), [
    ("post", {"data": {"query": "x" * (1 << 20)}}, 413, "request body too large"),
    ("post", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415, "send the query as"),
    ("post", {"data": {"foo": "bar"}}, 400, "no query= in the request"),
    ("get", {"params": {"query": ["ASK {}", "ASK {}"]}}, 400, "send exactly one query= parameter"),
    ("get", {"params": {"update": "CLEAR ALL"}}, 400, "SPARQL Update must be sent with POST"),
    ("get", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400, ""),
])
def test_bad_requests(client: TestClient, method: str, kwargs: dict[str, object], status: int, message: str) -> None:
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == status
    assert response.text.startswith(message)
    assert "Traceback" not in response.text


def test_evaluation_failure_is_500_without_traceback() -> None:
    endpoint = "http://127.0.0.1:9/sparql"  # allowed, and nothing answers there
    with TestClient(create_app(store=tiny_store(), allow_service=[endpoint])) as allowed:
        query = f"SELECT * WHERE {{ BIND(1 AS ?x) SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"
        response = allowed.get("/sparql", params={"query": query})
    assert response.status_code == 500
    assert response.text.startswith("query evaluation failed: ")
    assert "Traceback" not in response.text and "File \"" not in response.text


def test_undeclared_prefixes_are_a_syntax_error(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s wg:releaseYear ?year }"})
    assert response.status_code == 400
    assert response.text == ("SPARQL syntax error at line 2, column 20: the prefix wg: is not declared; declare it "
                             "with PREFIX wg: <...> (this endpoint adds no prefixes of its own)\n")


# -- SERVICE: off unless allow-listed ------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback socket that records what is sent to it (and answers nothing)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.1)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            connection.settimeout(0.5)
            try:
                received.append(connection.recv(4096))
            except OSError:
                received.append(b"")
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", received
    finally:
        stop.set()
        thread.join()
        server.close()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE {{ SERVICE <{url}/internal-admin> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}/internal-admin> {{ ?s ?p ?o }} }}",
    "select * where {{ BIND(<{url}/internal-admin> AS ?where) service ?where {{ ?s ?p ?o }} }}",
    "PREFIX e: <{url}/> SELECT * WHERE {{ SERVICE e:internal-admin {{ ?s ?p ?o }} }}",
])
def test_service_is_refused_by_default_and_nothing_is_fetched(
        client: TestClient, listener: tuple[str, list[bytes]], query: str) -> None:
    url, received = listener
    response = client.get("/sparql", params={"query": query.format(url=url)})
    assert response.status_code == 400
    assert response.text.startswith("SERVICE refused: this server does not call ")
    assert response.text.endswith("; federation is off (start it with --allow-service URL to allow an endpoint)\n")
    assert received == []


def test_only_allow_listed_service_endpoints_are_called(listener: tuple[str, list[bytes]]) -> None:
    url, received = listener
    with TestClient(create_app(store=tiny_store(), allow_service=[f"{url}/sparql"])) as allowed:
        refused = allowed.get("/sparql", params={"query": f"SELECT * {{ SERVICE <{url}/admin> {{ ?s ?p ?o }} }}"})
        assert refused.status_code == 400
        assert refused.text == f"SERVICE refused: this server does not call <{url}/admin>; it calls only: <{url}/sparql>\n"
        assert received == []
        called = allowed.get("/sparql", params={"query": f"SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"})
        assert called.status_code == 500  # the listener never answers a SPARQL result
        assert received and received[0].split(b"\r\n")[0].endswith(b" HTTP/1.1")
        description = allowed.get("/sparql").text
    assert "BasicFederatedQuery" in description
    assert f"SERVICE calls only these endpoints: <{url}/sparql>" in description


def test_service_description_says_federation_is_off(client: TestClient) -> None:
    graph = ox.Store()
    graph.load(client.get("/sparql").content, format=ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert not graph.query(f"ASK {{ ?s <{sd}feature> <{sd}BasicFederatedQuery> }}")
    assert graph.query('ASK { ?s <http://purl.org/dc/terms/description> '
                       '"SERVICE is off: queries that use it are refused (400)." }')


def test_allow_service_needs_an_http_url() -> None:
    from wickgraph.errors import UsageError

    with pytest.raises(UsageError, match="--allow-service 'file:///etc/passwd': not an http"):
        create_app(store=Store(), allow_service=["file:///etc/passwd"])


# -- protocol details ----------------------------------------------------------------------


def test_head_is_answered_like_get(client: TestClient) -> None:
    head = client.head("/sparql", params={"query": PEOPLE})
    get = client.get("/sparql", params={"query": PEOPLE})
    assert head.status_code == get.status_code == 200
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.content == b""
    assert client.head("/sparql").status_code == 200  # the service description


def test_relative_iris_resolve_against_the_endpoint(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                          headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.text == ('<http://testserver/s> <http://testserver/p> '
                             '"1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')


@pytest.mark.parametrize(("fmt", "accept", "media"), [
    ("json", "application/ld+json", "application/ld+json"),  # SPARQLWrapper asking a CONSTRUCT for JSON-LD
    ("json-ld", "", "application/ld+json"),
    ("nonsense", "application/n-triples", "application/n-triples"),
    ("turtle", "application/n-triples", "text/turtle"),
])
def test_format_that_cannot_carry_the_result_falls_back_to_accept(client: TestClient, fmt: str, accept: str,
                                                                   media: str) -> None:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{REFERENCE}> {{ ?s ?p ?o }} }}"
    response = client.get("/sparql", params={"query": query, "format": fmt}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


# -- limits --------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_row_limit_refuses_larger_results_in_every_format(accept: str) -> None:
    store = Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal(f'tricky ",{{"x":{{"type" \n {i}')) for i in range(10))
    with TestClient(create_app(store=store, max_rows=10)) as limited:
        query = "SELECT * WHERE { ?s ?p ?o }"
        assert limited.get("/sparql", params={"query": query}, headers={"Accept": accept}).status_code == 200
        store.extend([ox.Quad(ox.NamedNode("http://example.org/s10"), ox.NamedNode("http://example.org/p"),
                              ox.Literal("one more"))])
        response = limited.get("/sparql", params={"query": query}, headers={"Accept": accept})
        assert response.status_code == 500
        assert response.text == ("query refused: the result has more than 10 rows, this server's limit; "
                                 "add a LIMIT, or a filter, to the query\n")
        construct = limited.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert construct.status_code == 500 and "more than 10 rows" in construct.text


@pytest.mark.parametrize("fmt", [ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.TSV])
def test_row_counter_matches_real_rows_with_tricky_literals(fmt: ox.QueryResultsFormat) -> None:
    store = Store()
    values = ['},{"a":{"type":"literal"', "[{}]", ",{}", "<result>", "line\nbreak", '"quoted"', "tab\tbed"]
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal(value)) for i, value in enumerate(values))
    body = store.query("SELECT ?o ?s WHERE { ?s ?p ?o }").serialize(format=fmt)
    assert body is not None
    name = {ox.QueryResultsFormat.JSON: "json", ox.QueryResultsFormat.XML: "xml", ox.QueryResultsFormat.TSV: "tsv"}
    assert count_rows(body, name[fmt]) == len(values)


def test_queries_past_the_time_limit_are_503() -> None:
    store = Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal(str(i))) for i in range(200))
    with TestClient(create_app(store=store, timeout=0.3, max_rows=10**9)) as slow:
        # 200^3 rows streamed: the row sink sees the clock pass and stops the serialisation
        response = slow.get("/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.text.startswith("the query ran longer than 0.3 s, this server's time limit")


# -- read-only by default; writes with --allow-update and the token -------------------------


@pytest.mark.parametrize(("method", "path", "kwargs"), [
    ("post", "/sparql", {"data": {"update": "CLEAR ALL"}}),
    ("post", "/sparql", {"content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}),
    ("put", "/store?graph=http://example.org/g", {"content": "<a:s> <a:p> <a:o> .",
                                                 "headers": {"Content-Type": "application/n-triples"}}),
    ("delete", "/store?graph=" + REVIEW, {}),
])
def test_writes_are_refused_when_read_only(client: TestClient, method: str, path: str,
                                           kwargs: dict[str, object]) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert names(client.get("/sparql", params={"query": PEOPLE})) == ["Ana de Armas", "Keanu Reeves"]


def test_writes_with_allow_update_need_the_token(tmp_path: Path) -> None:
    store = tiny_store()
    app = create_app(store=store, allow_update=True, token="s3cret")
    with TestClient(app) as writer:
        update = {"update": "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> "
                            "<http://example.org/b> 1 } }"}
        assert writer.post("/sparql", data=update).status_code == 401
        assert writer.post("/sparql", data=update, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert writer.post("/sparql", data=update, headers={"Authorization": "s3cret"}).status_code == 401
        assert writer.post("/sparql", data=update, headers={"Authorization": "bearer s3cret"}).status_code == 204
        auth = {"Authorization": "Bearer s3cret"}
        assert writer.post("/sparql", data=update, headers=auth).status_code == 204
        body = "<http://example.org/x> <http://example.org/y> \"z\" ."
        put = {"content": body, "headers": {**auth, "Content-Type": "application/n-triples"}}
        assert writer.put("/store?graph=http://example.org/h", **put).status_code == 201
        assert writer.put("/store?graph=http://example.org/h", **put).status_code == 204
        got = writer.get("/store?graph=http://example.org/h", headers={"Accept": "application/n-triples"})
        assert got.text == body + "\n"
        bad = writer.put("/store?graph=http://example.org/h", content="<x> <y",
                         headers={**auth, "Content-Type": "text/turtle"})
        assert bad.status_code == 400 and bad.text.startswith("RDF syntax error at line 1")
        assert writer.get("/store?graph=http://example.org/h").status_code == 200  # untouched by the bad PUT
        assert writer.delete("/store?graph=http://example.org/h", headers=auth).status_code == 204
        assert writer.get("/store?graph=http://example.org/h").status_code == 404
        assert "SPARQL11Update" in writer.get("/sparql").text
    assert store.named_graphs() == ["http://example.org/g", REFERENCE, REVIEW]


def test_allow_update_without_a_token_is_a_usage_error() -> None:
    from wickgraph.errors import UsageError

    with pytest.raises(UsageError, match="--allow-update needs --token"):
        create_app(store=Store(), allow_update=True)


# -- named queries and the page ------------------------------------------------------------


def test_queries_lists_every_named_query(shared_client: TestClient) -> None:
    listed = shared_client.get("/queries").json()
    assert [q["name"] for q in listed] == list(discover())
    cast = next(q for q in listed if q["name"] == "cast")
    assert cast["url"] == "/queries/cast" and cast["params"][0]["name"] == "work"


def test_named_query_runs_with_parameters(shared_client: TestClient, shared_store: Store) -> None:
    query = discover()["cast"]
    expected = shared_store.query(query.bind({"work": "john-wick-2014"})).serialize(format=ox.QueryResultsFormat.JSON)
    response = shared_client.get("/queries/cast", params={"work": "john-wick-2014"})
    assert response.status_code == 200 and response.content == expected
    csv = shared_client.get("/queries/cast", params={"work": "john-wick-2014"}, headers={"Accept": "text/csv"})
    assert csv.text.startswith("actorName,characterName,notes,actor,character\r\n")


def test_named_query_errors(shared_client: TestClient) -> None:
    missing = shared_client.get("/queries/casts")
    assert missing.status_code == 404
    assert missing.text == "no named query 'casts'; did you mean cast, recasts, co-stars?\n"
    bad_param = shared_client.get("/queries/cast", params={"film": "x"})
    assert bad_param.status_code == 400
    assert bad_param.text.startswith("query 'cast' has no parameter 'film'")


@pytest.mark.parametrize(("path", "params", "message"), [
    ("/queries/cast", {"work": "<https://w3id.org/wickgraph/id/work/john-wick-2014> <https://w3id.org/wickgraph/id/work/ballerina-2025>"},
     ("parameter work='<https://w3id.org/wickgraph/id/work/john-wick-2014> <https://w3id.org/wickgraph/id/work/ballerina-2025>': "
     "not one absolute IRI (no spaces, <, >, quotes or braces)\n")),
    ("/queries/series-works", {"seriesId": "a b"},
     "parameter seriesId='a b': not an id (letters, digits, ., -, _, ~) or an IRI (default is \"john-wick-main-series\")\n"),
    ("/queries/cast", [("work", "john-wick-2014"), ("work", "ballerina-2025")],
     "parameter work is given 2 times; a parameter takes one value\n"),
])
def test_named_query_parameters_are_checked_like_the_cli(shared_client: TestClient, path: str, params: object,
                                                         message: str) -> None:
    response = shared_client.get(path, params=params)  # type: ignore[arg-type]
    assert (response.status_code, response.text) == (400, message)


def test_page_embeds_the_named_queries_and_vendored_files(shared_client: TestClient) -> None:
    page = shared_client.get("/")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    for needle in ("/static/yasgui-4.6.2.min.js", "/static/yasgui-4.6.2.min.css",
                   "/static/cytoscape-3.34.4.min.js", '"name": "cast"'):
        assert needle in page.text
    assert "https://" not in page.text.split("<script id=\"named-queries\"")[0].replace("https://w3id.org", "")
    for path in ("/static/yasgui-4.6.2.min.js", "/static/cytoscape-3.34.4.min.js", "/static/explorer.js"):
        assert shared_client.get(path).status_code == 200


# -- the store changes under a running server -----------------------------------------------


@pytest.mark.parametrize("in_memory", [True, False], ids=["snapshot", "on-disk"])
def test_a_graph_added_by_another_process_is_seen_without_restart(tmp_path: Path, in_memory: bool) -> None:
    store_dir = tmp_path / "store"
    with Store(store_dir) as store:
        store.bulk_load(TINY_TRIG.encode(), ox.RdfFormat.TRIG)
    writer = textwrap.dedent(f"""
        import pyoxigraph as ox
        from wickgraph.store import Store, mark_changed
        with Store({str(store_dir)!r}) as store:
            store.extend([ox.Quad(ox.NamedNode("http://example.org/new"), ox.NamedNode("http://example.org/p"),
                                  ox.Literal("added"), ox.NamedNode("http://example.org/added-graph"))])
        mark_changed({str(store_dir)!r})
    """)
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with TestClient(create_app(store_path=store_dir, in_memory=in_memory)) as server:
        assert server.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"] == "2"
        subprocess.run([sys.executable, "-c", writer], check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
        assert server.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"] == "3"


def test_json_row_counter_is_exact_at_every_chunk_boundary() -> None:
    store = Store()
    values = ['\\",{"a":{"type"', "[{}]", ",{}", 'back\\\\', '"', "x"]
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal(value)) for i, value in enumerate(values))
    body = store.query("SELECT ?o ?s WHERE { ?s ?p ?o }").serialize(format=ox.QueryResultsFormat.JSON)
    assert body is not None
    for size in (1, 2, 3, 5, 7, 11, 64):
        assert count_rows(body, "json", chunk_size=size) == len(values), size


# -- the serve command's own checks (nothing is started) ------------------------------------


def test_serve_refuses_updates_without_a_token_and_a_missing_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wickgraph.cli import cli

    runner = CliRunner()
    no_token = runner.invoke(cli, ["serve", "--allow-update", "--store", str(tmp_path)], env={"WICKGRAPH_TOKEN": ""})
    assert no_token.exit_code == 2
    assert no_token.output.splitlines()[-1] == (
        "Error: --allow-update needs --token T (or $WICKGRAPH_TOKEN): writes must carry that bearer token")
    missing = runner.invoke(cli, ["serve", "--store", str(tmp_path / "nothing"), "--port", "0"])
    assert missing.exit_code == 2
    assert missing.output.splitlines()[-1] == (
        f"Error: {tmp_path / 'nothing'}: no wickgraph store here; run `wickgraph build` first")


# -- runaway queries stop using the machine (wickgraph serve, worker processes) -------------

COUNT_FOREVER = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
                 "GRAPH ?i { ?x ?y ?z } }")
SORT_FOREVER = "SELECT ?a WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } } ORDER BY ?c ?f LIMIT 1"


def session_processes(leader: int) -> dict[int, int]:
    """Every process in the server's session (it started a new one), with its resident memory in bytes."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z" and int(fields[3]) == leader:  # field 6 of stat: the session id; not a zombie
                found[int(entry.name)] = int(fields[21]) * 4096  # field 24: rss in pages
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.server
def test_runaway_queries_are_stopped_and_normal_ones_answered_after_the_limit(
        tmp_path: Path, shared_store_dir: Path) -> None:
    import concurrent.futures
    import threading

    import httpx

    from tests.servers import start_wickgraph

    limit = 3.0
    endpoint = start_wickgraph(tmp_path, shared_store_dir, "--timeout", str(limit), "--query-workers", "3")
    try:
        assert endpoint.server.process is not None
        leader = endpoint.server.process.pid
        ask = {"query": "ASK { GRAPH ?g { ?s ?p ?o } }"}
        with httpx.Client(trust_env=False, timeout=30) as client:
            for _ in range(6):  # every worker started and warm
                assert client.get(endpoint.query_url, params=ask).json() == {"head": {}, "boolean": True}
        before = session_processes(leader)

        def get(query: str, source: str = "127.0.0.1") -> tuple[int, str, float]:
            started = time.monotonic()
            transport = httpx.HTTPTransport(local_address=source)  # another loopback address, another client
            with httpx.Client(trust_env=False, timeout=60, transport=transport) as one:
                answer = one.get(endpoint.query_url, params={"query": query})
            return answer.status_code, answer.text, time.monotonic() - started

        peaks = [0]
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.is_set():
                peaks.append(sum(session_processes(leader).values()))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample)
        sampler.start()
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            runaways = [pool.submit(get, SORT_FOREVER) for _ in range(2)]  # these two take the client's workers
            time.sleep(0.2)
            runaways += [pool.submit(get, COUNT_FOREVER if i % 2 else SORT_FOREVER) for i in range(14)]
            time.sleep(0.3)
            # the flooding client holds 2 of the 3 workers: another client is answered before any runaway
            # is stopped (on a loaded machine the two runaways leave little CPU, hence no tighter bound)
            for _ in range(3):
                status, text, seconds = get(ask["query"], source="127.0.0.2")
                assert (status, text) == (200, '{"head":{},"boolean":true}')
                assert not any(future.done() for future in runaways)
            concurrent.futures.wait(runaways)
        sampling.set()
        sampler.join()
        for future in runaways:
            status, text, seconds = future.result()
            assert status == 503
            assert text.startswith(f"the query ran longer than {limit:g} s, this server's time limit")
            # at the limit, not after every earlier runaway ran its course (16 runaways through 3 workers, one
            # after another, would take 16 s and more); the slack is for a shared, loaded 2-core machine, where
            # the test's own 16 client threads compete with the server (5.1 s was seen at load 4)
            assert seconds < limit + 3.0
        # then the same client's normal queries are answered at once: within a second of the limit
        for _ in range(4):
            status, text, seconds = get(ask["query"])
            assert (status, text) == (200, '{"head":{},"boolean":true}') and seconds < 1.0
        after = session_processes(leader)
        # the killed workers were replaced: as many processes as before, none still sorting
        assert len(after) == len(before)
        assert max(peaks) > sum(before.values()) + 100 * 2**20, "the runaway sorts should have grown the workers"
        assert sum(after.values()) < sum(before.values()) + 60 * 2**20
    finally:
        endpoint.server.stop()


def test_serve_on_a_busy_port_is_one_line_before_serving(shared_store_dir: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "wickgraph", "serve", "--store", str(shared_store_dir), "--port", str(port)],
            capture_output=True, text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=False,
        )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"Error: cannot listen on 127.0.0.1:{port}: address already in use; "
                             "is another server running there? pick another --port\n")


@pytest.mark.server
def test_serve_says_where_it_serves_once_the_port_is_bound(tmp_path: Path, shared_store_dir: Path) -> None:
    from tests.servers import start_wickgraph

    endpoint = start_wickgraph(tmp_path, shared_store_dir)
    try:
        port = endpoint.query_url.split(":")[2].split("/")[0]
        assert endpoint.server.tail() == (f"wickgraph serving on http://127.0.0.1:{port}/ "
                                          "(SPARQL at /sparql; Ctrl-C stops)")
    finally:
        endpoint.server.stop()


def test_views_read_the_store_through_the_workers(shared_store_dir: Path) -> None:
    import asyncio

    from starlette.requests import Request

    from wickgraph.server.views import select_json

    app = create_app(store_path=shared_store_dir)
    request = Request({"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": [],
                       "server": ("testserver", 80), "scheme": "http", "client": ("127.0.0.1", 1), "app": app})

    async def ask() -> dict[str, object]:
        try:
            return await select_json(app.state.wick, request, "ASK { GRAPH ?g { ?s ?p ?o } }")
        finally:
            app.state.wick.runner.close()

    holder = app.state.wick.holder  # a read-only server's own view (for its pages) is read-only, on disk
    assert not holder.writable and holder.in_memory is False
    assert asyncio.run(ask()) == {"head": {}, "boolean": True}


@pytest.mark.server
def test_large_answers_from_workers_arrive_whole_under_load(tmp_path: Path, shared_store_dir: Path) -> None:
    """Answers larger than a pipe's buffer, many at once, through uvicorn's event loop (uvloop)."""
    import concurrent.futures

    import httpx

    from tests.servers import start_wickgraph

    endpoint = start_wickgraph(tmp_path, shared_store_dir, "--max-rows", "1000000")
    everything = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
    expected = len(Store(shared_store_dir, read_only=True))
    try:
        def client(_: int) -> list[tuple[int, int]]:
            with httpx.Client(trust_env=False, timeout=60) as one:
                answers = [one.post(endpoint.query_url, data={"query": everything}) for _ in range(3)]
            return [(answer.status_code, len(answer.json()["results"]["bindings"]) if answer.status_code == 200
                     else 0) for answer in answers]

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            results = [row for rows in pool.map(client, range(6)) for row in rows]
    finally:
        endpoint.server.stop()
    assert results == [(200, expected)] * 18
