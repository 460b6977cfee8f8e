"""Rating scales: the review's own scale kept, a normalised 0..1 value added, the critic's own rating chosen."""

from __future__ import annotations

import pytest

from wickgraph.extract import extract
from wickgraph.extract.layout import plain_forms
from wickgraph.extract.ratings import find_rating
from wickgraph.extract.scales import LETTER_GRADES, letter_grade, normalize


@pytest.mark.parametrize(("text", "value", "scale", "normalized", "evidence"), [
    ("Rating: 3.5 out of 5 stars", 3.5, 5, 0.7, "Rating: 3.5 out of 5 stars"),
    ("so yeah 8.5/10, go see it", 8.5, 10, 0.85, "8.5/10"),
    ("Final score: 82/100", 82, 100, 0.82, "Final score: 82/100"),
    ("Rating: three stars out of five", 3, 5, 0.6, "Rating: three stars out of five"),
    ("four stars, easily", 4, 5, 0.8, "four stars"),
    ("Three and a half stars out of five.", 3.5, 5, 0.7, "Three and a half stars out of five"),
    ("Film: ★★★½", 3.5, 5, 0.7, "Film: ★★★½"),
    ("★★☆☆☆", 2, 5, 0.4, "★★☆☆☆"),
    ("MY VERDICT: 7/10", 7, 10, 0.7, "MY VERDICT: 7/10"),
    ("I'm going B-plus.", "B+", "letter", 0.75, "I'm going B-plus"),
    ("Grade: A-", "A-", "letter", 0.8333, "Grade: A-"),
    ("I give it a C+ at best.", "C+", "letter", 0.5, "I give it a C+"),
    ("Verdict: F", "F", "letter", 0.0, "Verdict: F"),
    ("7 out of 10", 7, 10, 0.7, "7 out of 10"),
    ("Out of five, I give it four.", 4, 5, 0.8, "give it four"),
    ("Three-and-a-half stars", 3.5, 5, 0.7, "Three-and-a-half stars"),
])
def test_scales(text: str, value: object, scale: object, normalized: float, evidence: str) -> None:
    rating = find_rating(text)
    assert rating is not None
    assert (rating.value, rating.scale) == (value, scale)
    assert rating.normalized == pytest.approx(normalized, abs=1e-4)
    assert text[rating.start:rating.end] == evidence


@pytest.mark.parametrize("text", [
    "MPA Rating: R", "Rated R for strong violence", "He was born on 9/11/1970.", "A siege in the final episode",
    "a B-movie at heart", "The film runs 169 min.", "Chapter 4 of the saga", "Picture: 5/5\nSound: 4.5/5",
    "The grade is A bit harsh, I think.", "The rating is R, so leave the kids at home.", "My verdict is a mixed one.",
])
def test_not_ratings(text: str) -> None:
    assert find_rating(text) is None


def test_first_rating_not_labelled_for_something_else_wins() -> None:
    text = "Picture: 5/5\nSound: 4.5/5\nFilm: 3/5\nAnother poster: 9/10 from me"
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (3, 5)


def test_letter_grades_are_evenly_spaced() -> None:
    assert LETTER_GRADES["A+"] == 1.0 and LETTER_GRADES["F"] == 0.0
    values = list(LETTER_GRADES.values())
    assert values == sorted(values) and len(values) == 13


@pytest.mark.parametrize(("text", "grade"), [("B-plus", "B+"), ("b minus", "B-"), ("C−", "C-"), ("A+", "A+"),
                                             ("E", None), ("B++", None)])
def test_letter_grade_spellings(text: str, grade: str | None) -> None:
    assert letter_grade(text) == grade


def test_normalize() -> None:
    assert normalize(3.5, 5) == 0.7 and normalize("B+", "letter") == 0.75
    assert normalize(12, 10) is None and normalize("Z", "letter") is None


