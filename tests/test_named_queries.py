"""The named queries in ``queries/``, checked against answers written by hand from the fact sheet.

Expected rows come from ``../shared/reference/README.md`` (and ``franchise.json``): its cast
tables, overview table, "Characters played by more than one actor" table and known false
claims; and, for the review-dependent queries, from the hand-written review graphs in
``tests/data/reviews/`` (each file says in its header which claims conflict and why).
None of them were copied from the program's output.

One store is built per session (with :func:`wickgraph.build.build`) from a copy of ``data/``
plus ``tests/data/reviews/``; the seed-only checks use the shared store built from ``data/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from wickgraph.build import build
from wickgraph.namespaces import PREFIXES
from wickgraph.queries import NamedQuery, discover, get
from wickgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEST_REVIEWS = Path(__file__).resolve().parent / "data" / "reviews"

WORK = "https://w3id.org/wickgraph/id/work/"
REVIEW = "https://w3id.org/wickgraph/id/review/"

# Review ids: "r-" + 12 hex digits of the SHA-256 of the review's plain text.
SEED = REVIEW + "r-fd4f55627fe0"  # ../shared/seed-review.txt
REVIEW_A = REVIEW + "r-71cf369964b4"  # tests/data/reviews: Ballerina, four wrong claims, 8/10
REVIEW_B = REVIEW + "r-1c04d52af08a"  # tests/data/reviews: John Wick, two wrong claims, 4/5
REVIEW_C = REVIEW + "r-59588f7b2f12"  # tests/data/reviews: Ballerina, letter grade, no conflicts

# Titles as in the fact sheet's overview table.
JW1 = "John Wick"
JW2 = "John Wick: Chapter 2"
JW3 = "John Wick: Chapter 3 – Parabellum"
JW4 = "John Wick: Chapter 4"
JW5 = "John Wick: Chapter 5"
CONTINENTAL = "The Continental: From the World of John Wick"
BALLERINA = "From the World of John Wick: Ballerina"
HEX = "John Wick Hex"
CAINE = "Caine (untitled John Wick spin-off)"

OURS = {
    "average-rating", "cast", "character-portrayals", "co-stars", "conflicts", "known-false-claims",
    "person-credits", "recasts", "release-order", "reprises", "review-claims", "reviews",
    "series-works", "story-order", "top-people", "works-by-director",
}


# -- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """data/ plus the hand-written test reviews, built once for this module."""
    base = tmp_path_factory.mktemp("named-queries")
    data = base / "data"
    shutil.copytree(ROOT / "data", data)
    for review in TEST_REVIEWS.glob("*.trig"):
        shutil.copy(review, data / "reviews" / review.name)
    build(data, base / "store")
    return Store(base / "store", read_only=True)


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
    return term.value


def run(store: Store, name: str, **params: str) -> list[dict[str, Any]]:
    """Rows of a named query (bound with ``params``) as dicts of plain Python values."""
    sparql = get(name).bind(params)
    # as the SPARQL endpoint runs it, without wickgraph's prefixes: the file has to declare its own
    result = store.endpoint_query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [{n: _python(solution[n]) for n in names} for solution in result]


def column(rows: list[dict[str, Any]], *names: str) -> list[Any]:
    if len(names) == 1:
        return [row[names[0]] for row in rows]
    return [tuple(row[n] for n in names) for row in rows]


# -- every query file follows the rules ---------------------------------------------------------


def _body(query: NamedQuery) -> str:
    """The SPARQL without comments, IRIs and string literals."""
    text = "\n".join(line for line in query.sparql.splitlines() if not line.lstrip().startswith("#"))
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)
    return re.sub(r"<[^<>\s]*>", "<>", text)


def _projected(body: str) -> list[str]:
    select = re.search(r"\bSELECT\s+(?:DISTINCT\s+)?(.*?)\s*\bWHERE\b", body, re.S | re.I)
    assert select, "no SELECT ... WHERE"
    clause = select[1]
    aliases = re.findall(r"\bAS\s+\?(\w+)\s*\)", clause, re.I)
    plain = re.findall(r"\?(\w+)", re.sub(r"\(.*\)", "", clause, flags=re.S))
    return plain + aliases


def test_our_queries_are_all_there() -> None:
    assert set(discover()) >= OURS


@pytest.mark.parametrize("name", sorted(OURS))
def test_query_file_follows_the_rules(name: str) -> None:
    query = get(name)
    assert query.title and query.description, "header needs a title and a one-line description"
    lines = query.sparql.splitlines()
    assert lines[0].startswith("# title: ") and lines[1].startswith("# description: ")
    for param in query.params:
        assert param.description, f"parameter {param.name} is not described"
        assert query.sparql.count(f"VALUES ?{param.name} ") == 1
    body = _body(query)
    declared = set(re.findall(r"PREFIX\s+(\w*):", body, re.I))
    used = {prefix for prefix in PREFIXES if re.search(rf"(?<![\w?$]){prefix}:\w", body)}
    assert used <= declared, f"undeclared prefixes {used - declared}"
    assert not re.search(r"(?<![?$\w])FROM\b", body, re.I), "name graphs with GRAPH, not FROM"
    assert "GRAPH" in body
    order = re.findall(r"\bORDER\s+BY\b(.*?)(?:\bLIMIT\b|\bOFFSET\b|$)", body, re.S | re.I)
    assert order, "every query needs a total ORDER BY"
    ordered = set(re.findall(r"\?(\w+)", order[-1]))
    assert set(_projected(body)) <= ordered, "ORDER BY must cover every projected column"


@pytest.mark.parametrize("name", sorted(OURS))
def test_query_runs_with_its_defaults_and_is_stable(store: Store, name: str) -> None:
    first = run(store, name)
    assert first, f"{name} returned nothing with its default parameters"
    assert run(store, name) == first


# -- 1. cast of a work ---------------------------------------------------------------------------

BALLERINA_CAST = {  # the sheet's Ballerina cast table: actor, character as credited, notes
    ("Ana de Armas", "Eve Macarro", "lead; pre-release reports called the character 'Rooney'"),
    ("Keanu Reeves", "John Wick",
     ("cameo / small supporting role (about 10 minutes per one review; larger in the finale); "
      "also executive producer")),
    ("Ian McShane", "Winston", ""),
    ("Anjelica Huston", "The Director", "reprises her Parabellum role"),
    ("Gabriel Byrne", "The Chancellor", "leader of the cult of killers"),
    # two notes ("posthumous release", "final film role"), joined in alphabetical order
    ("Lance Reddick", "Charon", "final film role; posthumous release"),
    ("Norman Reedus", "Daniel Pine", "assassin trying to get his daughter out of the cult"),
    ("Catalina Sandino Moreno", "Lena", "assassin raised by the Chancellor; revealed as Eve's sister"),
    ("Sharon Duncan-Brewster", "Nogi", "Eve's Ruska Roma trainer"),
    ("David Castañeda", "Javier", "Eve's father"),
    ("Victoria Comte", "Eve Macarro", "young version (Eve as a child)"),
    ("Ava Joyce McCarthy", "Ella", "Daniel Pine's young daughter"),
}


def test_cast_of_ballerina_is_the_sheets_table(store: Store) -> None:
    rows = run(store, "cast", work="ballerina-2025")
    assert len(rows) == 12
    assert set(column(rows, "actorName", "characterName", "notes")) == BALLERINA_CAST
    assert column(rows, "actorName") == sorted(column(rows, "actorName"))
    assert run(store, "cast") == rows  # ballerina-2025 is the default


def test_cast_of_john_wick_takes_a_prefixed_name_or_an_iri(store: Store) -> None:
    rows = run(store, "cast", work="work:john-wick-2014")
    assert set(column(rows, "actorName", "characterName")) == {
        ("Keanu Reeves", "John Wick"), ("Michael Nyqvist", "Viggo Tarasov"), ("Alfie Allen", "Iosef Tarasov"),
        ("Willem Dafoe", "Marcus"), ("Adrianne Palicki", "Ms. Perkins"), ("Dean Winters", "Avi"),
        ("Ian McShane", "Winston"), ("John Leguizamo", "Aurelio"), ("Bridget Moynahan", "Helen"),
        ("Lance Reddick", "Charon"), ("Clarke Peters", "Harry"), ("Kevin Nash", "Francis"),
        ("David Patrick Kelly", "Charlie"), ("Thomas Sadoski", "Jimmy"), ("Daniel Bernhardt", "Kirill"),
        ("Munro M. Bonnell", "Priest"),
    }
    assert run(store, "cast", work=WORK + "john-wick-2014") == rows


def test_cast_uses_the_name_as_credited_in_that_work(store: Store) -> None:
    rows = run(store, "cast", work="john-wick-chapter-4-2023")
    assert ("Ian McShane", "Winston Scott") in column(rows, "actorName", "characterName")


# -- 2. works by a director ----------------------------------------------------------------------


def test_works_by_chad_stahelski_are_the_numbered_films_not_ballerina(store: Store) -> None:
    rows = run(store, "works-by-director", director="chad-stahelski")
    assert column(rows, "title") == [JW1, JW2, JW3, JW4, JW5]
    assert column(rows, "status") == ["released"] * 4 + ["in development"]
    assert column(rows, "releaseYear") == [2014, 2017, 2019, 2023, None]
    assert rows[-1]["creditNote"] == "announced"
    assert BALLERINA not in column(rows, "title")


def test_works_by_a_director_are_credited_ones_only(store: Store) -> None:
    assert column(run(store, "works-by-director", director="len-wiseman"), "title") == [BALLERINA]
    # David Leitch co-directed John Wick without credit
    assert run(store, "works-by-director", director="david-leitch") == []


# -- 3. reprised roles ---------------------------------------------------------------------------

# From the sheet's "Characters played by more than one actor, and returning actors" table: every
# later released work (with a release date) in which the same actor plays the same character.
# Announced works (Chapter 5, the anime, Caine) have no release date, so nothing is inferred there.
REPRISES = {
    ("Anjelica Huston", "The Director", JW3, BALLERINA, "stated"),  # "reprises her Parabellum role"
    *{("Keanu Reeves", "John Wick", JW1, later, "inferred") for later in (JW2, JW3, JW4, BALLERINA)},
    *{("Ian McShane", "Winston", JW1, later, "inferred") for later in (JW2, JW3, HEX, JW4, BALLERINA)},
    *{("Lance Reddick", "Charon", JW1, later, "inferred") for later in (JW2, JW3, HEX, JW4, BALLERINA)},
    ("Laurence Fishburne", "The Bowery King", JW2, JW3, "inferred"),
    ("Laurence Fishburne", "The Bowery King", JW2, JW4, "inferred"),
    ("John Leguizamo", "Aurelio", JW1, JW2, "inferred"),
    ("Bridget Moynahan", "Helen", JW1, JW2, "inferred"),
    ("Thomas Sadoski", "Jimmy", JW1, JW2, "inferred"),
}


def test_reprises_are_stated_and_inferred_with_the_first_work(store: Store) -> None:
    rows = run(store, "reprises")
    got = column(rows, "actorName", "characterName", "firstWorkTitle", "laterWorkTitle", "basis")
    assert len(got) == len(REPRISES) == 20
    assert set(got) == REPRISES


def test_reprises_leave_out_what_reviews_claim(store: Store) -> None:
    # review A claims a reprise (Ian McShane as Winston in Ballerina) and so does the seed (Keanu
    # Reeves); the rows are still the reference's, once each, with the reference's basis
    rows = run(store, "reprises")
    pairs = column(rows, "actorName", "laterWorkTitle", "basis")
    assert pairs.count(("Ian McShane", BALLERINA, "inferred")) == 1
    assert pairs.count(("Keanu Reeves", BALLERINA, "inferred")) == 1
    keanu = [row["laterWorkTitle"] for row in rows if row["actorName"] == "Keanu Reeves"]
    assert keanu == [JW2, JW3, JW4, BALLERINA]  # in release order


# -- 4. recast characters ------------------------------------------------------------------------

RECASTS = {  # the same table's "recast / younger version" rows: character, actor, work
    *{("Winston", "Ian McShane", work) for work in (JW1, JW2, JW3, JW4, BALLERINA, HEX)},
    ("Winston", "Colin Woodell", CONTINENTAL),
    *{("Charon", "Lance Reddick", work) for work in (JW1, JW2, JW3, JW4, BALLERINA, HEX)},
    ("Charon", "Ayomide Adegun", CONTINENTAL),
    ("Charlie", "David Patrick Kelly", JW1),
    ("Charlie", "Peter Greene", CONTINENTAL),
    ("The Adjudicator", "Asia Kate Dillon", JW3),
    ("The Adjudicator", "Katie McGrath", CONTINENTAL),
    ("The Elder", "Saïd Taghmaoui", JW3),
    ("The Elder", "George Georgiou", JW4),
    ("Eve Macarro", "Ana de Armas", BALLERINA),
    ("Eve Macarro", "Victoria Comte", BALLERINA),
}


def test_recasts_are_the_characters_with_several_actors(store: Store) -> None:
    rows = run(store, "recasts")
    assert set(column(rows, "characterName", "actorName", "workTitle")) == RECASTS
    assert len(rows) == len(RECASTS)
    assert set(column(rows, "actors")) == {2}
    winston = [(row["actorName"], row["workTitle"]) for row in rows if row["characterName"] == "Winston"]
    assert winston == [("Ian McShane", JW1), ("Ian McShane", JW2), ("Ian McShane", JW3), ("Ian McShane", HEX),
                       ("Ian McShane", JW4), ("Colin Woodell", CONTINENTAL), ("Ian McShane", BALLERINA)]


def test_who_played_charon(store: Store) -> None:
    rows = run(store, "character-portrayals", character="charon")
    assert column(rows, "workTitle", "actorName") == [
        (JW1, "Lance Reddick"), (JW2, "Lance Reddick"), (JW3, "Lance Reddick"), (HEX, "Lance Reddick"),
        (JW4, "Lance Reddick"), (CONTINENTAL, "Ayomide Adegun"), (BALLERINA, "Lance Reddick"),
    ]
    notes = dict(column(rows, "workTitle", "notes"))
    assert notes[HEX] == "voice"
    assert notes[CONTINENTAL] == "young version of the films' concierge; Cormac's assistant"


# -- 5, 6. chronology ----------------------------------------------------------------------------


def test_release_order_is_the_six_released_films_and_series(store: Store) -> None:
    rows = run(store, "release-order")
    assert column(rows, "releaseOrder", "title", "releaseDate") == [
        (1, JW1, "2014-10-24"), (2, JW2, "2017-02-10"), (3, JW3, "2019-05-17"),
        (4, JW4, "2023-03-24"), (5, CONTINENTAL, "2023-09-22"), (6, BALLERINA, "2025-06-06"),
    ]
    assert column(rows, "kind") == ["film"] * 4 + ["TV series", "film"]


def test_story_order_puts_the_continental_first_and_ballerina_before_chapter_4(store: Store) -> None:
    rows = run(store, "story-order")
    titles = column(rows, "title")
    assert titles == [CONTINENTAL, JW1, JW2, JW3, BALLERINA, JW4, CAINE]
    assert titles.index(JW3) < titles.index(BALLERINA) < titles.index(JW4)
    assert column(rows, "storyOrder") == [1, 2, 3, 4, 5, 6, 7]
    assert rows[-1]["status"] == "in development"


def test_works_in_a_series(store: Store) -> None:
    assert column(run(store, "series-works"), "title") == [JW1, JW2, JW3, JW4, JW5]
    spin_offs = run(store, "series-works", seriesId="from-the-world-of-john-wick")
    assert column(spin_offs, "title") == [CONTINENTAL, BALLERINA]


# -- 7. people in the most works -----------------------------------------------------------------


def test_people_in_the_most_works(store: Store) -> None:
    # counted by hand from the sheet: cast rows (announced works included), and director, writer
    # and creator rows that are screen credits ("based on characters created by", uncredited and
    # unconfirmed rows are not); episodes are not works of their own here
    rows = run(store, "top-people")
    assert column(rows, "name", "works") == [
        ("Keanu Reeves", 7),  # 4 films, Ballerina, Chapter 5, anime prequel
        ("Ian McShane", 6),  # 4 films, Ballerina, Hex
        ("Lance Reddick", 6),  # same
        ("Chad Stahelski", 5),  # directed the 4 films and Chapter 5
        ("Derek Kolstad", 3),  # wrote JW1-3
        ("Laurence Fishburne", 3),  # Chapters 2-4
        ("Shay Hatten", 3),  # Parabellum, Chapter 4, Ballerina
        ("Anjelica Huston", 2),  # then the 2s by name: Huston, Moynahan, Yen (Leguizamo, Sawayama, Sadoski)
        ("Bridget Moynahan", 2),
        ("Donnie Yen", 2),  # Chapter 4 and Caine (stars and directs)
    ]
    roles = dict(column(rows, "name", "roles"))
    assert roles["Donnie Yen"] == "actor, director"
    assert roles["Chad Stahelski"] == "director"


# -- 8. co-stars --------------------------------------------------------------------------------


def test_co_stars_of_keanu_reeves(store: Store) -> None:
    rows = run(store, "co-stars")  # keanu-reeves is the default
    counts = dict(column(rows, "coStarName", "sharedWorks"))
    assert list(counts)[:7] == ["Ian McShane", "Lance Reddick", "Laurence Fishburne", "Anjelica Huston",
                                "Bridget Moynahan", "John Leguizamo", "Thomas Sadoski"]
    assert [counts[name] for name in list(counts)[:7]] == [5, 5, 3, 2, 2, 2, 2]
    mcshane = [(row["workTitle"], row["coStarCharacterName"]) for row in rows if row["coStarName"] == "Ian McShane"]
    assert mcshane == [(JW1, "Winston"), (JW2, "Winston"), (JW3, "Winston"), (JW4, "Winston Scott"),
                       (BALLERINA, "Winston")]
    assert "Keanu Reeves" not in counts
    assert "Colin Woodell" not in counts  # The Continental has no Keanu Reeves


def test_co_stars_of_anjelica_huston(store: Store) -> None:
    rows = run(store, "co-stars", actor="anjelica-huston")
    counts = dict(column(rows, "coStarName", "sharedWorks"))
    # Parabellum's cast (15 others) and Ballerina's (11 others) share Reeves, McShane and Reddick
    assert len(counts) == 15 + 11 - 3
    assert len(rows) == 15 + 11
    assert {name for name, count in counts.items() if count == 2} == {"Keanu Reeves", "Ian McShane", "Lance Reddick"}
    assert counts["Unity Phelan"] == counts["Ana de Armas"] == 1
    assert set(column(rows, "characterName")) == {"The Director"}


def test_credits_of_a_person_include_uncredited_work(store: Store) -> None:
    leitch = run(store, "person-credits", person="david-leitch")
    assert column(leitch, "workTitle", "role", "credited") == [(JW1, "director", "no")]
    yen = run(store, "person-credits", person="donnie-yen")
    assert column(yen, "workTitle", "role", "detail", "credited") == [
        (JW4, "actor", "Caine", "yes"),
        (CAINE, "actor", "Caine", "yes"),
        (CAINE, "director", "announced; also stars and executive-produces", "yes"),
    ]


# -- 9. what reviews claim ---------------------------------------------------------------------


def test_claims_of_the_seed_review(store: Store) -> None:
    rows = [row for row in run(store, "review-claims") if row["review"] == SEED]
    # ../shared/reviews-dev/seed.json, in the order of the text
    assert column(rows, "claimType", "claimed", "status", "evidence") == [
        ("release_year", "2024", "contradicted", "Ballerina (2024)"),
        ("franchise_member", "John Wick", "supported", "spinoff in the John Wick franchise"),
        ("director", "Len Wiseman", "supported", "directed by Len Wiseman"),
        ("cast", "Ana de Armas as Rooney", "contradicted", "starring Ana de Armas in the lead role of Rooney"),
        ("cast", "Keanu Reeves as John Wick", "supported", "Keanu Reeves reprises his role as John Wick"),
        ("reprise", "Keanu Reeves as John Wick", "supported", "Keanu Reeves reprises his role as John Wick"),
        ("cast", "Anjelica Huston as The Director", "supported", "Anjelica Huston as The Director"),
        ("reprise", f"Anjelica Huston as The Director (from {JW3})", "supported",
         f"Anjelica Huston as The Director, reprising her role from {JW3}"),
        ("cast", "Norman Reedus", "supported", "Norman Reedus in a mysterious new role"),
        ("rating", "3.5/5", "unknown", "Rating: 3.5 out of 5 stars"),
    ]
    assert set(column(rows, "workTitle")) == {BALLERINA}


def test_claims_of_the_test_reviews(store: Store) -> None:
    rows = run(store, "review-claims")
    assert {row["review"] for row in rows} == {SEED, REVIEW_A, REVIEW_B, REVIEW_C}
    b = [row for row in rows if row["review"] == REVIEW_B]
    assert len(b) == 8
    assert set(column(b, "critic", "workTitle")) == {("Test Critic B", JW1)}
    assert ("cast", "Bridget Regan as Addy", "unknown") in column(b, "claimType", "claimed", "status")
    c = [row for row in rows if row["review"] == REVIEW_C]
    assert column(c, "claimType", "claimed") == [("franchise_member", "John Wick"), ("rating", "B+")]


def test_reviews_and_their_provenance(store: Store) -> None:
    rows = {row["review"]: row for row in run(store, "reviews")}
    assert set(rows) == {SEED, REVIEW_A, REVIEW_B, REVIEW_C}
    assert (rows[SEED]["publisher"], rows[SEED]["method"], rows[SEED]["claims"]) == ("Headphones Thoughts", "manual", 10)
    assert (rows[REVIEW_A]["critic"], rows[REVIEW_A]["url"], rows[REVIEW_A]["claims"]) == (
        "Test Critic A", "https://example.org/reviews/ballerina-a", 11)


def test_claims_and_reviews_come_in_the_order_of_the_review_iri(store: Store) -> None:
    # both queries sort on a computed copy of the review IRI; the ids as strings: 1c04, 5958, 71cf, fd4f
    in_order = [REVIEW_B, REVIEW_C, REVIEW_A, SEED]
    claims = run(store, "review-claims")
    assert list(dict.fromkeys(column(claims, "review"))) == in_order
    assert len(claims) == len(set(column(claims, "claim"))) == 31  # one row per claim, each review's rows together
    assert column(run(store, "reviews"), "review") == in_order


# -- 10. conflicts ------------------------------------------------------------------------------


def _conflicts(rows: list[dict[str, Any]], review: str) -> dict[str, dict[str, Any]]:
    found = [row for row in rows if row["review"] == review]
    by_claim = {row["claimed"]: row for row in found}
    assert len(by_claim) == len(found), "one row per conflicting claim"
    return by_claim


def test_conflicts_of_the_seed_review_are_exactly_the_two_false_claims(store: Store) -> None:
    conflicts = _conflicts(run(store, "conflicts"), SEED)
    assert set(conflicts) == {"Ana de Armas as Rooney", "2024"}
    rooney, year = conflicts["Ana de Armas as Rooney"], conflicts["2024"]
    assert (rooney["claimType"], rooney["reference"]) == ("cast", "Ana de Armas as Eve Macarro")
    assert rooney["evidence"] == "starring Ana de Armas in the lead role of Rooney"
    assert "pre-release" in rooney["explanation"]
    assert (year["claimType"], year["reference"], year["evidence"]) == ("release_year", "2025", "Ballerina (2024)")
    assert "June 2024" in year["explanation"]
    assert {row["workTitle"] for row in conflicts.values()} == {BALLERINA}


def test_conflicts_on_the_project_data_alone(shared_store: Store) -> None:
    rows = run(shared_store, "conflicts")
    assert {(row["review"], row["claimed"]) for row in rows} == {(SEED, "Ana de Armas as Rooney"), (SEED, "2024")}


def test_conflicts_of_review_a(store: Store) -> None:
    conflicts = _conflicts(run(store, "conflicts"), REVIEW_A)
    # correct claims (year 2025, Sharon Duncan-Brewster as Nogi, Ian McShane as Winston Scott,
    # Keanu Reeves as Baba Yaga, writer Shay Hatten) are not conflicts
    assert set(conflicts) == {"Chad Stahelski", "Unity Phelan as Eve Macarro", "Gabriel Byrne as The Elder",
                              "Catalina Sandino Moreno as Nogi"}
    director = conflicts["Chad Stahelski"]
    assert (director["claimType"], director["reference"], director["evidence"]) == (
        "director", "Len Wiseman", "directed by Chad Stahelski")
    assert director["explanation"].startswith("Len Wiseman is the credited director")
    # a wrong actor for a role: the character is played by others
    phelan = conflicts["Unity Phelan as Eve Macarro"]
    assert phelan["reference"] == "Ana de Armas as Eve Macarro; Victoria Comte as Eve Macarro"
    # the sheet's known false claim names her, so its truth now explains the conflict
    assert phelan["explanation"].startswith("Phelan, a New York City Ballet dancer")
    # a wrong role for an actor, with and without a known false claim behind it
    byrne = conflicts["Gabriel Byrne as The Elder"]
    assert byrne["reference"] == "Gabriel Byrne as The Chancellor"
    assert "Byrne plays The Chancellor" in byrne["explanation"]
    assert conflicts["Catalina Sandino Moreno as Nogi"]["reference"] == "Catalina Sandino Moreno as Lena"


def test_conflicts_of_reviews_b_and_c(store: Store) -> None:
    rows = run(store, "conflicts")
    conflicts = _conflicts(rows, REVIEW_B)
    # Chad Stahelski as director, Derek Kolstad as writer, Willem Dafoe as Marcus are right;
    # Bridget Regan as Addy is not in the reference facts, so nothing contradicts it
    assert set(conflicts) == {"David Leitch", "John Leguizamo as Viggo Tarasov"}
    leitch = conflicts["David Leitch"]
    assert (leitch["reference"], leitch["workTitle"]) == ("Chad Stahelski", JW1)
    assert "co-directed without credit" in leitch["explanation"]
    assert conflicts["John Leguizamo as Viggo Tarasov"]["reference"] == "John Leguizamo as Aurelio"
    assert _conflicts(rows, REVIEW_C) == {}


# -- 11. ratings ------------------------------------------------------------------------------


def test_average_rating_per_work(store: Store) -> None:
    rows = run(store, "average-rating")
    # John Wick: review B's 4/5; Ballerina: the seed's 3.5/5 and review A's 8/10 (review C's B+
    # has no normalised value and is not counted)
    assert column(rows, "workTitle", "ratings") == [(JW1, 1), (BALLERINA, 2)]
    assert rows[0]["averageRating"] == pytest.approx(0.8)
    assert rows[1]["averageRating"] == pytest.approx((0.7 + 0.8) / 2)


def test_average_rating_of_the_seed_alone(shared_store: Store) -> None:
    rows = run(shared_store, "average-rating")
    assert column(rows, "workTitle", "ratings") == [(BALLERINA, 1)]
    assert rows[0]["averageRating"] == pytest.approx(0.7)


# -- known false claims -------------------------------------------------------------------------


def test_known_false_claims(store: Store) -> None:
    rows = run(store, "known-false-claims")
    assert len({row["falseClaim"] for row in rows}) == 19  # the sheet lists 19
    rooney = [row for row in rows if row["falseValue"] == "Rooney"]
    assert len(rooney) == 1 and rooney[0]["workTitle"] == BALLERINA
    assert rooney[0]["field"] == "cast[Ana de Armas].character"
