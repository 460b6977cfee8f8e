"""Resource pages and search, driven in-process on the store built from data/ (seed review included)."""

from __future__ import annotations

import html as html_module
import http.client
import re
import shlex
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib

from tests.servers import Endpoint, missing, wickgraph_endpoint  # noqa: F401 - fixture
from wickgraph.server.app import create_app
from wickgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/wickgraph/id/"
SEED = "r-fd4f55627fe0"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from wickgraph.build import build

    store_dir = tmp_path_factory.mktemp("pages") / "store"
    build(ROOT / "data", store_dir)
    with TestClient(create_app(store=Store(store_dir, read_only=True))) as test_client:
        yield test_client


def html(client: TestClient, path: str) -> str:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def text_of(page: str) -> str:
    """The page's visible text, tags dropped and spaces collapsed."""
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_character_page_lists_both_actors_of_winston(client: TestClient) -> None:
    page = html(client, "/id/character/winston-scott")
    assert '<a href="/id/person/ian-mcshane">Ian McShane</a>' in page
    assert '<a href="/id/person/colin-woodell">Colin Woodell</a>' in page
    assert "young version of the films' Winston" in text_of(page)


def test_work_page_shows_conflicts_as_errors_with_explanations(client: TestClient) -> None:
    page = html(client, "/id/work/ballerina-2025")
    conflicts = re.findall(r'<div class="conflict error" role="alert">(.*?)</div>', page, re.DOTALL)
    assert len(conflicts) == 2
    said = [text_of(block) for block in conflicts]
    assert any("Ana de Armas as Rooney" in s and "Reference: Ana de Armas as Eve Macarro" in s
               and "'Rooney' was the name used in pre-release reporting" in s for s in said)
    assert any("released in 2024" in s and "Reference: 2025" in s and "It is a 2025 film" in s for s in said)
    # facts are marked as the reference's; the cast links to people and characters
    assert '<a href="/id/person/ana-de-armas">Ana de Armas</a>' in page
    assert '<a href="/id/character/eve-macarro">Eve Macarro</a>' in page
    assert "Len Wiseman" in page and "previous in release order" in text_of(page)
    assert "Average rating: 70%" in text_of(page)
    first = html(client, "/id/work/john-wick-2014")
    assert '<a href="https://www.imdb.com/title/tt2911666/" rel="external">IMDb</a>' in first


def test_person_page_lists_roles_and_the_claims_about_them(client: TestClient) -> None:
    page = text_of(html(client, "/id/person/ana-de-armas"))
    assert "Ballerina" in page and "Eve Macarro" in page
    # the seed review's false claim is shown as a contradicted claim, never as a role
    assert "Ana de Armas as Rooney" in page and "contradicted" in page


def test_review_and_claim_pages(client: TestClient) -> None:
    review = text_of(html(client, f"/id/review/{SEED}"))
    assert "Headphones Thoughts" in review and "starring Ana de Armas in the lead role of Rooney" in review
    claim = text_of(html(client, f"/id/claim/{SEED}/4"))
    assert "se, directed by Len Wiseman and starring Ana de Armas in the lead role of Rooney" in claim
    assert "the reference has Ana de Armas as Eve Macarro" in claim


def test_turtle_description_parses_in_rapper(client: TestClient, tmp_path: Path) -> None:
    if shutil.which("rapper") is None:
        missing("rapper is not installed (apt-get install raptor2-utils)")
    for path in ("/id/work/ballerina-2025", f"/id/claim/{SEED}/4", "/id/character/winston-scott"):
        turtle = tmp_path / "description.ttl"
        turtle.write_text(client.get(path, headers={"Accept": "text/turtle"}).text)
        checked = subprocess.run(["rapper", "-i", "turtle", "-c", str(turtle)], capture_output=True, text=True,
                                 check=False)
        assert checked.returncode == 0, checked.stderr
        assert re.search(r"Parsing returned [1-9]\d* triples", checked.stderr), checked.stderr


