"""The critic's own rating in a review: "My score: 7 of 10 points", not "my sister gives it 6/10".

A review's rating keeps its own scale (``scale`` 5, 10, 100 or ``"letter"``) and gets a ``normalized`` value in
0..1 (the forms and scales are :mod:`wickgraph.extract.scales`). :func:`find_rating` returns the critic's own
rating: a labelled own score first, else the first one in the text that is not a score for something else
(picture, sound, extras, an age classification such as "MPA Rating: R") nor someone else's.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from .casing import lowering_is_exact
from .counters import is_counter, thread_counters
from .layout_words import SCREEN_TEXT
from .quotations import CRITIC_AND_OUTLET
from .scales import (
    APPRAISAL,
    NEEDS,
    PATTERNS,
    TITLE,
    normalize,
    number,
    parse_number,
    reading,
    scan,
)
from .scoreholders import (
    OWN_LABEL,
    SOMEONE,
    attributed,
    bracketed_holder,
    bylined,
    given_by_another_after,
    given_in_first_person,
    guests_own_label,
    in_own_frame,
    named_holder,
    persona_label,
    quoted_from_another,
    someones_line,
)
from .speakers import in_authors_turns, is_transcript
from .textscan import Keywords, line_around

__all__ = ["RatingMatch", "find_rating"]

# Scores that belong to something other than the film, or age classifications.
_OTHER_LABEL = re.compile(
    r"(?<!\bthe )(?<!\bthis )\b(?:picture|video|sound|audio|extras|special features|bonus|transfer|presentation|image|"
    r"mpa|mpaa|bbfc|age rating|parental|"
    # a parents' guide's content scale: "Violence: 5/5", "Language - 3/5", "Scariness: 4/5"
    r"violence|language|sex|sexual content|nudity|drugs|drinking|smoking|gore|scariness|scary|frightening|"
    r"consumerism|positive messages|role models|profanity|swearing|"
    # what a catalogue, a guidebook or a night out rates besides the film: "Condition: 8/10", "Popcorn: 2/5"
    # (a label's words, not a clause: "assigns the Picture a score of 8/10", "awards the Picture 7/10" are the film's)
    # (the label's words stay in its sentence: "... breach of hotel regulations. Grade: B+" grades the film)
    # (or what a teacher grades, the student's own work: "FINAL GRADE (assignment): B+")
    r"condition|popcorn|snacks|seats|food|drinks|service|venue|hotel|rooms?|"
    r"assignment|essay|homework|coursework|dissertation|thesis|bibliography)\b(?:(?!\b(?:a|an|of)\b)[^\n:.!?]){0,20}"
    r"[:\-–]?\s*$"
    # a place in a sequence, not a score: "Scene 4/5", "Night 2/3", "It ranks 3/4 in the franchise"
    r"|\b(?:scene|episode|night|part|chapter|round|rank|ranks|ranked|ranking|number)\s*$"
    # someone the critic knows, as a label: "My wife: 6/10", "Her brother - 7/10"
    r"|\b(?:my|our|his|her|their)\s+(?:\w+\s+)?(?:wife|husband|partner|friend|friends|son|daughter|sister|brother|"
    r"mum|mom|dad|father|mother|kid|kids|girlfriend|boyfriend|colleague|editor|co-?host|flatmate|roommate)"
    # ... or as the holder of a score: "My brother's rating: 6/10", "My brother's grade for the film is an A"
    r"(?:(?:['\u2019]s?\s+(?:\w+\s+)?(?:score|rating|verdict|grade|mark|vote|take))?\s*[:\-–]\s*|['\u2019]s?\s+)$"
    # a statistic of several people's scores, as its label calls it: "League average (Lou abstaining): 9.2/10", "Room
    # average: 7.9/10" (not a group's own verdict: "Panel score: 7/10", "Club verdict: B")
    r"|\b(?:average|mean|median|aggregate)(?:\s+(?:score|rating|grade|mark))?(?:\s*\([^()\n]{0,60}\))?\s*[:\-–]\s*$"
    # the reader's result, as a game or a quiz gives it: "Your score is 35 of 100", "Your final total: 8/10"
    r"|\byour\s+(?:final\s+)?(?:score|total|result|tally|points)\b[^\n.!?]{0,12}$|\byou\s+(?:scored|got)\s+$"
    # a quotation's signature, a name after a dash opening the line: "— Jane Roe, The Daily Planet: 4/5"
    r"|^[ \t]*(?:[\u2014\u2013]|--?)[ \t]*(?!(?:me|myself|yours\s+truly)\b)"
    r"(?-i:[A-Z])[\w'\u2019.-]*(?:[ \t]+(?-i:[A-Z])[\w'\u2019.-]*){0,3}[ \t]*[,(]",
    re.IGNORECASE,
)

@dataclass(frozen=True)
class RatingMatch:
    """A rating found in a review: its value, scale, normalised value and evidence span."""

    value: float | str
    scale: int | str
    normalized: float | None
    start: int
    end: int


# "4.8 out of 5 stars   3,412 ratings", "★★★★½ Rated 4.5 by 67 readers": a count of ratings after the value (the average
# between them) makes it an average; not a paragraph below, the review's votes ("203 people found this helpful")
_COUNT_AFTER = re.compile(r"(?:[ \t(|\u00b7,\u2605\u2606\u00bd-]|\n(?![ \t]*\n))*"
                          r"(?:(?:rated\s+)?\d{1,2}(?:[.,]\d{1,2})?\s+)?(?:(?:from|based\s+on|across|by)\s+)?"
                          r"\d[\d,.]*\s*k?\s+(?:(?:global|customer|user|reader|viewer|audience)s?\s+)?"
                          r"(?:ratings?|reviews?|votes?|readers|users|viewers|members|people)\b", re.IGNORECASE)
_LINE_END = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:\n|\Z)")  # (after an aside: "★ (my favourite)")

# The score as it stands after a rewatch: "First watch: 7/10 ... Now: 8.5/10" (it outranks the critic's earlier one),
# or updated ("Update: the corrected grade:"), or final on a video's screen ("[ON SCREEN: FINAL SCORE - 8.5/10]")
_NOW_LABEL = re.compile(rf"^\W*(?:(?:update|edit|{SCREEN_TEXT.pattern})\s*[:\-\u2013\]]\s*)?(?:the\s+|my\s+)?"
                        r"(?:now|today|these\s+days|after\s+(?:the\s+|a\s+)?rewatch|"
                        # "Revised score: 9/10", "New rating -": the label of the score as amended
                        r"(?:updated|revised|new|amended|adjusted|corrected)(?:\s+(?:score|rating|verdict|grade|mark))?|"
                        # "FINAL VERDICT (locked, Sat 14:02):": the last word outranks a score given on the way
                        r"final\s+(?:\w+\s+)?(?:verdict|score|rating|grade|mark)\s*(?:\([^()\n]{0,40}\))?|"
                        r"on\s+(?:the\s+)?rewatch|"
                        # the real film's score after one given in character or to an imagined version: "Grade for
                        # the actual movie:", "My real rating:", "The real film:", "The Chapter 2 we got:"
                        r"(?:(?:actual|real)\s+(?:film|movie|thing)|[\w' -]{1,30}?\s+we\s+(?:actually\s+)?got|"
                        r"(?:actual|real)\s+(?:score|rating|grade|mark|verdict)|(?:score|rating|grade|mark|verdict)"
                        r"\s+(?:for|of)\s+the\s+(?:actual|real)\s+(?:film|movie|thing))(?:\s+for\s+the\s+(?:film|movie))?)"
                        r"\s*[:\-\u2013]\s*$", re.IGNORECASE)
# ... or said after it: "3.5 stars now", "4/5 now that I rewatched it" (not "now playing")
_NOW_AFTER = re.compile(r"[ \t]+now\b(?![ \t]+(?:playing|showing|streaming|on|in|available|out)\b)", re.IGNORECASE)
# a score said again in its place: "7.5/10 ... wait no, 8.5/10", "actually, make that an 8", "on second thought: 4/5"
_REVISION_BEFORE = re.compile(r"\b(?:wait|hang\s+on|hold\s+on|actually|scratch\s+that|strike\s+that|correction|"
                              r"on\s+second\s+thoughts?|on\s+reflection|make\s+(?:that|it))"
                              r"(?:[\s,.:;!\u2014\u2013-]+(?:no|nah|actually|make\s+(?:that|it)|it['\u2019]?s|an?))*"
                              r"[\s,.:;!\u2014\u2013-]*\Z", re.IGNORECASE)
# ... the score alone, ending its clause ("wait no, 8/10, the finale ..."; not "actually, 6/10 is what he gave it")
_RESTATED_ALONE = re.compile(r"(?:[ \t]+(?:from|for)[ \t]+me\b|[ \t]+now\b)?[ \t]*(?:[.,;:!)\u2014\u2013\n]|\Z)")
_BADGE_AFTER = re.compile(r"[ \t]+(?-i:[A-Z])")
_KICKER = r"[ \t]*(?-i:[A-Z][A-Z'\u2019&!-]*)(?:[ \t]+(?-i:[A-Z][A-Z'\u2019&!-]*)){0,5}[ \t]*"
_KICKER_BETWEEN_STARS = re.compile(_KICKER + "\u2605")
_KICKER_BEFORE_STAR = re.compile("\u2605" + _KICKER + r"\Z")
# the critic placing the film on a scale: "I place it at 9 of 10", "I should put it at 85 per cent", "we'd peg it at"
_PLACE_IT = (r"(?:i|we)(?:['\u2019]d|\s+would|\s+should|\s+shall|\s+will|['\u2019]ll)?\s+(?:\w+ly\s+)?"
             r"(?:put|place|set|peg|pitch|rank)\s+(?:it|this(?:\s+one)?|the\s+(?:whole\s+)?(?:thing|film|movie|lot))\s+at")
_GIVEN_OR_LABELLED = re.compile(rf"\b(?:give|gives|gave|giving|award|awards|awarded|awarding|rate|rates|rated|rating|"
                                rf"score|verdict|grade|mark|note|"
                                # a learner's "put" for the mark given, the work as "him" or "her" (French "je lui
                                # mets", Spanish "le pongo"): "I put him an eight on ten"
                                rf"(?:put|puts|putting)\s+(?:it|him|her|this)\s+(?!on\b|in\b|at\b|to\b)|"
                                rf"{APPRAISAL}|"
                                # the labels of a review in Spanish, Italian or German mixed in: "Nota:", "Voto:"
                                r"nota|puntuaci[o\u00f3]n|calificaci[o\u00f3]n|voto|valutazione|bewertung|wertung|"
                                r"vote|(?:stars|points|marks)(?=\s*:)|"
                                # a label naming the whole, or the film as what is scored: "Overall: 4 of 5",
                                # "Overall, as a film: 4.5 of 5", "As a film: 3 of 5"
                                r"overall(?=[^\n:]{0,20}:)|(?:as|for)\s+(?:a|the)\s+(?:film|movie)(?=\s*:)|"
                                r"for\s+me(?:\s+(?:it\s+)?is)?|"
                                # the critic's verdict said: "I say seven of ten", "call it 4 of 5", "I make it 7 of 10"
                                r"(?:i|we)(?:['\u2019]d|\s+would|['\u2019]m|\s+am)?\s+(?:say|saying|reckon|make\s+it|"
                                r"go\s+with|going\s+with)|call\s+it|"
                                # the critic placing the film on the scale: "I place it at 9 of 10"
                                rf"{_PLACE_IT})\b"
                                # (then no sentence's end; a leader's dots are none: "My score ..... 9 of 10")
                                r"(?:[^.!?\n]|(?>[ \t]*(?:[.\u00b7_]{3,}|\u2026+)[ \t]*)){0,30}$", re.IGNORECASE)
_MINE = r"(?:from|for)[ \t]+(?:me|us)\b"
_FROM_ME = re.compile(rf"[ \t]+{_MINE}", re.IGNORECASE)  # ... or after it: "Seven of ten from me"
# ... or said to be the critic's own after it: "four of five I'll give this film", "8/10 is my score"
_OWN_AFTER = re.compile(r"[ \t]+(?:(?:is|was)[ \t]+(?:my|our)[ \t]+(?:[\w-]+[ \t]+)?"
                        rf"(?:mark|grade|score|verdict|rating)\b|{_MINE}"
                        r"|(?:i|we)(?:['\u2019](?:ll|d)|[ \t]+will|[ \t]+would)?[ \t]+give\b)", re.IGNORECASE)
# "Overall: 82%", "Overall assessment: 82 per cent", "Final assessment: 78%", not "overall, 90% of"
_OVERALL_LABEL = re.compile(rf"\b(?:overall|final)(?:\s+(?:{APPRAISAL}|mark|impression))?\s*[:\u2014\u2013-]\s*$",
                            re.IGNORECASE)
_SCORE_LABEL = re.compile(r"\b(?:verdict|score|rating|grade|(?:my|our|the)\s+(?:mark|vote))\b"
                          # the critic placing themselves on the scale: "Rotten Tomatoes has it at 94%. I'm at 80%."
                          r"|\b(?:i['\u2019]m|i\s+am|we['\u2019]re|we\s+are|i\s+land)\s+at\s+$"
                          rf"|\b{_PLACE_IT}\s+$"
                          # a chat's command to its bot: "!rate 82%", "/score 7"
                          r"|(?<![^\s])[!/](?:rate|score|grade)\s+$",
                          re.IGNORECASE)

# a percentage given to the work, or earned by it: "I'm giving Parabellum 94 percent", "the Defendant has earned 72%"
_GIVES_THE_WORK = re.compile(rf"\b(?:(?:give|gives|giving|gave|award|awards|awarding|awarded)\s+(?:it|this(?:\s+one)?|"
                             rf"{TITLE})|(?:earns|earned|has\s+earned|deserves))\s+(?:a\s+(?:solid\s+)?)?$")
# the scale said before a bare score: "Out of five, I give it four", "On the journal's five-point scale I award it a 4"
_FRONTED_SCALE = re.compile(r"\b(?:out\s+of\s+(?P<top>five|ten|four|a\s+hundred|5|10|4|100)\s*,|"
                            r"on\s+(?:an?|the|my|our|this|its)\s+(?:[\w'\u2019]+['\u2019]s?\s+)?"
                            r"(?P<points>five|ten|four|hundred|5|10|4|100)[- ]point\s+scale\b)[^.!?\n]*\Z",
                            re.IGNORECASE)

# a post quoted in a thread: 'QT @FilmBroDan: "all middle, no ending. 5/10"', "@sam_w: 6/10 at best"
_QUOTED_POST = re.compile(r"^\W*(?:QT|RT|quote[- ]?(?:tweet|post)(?:ed)?)?\W*@\w+\s*:")


# (a heading of scores too, and a gerund's label: "If I'm grading the movie itself: B+")
_GRADE_NEAR = re.compile(r"\b(?:grad(?:es?|ing)|scor(?:es?|ing)|ratings?|verdicts?)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]")
_DATED_TITLE_BEFORE = re.compile(r"\(\s*(?:19|20)\d\d\s*\)[ \t]*\Z")
_ARTICLE = re.compile(r"(?-i:A)\s+(?!(?:plus|minus)\b)(?-i:[a-z])")  # (not "A minus!")


# A key to a column's star marks: three star runs or more on one line, each with its word
_LEGEND = re.compile(r"^[^\n\u2605]{0,40}(?:\u2605+[ \t]*(?:[=:\u2013-][ \t]*)?"
                     r"[A-Za-z][\w'-]*(?:[ \t]+[A-Za-z][\w'-]*){0,2}[ \t,;:\u00b7|/.-]*){3,}[^\n]*$", re.MULTILINE)
_STAR_RUN = re.compile(r"\u2605+")


# A pull quote on a sleeve or a poster, whose stars are the outlet's: '★★★★★ "The reissue of the year" — WAX & NEEDLE'
_QUOTE_THEN_SOURCE = re.compile(r"[ \t]*[\"\u201c\u2018'][^\"\u201d\n]{1,120}[\"\u201d\u2019'][ \t]*"
                                r"[\u2014\u2013-]{1,2}[ \t]*\w")
_SOURCE_AFTER = re.compile(r"[ \t]*[\u2014\u2013-]{1,2}[ \t]*(?-i:[A-Z])")
# ... or the critic and outlet right after the stars, the quotation before them or blanked as someone else's
_CRITIC_AFTER = re.compile(rf"(?![ \t]*By\b){CRITIC_AND_OUTLET}")
_QUOTE_BEFORE = re.compile(r"[\"\u201d\u2019'][ \t]*\Z")


def _pull_quote(text: str, before: str, end: int) -> bool:
    """Whether the rating ending at ``end`` stands in a pull quote attributed to a source after a dash, or after the
    quotation with its critic and outlet ('"..." ★★★★ Lyle Abend, Screenbound')."""
    quoted = _QUOTE_BEFORE.search(before) is not None
    return _QUOTE_THEN_SOURCE.match(text, end) is not None \
        or (quoted and _SOURCE_AFTER.match(text, end) is not None) \
        or ((quoted or not before.strip()) and _CRITIC_AFTER.match(text, end) is not None)


# a score used as an adjective of a part of the film, not of the film: "a 10/10 location", "9/10 fight scene"
# a rating verb whose object, or a "gets" whose subject, is not the film: "I'd rate the popcorn 2/5", "The hotel gets
# five stars from us", "the dogs get a 10/10"
# (and what a review written as another kind of document calls the work: "I award this manuscript a 4", "the
# Court awards the Defendant 7/10", "the applicant scores 8/10")
_FILM_NOUN = (r"(?:film|movie|picture|pic|flick|sequel|prequel|chapter|instal?lment|entry|thing|one|show|series|"
              r"episode|feature|production|title|work|manuscript|submission|paper|defendant|patient|applicant|"
              r"candidate|lot)")
_SOMETHING_ELSE_RATED = re.compile(
    rf"\b(?:rate|rates|rated|rating|give|gives|gave|giving|score|scores|scored|award|awards|awarded)\s+"
    rf"(?:the|my|our|this|that|its)\s+(?!{_FILM_NOUN}\b)(?-i:[a-z])[\w-]*\s+(?:an?\s+)?$"
    rf"|\b(?:the|my|our|its)\s+(?!{_FILM_NOUN}\b)(?-i:[a-z])[\w-]*(?:\s+(?:below|above|here|itself|too))?"
    r"\s+(?:gets?|got|earns?|earned|deserve[sd]?)\s+(?:an?\s+)?$",
    re.IGNORECASE)
# the scale itself, said as a legend says it: "All ratings out of five stars", "rated on a scale of ten"
_SCALE_BEFORE = re.compile(r"\b(?:out\s+of|scale\s+of|scale\s+from\s+\w+\s+to)\s+\Z", re.IGNORECASE)
# a score the critic would have given, not the one they give: "I'd have called it a four-star film", "it could have
# been a 9/10" (not "I would have to give it 4/5")
_COUNTERFACTUAL_BEFORE = re.compile(r"\b(?:(?:would|could|might|should)(?:n['\u2019]t)?(?:\s+have|['\u2019]ve)"
                                    r"|[a-z]['\u2019]d\s+have)\b(?!\s+to\b)[^.!?;]*\Z", re.IGNORECASE)
# a percentage of likelihood, not a score: "(95% CI 4.1-4.8)", "95% confidence", "a 90% chance"
_LIKELIHOOD = re.compile(r"[ \t]*(?:CI\b|C\.I\.|confiden|chance|probab|likel|certain|sure)", re.IGNORECASE)
# a mark taken off, not a score: "Minus one star because the middle drags", "docked half a star", "one star off for"
_DEDUCTION_BEFORE = re.compile(r"\b(?:minus|docked?|docking|deduct(?:s|ed|ing)?|los(?:e|es|ing)|lost|knock(?:s|ed)?"
                               r"(?:\s+off)?|tak(?:e|es|ing)\s+off|took\s+off|subtract(?:s|ed)?)\s+(?:a\s+|an\s+)?\Z",
                               re.IGNORECASE)
_DEDUCTION_AFTER = re.compile(r"[ \t]+(?:off|away|deducted|docked|taken\s+(?:off|away))\b", re.IGNORECASE)
# a fraction of something, not a score: "4/5 of the runtime is action", "64% of you voted it the best"
_PROPORTION_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the|its|his|her|their|my|our|this|that|all|every|you|us|them|those"
                               r"|people|readers|viewers|voters|respondents|listeners|fans)\b"
                               # ... or a quantity in its unit: "1/4 in of width", "3/4 cup" (not "in my book")
                               r"|[ \t]*(?:in(?=[ \t]+(?:of|wide|long|thick|deep|high|tall|across)\b|[.)])|inch(?:es)?|"
                               r"cm|mm|ft|feet|foot|yds?|yards?|miles?|km|cups?|tsp|tbsp|oz|lbs?|kg|ml|litres?|liters?|"
                               r"teaspoons?|tablespoons?|pints?)\b", re.IGNORECASE)
# a part rated, not the film: "10/10 from me for that final scene", "zero stars as a person", "4/5 action scenes"
_PART_AFTER = re.compile(r"[ \t]+(?:(?:from[ \t]+me[ \t]+)?for[ \t]+(?:that|the|this|his|her|"
                         r"its)[ \t]+(?:[a-z-]+[ \t]+)?(?:scene|fight|performance|turn|sequence|moment|speech|finale|"
                         r"ending|story|script|action|music)\b|as[ \t]+an?[ \t]+(?:person|human(?:[ \t]+being)?|"
                         r"man|woman|character|villain|boss|dad|father|brother)\b|(?:[a-z-]+[ \t]+)?(?:locations?|"
                         r"scenes?|fights?|set[ -]?pieces?|soundtrack|music|plot|villains?|performances?|cast|action|"
                         r"cinematography|choreography|stunts?|ending|opening|sequences?|script|dialogue|acting|"
                         r"visuals|costumes?|design|dogs?|sets?|editing|shots?|chases?|climax|finale|characters?|bits?|"
                         r"moments?|gags?|jokes?|lines?|cameos?|speech(?:es)?)\b)", re.IGNORECASE)


def find_rating(text: str, titles: Collection[tuple[int, int]] = ()) -> RatingMatch | None:
    """The critic's own rating: a labelled own score ("My score: 7 of 10 points") first, else the first rating
    that is neither labelled as a score of something else nor given by someone else ("my sister gives it 6/10");
    ``titles`` are the spans where the text names a work ("Parabellum lands at 8/10" is the work's score)."""
    found: list[tuple[int, RatingMatch]] = []
    now: list[RatingMatch] = []  # scores labelled as they stand after a rewatch
    revisions: list[RatingMatch] = []  # scores said again in place of one before
    lower = text.lower()
    exact = lowering_is_exact(text, lower)
    keywords = Keywords(lower)
    legend = _LEGEND.search(text) if "\u2605" in text else None  # "★★★★ excellent · ★★★ good · ★★ fair"
    counters = thread_counters(text) if "/" in text else frozenset()
    for kind, pattern, twin in PATTERNS:
        for match in scan(pattern, twin, text, keywords, exact, NEEDS[kind]):
            if legend is not None and legend.start() <= match.start() < legend.end():
                continue  # the key to the stars, not a rating
            line_start = line_around(text, match.start(), 300)[0]
            before = text[line_start:match.start()]
            # a bare number's match holds its giving verb: who gives it is read before the number itself
            given_at = match.start()
            if kind == "given_bare":
                given_at = match.start("value")
            elif kind == "letter" and SOMEONE.search(_clause(before) if _WORD.search(_clause(before))
                                                     else before[max(map(before.rfind, (". ", "! ", "? "))) + 1:]):
                # "The jury awards this one a B+": its subject is the giver (before an aside too: "Tamsin, who never
                # met a sequel she didn't love, gives it an A-")
                given_at = match.start("grade")
            # "READER'S OVERALL SCORE:", a reader's own (a letter's match holds its label: "graded by the author:")
            labelled_by = text[line_start:match.start("grade") if kind == "letter" else match.start()]
            persona = persona_label(text, labelled_by)
            if (_OTHER_LABEL.search(before) and not persona) or _QUOTED_POST.match(before) \
                    or bracketed_holder(labelled_by) is False \
                    or (not persona and attributed(text, given_at, titles)) \
                    or named_holder(text, before + match.group()) \
                    or _COUNT_AFTER.match(text, match.end()) \
                    or _pull_quote(text, before, match.end()) or _PART_AFTER.match(text, match.end()) \
                    or _SOMETHING_ELSE_RATED.search(before) or (kind == "out_of" and _PROPORTION_AFTER.match(
                        text, match.end())) \
                    or quoted_from_another(text, before, match.end()) or _SCALE_BEFORE.search(before) \
                    or given_by_another_after(text, match.end()) \
                    or _DEDUCTION_BEFORE.search(before) or _DEDUCTION_AFTER.match(text, match.end()) \
                    or _COUNTERFACTUAL_BEFORE.search(_clause(before)):
                continue
            if kind == "percent" and ((not _SCORE_LABEL.search(before) and not _OVERALL_LABEL.search(before)
                                       and not _GIVES_THE_WORK.search(before)
                                       and not given_in_first_person(_clause(before), before, lambda: False))
                                      or _LIKELIHOOD.match(text, match.end())
                                      or _PROPORTION_AFTER.match(text, match.end())):
                # "90% of the film", a score's "(95% CI 4.1-4.8)" are no ratings ("I'm gonna say 85 percent" is)
                continue
            if kind == "on_scale" and not _GIVEN_OR_LABELLED.search(before) and "scale" not in match.group().lower() \
                    and not _FROM_ME.match(text, match.end()) and not _OWN_AFTER.match(text, match.end()):
                continue  # "one on one", "5 on 10 screens" are no ratings
            if kind == "letter_alone" and ((not _GRADE_NEAR.search(text, max(0, match.start() - 80), match.start())
                                            and not match.group().lower().endswith(("plus", "minus")))
                                           or _ARTICLE.match(text, match.start())):
                # "A." alone is a grade only soon after the word "grade" (a sentence of a grade with its sign spelt out
                # is one anywhere: "The mirror maze at the end. A-minus."); "A sequel" is an article
                continue
            labelled_above = not before.strip() and _SCORE_LABEL.search(_previous_line(text, line_start))
            if kind == "stars_ascii" and "*" in match.group() and not (match.group("scale") or labelled_above or
                    _SCORE_LABEL.search(before) or _DATED_TITLE_BEFORE.search(before)):
                continue  # "**Dir.**" is Markdown, not two stars, unless labelled ("⭐⭐⭐" is stars anywhere)
            if kind == "out_of" and is_counter(text, match.start(), counters):
                continue  # "Slide 9/10", a numbered thread's "3/11": counters, not scores
            if kind == "out_of" and re.search(r"\d/$", text[max(0, match.start() - 3):match.start()]):
                continue  # a date such as 12/5/10
            if kind == "stars_glyph" and match.group() == "\u2605" and not before.strip() \
                    and _BADGE_AFTER.match(text, match.end()) \
                    and not _SCORE_LABEL.search(_previous_line(text, line_start)):
                continue  # "★ TOP REVIEW", "★ Staff pick": a badge that opens its line, not one star
            if kind == "stars_glyph" and not match.group().strip("\u2605 \t") and (
                    _KICKER_BETWEEN_STARS.match(text, match.end()) or _KICKER_BEFORE_STAR.search(before)):
                # "No. 12 ★ RETURNING PLAYER ★", "★ ★ ★  THE MAIN EVENT  ★ ★ ★": a kicker set between two stars or
                # two runs of them, not a rating
                continue
            if kind == "stars_glyph" and match.group() == "\u2605" and _LINE_END.match(text, match.end()) \
                    and re.search(r"\w", before) and not _SCORE_LABEL.search(before):
                continue  # "• Casablanca w/ the dogs ★": a star that marks a note or a list item, not one star
            parsed = reading(kind, match)
            if parsed is None:
                continue
            value, scale = parsed
            fronted = _FRONTED_SCALE.search(text, max(0, match.start() - 80), match.start()) \
                if kind == "given_bare" else None
            top = parse_number(fronted["top"] or fronted["points"]) if fronted is not None else None
            if top and isinstance(value, float | int) and value <= top:
                scale = int(top)  # "Out of five, I give it four"
            if legend is not None and kind == "stars_glyph" and not match.group("empty") and not match.group("scale"):
                scale = max(len(run) for run in _STAR_RUN.findall(legend.group()))  # the key's top mark
            start, end = _evidence_span(text, match, line_start)
            shown = value if isinstance(value, str) else number(value)
            rating = RatingMatch(shown, scale, normalize(value, scale), start, end)
            if _NOW_LABEL.search(before) or _NOW_LABEL.search(_clause(before)) or _NOW_AFTER.match(text, match.end()):
                now.append(rating)
            elif _REVISION_BEFORE.search(text, max(line_start, match.start() - 40), match.start()) \
                    and _RESTATED_ALONE.match(text, match.end()):
                revisions.append(rating)
            # (a guest's own label on the line they open with their name is theirs, outside a transcript, whose
            # turns are told apart elsewhere: a subtitle's "- SAM: Okay, my score. I'm going nine out of ten.")
            # (a match may hold its own label: "My personal rating: 4.5 stars out of 5")
            label_line = text[line_start:match.start("grade")] if kind == "letter" else before + match.group()
            labelled = ((OWN_LABEL.search(before) is not None or OWN_LABEL.search(_clause(before)) is not None
                         or OWN_LABEL.search(label_line) is not None)
                        and not (guests_own_label(label_line) and not is_transcript(text))) \
                or (OWN_LABEL.search(_previous_line(text, line_start)) is not None and not someones_line(before)) \
                or persona or (kind == "letter" and _FROM_ME.search(match.group()) is not None) \
                or (_OWN_AFTER.match(text, match.end()) is not None and not someones_line(before))
            # how surely the critic's own: labelled as such (3; 4 in the first person, over a form's own row:
            # "My own grade, as a critic: B+" after "Overall rating: 3"; 5 a show's official verdict, over its host's
            # own beside it) outranks given in the first person (2; the writer's own frame too: "For me, it is a
            # B-plus"), which a transcript's other speakers do too (1: "TONY: I give it a seven")
            if labelled:
                own = 5 if _OFFICIAL.search(before) else 4 if _FIRST_PERSON_LABEL.search(before) else 3
            elif given_in_first_person(_clause(before), before, lambda: is_transcript(text)) or in_own_frame(before):
                own = 1 if someones_line(before) else 2
            else:
                own = 0
            found.append((own, rating))
    keyed = _keyed_overall(text)
    if keyed is not None:  # the key's scale, not a bare number's default of ten, reads the overall mark
        found = [(own, r) for own, r in found if r.end <= keyed.start or r.start >= keyed.end] + [(3, keyed)]
    if not found:
        return None
    found = _hosts_own(text, _without_revised(text, _longest_readings(found)))
    mine = bylined(text, [rating.start for _, rating in found])
    if mine is not None:  # show notes: the score on the line labelled with the author's name
        found = [(True, rating) for (_, rating), own in zip(found, mine, strict=True) if own]
    now += [r for r in revisions if any(other.start < r.start for _, other in found)]
    if now:
        return max(now, key=lambda r: r.start)
    # the critic's own, labelled or given in the first person, first; else the last score: a review closes on its
    # verdict, after the sub-scores, the quoted and the others' scores it reports on the way
    surest = max(own for own, _ in found)
    if surest:
        return min((r for own, r in found if own == surest), key=lambda r: (r.start, -(r.end - r.start)))
    return max((r for _, r in found), key=lambda r: (r.start, r.end - r.start))


_OFFICIAL = re.compile(r"\bofficial\b[^.!?\n]{0,40}\Z", re.IGNORECASE)
# a label in the first person: "My own grade, as a critic:", "my verdict on the film:"
_FIRST_PERSON_LABEL = re.compile(r"\b(?:my|our)(?:\s+[\w'\u2019-]+){0,3}?\s+(?:verdict|score|rating|grade|mark|vote)\b",
                                 re.IGNORECASE)


def _hosts_own(text: str, found: list[tuple[int, RatingMatch]]) -> list[tuple[int, RatingMatch]]:
    """In a transcript or a chat, the scores its author gives, when the author gives any
    (:func:`wickgraph.extract.speakers.in_authors_turns`): the others' scores are theirs ("DEV: A-minus" before
    "MARISA: eight and a half out of ten")."""
    if len(found) < 2:
        return found
    mine = in_authors_turns(text, [rating.start for _, rating in found])
    authors = [pair for pair, own in zip(found, mine or [], strict=False) if own]
    return authors or found


# A numeric key to a scorecard's marks ("SCORES (1 = poor ... 5 = excellent)", "rated 1-10", "on a scale of 1 to 5")
_SCALE_KEY = re.compile(r"\b1\s*=\s*[A-Za-z][^\n]{0,40}?\b(?P<top>5|10)\s*=|\(\s*1\s*[-\u2013/]\s*(?P<top2>5|10)\s*\)|"
                        r"\bscale\s+of\s+1\s+to\s+(?P<top3>5|10)\b", re.IGNORECASE)
# ... and the scorecard's overall mark, a bare number on a line of its own ("OVERALL ............ 3")
_OVERALL_ROW = re.compile(r"^[ \t*_#>-]*(?:overall|total|final\s+(?:score|mark)|verdict)\b[ \t.:_=\u2013\u2014-]*"
                          r"(?P<value>\d{1,2}(?:[.,]\d)?)[ \t*_]*$", re.IGNORECASE | re.MULTILINE)


def _keyed_overall(text: str) -> RatingMatch | None:
    """The overall mark of a scorecard whose marks are bare numbers under a numeric key: the key gives the scale."""
    if "1" not in text:
        return None
    key = _SCALE_KEY.search(text)
    row = _OVERALL_ROW.search(text, key.end()) if key is not None else None
    if key is None or row is None:
        return None
    scale = int(key.group("top") or key.group("top2") or key.group("top3"))
    value = parse_number(row.group("value"))
    if value is None or value > scale:
        return None
    return RatingMatch(number(value), scale, normalize(value, scale), row.start() + len(row.group()) -
                       len(row.group().lstrip(" \t*_#>-")), row.end("value"))


def _longest_readings(found: list[tuple[int, RatingMatch]]) -> list[tuple[int, RatingMatch]]:
    """"Grade: B plus" is one rating, not also the "B" inside it, and "give it 4 🍿 out of 5" not also "give it 4":
    of overlapping readings the longest stays, with the others' label. One sweep in text order, so a review with
    thousands of ratings (a long page on one line) is read in linear time."""
    kept: list[tuple[int, RatingMatch]] = []
    for own, rating in sorted(found, key=lambda item: (item[1].start, item[1].end)):
        if kept and rating.start < kept[-1][1].end:  # overlaps the reading before it
            was_own, before = kept[-1]
            longer = rating if (rating.end - rating.start, rating.end) > (before.end - before.start, before.end) \
                else before
            kept[-1] = (own or was_own, longer)
        else:
            kept.append((own, rating))
    return kept


# "bumped from 7/10 to 8/10", "went from 3/5 to 4/5", "was 6/10, now 8/10": a score revised, the last one stands
_REVISED_FROM = re.compile(r"\b(?:from|was)\s*$", re.IGNORECASE)
_REVISED_TO = re.compile(r"\s*(?:to|\u2192|->|=>|,?\s*(?:and\s+)?now(?:\s+(?:it['\u2019]s|a|an))?)\s*$", re.IGNORECASE)


def _without_revised(text: str, found: list[tuple[int, RatingMatch]]) -> list[tuple[int, RatingMatch]]:
    """The ratings but those revised into the next one; the revised one's label goes to the new one."""
    kept: list[tuple[int, RatingMatch]] = []
    for index, (own, rating) in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None and following[1].start - rating.end <= 12 \
                and _REVISED_TO.match(text, rating.end, following[1].start) \
                and _REVISED_FROM.search(text, max(0, rating.start - 12), rating.start):
            found[index + 1] = (own or following[0], following[1])
            continue
        kept.append((own, rating))
    return kept


def _clause(before: str) -> str:
    """The clause of a line before a rating: "Stunts: 10/10. Story: 5/10. Overall: " -> "Overall: ", and a segment
    of a scorecard line: "Action 10/10 · Story 6/10 · Overall " -> "Overall "."""
    return before[max(before.rfind(". "), before.rfind("; "), before.rfind(", "), before.rfind("\u00b7"),
                      before.rfind("| "), before.rfind("\u2022")) + 1:]


def _previous_line(text: str, line_start: int) -> str:
    """The last non-empty line before ``line_start`` ("## Score" above a line of stars)."""
    window = text[max(0, line_start - 400):line_start]  # bounded: a review may be one long line
    return next((line for line in reversed(window.splitlines()[-3:]) if line.strip()), "")


_LABEL = re.compile(r"(?:my\s+|our\s+)?(?:(?:own|critic's|official|final)\s+)?"
                    r"(?:rating|rated|score|verdict|grade|note|vote|mark|film|overall|the film|movie)"
                    r"\s*[:\-–]\s*(?:[★⭐]\s*)?$",
                    re.IGNORECASE)
_DECORATION = re.compile(r"[★⭐]\s*$")  # "★ 7/10": a star glyph set before a number


def _evidence_span(text: str, match: re.Match[str], line_start: int) -> tuple[int, int]:
    """The match, widened to a label such as "Rating:" or "MY VERDICT:" right before it on its line."""
    start, end = match.start(), match.end()
    before = text[line_start:start]
    label = _LABEL.search(before) or _DECORATION.search(before)
    if label:
        start = line_start + label.start()
    return start, end
