"""Issue 10, second pass: wordings of the extractor's weakest phenomena, written for these tests.

Each phenomenon has at least three wordings of its own and, where a near miss exists, negatives.
A case is ``(text, film, expected)`` with ``(type, who, role-or-value, status)`` facts that must all
be found (``who`` is empty for film-level claims); names compare as the shared scorer compares them.
"""

from __future__ import annotations

from typing import Any

import pytest
from wordings import Fact, assert_absent
from wordings import facts as _facts
from wordings import same as _same

from wickgraph.extract import extract
from wickgraph.reference import normalize_name

CH2, CH4, PARA, JW1, BAL, CONT = ("John Wick: Chapter 2", "John Wick: Chapter 4", "Parabellum", "John Wick",
                                  "Ballerina", "The Continental")

WORDINGS: dict[str, list[tuple[str, str | None, list[Fact]]]] = {
    "reprise-old-roles": [  # a reprise naming no role: the role the reference has the actor play here and before
        ("Returning from the first film are Ian McShane, Lance Reddick and John Leguizamo, in their old roles.", CH2,
         [("reprise", "Ian McShane", "Winston", "supported"), ("cast", "John Leguizamo", "Aurelio", "supported")]),
        ("Back from Parabellum are Laurence Fishburne and Ian McShane.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Returning for this chapter: Lance Reddick and Ian McShane.", PARA,
         [("reprise", "Lance Reddick", "Charon", "supported"), ("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "reprise-that-is-a-first": [  # the reference's earlier casts decide: a first appearance is no reprise
        ("Jerome Flynn, reprising Berrada from Chapter 2, is wasted.", PARA,
         [("reprise", "Jerome Flynn", "Berrada", "contradicted"), ("cast", "Jerome Flynn", "Berrada", "supported")]),
        ("Anjelica Huston is back as the Director, and she rules.", PARA,
         [("reprise", "Anjelica Huston", "Director", "contradicted")]),
        ("Peter Stormare, back as Abram from the first film, chews the scenery.", CH2,
         [("reprise", "Peter Stormare", "Abram", "contradicted")]),
    ],
    "reprise-steps-back": [
        ("Ian McShane steps back into Winston's shoes with ease.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick slips back into Charon's suit.", PARA, [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Laurence Fishburne steps back into the Bowery King's rags.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
    ],
    "reprise-returns-to-role": [
        ("Ian McShane returns to the role of Winston.", PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick comes back to the part of Charon one last time.", CH4,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Keanu Reeves goes back to the role of John Wick.", CH2,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "reprise-once-again-apposition": [
        ("Anjelica Huston, once again the Director, rules the theatre.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
        ("Ian McShane, once more Winston, pours the drinks.", CH4, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick, yet again Charon, greets every guest.", PARA,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
    ],
    "reprise-back-from-film": [
        ("Ian McShane, back as Winston from the first film, is a delight.", CH2,
         [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick is back as Charon, as in Parabellum.", CH4,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Anjelica Huston is back as the Director, as in Parabellum.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
    ],
    "reprise-their-roles-paired": [
        ("Ian McShane and Lance Reddick reprise their film roles, Winston and Charon.", PARA,
         [("reprise", "Ian McShane", "Winston", "supported"), ("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Ian McShane and Laurence Fishburne reprise their roles as Winston and the Bowery King.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported"),
          ("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Lance Reddick and Ian McShane return in their old parts, Charon and Winston.", PARA,
         [("reprise", "Lance Reddick", "Charon", "supported"), ("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "reprise-returning-from": [
        ("Returning from the first film are Ian McShane and Lance Reddick, in their old roles.", CH2,
         [("reprise", "Ian McShane", None, "supported"), ("reprise", "Lance Reddick", None, "supported")]),
        ("Back from Parabellum are Laurence Fishburne and Ian McShane.", CH4,
         [("reprise", "Laurence Fishburne", None, "supported"), ("reprise", "Ian McShane", None, "supported")]),
        ("Returning for this chapter: Ian McShane, Lance Reddick and Laurence Fishburne.", CH4,
         [("reprise", "Ian McShane", None, "supported"), ("reprise", "Lance Reddick", None, "supported")]),
    ],
    "reprise-direct-object": [
        ("Ian McShane reprises Winston.", CH4, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Anjelica Huston reprises the Director from Parabellum.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
        ("Lance Reddick happily revisits his Charon.", PARA, [("reprise", "Lance Reddick", "Charon", "supported")]),
    ],
    "reprise-nth-turn": [
        ("Lance Reddick, in his final turn as Charon, is wonderful.", CH4,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Keanu Reeves, fourth time as John Wick, limps.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Ian McShane, for a third outing as Winston, barely moves.", PARA,
         [("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "reprise-label-inline": [
        ("Back again: Ian McShane as Winston and Lance Reddick as Charon.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported"), ("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Also returning: Laurence Fishburne as the Bowery King.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
        ("**Returning cast:** Ian McShane (Winston), Lance Reddick (Charon)", PARA,
         [("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "reprise-returning-adjective": [
        ("The returning Ian McShane plays Winston.", CH4, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("A returning Lance Reddick is Charon again, briefly.", PARA,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("And the returning Laurence Fishburne plays the Bowery King.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
    ],
    "franchise-ordinal-feature": [
        ("It is the franchise's fourth feature, and the longest.", CH4, [("franchise_member", "", None, "supported")]),
        ("The third instalment of the John Wick series opens in a stable.", PARA,
         [("franchise_member", "", None, "supported")]),
        ("Chapter four of the saga is also its biggest.", CH4, [("franchise_member", "", None, "supported")]),
    ],
    "franchise-spinoff-prequel": [
        ("The Continental is a prequel to the John Wick films.", CONT, [("franchise_member", "", None, "supported")]),
        ("Ballerina, a spin-off of the John Wick series, finally arrives.", BAL,
         [("franchise_member", "", None, "supported")]),
        ("It plays as a side story to the John Wick saga.", BAL, [("franchise_member", "", None, "supported")]),
    ],
    "franchise-series-entry": [
        ("Another entry in the series, and a good one.", PARA, [("franchise_member", "", None, "supported")]),
        ("Parabellum is the third film of the saga.", PARA, [("franchise_member", "", None, "supported")]),
        ("It rounds off the saga with a duel at dawn.", CH4, [("franchise_member", "", None, "supported")]),
    ],
    "franchise-continues": [
        ("The John Wick saga continues with more dogs.", PARA, [("franchise_member", "", None, "supported")]),
        ("The franchise rolls on, bloodier than ever.", CH4, [("franchise_member", "", None, "supported")]),
        ("And so the Wick series marches on.", CH2, [("franchise_member", "", None, "supported")]),
    ],
    "franchise-world-of": [
        ("Ballerina is set in the world of John Wick.", BAL, [("franchise_member", "", None, "supported")]),
        ("The show takes place squarely in the universe of John Wick.", CONT,
         [("franchise_member", "", None, "supported")]),
        ("It all unfolds in the underworld of John Wick, decades earlier.", CONT,
         [("franchise_member", "", None, "supported")]),
    ],
    "franchise-ordinal-wick": [
        ("This fourth Wick movie runs nearly three hours.", CH4, [("franchise_member", "", None, "supported")]),
        ("The latest John Wick sequel is the loudest.", PARA, [("franchise_member", "", None, "supported")]),
        ("A second Wick film was always coming.", CH2, [("franchise_member", "", None, "supported")]),
    ],
    "year-facts-line": [
        ("Parabellum\nUSA | 2019 | 131 min\n", None, [("release_year", "", 2019, "supported")]),
        ("2019 · 131 min · R\n", PARA, [("release_year", "", 2019, "supported")]),
        ("US/Germany, 2017, 122 minutes\n", CH2, [("release_year", "", 2017, "supported")]),
    ],
    "year-facts-line-titled": [
        ("Ballerina\nUSA | 2025 | 125 min\nParabellum\nUSA | 2019 | 131 min\n", BAL,
         [("release_year", "", 2025, "supported")]),
        ("## John Wick: Chapter 4\nUSA · 2023 · 169 min\n", CH4, [("release_year", "", 2023, "supported")]),
        ("The Continental\n2023 | 268 min\n", CONT, [("release_year", "", 2023, "supported")]),
    ],
    "year-label-qualified": [
        ("Showing from Friday 6 June 2025.", BAL, [("release_year", "", 2025, "supported")]),
        ("Opens nationwide 24 March 2023.", CH4, [("release_year", "", 2023, "supported")]),
        ("In UK cinemas 17 May 2019.", PARA, [("release_year", "", 2019, "supported")]),
    ],
    "year-in-cinemas-from": [
        ("In cinemas from 17 May 2019.", PARA, [("release_year", "", 2019, "supported")]),
        ("In theaters from March 24, 2023, and worth it.", CH4, [("release_year", "", 2023, "supported")]),
        ("Showing in cinemas from 6 June 2025.", BAL, [("release_year", "", 2025, "supported")]),
    ],
    "year-paren-facts": [
        ("John Wick: Chapter 2 (USA, 2017, 122 minutes)\n", CH2, [("release_year", "", 2017, "supported")]),
        ("Parabellum (US 2019; 131 min.)\n", PARA, [("release_year", "", 2019, "supported")]),
        ("Ballerina (USA 2025, 125 min)\n", BAL, [("release_year", "", 2025, "supported")]),
    ],
    "year-out-since": [
        ("Out since October 2019 on disc.", PARA, [("release_year", "", 2019, "supported")]),
        ("It was released on 8 October 2019 in the US.", PARA, [("release_year", "", 2019, "supported")]),
        ("year: 2017\n", CH2, [("release_year", "", 2017, "supported")]),
    ],
    "credit-director-words": [
        ("WHO DIRECTED IT: Chad Stahelski\n", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Chad Stahelski directs again, with more confidence.", CH2,
         [("director", "Chad Stahelski", None, "supported")]),
        ("The director on record is Len Wiseman.", BAL, [("director", "Len Wiseman", None, "supported")]),
    ],
    "director-role-noun": [
        ("Chad Stahelski returns as director.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Len Wiseman takes over as director.", BAL, [("director", "Len Wiseman", None, "supported")]),
        ("Chad Stahelski is the director again.", PARA, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "director-the-is-or-helm": [
        ("The director is Chad Stahelski, as ever.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Chad Stahelski is at the helm again.", CH2, [("director", "Chad Stahelski", None, "supported")]),
        ("It was directed, once again, by Chad Stahelski.", CH4, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "credit-duties": [
        ("Script duties fall to Shay Hatten.", BAL, [("writer", "Shay Hatten", None, "supported")]),
        ("Credit for the screenplay goes to Shay Hatten and Michael Finch.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Directing duties fall to Len Wiseman.", BAL, [("director", "Len Wiseman", None, "supported")]),
    ],
    "writer-role-noun": [
        ("Derek Kolstad is the writer again.", CH2, [("writer", "Derek Kolstad", None, "supported")]),
        ("Derek Kolstad returns as screenwriter.", PARA, [("writer", "Derek Kolstad", None, "supported")]),
        ("The writers are Shay Hatten and Michael Finch.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
    ],
    "credit-writer-words": [
        ("The screenplay is Derek Kolstad's, as before.", CH2, [("writer", "Derek Kolstad", None, "supported")]),
        ("The script is Shay Hatten's.", BAL, [("writer", "Shay Hatten", None, "supported")]),
        ("The writing credit is split four ways: Derek Kolstad, Shay Hatten, Chris Collins and Marc Abrams.", PARA,
         [("writer", "Derek Kolstad", None, "supported"), ("writer", "Marc Abrams", None, "supported")]),
    ],
    "speaker-label-or-verdict": [
        ("Keanu Reeves: superb as ever.\nIan McShane: dry.", PARA,
         [("cast", "Keanu Reeves", None, "supported"), ("cast", "Ian McShane", None, "supported")]),
        ("Cast\nKeanu Reeves: John Wick\n", PARA, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Donnie Yen: the best fights of the year.", CH4, [("cast", "Donnie Yen", None, "supported")]),
    ],
    "rating-overall-grade": [
        ("REPORT CARD\nAction: A\nStory: C\nOverall: B\n", CH4, [("rating", "", "B", "")]),
        ("Report card: action A, story C+, overall B-.", PARA, [("rating", "", "B-", "")]),
        ("| Action | A |\n| Plot | C |\n| Overall | B+ |\n", BAL, [("rating", "", "B+", "")]),
    ],
    "role-in-a-place": [
        ("Peter Serafinowicz is a sommelier called Bartholomew in Rome.", CH2,
         [("cast", "Peter Serafinowicz", "Bartholomew", "contradicted")]),
        ("Tobias Segal plays Earl in John Wick.", JW1, [("cast", "Tobias Segal", "Earl", "contradicted")]),  # a Ch. 4 role
        ("Keanu Reeves (producer) also plays John Wick in Osaka.", CH4,
         [("cast", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "rating-own-words": [
        ("A solid seven out of ten.", CH4, [("rating", "", 7, "")]),
        ("Verdict: three stars (out of four).", CH4, [("rating", "", 3, "")]),
        ("FIVE OUT OF FIVE SKULLS.", JW1, [("rating", "", 5, "")]),
    ],
}

ABSENT: dict[str, list[tuple[str, str | None, tuple[str, str, Any]]]] = {
    "franchise-other-series": [
        ("Fallout is the best in the Mission: Impossible series.", CH4, ("franchise_member", "", None)),
        ("The Bourne saga continues elsewhere, without a dog.", PARA, ("franchise_member", "", None)),
        ("It is not set in the world of John Wick at all.", None, ("franchise_member", "", None)),
    ],
    "reprise-not-announced": [
        ("Not returning: Halle Berry as Sofia, sadly.", CH4, ("reprise", "Halle Berry", None)),
        ("Donnie Yen, in his first turn as Caine, steals it.", CH4, ("reprise", "Donnie Yen", None)),
        ("Donnie Yen plays Caine.\nBack again: the dog.", CH4, ("reprise", "Donnie Yen", None)),
    ],
    "director-title-is-a-role": [
        ("Anjelica Huston is the Director again.", BAL, ("director", "Anjelica Huston", None)),
        ("The Director is Anjelica Huston, in furs.", BAL, ("director", "Anjelica Huston", None)),
        ("Anjelica Huston returns as the Director.", PARA, ("director", "Anjelica Huston", None)),
    ],
    "credit-not-a-role": [
        ("Chad Stahelski is the director again.", PARA, ("cast", "Chad Stahelski", None)),
        ("Len Wiseman is the director this time.", BAL, ("cast", "Len Wiseman", None)),
        ("Derek Kolstad is the writer again.", CH2, ("cast", "Derek Kolstad", None)),
    ],
    "year-facts-line-of-another-title": [
        ("Ballerina\nUSA | 2025 | 125 min\nParabellum\nUSA | 2019 | 131 min\n", BAL, ("release_year", "", 2019)),
        ("Ballerina is fine.\n\nParabellum\n2019 · 131 min · R\n", BAL, ("release_year", "", 2019)),
        ("Speed\nUSA | 1994 | 116 min\n", JW1, ("release_year", "", 1994)),
    ],
    "franchise-bare-title": [
        ("John Wick: Chapter 4 is long.", CH4, ("franchise_member", "", None)),
        ("I saw Parabellum on a Tuesday.", PARA, ("franchise_member", "", None)),
        ("Ballerina has a flamethrower.", BAL, ("franchise_member", "", None)),
    ],
    "year-not-this-film": [
        ("Posted 3 March 2024 by Dana.\nIt is in cinemas from next week.", CH4, ("release_year", "", 2024)),
        ("Reviewed on 12 June 2020.\nParabellum is loud.", PARA, ("release_year", "", 2020)),
        ("Parabellum is loud; the first film came out in 2014.", PARA, ("release_year", "", 2014)),
    ],
    "rating-not-the-critic": [
        ("IMDb RATING 7.4/10\n", CH4, ("rating", "", 7.4)),
        ("My friend gives it 8 out of 10.", CH4, ("rating", "", 8)),
        ("Rotten Tomatoes has it at 94%.", CH4, ("rating", "", 94)),
    ],
    "speaker-label": [
        ("KEANU REEVES: It was a long shoot.\nINTERVIEWER: Was it hard?", CH4, ("cast", "Keanu Reeves", None)),
        ("Q: How was Japan?\nDonnie Yen: \"Hot. Very hot.\"", CH4, ("cast", "Donnie Yen", None)),
        ("**Ian McShane:** I love Winston, always have.", PARA, ("cast", "Ian McShane", None)),
    ],
    "rating-article-not-grade": [
        ("Overall: A bit long, but fun.", CH4, ("rating", "", None)),
        ("Score: A little too loud for me.", PARA, ("rating", "", None)),
        ("Verdict: A mess, though a stylish one.", BAL, ("rating", "", None)),
    ],
    "job-in-brackets": [
        ("Crew: Chad Stahelski (director), Dan Laustsen (camera), Keanu Reeves (producer)\n", CH4,
         ("cast", "Keanu Reeves", None)),
        ("Behind the scenes: Keanu Reeves (executive producer) and Chad Stahelski (second-unit director).", BAL,
         ("cast", "Keanu Reeves", None)),
        ("Thanks to Chad Stahelski (stunt coordinator) the fights flow.", JW1, ("cast", "Chad Stahelski", None)),
    ],
    "role-in-another-titled-work": [
        ("Laurence Fishburne played Morpheus in The Matrix, and that was long ago.", PARA,
         ("cast", "Laurence Fishburne", "Morpheus")),
        ("Keanu Reeves played Ted in Bill and Ted, not here.", CH4, ("cast", "Keanu Reeves", "Ted")),
        ("Alfie Allen as Theon, from Game of Thrones, is on the poster.", JW1, ("cast", "Alfie Allen", "Theon")),
    ],
    "cast-not-crew": [
        ("Music: Tyler Bates and Joel J. Richard. Keanu Reeves plays John Wick.", CH2, ("cast", "Tyler Bates", None)),
        ("Stunts coordinated by Chad Stahelski, with Keanu Reeves as John Wick.", JW1,
         ("cast", "Chad Stahelski", None)),
        ("Written by Derek Kolstad.\nKeanu Reeves plays John Wick.", JW1, ("cast", "Derek Kolstad", None)),
    ],
}


FROM_FILM = [  # (text, film, actor, the work the role is reprised from)
    ("Ian McShane, back as Winston from the first film, is a delight.", CH2, "Ian McShane", "John Wick"),
    ("Lance Reddick reprises his role as Charon from the first film.", PARA, "Lance Reddick", "John Wick"),
    ("Anjelica Huston reprises the Director from Parabellum.", BAL, "Anjelica Huston",
     "John Wick: Chapter 3 – Parabellum"),
    ("Keanu Reeves returns as John Wick from the original movie.", CH4, "Keanu Reeves", "John Wick"),
    # the work named inside the reprise's own words: an aside, a possessive, "his role from X"
    ("Then the Bowery King (Laurence Fishburne, reprising his Chapter 2 role) shows up.", PARA,
     "Laurence Fishburne", "John Wick: Chapter 2"),
    ("Common, repeating his Chapter 2 turn as Cassian, is back.", CH4, "Common", "John Wick: Chapter 2"),
    ("Winston (Ian McShane, back from the original film) holds court.", CH2, "Ian McShane", "John Wick"),
]


@pytest.mark.parametrize(("text", "film", "actor", "from_film"), FROM_FILM)
def test_reprise_from_film(text: str, film: str, actor: str, from_film: str) -> None:
    """'from the first film' names the franchise's first work; a title names itself."""
    reprises = [c for c in extract(text, film).claims if c.type == "reprise" and c.actor == actor]
    assert [c.from_film for c in reprises] == [from_film]


CASES = [(name, *case) for name, cases in WORDINGS.items() for case in cases]
ABSENT_CASES = [(name, *case) for name, cases in ABSENT.items() for case in cases]


@pytest.mark.parametrize(("phenomenon", "text", "film", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_wording(phenomenon: str, text: str, film: str | None, expected: list[Fact]) -> None:
    found = _facts(text, film)
    for kind, who, value, status in expected:
        hits = [f for f in found if f[0] == kind and f[1] == normalize_name(who)
                and (value is None or _same(value, f[2]))]
        assert hits, (phenomenon, (kind, who, value), found)
        assert not status or hits[0][3] == status, (phenomenon, (kind, who, value), hits[0])


@pytest.mark.parametrize(("phenomenon", "text", "film", "absent"), ABSENT_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(ABSENT_CASES)])
def test_not_claimed(phenomenon: str, text: str, film: str | None, absent: tuple[str, str, Any]) -> None:
    assert_absent(phenomenon, text, film, absent)


def test_every_phenomenon_has_three_wordings() -> None:
    assert all(len(cases) >= 3 for cases in WORDINGS.values())
    assert all(len(cases) >= 3 for cases in ABSENT.values())
