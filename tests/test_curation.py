"""Curation: cards round-trip, decisions land in the graph, the terminal --review flow, conflicts between editors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from wickgraph.build import build
from wickgraph.cli import cli
from wickgraph.curation import check_claim, commit_card, curated_card, text_sha
from wickgraph.errors import CurationConflict, ReviewInputError
from wickgraph.extract import extract_file
from wickgraph.queries import get
from wickgraph.reviews import add_reviews
from wickgraph.store import Store

SEED_TEXT = Path(__file__).resolve().parent / "data" / "reviews-in" / "seed-review.txt"
SEED_ID = "r-fd4f55627fe0"
WG = "https://w3id.org/wickgraph/ontology#"
CLAIM = f"https://w3id.org/wickgraph/id/claim/{SEED_ID}/"
WHEN = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def fresh(data_dir: Path, store_dir: Path) -> tuple[Path, Path]:
    """data/ without the hand-written seed review graph, and a store built from it."""
    (data_dir / "reviews" / f"{SEED_ID}.trig").unlink()
    build(data_dir, store_dir)
    return data_dir, store_dir


def seed_card() -> dict[str, Any]:
    return extract_file(SEED_TEXT).to_json()


def seed_decisions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Reject the year, correct Rooney to Eve Macarro, add Norman Reedus's bare mention, accept the rest."""
    decisions: list[dict[str, Any]] = [{"decision": "accepted"} for _ in card["claims"]]
    assert card["claims"][0]["type"] == "release_year" and card["claims"][3]["character"] == "Rooney"
    decisions[0] = {"decision": "rejected"}
    decisions[3] = {"decision": "corrected", "values": {"character": "Eve Macarro"}}
    quote = "Anjelica Huston as The Director"
    start = card["text"].index(quote)
    decisions.append({"decision": "added", "claim": {"type": "cast", "actor": "Anjelica Huston",
                                                     "character": "The Director", "evidence": quote,
                                                     "start": start, "end": start + len(quote)}})
    return decisions


def rows(store_dir: Path, name: str) -> list[dict[str, str]]:
    store = Store(store_dir, read_only=True)
    result = store.query(get(name).sparql)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def objects(data: bytes, subject: str, predicate: str) -> set[str]:
    return {q.object.value for q in ox.parse(data, format=ox.RdfFormat.TRIG)
            if q.subject.value == subject and q.predicate.value == predicate}


# -- the card round trip --------------------------------------------------------------------


