"""Layout, mentions, film resolution, confidence and known false claims, each in three or more new wordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wickgraph.claimkinds import cast_false_claim_truth
from wickgraph.errors import InputError
from wickgraph.extract import extract
from wickgraph.extract.folding import fold
from wickgraph.extract.layout import normalise
from wickgraph.extract.links import CUES_FILE, load_cues
from wickgraph.extract.nameforms import sound_key
from wickgraph.extract.patterns import default_rules
from wickgraph.extract.translation import with_foreign_words_in_english
from wickgraph.extract.verse import verse_breaks
from wickgraph.reference import default_reference

ID = "https://w3id.org/wickgraph/id/"


EXTRACT_DATA = Path(__file__).parent / "data" / "extract"


def roles(text: str, film: str | None = None) -> set[tuple[str | None, str | None, str]]:
    return {(c.actor, c.character, c.status) for c in extract(text, film).claims if c.type == "cast"}


# -- layout ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "**Dir.** Chad Stahelski\n__Written by:__ Derek Kolstad",
    "| Keanu Reeves | John Wick |\n|:---|---:|\n| Common | Cassian |",
    "+------------+\n|  Grade: A- |\n+------------+\n- one\n* two\n3. three\n4/ four\n> quoted\n## Heading",
])
def test_layout_view_keeps_every_offset(text: str) -> None:
    view = normalise(text)
    assert len(view) == len(text)
    assert "*" not in view and "---" not in view and "##" not in view
    assert all(a == b or b == " " for a, b in zip(text, view, strict=True))


@pytest.mark.parametrize(("text", "film", "person"), [
    ("**Dir.** Chad Stahelski\n", "John Wick: Chapter 2", "Chad Stahelski"),
    ("* **Director:** Len Wiseman\n", "Ballerina", "Len Wiseman"),
    ("_Directed by:_ Chad Stahelski\n", "Parabellum", "Chad Stahelski"),
])
def test_label_lines_in_markdown(text: str, film: str, person: str) -> None:
    claims = extract(text, film).claims
    assert [(c.type, c.person, c.status) for c in claims] == [("director", person, "supported")]
    assert all(text[c.start:c.end] == c.evidence for c in claims)


# -- mentions ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("COMMON AS CASSIAN IS THE BEST PART OF IT", ("Common", "Cassian")),
    ("honestly claudia gerini as gianna owns her one scene", ("Claudia Gerini", "Gianna")),
    ("AND THEN RUBY ROSE PLAYS ARES, WHO NEVER SPEAKS", ("Ruby Rose", "Ares")),
])
def test_one_case_lines(text: str, expected: tuple[str, str]) -> None:
    found = {(a, (c or "").lower()) for a, c, _ in roles(text, "John Wick: Chapter 2")}
    assert (expected[0], expected[1].lower()) in found


@pytest.mark.parametrize(("text", "film", "actor"), [
    ("Keanu Reaves returns as John Wick.", "John Wick: Chapter 2", "Keanu Reeves"),
    ("Anjelica Houston plays the Director.", "Ballerina", "Anjelica Huston"),
    ("Angelica Huston plays the Director.", "Ballerina", "Anjelica Huston"),
    ("Ian McShanne is Winston, dry as ever.", "Parabellum", "Ian McShane"),
    # both words as a transcript hears them: the same sound, or one slip, in each
    ("and william defoe as marcus the sniper", "John Wick", "Willem Dafoe"),
    ("Micheal Nikvist plays Viggo with a shrug.", "John Wick", "Michael Nyqvist"),
    ("Lawrence Fishbourne is the Bowery King.", "Parabellum", "Laurence Fishburne"),
])
def test_misspelt_names_resolve(text: str, film: str, actor: str) -> None:
    assert any(a == actor and s == "supported" for a, _, s in roles(text, film))


@pytest.mark.parametrize(("text", "film", "character"), [
    ("and then adrianne palicki plays miss perkins, who breaks the hotel's one rule", "John Wick", "Ms. Perkins"),
    ("ADRIANNE PALICKI AS MISS PERKINS", "John Wick", "Ms. Perkins"),
    ("so david patrick kelly is uncle charlie the cleaner", "John Wick", "Charlie"),
    ("sofia al-azwar is halle berry and she brings two dogs", "Parabellum", "Sofia"),
    # a description and a one-word name stay as written
    ("unity phelan reprises her role as the ballerina", "Ballerina", "the Ballerina"),
    ("and lance reddick is charon as ever", "John Wick: Chapter 4", "Charon"),
])
def test_a_full_name_that_lost_its_case_is_spelt_as_the_reference_spells_it(text: str, film: str,
                                                                            character: str) -> None:
    assert character in {c for _, c, _ in roles(text, film)}


@pytest.mark.parametrize("text", ["Mark Hamill is great.", "Keanu Ramirez is someone else.",
                                  "Lance Armstrong rode a bike.", "William Dean is great.",
                                  "Willis Dafoe is great.", "Wallace Duffy is great."])
def test_fuzzy_names_need_a_close_match(text: str) -> None:
    assert roles(text, "John Wick: Chapter 4") == set()


@pytest.mark.parametrize(("text", "title"), [
    ("JW4 review: long, loud, beautiful.\n\nIt is a lot of movie.", "John Wick: Chapter 4"),
    ("WICK 3 thoughts\n\nthe dogs, the horses, the knives.", "John Wick: Chapter 3 – Parabellum"),
    ("On the fourth John Wick film\n\nCaine is the reason to go.", "John Wick: Chapter 4"),
    ("Chapter Two, revisited\n\nRome, catacombs, a marker.", "John Wick: Chapter 2"),
])
def test_numbered_and_ordinal_titles(text: str, title: str) -> None:
    assert extract(text).film_title == title


@pytest.mark.parametrize(("text", "title"), [
    ("Thread: weekend watch\nSo, the second film in the John Wick series. Keanu Reeves is great. Ian McShane too.",
     "John Wick: Chapter 2"),
    ("Our club met on Friday.\nWe did round three of the saga, and Keanu Reeves is John again.",
     "John Wick: Chapter 3 \u2013 Parabellum"),
    ("Post #44\nHonestly the franchise's fourth entry is the long one. Keanu Reeves is great as always.",
     "John Wick: Chapter 4"),
    ("Post #45\nThe 4th movie of the whole franchise is the long one. Keanu Reeves is great as always.",
     "John Wick: Chapter 4"),
    # the first film is most often the point of comparison, and weighs less than a title
    ("Post #46\nThe first film in the series is still best, says Sam. But we're here for Parabellum.",
     "John Wick: Chapter 3 \u2013 Parabellum"),
])
def test_a_film_named_by_its_place_in_the_series(text: str, title: str) -> None:
    assert extract(text).film_title == title


@pytest.mark.parametrize(("text", "title"), [
    (("Club notes\nWeek 3\nPizza\nThis week: John Wick: Chapter 4, with Donnie Yen as Caine, Bill Skarsg\u00e5rd as "
     "the Marquis, Hiroyuki Sanada as Koji and Shamier Anderson as the Tracker. Everyone compared it to Parabellum. "
     "Parabellum was shorter, Parabellum had horses, and Parabellum had the desert."), "John Wick: Chapter 4"),
    (("Transcript\nPart 1\nPart 2\nSo we saw Ballerina, Ana de Armas plays Eve, Norman Reedus is Pine and Gabriel Byrne "
     "is the Chancellor. But honestly the whole time I thought about Chapter 4. Chapter 4 had Caine. Chapter 4 had "
     "the stairs. Chapter 4 had Paris."), "From the World of John Wick: Ballerina"),
    (("Podcast notes\nEp 9\nLinks\nOur pick is Parabellum: Halle Berry plays Sofia, Mark Dacascos is Zero, Jerome Flynn "
     "plays Berrada, Asia Kate Dillon plays the Adjudicator. We kept saying Chapter 2. Chapter 2 this, Chapter 2 that, "
     "Chapter 2 forever."), "John Wick: Chapter 3 \u2013 Parabellum"),
])
def test_a_title_named_again_and_again_as_a_reference_does_not_win(text: str, title: str) -> None:
    # each further mention of one title says less than the one before: the review's own film is named once here
    assert extract(text).film_title == title


@pytest.mark.parametrize(("text", "title"), [
    # a record's title field names the work filed, though the name is also the character's; see-also entries for
    # other works, dated and named in full, do not outweigh it
    (("CATALOGUE RECORD\nTitle:        John Wick [videorecording]\nSeries:       John Wick films ; no. 1\n"
      "See also the sequel, John Wick: Chapter 2 (2017).\nCast: Keanu Reeves ; Ian McShane."), "John Wick"),
    (("Item: John Wick\nFormat: Blu-ray\nRelated: John Wick: Chapter 4 (2023), John Wick: Chapter 2 (2017)\n"
      "Michael Nyqvist is Viggo."), "John Wick"),
    (("PROGRAMME NOTES\nFilm: John Wick\nNext week: John Wick: Chapter 2 (2017), then John Wick: Chapter 4 "
      "(2023).\nIan McShane runs the hotel."), "John Wick"),
])
def test_a_title_field_names_the_work_filed(text: str, title: str) -> None:
    assert extract(text).film_title == title


@pytest.mark.parametrize(("text", "title"), [
    ("John Wick: Chapter 4 (2023)\nA long one.\nPrevious film: John Wick\nDonnie Yen plays Caine.", "John Wick: Chapter 4"),
    ("PARABELLUM\nMy notes.\nThe film: stylish.\nSeries: John Wick\nHalle Berry plays Sofia.",
     "John Wick: Chapter 3 \u2013 Parabellum"),
    ("Ballerina (2025)\nProgramme: Saturday late show\nItem 2 of 3\nAna de Armas plays Eve.",
     "From the World of John Wick: Ballerina"),
])
def test_a_field_that_names_another_work_or_none_leaves_the_headline_film(text: str, title: str) -> None:
    assert extract(text).film_title == title


# -- film resolution ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Keanu Reeves and Ian McShane are great together. The action is relentless.",
    "I love how Lance Reddick and Ian McShane play off each other.",
    "An action film. It has guns and a dog.",
])
def test_unsure_film_is_null_with_a_note(text: str) -> None:
    result = extract(text)
    assert result.film_iri is None and result.note and "--film" in result.note
    assert result.to_json()["film"]["note"] == result.note
    assert all(c.status == "unknown" for c in result.claims)


@pytest.mark.parametrize("text", [
    "John Wick: Chapter 4\n\nNot in this one: Halle Berry, Common, Ruby Rose.\nDonnie Yen plays Caine.",
    "John Wick: Chapter 4\n\nHalle Berry, Common and Ruby Rose sat this one out.\nDonnie Yen plays Caine.",
    "John Wick: Chapter 4\n\nMissing: Halle Berry and Common.\nDonnie Yen plays Caine.",
])
def test_people_listed_as_absent_do_not_vote(text: str) -> None:
    assert extract(text).film_title == "John Wick: Chapter 4"


@pytest.mark.parametrize("text", [
    ("A note from the break room.\nAnyway, nobody asked, but the first John Wick is fine and John Wick: Chapter 2 "
     "is better. It is not a short film. Riccardo Scamarcio plays Santino. Ruby Rose plays Ares, and Common plays "
     "Cassian. Claudia Gerini is Gianna."),
    ("Dear diary,\nThe first John Wick and John Wick: Chapter 2 were on last night, and I wasn't bored once. "
     "Santino is played by Riccardo Scamarcio. Ares is Ruby Rose. Cassian is Common, who doesn't smile. Peter "
     "Stormare plays Abram."),
    ("Minutes of the film society, item 4.\nMembers did not agree on the first John Wick or John Wick: Chapter 2 "
     "for the next screening. Claudia Gerini as Gianna was praised. So was Ruby Rose as Ares. Riccardo Scamarcio as "
     "Santino and Common as Cassian were praised too."),
])
def test_a_negation_in_another_sentence_of_the_line_leaves_people_voting(text: str) -> None:
    # a paragraph written as one line: "not" in one sentence says nothing of the people in the others
    assert extract(text).film_title == "John Wick: Chapter 2"


@pytest.mark.parametrize(("text", "subject", "pointed_at"), [
    (("Frame by Frame, episode 12.\n\nWe are talking about Ballerina today. Anjelica Huston has the role she had in "
     "Parabellum, and Unity Phelan is back from Parabellum. Shay Hatten, who also worked on Parabellum, wrote it. "
     "Ballerina is a blast."), "From the World of John Wick: Ballerina", "John Wick: Chapter 3 \u2013 Parabellum"),
    (("Notes, week 3.\n\nChapter 4 is long. Donnie Yen was never in Chapter 3, unlike Halle Berry, who was great in "
     "Chapter 3, as she was in Chapter 3's dog scenes. Chapter 4 wins."), "John Wick: Chapter 4",
     "John Wick: Chapter 3 \u2013 Parabellum"),
    (("Rewatch club.\n\nParabellum holds up. Fishburne is back from Chapter 2, as in Chapter 2 with his pigeons, and "
     "Reeves is back from Chapter 2 too. Parabellum is the peak."), "John Wick: Chapter 3 \u2013 Parabellum",
     "John Wick: Chapter 2"),
])
def test_titles_pointed_at_weigh_less_than_the_subject(text: str, subject: str, pointed_at: str) -> None:
    """A title after "in", "from", "than", "like" is a point of reference more often than the work reviewed: named
    more often than the subject, it no longer wins (the subject does, or the extractor says it is unsure)."""
    result = extract(text)
    assert result.film_title in (subject, None), result.film_title
    assert result.film_title is not None or pointed_at in (result.note or "")


SEVERAL_WORKS = [
    # a marathon diary: each day opens with its work; the post says which one it is about
    (("Marathon weekend\n\nFriday: John Wick (2014). Michael Nyqvist is Viggo. Directed by Chad Stahelski. 8/10.\n\n"
     "Sunday, the real reason for this post: John Wick: Chapter 4 (2023). Donnie Yen plays Caine. Written by Shay "
     "Hatten. My verdict for this one: 9/10."), "John Wick: Chapter 4",
     {("cast", "Donnie Yen"), ("writer", "Shay Hatten"), ("release_year", None), ("rating", None)}),
    # a ranking whose entries open with their titles
    (("My review of Parabellum, with the others for scale\n\n2. Chapter 2: Common is Cassian. 7/10.\n\n"
     "1. Parabellum - Halle Berry plays Sofia and Mark Dacascos is Zero. 9/10."), "John Wick: Chapter 3 \u2013 Parabellum",
     {("cast", "Halle Berry"), ("cast", "Mark Dacascos"), ("rating", None)}),
    # a double bill under headings
    (("Double bill, reviewing Ballerina\n\n## The Continental\nMel Gibson is Cormac. Four stars.\n\n"
     "## Ballerina\nAna de Armas plays Eve Macarro. Directed by Len Wiseman. Three stars."),
     "From the World of John Wick: Ballerina",
     {("cast", "Ana de Armas"), ("director", "Len Wiseman"), ("rating", None), ("franchise_member", None)}),
    # a tally of short lines, each labelled by its work's title
    (("Review: John Wick: Chapter 3 \u2013 Parabellum (2019), against Chapter 2. Halle Berry plays Sofia.\n\nTally:\n"
      "Chapter 2 (rewatched): 8/10\nParabellum: 9/10"), "John Wick: Chapter 3 \u2013 Parabellum",
     {("cast", "Halle Berry"), ("rating", None), ("release_year", None)}),
    (("Reviewing John Wick: Chapter 4 with the first film in mind. Donnie Yen plays Caine.\n\n"
      "- John Wick (2014) = 7/10\n- Chapter 4 = 9/10"), "John Wick: Chapter 4",
     {("cast", "Donnie Yen"), ("rating", None)}),
    # a comparison table whose header names the works, one a column
    (("Review: John Wick: Chapter 3 \u2013 Parabellum (2019), next to Chapter 2. My verdict: 9/10.\n\nRole | Chapter 2 | Parabellum\n"
      "Villain | Santino (Riccardo Scamarcio) | Zero (Mark Dacascos)\nFriend | Aurelio (John Leguizamo) | "
      "Sofia (Halle Berry)"), "John Wick: Chapter 3 \u2013 Parabellum",
     {("cast", "Mark Dacascos"), ("cast", "Halle Berry"), ("rating", None), ("release_year", None)}),
    (("Ballerina next to The Continental, reviewing Ballerina. 3/5.\n\n| | The Continental | Ballerina |\n|---|---|---|\n"
      "| Star | Mel Gibson as Cormac | Ana de Armas as Eve Macarro |\n| Villain | Peter Greene as Uncle Charlie | "
      "Gabriel Byrne as the Chancellor |"),
     "From the World of John Wick: Ballerina",
     {("cast", "Ana de Armas"), ("cast", "Gabriel Byrne"), ("rating", None), ("franchise_member", None)}),
]


@pytest.mark.parametrize(("text", "title", "expected"), SEVERAL_WORKS)
def test_a_post_about_several_works_keeps_the_reviewed_works_claims(text: str, title: str,
                                                                     expected: set[tuple[str, str | None]]) -> None:
    """The parts that open with another work's title state that work's facts: no claims, no rating from them."""
    result = extract(text)
    assert result.film_title == title
    found = {(c.type, c.person or c.actor) for c in result.claims}
    assert found <= expected | {("reprise", a) for _, a in expected}, found - expected
    assert {k for k in expected if k[0] != "franchise_member"} <= found
    rating = next(c for c in result.claims if c.type == "rating")
    assert text[rating.start:rating.end].startswith(("My verdict", "9/10", "Three stars", "3/5"))


OUTSIDE_WORKS = [
    # a double bill: each film's block is a title line over its credits; the other film's paragraphs open with its title
    (("NIGHT OF THE HUNTER\n1955 \u00b7 Dir. Charles Laughton \u00b7 92 min\nwith Robert Mitchum\n\n"
      "JOHN WICK (2014)\nDir. Chad Stahelski \u00b7 101 min\nwith Keanu Reeves\n\n"
      "Night of the Hunter first: Mitchum as the preacher, and my mark: \u2605\u2605\u2605\u2605\u2605\n\n"
      "Then John Wick, with Keanu Reeves as John Wick. My mark: \u2605\u2605\u2605\u2605"),
     "John Wick", {("director", "Chad Stahelski"), ("cast", "Keanu Reeves"), ("release_year", None)}, 4),
    # a capsule column: a heading with its year, a capsule under it
    (("NOW SHOWING\n\nTHE QUIET HARBOUR (2024)\nA fisherman and his debts. Director: Ann Lee. Rating: 2/5\n\n"
      "JOHN WICK: CHAPTER 4 (2023)\nDonnie Yen plays Caine. Director: Chad Stahelski. Rating: 4/5\n"),
     "John Wick: Chapter 4", {("director", "Chad Stahelski"), ("cast", "Donnie Yen"), ("release_year", None)}, 4),
    # a festival schedule: title lines over a pipe-separated line of country, year and running time
    (("Tuesday\n\nSEVEN SAMURAI\nJapan 1954 | Kurosawa | 207 min\nIan McShane introduces it. Rating 5/5\n\n"
      "BALLERINA\nUSA 2025 | Len Wiseman | 125 min\nAna de Armas as Eve. Rating 3/5\n"),
     "From the World of John Wick: Ballerina", {("cast", "Ana de Armas"), ("director", "Len Wiseman"), ("release_year", None)},
     3),
]


@pytest.mark.parametrize(("text", "title", "expected", "rating"), OUTSIDE_WORKS)
def test_a_post_about_films_outside_the_franchise_keeps_the_reviewed_works_claims(
        text: str, title: str, expected: set[tuple[str, str | None]], rating: int) -> None:
    """A block headed by another film's title over its credits, and a paragraph opening with that title, state that
    film's facts: no claims and no rating from them."""
    result = extract(text)
    assert result.film_title == title
    found = {(c.type, c.person or c.actor) for c in result.claims if c.type != "rating"}
    assert expected <= found <= expected | {("reprise", a) for _, a in expected} | {("franchise_member", None)}
    assert [c.to_json()["value"] for c in result.claims if c.type == "rating"] == [rating]


