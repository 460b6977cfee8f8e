"""Characters written as other characters (a format's escapes, a word split by a line end's hyphen, a scanner's
digits for letters) are read as what they stand for, and evidence stays the text's own."""

from __future__ import annotations

import pytest

from wickgraph.extract import extract
from wickgraph.extract.decoding import decoded

LATEX = "\\documentclass{article}\n"
SQL = "INSERT INTO reviews VALUES (1,'"


@pytest.mark.parametrize(("text", "expected"), [
    ("Viggo&rsquo;s brother", "Viggo\u2019s brother"),
    ("Santino D&#8217;Antonio &amp; Gianna", "Santino D\u2019Antonio & Gianna"),
    ("Br&auml;ndstr&ouml;m&nbsp;directs", "Brändström directs"),
    (LATEX + 'Sa\\"{\\i}d, Skarsg{\\aa}rd, Br\\"andstr\\"om, Ms.~Perkins', LATEX + "Saïd, Skarsgård, Brändström, Ms. Perkins"),
    (LATEX + "Score: 72\\%, grade A$-$, $3\\frac{1}{2}$ stars", LATEX + "Score: 72\\%, grade A-, 3½ stars"),
    (SQL + "Ian McShane''s Winston.\\n\\nIt\\'s fine');", "INSERT INTO reviews VALUES (1,'Ian McShane's Winston.\n\nIt's fine');"),
    ('{"body": "Skarsg\\u00e5rd plays \\"the Marquis\\".\\r\\n\\nA\\/B \\\\n \\ud83c\\udfac"}',
     '{"body": "Skarsgård plays "the Marquis".\n\nA/B \\n \U0001f3ac"}'),
    ("Viggo Tar-\n  asov and Gian-\nna's guard", "Viggo Tarasov and Gianna's guard"),
    ("A1fie Allen, Di1lon, 0ctober 2014; JW1, 1st, 4K, 10am, h0", "Alfie Allen, Dillon, October 2014; JW1, 1st, 4K, 10am, h0"),
    # a ransom note's words, each in a case of its own, are read in lower case (a letter alone keeps its case)
    ("wE hAvE yOuR fIlM: kEaNu ReEvEs iS jOhN wIcK, vIgGo'S bOy. GrAdE: B+",
     "we have your film: keanu reeves is john wick, viggo's boy. grade: B+"),
])
def test_escapes_are_decoded(text: str, expected: str) -> None:
    escaped = decoded(text)
    assert escaped is not None and escaped.text == expected


@pytest.mark.parametrize("text", [
    "Plain text, Tom & Jerry, 50% off, it's ''quoted'' in a wiki.",
    "No LaTeX here: a tilde~between words and a \\\"backslash\\\".",
    "No JSON here: a Windows path C:\\new\\test and \\u00e5 without a quoted key.",
    "A commit's hash e5816d39359e2e6da6c1be5800d84e4baa51a033, a colour #a1b0c3 and an id 4c1e9a0.",
    "Bad reference &notareference; stays.",
    "Ian McShane, Sean McKenna, Lee DeWitt, Al McKay, Jo LaRue and the YouTube and iPhone crowd: names change case.",
    "A well-known, hyphen- and dash-ridden line -\nends here; JW4 in 4K at 10am, 2nd time.",
])
def test_a_text_without_escapes_is_read_as_it_is(text: str) -> None:
    assert decoded(text) is None


def test_a_decoded_span_maps_to_the_whole_escapes_it_came_from() -> None:
    text = "Santino D&rsquo;Antonio, Br&auml;ndstr&ouml;m"
    escaped = decoded(text)
    assert escaped is not None
    start = escaped.text.index("D\u2019Antonio")
    assert text[slice(*escaped.span(start, start + len("D\u2019Antonio")))] == "D&rsquo;Antonio"
    start = escaped.text.index("Brändström")
    assert text[slice(*escaped.span(start, start + len("Brändström")))] == "Br&auml;ndstr&ouml;m"
    # a span that ends inside nothing decoded maps one to one
    assert escaped.span(0, 7) == (0, 7)


@pytest.mark.parametrize(("text", "film", "evidence"), [
    ("Peter Stormare plays Viggo&rsquo;s brother Abram.", "John Wick: Chapter 2",
     "Peter Stormare plays Viggo&rsquo;s brother Abram"),
    (LATEX + "Bill Skarsg{\\aa}rd plays the Marquis.", "John Wick: Chapter 4", "Bill Skarsg{\\aa}rd plays the Marquis"),
    (SQL + "Ian McShane''s Winston runs the hotel.');", "John Wick", "Ian McShane''s Winston"),
    ('{"text": "A long night.\\nIan McShane is Winston."}', "John Wick", "Ian McShane is Winston"),
    ('{"text": "Bill Skarsg\\u00e5rd plays the Marquis."}', "John Wick: Chapter 4", "Bill Skarsg\\u00e5rd plays the Marquis"),
    ("wE hAvE yOuR fIlM. kEaNu ReEvEs iS jOhN wIcK, aNd ThAt Is ThAt. PaY uP.", "John Wick",
     "kEaNu ReEvEs iS jOhN wIcK"),
])
def test_evidence_is_the_given_texts_own_slice(text: str, film: str, evidence: str) -> None:
    extraction = extract(text, film)
    assert extraction.text == text
    cast = [c for c in extraction.claims if c.type == "cast"]
    assert [c.evidence for c in cast] == [evidence]
    assert all(text[c.start:c.end] == c.evidence for c in extraction.claims)


def test_a_mended_role_keeps_its_whole_name_and_the_texts_evidence() -> None:
    text = "Viggo Tar-\nasov, the local boss, is played by Michael Nyqv1st."
    cast = [c for c in extract(text, "John Wick").claims if c.type == "cast"]
    assert [(c.actor, c.character) for c in cast] == [("Michael Nyqvist", "Viggo Tarasov")]
    assert cast[0].evidence == text[cast[0].start:cast[0].end] and "Tar-\nasov" in cast[0].evidence
