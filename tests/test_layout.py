"""Layout units (wickgraph/extract/layout.py, units.py): each layout in three or more wordings written for
these tests, with prose that merely looks like it as negative cases. Evidence is always text[start:end]."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wickgraph.errors import InputError
from wickgraph.extract import extract
from wickgraph.extract.layout import normalise, read_layout
from wickgraph.extract.layout_words import load_layout_words

CH2 = "John Wick: Chapter 2"
JW4 = "John Wick: Chapter 4"
CON = "The Continental"
BAL = "Ballerina"

Fact = tuple[str, str | None, str | None, str]


def facts(text: str, film: str, kinds: tuple[str, ...] = ("cast", "director", "writer")) -> set[Fact]:
    """(type, actor or person, character, status) of every claim, after checking each claim's evidence."""
    result = extract(text, film)
    for claim in result.claims:
        assert text[claim.start:claim.end] == claim.evidence != ""
    return {(c.type, c.actor or c.person, c.character, c.status) for c in result.claims if c.type in kinds}


def cast(actor: str, character: str | None, status: str = "supported") -> Fact:
    return ("cast", actor, character, status)


# -- the view ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Cassian ........ Common\nAres . . . . . . Ruby Rose\n",
    "CHARACTER          PLAYED BY\nGianna             Claudia Gerini\n",
    "| Actor | Role |\n|---|---|\n| Common | Cassian |\nWinston \u2026\u2026 Ian McShane\nAres ______ Ruby Rose\n",
])
def test_view_has_the_same_length_and_only_blanks_layout(text: str) -> None:
    view = normalise(text)
    assert len(view) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, view, strict=True))
    assert ".." not in view and "\u2026" not in view and "__" not in view
    assert "PLAYED BY" not in view and "| Actor | Role |" not in view  # header rows are layout, not names


@pytest.mark.parametrize("text", [
    "Wait... what? Common... is great.",      # an ellipsis at a word's end is punctuation, not a leader
    "The role of a lifetime, and the cast is superb.",
    "Pick a card -- any card.",
])
def test_view_keeps_prose_punctuation_and_header_words_in_sentences(text: str) -> None:
    assert normalise(text) == text


# -- rows: the units the reader sees -----------------------------------------------------------------


def test_rows_give_cells_and_header_columns() -> None:
    text = "ROLE            ACTOR\nThe Sommelier   Peter Serafinowicz\nValet           Sam Doe Jones\n\nplain prose"
    rows = read_layout(text).rows
    assert [[text[s:e] for s, e in row.cells] for row in rows] == [
        ["The Sommelier", "Peter Serafinowicz"], ["Valet", "Sam Doe Jones"]]
    assert [row.columns for row in rows] == [("role", "actor"), ("role", "actor")]
    assert rows[0].block == rows[1].block


def test_a_table_rule_does_not_end_the_block_but_a_blank_line_does() -> None:
    text = "| Character | Actor |\n|:--|--:|\n| Ares | Ruby Rose |\n\n| Winston | Ian McShane |\n"
    rows = read_layout(text).rows
    assert rows[0].columns == ("role", "actor") and rows[1].columns is None
    assert rows[0].block != rows[1].block


def test_credits_give_label_items_and_asides() -> None:
    text = "Directed by: Albert Hughes (nights one and three) / Charlotte Br\u00e4ndstr\u00f6m (night two)"
    (credit,) = read_layout(text).credits
    assert credit.job == "director"
    assert [text[s:e] for s, e in credit.items] == ["Albert Hughes", "Charlotte Br\u00e4ndstr\u00f6m"]
    assert [text[a[0]:a[1]] for a in credit.asides if a is not None] == ["(nights one and three)", "(night two)"]


def test_capsule_line_holds_several_labels() -> None:
    text = "D: Chad Stahelski \u00b7 W: Derek Kolstad \u00b7 With Keanu Reeves, Common, Ruby Rose"
    credits = read_layout(text).credits
    assert [(c.job, [text[s:e] for s, e in c.items]) for c in credits] == [
        ("director", ["Chad Stahelski"]), ("writer", ["Derek Kolstad"]),
        ("cast", ["Keanu Reeves", "Common", "Ruby Rose"])]


