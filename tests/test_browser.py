"""The explorer page in headless Chromium: it loads, a named query shows rows, graphs draw nodes.

Uses Debian's chromium through playwright (``executable_path``; playwright's own browser
download is never needed). The page must make no request beyond the server it came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers import Endpoint, missing, wickgraph_endpoint  # noqa: F401 - fixture

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright import sync_api  # a test dependency: pip install -e '.[test]'

    if not CHROMIUM.exists():
        missing("Debian chromium is not installed (apt-get install chromium chromium-driver)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, wickgraph_endpoint: Endpoint) -> Iterator[tuple[Any, str, list[str], list[str]]]:
    base = wickgraph_endpoint.query_url.rsplit("/", 1)[0] + "/"
    context = browser.new_context(viewport={"width": 1300, "height": 1400})
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    requests: list[str] = []
    problems: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    try:
        yield tab, base, requests, problems
    finally:
        context.close()


def test_page_runs_a_named_query_and_draws_graphs(page: tuple[Any, str, list[str], list[str]],
                                                  tmp_path: Path) -> None:
    tab, base, requests, problems = page
    tab.goto(base)
    tab.wait_for_function("window.wickgraph && window.wickgraph.yasgui")
    tabs = [text.split("\n")[0] for text in tab.locator(".tabsList .tab").all_inner_texts()]
    named = tab.evaluate("window.wickgraph.named.map(q => q.title)")
    assert tabs == named and "Cast of a work" in tabs

    # a named query: its tab, the run button, rows in the table
    tab.locator(".tabsList .tab", has_text="The franchise in release order").click()
    tab.locator(".tabPanel.active .yasqe_queryButton").click()
    tab.wait_for_selector(".tabPanel.active .yasr table.dataTable tbody tr")
    rows = tab.locator(".tabPanel.active .yasr table.dataTable tbody tr")
    assert rows.count() >= 4
    assert "John Wick" in rows.first.inner_text()

    # a CONSTRUCT result is drawn as a graph by the Graph plugin
    construct = ("CONSTRUCT { ?p ?r ?o } WHERE { GRAPH ?g { ?p a <https://w3id.org/wickgraph/ontology#Performance> ;"
                 " ?r ?o } } LIMIT 60")
    tab.evaluate("query => window.wickgraph.yasgui.getTab().getYasqe().setValue(query)", construct)
    tab.locator(".tabPanel.active .yasqe_queryButton").click()
    tab.wait_for_selector(".tabPanel.active .yasr-graph[data-nodes]")
    assert int(tab.get_attribute(".tabPanel.active .yasr-graph", "data-nodes")) > 5

    # the neighbourhood of a work
    tab.wait_for_selector("#work-select[data-loaded=true]", state="attached")
    assert tab.eval_on_selector("#work-select", "s => s.options[s.selectedIndex].text") == "John Wick"
    tab.click("#neighbourhood-button")
    tab.wait_for_selector("#neighbourhood-graph[data-nodes]")
    assert int(tab.get_attribute("#neighbourhood-graph", "data-nodes")) > 20
    tab.screenshot(path=str(tmp_path / "explorer.png"), full_page=True)

    assert [url for url in requests if not url.startswith(base) and not url.startswith("data:")] == []
    assert problems == []


# -- resource pages, search, shared URLs and readable graphs (issue 14) -----------------------

SCREENSHOTS = os.environ.get("WICKGRAPH_SCREENSHOT_DIR")
"""Where the page screenshots go (`docs/` to refresh the README's); a temporary folder otherwise."""


def _shot(tab: Any, tmp_path: Path, name: str, **options: Any) -> Path:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(folder / name), **options)
    return folder / name


def _stayed_home(base: str, requests: list[str], problems: list[str]) -> None:
    assert [url for url in requests if not url.startswith(base) and not url.startswith("data:")] == []
    assert problems == []


def test_search_a_name_and_walk_to_people_and_works(page: tuple[Any, str, list[str], list[str]]) -> None:
    tab, base, requests, problems = page
    tab.goto(base)
    tab.fill("#search-box", "winston")
    tab.locator("#search-suggestions a", has_text="Winston").first.click()
    tab.wait_for_url("**/id/character/winston-scott")
    actors = tab.locator("#portrayals td:nth-child(3)").all_inner_texts()
    assert "Ian McShane" in actors and "Colin Woodell" in actors

    tab.locator("#portrayals a", has_text="Ian McShane").first.click()
    tab.wait_for_url("**/id/person/ian-mcshane")
    assert tab.inner_text("h1").startswith("Ian McShane")
    tab.locator("#credits a", has_text="John Wick: Chapter 4").click()
    tab.wait_for_url("**/id/work/john-wick-chapter-4-2023")
    assert tab.inner_text("h1").startswith("John Wick: Chapter 4")
    assert "Ian McShane" in tab.inner_text("#cast")
    _stayed_home(base, requests, problems)


