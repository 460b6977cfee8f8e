"""The extractor's parts, each on at least three wordings of its phenomenon written for these tests.

Every cue list of ``cues.json`` and every rule added for issue 10 is listed in ``WORDINGS`` with its
cases; ``test_every_cue_list_has_three_wordings`` keeps it that way. A case is ``(text, film, expected)``
where ``expected`` holds ``(type, who, role-or-value, status)`` facts that must all be found; names
compare as the shared scorer compares them (case, accents and a leading "the" ignored).
"""

from __future__ import annotations

from typing import Any

import pytest
from wordings import Fact, assert_absent
from wordings import facts as _facts
from wordings import same as _same

from wickgraph.extract.links import default_cues
from wickgraph.reference import normalize_name

CH2, CH4, PARA, JW1, BAL, CONT, HEX = ("John Wick: Chapter 2", "John Wick: Chapter 4", "Parabellum", "John Wick",
                                       "Ballerina", "The Continental", "John Wick Hex")

WORDINGS: dict[str, list[tuple[str, str | None, list[Fact]]]] = {
    # -- cue lists (cues.json) -------------------------------------------------------------------------
    "role-cue": [
        ("Claudia Gerini, as Santino's doomed sister Gianna, gets one great scene.", CH2,
         [("cast", "Claudia Gerini", "Gianna", "supported")]),
        ("Hiroyuki Sanada is the hotel's weary manager Koji, and he is superb.", CH4,
         [("cast", "Hiroyuki Sanada", "Koji", "supported")]),
        ("Rina Sawayama plays his fierce daughter, Akira.", CH4, [("cast", "Rina Sawayama", "Akira", "supported")]),
        ("Ian McShane, whose Winston has never been drier, holds court.", CH4,
         [("cast", "Ian McShane", "Winston", "supported")]),
    ],
    "role-filler": [
        ("Bridget Moynahan has a tiny part as Helen in the flashbacks.", JW1,
         [("cast", "Bridget Moynahan", "Helen", "supported")]),
        ("Mark Dacascos is, gloriously, back as Zero.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Alfie Allen once again turns up as Iosef.", JW1, [("cast", "Alfie Allen", "Iosef", "supported")]),
    ],
    "description-stop": [
        ("Keanu Reeves is hunted by Cassian through the catacombs.", CH2, [("cast", "Keanu Reeves", None, "supported")]),
        ("Keanu Reeves is faster than Zero, just.", PARA, [("cast", "Keanu Reeves", None, "supported")]),
        ("Keanu Reeves fights with Caine on the stairs.", CH4, [("cast", "Keanu Reeves", None, "supported")]),
    ],
    "reprise-cue": [
        ("Keanu Reeves is John Wick again, and tired.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported"), ("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Ian McShane is Winston once more.", PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Laurence Fishburne's return as the Bowery King is welcome.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
    ],
    "list-separator": [
        ("| Actor | Role |\n|---|---|\n| Keanu Reeves | John Wick |\n| Common | Cassian |\n", CH2,
         [("cast", "Keanu Reeves", "John Wick", "supported"), ("cast", "Common", "Cassian", "supported")]),
        ("| Role | Played by |\n|---|---|\n| Winston | Ian McShane |\n| Charon | Lance Reddick |\n", CH2,
         [("cast", "Ian McShane", "Winston", "supported"), ("cast", "Lance Reddick", "Charon", "supported")]),
        ("Cast\n- Donnie Yen — Caine\n- Shamier Anderson: Mr. Nobody\n", CH4,
         [("cast", "Donnie Yen", "Caine", "supported"), ("cast", "Shamier Anderson", "Mr. Nobody", "supported")]),
    ],
    "passive-cue": [
        ("Viggo, played with relish by Michael Nyqvist, runs the city.", JW1, []),  # an adverb: not claimed
        ("Viggo Tarasov, played by Michael Nyqvist, runs the city.", JW1,
         [("cast", "Michael Nyqvist", "Viggo Tarasov", "supported")]),
        ("Charon, whom Lance Reddick plays with quiet dignity, greets him.", CH2,
         [("cast", "Lance Reddick", "Charon", "supported")]),
        ("As Killa, the nightclub boss with gold teeth, Scott Adkins is unrecognisable.", CH4,
         [("cast", "Scott Adkins", "Killa", "supported")]),
    ],
    "pronoun-role": [
        ("Then Santino arrives with a marker. Riccardo Scamarcio plays him as a spoilt heir.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino", "supported")]),
        ("Enter Caine, blind and deadly. Donnie Yen plays him.", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("The Adjudicator comes to town. Asia Kate Dillon plays her coolly.", PARA,
         [("cast", "Asia Kate Dillon", "Adjudicator", "supported")]),
    ],
    "possessive-work": [
        ("Derek Kolstad's screenplay sends John to Rome.", CH2, [("writer", "Derek Kolstad", None, "supported")]),
        ("Chad Stahelski's camera finds Winston in the lobby.", PARA, []),
        ("Keanu Reeves's stunt work makes Wick believable.", JW1, [("cast", "Keanu Reeves", None, "supported")]),
    ],
    "credit-label": [
        ("Director: Len Wiseman\nCast: Ana de Armas, Norman Reedus\n", BAL,
         [("director", "Len Wiseman", None, "supported")]),
        ("DIRECTOR  Chad Stahelski\n", CH4, []),
        ("Writer: Shay Hatten\n", BAL, [("writer", "Shay Hatten", None, "supported")]),
    ],
    "returning-group": [
        ("Some familiar faces return. Ian McShane is Winston, and Lance Reddick plays Charon.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported"), ("reprise", "Lance Reddick", "Charon", "supported")]),
        ("It is long. The old gang is back:\n- Ian McShane as Winston\n- Lance Reddick as Charon\n", PARA,
         [("reprise", "Ian McShane", "Winston", "supported"), ("reprise", "Lance Reddick", "Charon", "supported")]),
        ("A few old friends return, too. Laurence Fishburne, as the Bowery King, gets the best lines.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
    ],
    # -- questions and their answers (answers.py) ------------------------------------------------------
    "answer-yes": [
        ("Q: Is Ian McShane in this one?\nA: Yes, as Winston, and he is superb.", PARA,
         [("cast", "Ian McShane", "Winston", "supported")]),
        ("Was Laurence Fishburne back? He was, as the Bowery King.", CH4,
         [("cast", "Laurence Fishburne", "Bowery King", "supported")]),
        ("TOM: Does Asia Kate Dillon show up?\nDANA: She does! Briefly.", PARA,
         [("cast", "Asia Kate Dillon", None, "supported")]),
    ],
    "answer-who": [
        ("Who directed it?\nA: Len Wiseman.", BAL, [("director", "Len Wiseman", None, "supported")]),
        ("Who wrote this one? Shay Hatten and Michael Finch, mostly.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Who plays Killa?\nScott Adkins, in a fat suit.", CH4, [("cast", "Scott Adkins", "Killa", "supported")]),
    ],
    # -- a stated role the reference does not know (relations._new_role) -------------------------------
    "new-role": [
        ("Peter Serafinowicz is a sommelier called Bartholomew.", CH2,
         [("cast", "Peter Serafinowicz", "Bartholomew", "contradicted")]),
        ("Franco Nero, playing Julius, runs the Rome hotel.", CH2, [("cast", "Franco Nero", "Julius", "supported")]),
        ("Tobias Segal voices Earl, the valet.", JW1, [("cast", "Tobias Segal", "Earl", "unknown")]),
    ],
    # -- role titles as common nouns; the franchise is not the first film -----------------------------
    "role-title-noun-then-name": [
        ("Shamier Anderson's tracker, Mr. Nobody, steals scenes.", CH4,
         [("cast", "Shamier Anderson", "Mr. Nobody", "supported")]),
        ("Ian McShane's manager, Winston, is as dry as ever.", PARA, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick's concierge, Charon, gets a send-off.", CH4, [("cast", "Lance Reddick", "Charon", "supported")]),
    ],
    "role-title-noun": [
        ("Franco Nero's courtly sommelier pours the guns.", CH2,
         [("cast", "Franco Nero", "Sommelier", "contradicted")]),
        ("Clancy Brown's Harbinger delivers the news.", CH4, [("cast", "Clancy Brown", "Harbinger", "supported")]),
        ("Gabriel Byrne's soft-spoken chancellor runs the cult.", BAL,
         [("cast", "Gabriel Byrne", "The Chancellor", "supported")]),
    ],
    "franchise-noun": [
        ("Ballerina, a spin-off from the John Wick universe that came out in 2025.", None,
         [("release_year", "", 2025, "supported")]),
        ("From the World of John Wick: Ballerina\n\nThe John Wick films never explained this; it came out in 2025.",
         None, [("release_year", "", 2025, "supported")]),
        ("Ballerina (2025)\n\nAfter ten years of the John Wick franchise, it was released in 2025.", None,
         [("release_year", "", 2025, "supported")]),
    ],
    # -- people the reference does not know; appositions; subject pronouns (relations.py) --------------
    "unknown-actor": [
        ("Bridget Regan has a small part as Addy.", JW1, [("cast", "Bridget Regan", "Addy", "unknown")]),
        ("Jessica Henwick plays Nogi's rival, Maya Lin.", BAL, [("cast", "Jessica Henwick", "Maya Lin", "unknown")]),
        ("Tom Hollander appears as Winston's butler, Bartholomew.", CH4,
         [("cast", "Tom Hollander", "Bartholomew", "unknown")]),
    ],
    "apposition-again": [
        ("Keanu Reeves, John Wick for the fourth time, limps through Paris.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Ian McShane, Winston once more, pours a drink.", PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick, Charon for the fourth time, is the film's heart.", CH4,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
    ],
    "subject-pronoun": [
        ("The lead is Ana de Armas. She plays Eve, a dancer with a grudge.", BAL,
         [("cast", "Ana de Armas", "Eve", "supported")]),
        ("Then there is Donnie Yen. He plays Caine with a cane and a smile.", CH4,
         [("cast", "Donnie Yen", "Caine", "supported")]),
        ("Everyone loves Common. He also plays Cassian with great restraint.", CH2,
         [("cast", "Common", "Cassian", "supported")]),
    ],
    "identified-actor": [
        ("The Adjudicator makes her entrance — that's Asia Kate Dillon, ice-cold.", PARA,
         [("cast", "Asia Kate Dillon", "Adjudicator", "supported")]),
        ("Then comes Cormac. That is Mel Gibson, snarling.", CONT, [("cast", "Mel Gibson", "Cormac", "supported")]),
        ("Watch for Zero (it's Mark Dacascos) in the glass room.", PARA,
         [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "subject-pronoun-contracted": [
        ("Is Anjelica Huston back? She is! She's the Director again.", BAL,
         [("cast", "Anjelica Huston", "Director", "supported")]),
        ("Laurence Fishburne returns. He's the Bowery King, still.", CH4,
         [("cast", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Then Hiroyuki Sanada arrives. He is Koji, the manager.", CH4,
         [("cast", "Hiroyuki Sanada", "Koji", "supported")]),
    ],
    "negation-of-another-predicate": [
        ("Ruby Rose, as Santino's bodyguard Ares, never says a word.", CH2, [("cast", "Ruby Rose", "Ares", "supported")]),
        ("Keanu Reeves plays John Wick and does not blink.", CH4, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Common as Cassian isn't subtle, and that is fine.", CH2, [("cast", "Common", "Cassian", "supported")]),
    ],
    "lowercase-misspelling": [
        ("honestly anjelica houston is the director and she rules", PARA,
         [("cast", "Anjelica Huston", "Director", "supported")]),
        ("keanu reaves is back and so is the dog", CH4, [("cast", "Keanu Reeves", None, "supported")]),
        ("ian mcshanne as winston, perfect as ever", PARA, [("cast", "Ian McShane", "Winston", "supported")]),
    ],
    "answer-when": [
        ("Q: When did it come out?\nA: March 24, 2023 in the US.", CH4, [("release_year", "", 2023, "supported")]),
        ("When was Ballerina released? June 2024, if you ask me.", BAL, [("release_year", "", 2024, "contradicted")]),
        ("TOM: when did it open?\nDANA: In May 2019, right before summer.", PARA,
         [("release_year", "", 2019, "supported")]),
    ],
    # -- rules added to rules.jsonl ----------------------------------------------------------------------
    "writer-share": [
        ("Shay Hatten and Michael Finch share the screenplay credit.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Derek Kolstad and Shay Hatten split the script.", PARA,
         [("writer", "Derek Kolstad", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("Michael Finch shares writing credit with others.", CH4, [("writer", "Michael Finch", None, "supported")]),
    ],
    "writer-share-with": [
        ("Kolstad shares the screenplay with Shay Hatten, Chris Collins and Marc Abrams.", PARA,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Chris Collins", None, "supported")]),
        ("He splits the writing credit with Michael Finch.", CH4, [("writer", "Michael Finch", None, "supported")]),
        ("Hatten is sharing the script with Derek Kolstad here.", BAL, [("writer", "Derek Kolstad", None, "contradicted")]),
    ],
    "cast-list-back": [
        ("Ian McShane and Lance Reddick are back, which helps.", CH4,
         [("cast", "Ian McShane", None, "supported"), ("cast", "Lance Reddick", None, "supported")]),
        ("Laurence Fishburne and Ian McShane both return.", PARA,
         [("cast", "Laurence Fishburne", None, "supported"), ("cast", "Ian McShane", None, "supported")]),
        ("Anjelica Huston and Lance Reddick were back for one last scene.", BAL,
         [("cast", "Anjelica Huston", None, "supported")]),
    ],
    "year-released-reached": [
        ("Delayed twice, it finally reached cinemas in the summer of 2024.", BAL,
         [("release_year", "", 2024, "contradicted")]),
        ("It landed in theaters in March 2023.", CH4, [("release_year", "", 2023, "supported")]),
        ("The show reached screens in September 2023.", CONT, [("release_year", "", 2023, "supported")]),
    ],
    "writer-label-prefixed": [
        ("Showrunners / writers: Greg Coolidge & Kirk Ward\n", CONT,
         [("writer", "Greg Coolidge", None, "supported"), ("writer", "Kirk Ward", None, "supported")]),
        ("Story and screenplay: Derek Kolstad\n", JW1, [("writer", "Derek Kolstad", None, "supported")]),
        ("Created by / writers: Greg Coolidge\n", CONT, [("writer", "Greg Coolidge", None, "supported")]),
    ],
    "director-behind-camera": [
        ("Chad Stahelski is back behind the camera.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Len Wiseman is behind the camera this time.", BAL, [("director", "Len Wiseman", None, "supported")]),
        ("Chad Stahelski is once again behind the camera.", PARA, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "franchise-launched": [
        ("Ten years on, the thing that launched the John Wick franchise still works.", JW1,
         [("franchise_member", "", None, "supported")]),
        ("This is the film that started a whole franchise.", JW1, [("franchise_member", "", None, "supported")]),
        ("A lean thriller that kicked off the John Wick saga.", JW1, [("franchise_member", "", None, "supported")]),
    ],
    "list-separator-dots": [
        ("* Clancy Brown ... Harbinger\n* Donnie Yen … Caine\n", CH4,
         [("cast", "Clancy Brown", "Harbinger", "supported"), ("cast", "Donnie Yen", "Caine", "supported")]),
        ("- Rina Sawayama ... Akira\n", CH4, [("cast", "Rina Sawayama", "Akira", "supported")]),
        ("- Hiroyuki Sanada … Koji\n", CH4, [("cast", "Hiroyuki Sanada", "Koji", "supported")]),
    ],
    "writer-paren": [
        ("The script (Shay Hatten & Michael Finch) is functional.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("A screenplay (by Derek Kolstad) with no fat on it.", JW1, [("writer", "Derek Kolstad", None, "supported")]),
        ("Writers (Greg Coolidge, Kirk Ward) keep it moving.", CONT, [("writer", "Greg Coolidge", None, "supported")]),
    ],
    "year-label": [
        ("**Release date:** March 24, 2023\n", CH4, [("release_year", "", 2023, "supported")]),
        ("Premieres Sept. 22, 2023 on Peacock\n", CONT, [("release_year", "", 2023, "supported")]),
        ("Released: 2019\n", PARA, [("release_year", "", 2019, "supported")]),
    ],
    "year-title-bare": [
        ("JOHN WICK 2014\nA man, a dog, a car.", None, [("release_year", "", 2014, "supported")]),
        ("# John Wick: Chapter 2 — 2017\n", None, [("release_year", "", 2017, "supported")]),
        ("Ballerina 2024\nIt is fine.", None, [("release_year", "", 2024, "contradicted")]),
        ("JOHN WICK 2014 — 10 reasons it still works\n", None, [("release_year", "", 2014, "supported")]),
    ],
    "credit-other-work": [
        ("Chapter 2 was directed by Chad Stahelski; this one is directed by Len Wiseman.", BAL,
         [("director", "Len Wiseman", None, "supported")]),
        ("Parabellum was written by Derek Kolstad; Ballerina's screenplay is by Shay Hatten.", BAL,
         [("writer", "Shay Hatten", None, "supported")]),
        ("John Wick: Chapter 4 was directed by Chad Stahelski. Here Len Wiseman directs.", BAL,
         [("director", "Len Wiseman", None, "supported")]),
    ],
    # -- role-first and described links (links.py) -----------------------------------------------------
    "passive-verb": [
        ("Gianna, his sister, is brought to life by Claudia Gerini.", CH2,
         [("cast", "Claudia Gerini", "Gianna", "supported")]),
        ("Zero, the sushi chef, is played with glee by Mark Dacascos.", PARA,
         [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Killa is given a grotesque physicality by Scott Adkins.", CH4, [("cast", "Scott Adkins", "Killa", "supported")]),
        ("Iosef, the brat, is played by Dean Winters.", JW1, [("cast", "Dean Winters", "Iosef", "contradicted")]),
    ],
    "role-transfer": [
        ("The role of Santino goes to Riccardo Scamarcio, who is oily and perfect.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino", "supported")]),
        ("The part of Berrada falls to Jerome Flynn.", PARA, [("cast", "Jerome Flynn", "Berrada", "supported")]),
        ("The Adjudicator belongs to Asia Kate Dillon.", PARA,
         [("cast", "Asia Kate Dillon", "Adjudicator", "supported")]),
        ("The role of Viggo went to Alfie Allen, oddly.", JW1, [("cast", "Alfie Allen", "Viggo", "contradicted")]),
    ],
    "role-noun": [
        ("Sofia's employer, Berrada, is a thin part for Jerome Flynn.", PARA,
         [("cast", "Jerome Flynn", "Berrada", "supported")]),
        ("The Chancellor is a gift of a part for Gabriel Byrne.", BAL,
         [("cast", "Gabriel Byrne", "Chancellor", "supported")]),
        ("Norman Reedus's role is small but real: Daniel Pine.", BAL,
         [("cast", "Norman Reedus", "Daniel Pine", "supported")]),
        ("Koji, an old ally of John's; the role is Hiroyuki Sanada's.", CH4,
         [("cast", "Hiroyuki Sanada", "Koji", "supported")]),
        ("The Marquis is Bill Skarsgård's best role in years.", CH4,
         [("cast", "Bill Skarsgård", "Marquis", "supported")]),
    ],
    "naming-cue": [
        ("Laurence Fishburne, who plays a pigeon-keeping crime lord called the Bowery King, is a hoot.", CH2,
         [("cast", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Shamier Anderson plays a tracker known only as Mr. Nobody.", CH4,
         [("cast", "Shamier Anderson", "Mr. Nobody", "supported")]),
        ("Gabriel Byrne, as the soft-voiced leader of the cult, known only as the Chancellor, is menacing.", BAL,
         [("cast", "Gabriel Byrne", "Chancellor", "supported")]),
        ("Mark Dacascos is a chatty killer dubbed Zero by his students.", PARA,
         [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "strict-cue": [
        ("Shamier Anderson is a bounty hunter known as Mr. Nobody.", CH4,
         [("cast", "Shamier Anderson", "Mr. Nobody", "supported")]),
        ("Alfie Allen plays a spoiled heir named Iosef.", JW1, [("cast", "Alfie Allen", "Iosef", "supported")]),
        ("Clancy Brown, as a grave official called the Harbinger, opens the film.", CH4,
         [("cast", "Clancy Brown", "Harbinger", "supported")]),
    ],
    "role-in-brackets-described": [
        ("Caine (a sly, blind Donnie Yen) steals every scene.", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("the Marquis (a preening, velvet-voiced Skarsgård) is the villain.", CH4,
         [("cast", "Bill Skarsgård", "Marquis", "supported")]),
        ("Cassian (a wonderfully stern Common) has the best fight.", CH2, [("cast", "Common", "Cassian", "supported")]),
    ],
    "year-released-place-between": [
        ("Ballerina opened in US cinemas on June 6, 2025, and I went twice.", BAL,
         [("release_year", "", 2025, "supported")]),
        ("Parabellum landed in British multiplexes in May 2019.", PARA, [("release_year", "", 2019, "supported")]),
        ("The series premiered on Peacock on 22 September 2023.", CONT, [("release_year", "", 2023, "supported")]),
        ("It came out on a grey weekend in March 2023.", CH4, [("release_year", "", 2023, "supported")]),
        ("I caught it on opening weekend in May 2019.", PARA, [("release_year", "", 2019, "supported")]),
    ],
    "director-credit-held": [
        ("Chad Stahelski and David Leitch, who both get a directing credit, stage the fights.", JW1,
         [("director", "Chad Stahelski", None, "supported"), ("director", "David Leitch", None, "contradicted")]),
        ("Len Wiseman and Chad Stahelski share the directing duties.", BAL,
         [("director", "Len Wiseman", None, "supported"), ("director", "Chad Stahelski", None, "contradicted")]),
        ("Albert Hughes and Charlotte Brändström split the directing chores.", CONT,
         [("director", "Albert Hughes", None, "supported"), ("director", "Charlotte Brändström", None, "supported")]),
    ],
    "writer-credit-held": [
        ("Derek Kolstad takes sole writing credit this time.", CH2, [("writer", "Derek Kolstad", None, "supported")]),
        ("Shay Hatten and Michael Finch get the screenplay credit.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Shay Hatten, who has a writing credit here, knows the world.", BAL,
         [("writer", "Shay Hatten", None, "supported")]),
    ],
    "writer-script-source": [
        ("The script came from Derek Kolstad, a newcomer.", JW1, [("writer", "Derek Kolstad", None, "supported")]),
        ("The screenplay is the work of Shay Hatten.", BAL, [("writer", "Shay Hatten", None, "supported")]),
        ("The writing belongs to Derek Kolstad and Shay Hatten.", CH2,
         [("writer", "Derek Kolstad", None, "supported"), ("writer", "Shay Hatten", None, "contradicted")]),
    ],
    "director-camera-first": [
        ("Behind the camera, once again, is Chad Stahelski.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("At the helm is Len Wiseman, with reshoots by another hand.", BAL,
         [("director", "Len Wiseman", None, "supported")]),
        ("Behind the camera sits David Leitch.", PARA, [("director", "David Leitch", None, "contradicted")]),
    ],
    "credit-label-question": [
        ("WHO WROTE THIS MADNESS: Shay Hatten and Michael Finch\n", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("who directed this mess: Chad Stahelski\n", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Who wrote it? Derek Kolstad.\n", JW1, [("writer", "Derek Kolstad", None, "supported")]),
    ],
    "shouted-lines": [
        ("KEANU IS BACK AS JOHN!!!", CH4, [("reprise", "Keanu Reeves", "John", "supported")]),
        ("HONESTLY SANADA PLAYS KOJI LIKE A SAMURAI.", CH4, [("cast", "Hiroyuki Sanada", "Koji", "supported")]),
        ("REEVES RETURNS AS JOHN AND CAINE IS DONNIE YEN.", CH4,
         [("reprise", "Keanu Reeves", "John", "supported"), ("cast", "Donnie Yen", "Caine", "supported")]),
    ],
    "name-in-catalogue-order": [
        ("Reeves, Keanu (John Wick). McShane, Ian (Winston).", JW1,
         [("cast", "Keanu Reeves", "John Wick", "supported"), ("cast", "Ian McShane", "Winston", "supported")]),
        ("Cast: Armas, Ana de (Eve Macarro); Huston, Anjelica (the Director).", BAL,
         [("cast", "Ana de Armas", "Eve Macarro", "supported"), ("cast", "Anjelica Huston", "Director", "supported")]),
        ("Works cited: Stahelski, Chad, director. Kolstad, Derek, screenwriter.", CH2,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
    ],
    "credit-name-then-label": [
        ("Chad Stahelski (director) and Derek Kolstad (writer) made it on a shoestring.", JW1,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("Shay Hatten - screenplay\nLen Wiseman - director\n", BAL,
         [("writer", "Shay Hatten", None, "supported"), ("director", "Len Wiseman", None, "supported")]),
        ("[2] Leitch, David, dir. Notes on a stunt career.", JW1, [("director", "David Leitch", None, "contradicted")]),
    ],
    "sheet-cells": [
        ('character,actor\n"Caine","Yen, Donnie"\n"The Marquis","Skarsgård, Bill"\n', CH4,
         [("cast", "Donnie Yen", "Caine", "supported"), ("cast", "Bill Skarsgård", "Marquis", "supported")]),
        ("role,actor\nKilla,Scott Adkins\nKoji,Hiroyuki Sanada\n", CH4,
         [("cast", "Scott Adkins", "Killa", "supported"), ("cast", "Hiroyuki Sanada", "Koji", "supported")]),
        ('"Winston";"Ian McShane"\n"Charon";"Lance Reddick"\n', PARA,
         [("cast", "Ian McShane", "Winston", "supported"), ("cast", "Lance Reddick", "Charon", "supported")]),
    ],
    "wiki-markup": [
        ("| director = [[Chad Stahelski]]\n| writer = [[Derek Kolstad]]\n", CH2,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("* [[Common (rapper)|Common]] as [[Cassian]]\n", CH2, [("cast", "Common", "Cassian", "supported")]),
        ("| released = {{Film date|2019|05|17}}\n", PARA, [("release_year", "", 2019, "supported")]),
    ],
    "reprise-phrase": [
        ("The Director is played, as before, by Anjelica Huston.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
        ("Ian McShane is Winston, like before, and pours the drinks.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Lance Reddick plays Charon one more time.", CH4, [("reprise", "Lance Reddick", "Charon", "supported")]),
    ],
    "elided-passive": [
        ("Winston is portrayed by Ian McShane, and Charon by Lance Reddick.", PARA,
         [("cast", "Lance Reddick", "Charon", "supported")]),
        ("Eve Macarro is played by Ana de Armas; her mentor Nogi by Sharon Duncan-Brewster.", BAL,
         [("cast", "Sharon Duncan-Brewster", "Nogi", "supported")]),
        ("Santino is voiced, in effect, by Riccardo Scamarcio's sneer, and Ares by Ruby Rose.", CH2,
         [("cast", "Ruby Rose", "Ares", "supported")]),
    ],
    "role-title-in-a-cast-sheet": [
        ("CHARACTER              PLAYED BY\nJohn Wick              Keanu Reeves\nThe Director           Anjelica Huston\n",
         PARA, [("cast", "Anjelica Huston", "Director", "supported")]),
        ("The Director ..... Anjelica Huston\nSofia ..... Halle Berry\n", PARA,
         [("cast", "Anjelica Huston", "Director", "supported")]),
        ("Winston\tIan McShane\nThe Director\tAnjelica Huston\n", PARA,
         [("cast", "Anjelica Huston", "Director", "supported")]),
    ],
    "credit-verb-people-list": [
        ("Hatten and Finch wrote it, and it shows.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Stahelski directed again, obviously.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Albert Hughes and Charlotte Brändström directed it between them.", CONT,
         [("director", "Albert Hughes", None, "supported"), ("director", "Charlotte Brändström", None, "supported")]),
    ],
    "writer-wrote-with": [
        ("Derek Kolstad co-wrote it with Shay Hatten, Chris Collins and Marc Abrams.", PARA,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Marc Abrams", None, "supported")]),
        ("Shay Hatten wrote the script with Michael Finch.", CH4, [("writer", "Michael Finch", None, "supported")]),
        ("Derek Kolstad penned this one together with Shay Hatten.", CH2,
         [("writer", "Shay Hatten", None, "contradicted")]),
    ],
    "director-chair": [
        ("Chad Stahelski is back in the director's chair.", PARA, [("director", "Chad Stahelski", None, "supported")]),
        ("Len Wiseman sits in the director’s chair this time.", BAL, [("director", "Len Wiseman", None, "supported")]),
        ("David Leitch, once again in the director's chair, keeps it lean.", CH2,
         [("director", "David Leitch", None, "contradicted")]),
    ],
    "learner-passive": [
        ("In this film the main role John Wick is playing by Keanu Reeves again.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("The new bad man is Marquis, he is played from Bill Skarsgård.", CH4,
         [("cast", "Bill Skarsgård", "Marquis", "supported")]),
        ("Sofia is playing by Halle Berry, very good.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "director-of-the-film-is": [
        ("Director of the film is Chad Stahelski.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("The director of this movie is Len Wiseman, not Chad Stahelski.", BAL,
         [("director", "Len Wiseman", None, "supported")]),
        ("The directors of the series are Albert Hughes and Charlotte Brändström.", CONT,
         [("director", "Albert Hughes", None, "supported"), ("director", "Charlotte Brändström", None, "supported")]),
    ],
    "actor-in-brackets-names-the-role-before": [
        ("Santino D'Antonio (Riccardo Scamarcio, all sneer), whose sister Gianna rules Rome.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino D'Antonio", "supported")]),
        ("Sofia (Halle Berry, superb), whose dogs steal Casablanca, owes John.", PARA,
         [("cast", "Halle Berry", "Sofia", "supported")]),
        ("Caine (Donnie Yen, wonderful as ever), whose daughter Akira is hidden away.", CH4,
         [("cast", "Donnie Yen", "Caine", "supported")]),
    ],
    "inline-credit-abbreviations": [
        ("John Wick: Chapter 2 (dir. Chad Stahelski; scr. Derek Kolstad) is fun.", CH2,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("Ballerina (dir. Len Wiseman, wr. Shay Hatten) arrives at last.", BAL,
         [("writer", "Shay Hatten", None, "supported")]),
        ("Parabellum (writ. Derek Kolstad and others) is overstuffed.", PARA,
         [("writer", "Derek Kolstad", None, "supported")]),
    ],
    "first-film-when-it-is-reviewed": [
        ("In the first film, Keanu Reeves plays a retired hitman named John Wick.", JW1,
         [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("The original film was directed by Chad Stahelski and David Leitch.", JW1,
         [("director", "Chad Stahelski", None, "supported")]),
        ("In the first film Michael Nyqvist plays Viggo, and he is great.", JW1,
         [("cast", "Michael Nyqvist", "Viggo", "supported")]),
    ],
    "written-and-directed": [
        ("Written and directed by Derek Kolstad, apparently.", JW1,
         [("writer", "Derek Kolstad", None, "supported"), ("director", "Derek Kolstad", None, "contradicted")]),
        ("Scripted and directed by Chad Stahelski?", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("It was written and produced by Shay Hatten.", BAL, [("writer", "Shay Hatten", None, "supported")]),
    ],
    "role-idiom": [
        ("Bill Skarsgård steps into the shoes of the Marquis.", CH4,
         [("cast", "Bill Skarsgård", "Marquis", "supported")]),
        ("Halle Berry slips into the skin of Sofia.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
        ("Donnie Yen inhabits Caine completely; Hiroyuki Sanada essays Koji.", CH4,
         [("cast", "Donnie Yen", "Caine", "supported"), ("cast", "Hiroyuki Sanada", "Koji", "supported")]),
    ],
    "role-asked-actor-answered": [
        ("The Harbinger? Clancy Brown. Killa? Scott Adkins.", CH4,
         [("cast", "Clancy Brown", "Harbinger", "supported"), ("cast", "Scott Adkins", "Killa", "supported")]),
        ("And Zero? Mark Dacascos, of course.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Sofia? Halle Berry!", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "as-role-opens-the-sentence": [
        ("As Caine, Donnie Yen is magnetic.", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("As Winston, Ian McShane purrs.", PARA, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Meanwhile, as Sofia, Halle Berry does her own stunts.", PARA,
         [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "learner-role-first-active": [
        ("Young Winston is playing Colin Woodell, and Cormac is playing Mel Gibson.", CONT,
         [("cast", "Colin Woodell", "Winston", "supported"), ("cast", "Mel Gibson", "Cormac", "supported")]),
        ("Sofia is playing Halle Berry, very strong woman.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
        ("The villain Santino, playing Riccardo Scamarcio.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino", "supported")]),
    ],
    "reprise-nth-outing-and-continuing": [
        ("It is Keanu Reeves's fourth outing as John Wick.", CH4, [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Lance Reddick continues as Charon.", CH4, [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Keanu Reeves repeats his turn as John Wick.", CH2, [("reprise", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "reprise-in-the-role-bracket": [
        ("Charon (Lance Reddick, returning) greets John.", CH4, [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Winston (Ian McShane, once more) pours a drink.", PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("The Director (Anjelica Huston, back) rules the theatre.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
    ],
    "reprise-role-first-adverb": [
        ("Winston is once more Ian McShane.", CH4, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Charon is still Lance Reddick, thankfully.", PARA, [("cast", "Lance Reddick", "Charon", "supported")]),
        ("The Bowery King is yet again Laurence Fishburne.", CH4,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
    ],
    "role-of-another-work-said-of-this-one": [
        ("Willem Dafoe's Marcus is back for a brief flashback.", CH2, [("reprise", "Willem Dafoe", "Marcus", "contradicted")]),
        ("Keanu Reeves lends his voice to Wick here.", HEX, [("cast", "Keanu Reeves", "Wick", "contradicted")]),
        ("Ian McShane plays Winston in the prequel too.", CONT, [("cast", "Ian McShane", "Winston", "contradicted")]),
    ],
    "as-a-role-of-this-film-after-a-long-verb-phrase": [
        ("Boban Marjanović fights John in the library as Ernest.", PARA,
         [("cast", "Boban Marjanović", "Ernest", "supported")]),
        ("Anjelica Huston picks up where Parabellum left her, as the Director.", BAL,
         [("cast", "Anjelica Huston", "Director", "supported")]),
        ("Lance Reddick, in what turned out to be his final screen role as Charon, is moving.", BAL,
         [("cast", "Lance Reddick", "Charon", "supported")]),
        ("Shamier Anderson shows up with a dog as a bounty hunter who only calls himself Mr. Nobody.", CH4,
         [("cast", "Shamier Anderson", "Mr. Nobody", "supported")]),
    ],
    "apposition-after-the-actor": [
        ("Reeves himself, wounded, dishevelled and mostly silent, is John Wick for the third time.", PARA,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Halle Berry, fierce, funny, is Sofia.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
        ("Mark Dacascos, a martial artist of note, plays Zero.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "contracted-is-after-a-role": [
        ("Winston's still Ian McShane.", CH2, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Charon's played by Lance Reddick, of course.", CH4, [("cast", "Lance Reddick", "Charon", "supported")]),
        ("Sofia's now Halle Berry, which is great.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "reprise-aside-and-times": [
        ("the Bowery King (Laurence Fishburne, reprising his Chapter 2 role) is demoted.", PARA,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Keanu Reeves, who has now been Wick four times over, barely speaks.", CH4,
         [("reprise", "Keanu Reeves", "Wick", "supported")]),
        ("Ian McShane's Winston is here once more.", CH2, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Laurence Fishburne's Bowery King, returning from the previous film, is great.", PARA,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
    ],
    "counting-idioms-are-no-negation": [
        (("The screenplay is credited to no fewer than five writers (Derek Kolstad, Shay Hatten, Chris Collins, "
         "Marc Abrams and Michael Finch)."), PARA,
         [("writer", "Derek Kolstad", None, "supported"), ("writer", "Michael Finch", None, "contradicted")]),
        ("Not only Keanu Reeves but also Common as Cassian is great.", CH2, [("cast", "Common", "Cassian", "supported")]),
        ("Not to mention Ruby Rose as Ares.", CH2, [("cast", "Ruby Rose", "Ares", "supported")]),
    ],
    "part-of-with-adjectives": [
        ("Clancy Brown gets the small, very dry part of the Harbinger.", CH4,
         [("cast", "Clancy Brown", "Harbinger", "supported")]),
        ("Mark Dacascos lands the absurdly fun role of Zero.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Rina Sawayama takes the thankless, vital part of Akira.", CH4,
         [("cast", "Rina Sawayama", "Akira", "supported")]),
    ],
    "capital-director-after-the-is-the-role": [
        ("Anjelica Huston is back as the Director.", BAL, [("cast", "Anjelica Huston", "Director", "supported")]),
        ("Anjelica Huston returns as the Director, terrifying.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
        ("Chad Stahelski returns as director, and Keanu Reeves as John.", CH4,
         [("director", "Chad Stahelski", None, "supported")]),
    ],
    "sheet-with-a-header-and-notes": [
        ('"Character","Actor","Notes"\n"Young Winston","Woodell, Colin","lead"\n"Cormac O\'Connor","Gibson, Mel","villain"\n',
         CONT, [("cast", "Colin Woodell", "Winston", "supported"), ("cast", "Mel Gibson", "Cormac", "supported")]),
        ("character;actor;episode\nYoung Winston;Colin Woodell;1\nCormac;Mel Gibson;1\n", CONT,
         [("cast", "Colin Woodell", "Winston", "supported"), ("cast", "Mel Gibson", "Cormac", "supported")]),
        ("actor,role,minutes on screen\nDonnie Yen,Caine,40\nBill Skarsgård,the Marquis,30\n", CH4,
         [("cast", "Donnie Yen", "Caine", "supported"), ("cast", "Bill Skarsgård", "Marquis", "supported")]),
    ],
    "learner-calques-for-credits": [
        ("The series is realised by Albert Hughes and Charlotte Brändström.", CONT,
         [("director", "Albert Hughes", None, "supported"), ("director", "Charlotte Brändström", None, "supported")]),
        ("The scenario is of Greg Coolidge and Kirk Ward.", CONT,
         [("writer", "Greg Coolidge", None, "supported"), ("writer", "Kirk Ward", None, "supported")]),
        ("The film is realized by Chad Stahelski, the scenarist Derek Kolstad.", JW1,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("The director of the first episode is Albert Hughes.", CONT, [("director", "Albert Hughes", None, "supported")]),
    ],
    "learner-role-wordings": [
        ("Colin Woodell is interpreting Winston, and Mel Gibson interprets Cormac.", CONT,
         [("cast", "Colin Woodell", "Winston", "supported"), ("cast", "Mel Gibson", "Cormac", "supported")]),
        ("In the role of Cormac we have Mel Gibson.", CONT, [("cast", "Mel Gibson", "Cormac", "supported")]),
        ("As Sofia there is Halle Berry, very good.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "which-actor-question-answered": [
        ("4) Which actor plays Eve? Answer: Ana de Armas", BAL, [("cast", "Ana de Armas", "Eve", "supported")]),
        ("Which actress is playing the Director?\nA: Anjelica Huston", BAL,
         [("cast", "Anjelica Huston", "Director", "supported")]),
        ("Who voiced Hex? Troy Baker.", HEX, [("cast", "Troy Baker", "Hex", "supported")]),
    ],
    "performance-verb-with-the-role-as-object": [
        ("Common gives us Cassian, and he is great.", CH2, [("cast", "Common", "Cassian", "supported")]),
        ("Mark Dacascos has enormous fun with Zero.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Halle Berry brought us Sofia, and her dogs.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "an-aside-about-other-roles-then-the-role": [
        ("Keanu Reeves, who once played Neo and Ted, is John Wick again.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Laurence Fishburne, who played Morpheus, is the Bowery King.", CH2,
         [("cast", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Ian McShane, who famously played Al Swearengen, is Winston once more.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "director-possessive-chapter": [
        ("Chad Stahelski's fourth chapter is a three-hour opera.", CH4, [("director", "Chad Stahelski", None, "supported")]),
        ("Len Wiseman's chapter of the saga is uneven.", BAL, [("director", "Len Wiseman", None, "supported")]),
        ("Chad Stahelski's third chapter is the loudest.", PARA, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "role-worn": [
        ("Keanu Reeves puts on John Wick's black suit for a fourth time.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Riccardo Scamarcio slips effortlessly into Santino's skin.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino", "supported")]),
        ("Halle Berry takes up the mantle of Sofia.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "apposed-role-with-its-article": [
        ("Peter Serafinowicz, the sommelier, gets one scene.", CH2,
         [("cast", "Peter Serafinowicz", "Sommelier", "supported")]),
        ("Gabriel Byrne, cast as the cult's leader, the Chancellor, is menacing.", BAL,
         [("cast", "Gabriel Byrne", "Chancellor", "supported")]),
        ("Clancy Brown, the Harbinger. Cold, precise.", CH4, [("cast", "Clancy Brown", "Harbinger", "supported")]),
    ],
    "fronted-role-object": [
        ("Rooney, the assassin Ana de Armas plays, is the lead.", BAL,
         [("cast", "Ana de Armas", "Rooney", "contradicted")]),
        ("Sofia, the friend Halle Berry plays, owes John a marker.", PARA,
         [("cast", "Halle Berry", "Sofia", "supported")]),
        ("Koji, the manager Hiroyuki Sanada portrays.", CH4, [("cast", "Hiroyuki Sanada", "Koji", "supported")]),
    ],
    "passive-pronoun-next-sentence": [
        ("The Elder waits in the desert. He is played by Saïd Taghmaoui.", PARA,
         [("cast", "Saïd Taghmaoui", "Elder", "supported")]),
        ("Caine is blind. He is played with wit by Donnie Yen.", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("Sofia runs the Casablanca hotel. She was played, fiercely, by Halle Berry.", PARA,
         [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "capsule-label-after-a-bracket": [
        ("JOHN WICK: CHAPTER 4 (R; 169 min.) D: Chad Stahelski · W: Shay Hatten\n", CH4,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("Ballerina (2025, 125 min) Dir: Len Wiseman | Scr: Shay Hatten\n", BAL,
         [("director", "Len Wiseman", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("Parabellum (USA) Written by: Derek Kolstad\n", PARA, [("writer", "Derek Kolstad", None, "supported")]),
    ],
    "facts-line-with-certificate-and-hours": [
        ("John Wick: Chapter 3 - Parabellum\n2019 · R · 2h 11m\nAction · Crime\n", PARA,
         [("release_year", "", 2019, "supported")]),
        ("Ballerina\n2025 | 15 | 125 min\n", BAL, [("release_year", "", 2025, "supported")]),
        ("John Wick\n2014 · 1h 41m\n", JW1, [("release_year", "", 2014, "supported")]),
    ],
    "franchise-more-wordings": [
        ("It is the fifth feature in the John Wick saga.", BAL, [("franchise_member", "", None, "supported")]),
        ("The third Wick is the loudest.", PARA, [("franchise_member", "", None, "supported")]),
        ("The sequel to John Wick is bigger and sillier.", CH2, [("franchise_member", "", None, "supported")]),
        ("A prequel to the original John Wick, set in the seventies.", CONT,
         [("franchise_member", "", None, "supported")]),
    ],
    "aside-negation-is-not-the-claims": [
        ("Chad Stahelski (who never forgets a stunt) directs once more.", CH4,
         [("director", "Chad Stahelski", None, "supported")]),
        ("Ian McShane (no stranger to villains; not here, though) plays Winston with relish.", PARA,
         [("cast", "Ian McShane", "Winston", "supported")]),
        ("Shay Hatten (who didn't write the first one) writes this one.", CH4,
         [("writer", "Shay Hatten", None, "supported")]),
    ],
    "gives-the-role-a-quality": [
        ("Claudia Gerini gives Gianna one long, sad scene.", CH2, [("cast", "Claudia Gerini", "Gianna", "supported")]),
        ("Ian McShane gives Winston a new, tired menace.", CH4, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Common lends Cassian real dignity.", CH2, [("cast", "Common", "Cassian", "supported")]),
    ],
    "reprise-aside-names-the-earlier-work": [
        ("Then the Bowery King (Laurence Fishburne, reprising his Chapter 2 role) shows up.", PARA,
         [("reprise", "Laurence Fishburne", "Bowery King", "supported")]),
        ("Winston (Ian McShane, back from the first film) is there too.", CH2,
         [("reprise", "Ian McShane", "Winston", "supported")]),
        ("The Director (Anjelica Huston, returning from Parabellum) runs the school.", BAL,
         [("reprise", "Anjelica Huston", "Director", "supported")]),
    ],
    "two-clauses-joined-by-comma-and": [
        ("The director is Len Wiseman, and Shay Hatten wrote it.", BAL,
         [("director", "Len Wiseman", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("It was directed by Chad Stahelski, and Derek Kolstad wrote it.", JW1,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("Its writer is Derek Kolstad, and Chad Stahelski directed it.", CH2,
         [("writer", "Derek Kolstad", None, "supported"), ("director", "Chad Stahelski", None, "supported")]),
    ],
    "a-denial-needs-its-ellipsis": [
        ("Ian McShane returns as Winston, and he doesn't disappoint.", CH4,
         [("cast", "Ian McShane", "Winston", "supported")]),
        ("Keanu Reeves plays John Wick; he does not say much.", CH2, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Chad Stahelski directed it, but it isn't his best.", CH4, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "subtitle-cues-are-one-text": [
        (("1\n00:00:01,000 --> 00:00:04,000\nToday: Ballerina. Our lead is\n\n2\n00:00:04,100 --> 00:00:06,000\n"
         "Ana de Armas, who plays Eve Macarro.\n"), BAL, [("cast", "Ana de Armas", "Eve Macarro", "supported")]),
        (("WEBVTT\n\n00:00.000 --> 00:03.500\nThis one was directed by\n\n00:03.600 --> 00:05.000\n"
         "Chad Stahelski, again.\n"), CH4, [("director", "Chad Stahelski", None, "supported")]),
        (("7\n00:01:10,000 --> 00:01:13,000\n[LAUGHS] And Ian McShane\nis back as Winston.\n\n"
         "8\n00:01:13,100 --> 00:01:15,000\nWhat a treat.\n"), PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "forum-and-html-markup-is-layout": [
        ("[list]\n[*][b]Directed by:[/b] Chad Stahelski\n[*][b]Written by:[/b] Derek Kolstad[/list]\n", JW1,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("<p><strong>Screenplay:</strong> Shay Hatten<br/>\n<strong>Director:</strong> Len Wiseman</p>\n", BAL,
         [("writer", "Shay Hatten", None, "supported"), ("director", "Len Wiseman", None, "supported")]),
        ("[u]Also returning:[/u] Ian McShane (Winston), Lance Reddick (Charon)\n", CH4,
         [("reprise", "Ian McShane", "Winston", "supported"), ("reprise", "Lance Reddick", "Charon", "supported")]),
    ],
    "invisible-characters-are-layout": [
        ("Director \u200f: \u200eChad Stahelski\n", CH2, [("director", "Chad Stahelski", None, "supported")]),
        ("Written\u200b by: Derek\u00a0Kolstad\n", JW1, [("writer", "Derek Kolstad", None, "supported")]),
        ("\ufeffKeanu Reeves \u2060as John Wick, again.", CH4, [("reprise", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "role-apposition-then-is-actor": [
        ("The Director, the formidable head of the Ruska Roma, is Anjelica Huston.", PARA,
         [("cast", "Anjelica Huston", "Director", "supported")]),
        ("Zero, a sushi chef who fights like a fan, is Mark Dacascos.", PARA,
         [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Santino, the brother who wants his sister's seat, is played by Riccardo Scamarcio.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino", "supported")]),
    ],
    "actor-apposed-to-a-described-role": [
        ("Kevin Nash, the bouncer Francis, gets a laugh.", JW1, [("cast", "Kevin Nash", "Francis", "supported")]),
        ("Alfie Allen, his spoiled son Iosef, steals a car.", JW1, [("cast", "Alfie Allen", "Iosef", "supported")]),
        ("Michael Nyqvist, the weary mob boss Viggo, is great.", JW1,
         [("cast", "Michael Nyqvist", "Viggo", "supported")]),
    ],
    "becomes-the-role": [
        ("You watch Keanu Reeves become John Wick.", PARA, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Halle Berry becomes Sofia, dogs and all.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
        ("In one cut, Mark Dacascos became Zero.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "a-denial-must-follow-at-once": [
        ("Keanu Reeves plays John Wick. He does not say much.", CH2, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Halle Berry is Sofia. Not in the first film, though.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
        ("Catalina Sandino Moreno plays Lena. Wrongly, some call her Nogi.", BAL,
         [("cast", "Catalina Sandino Moreno", "Lena", "supported")]),
    ],
    "a-clause-closed-by-its-object-is-no-list": [
        ("Eve's trainer Nogi is Sharon Duncan-Brewster, and Catalina Sandino Moreno plays Lena.", BAL,
         [("cast", "Catalina Sandino Moreno", "Lena", "supported")]),
        ("Santino is Riccardo Scamarcio, and Ruby Rose plays Ares.", CH2, [("cast", "Ruby Rose", "Ares", "supported")]),
        ("The film is directed by Chad Stahelski, and Keanu Reeves plays John Wick.", CH4,
         [("cast", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "the-work-said-to-be-of-a-year": [
        ("You know it's a 2014 release with a dog.", JW1, [("release_year", "", 2014, "supported")]),
        ("This is a 2017 film about debts.", CH2, [("release_year", "", 2017, "supported")]),
        ("It was a 2019 summer release everywhere.", PARA, [("release_year", "", 2019, "supported")]),
    ],
    "a-place-in-the-franchise": [
        ("The fifth John Wick feature is the first to hand the gun over.", BAL,
         [("franchise_member", "", None, "supported")]),
        ("You're watching the beginning of the John Wick franchise.", JW1, [("franchise_member", "", None, "supported")]),
        ("This third John Wick story is the loudest.", PARA, [("franchise_member", "", None, "supported")]),
    ],
    "lends-a-voice-to-the-role": [
        ("Troy Baker lends his voice to Hex.", HEX, [("cast", "Troy Baker", "Hex", "supported")]),
        ("Ian McShane lends his gravelly voice to Winston.", HEX, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Keanu Reeves lends his voice to Wick, they say.", HEX, [("cast", "Keanu Reeves", "Wick", "contradicted")]),
    ],
    "an-apposition-saying-back": [
        ("Willem Dafoe's Marcus, back for a brief flashback, is welcome.", CH2,
         [("reprise", "Willem Dafoe", "Marcus", "contradicted")]),
        ("Lance Reddick's Charon, back from the dead, is a joy.", PARA, [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Common, back as Cassian, sulks.", CH4, [("reprise", "Common", "Cassian", "contradicted")]),
    ],
    "a-franchise-regular-by-surname": [
        ("Reeves lends his voice to Wick for a few grunts.", HEX, [("cast", "Keanu Reeves", "Wick", "contradicted")]),
        ("McShane is Winston again, in a cameo.", BAL, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Stahelski directed this one.", CH4, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "a-job-in-apposition": [
        ("Chad Stahelski, the director, knows stunts.", PARA, [("director", "Chad Stahelski", None, "supported")]),
        ("Len Wiseman, its director, keeps it moving; Shay Hatten, the screenwriter, less so.", BAL,
         [("director", "Len Wiseman", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("Stahelski, directing again, keeps it clean.", CH4, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "idioms-of-directing": [
        ("Stahelski is the man behind the camera.", CH2, [("director", "Chad Stahelski", None, "supported")]),
        ("The woman in the director's chair for night two is Charlotte Brändström.", CONT,
         [("director", "Charlotte Brändström", None, "supported")]),
        ("Len Wiseman calls the shots, mostly.", BAL, [("director", "Len Wiseman", None, "supported")]),
    ],
    "a-light-verb-and-the-job": [
        ("Derek Kolstad did the writing.", JW1, [("writer", "Derek Kolstad", None, "supported")]),
        ("Shay Hatten handles the script, Len Wiseman the directing.", BAL,
         [("writer", "Shay Hatten", None, "supported")]),
        ("Chad Stahelski took care of the direction.", CH4, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "credits-in-other-languages": [
        ("Regie: Chad Stahelski\nDrehbuch: Derek Kolstad\n", CH2,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
        ("Dirigida por Len Wiseman. Guion de Shay Hatten.", BAL,
         [("director", "Len Wiseman", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("Un film de Chad Stahelski, scénario de Derek Kolstad.", JW1,
         [("director", "Chad Stahelski", None, "supported"), ("writer", "Derek Kolstad", None, "supported")]),
    ],
    "a-credit-verb-with-its-manner": [
        ("The film, directed with gusto by Chad Stahelski, never stops.", CH4,
         [("director", "Chad Stahelski", None, "supported")]),
        ("It was directed, briskly, by Chad Stahelski.", PARA, [("director", "Chad Stahelski", None, "supported")]),
        ("The direction is by Len Wiseman.", BAL, [("director", "Len Wiseman", None, "supported")]),
    ],
    "a-fronted-role-phrase": [
        ("In the title role, Keanu Reeves is tireless.", PARA, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("In the role of Zero, Mark Dacascos steals scenes.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Playing the part of Winston, Ian McShane is dry.", CH2, [("cast", "Ian McShane", "Winston", "supported")]),
    ],
    "a-comment-between-role-and-actor": [
        ("John Wick is, of course, Keanu Reeves.", CH4, [("cast", "Keanu Reeves", "John Wick", "supported")]),
        ("Charon is, as ever, Lance Reddick.", CH2, [("cast", "Lance Reddick", "Charon", "supported")]),
        ("Winston is played, naturally, by Ian McShane.", PARA, [("cast", "Ian McShane", "Winston", "supported")]),
    ],
    "a-role-apposition-names-its-actor": [
        ("Zero, a role Mark Dacascos clearly relishes, is funny.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Caine, the part Donnie Yen was born for, is blind.", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("Santino, a character Riccardo Scamarcio plays as a spoilt child, sulks.", CH2,
         [("cast", "Riccardo Scamarcio", "Santino", "supported")]),
    ],
    "a-performance-verb-with-the-role": [
        ("Mark Dacascos absolutely nails Zero, sushi knife and all.", PARA,
         [("cast", "Mark Dacascos", "Zero", "supported")]),
        ("Jerome Flynn turns in a sly, greasy Berrada.", PARA, [("cast", "Jerome Flynn", "Berrada", "supported")]),
        ("Mark Dacascos brings Zero to life.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "a-label-over-one-name-a-line": [
        ("| screenplay = {{plainlist|\n* [[Derek Kolstad]]\n* [[Shay Hatten]]\n}}\n", PARA,
         [("writer", "Derek Kolstad", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("Writers\nShay Hatten\nMichael Finch\n\nThe film is long.", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Directed by:\n- Albert Hughes\n- Charlotte Brändström\n", CONT,
         [("director", "Albert Hughes", None, "supported"), ("director", "Charlotte Brändström", None, "supported")]),
    ],
    "a-line-break-tag-separates-names": [
        ("| director = [[Chad Stahelski]]<br>[[David Leitch]] (co-director)\n", PARA,
         [("director", "Chad Stahelski", None, "supported"), ("director", "David Leitch", None, "contradicted")]),
        ("<p>Written by: Shay Hatten<br/>Michael Finch</p>", CH4,
         [("writer", "Shay Hatten", None, "supported"), ("writer", "Michael Finch", None, "supported")]),
        ("Cast: Keanu Reeves<br>Ian McShane<br />Lance Reddick\n", JW1,
         [("cast", "Keanu Reeves", None, "supported"), ("cast", "Lance Reddick", None, "supported")]),
    ],
    "the-actor-own-role-by-pronoun": [
        ("Our lead is Ana de Armas, and her character is Eve Macarro.", BAL,
         [("cast", "Ana de Armas", "Eve Macarro", "supported")]),
        ("Donnie Yen is great here; his role is Caine, a blind man.", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("Keanu Reeves meets Halle Berry, and her character is Sofia.", PARA,
         [("cast", "Halle Berry", "Sofia", "supported")]),
    ],
    "still-in-the-link-is-a-reprise": [
        ("Winston's still Ian McShane, thank God.", CH2, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Keanu Reeves still plays John like a wounded bear.", CH4, [("reprise", "Keanu Reeves", "John", "supported")]),
        ("Charon is still Lance Reddick.", PARA, [("reprise", "Lance Reddick", "Charon", "supported")]),
    ],
    "a-release-label-with-its-kind": [
        ("Theatrical release: 10 Feb 2017", CH2, [("release_year", "", 2017, "supported")]),
        ("UK release: 17 May 2019\nRunning time: 131 min", PARA, [("release_year", "", 2019, "supported")]),
        ("Digital release date: June 2023", CH4, [("release_year", "", 2023, "supported")]),
    ],
    "first-shown-is-a-release": [
        ("It was first shown in February 2017.", CH2, [("release_year", "", 2017, "supported")]),
        ("It was first screened in 2023 at SXSW.", CH4, [("release_year", "", 2023, "supported")]),
        ("Ballerina, first shown in London in May 2025, is fun.", BAL, [("release_year", "", 2025, "supported")]),
    ],
    "a-modal-word-that-is-no-modality": [
        ("Scott Adkins, almost unrecognisable under prosthetics, plays Killa.", CH4,
         [("cast", "Scott Adkins", "Killa", "supported")]),
        ("Ian McShane, who was expected to steal it, plays Winston.", CH4, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Keanu Reeves, nearly sixty, is John Wick again.", CH4, [("reprise", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "the-franchise-named-with-a-kind-of-work": [
        ("Another John Wick adventure, then.", CH4, [("franchise_member", "", None, "supported")]),
        ("The John Wick films continue with this one.", PARA, [("franchise_member", "", None, "supported")]),
        ("It is a new John Wick outing with a new lead.", BAL, [("franchise_member", "", None, "supported")]),
    ],
    "a-fronted-reprise-adverbial": [
        ("Once again, Ian McShane plays Winston.", PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Reprising his role, Ian McShane is Winston.", CH4, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("As in the first two films, Lance Reddick plays Charon.", PARA,
         [("reprise", "Lance Reddick", "Charon", "supported")]),
        ("Back in the black suit: Keanu Reeves as John Wick.", CH4,
         [("reprise", "Keanu Reeves", "John Wick", "supported")]),
    ],
    "a-reprise-said-after-the-role": [
        ("Ian McShane is Winston, as ever.", CH4, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Ian McShane as Winston, a role he first played in 2014, holds court.", PARA,
         [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Ian McShane picks up where he left off as Winston.", CH2, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Ian McShane slips back into Winston's tailored suits.", CH4,
         [("reprise", "Ian McShane", "Winston", "supported")]),
    ],
    "an-infinitive-casting-verb": [
        ("Ian McShane returns to play Winston.", PARA, [("reprise", "Ian McShane", "Winston", "supported")]),
        ("Ian McShane was tapped to play Winston.", JW1, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Troy Baker was hired to voice Hex.", HEX, [("cast", "Troy Baker", "Hex", "supported")]),
    ],
    "a-learners-casting-verb": [
        ("Keanu Reeves play John Wick again, very good.", PARA, [("reprise", "Keanu Reeves", "John Wick", "supported")]),
        ("Halle Berry she play Sofia with dogs.", PARA, [("cast", "Halle Berry", "Sofia", "supported")]),
        ("The Zero is make by Mark Dacascos.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "a-learners-credit": [
        ("The director is again Chad Stahelski, he make very good action.", PARA,
         [("director", "Chad Stahelski", None, "supported")]),
        ("The writers of the film are Derek Kolstad and Shay Hatten.", PARA,
         [("writer", "Derek Kolstad", None, "supported"), ("writer", "Shay Hatten", None, "supported")]),
        ("The film is directing by Chad Stahelski.", CH4, [("director", "Chad Stahelski", None, "supported")]),
    ],
    "a-known-wrong-name-in-other-shapes": [
        ("Ana de Armas, aka Rooney, dances and kills.", BAL, [("cast", "Ana de Armas", "Rooney", "contradicted")]),
        ("Ana de Armas gives Rooney a steely edge.", BAL, [("cast", "Ana de Armas", "Rooney", "contradicted")]),
        ("Nogi, Eve's trainer (Catalina Sandino Moreno), is tough.", BAL,
         [("cast", "Catalina Sandino Moreno", "Nogi", "contradicted")]),
    ],
    "an-alias-or-a-bracket-after-an-apposition": [
        ("Keanu Reeves, aka Baba Yaga, is tired.", CH4, [("cast", "Keanu Reeves", "Baba Yaga", "supported")]),
        ("Winston, the hotel's manager (Ian McShane), smiles.", CH2, [("cast", "Ian McShane", "Winston", "supported")]),
        ("Zero, a sushi chef (Mark Dacascos), is a fan.", PARA, [("cast", "Mark Dacascos", "Zero", "supported")]),
    ],
    "a-chat-line-in-one-case": [
        ("[10:03 PM] wickhead: donnie yen as caine!!!", CH4, [("cast", "Donnie Yen", "Caine", "supported")]),
        ("10:06 Marisa: hiroyuki sanada plays koji and rina sawayama is akira", CH4,
         [("cast", "Hiroyuki Sanada", "Koji", "supported"), ("cast", "Rina Sawayama", "Akira", "supported")]),
        ("[2023-03-24 21:14] @neo_fan: ian mcshane is winston again lol", CH4,
         [("reprise", "Ian McShane", "Winston", "supported")]),
    ],
}

# Claims that must NOT be found, per phenomenon: (text, film, (type, who, role)).
ABSENT: dict[str, list[tuple[str, str | None, tuple[str, str, Any]]]] = {
    "description-stop": [
        ("Keanu Reeves is hunted by Cassian through the catacombs.", CH2, ("cast", "Keanu Reeves", "Cassian")),
        ("Keanu Reeves is faster than Zero, just.", PARA, ("cast", "Keanu Reeves", "Zero")),
        ("Keanu Reeves fights with Caine on the stairs.", CH4, ("cast", "Keanu Reeves", "Caine")),
    ],
    "possessive-work": [
        ("Derek Kolstad's screenplay sends John to Rome.", CH2, ("cast", "Derek Kolstad", "John")),
        ("Chad Stahelski's camera finds Winston in the lobby.", PARA, ("cast", "Chad Stahelski", "Winston")),
        ("Keanu Reeves's stunt work makes Wick believable.", JW1, ("cast", "Keanu Reeves", "Wick")),
    ],
    "credit-label": [
        ("Director: Len Wiseman\n", BAL, ("cast", "Len Wiseman", "Director")),
        ("DIRECTOR  Chad Stahelski\n", CH4, ("cast", "Chad Stahelski", "Director")),
        ("The Doctor: Randall Duk Kim\n", JW1, ("director", "Randall Duk Kim", None)),
    ],
    "coordinated-clauses": [
        ("It is again directed by Chad Stahelski, and Keanu is John once more.", CH2, ("director", "Keanu Reeves", None)),
        ("Written by Derek Kolstad, and Reeves is magnetic.", JW1, ("writer", "Keanu Reeves", None)),
        ("Directed by Len Wiseman and Ana de Armas is the star.", BAL, ("director", "Ana de Armas", None)),
    ],
    "year-apposition-other-work": [
        ("Ballerina (2025)\n\nNext up is Chapter 4, released in 2023.", BAL, ("release_year", "", 2023)),
        ("Ballerina (2025)\n\nIt borrows from Parabellum — out in 2019 — a lot.", BAL, ("release_year", "", 2019)),
        ("John Wick: Chapter 2 (2017)\n\nI rewatched John Wick, which came out in 2014.", CH2, ("release_year", "", 2014)),
    ],
    "relative-clause-after-list": [
        ("It is written by Shay Hatten, and Len Wiseman, whose earlier films were grey, directs.", BAL,
         ("writer", "Len Wiseman", None)),
        ("Written by Derek Kolstad and Chad Stahelski, who also did the stunts, directs.", JW1,
         ("writer", "Chad Stahelski", None)),
        ("A script by Shay Hatten, and Keanu Reeves, who barely speaks, is the star.", CH4,
         ("writer", "Keanu Reeves", None)),
    ],
    "pronoun-in-same-sentence": [
        ("John is tired. Santino wants his sister dead, and Riccardo Scamarcio plays him.", CH2,
         ("cast", "Riccardo Scamarcio", "John")),
        ("Winston waits. Caine, blind and patient, is next, and Donnie Yen plays him.", CH4,
         ("cast", "Donnie Yen", "Winston")),
        ("Helen is gone. Viggo calls, and Michael Nyqvist plays him.", JW1, ("cast", "Michael Nyqvist", "Helen")),
    ],
    "new-role-name": [
        ("Peter Serafinowicz plays Bartholomew, the wine man.", CH2, ("cast", "Peter Serafinowicz", "Sommelier")),
        ("Keanu Reeves plays It straight, as always.", CH4, ("cast", "Keanu Reeves", "It")),
        ("Keanu Reeves is Great in it.", CH4, ("cast", "Keanu Reeves", "Great")),
    ],
    "unknown-actor-by-a-known-role": [
        ("Mel Gibson, forever Martin Riggs in Lethal Weapon, plays Cormac.", CONT, ("cast", "Martin Riggs", None)),
        ("Angelica Houston — back as the Director.", BAL, ("cast", "Angelica Houston", None)),
        ("Mel Gibson plays Cormac, and Danny Glover as Roger Murtaugh is not here.", CONT,
         ("cast", "Danny Glover", None)),
    ],
    "subject-pronoun-two-actors": [
        ("Halle Berry and Ian McShane talk. She plays Sofia.", PARA, ("cast", "Ian McShane", "Sofia")),
        ("Keanu Reeves meets Ian McShane. He plays Winston.", PARA, ("cast", "Keanu Reeves", "Winston")),
        ("Common and Ruby Rose fight. She plays Ares.", CH2, ("cast", "Common", "Ares")),
    ],
    "returning-group": [
        ("Some familiar faces return.\n\nDonnie Yen plays Caine.", CH4, ("reprise", "Donnie Yen", None)),
        ("Old habits return. Donnie Yen plays Caine.", CH4, ("reprise", "Donnie Yen", None)),
        ("Donnie Yen plays Caine. Then some familiar faces return.", CH4, ("reprise", "Donnie Yen", None)),
    ],
    "hearsay-before": [
        ("People online keep saying David Leitch co-directed this one.", PARA, ("director", "David Leitch", None)),
        ("Some insist that Halle Berry returns as Sofia; she does not.", CH4, ("cast", "Halle Berry", None)),
        ("Word has it Derek Kolstad wrote the first draft.", BAL, ("writer", "Derek Kolstad", None)),
    ],
    "mention-other-job": [
        ("John Wick: Chapter 4\n\nExecutive producers: Keanu Reeves, Erica Lee.\nDonnie Yen plays Caine.", None,
         ("cast", "Erica Lee", None)),
        ("Ballerina (2025)\n\nProduced by Chad Stahelski and Keanu Reeves. Ana de Armas plays Eve.", None,
         ("cast", "Chad Stahelski", None)),
        ("The Continental (2023)\n\nCreated by Greg Coolidge, Kirk Ward and Shawn Simmons.", None,
         ("cast", "Kirk Ward", None)),
    ],
    "negated-presence": [
        ("Halle Berry does not return as Sofia.", CH4, ("cast", "Halle Berry", None)),
        ("Willem Dafoe, sadly, is not back.", CH2, ("cast", "Willem Dafoe", None)),
        ("Laurence Fishburne never turns up.", BAL, ("cast", "Laurence Fishburne", None)),
    ],
    "franchise-other-work": [
        ("John Wick: Chapter 4 (2023)\n\nThe first film launched the franchise; this one ends it.", None,
         ("franchise_member", "", None)),
        ("Ballerina (2025)\n\nJohn Wick started the whole saga with a dog.", None, ("franchise_member", "", None)),
        ("The Continental (2023)\n\nThe original movie kicked off the series in 2014.", None,
         ("franchise_member", "", None)),
    ],
    "other-work-where": [
        ("Compared to Parabellum, where Mark Dacascos played Zero, the villains are colder.", CH4,
         ("cast", "Mark Dacascos", None)),
        ("I rewatched John Wick: Chapter 2, in which Common plays Cassian, before this.", CH4, ("cast", "Common", None)),
        ("Back in Ballerina (2025), when Ana de Armas was Eve, it felt fresh.", CH4, ("cast", "Ana de Armas", None)),
    ],
    "place-not-actor": [
        ("Halle Berry turns up in Casablanca as Sofia.", PARA, ("cast", "Casablanca", None)),
        ("The fight moves to Osaka as Koji's hotel burns.", CH4, ("cast", "Osaka", None)),
        ("Shot across Berlin as Killa's club pulses.", CH4, ("cast", "Berlin", None)),
    ],
    "reprise-cue-far-away": [
        ("Keanu Reeves plays John Wick with the stoicism he first brought back in 2014.", CH4,
         ("reprise", "Keanu Reeves", None)),
        ("Donnie Yen is Caine, a blind assassin who wants to go back to his daughter.", CH4,
         ("reprise", "Donnie Yen", None)),
        ("Rina Sawayama plays Akira, whose father will never return from Osaka.", CH4,
         ("reprise", "Rina Sawayama", None)),
    ],
    "answer-no": [
        ("Is Halle Berry in it?\nA: No. Sofia sits this one out.", CH4, ("cast", "Halle Berry", None)),
        ("Does Keanu Reeves turn up? He does not.", CONT, ("cast", "Keanu Reeves", None)),
        ("Q: Did Chad Stahelski direct it?\nA: Nope, that was Len Wiseman.", BAL, ("director", "Chad Stahelski", None)),
    ],
    "role-in-another-work": [
        ("Fishburne plays the Bowery King; we all remember Laurence Fishburne as Morpheus.", CH2,
         ("cast", "Laurence Fishburne", "Morpheus")),
        ("Alfie Allen plays Iosef, though many know Alfie Allen as Theon Greyjoy.", JW1, ("cast", "Alfie Allen", "Theon Greyjoy")),
        ("Keanu Reeves plays John Wick; years ago Keanu Reeves as Ted was a different story.", CH2,
         ("cast", "Keanu Reeves", "Ted")),
    ],
    "role-links-need-their-cue": [
        ("Santino is betrayed by Keanu Reeves's hero in the final act.", CH2, ("cast", "Keanu Reeves", "Santino")),
        ("Keanu Reeves meets a man called Santino.", CH2, ("cast", "Keanu Reeves", "Santino")),
        ("Keanu Reeves's character hunts Santino through Rome.", CH2, ("cast", "Keanu Reeves", "Santino")),
        ("The Marquis is a gift to Bill Skarsgård's fans.", CH4, ("cast", "Bill Skarsgård", "Marquis")),
        ("Sofia's dogs are trained by Halle Berry herself, she says.", PARA, ("cast", "Halle Berry", "Sofia")),
        ("Caine (whom John must kill) is no match for Keanu Reeves.", CH4, ("cast", "Keanu Reeves", "Caine")),
    ],
    "release-verb-not-a-release": [
        ("He came out of retirement in 2014 to see it.", JW1, ("release_year", "", 2014)),
        ("I released my own review of Chapter 2 in 2017.", CH4, ("release_year", "", 2017)),
        ("The first film opened in cinemas in October 2014, and this one is better.", CH2, ("release_year", "", 2014)),
    ],
    "shouted-words-are-not-names": [
        ("KEANU IS BACK AS JOHN!!!", CH4, ("cast", "IS BACK", None)),
        ("AND NOW BACK AS EVER, THE DOG.", CH4, ("cast", "AND NOW BACK", None)),
        ("SERIOUSLY WHO PLAYS KILLA", CH4, ("cast", "SERIOUSLY WHO", None)),
    ],
    "reprise-cue-far-in-the-clause": [
        ("Caine (a sly, blind Donnie Yen) is a retired killer pulled back in by a threat.", CH4,
         ("reprise", "Donnie Yen", None)),
        ("Koji, played by Hiroyuki Sanada, is an old friend who takes John back in.", CH4,
         ("reprise", "Hiroyuki Sanada", None)),
        ("Killa (Scott Adkins in a fat suit) is a gambler who keeps coming back for more.", CH4,
         ("reprise", "Scott Adkins", None)),
    ],
    "credit-label-needs-its-end": [
        ("Derek Kolstad, writer of the first film, is not credited here.", BAL, ("writer", "Derek Kolstad", None)),
        ("directed by Chad Stahelski, script by nobody in particular.", JW1, ("writer", "Chad Stahelski", None)),
        ("Keanu Reeves, director Chad Stahelski and a dog.", JW1, ("director", "Keanu Reeves", None)),
    ],
    "a-known-title-is-nobody": [
        ("[1] Stahelski, Chad, dir. John Wick. Summit Entertainment, 2014.", JW1, ("director", "John Wick", None)),
        ("Written by: Ballerina fans everywhere", BAL, ("writer", "Ballerina", None)),
        ("Director: The Continental itself", CONT, ("director", "The Continental", None)),
    ],
    "prose-commas-are-no-sheet": [
        ("Keanu Reeves,Ian McShane and the dog all shine.", JW1, ("cast", "Keanu Reeves", "Ian McShane")),
        ("Winston, Charon, and the hotel staff are back.", PARA, ("cast", "Winston", None)),
        ("It cost 1,000,000 dollars, Keanu Reeves said.", JW1, ("cast", "Keanu Reeves", "dollars")),
    ],
    "bare-by-needs-a-passive-before": [
        ("Winston was killed by Ian McShane's rival.", CH4, ("cast", "Ian McShane", "Winston")),
        ("Caine, shot by Keanu Reeves in the trailer, survives.", CH4, ("cast", "Keanu Reeves", "Caine")),
        ("It is Sofia, and the dogs by Halle Berry are great.", PARA, ("cast", "Halle Berry", "Sofia")),
    ],
    "role-title-is-no-credit-label": [
        ("CHARACTER              PLAYED BY\nThe Director           Anjelica Huston\n", PARA,
         ("director", "Anjelica Huston", None)),
        ("The Director ..... Anjelica Huston\n", BAL, ("director", "Anjelica Huston", None)),
        ("Winston\tIan McShane\nThe Director\tAnjelica Huston\n", PARA, ("director", "Anjelica Huston", None)),
    ],
    "actor-in-brackets-not-the-role-after": [
        ("Santino D'Antonio (Riccardo Scamarcio, all sneer), whose sister Gianna rules Rome.", CH2,
         ("cast", "Riccardo Scamarcio", "Gianna")),
        ("Sofia (Halle Berry, superb), whose friend Winston helps.", PARA, ("cast", "Halle Berry", "Winston")),
        ("Caine (Donnie Yen), as Winston says, is the best.", CH4, ("cast", "Donnie Yen", "Winston")),
    ],
    "claims-about-an-earlier-film": [
        ("In the first film Michael Nyqvist played Viggo; here the villain is Santino.", CH2,
         ("cast", "Michael Nyqvist", "Viggo")),
        ("Both were directed by Chad Stahelski, though the first was co-directed by David Leitch.", CH2,
         ("director", "David Leitch", None)),
        ("For the previous film, Derek Kolstad wrote the script alone.", CH4, ("writer", "Derek Kolstad", None)),
    ],
    "asked-role-needs-a-bare-answer": [
        ("Where is Winston? Keanu Reeves goes to find him.", PARA, ("cast", "Keanu Reeves", "Winston")),
        ("Who is Caine? Donnie Yen plays a blind killer.", CH4, ("cast", "Donnie Yen", "Caine")),
        ("Such as Caine, Donnie Yen says, are rare.", CH4, ("cast", "Donnie Yen", "Caine")),
    ],
    "ordinal-is-no-reprise-cue-alone": [
        ("Donnie Yen, in the fourth chapter, plays Caine.", CH4, ("reprise", "Donnie Yen", None)),
        ("Caine (Donnie Yen, superb) steals the fourth film.", CH4, ("reprise", "Donnie Yen", None)),
        ("The fourth film gives Rina Sawayama the role of Akira.", CH4, ("reprise", "Rina Sawayama", None)),
    ],
    "role-recalled-from-another-work": [
        ("In Chapter 2, Michael Nyqvist played Viggo, and here nobody does.", CH4, ("cast", "Michael Nyqvist", "Viggo")),
        ("Nyqvist's Viggo casts a long shadow over this sequel.", CH2, ("cast", "Michael Nyqvist", "Viggo")),
        ("Alfie Allen was Iosef, and this sequel misses him.", CH2, ("cast", "Alfie Allen", "Iosef")),
    ],
    "comparisons-are-no-roles": [
        ("Common is as menacing as Santino ever was.", CH4, ("cast", "Common", "Santino")),
        ("Keanu Reeves fights as well as Caine does.", CH4, ("cast", "Keanu Reeves", "Caine")),
        ("Halle Berry is as quick as Sofia's dogs.", PARA, ("cast", "Halle Berry", "Sofia")),
    ],
    "a-character-in-the-action-is-no-role": [
        ("Donnie Yen fights John on the stairs.", CH4, ("cast", "Donnie Yen", "John")),
        ("Ian McShane greets Charon as an old friend.", PARA, ("cast", "Ian McShane", "Charon")),
        ("Keanu Reeves meets Winston in the bar as usual.", CH4, ("cast", "Keanu Reeves", "Winston")),
    ],
    "the-director-role-is-no-credit": [
        ("Anjelica Huston is back as the Director.", BAL, ("director", "Anjelica Huston", None)),
        ("Anjelica Huston, once again the Director, rules.", BAL, ("director", "Anjelica Huston", None)),
        ("Anjelica Huston returns as the Director of the Ruska Roma.", PARA, ("director", "Anjelica Huston", None)),
    ],
    "plot-verbs-are-no-performance": [
        ("Keanu Reeves gives Winston the coin.", CH2, ("cast", "Keanu Reeves", "Winston")),
        ("Ian McShane brings Charon the news.", PARA, ("cast", "Ian McShane", "Charon")),
        ("Keanu Reeves has a drink with Winston.", CH4, ("cast", "Keanu Reeves", "Winston")),
    ],
    "a-garment-taken-is-no-role": [
        ("Keanu Reeves steals Santino's suit.", CH2, ("cast", "Keanu Reeves", "Santino")),
        ("Keanu Reeves walks into Winston's hotel.", CH4, ("cast", "Keanu Reeves", "Winston")),
        ("Keanu Reeves, in Santino's shoes, would have run.", CH2, ("cast", "Keanu Reeves", "Santino")),
    ],
    "appositions-that-are-lists": [
        ("I love Keanu Reeves, the Marquis and the dog.", CH4, ("cast", "Keanu Reeves", "Marquis")),
        ("Keanu Reeves, the Bowery King, Winston: all back.", CH4, ("cast", "Keanu Reeves", "Bowery King")),
        ("Sofia, the friend Halle Berry plays, owes John a marker.", PARA, ("cast", "Halle Berry", "John")),
    ],
    "wick-alone-is-no-film": [
        ("The third Wick himself would never do that.", PARA, ("franchise_member", "", None)),
        ("Wick is tired, and Winston is worried.", CH4, ("franchise_member", "", None)),
        ("Keanu is the sequel to nobody.", CH2, ("franchise_member", "", None)),
    ],
    "denied-right-after": [
        ("Everyone assumes Derek Kolstad wrote this one too; he didn't.", CH4, ("writer", "Derek Kolstad", None)),
        ("Half the internet insists Chad Stahelski directed Ballerina, but he did not.", BAL,
         ("director", "Chad Stahelski", None)),
        ("My uncle swears Halle Berry is back as Sofia (she isn't).", CH4, ("cast", "Halle Berry", None)),
    ],
    "an-article-makes-no-person": [
        ("Hiroyuki Sanada runs the local Continental as Koji.", CH4, ("cast", "Continental", None)),
        ("She leaves the Academy as Eve, a killer.", BAL, ("cast", "Academy", None)),
        ("The old Directorate as the villain is a stretch.", PARA, ("cast", "Directorate", None)),
    ],
    "two-clauses-are-no-list": [
        ("The director is Len Wiseman, and Shay Hatten wrote it.", BAL, ("writer", "Len Wiseman", None)),
        ("The director is Len Wiseman, and Shay Hatten wrote it.", BAL, ("director", "Shay Hatten", None)),
        ("It was directed by Chad Stahelski, and Derek Kolstad wrote it.", JW1, ("director", "Derek Kolstad", None)),
    ],
    "an-apposed-clause-names-someone-else": [
        ("Keanu Reeves, the man who killed Viggo, is tired.", JW1, ("cast", "Keanu Reeves", "Viggo")),
        ("Keanu Reeves, the hitman hunting Iosef, is tired.", JW1, ("cast", "Keanu Reeves", "Iosef")),
        ("Keanu Reeves, the man hired by Viggo, is tired.", JW1, ("cast", "Keanu Reeves", "Viggo")),
        ("Ian McShane becomes Winston's problem.", PARA, ("cast", "Ian McShane", "Winston")),
    ],
    "denied-by-the-next-sentence": [
        ("Second: \"Halle Berry turns up as the Adjudicator.\" She does nothing of the sort.", PARA,
         ("cast", "Halle Berry", None)),
        ("- Halle Berry (Sofia). Not in this one.\n- Ian McShane (Winston)", CH4, ("cast", "Halle Berry", None)),
        ("The blurb says Derek Kolstad wrote it. That's not true.", BAL, ("writer", "Derek Kolstad", None)),
    ],
    "a-person-named-with-an-article-is-a-place": [
        ("Ian McShane is back running the New York Continental as Winston.", CH2, ("cast", "New York Continental", None)),
        ("Keanu Reeves storms the Grand Hotel Osaka as John.", CH4, ("cast", "Grand Hotel Osaka", None)),
        ("They fight inside the Red Circle Club as Iosef hides.", JW1, ("cast", "Red Circle Club", None)),
    ],
    "back-in-is-no-return": [
        ("Keanu Reeves's John, back in the day, was softer.", CH2, ("reprise", "Keanu Reeves", None)),
        ("Laurence Fishburne's Bowery King, back in a big coat, shouts.", CH4, ("reprise", "Laurence Fishburne", None)),
        ("Ian McShane's Winston, back then a younger man, smiles.", CH2, ("reprise", "Ian McShane", None)),
    ],
    "a-role-in-apposition-is-no-job": [
        ("Anjelica Huston, the Director, rules the Ruska Roma.", PARA, ("director", "Anjelica Huston", None)),
        ("Keanu Reeves, directing his fury at Santino, runs.", CH2, ("director", "Keanu Reeves", None)),
        ("Ian McShane did the voice well.", HEX, ("writer", "Ian McShane", None)),
    ],
    "a-plot-verb-with-a-role-is-no-performance": [
        ("Keanu Reeves nails Zero to the wall with a pencil.", PARA, ("cast", "Keanu Reeves", "Zero")),
        ("Keanu Reeves brings Winston a marker.", PARA, ("cast", "Keanu Reeves", "Winston")),
        ("Keanu Reeves aces Zero in the glass room.", PARA, ("cast", "Keanu Reeves", "Zero")),
    ],
    "the-next-label-ends-a-list": [
        ("Director\nChad Stahelski\nWriter\nDerek Kolstad\n", JW1, ("director", "Derek Kolstad", None)),
        ("Screenplay:\n- Shay Hatten\nDirector:\n- Len Wiseman\n", BAL, ("writer", "Len Wiseman", None)),
        ("Writers\nShay Hatten\nMichael Finch\nStars\nKeanu Reeves\n", CH4, ("writer", "Keanu Reeves", None)),
    ],
    "still-as-an-adverb-is-no-reprise": [
        ("Keanu Reeves is still great as John in the last act.", JW1, ("reprise", "Keanu Reeves", None)),
        ("Keanu Reeves as John is still standing at the end.", JW1, ("reprise", "Keanu Reeves", None)),
        ("Ian McShane, still dapper, plays Winston.", JW1, ("reprise", "Ian McShane", None)),
    ],
    "a-pronoun-role-is-the-nearest-actors": [
        ("Keanu Reeves meets Halle Berry, and her character is Sofia.", PARA, ("cast", "Keanu Reeves", "Sofia")),
        ("Ian McShane greets Lance Reddick; his role is Charon.", JW1, ("cast", "Ian McShane", "Charon")),
        ("Donnie Yen fights Hiroyuki Sanada, and his character is Koji.", CH4, ("cast", "Donnie Yen", "Koji")),
    ],
    "modality-between-actor-and-role": [
        ("Halle Berry was rumoured to return as Sofia.", CH4, ("cast", "Halle Berry", None)),
        ("Halle Berry declined to return as Sofia.", CH4, ("cast", "Halle Berry", None)),
        ("Halle Berry could have played the Marquis.", CH4, ("cast", "Halle Berry", None)),
        ("Halle Berry turned down the role of Sofia.", CH4, ("cast", "Halle Berry", None)),
        ("Halle Berry was set to return as Sofia before the script changed.", CH4, ("cast", "Halle Berry", None)),
        ("Halle Berry, who does not return as Sofia, is missed.", CH4, ("cast", "Halle Berry", "Sofia")),
    ],
    "absence-said-around-the-claim": [
        ("Halle Berry as Sofia? Not here.", CH4, ("cast", "Halle Berry", None)),
        ("Forget Halle Berry as Sofia; she's absent.", CH4, ("cast", "Halle Berry", None)),
        ("Don't expect Halle Berry as Sofia.", CH4, ("cast", "Halle Berry", None)),
    ],
    "a-fronted-adverbial-covers-its-own-clause": [
        ("Again, the action is great, and Halle Berry plays Sofia.", PARA, ("reprise", "Halle Berry", None)),
        ("Once again, the stairs. Halle Berry plays Sofia.", PARA, ("reprise", "Halle Berry", None)),
        ("Keanu Reeves wants to play Santino one day.", CH2, ("cast", "Keanu Reeves", "Santino")),
    ],
    "the-director-as-a-job-is-no-role": [
        ("The director is again Chad Stahelski, he make very good action.", PARA, ("cast", "Chad Stahelski", None)),
        ("The director is still Chad Stahelski.", CH4, ("cast", "Chad Stahelski", None)),
        ("Keanu Reeves and Halle Berry play off each other.", PARA, ("cast", "Keanu Reeves", "Sofia")),
    ],
}


CASES = [(name, *case) for name, cases in WORDINGS.items() for case in cases]
ABSENT_CASES = [(name, *case) for name, cases in ABSENT.items() for case in cases]


@pytest.mark.parametrize(("phenomenon", "text", "film", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_wording(phenomenon: str, text: str, film: str | None, expected: list[Fact]) -> None:
    found = _facts(text, film)
    for kind, who, value, status in expected:
        hits = [f for f in found if f[0] == kind and f[1] == normalize_name(who) and _same(value, f[2])]
        assert hits, (phenomenon, (kind, who, value), found)
        assert hits[0][3] == status, (phenomenon, (kind, who, value), hits[0])


@pytest.mark.parametrize(("phenomenon", "text", "film", "absent"), ABSENT_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(ABSENT_CASES)])
def test_not_claimed(phenomenon: str, text: str, film: str | None, absent: tuple[str, str, Any]) -> None:
    assert_absent(phenomenon, text, film, absent)


def test_every_cue_list_has_three_wordings() -> None:
    for cue_id in default_cues().lists:
        assert len(WORDINGS.get(cue_id, [])) >= 3, cue_id
    assert all(len(cases) >= 3 for cases in WORDINGS.values())
    assert all(len(cases) >= 3 for cases in ABSENT.values())