@pytest.mark.parametrize(("text", "value", "scale", "evidence"), [
    # percentages after a score label
    ("Our critic's score: 88%", 88, 100, "Our critic's score: 88%"),
    ("Rating - 74 %", 74, 100, "Rating - 74 %"),
    ("verdict: 91% fresh from me", 91, 100, "verdict: 91%"),
    # stars in any glyph, with or without a scale
    ("MY SCORE: ****/5", 4, 5, "MY SCORE: ****/5"),
    ("Rating: ***½", 3.5, 5, "Rating: ***½"),
    ("Score\n\n✪✪✪ out of 5", 3, 5, "✪✪✪ out of 5"),
    # "N of M points"
    ("My score: 7 of 10 points.", 7, 10, "My score: 7 of 10 points"),
    ("Final: six from ten possible", 6, 10, "six from ten possible"),
    ("It earns 4 of 5 stars.", 4, 5, "4 of 5 stars"),
    # a grade standing alone after the word "grade"
    ("You wanted a grade. Here it is. B+. Not higher.", "B+", "letter", "B+"),
    ("Grade? A-", "A-", "letter", "A-"),
    ("So, the grade. C. Sorry.", "C", "letter", "C"),
    # the scale in brackets after the value
    ("I'd give it three stars (out of four).", 3, 4, "three stars (out of four)"),
    ("Verdict: 7 (out of 10), and I mean it.", 7, 10, "Verdict: 7 (out of 10)"),
    ("Four stars (out of five) for the stairs alone.", 4, 5, "Four stars (out of five)"),
    # star glyphs with a stated scale, and a lone star as decoration before a number
    ("Rated: ★★½ out of four", 2.5, 4, "Rated: ★★½ out of four"),
    ("★★★ / 4, no more.", 3, 4, "★★★ / 4"),
    ("My rating: ★ 7/10", 7, 10, "My rating: ★ 7/10"),
    ("Score: ⭐ 8.5 / 10", 8.5, 10, "Score: ⭐ 8.5 / 10"),
    # any symbol repeated and counted against a scale
    ("\U0001f52b\U0001f52b\U0001f52b\U0001f52b / 5", 4, 5, "\U0001f52b\U0001f52b\U0001f52b\U0001f52b / 5"),
    ("\u2665\u2665\u2665 out of 5 hearts", 3, 5, "\u2665\u2665\u2665 out of 5"),
    ("Bullets: \u2022\u2022\u2022\u2022\u2022\u2022\u2022 / 10", 7, 10, "\u2022\u2022\u2022\u2022\u2022\u2022\u2022 / 10"),
    # a grade after dot leaders, as in a report card
    ("Overall ........... B", "B", "letter", "Overall ........... B"),
    ("Overall grade \u2026\u2026 A-", "A-", "letter", "Overall grade \u2026\u2026 A-"),
    ("Verdict ___ C+", "C+", "letter", "Verdict ___ C+"),
    # informal spellings of "out of"
    ("honestly 9 outta 10", 9, 10, "9 outta 10"),
    ("a solid 8 outta 10 from me", 8, 10, "8 outta 10"),
    ("four outta five, easy", 4, 5, "four outta five"),
    # a unit of the critic's own before "out of"
    ("The Matinee Desk score: 3 tickets out of 4", 3, 4, "score: 3 tickets out of 4"),
    ("Four skulls out of five, easy.", 4, 5, "Four skulls out of five"),
    ("2 thumbs out of 2? No: 9 bullets out of 10.", 9, 10, "9 bullets out of 10"),
    # "N on M" after a giving verb or a label (a learner's, or a translated "sur")
    ("I give 8 on 10.", 8, 10, "8 on 10"),
    ("Note: 7 on 10", 7, 10, "Note: 7 on 10"),
    ("My rating is four on five", 4, 5, "four on five"),
    ("Vote: 7\u00bd on 10", 7.5, 10, "Vote: 7\u00bd on 10"),
    ("My vote: 8 on 10.", 8, 10, "My vote: 8 on 10"),
    # "put it at" as a giving verb
    ("I'd put it at a seven.", 7, 10, "put it at a seven"),
    ("I'm putting it at 8/10.", 8, 10, "8/10"),
    ("We put this one at a solid six.", 6, 10, "put this one at a solid six"),
    # the scale in the label, the value after it
    ("Rating (out of 10): 8", 8, 10, "Rating (out of 10): 8"),
    ("Score (/5) - 4", 4, 5, "Score (/5) - 4"),
    ("Verdict (out of five): three and a half", 3.5, 5, "Verdict (out of five): three and a half"),
    # a giving verb's other forms and a verdict for the critic
    ("I'm giving it a generous 7.", 7, 10, "giving it a generous 7"),
    ("This one's a 9 for me.", 9, 10, "This one's a 9"),
    ("It is an 8 for me, no more.", 8, 10, "It is an 8"),
    ("The stars: 4 of 5.", 4, 5, "4 of 5"),
    # a hundred in words
    ("To a movie I'd give a hundred out of a hundred, every time.", 100, 100, "a hundred out of a hundred"),
    ("One hundred out of one hundred, no notes.", 100, 100, "One hundred out of one hundred"),
    ("My score: 95 out of a hundred", 95, 100, "My score: 95 out of a hundred"),
    ("Final vote - 3 out of 5", 3, 5, "Final vote - 3 out of 5"),
    # a half in capitals
    ("FOUR AND A HALF STARS (OUT OF FIVE)", 4.5, 5, "FOUR AND A HALF STARS (OUT OF FIVE)"),
    ("Three And A Half Out Of Five", 3.5, 5, "Three And A Half Out Of Five"),
    ("SEVEN AND A HALF OUT OF TEN", 7.5, 10, "SEVEN AND A HALF OUT OF TEN"),
    # the French school scale
    ("Final mark: 14/20", 14, 20, "Final mark: 14/20"),
    ("fourteen out of twenty, no more", 14, 20, "fourteen out of twenty"),
    ("Note: 16 / 20", 16, 20, "Note: 16 / 20"),
    # the scale drawn in the same symbol
    ("\U0001f436\U0001f436\U0001f436\U0001f436 out of \U0001f436\U0001f436\U0001f436\U0001f436\U0001f436", 4, 5,
     "\U0001f436\U0001f436\U0001f436\U0001f436 out of \U0001f436\U0001f436\U0001f436\U0001f436\U0001f436"),
    ("\u2665\u2665\u2665 / \u2665\u2665\u2665\u2665\u2665", 3, 5, "\u2665\u2665\u2665 / \u2665\u2665\u2665\u2665\u2665"),
    ("\U0001f52b\U0001f52b out of \U0001f52b\U0001f52b\U0001f52b\U0001f52b", 2, 4,
     "\U0001f52b\U0001f52b out of \U0001f52b\U0001f52b\U0001f52b\U0001f52b"),
    # a bare number after a giving verb or a score label is out of ten
    ("I give it a 7.", 7, 10, "give it a 7"),
    # a typographic dash as the minus of a grade
    ("Grade: B\u2013", "B-", "letter", "Grade: B\u2013"), ("I give it an A\u2013.", "A-", "letter", "I give it an A\u2013"),
    ("Final grade \u2013 C\u2013", "C-", "letter", "grade \u2013 C\u2013"),
    ("Verdict: a strong eight.", 8, 10, "Verdict: a strong eight"),
    ("I'd rate it a solid seven, honestly.", 7, 10, "rate it a solid seven"),
    # an em dash between a score label and the grade, as between a label and any value
    ("Verdict \u2014 B minus.", "B-", "letter", "Verdict \u2014 B minus"),
    ("GRADE\u2014A", "A", "letter", "GRADE\u2014A"),
    ("Overall \u2014 C+, and generous.", "C+", "letter", "Overall \u2014 C+"),
    # "my take" / "our take" as a score label before a grade
    ("Our take: A-.", "A-", "letter", "Our take: A-"),
    ("My take \u2013 B plus", "B+", "letter", "My take \u2013 B plus"),
    ("our take: C", "C", "letter", "our take: C"),
    # filled and hollow shapes drawn as a meter: the filled ones out of all of them
    ("Rating \u25cf\u25cf\u25cf\u25cb\u25cb", 3, 5, "\u25cf\u25cf\u25cf\u25cb\u25cb"),
    ("Action \u25a0\u25a0\u25a0\u25a0\u25a1", 4, 5, "\u25a0\u25a0\u25a0\u25a0\u25a1"),
    ("\u25c6\u25c6\u25c7\u25c7 for the plot", 2, 4, "\u25c6\u25c6\u25c7\u25c7"),
])
def test_more_rating_forms(text: str, value: object, scale: object, evidence: str) -> None:
    rating = find_rating(text)
    assert rating is not None, text
    assert (rating.value, rating.scale) == (value, scale)
    assert text[rating.start:rating.end] == evidence