SHEET_LOGS = [
    # an exported log, some cells quoted: the other shows' rows make no claims, the reviewed film's row does
    (('date,title,yr,notes\n2023-10-07,"Loki",2023,"Ke Huy Quan as Ouroboros, a delight"\n'
      '2023-09-29,"The Continental",2023,"Prequel. Mel Gibson is Cormac, at full volume"\n'
      '2023-10-14,"The Fall of the House of Usher",2023,"Carla Gugino as Verna"\n'),
     "The Continental", {("cast", "Mel Gibson"), ("release_year", None)}),
    # a tab-separated diary with a "Film" column
    ("Film\tYear\tNotes\nHeat\t1995\tAl Pacino as Vincent Hanna\nJohn Wick\t2014\tKeanu Reeves as John Wick\n",
     "John Wick", {("cast", "Keanu Reeves"), ("release_year", None)}),
    # a plain CSV with a "movie_title" column
    ("movie_title,year,notes\nPoint Blank,1967,Lee Marvin as Walker\nParabellum,2019,Halle Berry as Sofia\n",
     "Parabellum", {("cast", "Halle Berry"), ("release_year", None)}),
]


@pytest.mark.parametrize("text", [
    "Prior art\n  Point Blank (1967): Lee Marvin as Walker, owed money.\n  Taken (2008): Liam Neeson as Bryan Mills.\n",
    "Influences:\n- Le Samoura\u00ef (1967) \u2014 Alain Delon plays Jef Costello.\n- Hard Boiled (1992) \u2014 Chow Yun-fat as Tequila.\n",
    "ALSO SHOWING\nTHE QUIET HARBOUR (2024): Ann Lee directs; Tom Novak plays Walker.\n",
])
def test_a_line_labelled_by_an_unknown_dated_title_makes_no_claims(text: str) -> None:
    """A line that opens with a title and its year the reference does not know states that film's facts."""
    text += "\nJohn Wick (2014): Keanu Reeves as John Wick.\n"
    found = {(c.type, c.person or c.actor) for c in extract(text, "John Wick").claims}
    assert found == {("cast", "Keanu Reeves"), ("release_year", None)}


