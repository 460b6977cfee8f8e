"""The explorer page in headless Chromium: it loads, a named query shows rows, graphs draw nodes.

Uses Debian's chromium through playwright (``executable_path``; playwright's own browser
download is never needed). The page must make no request beyond the server it came from.
"""

from __future__ import annotations

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