@pytest.mark.parametrize(("text", "value"), [
    ("My sister gives it 6/10 (she is wrong). My own verdict: 8/10.", 8),
    ("Inès gives it 7 out of 10. I give it 3 out of 5.", 3),
    # the scale said before a bare score; a label before a dash; "deserves"; a hyphenated half
    ("Out of five, I give it four.", 4), ("Out of ten, I'd give it a solid seven.", 7), ("Score \u2014 9", 9),
    ("It deserves a 9.", 9), ("This one deserves an eight.", 8), ("Three-and-a-half stars", 3.5),
    ("Four-and-a-half out of five.", 4.5),
    # a unit after the value and the scale in brackets; a label with a phrase between it and its colon
    ("Programmer's mark: \u2605\u2605\u2605\u00bd (out of four)", 3.5), ("Rating: \u2605\u2605\u2605 (out of 4)", 3),
    ("My own score would be a 2 out of 5.\n\nFINAL VERDICT (locked, Sat 14:02): 3/5", 3),
    ("My score: 7/10 on the night.\nFinal score: 8/10", 8), ("My score: 4/5\n\nFinal verdict: 3/5", 3),
    ("Four stars out of five, says the form guide.\nFINAL TIPSTER RATING: 86/100", 86),
    ("Score: 91 points (out of 100)", 91), ("Final tally: 17 points (out of 20)", 17), ("Mark: 8 (out of 10)", 8),
    ("Our own mark, for the film that said goodbye to him: A-", "A-"),
    ("My grade, for what it is worth after all that: B+", "B+"),
    ("Our verdict, all told and with regrets: 3/5", 3),
    # another's score with a verb of grading and an object other than "it"; the critic's own after it
    ("A colleague graded it at 6 out of 10; I give it 8 out of 10.", 8),
    ("The Times marked him 3 out of 5, but my mark is 4 out of 5.", 4),
    ("My brother puts the film at 5/10. I award it a mark of 9 out of 10.", 9),
    ("A previous referee graded him at 6 out of 10. I award him a mark of 8 out of 10.", 8),
    ("My dad still rates it 9/10. I'm more measured.\n\nMy score: 7 of 10 points.", 7),
    ("IMDb users have it at 8.1/10; I say 6/10.", 6),
    ("The podcast host gave it a 9 out of 10.\nOur official score: seven out of ten.", 7),
    # a count of ratings after the value makes it an aggregate; a publication's or the writer's own mark wins
    ("4.8 out of 5 stars    3,412 ratings\n\nThe disc is fine. Three stars from me.", 3),
    ("Average: 4.1/5 (812 reviews)\nStaff rating: 2 out of 5", 2),
    ("7/10 from a commenter.\nEditors' rating \u2605\u2605\u2605\u2605\u2606", 4),
    ("They called it 'two stars of noise'. For what it is worth, my own mark is four out of five.", 4),
    ("STAFF PICK \u00b7 Our score: 4 of 5", 4), ("I give it 3 of 5.", 3), ("Rating: 8 of 10", 8),
    # a translated scale, an emoji between value and scale, a spelled-out grade: one reading, the longer
    ("Note: 9 sur 10", 9), ("I give it 4 \U0001f37f out of 5", 4), ("Grade: B plus", "B+"), ("Final grade: C minus", "C-"),
    # a label and its grade joined by a copula
    ("My grade is a B-plus.", "B+"), ("The rating is a solid A-.", "A-"), ("My verdict would be a C.", "C"),
    ("Ma note : 7 sur 10", 7), ("Nota: 3,5 sobre 5", 3.5), ("Mi puntuación: 8 sobre 10", 8), ("Voto: 7 su 10", 7), ("For me is 8 on 10.", 8),
    # category scores and an overall one on one line: the overall; a relative's label and the critic's own
    ("Stunts: 10/10. Story: 5/10. Overall: 7/10.", 7), ("Action 9/10, plot 4/10, overall a 7/10.", 7),
    ("Action 10/10 \u00b7 Story 6/10 \u00b7 Overall 8/10", 8), ("Stunts: 10/10 | Plot: 5/10 | Overall: 7/10", 7),
    ("Fights 9/10 \u2022 Dialogue 3/10 \u2022 Overall 6/10", 6),
    ("My wife: 6/10. Me: 9/10.", 9), ("Her brother - 5/10\nMine: 8/10", 8),
    # a unit of two words before "out of"; a bare score the critic gives "from me"
    ("Verdict: four Continental coins out of five.", 4), ("It gets a 7.5 from me.", 7.5), ("This one earns an 8 from me.", 8),
    # an aggregator named earlier in the sentence, before the clause with the score
    ("On Rotten Tomatoes, the film holds an approval rating of 89%. My grade: 7/10.", 7),
    # a poll, a survey or the listeners: others' scores
    ("Our listener poll online has it at four and a half stars. I'll say seven out of ten.", 7),
    ("The reader survey gave it 4/5; I give it 3/5.", 3),
    ("Fans voted it 9/10 in our poll. Me? 6/10.", 6),
    # a parents' guide's content scale is no rating of the film
    ("Violence: 5/5. Language: 3/5. Overall, I give it 4 stars.", 4),
    ("Sex: 0/5 | Violence: 5/5 | Scariness: 4/5 | Our rating: 3/5", 3),
    ("Gore - 5/5\nProfanity - 4/5\nMy score - 2/5", 2),
    # a numbered thread's counters are no scores
    ("1/4 the stairs!\n2/4 the dog\n3/4 the hotel\n4/4 verdict: 8/10", 8),
    ("2/3 honestly the best fight\n3/3 and that is my 7/10", 7),
    # a score in quotes that someone else wrote or said
    ('"Ten out of ten, would go again," one guest wrote. I am more cautious: 7/10.', 7),
    ('"A perfect 5/5," said my neighbour. Me: 3/5.', 3),
    ("According to IMDb, users put it at 7.9/10, which sounds right. I give it 4 out of 5.", 4),
    # a speaker's score in a transcript yields to the one the writer labels as their own
    ("DENNIS: Eight out of ten.\nHOST: Booth verdict from me, and it counts: 9 out of 10.", 9),
    ("RITA: Ten out of ten, Bernie.\nBERNIE: My own number, the one for the website: three out of five.", 3),
    ("Caller: 6/10 for me. Host: my pick for the week, and my number: 8/10.", 8),
    # "A sequel" after someone else's grade is an article, not a grade of mine
    ('Audiences polled by CinemaScore gave it a grade of "A\u2013". A sequel followed. Mine: B.', "B"),
    ("On Metacritic, a weighted average, it scores 78/100; as for me, 8/10.", 8),
    # a verdict quoted after someone else's giving verb is theirs, however many commas it has
    ('Erik from the junior section rated the film "a dead draw, 5/10". For the non-players: 8/10.', 8),
    ('My cousin called it "messy, loud, 4/10". I disagree: 7/10.', 7),
    ("Dana deemed it \u201cbloated, tired, a 3 out of 5\u201d; four stars from me.", 4),
    ('I rated it "a solid, steady 8/10" on the night.', 8),
])
def test_only_the_critics_own_rating(text: str, value: float | str) -> None:
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value", "scale"), [
    # a key to the column's stars is no rating, and its top mark is the scale of the stars below it
    (("Ratings: \u2605\u2605\u2605\u2605 excellent \u00b7 \u2605\u2605\u2605 good \u00b7 \u2605\u2605 fair \u00b7 "
     "\u2605 poor.\n\nBallerina \u2605\u2605\u00bd\n"), 2.5, 4),
    (("Key: \u2605\u2605\u2605\u2605\u2605 = masterpiece, \u2605\u2605\u2605\u2605 = great, \u2605\u2605\u2605 = fine\n"
     "Ballerina \u2605\u2605\u2605\u00bd"), 3.5, 5),
    ("Our stars: \u2605\u2605\u2605 must-see / \u2605\u2605 worth it / \u2605 skip it\n\nParabellum \u2605\u2605", 2, 3),
])
def test_star_key_sets_the_scale(text: str, value: float, scale: int) -> None:
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize("text", [
    "About 90% of the film is action.", "**Dir.** Chad Stahelski", "Plan A. It failed.",
    "My brother gives it 9/10.",
    "Rated R for violence.", "\u2022 Ballerina / 2025", "a one on one fight", "It opened on 10 screens, 5 on 10 weekdays.",
    "I give it a rest.", "Give it a 2nd chance.", "Give it a 100 minutes and you are hooked.",
    "My brother would give it a 10 but he is fifteen.", "Everyone online rates it a solid nine.",
    "The audience gave it a strong eight.",
    "4.6 out of 5 stars 2,104 global ratings", "Customers: 3.9/5 from 120 votes",
    "Score: 4 of 5 people walked out.", "I rate it one of ten films I love.", "Chapter 4 of 5 is the best.",
    # a place in a sequence, a count, a relative's score
    "It ranks 3/4 in the franchise for me.", "Scene 4/5 is the best.", "I saw it 3 out of 4 nights.",
    "My dad: 9/10", "Our co-host - 6/10",
    # a counter of slides, pages or parts
    "Slide 9/10", "Page 2/5 of the thread", "Part 1/3: the plot",
    # a count of something given that is no score
    "We give it two thumbs up.", "I'd give it two hours of my life, no more.", "Give it ten minutes.",
    # a take that is no grade, and shapes that are no meter
    "Our take: A sequel nobody asked for.", "My take \u2014 A lot of fun.", "\u25cf Cast", "\u25a0\u25a0\u25a0",
    "\u25cb\u25cb\u25cb",
])
def test_more_non_ratings(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("score: bumped from 7/10 to 8/10", 8, 10),
    ("My rating went from 3/5 to 4/5 on the rewatch.", 4, 5),
    ("Was 6/10, now 8/10.", 8, 10),
    ("I moved it from three stars to four stars.", 4, 5),
    ("Changelog: rating 2/5 \u2192 3/5", 3, 5),
])
def test_a_revised_score_is_the_last_one(text: str, value: float, scale: int) -> None:
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize(("text", "value"), [
    ("Puzzle: Difficulty \u2605\u2605\u2605\u2606\u2606. The film itself, since somebody asks: 4/5", 4),
    ("Soundtrack 2/5 on its own.\nThe movie: 4/5", 4),
    ("Stunt team 10/10, catering 3/5 (I was an extra). The film, all told: 3.5/5", 3.5),
])
def test_a_label_naming_the_film_is_the_critics_score(text: str, value: float) -> None:
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize("text", [
    'Mr G. Pryce said that he would give it "ten out of ten, no question".',
    'Jules says "7/10 for the outfits alone".',
    "My brother gave it \u2018four stars\u2019 and went to bed.",
])
def test_a_score_quoted_from_someone_else_is_theirs(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize(("text", "value"), [
    ("Committee marks: DA 2/5, JP 4/5, TH 5/5.\nSecretary's own mark, entered at the Chair's request: 3 out of 5.", 3),
    ("Panel: 6/10, 7/10. The critic's own score: 9/10.", 9),
    ("Readers gave it 3/5 on average; my own rating: 4/5.", 4),
])
def test_an_own_mark_is_the_critics(text: str, value: float) -> None:
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("SECTION A. SCORES  (1 = poor ... 5 = excellent)\n  Originality ........ 2\n  OVERALL ............ 3\n-----", 3, 5),
    ("Marks (1-10)\nStunts: 9\nStory: 6\nTotal: 8\n", 8, 10),
    ("On a scale of 1 to 5:\nfights 5\nplot 2\nVerdict - 4\n", 4, 5),
])
def test_a_scorecards_overall_mark_takes_its_keys_scale(text: str, value: float, scale: int) -> None:
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize(("text", "value"), [
    ("First watch: 7/10, too long.\n\nLots of words here about the rewatch.\nNow: 8.5/10", 8.5),
    ("Back in 2019 I gave it 6/10.\nToday: 9/10.", 9),
    ("My first take, years ago, 3/5.\nAfter the rewatch - 4/5", 4),
    ("Rating: 8.5/10\n\nUPDATE (Nov 2024): Rewatched it; I was underselling it. Revised score: 9/10. Sorry.", 9),
    ("Verdict: B. Update: the corrected grade: A-.", "A-"),
    ("My score: 3/5.\n\nEdit, a week later.\nUpdated rating: 4/5 after a second look.", 4),
    ("Rated 3/5 at first.\nEDIT: 4/5 now that I rewatched it.", 4),
    ("My score: 3 stars.\nEDIT 2: bumped it. 3.5 stars now", 3.5),
    ("I said 6/10 in May. Honestly 7/10 now.", 7),
])
def test_the_score_as_it_stands_now_is_the_critics(text: str, value: float | str) -> None:
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize("text", [
    '\u2605\u2605\u2605\u2605\u2605 "The reissue of the year" \u2014 WAX & NEEDLE MONTHLY',
    '"A blast from start to finish" \u2605\u2605\u2605\u2605 \u2013 Empire',
    '5/5 "Instant classic" -- Total Film',
])
def test_a_pull_quotes_stars_are_the_sources(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize(("text", "value"), [
    ('\u2605\u2605\u2605\u2605\u2605 "The reissue of the year" \u2014 WAX & NEEDLE\n\nMy verdict: 4/5', 4),
    ("Rating: \u2605\u2605\u2605\u2605\u2606 - a must see", 4),
    ("\u2605\u2605\u2605 \u2014 worth it for the stairs", 3),
])
def test_a_dash_after_my_own_stars_is_no_pull_quote(text: str, value: float) -> None:
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value", "scale"), [
    # an aside between the giving verb and the grade
    ("I award it, with reservations, a B-minus.", "B-", "letter"),
    ("It earns, grudgingly, a B\u2013.", "B-", "letter"),
    ("We give it, all things considered, an A.", "A", "letter"),
    # a grade spelled out after its label
    ("Grade, for the record: B minus.", "B-", "letter"),
    ("You asked for a grade. C plus.", "C+", "letter"),
    ("Verdict? Grade: A minus", "A-", "letter"),
    # per cent in words after a mark or score label
    ("My mark: 72 per cent.", 72, 100),
    ("Our mark - 65 percent", 65, 100),
    ("Score: 88 per cent, rounded up.", 88, 100),
    # "on a scale of ten" says the scale however the number is introduced
    ("If forced to quantify my admiration, I would say eight on a scale of ten.", 8, 10),
    ("Seven on a scale of one to ten, then.", 7, 10),
    ("Call it four on a scale of 1 to 5.", 4, 5),
])
def test_ratings_in_essay_prose(text: str, value: float | str, scale: int | str) -> None:
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize("text", [
    "About 90 per cent of the film is action.", "The film is 90 percent fight.",
    "It earns, in the end, a place in history.", "He gets, at last, a D-day landing.",
    "Mark Dacascos is 90 per cent of the fun.",
])
def test_essay_prose_that_is_no_rating(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("I would grade it a B-minus.", "B-", "letter"),
    ("I rate it a C.", "C", "letter"),
    ("We grade it an A, gladly.", "A", "letter"),
    ("four Guineas in a possible five", 4, 5),
    ("seven points out of a possible ten", 7, 10),
    ("Final assessment: four stars of a possible five.", 4, 5),
])
def test_a_grade_given_and_a_mark_of_a_possible_top(text: str, value: float | str, scale: int | str) -> None:
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