@pytest.mark.parametrize(("text", "film", "expected"), SHEET_LOGS)
def test_a_logs_rows_about_other_works_make_no_claims(text: str, film: str,
                                                        expected: set[tuple[str, str | None]]) -> None:
    """A sheet whose header names a title column: a row whose title is another work's is about that work."""
    found = {(c.type, c.person or c.actor) for c in extract(text, film).claims if c.type != "rating"}
    assert expected <= found <= expected | {("reprise", a) for _, a in expected} | {("franchise_member", None)}


@pytest.mark.parametrize("text", [
    "John Wick: Chapter 2 (2017)\n\nWhat is missing? A villain. Chapter 2 was tighter; here Common plays Cassian.",
    ("| | John Wick (2014) | John Wick: Chapter 2 (2017) |\n|---|---|---|\n| Director | Chad Stahelski | Chad Stahelski |"
    "\n\nChapter 2 (2017): Common plays Cassian."),
    "Chapter 2 (2017)\n\nNext month: Parabellum, bring snacks.\n\nCommon plays Cassian.",
])
def test_a_paragraph_that_only_mentions_another_work_keeps_its_claims(text: str) -> None:
    assert ("cast", "Common") in {(c.type, c.actor) for c in extract(text, "Chapter 2").claims}


def test_film_option_overrides_detection() -> None:
    result = extract("Parabellum (2019)\n\nLance Reddick is Charon.", film="Ballerina")
    assert result.film_title == "From the World of John Wick: Ballerina" and result.note is None


