"""The curation API in-process: the token, same-origin and CSRF checks, bad uploads, commits and conflicts."""

from __future__ import annotations

import base64
import html
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx is what the project has
    from starlette.testclient import TestClient

from wickgraph.server.app import create_app
from wickgraph.server.curate import MAX_UPLOAD

TOKEN = "s3cret-token"
SEED = Path(__file__).resolve().parent / "data" / "reviews-in" / "seed-review.txt"
SEED_ID = "r-fd4f55627fe0"
ORIGIN = "http://testserver"


@pytest.fixture
def client(built_store_dir: Path, data_dir: Path) -> Iterator[TestClient]:
    app = create_app(store_path=built_store_dir, allow_update=True, token=TOKEN, data_dir=data_dir)
    with TestClient(app) as test_client:
        yield test_client
    app.state.wick.holder.get().close()


def open_session(client: TestClient) -> dict[str, str]:
    page = client.get(f"/curate?token={TOKEN}")
    assert page.status_code == 200
    csrf = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
    assert csrf
    return {"X-CSRF-Token": csrf[1], "Origin": ORIGIN}


def test_the_page_takes_the_claim_types_and_their_fields_from_the_registry(client: TestClient) -> None:
    page = client.get(f"/curate?token={TOKEN}").text
    found = re.search(r'data-claim-kinds="([^"]+)"', page)
    assert found
    assert json.loads(html.unescape(found[1])) == {
        "director": ["person"], "writer": ["person"], "cast": ["actor", "character"],
        "reprise": ["actor", "character", "from_film"], "franchise_member": ["franchise"],
        "release_year": ["year"], "rating": ["value", "scale"]}
    assert '<select id="add-type"></select>' in page  # filled from them by the page's script


def upload(name: str, data: bytes) -> dict[str, Any]:
    return {"filename": name, "content": base64.b64encode(data).decode()}


