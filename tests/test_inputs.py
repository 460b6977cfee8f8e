"""Reading review files: plain text, saved web pages, structured cards, and every kind of bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wickgraph.errors import ReviewInputError
from wickgraph.extract import extract_file
from wickgraph.extract.inputs import read_review

CASES = Path(__file__).resolve().parent / "data" / "extract"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    target = tmp_path / "parabellum.html"
    shutil.copy(CASES / "saved_page.html.in", target)
    return target


@pytest.fixture
def card(tmp_path: Path) -> Path:
    target = tmp_path / "ballerina-card.json"
    shutil.copy(CASES / "card.json.in", target)
    return target


def test_plain_text_keeps_the_text(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Halle Berry stars as Sofia.\r\nRating: 4/5\r\n", encoding="utf-8")
    review = read_review(path)
    assert review.text == "Halle Berry stars as Sofia.\nRating: 4/5\n"
    assert review.metadata == {} and review.claims == ()


def test_html_main_text_without_navigation_or_footer(page: Path) -> None:
    review = read_review(page)
    assert "Halle Berry stars as Sofia" in review.text
    assert "fan club" not in review.text and "sponsored link" not in review.text


def test_html_schema_org_review_metadata(page: Path) -> None:
    review = read_review(page)
    assert review.metadata == {
        "author": "Ines Okafor", "publisher": "The Screening Room", "published": "2019-05-17",
        "url": "https://screening-room.example/parabellum", "film": "John Wick: Chapter 3 – Parabellum",
        "rating": {"value": 4, "scale": 5},
    }


def test_html_claims_have_offsets_into_the_extracted_text(page: Path) -> None:
    result = extract_file(page)
    assert result.film_iri == "https://w3id.org/wickgraph/id/work/john-wick-chapter-3-parabellum-2019"
    facts = {(c.type, c.actor or c.person, c.character) for c in result.claims}
    assert facts == {("cast", "Halle Berry", "Sofia"), ("cast", "Mark Dacascos", "Zero"),
                     ("cast", "Asia Kate Dillon", "the Adjudicator"), ("director", "Chad Stahelski", None),
                     ("franchise_member", None, None)}  # "picks up minutes after the second film ended"
    assert all(result.text[c.start:c.end] == c.evidence for c in result.claims)


def test_html_tables_reach_the_layout_step(tmp_path: Path) -> None:
    """A saved page's cast table becomes a pipe table in the text, whose rows pair actor and role."""
    page = tmp_path / "chapter-4.html"
    shutil.copy(CASES / "saved_page_table.html.in", page)
    result = extract_file(page)
    assert "| Caine | Donnie Yen |" in result.text
    cast = {(c.actor, c.character) for c in result.claims if c.type == "cast"}
    assert cast == {("Donnie Yen", "Caine"), ("Bill Skarsgård", "The Marquis"), ("Hiroyuki Sanada", "Koji")}
    assert all(result.text[c.start:c.end] == c.evidence for c in result.claims)


def test_card_claims_are_linked_and_checked_not_reextracted(card: Path) -> None:
    result = extract_file(card)
    assert result.film_iri == "https://w3id.org/wickgraph/id/work/ballerina-2025"
    assert result.metadata["author"] == "Sam Ruiz" and result.metadata["rating"] == {"value": 4, "scale": 5}
    cast, director = result.claims
    assert (cast.actor_iri, cast.character_iri, cast.status) == (
        "https://w3id.org/wickgraph/id/person/ana-de-armas", "https://w3id.org/wickgraph/id/character/eve-macarro",
        "supported")
    assert director.status == "contradicted"
    # the card's wrong offsets are recomputed against its text
    assert result.text[director.start:director.end] == director.evidence == "Directed by Chad Stahelski"