# whose score it is, and what is no score: each group a phenomenon, in wordings written for it
WHOSE = [
    # a persona signs the review: its label is the critic's own, over a score quoted earlier
    (("The applicants' expert declaration scores the invention 10/10. The examiner disagrees.\n\n"
      "Examiner's rating: 88/100\n"), 88, 100),
    ("- PORT CLERK ENTERED 6/10 — OVERRULED.\nINSPECTOR'S RATING: 8/10 — PASSED\n", 8, 10),
    ("The form book makes it 9/10; the tipster is calmer.\nThe tipster's verdict: 3 out of 4\n", 3, 4),
    # a score the sentence gives as his, hers or theirs is not the critic's
    ("my brother texted me his score halfway through, 9/10, he's wrong. for me it's 3.5/5.", 3.5, 5),
    ("Her rating, a generous 8/10, is not mine. I give it 6/10.", 6, 10),
    ("They posted their verdict: 2/5. Mine is 4/5.", 4, 5),
    # a named person's or a relation's label is not the critic's
    ("I give it 8/10.\nMy brother's rating: 6/10\n", 8, 10),
    ("I give it 8/10.\nDana's rating: 6/10\n", 8, 10),
    ("I give it 8/10.\nMy wife's score: 5/10\n", 8, 10),
    # Markdown's bold marks around a label are not stars
    ("**Version rating (maintainer of this changelog):** 88/100 — recommended", 88, 100),
    ("**Score:** 7/10", 7, 10),
    ("**Grade:** B+", "B+", "letter"),
    ("*Verdict:* **A-**", "A-", "letter"),
    # stars in asterisks after a bold label still are
    ("**Rating:** ****", 4, 5),
    ("Rating: ***½", 3.5, 5),
    ("My rating: *** out of 4", 3, 4),
    # a score someone else said to the critic is theirs
    ('The man beside me told me afterwards it was "a 10/10, no notes". I have notes.\n\nThree stars out of four.',
     3, 4),
    ("My neighbour assured us it was 9/10. It is a 6/10.", 6, 10),
    ("She texted me that it was a solid 8/10; for me, 7/10.", 7, 10),
    # the critic telling someone else is the critic's own
    ("I told him it was a 7/10 and left it there.", 7, 10),
    # someone else grading some thing: "scored the venue 6 out of 10"
    ("The groom's cousin scored the venue 6 out of 10 on the feedback card. Nine out of ten.", 9, 10),
    ("My uncle rated the popcorn 3/5. I rate the film 4/5.", 4, 5),
    ("The kids graded the soundtrack a B. Grade: A-", "A-", "letter"),
    # a post quoted in a thread is its poster's; the thread's own last word carries its counter
    ('10/12 it looks great\n\n    QT @FilmBroDan: "all middle, no ending. 5/10"\n\n12/12 final verdict: Parabellum is a 9/10.',
     9, 10),
    ("@sam_w: 6/10 at best\nme: 8/10", 8, 10),
    ("RT @critic_jo: a solid 7/10\n3/3 verdict: 4/5 from me", 4, 5),
    # someone else's score said with a copula and "at"; the critic's own "I was at" stays the critic's
    ("The Metro Review's Felix Haddad was sterner at 5/10, calling it long. My verdict: B", "B", "letter"),
    ("The Times came in at 3/5. I give it 4/5.", 4, 5),
    ("Her paper landed at 2 out of 5. I say 4 out of 5.", 4, 5),
    ("I was at 7/10 until the ending, and there I stay.", 7, 10),
    # someone else's revised score does not outrank the critic's
    ("Rating: 7/10. My friend's new score: 9/10.", 7, 10),
    ("Score: 6/10. The new Bond film? A revised 8/10 from most critics.", 6, 10),
    ("Grade: B+. Her updated grade: A.", "B+", "letter"),
    # a lone star opening a label's line is a badge, not one star (under a score label it is one)
    ("\u2605 TOP REVIEW\nGreat fun.\nMy score: 4/5", 4, 5),
    ("\u2605 Staff pick\nIt was fine. 7/10", 7, 10),
    ("\u2605 Featured\nVerdict: B+", "B+", "letter"),
    ("Verdict:\n\u2605 Awful.", 1, 5),
]