def test_ballerina_page_marks_the_seed_reviews_conflicts_as_errors(page: tuple[Any, str, list[str], list[str]],
                                                                     tmp_path: Path) -> None:
    tab, base, requests, problems = page
    tab.set_viewport_size({"width": 1200, "height": 900})
    tab.goto(base + "id/work/ballerina-2025")
    conflicts = tab.locator("#conflicts .conflict.error")
    assert conflicts.count() == 2
    texts = conflicts.all_inner_texts()
    assert any("Ana de Armas as Rooney" in t and "not the character's name in the film" in t for t in texts)
    assert any("released in 2024" in t and "It is a 2025 film" in t for t in texts)
    # drawn as errors: a red bar and a red "contradicted" badge
    assert conflicts.first.evaluate("e => getComputedStyle(e).borderLeftColor") == "rgb(192, 57, 43)"
    assert tab.locator("#conflicts .status-contradicted").first.evaluate(
        "e => getComputedStyle(e).backgroundColor") == "rgb(192, 57, 43)"
    _shot(tab, tmp_path, "browse-work-page.png", full_page=True, clip={"x": 0, "y": 0, "width": 1200, "height": 1500})
    _stayed_home(base, requests, problems)


def test_a_shared_url_reopens_a_parameterised_query(page: tuple[Any, str, list[str], list[str]]) -> None:
    tab, base, requests, problems = page
    tab.goto(base)
    tab.wait_for_function("window.wickgraph && window.wickgraph.yasgui")
    tab.locator(".tabsList .tab", has_text="Cast of a work").click()
    field = tab.locator("#query-form input[name=work]")
    field.fill("balle")
    tab.wait_for_selector("#param-work-choices option[value=ballerina-2025]", state="attached")
    field.fill("ballerina-2025")
    tab.click("#query-form-run")
    tab.wait_for_selector(".tabPanel.active .yasr table.dataTable tbody tr")
    assert "Ana de Armas" in tab.inner_text(".tabPanel.active .yasr table.dataTable tbody")
    shared = tab.url
    assert shared == base + "?query=cast&work=ballerina-2025"
    # IRIs in the results read as prefixed names and open their page on this server
    person_link = tab.locator('.tabPanel.active .yasr a[href="/id/person/ana-de-armas"]')
    assert person_link.count() >= 1 and person_link.first.inner_text() == "person:ana-de-armas"

    fresh = tab.context.new_page()
    fresh.goto(shared)
    fresh.wait_for_selector(".tabPanel.active .yasr table.dataTable tbody tr")
    assert "Ana de Armas" in fresh.inner_text(".tabPanel.active .yasr table.dataTable tbody")
    assert fresh.input_value("#query-form input[name=work]") == "ballerina-2025"
    assert fresh.locator(".tabsList .tab.active").inner_text().startswith("Cast of a work")
    # an edited query is shared by its text
    fresh.evaluate("q => window.wickgraph.yasgui.getTab().getYasqe().setValue(q)",
                   "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    fresh.locator(".tabPanel.active .yasqe_queryButton").click()
    fresh.wait_for_selector("#result-hint:not([hidden])")
    assert "named graphs" in fresh.inner_text("#result-hint")
    assert "sparql=SELECT" in fresh.url
    fresh.close()
    _stayed_home(base, requests, problems)


def test_neighbourhood_is_readable_and_expands(page: tuple[Any, str, list[str], list[str]], tmp_path: Path) -> None:
    tab, base, requests, problems = page
    tab.goto(base)
    tab.wait_for_selector("#work-select[data-loaded=true]", state="attached")
    tab.select_option("#work-select", label="From the World of John Wick: Ballerina")
    tab.click("#neighbourhood-button")
    tab.wait_for_selector("#neighbourhood-graph[data-nodes]")
    legend = tab.inner_text("#neighbourhood .legend")
    for group in ("Work", "Person", "Character", "Known false claim", "Contradicted claim"):
        assert group in legend
    groups = tab.evaluate("window.wickgraph.neighbourhood.nodes().map(n => n.data('group'))")
    assert groups.count("Contradicted claim") == 2
    labels = tab.evaluate("window.wickgraph.neighbourhood.nodes('[group = \"Known false claim\"]')"
                          ".map(n => n.data('label'))")
    assert labels and all(label.startswith("✗ known false: ") for label in labels)
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    tab.locator("#neighbourhood").screenshot(path=str(folder / "browse-neighbourhood.png"))

    # a click expands the node in place
    before = int(tab.get_attribute("#neighbourhood-graph", "data-nodes"))
    tab.evaluate("window.wickgraph.neighbourhood.getElementById("
                 "'https://w3id.org/wickgraph/id/person/ana-de-armas').emit('tap')")
    tab.wait_for_selector("#neighbourhood-graph[data-expanded]")
    assert int(tab.get_attribute("#neighbourhood-graph", "data-nodes")) > before
    assert tab.get_attribute("#neighbourhood .graph-info a", "href") == "/id/person/ana-de-armas"

    # a narrower window: the graph is fitted again, nothing is cut off
    tab.set_viewport_size({"width": 700, "height": 1400})
    tab.wait_for_timeout(300)
    inside = tab.evaluate("""() => { const cy = window.wickgraph.neighbourhood, box = cy.elements().renderedBoundingBox();
        return box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1; }""")
    assert inside
    _stayed_home(base, requests, problems)