def test_card_without_text_uses_its_evidence_quotes(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('{"film": "JW4", "claims": [{"type": "release_year", "year": 2023, "evidence": "out in 2023"}]}',
                    encoding="utf-8")
    result = extract_file(path)
    (claim,) = result.claims
    assert result.text == "out in 2023" and (claim.start, claim.end, claim.status) == (0, 11, "supported")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("binary.txt", b"GIF89a\x00\x01\x02\x00", "binary file"),
    ("empty.txt", b"  \n\t\n", "empty review"),
    ("latin1.txt", "Keanu Reeves est formidable, très élégant.".encode("latin-1"), "not valid UTF-8"),
    ("review.pdf", b"%PDF-1.4", "unknown review file type '.pdf'; accepted: .txt, .html, .htm, .json"),
    ("noext", b"Keanu", "unknown review file type '(none)'"),
    ("bad.json", b"{not json", "not valid JSON (line 1, column 2)"),
    ("list.json", b"[1, 2]", "a review card must be a JSON object"),
    ("claims.json", b'{"claims": [1]}', "'claims' must be a list of objects"),
    ("blank.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "no article text"),
])
def test_bad_inputs_raise_one_clear_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReviewInputError) as caught:
        read_review(path)
    assert message in str(caught.value)
    assert caught.value.filename == str(path) and str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value) and caught.value.exit_code == 2


def test_latin1_error_suggests_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("café".encode("latin-1"))
    with pytest.raises(ReviewInputError, match="save the review as UTF-8"):
        read_review(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReviewInputError, match="cannot read the file"):
        read_review(tmp_path / "nope.txt")