@pytest.mark.parametrize(("text", "value", "scale"), WHOSE)
def test_whose_rating_it_is(text: str, value: float | str, scale: int | str) -> None:
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize(("text", "value"), [
    ("Readers gave it 6/10.\nREADER'S OVERALL SCORE: 8/10", 8),
    ("Audiences: 9/10.\nCRITIC'S VERDICT: 7 out of 10", 7),
    ("Fans rate it 95%.\nThe reviewer's own score: 4/5", 4),
])
def test_a_personas_label_is_the_critics_own(text: str, value: float) -> None:
    """A label held by a persona ("READER'S", a script reader's coverage) is the critic's, though readers, critics or
    fans elsewhere give scores of their own."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("Overall rating: 4 (scale 0\u20134).", 4, 4),
    ("Rating: 3 (on a scale of 1 to 5), no more.", 3, 5),
    ("It gets a 4 (scale of 0 to 5) from me.", 4, 5),
    ("Score: 8 (scale 1-10).", 8, 10),
])
def test_a_scale_in_brackets_sets_the_scale(text: str, value: float, scale: int) -> None:
    """A score's scale said in brackets after it ("4 (scale 0-4)") is its scale, not the default of ten."""
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("Fine film. \u25cf\u25cf\u25cf\u25cf\u25d0 (4.5)", 4.5, 5),
    ("Overall \u25cf\u25cf\u25cf\u25d0\u25cb", 3.5, 5),
    ("\u25cf\u25cf\u25cf\u25cf\u25cf 5 of 5 bubbles", 5, 5),
])
def test_a_meter_with_a_half_shape_or_its_count_said(text: str, value: float, scale: int) -> None:
    """A meter of filled shapes may end on a half one ("\u25cf\u25cf\u25cf\u25cf\u25d0"), or be all filled when its count is said."""
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize("text", [
    "\u25cf\u25cf\u25cf\u25cf\u25cf",  # five bullets, no count said: a rule of the page
    "\u25cf\u25cf\u25cf 5 of 5",  # three shapes are no five
    "\u25cf Keanu Reeves is John Wick",
])
def test_filled_shapes_alone_are_no_meter(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("Acting 4/5, story 3/5, stunts 5/5.\nTotal: 12/15 marks.", 12, 15),
    ("RUBRIC SCORE (panel guidance, maximum 30): 27/30", 27, 30),
    ("Points awarded: 42 out of 50.", 42, 50),
    ("My mark: 61/75, a solid pass.", 61, 75),
])
def test_a_labelled_total_on_a_scale_of_its_own(text: str, value: float, scale: int) -> None:
    """A rubric's or a form's total on a scale of its own is a score when a label gives it ("Total: 12/15")."""
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize("text", [
    "We saw it on 12/15 and again on 12/22.",  # dates
    "Seats sold: 12/15 rows were full.",  # no score's label
    "Chapter 12/15 of my notes is about the dogs.",
])
def test_a_fraction_on_an_odd_scale_needs_a_score_label(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize("text", [
    "The film earns four of the five stars in my sky.",
    "It gets three of the five stars, no more.",
    "Two of the five stars of the film are great.",
])
def test_the_scales_stars_after_another_number_are_no_full_marks(text: str) -> None:
    """ "Four of the five stars" does not give five stars (nor, unlabelled, four: the stars may be players)."""
    rating = find_rating(text)
    assert rating is None or rating.value != 5


@pytest.mark.parametrize(("text", "value"), [
    (("Commissioner's write-up by Priya Ramaswamy\n\nGood.\n\nCommissioner's projection for the season: 9 out of 10. "
      "Marco projects 6/10, which is why Marco never wins."), 9),
    ("My score: 8/10. Dev predicts 5/10 for it.", 8),
    ("I say 8/10; Ana reckons 6/10.", 8),
    ("Four stars from me. My brother guessed 2/5, as ever.", 4),
])
def test_a_score_someone_foresees_or_guesses_is_theirs(text: str, value: float) -> None:
    """A score after someone's verb of foreseeing or guessing ("Marco projects 6/10") is theirs, not the critic's."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("Out of ten, the film earns an eight.", 8, 10),
    ("Of five, it gets a four, and I mean it.", 4, 5),
    ("Out of four, this sequel gets a three.", 3, 4),
])
def test_a_fronted_scale_before_a_verb_of_getting(text: str, value: float, scale: int) -> None:
    """The scale fronted before the work gets, earns or scores its value ("Out of ten, the film earns an eight")."""
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize("text", [
    "Of ten friends, it takes two to lift him.",
    "Out of ten, two people left early.",
    "Of five sequels, it gets the best fight.",
])
def test_a_fronted_count_is_no_scale(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize(("text", "film", "value"), [
    ("Chapter 2 scores 8.2 out of 10.", "John Wick: Chapter 2", 8.2),
    ("Parabellum lands at a solid 8/10.", "John Wick: Chapter 3 \u2013 Parabellum", 8),
    ("Ballerina comes in at 6 out of 10, a shade under the others.", "Ballerina", 6),
])
def test_a_work_named_as_the_subject_of_its_place_on_the_scale(text: str, film: str, value: float) -> None:
    """A work named by its title scores, lands or comes in at the writer's value, as "it" does; a person doing so
    ("Dana comes in at 6") gives their own."""
    ratings = [c for c in extract(text, film).to_json()["claims"] if c["type"] == "rating"]
    assert [r["value"] for r in ratings] == [value]


@pytest.mark.parametrize("text", [
    "Dana comes in at 6 out of 10.",
    "Parabellum scores 8/10 with my sister.",
    "It scored 4/5 with audiences, less with me.",
])
def test_a_person_placing_it_or_a_score_with_someone_is_theirs(text: str) -> None:
    ratings = [c for c in extract(text, "John Wick: Chapter 3 \u2013 Parabellum").to_json()["claims"]
               if c["type"] == "rating"]
    assert ratings == []


@pytest.mark.parametrize(("text", "value"), [
    ("On the Wick-o-meter it scores 8 out of 10.", 8),
    ("By my count it lands at 7/10.", 7),
    ("On balance, and on my scale, it scores 6/10.", 6),
])
def test_a_fronted_phrase_of_measure_before_the_work_placed(text: str, value: float) -> None:
    """A fronted phrase of the writer's measure ("On the Wick-o-meter") before "it scores" keeps the score theirs
    (not someone's count: "By Dana's count it scores 6/10")."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value
    assert find_rating("By Dana's count it scores 6/10.") is None


@pytest.mark.parametrize(("text", "value"), [
    (("46\n00:02:31,166 --> 00:02:33,596\n[ON SCREEN: FINAL SCORE \u2013 8.5/10]\n\n"
     "47\n00:02:33,676 --> 00:02:35,686\nThe first one got 7/10."), 8.5),
    ("CAPTION: Final verdict: 4/5\nThe first film got 3/5 back then.", 4),
    ("[GRAPHIC] FINAL RATING - 7/10\nThe sequel, for the record, was a 6/10.", 7),
])
def test_a_final_score_a_video_shows_is_its_last_word(text: str, value: float) -> None:
    """A final score behind a video's tag of what it shows ("[ON SCREEN: FINAL SCORE - 8.5/10]") is the video's own
    last word, as "Final score:" alone is: a score said after it of another work does not replace it."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("Table grades B, A-, B+, A, so call it an A- overall; mine stays B+.", "B+"),
    ("Dev went A; mine remains a B-.", "B-"),
    ("The panel settled on a C. Mine stays B+, whatever they say.", "B+"),
])
def test_the_writers_grade_that_stays_beside_the_others(text: str, value: str) -> None:
    """"Mine stays B+", "mine remains a B-": the writer's own grade, held beside the table's or another's."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value", "scale"), [
    (("Flight / Vol : AL 871  YUL \u2192 CDG        Seat / Si\u00e8ge : 27C\nName / Nom : M. Okafor\n"
     "Score / Note : \u2605\u2605\u2605\u2605\u00bd  (4.5 / 5)\nComments / Commentaires : good"), 4.5, 5),
    ("Flight / Vol : BA 12        Seat / Si\u00e8ge : 3A\nRating / Note : \u2605\u2605\u2605\u00bd (3.5 / 5)", 3.5, 5),
    ("Gate / Porte : 22        Row / Rang : 14\nScore / Note : \u2605\u2605 (2 / 5)\nDog / Chien : yes", 2, 5),
])
def test_a_bilingual_cards_labels_are_no_glossary(text: str, value: float, scale: int) -> None:
    """A bilingual card's "Score / Note :" is a label in two languages, not a headword with its pronunciation between
    slashes: the stars after it are the score."""
    claims = [c for c in extract(text, "John Wick").to_json()["claims"] if c["type"] == "rating"]
    assert [(c["value"], c["scale"]) for c in claims] == [(value, scale)]