# -- cast lines joined by leaders or padding ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Cassian ........ Common\nAres ........... Ruby Rose\nWinston ........ Ian McShane\n",
    "Common . . . . . . Cassian\nRuby Rose . . . . Ares\nIan McShane . . . Winston\n",
    "Cassian \u2026 Common\nAres \u2026 Ruby Rose\nWinston \u2026 Ian McShane\n",
    "Common ______ Cassian\nRuby Rose ___ Ares\nIan McShane __ Winston\n",
])
def test_leader_lines_in_either_order(text: str) -> None:
    assert facts(text, CH2) == {cast("Common", "Cassian"), cast("Ruby Rose", "Ares"), cast("Ian McShane", "Winston")}


@pytest.mark.parametrize("text", [
    "CHARACTER          PLAYED BY\nSantino D'Antonio  Riccardo Scamarcio\nGianna             Claudia Gerini\n",
    "ACTOR                ROLE\nRiccardo Scamarcio   Santino D'Antonio\nClaudia Gerini       Gianna\n",
    "Actor\tCharacter\nRiccardo Scamarcio\tSantino D'Antonio\nClaudia Gerini\tGianna\n",
])
def test_fixed_width_columns_with_a_header(text: str) -> None:
    found = facts(text, CH2)
    assert found == {cast("Riccardo Scamarcio", "Santino D'Antonio"), cast("Claudia Gerini", "Gianna")}


@pytest.mark.parametrize("text", [
    # a header decides the columns, so names the reference does not know are read (unreconciled)
    "| Role | Actor |\n|---|---|\n| Winston Scott | Colin Woodell |\n| Addy | Bridget Regan |\n",
    ("| Actor | Role | Notes |\n|---|---|---|\n| Colin Woodell | Winston Scott | young |\n"
     "| Bridget Regan | Addy | one scene, no lines |\n"),
    "CAST                PART\nColin Woodell       Winston Scott\nBridget Regan       Addy\n",
    # without a header, the block's known rows give the orientation
    "Winston Scott ...... Colin Woodell\nAddy ............... Bridget Regan\n",
])
def test_header_or_block_decides_columns_for_unknown_names(text: str) -> None:
    result = extract(text, CON)
    pairs = {(c.actor, c.character, c.actor_iri is None, c.status) for c in result.claims if c.type == "cast"}
    assert pairs == {("Colin Woodell", "Winston Scott", False, "supported"), ("Bridget Regan", "Addy", True, "unknown")}
    assert all(text[c.start:c.end] == c.evidence for c in result.claims)


@pytest.mark.parametrize("text", [
    "Valet ............... Sam Doe Jones\n",      # one row, no known row, no header: no orientation
    "Tuesday - Common\nWednesday - Ruby Rose\n",  # days, not roles
    "TOM: Keanu Reeves.\nANNA: Common!\n",        # speakers in a transcript
    "Best fight: Common - Keanu Reeves on the stairs\n",
])
def test_rows_without_a_decidable_role_make_no_role(text: str) -> None:
    assert all(character is None for _, _, character, _ in facts(text, CH2))


def test_a_notes_column_stays_out_of_the_evidence_and_the_filters() -> None:
    text = "| Actor | Role | Notes |\n|---|---|---|\n| Keanu Reeves | John Wick | can't reload without looking cool |\n"
    (claim,) = [c for c in extract(text, CH2).claims if c.type == "cast"]
    assert (claim.actor, claim.character, claim.evidence) == ("Keanu Reeves", "John Wick", "Keanu Reeves | John Wick")


def test_a_false_row_is_flagged() -> None:
    text = "Peter Stormare ..... Viggo Tarasov\nCommon ..... Cassian\n"
    assert facts(text, CH2) == {cast("Peter Stormare", "Viggo Tarasov", "contradicted"), cast("Common", "Cassian")}


def test_a_header_row_is_never_a_claim() -> None:
    for text in ("CHARACTER          PLAYED BY\n", "ACTOR ........ ROLE\n", "| Character | Actor |\n|---|---|\n"):
        assert extract(text, CH2).claims == ()


