"""The curation page in headless Chromium, against a real ``wickgraph serve --allow-update --token``.

An editor opens the page with the token, uploads the seed review, rejects one claim, corrects
"Rooney" to Eve Macarro with the keyboard, adds a missed claim by selecting its words, and
commits; then the file under data/reviews/, the store (the curation named query) and
``wickgraph reviews`` must agree, and a second commit changes nothing. The screenshot in
README.md is made here (``WICKGRAPH_SCREENSHOTS=1`` writes it to docs/images/).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from tests.servers import Endpoint, start_wickgraph
from tests.test_browser import ARGS, browser  # noqa: F401 - fixture
from wickgraph.cli import cli

pytestmark = [pytest.mark.browser, pytest.mark.server]

TOKEN = "curation-test-token"
SEED = Path(__file__).resolve().parent / "data" / "reviews-in" / "seed-review.txt"
SEED_ID = "r-fd4f55627fe0"
ROOT = Path(__file__).resolve().parent.parent
WG = "https://w3id.org/wickgraph/ontology#"
CLAIM = f"https://w3id.org/wickgraph/id/claim/{SEED_ID}/"
SELECT = """([start, end]) => {
  // select review text from character start to end, as a mouse drag would
  const container = document.getElementById("review-text");
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    const next = seen + node.length;
    if (seen <= start && start < next) range.setStart(node, start - seen);
    if (seen < end && end <= next) { range.setEnd(node, end - seen); break; }
    seen = next;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


@pytest.fixture
def server(tmp_path: Path, data_dir: Path, built_store_dir: Path) -> Iterator[Endpoint]:
    endpoint = start_wickgraph(tmp_path, built_store_dir, "--allow-update", "--token", TOKEN, "--data", str(data_dir))
    try:
        yield endpoint
    finally:
        endpoint.server.stop()


def objects(data: bytes, subject: str, predicate: str) -> set[str]:
    return {q.object.value for q in ox.parse(data, format=ox.RdfFormat.TRIG)
            if q.subject.value == subject and q.predicate.value == predicate}


def test_editor_curates_the_seed_review_in_the_browser(browser: Any, server: Endpoint, data_dir: Path,
                                                       built_store_dir: Path, tmp_path: Path) -> None:
    base = server.query_url.rsplit("/", 1)[0] + "/"
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    requests: list[str] = []
    problems: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda message: problems.append(message.text)
           if message.type == "error" and "401" not in message.text and "400" not in message.text else None)
    try:
        assert tab.goto(base + "curate").status == 401
        assert tab.goto(base + f"curate?token={TOKEN}").status == 200
        assert tab.url == base + "curate"  # the token does not stay in the address bar

        # a bad upload gets a clear message on the page, and nothing is read
        tab.set_input_files("#upload", files=[{"name": "empty.txt", "mimeType": "text/plain", "buffer": b" \n"}])
        tab.click("#read-button")
        tab.locator("#message:not(:empty)").wait_for()
        assert tab.inner_text("#message") == "empty.txt: empty review: the file has no text"
        assert tab.locator("#curation").is_hidden()

        tab.set_input_files("#upload", str(SEED))
        tab.click("#read-button")
        tab.wait_for_selector("#claims li >> nth=9")
        assert tab.locator("#claims li").count() == 10
        assert "already in the graph (written by hand" in tab.inner_text("#stored-notice")
        rooney = tab.locator("#claims li").nth(3)
        assert "Ana de Armas as Rooney" in rooney.inner_text() and "reference: Ana de Armas as Eve Macarro" in \
            rooney.inner_text()
        assert tab.locator("mark.ev").count() >= 8

        # hovering a claim highlights its evidence, and the other way round
        tab.locator("#claims li").nth(2).hover()
        assert tab.locator("mark.ev.hover").all_inner_texts() == ["directed by Len Wiseman"]
        tab.locator("mark.ev", has_text="directed by Len Wiseman").hover()
        assert tab.locator("#claims li.hover").count() == 1
        assert "Len Wiseman" in tab.locator("#claims li.hover").inner_text()

        # keyboard only: accept the year, the franchise and the director (a a a), then edit Rooney (e)
        tab.locator("body").click(position={"x": 5, "y": 5})
        tab.keyboard.press("a")
        tab.keyboard.press("a")
        tab.keyboard.press("a")
        assert "Ana de Armas as Rooney" in tab.locator("#claims li.current").inner_text()
        tab.keyboard.press("e")
        character = tab.locator("#claims li.current form.edit input[name=character]")
        assert tab.evaluate("document.activeElement.name") == "actor"  # the edit form has the focus
        character.fill("Eve Macarro")
        tab.locator("#claims li.current .live-status.supported").wait_for()
        character.press("Enter")
        tab.wait_for_selector("#claims li:nth-child(4) .badge.decision")
        corrected = tab.locator("#claims li").nth(3).inner_text()
        assert "Ana de Armas as Eve Macarro" in corrected and "corrected" in corrected
        assert "extracted: Ana de Armas as Rooney" in corrected and "supported" in corrected

        # reject the over-long Anjelica Huston cast claim (claim 7), with the mouse this time
        tab.locator("#claims li").nth(6).locator("button.reject").click()
        assert "rejected" in tab.locator("#claims li").nth(6).inner_text()

        # add the missed claim by selecting its exact words in the text
        text = SEED.read_text(encoding="utf-8")
        quote = "Anjelica Huston as The Director"
        start = text.index(quote)
        tab.evaluate(SELECT, [start, start + len(quote)])
        tab.locator("body").press("n")
        assert tab.inner_text("#add-offsets") == f"({start}–{start + len(quote)})"
        tab.select_option("#add-type", "cast")
        tab.fill("#add-fields input[name=actor]", "Anjelica Huston")
        tab.fill("#add-fields input[name=character]", "The Director")
        tab.click("#add-save")
        tab.wait_for_selector("#claims li:nth-child(11)")
        added = tab.locator("#claims li").nth(10).inner_text()
        assert "added" in added and "supported" in added and f"({start}–{start + len(quote)})" in added

        tab.fill("#meta-editor", "Browser Editor")
        tab.click("#commit-button")
        tab.locator("#commit-status:not(:empty)").wait_for()
        assert tab.inner_text("#commit-status") == f"replaced {SEED_ID} (10 claims) -> reviews/{SEED_ID}.trig"
        screenshot = ROOT / "docs" / "images" / "curation.png" if os.environ.get("WICKGRAPH_SCREENSHOTS") \
            else tmp_path / "curation.png"
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        assert tab.inner_text("#stored-notice").startswith(
            "This review is already in the graph (committed by Browser Editor at ")
        assert tab.inner_text("#stored-notice").endswith("10 claims, 1 rejected); committing replaces it.")
        tab.evaluate("window.scrollTo(0, 0); document.getElementById('claims').scrollTop = 120")
        tab.mouse.move(5, 5)
        tab.screenshot(path=str(screenshot), full_page=False)

        # the file, the store and `wickgraph reviews` agree; the correction keeps the extracted value
        path = data_dir / "reviews" / f"{SEED_ID}.trig"
        data = path.read_bytes()
        assert objects(data, CLAIM + "4", WG + "claimedCharacterName") == {"Eve Macarro"}
        assert objects(data, CLAIM + "4/decision", WG + "extractedValue") == {"Ana de Armas as Rooney"}
        assert objects(data, CLAIM + "7/decision", WG + "outcome") == {"rejected"}
        assert objects(data, CLAIM + "11", WG + "claimedCharacter") == {
            "https://w3id.org/wickgraph/id/character/the-director"}
        assert objects(data, CLAIM + "11/evidence", "http://www.w3.org/ns/oa#start") == {str(start)}
        curation = httpx.get(base + "queries/curation", headers={"Accept": "application/sparql-results+json"},
                             trust_env=False).json()["results"]["bindings"]
        [row] = [r for r in curation if r["review"]["value"].endswith(SEED_ID)]
        counts = {k: row[k]["value"] for k in ("claims", "accepted", "corrected", "added", "rejected", "notReviewed")}
        assert counts == {"claims": "10", "accepted": "3", "corrected": "1", "added": "1", "rejected": "1",
                          "notReviewed": "5"}
        assert row["curator"]["value"] == "Browser Editor"
        listed = CliRunner().invoke(cli, ["reviews", "--store", str(built_store_dir)])
        assert listed.exit_code == 0, listed.output
        [line] = [line for line in listed.output.splitlines() if line.startswith(SEED_ID)]
        assert line.split()[-2:] == ["10", "1"]  # 10 claims; the accepted year 2024 is still a conflict

        # a second commit of the same curation changes nothing
        tab.evaluate("document.getElementById('commit-status').textContent = ''")
        tab.click("#commit-button")
        tab.locator("#commit-status:not(:empty)").wait_for()
        assert tab.inner_text("#commit-status") == f"unchanged {SEED_ID} (10 claims) -> reviews/{SEED_ID}.trig"
        assert path.read_bytes() == data
    finally:
        context.close()
    assert [url for url in requests if not url.startswith(base) and not url.startswith("data:")] == []
    assert problems == []