@pytest.mark.parametrize(("text", "value"), [
    ("Ballerina is fine: 4/5, though Chapter 2 was a 5/5 for me.", 4),
    ("Parabellum is a 9/10 in my book; Ballerina gets 6/10.", 6),
    ("For the record, John Wick: Chapter 4 scored 8 out of 10 from me last year. This one: 7 out of 10.", 7),
    ("Chapter 4 sits at 4 stars for me, and this one at 3 stars.", 3),
])
def test_another_work_as_the_subject_of_its_score_is_not_the_reviewed_work(text: str, value: float) -> None:
    """Another work of the series named as the subject of its score ("Chapter 2 was a 5/5 for me") is scored on the
    way to the reviewed work's own: its score is not the review's rating."""
    ratings = [c for c in extract(text, "Ballerina").to_json()["claims"] if c["type"] == "rating"]
    assert [r["value"] for r in ratings] == [value]


def test_the_reviewed_work_as_the_subject_of_its_score_keeps_it() -> None:
    ratings = [c for c in extract("Chapter 2 was a 5/5 for me.", "John Wick: Chapter 2").to_json()["claims"]
               if c["type"] == "rating"]
    assert [r["value"] for r in ratings] == [5]


@pytest.mark.parametrize(("text", "grade"), [
    ("Report card: B+. Could try harder in the desert.", "B+"),
    ("End-of-term report card: A-", "A-"),
    ("REPORT CARD \u2014 C+ (must concentrate)", "C+"),
])
def test_a_report_cards_grade_is_the_critics(text: str, grade: str) -> None:
    """A school's report card labels the grade the writer gives the work, as "Grade:" does."""
    rating = find_rating(text)
    assert rating is not None and rating.value == grade