# -- credit labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "W: Greg Coolidge, Kirk Ward, Shawn Simmons\n",
    "Writers: Greg Coolidge; Kirk Ward; Shawn Simmons\n",
    "Written by Greg Coolidge \u00b7 Kirk Ward \u00b7 Shawn Simmons\n",
    "Written by: Greg Coolidge / Kirk Ward and Shawn Simmons (teleplay)\n",
    "Writers\nGreg Coolidge, Kirk Ward & Shawn Simmons\n",
])
def test_writer_lists_in_any_separator(text: str) -> None:
    people = {"Greg Coolidge", "Kirk Ward", "Shawn Simmons"}
    assert facts(text, CON) == {("writer", p, None, "supported") for p in people}


@pytest.mark.parametrize(("text", "people"), [
    ("D: Albert Hughes\n", {"Albert Hughes"}),
    ("Dir. Albert Hughes\n", {"Albert Hughes"}),
    ("Directors\nAlbert Hughes, Charlotte Br\u00e4ndstr\u00f6m\n", {"Albert Hughes", "Charlotte Br\u00e4ndstr\u00f6m"}),
    ("Directed by: Albert Hughes (nights one and three) / Charlotte Br\u00e4ndstr\u00f6m (night two)\n",
     {"Albert Hughes", "Charlotte Br\u00e4ndstr\u00f6m"}),
    ("Director \u2014 Albert Hughes\n", {"Albert Hughes"}),
])
def test_director_labels(text: str, people: set[str]) -> None:
    assert facts(text, CON) == {("director", p, None, "supported") for p in people}


@pytest.mark.parametrize("text", [
    "D: Chad Stahelski \u00b7 W: Derek Kolstad \u00b7 With Keanu Reeves, Common, Ruby Rose\n",
    "Dir: Chad Stahelski | Wri: Derek Kolstad | Cast: Keanu Reeves, Common, Ruby Rose\n",
    "D: Chad Stahelski. W: Derek Kolstad. With Keanu Reeves, Common and Ruby Rose.\n",
])
def test_capsule_credits(text: str) -> None:
    assert facts(text, CH2) == {("director", "Chad Stahelski", None, "supported"),
                                ("writer", "Derek Kolstad", None, "supported"),
                                cast("Keanu Reeves", None), cast("Common", None), cast("Ruby Rose", None)}


@pytest.mark.parametrize("text", [
    "Writer/Director: Chad Stahelski\n",
    "Written and directed by Chad Stahelski\n",
    "Writer-director: Chad Stahelski\n",
])
def test_one_label_for_both_jobs_checks_both(text: str) -> None:
    # Stahelski directed Chapter 2 but did not write it: the writer half is the false claim
    assert facts(text, CH2) == {("director", "Chad Stahelski", None, "supported"),
                                ("writer", "Chad Stahelski", None, "contradicted")}


@pytest.mark.parametrize("text", [
    "Starring: Keanu Reeves (John Wick); Common (Cassian); Ruby Rose (Ares); Ian McShane\n",
    "Starring: John Wick (Keanu Reeves); Cassian (Common); Ares (Ruby Rose); Ian McShane\n",
    "Cast: Keanu Reeves [John Wick], Common [Cassian], Ruby Rose [Ares], Ian McShane\n",
])
def test_cast_labels_with_roles_in_brackets(text: str) -> None:
    assert facts(text, CH2) == {cast("Keanu Reeves", "John Wick"), cast("Common", "Cassian"),
                                cast("Ruby Rose", "Ares"), cast("Ian McShane", None)}


@pytest.mark.parametrize("text", [
    "---\ntitle: John Wick: Chapter 2\ndirector: Chad Stahelski\ncast:\n  - Keanu Reeves\n  - Bridget Regan\n---\n",
    "---\ndirector: [Chad Stahelski]\ncast: [Keanu Reeves, Bridget Regan]\nmy_rating: 4/5\n---\nGreat.\n",
    "director = Chad Stahelski\ncast = Keanu Reeves, Bridget Regan\n",
])
def test_front_matter(text: str) -> None:
    found = facts(text, CH2)
    assert ("director", "Chad Stahelski", None, "supported") in found
    assert cast("Keanu Reeves", None) in found
    # a person the reference does not know, listed in the cast: kept, not called an error
    assert ("cast", "Bridget Regan", None, "unknown") in found or ("cast", "Bridget Regan", None, "contradicted") in found