def test_turtle_description_parses_and_keeps_every_graph(client: TestClient) -> None:
    response = client.get("/id/work/ballerina-2025", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    work = rdflib.URIRef(ID + "work/ballerina-2025")
    year = rdflib.URIRef("https://w3id.org/wickgraph/ontology#releaseYear")
    assert {int(y) for y in graph.objects(work, year)} == {2024, 2025}  # reference and seed review

    quads = client.get("/id/work/ballerina-2025", headers={"Accept": "application/n-quads"})
    dataset = rdflib.Dataset()
    dataset.parse(data=quads.text, format="nquads")
    graphs = {str(context.identifier) for context in dataset.graphs() if len(context)}
    assert {"https://w3id.org/wickgraph/graph/reference",
            f"https://w3id.org/wickgraph/graph/review/{SEED}"} <= graphs

    claim = client.get(f"/id/claim/{SEED}/4", params={"format": "ntriples"})
    assert claim.headers["content-type"].startswith("application/n-triples")
    assert f'<{ID}claim/{SEED}/4/evidence> <http://www.w3.org/ns/oa#exact> "starring Ana de Armas' in claim.text
    jsonld = client.get("/id/person/ian-mcshane", headers={"Accept": "application/ld+json"})
    assert jsonld.status_code == 200 and "Ian McShane" in jsonld.text


def test_unknown_resource_is_404_with_a_search_link(client: TestClient) -> None:
    response = client.get("/id/person/no-such-person", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert '<a id="search-link" href="/search?q=no%20such%20person">' in response.text
    plain = client.get("/id/person/no-such-person", headers={"Accept": "text/turtle"})
    assert plain.status_code == 404
    assert plain.text == (f"nothing is known about <{ID}person/no-such-person>; "
                          "search for it: /search?q=no%20such%20person\n")


TRICKS = ["/id/work/..%2F..%2Fetc%2Fpasswd", "/id/work/ballerina-2025%2F..", "/id/work/./ballerina-2025",
          "/id/work/../work/ballerina-2025", "/id/work/x%5Cy", "/id/work/%2e%2e/work/ballerina-2025",
          "/id/claim/r-fd4f55627fe0//4"]


@pytest.mark.server
def test_path_tricks_are_404_on_the_real_server(wickgraph_endpoint: Endpoint) -> None:
    # http.client sends the path exactly as written (httpx would remove the dot segments first)
    base = httpx.URL(wickgraph_endpoint.query_url)
    connection = http.client.HTTPConnection(base.host, base.port, timeout=10)
    try:
        statuses = {}
        for path in ["/id/work/ballerina-2025", *TRICKS]:
            connection.request("GET", path, headers={"Accept": "text/html"})
            response = connection.getresponse()
            response.read()
            statuses[path] = response.status
    finally:
        connection.close()
    assert statuses == {"/id/work/ballerina-2025": 200, **dict.fromkeys(TRICKS, 404)}


def test_not_acceptable_says_what_is_offered(client: TestClient) -> None:
    response = client.get("/id/work/ballerina-2025", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.text.startswith("/id/work/ballerina-2025 is offered as: text/html, text/turtle,")


def test_search_completion_prefix_case_and_alias(client: TestClient) -> None:
    hits = client.get("/search.json", params={"q": "WINST"}).json()
    assert hits[0] == {"iri": ID + "character/winston-scott", "url": "/id/character/winston-scott",
                       "label": "Winston", "kind": "character", "matched": "Winston"}
    by_alias = client.get("/search.json", params={"q": "baba yaga"}).json()
    assert by_alias[0]["url"] == "/id/character/john-wick"
    people = [hit["label"] for hit in client.get("/search.json", params={"q": "mcsh"}).json()]
    assert people == ["Ian McShane"]
    page = html(client, "/search?q=ballerina")
    assert '<a href="/id/work/ballerina-2025">' in page
    assert client.get("/search.json", params={"q": "   "}).json() == []


README = ROOT / "README.md"


def curl_examples() -> list[tuple[str, str]]:
    """Each README ```shell-session block's ``$ curl ...`` line and the body shown under it."""
    blocks = re.findall(r"```shell-session\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    return [(command[2:], output) for command, _, output in (block.partition("\n") for block in blocks)]


def test_readme_has_content_negotiation_examples() -> None:
    accepts = {command.split("Accept: ")[1].split("'")[0] for command, _ in curl_examples()}
    assert {"text/turtle", "application/n-quads"} <= accepts


@pytest.mark.parametrize(("command", "expected"), curl_examples(), ids=[c for c, _ in curl_examples()])
def test_readme_curl_example_is_current(command: str, expected: str, client: TestClient) -> None:
    words = shlex.split(command)
    assert words[:2] == ["curl", "-s"] and words[-1].startswith("http://127.0.0.1:7878/"), command
    headers = dict(words[i + 1].split(": ", 1) for i, word in enumerate(words) if word == "-H")
    assert client.get(words[-1].removeprefix("http://127.0.0.1:7878"), headers=headers).text == expected


def test_kept_pages_follow_the_store_when_it_changes(tmp_path: Path) -> None:
    from wickgraph.build import build

    store_dir = tmp_path / "store"
    build(ROOT / "data", store_dir)
    remover = (f"from wickgraph.store import Store, mark_changed\n"
               f"with Store({str(store_dir)!r}) as store:\n"
               f"    store.remove_graph('https://w3id.org/wickgraph/graph/review/{SEED}')\n"
               f"mark_changed({str(store_dir)!r})\n")
    with TestClient(create_app(store_path=store_dir)) as server:
        before = text_of(html(server, "/id/work/ballerina-2025"))
        assert "1 review · 2 claims contradicting the reference" in before
        assert before == text_of(html(server, "/id/work/ballerina-2025"))  # served again from the kept page
        subprocess.run([sys.executable, "-c", remover], check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
        after = text_of(html(server, "/id/work/ballerina-2025"))
        assert "0 reviews · 0 claims contradicting the reference" in after
        assert "No review of this work yet." in after


def test_claims_and_known_errors_never_read_as_facts(client: TestClient) -> None:
    false_claim = html(client, "/id/false-claim/ballerina-lead-named-rooney")
    assert "<h1>A known false claim: “The lead character of Ballerina is named" in html_module.unescape(false_claim)
    assert "The truth: In the released film Ana de Armas plays Eve Macarro." in text_of(false_claim)
    # a character only a review names
    rooney = text_of(html(client, "/id/character/rooney"))
    assert "Not in the reference: this name is known only from what reviews claim." in rooney
    assert "no portrayal in the reference" in rooney and "Ana de Armas as Rooney" in rooney
    # the performance the seed review asserts exists only in its graph
    performance = text_of(html(client, "/id/performance/ballerina-2025--rooney--ana-de-armas"))
    assert f"Claimed by review {SEED} What this review says, in the reference's terms: a claim, not a fact." in performance
    assert "Facts reference" not in performance
    # aliases under the title
    assert "Also known as Baba Yaga" in text_of(html(client, "/id/character/john-wick"))


def test_named_query_text_bound_for_the_explorer_form(client: TestClient) -> None:
    bound = client.get("/queries/cast/sparql", params={"work": "john-wick-2014"})
    assert bound.status_code == 200 and bound.headers["content-type"].startswith("application/sparql-query")
    assert "VALUES ?work { <https://w3id.org/wickgraph/id/work/john-wick-2014> }" in bound.text
    assert bound.text.startswith("# title: Cast of a work\n")
    unknown = client.get("/queries/casts/sparql")
    assert (unknown.status_code, unknown.text) == (404, "no named query 'casts'; see /queries\n")
    wrong = client.get("/queries/cast/sparql", params={"film": "x"})
    assert wrong.status_code == 400 and wrong.text.startswith("query 'cast' has no parameter 'film'")


def test_completion_by_kind_and_page_timing(client: TestClient) -> None:
    people = client.get("/search.json", params={"q": "john", "kind": "person"}).json()
    assert people and {hit["kind"] for hit in people} == {"person"}
    works = client.get("/search.json", params={"q": "john", "kind": "work"}).json()
    assert works and {hit["kind"] for hit in works} == {"work"}
    page = client.get("/id/work/ballerina-2025", headers={"Accept": "text/html"})
    assert re.fullmatch(r"page;dur=\d+\.\d", page.headers["server-timing"])
    assert "Accept" in page.headers["vary"].split(", ")
    head = client.head("/id/work/ballerina-2025", headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/turtle")


def test_prefixes_for_the_explorer_longest_namespace_first(client: TestClient) -> None:
    from wickgraph.namespaces import PREFIXES

    served = client.get("/prefixes.json").json()
    assert served == PREFIXES
    namespaces = list(served.values())
    assert namespaces.index(PREFIXES["person"]) < namespaces.index(PREFIXES["id"])