def test_the_page_needs_the_token(client: TestClient) -> None:
    assert client.get("/curate").status_code == 401
    assert client.get("/curate?token=wrong").status_code == 401
    assert client.get("/curate/api/names").status_code == 401
    refused = client.post("/curate/api/prepare", json={"text": "x"}, headers={"Origin": ORIGIN})
    assert refused.status_code == 401
    assert refused.json() == {"error": "the curation API needs the server's token: open /curate?token=T first"}
    wrong = client.post("/curate/api/prepare", json={"text": "x"}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401

    opened = client.get(f"/curate?token={TOKEN}", follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/curate"
    cookie = opened.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/curate" in cookie
    page = client.get("/curate")
    assert page.status_code == 200 and "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert TOKEN not in page.text
    assert client.get("/curate/api/names").json()["characters"].count("Eve Macarro") == 1


def test_other_origins_and_missing_csrf_tokens_are_refused(client: TestClient) -> None:
    headers = open_session(client)
    evil = client.post("/curate/api/prepare", json={"text": "x"}, headers={**headers, "Origin": "http://evil.example"})
    assert evil.status_code == 403
    assert evil.json()["error"].startswith("cross-origin request from http://evil.example refused")
    no_csrf = client.post("/curate/api/prepare", json={"text": "x"}, headers={"Origin": ORIGIN})
    assert no_csrf.status_code == 403 and "CSRF token" in no_csrf.json()["error"]
    no_origin = client.post("/curate/api/prepare", json={"text": "x"}, headers={"X-CSRF-Token": headers["X-CSRF-Token"]})
    assert no_origin.status_code == 403 and "no Origin header" in no_origin.json()["error"]
    # a script with the bearer token needs no session
    scripted = client.post("/curate/api/prepare", json={"text": SEED.read_text(encoding="utf-8")},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert scripted.status_code == 200 and scripted.json()["review_id"] == SEED_ID


@pytest.mark.parametrize(("name", "data", "status", "message"), [
    ("r.txt", b"\x00\x01\x02binary", 400, "r.txt: binary file, not a review (it contains NUL bytes)"),
    ("r.txt", b"   \n", 400, "r.txt: empty review: the file has no text"),
    ("r.txt", "café".encode("latin-1"), 400, "r.txt: not valid UTF-8 (byte 3); save the review as UTF-8 and try again"),
    ("card.json", b'{"claims": [{"evidence": "x"}]}', 400,
     "card.json: 'claims' must be a list of objects, each with a 'type'"),
    ("card.json", b"{nope", 400, ("card.json: not valid JSON (line 1, column 2): "
                                 "Expecting property name enclosed in double quotes")),
    ("r.pdf", b"%PDF", 400, "r.pdf: unknown review file type '.pdf'; accepted: .txt, .html, .htm, .json"),
    ("big.txt", b"a" * (MAX_UPLOAD + 1), 413, (f"big.txt: {MAX_UPLOAD + 1:,} bytes; the page takes review files of at "
                                              f"most {MAX_UPLOAD:,}")),
])
def test_bad_uploads_get_a_message_and_nothing_is_written(client: TestClient, data_dir: Path, name: str,
                                                         data: bytes, status: int, message: str) -> None:
    headers = open_session(client)
    before = sorted((data_dir / "reviews").iterdir())
    answer = client.post("/curate/api/prepare", json=upload(name, data), headers=headers)
    assert answer.status_code == status
    assert answer.json() == {"error": message}
    assert sorted((data_dir / "reviews").iterdir()) == before


def test_prepare_shows_claims_checked_and_the_stored_version(client: TestClient) -> None:
    headers = open_session(client)
    prepared = client.post("/curate/api/prepare", json=upload("seed-review.txt", SEED.read_bytes()), headers=headers).json()
    assert prepared["review_id"] == SEED_ID
    assert prepared["stored"]["by_hand"] is True and prepared["stored"]["committed_by"] == "wickgraph team"
    rooney = prepared["card"]["claims"][3]
    assert (rooney["character"], rooney["status"], rooney["reference"]) == ("Rooney", "contradicted",
                                                                             "Ana de Armas as Eve Macarro")
    assert rooney["explanation"].startswith("In the released film Ana de Armas plays Eve Macarro.")
    assert rooney["summary"] == "Ana de Armas as Rooney"  # each claim's line, written by its kind
    checked = client.post("/curate/api/check", headers=headers, json={
        "claim": {**rooney, "character": "Eve Macarro"}, "film": prepared["card"]["film"]["title"]}).json()
    assert (checked["status"], checked["unreconciled"]) == ("supported", [])
    assert checked["summary"] == "Ana de Armas as Eve Macarro"
    unknown = client.post("/curate/api/check", headers=headers, json={
        "claim": {**rooney, "character": "Ballet Teacher"}, "film": prepared["card"]["film"]["title"]}).json()
    assert unknown["unreconciled"] == ["character"]


def commit(client: TestClient, headers: dict[str, str], prepared: dict[str, Any], decisions: list[dict[str, Any]],
           editor: str, base_sha: str | None) -> Any:
    return client.post("/curate/api/commit", headers=headers, json={
        "card": prepared["card"], "decisions": decisions, "editor": editor, "filename": "seed-review.txt",
        "base": {"review_id": prepared["review_id"], "sha": base_sha}, "metadata": {"published": "2025-06-14"}})


def test_two_editors_the_second_sees_what_changed_and_decides(client: TestClient, data_dir: Path) -> None:
    headers = open_session(client)
    prepared = client.post("/curate/api/prepare", json=upload("seed-review.txt", SEED.read_bytes()), headers=headers).json()
    claims = prepared["card"]["claims"]
    alice = [{"decision": "accepted"} for _ in claims]
    bob = [{"decision": "accepted"} for _ in claims]
    bob[0] = {"decision": "rejected"}
    # both began from the hand-written version; Alice commits first
    first = commit(client, headers, prepared, alice, "Alice", prepared["base_sha"])
    assert first.status_code == 200, first.text
    assert first.json()["message"] == f"replaced {SEED_ID} (10 claims) -> reviews/{SEED_ID}.trig"
    path = data_dir / "reviews" / f"{SEED_ID}.trig"
    alices = path.read_bytes()

    second = commit(client, headers, prepared, bob, "Bob", prepared["base_sha"])
    assert second.status_code == 409
    body = second.json()
    assert body["error"].startswith(f"review {SEED_ID} was changed by someone else since this curation began")
    assert body["stored"]["committed_by"] == "Alice"
    assert [c["decision"] for c in body["stored"]["claims"]] == ["accepted"] * 10
    assert path.read_bytes() == alices  # nothing lost

    over = commit(client, headers, prepared, bob, "Bob", body["base_sha"])
    assert over.status_code == 200 and over.json()["action"] == "replaced"
    assert [c["decision"] for c in over.json()["stored"]["claims"]][:2] == ["rejected", "accepted"]
    again = commit(client, headers, prepared, bob, "Bob", over.json()["base_sha"])
    assert again.json()["message"] == f"unchanged {SEED_ID} (9 claims) -> reviews/{SEED_ID}.trig"


def test_commit_needs_an_editor_and_a_readable_date(client: TestClient) -> None:
    headers = open_session(client)
    prepared = client.post("/curate/api/prepare", json=upload("seed-review.txt", SEED.read_bytes()), headers=headers).json()
    nobody = commit(client, headers, prepared, [{} for _ in prepared["card"]["claims"]], " ", prepared["base_sha"])
    assert nobody.status_code == 400
    assert nobody.json() == {"error": "editor: give your name; it is recorded with every decision"}
    bad_date = client.post("/curate/api/commit", headers=headers, json={
        "card": prepared["card"], "decisions": [], "editor": "E", "metadata": {"published": "June 2025"}})
    assert bad_date.json() == {"error": "published: 'June 2025' is not a date as YYYY-MM-DD"}


def test_a_read_only_server_has_no_curation(shared_store_dir: Path) -> None:
    with TestClient(create_app(store_path=shared_store_dir)) as client:
        page = client.get("/curate")
        assert page.status_code == 403 and "--allow-update --token T" in page.text
        api = client.get("/curate/api/names")
        assert api.status_code == 403


def test_a_saved_page_prefills_the_metadata_from_its_schema_org_markup(client: TestClient) -> None:
    headers = open_session(client)
    page = (Path(__file__).resolve().parent / "data" / "extract" / "saved_page.html.in").read_bytes()
    card = client.post("/curate/api/prepare", json=upload("parabellum.html", page), headers=headers).json()["card"]
    assert {k: card.get(k) for k in ("url", "author", "publisher", "published")} == {
        "url": "https://screening-room.example/parabellum", "author": "Ines Okafor",
        "publisher": "The Screening Room", "published": "2019-05-17"}
    assert card["film"]["title"] == "John Wick: Chapter 3 – Parabellum"
    assert card["rating"] == {"value": 4, "scale": 5}
    assert "Halle Berry stars as Sofia" in card["text"] and "Home" not in card["text"]