# -- prose that merely looks like a label or a row -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Directors I admire: Michael Mann, John Woo.\n",
    "With Tom Hardy gone, the film would sag.\n",
    "Score: Tyler Bates and Joel J. Richard\nDirector of photography: Dan Laustsen\n",
    "Stars: \u2605\u2605\u2605\u2605\nCast: superb.\nDirector: on fire.\n",
    "Producers: Basil Iwanyk, Erica Lee\n",
])
def test_prose_and_other_jobs_are_no_credits(text: str) -> None:
    found = facts(text, CH2)
    assert not {f for f in found if f[0] in ("director", "writer") and f[1] not in ("Derek Kolstad",)}
    assert not {f for f in found if f[0] == "cast" and f[1] in ("Tom Hardy", "Basil Iwanyk", "Erica Lee")}


def test_a_credit_list_ends_where_a_new_clause_starts() -> None:
    """"Written by A and B, who also did the stunts, directs": B, with his aside, is the subject of "directs",
    not a second writer."""
    found = facts("Written by Derek Kolstad and Chad Stahelski, who also did the stunts, directs.\n", CH2)
    assert ("writer", "Derek Kolstad", None, "supported") in found
    assert ("director", "Chad Stahelski", None, "supported") in found
    assert not [f for f in found if f[0] == "writer" and f[1] == "Chad Stahelski"]


@pytest.mark.parametrize("text", [
    "Writers: Michael Mann and John Woo are my favourites.\n",
    "Directors: Michael Mann, then John Woo, taught Stahelski everything.\n",
    "Cast: Keanu Reeves and Common Sense Media agree it is violent.\n",
])
def test_a_label_whose_list_runs_into_a_sentence_is_no_unit(text: str) -> None:
    (credit,) = read_layout(text).credits  # the label is seen; its items are not all names
    assert len(credit.items) >= 2
    assert not [c for c in extract(text, CH2).claims if c.rule == "layout-credit"]


# -- the word lists are data, validated on load ----------------------------------------------------------


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "layout.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("data", "message"), [
    ({"id": "x"}, "must hold a JSON list"),
    ([{"words": ["a"]}], "needs an 'id'"),
    ([{"id": "header-actor", "words": ["actor"]}], "missing 'description'"),
    ([{"id": "header-actor", "description": "d", "words": []}], "'words' must be a non-empty list"),
    ([{"id": "header-actor", "description": "d", "words": ["a"]}] * 2, "duplicate layout word list"),
    ([{"id": "header-actor", "description": "d", "words": ["a"]}], "missing layout word lists"),
])
def test_bad_word_lists_name_the_file_and_the_fault(tmp_path: Path, data: object, message: str) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(InputError, match=message) as error:
        load_layout_words(path)
    assert str(path) in str(error.value)


def test_every_word_list_has_a_phenomenon() -> None:
    data = json.loads((Path(__file__).resolve().parents[1] / "wickgraph" / "extract" / "layout.json").read_text())
    assert all(len(entry["description"]) > 40 for entry in data)


# -- a heading over a list says something of every item -------------------------------------------------


def reprises(text: str, film: str) -> set[tuple[str | None, str | None, str]]:
    return {(c.actor, c.character, c.status) for c in extract(text, film).claims if c.type == "reprise"}


@pytest.mark.parametrize("text", [
    "Returning:\n- Ian McShane as Winston\n- Lance Reddick as Charon\n",
    "**Back again**\n* Winston (Ian McShane)\n* Charon (Lance Reddick)\n",
    "## Familiar faces\nWinston ...... Ian McShane\nCharon ....... Lance Reddick\n",
    "Returning (from Parabellum):\n1. Ian McShane - Winston\n2. Lance Reddick - Charon\n",
])
def test_a_returning_heading_makes_its_roles_reprises(text: str) -> None:
    assert reprises(text, JW4) == {("Ian McShane", "Winston", "supported"), ("Lance Reddick", "Charon", "supported")}


def test_a_markdown_heading_keeps_its_list_after_a_blank_line() -> None:
    text = "## Returning\n\n- Ian McShane as Winston\n- Lance Reddick as Charon\n\nDonnie Yen as Caine is new.\n"
    assert reprises(text, JW4) == {("Ian McShane", "Winston", "supported"), ("Lance Reddick", "Charon", "supported")}