def test_extract_json_card_adds_back_exactly(fresh: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, store_dir = fresh
    runner = CliRunner()
    printed = runner.invoke(cli, ["extract", str(SEED_TEXT), "--json"])
    assert printed.exit_code == 0
    card = json.loads(printed.stdout)
    assert card["text"] == SEED_TEXT.read_text(encoding="utf-8")
    assert [c["rule"] for c in card["claims"]][:4] == ["year-title-paren", "franchise-in", "director-by", "cast-role-of"]
    card_path = tmp_path / "card.json"
    card_path.write_text(printed.stdout, encoding="utf-8")

    from_text = add_reviews([SEED_TEXT], data_dir=data_dir, store_dir=store_dir, dry_run=True, added_by="ed", now=WHEN)
    from_card = add_reviews([card_path], data_dir=data_dir, store_dir=store_dir, dry_run=True, added_by="ed", now=WHEN)
    assert from_card.reviews[0].review_id == from_text.reviews[0].review_id == SEED_ID
    assert from_card.reviews[0].data == from_text.reviews[0].data

    # an edited card: same offsets, the corrected name linked to the reference's character
    card["claims"][3]["character"] = "Eve Macarro"
    card_path.write_text(json.dumps(card), encoding="utf-8")
    edited = add_reviews([card_path], data_dir=data_dir, store_dir=store_dir, added_by="ed", now=WHEN)
    data = (data_dir / "reviews" / f"{SEED_ID}.trig").read_bytes()
    assert edited.reviews[0].data == data
    assert objects(data, CLAIM + "4", WG + "claimedCharacter") == {"https://w3id.org/wickgraph/id/character/eve-macarro"}
    assert objects(data, CLAIM + "4", WG + "status") == {"supported"}
    assert objects(data, CLAIM + "4/evidence", "http://www.w3.org/ns/oa#start") == {str(card["claims"][3]["start"])}


# -- decisions in the graph ---------------------------------------------------------------


def test_curated_card_records_each_decision(fresh: tuple[Path, Path]) -> None:
    data_dir, store_dir = fresh
    card = seed_card()
    report = commit_card(curated_card(card, seed_decisions(card)), source="seed-review.txt", data_dir=data_dir,
                         store_dir=store_dir, base_sha=None, added_by="Alice Editor", now=WHEN)
    assert report.written and [p.action for p in report.reviews] == ["added"]
    data = (data_dir / "reviews" / f"{SEED_ID}.trig").read_bytes()
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

    # the rejected year is kept, but not as a claim of the review
    assert objects(data, CLAIM + "1", rdf_type) == {WG + "RejectedClaim", "http://www.w3.org/ns/prov#Entity"}
    assert objects(data, CLAIM + "1", WG + "claimedIn") == set()
    assert objects(data, CLAIM + "1", WG + "claimType") == {"release_year"}
    assert objects(data, CLAIM + "1/decision", WG + "outcome") == {"rejected"}
    assert objects(data, CLAIM + "1/decision", WG + "extractorRule") == {"year-title-paren"}
    # the correction keeps what was extracted beside the corrected value
    assert objects(data, CLAIM + "4/decision", WG + "outcome") == {"corrected"}
    assert objects(data, CLAIM + "4/decision", WG + "extractedValue") == {"Ana de Armas as Rooney"}
    assert objects(data, CLAIM + "4", WG + "claimedCharacterName") == {"Eve Macarro"}
    # who decided and when, in PROV-O terms
    assert objects(data, CLAIM + "4/decision", "http://www.w3.org/ns/prov#wasAssociatedWith") == {
        "https://w3id.org/wickgraph/id/agent/alice-editor"}
    assert objects(data, CLAIM + "4/decision", "http://www.w3.org/ns/prov#endedAtTime") == {"2026-12-01T10:00:00Z"}
    assert objects(data, CLAIM + "11/decision", WG + "outcome") == {"added"}
    assert objects(data, CLAIM + "11/decision", WG + "extractorRule") == set()

    [row] = [r for r in rows(store_dir, "curation") if r["review"].endswith(SEED_ID)]
    assert {k: row[k] for k in ("claims", "accepted", "corrected", "added", "rejected", "notReviewed", "curator")} == {
        "claims": "10", "accepted": "8", "corrected": "1", "added": "1", "rejected": "1", "notReviewed": "0",
        "curator": "Alice Editor"}
    errors = {(r["claimType"], r["rule"]): (r["reviewed"], r["accepted"], r["corrected"], r["rejected"])
              for r in rows(store_dir, "extractor-errors")}
    assert errors[("release_year", "*")] == ("1", "0", "0", "1")
    assert errors[("release_year", "year-title-paren")] == ("1", "0", "0", "1")
    assert errors[("cast", "cast-role-of")] == ("1", "0", "1", "0")
    assert errors[("cast", "*")] == ("4", "3", "1", "0")  # the added claim is a miss, not counted here
    assert errors[("writer", "*")] == ("0", "0", "0", "0")
    # the conflicts that curation removed: the year is rejected, Rooney corrected
    result = CliRunner().invoke(cli, ["conflicts", "--store", str(store_dir)])
    assert result.exit_code == 0 and "(0 conflicts)" in result.output


def test_second_commit_of_the_same_curation_changes_nothing(fresh: tuple[Path, Path]) -> None:
    data_dir, store_dir = fresh
    card = seed_card()
    curated = curated_card(card, seed_decisions(card))
    commit_card(curated, source="a", data_dir=data_dir, store_dir=store_dir, added_by="alice", now=WHEN)
    path = data_dir / "reviews" / f"{SEED_ID}.trig"
    before = path.read_bytes()
    again = commit_card(curated, source="a", data_dir=data_dir, store_dir=store_dir, base_sha=text_sha(before),
                        added_by="bob", now=datetime(2026, 12, 2, tzinfo=UTC))
    assert [p.action for p in again.reviews] == ["unchanged"]
    assert path.read_bytes() == before


def test_a_review_committed_meanwhile_is_a_conflict_and_nothing_is_written(fresh: tuple[Path, Path]) -> None:
    data_dir, store_dir = fresh
    card = seed_card()
    first = [{"decision": "accepted"} for _ in card["claims"]]
    commit_card(curated_card(card, first), source="a", data_dir=data_dir, store_dir=store_dir, base_sha=None,
                added_by="alice", now=WHEN)
    path = data_dir / "reviews" / f"{SEED_ID}.trig"
    before = path.read_bytes()
    with pytest.raises(CurationConflict, match="changed by someone else since this curation began"):
        commit_card(curated_card(card, seed_decisions(card)), source="b", data_dir=data_dir, store_dir=store_dir,
                    base_sha=None, added_by="bob", now=WHEN)
    assert path.read_bytes() == before
    # the second editor, having seen the change, commits on top of it
    commit_card(curated_card(card, seed_decisions(card)), source="b", data_dir=data_dir, store_dir=store_dir,
                base_sha=text_sha(before), added_by="bob", now=WHEN)
    assert objects(path.read_bytes(), CLAIM + "1/decision", WG + "outcome") == {"rejected"}


@pytest.mark.parametrize(("change", "message"), [
    ({"decision": "maybe"}, "claim 2: unknown decision 'maybe'; expected one of accepted, corrected, added, rejected"),
    ({"decision": "corrected"}, "claim 2: a corrected claim keeps what was extracted in 'extracted'"),
    ({"decision": "accepted", "rule": 7}, "claim 2: 'rule' must be the id of an extractor rule"),
])
def test_malformed_curated_card_is_refused(fresh: tuple[Path, Path], tmp_path: Path, change: dict[str, Any],
                                           message: str) -> None:
    data_dir, store_dir = fresh
    card = seed_card()
    card["claims"][1].update(change)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(card), encoding="utf-8")
    result = CliRunner().invoke(cli, ["add", str(path), "--yes", "--data", str(data_dir), "--store", str(store_dir)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: {message}")
    assert "Traceback" not in result.output
    assert not (data_dir / "reviews" / f"{SEED_ID}.trig").exists()


def test_curated_card_needs_one_decision_per_claim() -> None:
    card = seed_card()
    with pytest.raises(ReviewInputError, match="10 claims but only 2 decisions"):
        curated_card(card, [{}, {}])


# -- the terminal flow --------------------------------------------------------------------


def test_add_review_walks_the_claims_with_scripted_answers(fresh: tuple[Path, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir, store_dir = fresh
    monkeypatch.setenv("WICKGRAPH_EDITOR", "Terminal Editor")
    # reject the year, accept two, edit the cast claim (keep the actor, new character), skip the rest, write
    answers = "r\na\na\ne\n\nEve Macarro\ns\ny\n"
    result = CliRunner().invoke(cli, ["add", str(SEED_TEXT), "--review", "--data", str(data_dir),
                                      "--store", str(store_dir)], input=answers)
    assert result.exit_code == 0, result.output
    assert "[1/10] release_year: 2024  (contradicted)" in result.output
    assert "  [Ballerina (2024)] is the much-anticipated action-thriller spinoff in the John…" in result.output
    assert "2 accepted, 1 corrected, 1 rejected, 6 not reviewed" in result.output
    assert f"added {SEED_ID} (9 claims) -> reviews/{SEED_ID}.trig" in result.output
    assert f"from {SEED_TEXT}" in result.output

    data = (data_dir / "reviews" / f"{SEED_ID}.trig").read_bytes()
    assert objects(data, CLAIM + "4/decision", WG + "extractedValue") == {"Ana de Armas as Rooney"}
    assert objects(data, CLAIM + "5", WG + "decision") == set()  # skipped: kept as extracted, not reviewed
    [row] = [r for r in rows(store_dir, "curation") if r["review"].endswith(SEED_ID)]
    assert (row["accepted"], row["corrected"], row["rejected"], row["notReviewed"]) == ("2", "1", "1", "6")
    listed = CliRunner().invoke(cli, ["reviews", "--store", str(store_dir)])
    assert f"{SEED_ID}  From the World of John Wick: Ballerina" in listed.output
    assert listed.output.splitlines()[2].split()[-2:] == ["9", "0"]


def test_add_review_declined_writes_nothing(fresh: tuple[Path, Path]) -> None:
    data_dir, store_dir = fresh
    result = CliRunner().invoke(cli, ["add", str(SEED_TEXT), "--review", "--data", str(data_dir),
                                      "--store", str(store_dir)], input="s\nn\n")
    assert result.exit_code == 0
    assert result.output.rstrip().endswith("nothing was written")
    assert not (data_dir / "reviews" / f"{SEED_ID}.trig").exists()


def test_add_review_takes_one_file(fresh: tuple[Path, Path]) -> None:
    data_dir, store_dir = fresh
    result = CliRunner().invoke(cli, ["add", str(SEED_TEXT), str(SEED_TEXT), "--review", "--data", str(data_dir),
                                      "--store", str(store_dir)])
    assert result.exit_code == 2
    assert result.stderr == "Error: --review walks the claims of one review: give exactly one FILE\n"


def test_an_edited_year_must_be_a_year(fresh: tuple[Path, Path]) -> None:
    data_dir, store_dir = fresh
    result = CliRunner().invoke(cli, ["add", str(SEED_TEXT), "--review", "--data", str(data_dir), "--store",
                                      str(store_dir)], input="e\nsoon\n2025\ns\ny\n")
    assert result.exit_code == 0, result.output
    assert "year 'soon': expected a year such as 2025" in result.stderr
    data = (data_dir / "reviews" / f"{SEED_ID}.trig").read_bytes()
    assert objects(data, CLAIM + "1", WG + "claimedYear") == {"2025"}
    assert objects(data, CLAIM + "1/decision", WG + "extractedValue") == {"2024"}


# -- curated reviews as evaluation data ---------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "tests" / "data" / "shared" / "tools" / "score_extraction.py"  # a copy of ../shared's yardstick


def test_fully_accepted_seed_review_scores_1_against_its_own_export(fresh: tuple[Path, Path], tmp_path: Path) -> None:
    import subprocess
    import sys

    data_dir, store_dir = fresh
    card = seed_card()
    commit_card(curated_card(card, [{"decision": "accepted"} for _ in card["claims"]]), source="seed",
                data_dir=data_dir, store_dir=store_dir, added_by="alice", now=WHEN)
    gold = tmp_path / "gold"
    exported = CliRunner().invoke(cli, ["curated", "--export", str(gold), "--store", str(store_dir)])
    assert exported.exit_code == 0 and exported.output == f"wrote 1 curated review(s) to {gold}\n"
    assert sorted(p.name for p in gold.iterdir()) == [f"{SEED_ID}.json", f"{SEED_ID}.txt"]
    assert (gold / f"{SEED_ID}.txt").read_text(encoding="utf-8") == SEED_TEXT.read_text(encoding="utf-8")
    if not SCORER.is_file():
        pytest.fail(f"the shared yardstick {SCORER} is missing")
    score = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "extraction.py"), "--gold", str(gold),
                            "--scorer", str(SCORER)], capture_output=True, text=True, check=True, cwd=ROOT)
    assert score.stdout.splitlines()[-1] == (
        "P=1.00 R=1.00 F1=1.00 conflicts=1.00 caught=1.00 offsets=1.00 over 1 reviews")


def test_export_holds_the_corrected_values_and_not_the_rejected_claims(fresh: tuple[Path, Path],
                                                                      tmp_path: Path) -> None:
    data_dir, store_dir = fresh
    card = seed_card()
    commit_card(curated_card(card, seed_decisions(card)), source="seed", data_dir=data_dir, store_dir=store_dir,
                added_by="alice", now=WHEN)
    CliRunner().invoke(cli, ["curated", "--export", str(tmp_path), "--store", str(store_dir)])
    gold = json.loads((tmp_path / f"{SEED_ID}.json").read_text(encoding="utf-8"))
    assert gold["review"] == f"{SEED_ID}.txt"
    assert gold["film"] == {"title": "From the World of John Wick: Ballerina", "year": 2025}
    assert [c["type"] for c in gold["claims"]] == [
        "franchise_member", "director", "cast", "cast", "reprise", "cast", "reprise", "cast", "rating", "cast"]
    corrected = gold["claims"][2]
    assert corrected == {"type": "cast", "actor": "Ana de Armas", "character": "Eve Macarro",
                         "evidence": "Ana de Armas in the lead role of Rooney", "start": 130, "end": 169,
                         "true_in_reference": True}
    assert gold["claims"][8] == {"type": "rating", "value": 3.5, "scale": 5, "evidence": "Rating: 3.5 out of 5 stars",
                                 "start": 3132, "end": 3158}
    listed = CliRunner().invoke(cli, ["curated", "--store", str(store_dir)])
    assert listed.output.splitlines()[2:] == [f"{SEED_ID}  From the World of John Wick: Ballerina  10",
                                              "(1 curated review)"]


def test_checking_a_claim_gives_the_reference_side_and_the_known_false_claim_it_repeats(data_dir: Path) -> None:
    # the fact sheet's known false claim "Catalina Sandino Moreno as Nogi" (an actor-and-role value)
    checked = check_claim({"type": "cast", "actor": "Catalina Sandino Moreno", "character": "Nogi",
                           "evidence": "Catalina Sandino Moreno as Nogi"}, film="Ballerina", data_dir=data_dir)
    assert (checked["status"], checked["reference"]) == ("contradicted", "Catalina Sandino Moreno as Lena")
    assert checked["explanation"] == (
        "Sharon Duncan-Brewster plays Nogi, Eve's Ruska Roma trainer; Catalina Sandino Moreno plays Lena, "
        "the Chancellor-raised assassin revealed as Eve's sister.")
    credit = check_claim({"type": "director", "person": "Chad Stahelski", "evidence": "directed by Chad Stahelski"},
                         film="Ballerina", data_dir=data_dir)
    assert (credit["status"], credit["reference"]) == ("contradicted", "Len Wiseman")
    assert credit["explanation"].startswith("Len Wiseman is the credited director; Stahelski is a producer.")


def test_pages_of_a_rejected_claim_and_its_decision_answer(fresh: tuple[Path, Path]) -> None:
    """A rejected claim is no claim of its review, but its page, its decision's and its evidence's answer."""
    from starlette.testclient import TestClient

    from wickgraph.server.app import create_app

    data_dir, store_dir = fresh
    card = seed_card()
    commit_card(curated_card(card, seed_decisions(card)), source="seed-review.txt", data_dir=data_dir,
                store_dir=store_dir, base_sha=None, added_by="Alice Editor", now=WHEN)
    claim = f"/id/claim/{SEED_ID}/1"
    with TestClient(create_app(store_path=store_dir)) as client:
        pages = {path: client.get(path, headers={"accept": "text/html"})
                 for path in (claim, claim + "/decision", claim + "/evidence")}
    assert {path: page.status_code for path, page in pages.items()} == dict.fromkeys(pages, 200)
    assert "RejectedClaim" in pages[claim].text
    assert "rejected" in pages[claim + "/decision"].text and "2024" in pages[claim + "/decision"].text