@pytest.mark.parametrize(("text", "value"), [
    ("My own grade for the movie: A-.\n\n=====\nFINAL GRADE (assignment): B+ / 88\nGood work. - A.N.", "A-"),
    ("Loved it: 9/10.\n\nEssay grade: C+", 9),
    ("Four stars from me.\n\nHomework mark: 7/10", 4),
])
def test_a_grade_for_the_students_work_is_not_the_films(text: str, value: float | str) -> None:
    """A teacher's grade for the student's work ("FINAL GRADE (assignment): B+", "Essay grade: C+") grades something
    else than the film, as a hotel's or a popcorn's score does."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("SCHEDULE 2 \u2013 VERDICT\n\nThe Viewer awards the Film FOUR (4) stars out of a possible FIVE (5).", 4),
    ("Clause 9. The Viewer scores the Picture 8 out of 10.", 8),
    ("In witness whereof, the Viewer gives the Film 3/5.", 3),
])
def test_the_viewer_of_a_mock_contract_is_the_writer(text: str, value: float) -> None:
    """A mock contract's viewer, the party who signs it, is the writer: "The Viewer awards the Film ..." is the
    critic's own score, as "the Reviewer awards" is (not the viewer's relation: "The viewer's wife gives it 3/10")."""
    rating = find_rating(plain_forms(text))
    assert rating is not None and rating.value == value
    assert find_rating("The viewer's wife gives it 3/10.") is None


@pytest.mark.parametrize("text", [
    "No score from us tonight. For the record, 64% of you voted it the best film of the lot.",
    "Score: 80% of readers loved it, and so did I.",
    "My score? Let's see: 70% of respondents said yes.",
])
def test_a_percentage_of_the_people_asked_is_no_score(text: str) -> None:
    """A share of the people asked ("64% of you voted it the best", "80% of readers") is a proportion, not a score,
    after a score's label too (not the writer's own "My score: 80%")."""
    assert find_rating(text) is None
    rating = find_rating("My score: 80%.")
    assert rating is not None and rating.value == 80


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("Ballerina is fine. Marks out of ten? Seven.", 7, 10),
    ("Ballerina is fine. How many stars? Four.", 4, 5),
    ("Ballerina is fine. Out of five? Three and a half.", 3.5, 5),
    ("Would I watch it again? Yes. What would I give it? A seven.", 7, 10),
    ("On a scale of one to ten? An eight.", 8, 10),
])
def test_the_writers_own_question_of_the_score_answered_by_a_value(text: str, value: float, scale: int) -> None:
    """The writer asks the score and answers with the value alone ("Marks out of ten? Seven."): the question's scale,
    or five for stars, or ten."""
    rating = find_rating(text)
    assert rating is not None and (rating.value, rating.scale) == (value, scale)


@pytest.mark.parametrize("text", [
    "How many kills? 84.",
    "Out of ten people? Three left early.",
    "How many points does Eve score? 84 kills.",
])
def test_a_question_of_a_count_answered_is_no_score(text: str) -> None:
    assert find_rating(text) is None


@pytest.mark.parametrize("text", [
    "I asked Dana: out of ten? Nine, she said.",
    "Nine out of ten, says Dana.",
    "I give it a nine, he reckons, but he has not seen it.",
    "Seven out of ten, says my brother.",
])
def test_a_score_a_speech_tag_after_it_gives_to_someone_is_theirs(text: str) -> None:
    """A score told by a tag of someone's saying after it ("Nine, she said.", ", says my brother") is theirs (not the
    writer's own: "Seven out of ten, says I")."""
    assert find_rating(text) is None
    rating = find_rating("Seven out of ten, says I.")
    assert rating is not None and rating.value == 7