def test_a_returning_heading_ends_at_a_blank_line_or_the_next_heading() -> None:
    text = ("Returning:\n- Ian McShane as Winston\n\n- Donnie Yen as Caine\n"
            "Also back:\n- Lance Reddick as Charon\nNew faces:\n- Rina Sawayama as Akira\n")
    assert reprises(text, JW4) == {("Ian McShane", "Winston", "supported"), ("Lance Reddick", "Charon", "supported")}


def test_a_false_reprise_under_a_heading_is_flagged() -> None:
    # Sofia is Parabellum's; she is not in Chapter 4, so neither the cast claim nor its reprise holds
    text = "Returning:\n- Halle Berry as Sofia\n- Ian McShane as Winston\n"
    assert ("Halle Berry", "Sofia", "contradicted") in reprises(text, JW4)


@pytest.mark.parametrize("text", [
    "Not returning:\n- Ian McShane as Winston\n- Lance Reddick as Charon\n",
    "**Sat this one out**\n* Ian McShane (Winston)\n* Lance Reddick (Charon)\n",
    "Missing:\nWinston ...... Ian McShane\nCharon ....... Lance Reddick\n",
    # a Markdown heading, a blank line, then its list
    "### Removed\n\n- Winston (Ian McShane) — gone at the end of the last one.\n- Charon (Lance Reddick)\n",
    "Written out:\n\n* Ian McShane as Winston\n* Lance Reddick as Charon\n",
    "NON-RUNNERS\nWINSTON — Ian McShane\nCHARON — Lance Reddick\n",
])
def test_an_absent_heading_makes_its_list_no_claim(text: str) -> None:
    assert facts(text, JW4) == set()


@pytest.mark.parametrize("text", [
    "New faces:\n- Ian McShane as Winston\n- Lance Reddick as Charon\n",
    "Back to basics:\n- Ian McShane as Winston\n- Lance Reddick as Charon\n",
    "Returning to the story, Ian McShane as Winston and Lance Reddick as Charon are fine.\n",
])
def test_other_headings_and_prose_make_no_reprise(text: str) -> None:
    assert reprises(text, JW4) == set()


@pytest.mark.parametrize("text", [
    "Sophie Kane Price - Tatiana, a ballerina with a knife\nAna de Armas - Eve Macarro, who carries it\n",
    "Tatiana (one great fight) ...... Sophie Kane Price\nEve Macarro (the lead) ......... Ana de Armas\n",
    "Cast:\nEve Macarro: Ana de Armas\nThe Director: Anjelica Huston\nTatiana: Sophie Kane Price\n",
])
def test_a_description_after_a_name_in_a_cell_is_left_out(text: str) -> None:
    found = facts(text, BAL, ("cast",))
    assert cast("Sophie Kane Price", "Tatiana", "unknown") in found
    assert cast("Ana de Armas", "Eve Macarro") in found


@pytest.mark.parametrize("text", [
    "Writers: Shay Hatten and Michael Finch (screenplay); Derek Kolstad (characters)\n",
    "Written by: Shay Hatten, Michael Finch, Derek Kolstad (based on characters created by)\n",
    "W: Shay Hatten / Michael Finch / Derek Kolstad [creator]\n",
])
def test_an_aside_naming_another_job_is_no_writer_credit(text: str) -> None:
    assert facts(text, JW4, ("writer",)) == {("writer", "Shay Hatten", None, "supported"),
                                             ("writer", "Michael Finch", None, "supported")}


@pytest.mark.parametrize("text", [
    ("## Returning\nIan McShane is Winston, as dry as ever, and Lance Reddick is Charon; both had smaller parts in the"
    " earlier films and I am not sure either is really back in any meaningful sense here.\n"),
    ("Back again:\nIt is hard to say what this film adds. Ian McShane plays Winston and Lance Reddick plays Charon, "
    "and the script gives them both very little to do beyond standing in doorways.\n"),
    ("**Familiar faces**\nThe film is long. Ian McShane as Winston and Lance Reddick as Charon get one scene each, "
    "which is a shame, because the rest of the cast is not half as interesting.\n"),
])
def test_a_heading_over_prose_is_no_list(text: str) -> None:
    assert ("Ian McShane", "Winston", "supported") not in reprises(text, JW4)