# -- confidence --------------------------------------------------------------------------------------


def test_confidence_ranks_evidence() -> None:
    text = ("John Wick: Chapter 2 (2017)\n\nKeanu Reeves plays John Wick. Santino wants a favour. "
            "Riccardo Scamarcio plays him. Common shows up. Peter Serafinowicz as Bartholomew.")
    by_actor = {c.actor: c.confidence or 0.0 for c in extract(text).claims if c.type == "cast"}
    stated = by_actor["Keanu Reeves"]
    assert stated >= 0.85
    assert by_actor["Riccardo Scamarcio"] < by_actor["Common"] < stated  # a role by pronoun; a bare mention
    assert by_actor["Peter Serafinowicz"] < stated  # a stated role the reference does not know
    assert all(0 < (c.confidence or 0) <= 1 for c in extract(text).claims)


# -- known false claims ------------------------------------------------------------------------------

SHEET = Path("/work/shared/reference/franchise.json")
FALSE_CLAIM_WORDINGS = {
    "ballerina-lead-named-rooney": ("Ballerina", "Ana de Armas plays Rooney."),
    "ballerina-is-2024-film": ("Ballerina", "Ballerina (2024) is fun."),
    "ballerina-directed-by-stahelski": ("Ballerina", "It was directed by Chad Stahelski."),
    "ballerina-byrne-the-elder": ("Ballerina", "Gabriel Byrne plays the Elder."),
    "ballerina-nogi-lena-confusion": ("Ballerina", "Catalina Sandino Moreno plays Nogi."),
    "ballerina-written-by-kolstad": ("Ballerina", "The screenplay is by Derek Kolstad."),
    "unity-phelan-lead-of-ballerina": ("Ballerina", "Unity Phelan stars in it."),
    "jw1-directed-by-leitch": ("John Wick", "It was directed by David Leitch."),
    "leitch-directed-sequels": ("Parabellum", "David Leitch directed it."),
    "continental-starz-or-keanu": ("The Continental", "Keanu Reeves appears in the finale."),
    "continental-reddick-charon": ("The Continental", "Lance Reddick plays Charon."),
    "continental-cormac-surname": ("The Continental", "Mel Gibson plays Cormac Fitzpatrick."),
    "hex-keanu-voice": ("John Wick Hex", "Keanu Reeves voices John Wick."),
    "halle-berry-in-chapter-4": ("John Wick: Chapter 4", "Halle Berry's Sofia is back."),
}


