"""Remote endpoints for real: queries and pushes against Oxigraph, wickgraph serve and Virtuoso on loopback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from tests.servers import (  # noqa: F401 - fixtures
    Endpoint,
    free_port,
    oxigraph_endpoint,
    oxigraph_loaded,
    start_oxigraph,
    start_wickgraph,
    virtuoso_endpoint,
    virtuoso_loaded,
)
from wickgraph.cli import cli
from wickgraph.errors import RemoteError
from wickgraph.queries import discover
from wickgraph.remote import PushReport, default_graph_store, push, query_endpoint
from wickgraph.store import Store

pytestmark = pytest.mark.server

COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def quads_without_blank_labels(result: object) -> list[str]:
    """Every row as text with blank-node labels erased (a PUT gives blank nodes new labels)."""
    assert isinstance(result, ox.QuerySolutions)
    return sorted(" ".join("_:" if isinstance(row[v], ox.BlankNode) else str(row[v]) for v in ("g", "s", "p", "o"))
                  for row in result)


def counts(result: object) -> dict[str, int]:
    assert isinstance(result, ox.QuerySolutions)
    return {row["g"].value: int(row["n"].value) for row in result}


# -- queries -------------------------------------------------------------------------------


def test_select_ask_construct_give_pyoxigraph_objects(oxigraph_loaded: Endpoint, shared_store: Store) -> None:
    url = oxigraph_loaded.query_url
    assert counts(query_endpoint(url, COUNT)) == shared_store.graph_counts()
    ask = query_endpoint(url, "ASK { GRAPH ?g { ?s a <https://w3id.org/wickgraph/ontology#Performance> } }")
    assert isinstance(ask, ox.QueryBoolean) and bool(ask)
    construct = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/wickgraph/graph/ontology> { ?s ?p ?o } }")
    remote = query_endpoint(url, construct)
    assert isinstance(remote, ox.QueryTriples)
    local = shared_store.query(construct)
    assert isinstance(local, ox.QueryTriples)
    assert {str(t) for t in remote if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)} \
        == {str(t) for t in local if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}


def test_cli_query_endpoint_matches_the_local_store(oxigraph_loaded: Endpoint, shared_store_dir: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(cli, ["query", "cast", "--param", "work=john-wick-2014", "--format", "csv",
                                "--store", str(shared_store_dir)])
    remote = runner.invoke(cli, ["query", "cast", "--param", "work=john-wick-2014", "--format", "csv",
                                 "--endpoint", oxigraph_loaded.query_url])
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output and remote.output.count("\n") > 10


def test_http_errors_name_the_status_and_the_endpoints_message(oxigraph_endpoint: Endpoint) -> None:
    with pytest.raises(RemoteError) as caught:
        query_endpoint(oxigraph_endpoint.query_url, "SELECT * WHERE { ?s ?p }")
    message = str(caught.value)
    assert message.startswith(f"{oxigraph_endpoint.query_url}: HTTP 400 Bad Request: ")
    assert "\n" not in message
    base = oxigraph_endpoint.query_url.rsplit("/", 1)[0]
    with pytest.raises(RemoteError, match=r": HTTP 404 Not Found"):
        query_endpoint(base + "/no-such-endpoint", "ASK {}")


def test_unreachable_endpoint() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(RemoteError) as caught:
        query_endpoint(url, "ASK {}")
    assert str(caught.value) == f"{url}: cannot reach the endpoint (Connection refused)"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback socket that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def test_timeout_is_reported(silent_server: str) -> None:
    with pytest.raises(RemoteError) as caught:
        query_endpoint(silent_server, "ASK {}", timeout=1)
    assert str(caught.value) == f"{silent_server}: no answer within 1 s (timed out)"
    with pytest.raises(RemoteError, match=r"no answer within 1 s \(timed out\)"):
        push(Store(), silent_server, graphs=["http://example.org/g"], timeout=1)


def test_not_a_url() -> None:
    with pytest.raises(RemoteError, match="is not an http\\(s\\) URL"):
        query_endpoint("ftp://example.org/sparql", "ASK {}")


# -- pushing -------------------------------------------------------------------------------


def test_default_graph_store_url() -> None:
    assert default_graph_store("http://127.0.0.1:7878/sparql") == "http://127.0.0.1:7878/store"
    assert default_graph_store("http://h/ds/query?x=1") == "http://h/ds/store"
    assert default_graph_store("http://h/ds") == "http://h/ds/store"


def test_push_twice_changes_nothing(tmp_path: Path, shared_store: Store) -> None:
    endpoint = start_oxigraph(tmp_path)
    try:
        seen: list[tuple[str, int, int]] = []
        report = push(shared_store, endpoint.query_url, progress=lambda *args: seen.append(args))
        assert isinstance(report, PushReport) and report.graph_store == endpoint.graph_store_url
        assert report.graphs == shared_store.graph_counts()
        assert seen[-1] == ("push", len(report.graphs), len(report.graphs)) and len(seen) == len(report.graphs)
        first = counts(query_endpoint(endpoint.query_url, COUNT))
        dump = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
        before = quads_without_blank_labels(query_endpoint(endpoint.query_url, dump))
        push(shared_store, endpoint.query_url)
        assert counts(query_endpoint(endpoint.query_url, COUNT)) == first == shared_store.graph_counts()
        assert quads_without_blank_labels(query_endpoint(endpoint.query_url, dump)) == before
    finally:
        endpoint.server.stop()


def test_push_cli_to_wickgraph_serve_needs_the_token(tmp_path: Path) -> None:
    target = tmp_path / "target"
    with Store(target):
        pass
    source = tmp_path / "source"
    with Store(source) as store:
        store.extend([ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                              ox.Literal("o"), ox.NamedNode("http://example.org/g"))])
    endpoint = start_wickgraph(tmp_path, target, "--allow-update", "--token", "t0ken")
    try:
        runner = CliRunner()
        refused = runner.invoke(cli, ["push", "--endpoint", endpoint.query_url, "--store", str(source)])
        assert refused.exit_code == 2
        assert refused.output.startswith(
            f"Error: {endpoint.graph_store_url}: PUT of graph <http://example.org/g> failed: HTTP 401 Unauthorized: "
            "writes need the server's token")
        done = runner.invoke(cli, ["push", "--endpoint", endpoint.query_url, "--token", "t0ken", "--store", str(source)])
        assert done.exit_code == 0, done.output
        assert done.output.startswith(f"pushed 1 triples in 1 graphs to {endpoint.graph_store_url} in ")
        assert counts(query_endpoint(endpoint.query_url, COUNT)) == {"http://example.org/g": 1}
    finally:
        endpoint.server.stop()


def test_push_to_virtuoso_with_digest_auth(virtuoso_loaded: Endpoint, shared_store: Store) -> None:
    remote = counts(query_endpoint(virtuoso_loaded.query_url, COUNT))
    assert {g: n for g, n in remote.items() if g in shared_store.graph_counts()} == shared_store.graph_counts()
    again = push(shared_store, virtuoso_loaded.query_url, graph_store_url=virtuoso_loaded.graph_store_url,
                 auth=virtuoso_loaded.auth)
    assert again.graphs == shared_store.graph_counts()
    assert counts(query_endpoint(virtuoso_loaded.query_url, COUNT)) == remote


def test_push_to_virtuoso_without_credentials_is_refused(virtuoso_endpoint: Endpoint) -> None:
    with pytest.raises(RemoteError, match=r"HTTP 401 Unauthorized"):
        push(Store(), virtuoso_endpoint.query_url, graph_store_url=virtuoso_endpoint.graph_store_url,
             graphs=["http://example.org/nothing"])


# -- the federated named query: parsed only, never run (no internet in tests) ---------------


def test_wikidata_query_parses_and_is_federated() -> None:
    from rdflib.plugins.sparql import prepareQuery

    query = discover()["wikidata-people"]
    assert query.title and query.description
    assert "SERVICE <https://query.wikidata.org/sparql>" in query.sparql
    prepareQuery(query.sparql)  # rdflib's parser: no evaluation at all
    # pyoxigraph parses it too; the SERVICE points at a closed loopback port and nothing is iterated
    local_only = query.sparql.replace("https://query.wikidata.org/sparql", "http://127.0.0.1:9/sparql")
    assert isinstance(ox.Store().query(local_only), ox.QuerySolutions)