@pytest.mark.parametrize(("text", "value"), [
    ("Card: Dev (me). Also playing: Priya, Owen.\n\nPriya's grade: A.\nDev's grade: B+.", "B+"),
    ("Players: Keisha (host), Lou, me (Ren)\n\nLou's score: 2 out of 5\nRen's score: 4 out of 5", 4),
    ('Presented by your host, Maureen "Mo" Kettle\n\nThe Snug gives it 10/10.\nMo\'s mark: 8 out of 10.', 8),
    ("Semi-final results, read out by Bev Okonjo\n\nLars's mark: C.\nBev's mark: B+", "B+"),
])
def test_a_label_with_the_name_the_text_marks_as_the_writers_is_theirs(text: str, value: float | str) -> None:
    """A score labelled with the name the text gives its writer is the critic's own: the name marked "(me)" ("Card:
    Dev (me)", "me (Ren)"), or the presenter's in the heading, nickname too ("Presented by your host, Maureen "Mo"
    Kettle", "read out by Bev Okonjo")."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value"), [
    (("Show notes by Teddy Lindqvist\n\n| Who | Score |\n|---|---|\n| Teddy (me) | 4.5 / 5 |\n| Omar | 5 / 5 |\n"
     "| Lucia (guest) | 4 / 5 |"), 4.5),
    ("Notes by Ana Ruiz\n\n| Ana | 8/10 |\n| Ben | 6/10 |", 8),
    ("Review by Jo Park\n\n| Sam (host) | 3 / 5 |\n| Jo (writing) | 4 / 5 |\n| Kit | 2 / 5 |", 4),
])
def test_a_tables_row_named_for_the_writer_holds_their_score(text: str, value: float) -> None:
    """Show notes that tabulate every host's score: the row named for the writer the byline gives, maybe with an
    aside after the name ("| Teddy (me) | 4.5 / 5 |"), holds the critic's own."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("Bev's own mark (not the jury's, and definitely not Lars's): B+", "B+"),
    ("Final mark (after a rewatch): B", "B"),
    ("My own grade (for the film itself, not the snacks): A-", "A-"),
])
def test_a_grades_label_with_an_aside_before_its_colon(text: str, value: str) -> None:
    """A grade's label may carry an aside in brackets before its colon ("Bev's own mark (not the jury's): B+")."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value


@pytest.mark.parametrize(("text", "value"), [
    (("Voices: Mar Okafor & Dev Banerjee\nTyped up from the memo by Dev Banerjee\n\n[00:00:05] Dev: Take two.\n"
     "[00:00:13] Mar: Go on then.\n[01:56:02] Dev: I'm going four and a half out of five.\n"
     "[01:56:06] Mar: Four stars."), 4.5),
    ("Present: Ana, Ben\nNotes by Ben\n\nAna: Ready?\nBen: Ready.\nBen: Seven out of ten for me.\nAna: Nine out of ten.",
     7),
    ("Recorded: Sat 3 May\nTranscript by Kit\n\nKit: Rolling.\nJo: Hi.\nKit: I say 3/5.\nJo: 5/5, easy.", 3),
])
def test_a_labelled_line_over_a_transcripts_turns_is_no_speaker(text: str, value: float) -> None:
    """A labelled line over a transcript's turns ("Voices: ...", "Present: ...", "Recorded: ...") is no speaker's
    turn: the byline under it still names the author, whose score is the critic's own."""
    rating = find_rating(text)
    assert rating is not None and rating.value == value