def test_every_matchable_known_false_claim_is_worded_here() -> None:
    reference = default_reference()
    matchable = {row["claim"].rsplit("/", 1)[-1] for row in reference.false_claims if row.get("value")}
    assert {"ballerina-nogi-lena-confusion", "unity-phelan-lead-of-ballerina", "hex-keanu-voice"} <= matchable
    assert matchable <= set(FALSE_CLAIM_WORDINGS)


@pytest.mark.parametrize("claim_id", sorted(FALSE_CLAIM_WORDINGS))
def test_known_false_claim_is_flagged_with_its_truth(claim_id: str) -> None:
    film, text = FALSE_CLAIM_WORDINGS[claim_id]
    reference = default_reference()
    claims = [c for c in extract(text, film).claims if c.status == "contradicted"]
    assert claims, claim_id
    if SHEET.is_file():
        sheet = {c["id"]: c for c in json.loads(SHEET.read_text(encoding="utf-8"))["known_false_claims"]}
        truth = sheet[claim_id]["truth"]
        explanations = {reference.false_claim_truth(c.work_iri, c.person or c.character or c.year)
                        for c in claims} | {cast_false_claim_truth(c, reference) for c in claims}
        assert truth in explanations, claim_id


# -- rules and cue lists are data, validated on load -------------------------------------------------


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "x", "kind": "claim", "type": "cast", "pattern": "(?P<actor>{P}) as (?P<character>{Q})"}',
     "rule 'x': unknown placeholder {Q}"),
    ('{"id": "x", "kind": "claim", "type": "cast", "pattern": "(?P<actor>{P}"}', "rule 'x': bad regex"),
    ('{"id": "x", "kind": "claim", "type": "director", "pattern": "directed by {P}"}',
     "rule 'x': a director rule needs a group named person or people"),
    ('{"id": "x", "kind": "block", "scope": "paragraph", "pattern": "not"}', "rule 'x': 'scope' must be one of"),
    ('{"id": "x", "kind": "claim", "type": "cast", "pattern": "(?P<actor>{P})", "colour": 1}',
     "rule 'x': unknown keys ['colour']"),
])
def test_bad_rule_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    from wickgraph.errors import InputError
    from wickgraph.extract.patterns import load_rules

    path = tmp_path / "rules.jsonl"
    path.write_text('{"id": "ok", "kind": "mention", "type": "cast"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rules(path)
    assert message in str(caught.value)
    assert caught.value.filename == str(path) and caught.value.lineno == 2


@pytest.mark.parametrize(("data", "message"), [
    ('[{"id": "role-cue", "words": ["as"]}]', "cue list 'role-cue': missing 'description' of its phenomenon"),
    ('[{"id": "role-cue", "description": "d", "words": []}]', "'words' must be a non-empty list of strings"),
    ('[{"id": "role-cue", "description": "d", "words": ["as"]}]', "missing cue lists ['role-filler'"),
    ('{"role-cue": ["as"]}', "the cue file must hold a JSON list"),
])
def test_bad_cue_lists_are_refused(tmp_path: Path, data: str, message: str) -> None:
    from wickgraph.errors import InputError
    from wickgraph.extract.links import load_cues

    path = tmp_path / "cues.json"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_cues(path)
    assert message in str(caught.value) and caught.value.filename == str(path)


def test_every_rule_and_cue_list_describes_its_phenomenon() -> None:
    from wickgraph.extract.patterns import RULES_FILE

    for line in RULES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("//"):
            rule = json.loads(line)
            assert rule["id"] and (rule.get("description") or rule["kind"] == "mention"), rule["id"]
    for entry in json.loads(Path(__file__).resolve().parents[1].joinpath(
            "wickgraph", "extract", "cues.json").read_text(encoding="utf-8")):
        assert len(entry["description"]) > 40, entry["id"]


# -- start-up cost --------------------------------------------------------------------------------------


def test_rules_with_a_fast_variant_never_compile_their_full_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling every claim rule's full pattern cost more than the whole extraction of a review
    (``wickgraph extract FILE`` went from about 0.5 to 0.9 s); only rules without a fast variant need it."""
    from wickgraph.extract import patterns

    compiled: list[str] = []
    original = patterns._compiled

    def recording(source: str, flags: int) -> object:
        compiled.append(source)
        return original(source, flags)

    monkeypatch.setattr(patterns, "_compiled", recording)
    cases = Path(__file__).resolve().parent / "data" / "extract"
    found = [claim for path in sorted(cases.glob("*.txt"))
             for claim in extract(path.read_text(encoding="utf-8")).claims]
    fast_sources = {rule.source for rule in patterns.default_rules().claims if rule.fast is not None}
    assert len(fast_sources) > 50 and len(found) > 50
    assert fast_sources.isdisjoint(compiled)


def test_a_quotation_around_a_role_closes_in_its_evidence() -> None:
    text = 'Review of John Wick: Chapter 4\n\nShamier Anderson as "Mr. Nobody" is great.'
    claim = next(c for c in extract(text).claims if c.type == "cast")
    assert claim.evidence == 'Shamier Anderson as "Mr. Nobody"'


@pytest.mark.parametrize(("text", "actor", "described", "character"), [
    # the fact sheet describes Ares as "Santino's mute enforcer", Abram as "Viggo's brother"
    ("Ruby Rose is Santino's enforcer.", "Ruby Rose", "Ares", "ares"),
    ("Peter Stormare shows up as Viggo's brother.", "Peter Stormare", "Abram Tarasov", "abram-tarasov"),
    # ... and Cassian as "Gianna D'Antonio's head of security", no bodyguard
    ("Common is Gianna's bodyguard.", "Common", "Gianna's bodyguard", None),
])
def test_a_role_described_by_another_is_not_that_other(text: str, actor: str, described: str,
                                                       character: str | None) -> None:
    """"Santino's enforcer" is not Santino: it is the character the fact sheet describes so, written as the fact
    sheet names it, or the stated role kept as stated, unreconciled."""
    claims = [c for c in extract(text, "John Wick: Chapter 2").claims if c.type == "cast" and c.actor == actor]
    assert [(c.character, c.character_iri) for c in claims] == \
        [(described, f"https://w3id.org/wickgraph/id/character/{character}" if character else None)]


@pytest.mark.parametrize(("word", "key"), [
    # the standard's own examples: letters of one sound collapse, and h and w do not part them
    ("robert", "R163"), ("rupert", "R163"), ("ashcraft", "A261"), ("tymczak", "T522"), ("pfister", "P236"),
])
def test_sound_key_is_soundex(word: str, key: str) -> None:
    assert sound_key(word) == key


def test_a_role_only_beside_its_player_is_the_weakest_link() -> None:
    """A role joined to its player by nothing but layout is kept, with less confidence than a stated one."""
    beside = next(c for c in extract("Killa, Scott Adkins in a fat suit, runs a poker game.",
                                     "John Wick: Chapter 4").claims if c.type == "cast")
    stated = next(c for c in extract("Scott Adkins plays Killa.", "John Wick: Chapter 4").claims if c.type == "cast")
    assert (beside.character, beside.rule, beside.evidence) == ("Killa", "pair-proximity", "Killa, Scott Adkins")
    assert beside.confidence < stated.confidence


def test_a_block_rules_needs_are_in_every_match() -> None:
    """A filter's ``needs`` spare its regex the sentences without them (scope.py), so every match it can make over
    real reviews must contain one of them."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXTRACT_DATA.rglob("*.txt"))]
    checked = 0
    for block in default_rules().blocks:
        if not block.needs:
            continue
        assert block.regex is not None
        for text in texts:
            for match in block.regex.finditer(text):
                if match.group():
                    checked += 1
                    assert any(need in match.group().lower() for need in block.needs), (block.id, match.group())
    assert checked > 10


def test_words_of_another_language_are_read_as_english_in_a_view_of_the_same_length() -> None:
    text = "Peter Stormare, dans le rôle d'Abram, et Ian McShane otra vez."
    view = with_foreign_words_in_english(fold(text))
    assert len(view) == len(text)
    assert "as             Abram" in view  # padded after: the elided article joined the name
    assert "Ian McShane    again." in view  # padded before: the English keeps its place at the clause's end


def test_a_phrase_shorter_than_the_english_it_is_read_as_is_a_data_error(tmp_path: Path) -> None:
    entries = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["id"] == "directed-by-in-another-language":
            entry["words"].append("dir por")
    bad = tmp_path / "cues.json"
    bad.write_text(json.dumps(entries), encoding="utf-8")
    with pytest.raises(InputError, match=r"directed-by-in-another-language.*reads_as") as error:
        load_cues(bad)
    assert error.value.filename == str(bad)


HAIKU = ("TWELVE HAIKU\n\nKeanu Reeves returns\nas John Wick, bruised and tired,\nthe marker comes due.\n\n"
         "Chad Stahelski shoots\nthe Roman catacombs red,\ndirecting alone.\n\n"
         "Released in twenty\nseventeen, in February,\nthe sequel roars on.\n")
BALLAD = ("A BALLAD\n\nWinston, silver-tongued,\n  by Ian McShane is played,\nand Charon at the desk\n"
          "  is Lance Reddick, unafraid.\n\nHelen, gone,\n  whom Bridget Moynahan plays,\nstill haunts the widower\n"
          "  through all his bloody days.\n\nThe dog is dead, the car is gone,\n  the Russian son is rude;\n"
          "a widower walks out at dawn\n  and settles every feud.\n")


@pytest.mark.parametrize(("text", "joined"), [
    (HAIKU, "as John Wick"),        # unrhymed: its sentences run on into lines in lower case
    (BALLAD, "by Ian McShane"),     # rhymed: "played" / "unafraid", "plays" / "days"
    (BALLAD.replace("\n\n", "\n\n\n"), "whom Bridget"),
])
def test_a_stanzas_line_breaks_are_read_as_spaces(text: str, joined: str) -> None:
    line_break = text.rfind("\n", 0, text.index(joined))  # the break before the line that goes on
    assert (line_break, line_break + 1) in set(verse_breaks(text))


@pytest.mark.parametrize("text", [
    # a carousel's slides: short lines in blocks, each a whole item
    ("Slide 1\nJohn Wick: Chapter 2\nKeanu Reeves\nThe marker\n\nSlide 2\nRome\nThe catacombs\nA mirror room\n\n"
    "Slide 3\nRuby Rose\nCommon\nRiccardo Scamarcio\n\nSlide 4\nMy verdict\nFour stars\nGo see it\n"),
    # a chat's turns
    ("me: did you see it\nsam: yeah last night\nme: keanu was great\n\nsam: common too\nme: the subway fight\n"
    "sam: so good\n\nme: four stars\nsam: five for me\nme: fair enough\n"),
    # a bulleted list of notes
    ("- directed by Chad Stahelski\n- written by Derek Kolstad\n- released in 2017\n\n- Ruby Rose as Ares\n"
    "- Common as Cassian\n- Riccardo Scamarcio\n\n- long\n- loud\n- great\n"),
])
def test_short_lines_that_are_no_verse_keep_their_breaks(text: str) -> None:
    assert list(verse_breaks(text)) == []