def test_cli_extract_outputs(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from wickgraph.cli import cli

    path = tmp_path / "r.txt"
    path.write_text("John Wick: Chapter 2 (2017) is great. Ruby Rose plays Ares.\nRating: 4/5\n", encoding="utf-8")
    runner = CliRunner()
    as_json = runner.invoke(cli, ["extract", str(path), "--json"])
    assert as_json.exit_code == 0
    data = json.loads(as_json.output)
    assert data["film"]["title"] == "John Wick: Chapter 2"
    assert [c["type"] for c in data["claims"]] == ["release_year", "cast", "rating"]
    table = runner.invoke(cli, ["extract", str(path)])
    assert table.exit_code == 0 and "Ruby Rose as Ares" in table.output and "supported" in table.output
    text = runner.invoke(cli, ["extract", str(path), "--text"])
    assert text.output == path.read_text(encoding="utf-8")
    bad = tmp_path / "x.doc"
    bad.write_text("x", encoding="utf-8")
    failed = runner.invoke(cli, ["extract", str(bad)])
    assert failed.exit_code == 2
    assert failed.output.strip().splitlines() == [
        f"Error: {bad}: unknown review file type '.doc'; accepted: .txt, .html, .htm, .json"]


# -- card fields of the wrong type or form (issue 12, item 12) ---------------------------------------


@pytest.mark.parametrize(("card", "message"), [
    ('{"film": 42, "text": "x"}', "card field 'film' must be a title or {\"title\": ...}, not a number 42"),
    ('{"url": ["a", "b"], "text": "x"}', "card field 'url' must be a string, not a list [\"a\", \"b\"]"),
    ('{"author": {"name": "Sam"}, "text": "x"}', "card field 'author' must be a string, not an object"),
    ('{"published": "yesterday", "text": "x"}', "card field 'published' must be a date as YYYY-MM-DD, not a string"),
    ('{"rating": "four stars", "text": "x"}', "card field 'rating' must be an object such as"),
    ('{"rating": {"value": 9, "scale": 5}, "text": "x"}', "card field 'rating' must be an object such as"),
    ('{"claims": [{"type": "cast", "actor": ["Keanu Reeves"], "evidence": "x"}]}',
     "card field 'claims[0].actor' must be a string, not a list"),
    ('{"claims": [{"type": "producer", "person": "X", "evidence": "x"}]}',
     "card field 'claims[0].type' must be one of director, writer, cast"),
    ('{"claims": [{"type": "release_year", "year": "2019", "evidence": "x"}]}',
     "card field 'claims[0].year' must be a whole number, not a string \"2019\""),
    ('{"claims": [{"type": "rating", "value": "great", "scale": 5, "evidence": "x"}]}',
     "card field 'claims[0].value' must be a number"),
    ("[" * 100_000 + "]" * 100_000, "not a review card: JSON nested too deeply"),
])
def test_bad_card_fields_name_the_field(tmp_path: Path, card: str, message: str) -> None:
    path = tmp_path / "card.json"
    path.write_text(card, encoding="utf-8")
    with pytest.raises(ReviewInputError) as caught:
        read_review(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)


@pytest.mark.parametrize("card", [
    ('{"film": {"title": "Ballerina"}, "published": "2025-06-14", "rating": {"value": "B+", "scale": "letter"}, '
     '"text": "Ana de Armas plays Eve."}'),
    ('{"film": "JW4", "rating": {"value": 3.5, "scale": 5}, "claims": [{"type": "rating", "value": 3.5, "scale": 5, '
     '"evidence": "3.5/5"}]}'),
    '{"film": null, "author": null, "text": "Keanu Reeves is John Wick."}',
])
def test_good_cards_still_read(tmp_path: Path, card: str) -> None:
    path = tmp_path / "card.json"
    path.write_text(card, encoding="utf-8")
    assert read_review(path).text


def test_add_skip_bad_goes_past_a_card_with_a_wrong_field(tmp_path: Path, runner: object, data_dir: Path,
                                                          built_store_dir: Path) -> None:
    from click.testing import CliRunner

    from wickgraph.cli import cli

    assert isinstance(runner, CliRunner)
    bad = tmp_path / "bad.json"
    bad.write_text('{"film": "Ballerina", "author": {"name": "Sam"}, "text": "Ana de Armas plays Eve."}',
                   encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Ballerina (2025): Ana de Armas stars as Eve Macarro.\n", encoding="utf-8")
    before = sorted(p.name for p in (data_dir / "reviews").glob("*.trig"))
    aborted = runner.invoke(cli, ["add", str(bad), str(good), "--yes"])
    assert aborted.exit_code == 2 and "Traceback" not in aborted.output
    assert aborted.stderr == (f"Error: {bad}: card field 'author' must be a string, not an object "
                              '{"name": "Sam"}; nothing was added\n')
    assert sorted(p.name for p in (data_dir / "reviews").glob("*.trig")) == before
    skipped = runner.invoke(cli, ["add", str(bad), str(good), "--yes", "--skip-bad"])
    assert skipped.exit_code == 0, skipped.output
    assert f"skipped {bad}: card field 'author' must be a string" in skipped.stderr
    assert "1 added, 0 replaced, 0 unchanged, 1 skipped" in skipped.output


def test_cli_extract_of_a_bad_card_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wickgraph.cli import cli

    bad = tmp_path / "bad.json"
    bad.write_text('{"film": 42, "text": "Keanu Reeves is John Wick."}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {bad}: card field 'film' must be a title or {{\"title\": ...}}, not a number 42"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    path.write_bytes(bom + "Keanu Reeves plays John Wick in John Wick: Chapter 4.\n".encode(encoding))
    result = extract_file(path)
    assert result.text.startswith("Keanu Reeves plays John Wick")
    assert [(c.actor, c.character) for c in result.claims if c.type == "cast"] == [("Keanu Reeves", "John Wick")]


def test_utf16_without_a_bom_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("Keanu".encode("utf-16-le"))
    with pytest.raises(ReviewInputError, match="binary file"):
        read_review(path)


# -- size (issue 12, item 13) ---------------------------------------------------------------------------


def test_inputs_over_the_size_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from wickgraph.extract import extract, inputs

    monkeypatch.setattr(inputs, "MAX_REVIEW_BYTES", 1000)
    monkeypatch.setattr(importlib.import_module("wickgraph.extract"), "MAX_REVIEW_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Keanu Reeves. " * 100, encoding="utf-8")
    with pytest.raises(ReviewInputError, match=r"file too large for a review \(1,400 bytes; the limit is 1,000\)"):
        read_review(path)
    with pytest.raises(ReviewInputError, match=r"review text too large \(1,001 characters; the limit is 1,000\)"):
        extract("a" * 1001)


def test_extraction_is_linear_on_one_long_line() -> None:
    """Ten times the text on one line costs about ten times as much, not a hundred (it was quadratic)."""
    import time

    from wickgraph.extract import extract

    sentence = ("Keanu Reeves plays John Wick and Ian McShane is Winston, directed by Chad Stahelski; the plot is "
                "thin, and Lance Reddick's Charon steals a scene. ")
    extract(sentence, film="John Wick")

    def seconds(copies: int) -> float:
        text = sentence * copies
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            extract(text, film="John Wick")
            best = min(best, time.perf_counter() - start)
        return best

    small, large = seconds(150), seconds(1500)
    assert large / small < 25, (small, large)
