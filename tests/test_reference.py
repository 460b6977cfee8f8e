"""Facts in data/reference/franchise.ttl, checked with SPARQL against the fact sheet.

Expected values are written from the fact sheet (../shared/reference/README.md and
franchise.json), not from the generator's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from wickgraph.namespaces import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference" / "franchise.ttl"
SCRIPT = ROOT / "scripts" / "make_reference.py"
SHEET = ROOT / "tests" / "data" / "shared" / "reference" / "franchise.json"  # a copy of ../shared's
HEAD = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + (
    "PREFIX credit: <https://w3id.org/wickgraph/id/credit/>\n"
    "PREFIX performance: <https://w3id.org/wickgraph/id/performance/>\n"
    "PREFIX falseclaim: <https://w3id.org/wickgraph/id/false-claim/>\n"
)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(REFERENCE), format=ox.RdfFormat.TURTLE)
    return store


def ask(store: ox.Store, where: str) -> bool:
    return bool(store.query(HEAD + f"ASK {{ {where} }}"))


def values(store: ox.Store, select: str) -> list[str]:
    return sorted(str(row[0].value) for row in store.query(HEAD + select))


def count(store: ox.Store, where: str) -> int:
    rows = list(store.query(HEAD + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
    return int(rows[0]["n"].value)


# -- works ------------------------------------------------------------------------------


def test_ballerina_release(store: ox.Store) -> None:
    assert ask(store, 'work:ballerina-2025 wg:releaseDate "2025-06-06"^^xsd:date ; wg:releaseYear 2025')
    assert values(store, "SELECT ?d WHERE { work:ballerina-2025 wg:releaseDate ?d }") == ["2025-06-06"]
    assert values(store, "SELECT ?y WHERE { work:ballerina-2025 wg:releaseYear ?y }") == ["2025"]


def test_month_precision_release_date(store: ox.Store) -> None:
    assert ask(store, 'work:john-wick-chronicles-2017 wg:releaseDate "2017-02"^^xsd:gYearMonth')


def test_titles_types_and_aliases(store: ox.Store) -> None:
    assert ask(store, 'work:ballerina-2025 a wg:Film, wg:Work ; rdfs:label "From the World of John Wick: Ballerina"')
    assert ask(store, 'work:ballerina-2025 wg:alias "Ballerina"')
    assert ask(store, 'work:the-continental-2023 a wg:TVSeries')
    assert ask(store, 'work:john-wick-hex-2019 a wg:VideoGame')
    assert ask(store, 'work:john-wick-2014 wg:workingTitle "Scorn"')
    assert ask(store, 'work:john-wick-chapter-4-2023 wg:workingTitle "Hagakure"')


def test_every_work_is_in_the_franchise(store: ox.Store) -> None:
    assert count(store, "?w a wg:Work ; wg:partOfFranchise id:franchise\\/john-wick . FILTER NOT EXISTS { ?w a wg:Episode }") == 13
    assert ask(store, 'id:franchise\\/john-wick a wg:Franchise ; rdfs:label "John Wick"')


def test_in_development_works(store: ox.Store) -> None:
    assert values(store, 'SELECT ?w WHERE { ?w wg:productionStatus "in development" }') == sorted(
        PREFIXES["work"] + w
        for w in ("john-wick-chapter-5", "caine-spin-off", "john-wick-anime-prequel",
                  "john-wick-under-the-high-table", "john-wick-aaa-video-game")
    )
    assert not ask(store, "work:john-wick-chapter-5 wg:releaseDate ?d")


def test_release_and_story_order(store: ox.Store) -> None:
    release = values(store, "SELECT ?w WHERE { ?w wg:releaseOrder 5 }")
    assert release == [PREFIXES["work"] + "the-continental-2023"]
    assert ask(store, "work:ballerina-2025 wg:releaseOrder 6 ; wg:storyOrder 5 ; wg:filmNumber 5")
    assert ask(store, "work:the-continental-2023 wg:storyOrder 1")
    assert count(store, "?w wg:releaseOrder ?o") == 6


def test_story_chain(store: ox.Store) -> None:
    assert ask(store, "work:ballerina-2025 wg:storyFollows work:john-wick-chapter-3-parabellum-2019")
    assert ask(store, "work:john-wick-chapter-4-2023 wg:storyFollows work:ballerina-2025")
    assert ask(store, "work:john-wick-2014 wg:storyFollows work:the-continental-2023")
    assert ask(store, "work:caine-spin-off wg:storyFollows work:john-wick-chapter-4-2023")
    assert not ask(store, "work:the-continental-2023 wg:storyFollows ?w")
    assert count(store, "?a wg:storyFollows ?b") == 6


def test_series_membership(store: ox.Store) -> None:
    assert ask(store, "work:ballerina-2025 wg:partOfSeries id:series\\/from-the-world-of-john-wick")
    assert count(store, "?w wg:partOfSeries id:series\\/john-wick-main-series") == 5


def test_episodes(store: ox.Store) -> None:
    assert count(store, "?e a wg:Episode ; wg:episodeOf work:the-continental-2023") == 3
    assert ask(store, 'work:the-continental-2023-e02 wg:episodeNumber 2 ; rdfs:label "Loyalty to the Master" ;'
                      ' wg:releaseDate "2023-09-29"^^xsd:date ; wg:director person:charlotte-brandstrom')


def test_imdb_ids_only_where_verified(store: ox.Store) -> None:
    assert ask(store, 'work:john-wick-2014 wg:imdbId "tt2911666" ; schema:sameAs <https://www.imdb.com/title/tt2911666/>')
    assert count(store, "?w wg:imdbId ?id") == 4
    assert not ask(store, "work:ballerina-2025 wg:imdbId ?id")
    assert not ask(store, '?s schema:sameAs ?x FILTER(STRSTARTS(STR(?x), "http://www.wikidata.org/"))')


def test_sources_and_unverified_notes(store: ox.Store) -> None:
    assert ask(store, "work:john-wick-2014 dcterms:source <https://en.wikipedia.org/wiki/John_Wick_(film)>")
    assert ask(store, 'work:ballerina-2025 wg:unverifiedNote "Emerald Fennell\'s final screen credit not confirmed."')


def test_production_companies(store: ox.Store) -> None:
    assert ask(store, 'work:john-wick-2014 wg:productionCompany ?o . ?o a wg:Organization ; rdfs:label "MJW Films"')
    assert count(store, "work:john-wick-2014 wg:productionCompany ?o") == 4


# -- credits ------------------------------------------------------------------------------


def test_len_wiseman_directs_ballerina_and_stahelski_does_not(store: ox.Store) -> None:
    assert ask(store, "work:ballerina-2025 wg:director person:len-wiseman")
    assert not ask(store, "work:ballerina-2025 wg:director person:chad-stahelski")
    assert values(store, "SELECT ?p WHERE { work:ballerina-2025 wg:director ?p }") == [PREFIXES["person"] + "len-wiseman"]


def test_uncredited_leitch(store: ox.Store) -> None:
    assert ask(store, """credit:john-wick-2014--director--david-leitch a wg:Credit ;
        wg:creditedWork work:john-wick-2014 ; wg:creditedPerson person:david-leitch ;
        wg:creditRole "director" ; wg:credited false ; wg:note ?note .
        FILTER(CONTAINS(?note, "uncredited"))""")
    assert not ask(store, "work:john-wick-2014 wg:director person:david-leitch")
    assert ask(store, "work:john-wick-2014 wg:director person:chad-stahelski")


def test_writers_on_ballerina(store: ox.Store) -> None:
    assert values(store, "SELECT ?p WHERE { work:ballerina-2025 wg:writer ?p }") == [PREFIXES["person"] + "shay-hatten"]
    assert ask(store, "credit:ballerina-2025--writer--emerald-fennell wg:credited false")
    assert ask(store, "credit:ballerina-2025--writer--derek-kolstad wg:credited false")
    assert count(store, "?c a wg:Credit ; wg:creditedWork work:ballerina-2025") == 4


def test_creators_and_announced_credits(store: ox.Store) -> None:
    assert ask(store, "work:the-continental-2023 wg:creator person:greg-coolidge, person:kirk-ward, person:shawn-simmons")
    assert ask(store, "work:caine-spin-off wg:director person:donnie-yen")  # announced, not uncredited


# -- cast, characters, people -------------------------------------------------------------


def test_winston_is_played_by_mcshane_and_woodell(store: ox.Store) -> None:
    actors = values(store, "SELECT DISTINCT ?name WHERE { ?p a wg:Performance ; wg:character character:winston-scott ; wg:actor ?a . ?a rdfs:label ?name }")
    assert actors == ["Colin Woodell", "Ian McShane"]
    assert ask(store, "?p wg:actor person:colin-woodell ; wg:character character:winston-scott ; wg:work work:the-continental-2023 ; wg:isYoungVersion true")
    assert ask(store, 'character:winston-scott wg:fullName "Winston Scott" ; rdfs:label "Winston"')


def test_cast_rows_per_work_match_the_sheet(store: ox.Store) -> None:
    sheet = json.loads(SHEET.read_text(encoding="utf-8"))
    expected = {PREFIXES["work"] + w["id"]: len(w["cast"]) for w in sheet["works"] if w["cast"]}
    rows = store.query(HEAD + "SELECT ?w (COUNT(?p) AS ?n) WHERE { ?p a wg:Performance ; wg:work ?w } GROUP BY ?w")
    assert {row["w"].value: int(row["n"].value) for row in rows} == expected


def test_cast_counts_from_the_readme(store: ox.Store) -> None:
    counts = Counter(values(store, "SELECT ?w WHERE { ?p a wg:Performance ; wg:work ?w }"))
    assert counts[PREFIXES["work"] + "john-wick-2014"] == 16
    assert counts[PREFIXES["work"] + "john-wick-chapter-2-2017"] == 14
    assert counts[PREFIXES["work"] + "ballerina-2025"] == 12


def test_performance_flags_and_notes(store: ox.Store) -> None:
    assert ask(store, "performance:ballerina-2025--john-wick--keanu-reeves wg:isCameo true")
    assert ask(store, "performance:john-wick-hex-2019--hex--troy-baker wg:isVoice true")
    assert ask(store, "performance:ballerina-2025--eve-macarro--victoria-comte wg:isYoungVersion true")
    assert ask(store, 'performance:john-wick-chapter-2-2017--julius--franco-nero wg:verified false ; wg:creditedAs "Julius"')
    assert not ask(store, "performance:ballerina-2025--eve-macarro--ana-de-armas wg:isYoungVersion ?x")
    assert ask(store, 'performance:ballerina-2025--charon--lance-reddick wg:note "posthumous release", "final film role"')


def test_characters(store: ox.Store) -> None:
    assert ask(store, 'character:eve-macarro a wg:Character ; wg:preReleaseName "Rooney"')
    assert ask(store, 'character:cormac-oconnor wg:disputedName "Cormac Fitzpatrick"')
    assert ask(store, "character:the-adjudicator wg:isTitleOrOffice true")
    assert ask(store, "character:the-ballerina-parabellum wg:relatedCharacter character:eve-macarro")
    assert ask(store, "character:julius wg:verified false")
    assert not ask(store, "character:rooney ?p ?o")


def test_people(store: ox.Store) -> None:
    assert ask(store, 'person:said-taghmaoui a wg:Person ; rdfs:label "Saïd Taghmaoui" ; wg:alias "Said Taghmaoui"')
    assert ask(store, 'person:lance-reddick wg:alias "Lance Riddick"')
    assert count(store, "?p a wg:Person") == 103


def test_stated_reprise_of_the_director(store: ox.Store) -> None:
    assert ask(store, """?r a wg:Reprise ; wg:actor person:anjelica-huston ; wg:character character:the-director ;
        wg:work work:ballerina-2025 ; wg:fromWork work:john-wick-chapter-3-parabellum-2019 ; wg:inferred false ;
        wg:performance performance:ballerina-2025--the-director--anjelica-huston""")


# -- known false claims ---------------------------------------------------------------------


def test_known_false_claims(store: ox.Store) -> None:
    assert count(store, "?c a wg:KnownFalseClaim") == 19
    assert ask(store, """falseclaim:ballerina-is-2024-film wg:aboutWork work:ballerina-2025 ;
        wg:aboutField "release_year" ; wg:falseValue 2024 ; wg:truth ?t""")
    assert values(store, "SELECT ?v WHERE { falseclaim:ballerina-is-2024-film wg:falseValue ?v }") == ["2024"]
    assert ask(store, 'falseclaim:ballerina-lead-named-rooney wg:falseValue "Rooney" ; wg:aboutField "cast[Ana de Armas].character"')
    assert ask(store, 'falseclaim:ballerina-directed-by-stahelski wg:falseValue "Chad Stahelski"')
    assert ask(store, 'falseclaim:ballerina-byrne-the-elder wg:falseValue "The Elder"')
    assert values(store, "SELECT ?v WHERE { falseclaim:jw1-directed-by-leitch wg:falseValue ?v }") == ["David Leitch"]
    assert values(store, "SELECT ?v WHERE { falseclaim:ballerina-written-by-kolstad wg:falseValue ?v }") == ["Derek Kolstad"]
    assert ask(store, 'falseclaim:continental-cormac-surname wg:verified false ; wg:falseValue "Cormac Fitzpatrick"')
    assert ask(store, "falseclaim:ballerina-lead-named-rooney wg:seenIn <https://winenfood.com/the-official-cast-list-for-the-ballerina-movie>")


def test_false_year_is_an_integer(store: ox.Store) -> None:
    rows = list(store.query(HEAD + "SELECT ?v WHERE { falseclaim:ballerina-is-2024-film wg:falseValue ?v }"))
    assert rows[0]["v"].datatype == ox.NamedNode(PREFIXES["xsd"] + "integer")


# -- generation -----------------------------------------------------------------------------


def test_parses_with_pyoxigraph(store: ox.Store) -> None:
    assert len(store) > 2000
    assert not list(store.named_graphs())


def test_regenerating_gives_identical_bytes(tmp_path: Path) -> None:
    output = tmp_path / "franchise.ttl"
    subprocess.run([sys.executable, str(SCRIPT), str(SHEET), "-o", str(output)], check=True, cwd=tmp_path)
    assert output.read_bytes() == REFERENCE.read_bytes()
