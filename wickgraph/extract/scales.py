"""Rating forms and scales: "3.5 out of 5 stars", "8.5/10", "★★★½", "B-plus", "three stars out of five", "●●●○○".

Each form is a pattern with a cheap pre-check (:data:`NEEDS`) and a lower-case twin; :func:`reading` turns a match
into its value and scale, and :func:`normalize` puts any rating on 0..1. Which rating is the critic's own is
:mod:`wickgraph.extract.ratings`'s business.
"""

from __future__ import annotations

import re

from .. import regexcache
from . import casing
from .casing import lowercase_twin
from .textscan import Keywords

__all__ = ["APPRAISAL", "LETTER_GRADES", "NEEDS", "PATTERNS", "TITLE", "letter_grade", "normalize", "number",
           "parse_number", "reading", "scan"]

# A+ .. F on an even 13-step scale, so neighbouring grades are equally far apart.
_GRADE_ORDER = ["F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"]
LETTER_GRADES: dict[str, float] = {g: round(i / (len(_GRADE_ORDER) - 1), 4) for i, g in enumerate(_GRADE_ORDER)}

_WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                 "a hundred": 100, "one hundred": 100, "hundred": 100, "thirty": 30, "forty": 40, "fifty": 50,
                 "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# a score out of a hundred in words: "sixty-five", "ninety two" (the tens first, so that "five" is not read alone)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# a decimal said aloud: "eight point five"
_SPOKEN_DECIMAL = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)\s+point\s+"
                   r"(?:zero|one|two|three|four|five|six|seven|eight|nine)\b")
_NUM = (rf"(?:\d{{1,3}}(?:[.,]\d{{1,2}})?|{_SPOKEN_DECIMAL}|(?:a|one)\s+hundred|"
        rf"{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|zero|one|two|three|four|fourteen|five|"
        r"fifteen|six|sixteen|"
        r"seven|seventeen|eight|eighteen|nine|nineteen|ten|eleven|twelve|thirteen)")
# the top of a scale of the text's own, twelve to two hundred but the common ones ("/15", "/30", "out of 50")
_OWN_TOP = r"(?!(?:20|100)\b)(?:1[2-9]|[2-9]\d|1\d\d|200)"
# The scales a rating is given on: "/20" is the French school scale
_SCALE = r"(?P<scale>5|10|20|100|4|five|ten|twenty|four|(?:a\s+|one\s+)?hundred)"


def _any_top(name: str) -> str:
    """A named scale's top mark, three to twelve, as the group ``name``."""
    # (not a count: "out of nine floors")
    return rf"(?P<{name}>[3-9]|1[0-2]|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?![ \t]+[a-z]{{3,}}s\b)"


# a half after a value: "3½", "3 1/2", "3.5", "three and a half", "three-and-a-half"
# what a number counts when it is no score: "4 out of 5 people", "7 of 10 reviews", "3 on 5 nights"
_COUNTED = ("nights|people|films|movies|times|reviews|critics|chapters|episodes|parts|minutes|hours|days|years|"
            "scenes|pages")
# a learner's "7 and half" too, and a translated review's half: "7 e mezzo", "4 et demi", "7 y medio", "4 und ein halb"
_HALF_SOURCE = (r"\s*(?:½|1/2|\.5)|[\s-]+and[\s-]+(?:a[\s-]+)?half"
                r"|\s+(?:e\s+mezzo|et\s+demi|y\s+medio|e\s+meio|und\s+ein\s*halb|en\s+een\s+half)")
_HALF_AFTER = re.compile(_HALF_SOURCE, re.IGNORECASE)
_HALF = rf"(?:{_HALF_SOURCE})?"

# A meter drawn in filled and hollow shapes, "●●●○○": the filled ones out of all of them.
_METER_FULL = ("\u25cf", "\u25a0", "\u25c6", "\u2b24", "\u25b0", "\u25fc")
_METER_EMPTY = "\u25cb\u25a1\u25c7\u25ef\u25b1\u25fb"

# A cheap pre-check per pattern: one of these must be in the lower-cased text.
NEEDS = {"stars_glyph": ("★",), "stars_ascii": ("**", "*/", "✦", "✪", "✭", "⭐"),
          "ticked": ("[x]", "\u2612", "\u2611", "\u2705", "\u2713]", "\u2714]"),
          "percent": ("%", "per cent", "percent", "pct"),
          "points": ("points", "possible", "stars", "marks"), "hundred_points": ("point",),
          "out_of": ("/", "out of", "outta"), "stars": ("star",),
          "glyph_count": ("/", "out of"),
          "on_scale": (" on ", " of ", " from ", " over ", " sur ", " sobre ", " su ", " von ", " de ", " op ", " av ",
                       " af ", " in the "),
          "star_number": ("\u2605", "\u2b50"), "named_scale": ("scale",),
          "given_bare": ("give", "gave", "giving", "rate", "rating", "award", "verdict", "score", "grade", "from me",
                         "deserve", "put", "for me", "vote", "note", "call", "going", "grant", "accord", "bestow",
                         "earn", "get", "merit", "receive", "take", "win", "out of", "how many", "scale of", "what "),
          "labelled_total": ("/", "out of"),
          "labelled_scale": ("out of", "/", "-10)", "-5)", "-100)", "- 10)", "\u201310)", "to 10)", "(1-", "(1\u2013",
                             "(1 =", "(0 =", "(1=", "(0="),
          "letter": ("grade", "rat", "verdict", "score", "report card", "evaluation", "assessment", "appraisal",
                     "judgment", "judgement", "valuation", "overall", "consensus", "going", "give", "gave", "giving",
                     "gets", "earns", "award", "solid", "get a", "earn a", "take", "mark", "film", "movie", " at a",
                     "grant", "accord", "bestow", "final", "saying", "pick", "d say", "gonna say", "call it", "mine",
                     " is a", "'s a", "\u2019s a", "remains a", "stays a", "last word", "bottom line", "two cents",
                     "upshot", "summing up", "in short"),
          "meter": _METER_FULL,
          "letter_alone": ("grade", "+", "-", "\u2212", "\u2013", "plus", "minus"),  # (the word may head the section)
          "letter_suffix": ("from me", "for me", "overall", "it is", "it's", "here", " my ", " our ", "give")}

# Nouns of appraising, as a verdict's label in more formal or translated English: "MY EVALUATION: 4 of 5",
# "Editorial assessment: B+"
APPRAISAL = r"evaluation|assessment|appraisal|judge?ment|valuation"
# a work named by its title, as a giving verb's object: "I'm giving John Wick: Chapter 2 a B-plus"
TITLE = r"(?-i:[A-Z])[\w'\u2019]*(?:[ \t]*[:\u2013\u2014-]?[ \t]+(?:(?-i:[A-Z])[\w'\u2019]*|\d{1,2})){0,7}"
# a card's five-point scale of words, and the value each word stands for; a box ticked before one of them
_TICKED_SCALE = {"excellent": 5, "very good": 4, "good": 3, "fair": 2, "poor": 1}
_SCALE_WORDS = "|".join(word.replace(" ", r"[ \t]+") for word in _TICKED_SCALE)  # ("very good" before "good")
_TICKED_BOX = r"(?:\[[xX\u2713\u2714]\]|[\u2612\u2611\u2705])"
_SOURCES: list[tuple[str, re.Pattern[str]]] = [
    # "★★★½☆", "★★½ out of four", "★★★½ (out of four)"; a lone star before a number ("★ 7/10") is decoration
    # (not a star standing for the noun: "World-building \u2192 \u2605 of the show")
    # (spaced, as typed: "★ ★ ★ ★ ☆", "★ ★ ★ ★ ◐")
    # (not a number's star, "5★ CUSTOMER SERVICE", "a 4★ hotel": the number counts the stars, no one star)
    ("stars_glyph", re.compile(r"(?<![\d.])(?P<full>★(?:[ \t]?★)*)(?P<half>[ \t]?(?:½|⯪|◐))?(?P<empty>(?:[ \t]?☆)*)"
                               r"(?!\s*\d|[ \t]+of[ \t]+(?:the|this)\b)"
                               r"(?:\s*\(?\s*(?:/|out\s+of|of)\s*(?P<scale>5|4|10|five|four|ten)\b\)?)?",
                               re.IGNORECASE)),
    # (or with a half shape, as a site's bubbles show a half point: "\u25cf\u25cf\u25cf\u25cf\u25d0"; or all filled,
    # when the count is said after it: "\u25cf\u25cf\u25cf\u25cf\u25cf 5 of 5 bubbles")
    ("meter", re.compile(rf"(?P<full>([{''.join(_METER_FULL)}])\2{{0,9}})"
                         rf"(?:(?P<half>[\u25d0\u25d1])?(?P<empty>([{_METER_EMPTY}])\5{{0,9}})"
                         r"|(?P<half_only>[\u25d0\u25d1])"
                         r"|(?=[ \t]*\(?(?P<said>[1-9]|10)(?:[.,]0)?"
                         r"(?:\)|[ \t]+(?:of|out[ \t]+of)[ \t]+(?:4|5|10)\b)))")),
    # "🔫🔫🔫🔫 / 5", "♥♥♥ out of 5": one symbol repeated, counted against a stated scale (not a redaction's bar of
    # blocks: "DISTRIBUTION: ████ / ████")
    ("glyph_count", re.compile(r"(?P<full>([^\w\s/.,;:!?()\[\]\"'*★☆½\-\u2580-\u259f])(?:\ufe0f?\2){0,9})\ufe0f?"
                               r"(?P<half>½)?"
                               r"\s*(?:/|out\s+of)\s*(?:(?P<scale>5|4|10)\b|(?P<scale_glyphs>\2(?:\ufe0f?\2){0,9})\ufe0f?)",
                               re.IGNORECASE)),
    # "I give it a 7", "Verdict: a strong eight": a bare number after a giving verb or a score label is out of ten
    ("given_bare", re.compile(
        rf"(?:\b(?:give|gives|giving|gave|rate|rates|rating|award|awards|awarding|grant|grants|granted|accord|"
        rf"bestow)\s+(?:upon\s+)?(?:it|this(?:\s+one)?+|"
        # (what the review's form calls the work: "I award this manuscript a 4", "we give the submission a 7")
        rf"(?:the|this)\s+(?:film|movie|show|game|sequel|picture|manuscript|submission|paper|entry|case|patient))\s+|"
        rf"\b(?:put|puts|putting)\s+(?:it|this(?:\s+one)?)\s+at\s+|"
        # a learner's "vote" or "note" for a score (Italian "voto", French "note"): "My vote: 8", "Note: 7 and half"
        rf"\b(?:verdict|score|rating|grade|(?:my\s+|final\s+)?vote|(?:my\s+|final\s+)?note)\s*[:?\-\u2013\u2014]\s*|"
        # the critic's verdict said: "Let's call it a 7", "I'm going 8", "I'm going with a seven"
        # (the score alone in its clause: not "call it a 2-hour nap", "going with 2 friends")
        rf"(?:\b(?:call|calling)\s+it\s+(?=an?\s)|\b(?:i['\u2019]m|i\s+am)\s+going\s+(?:with\s+)?)"
        rf"(?=(?:an?\s+)?[\w.]+(?:\s*[.,;:!?)\u2014\u2013]|\s*$|\s+(?:from|for)\s+me\b))|"
        rf"\b(?:it|this(?:\s+one)?)\s+deserves\s+|"
        # the scale fronted, then a verb of getting: "Of ten, this errand earns an eight", "Out of five, it gets 4"
        rf"\b(?:out\s+)?of\s+(?P<ftop>five|ten|four|a\s+hundred|5|10|4|100)\s*,\s*(?:[^,.;:!?\n]{{0,40}}?\s)?"
        rf"(?:gets|earns|scores|merits|receives|deserves|takes|wins)\s+|"
        rf"\b(?:it|this(?:\s+one)?)\s+(?:gets|earns|scores|deserves)\s+(?=(?:an?\s+)?[\w.]+\s+from\s+me\b)|"
        # "This one's a 9 for me", "It is an 8 for me"
        rf"\b(?:it|this(?:\s+one)?)(?:['\u2019]s|\s+is)\s+(?=an?\s+[\w.]+\s+(?:for|from)\s+me\b)|"
        # the writer's own question of the score, answered by the value alone: "Marks out of ten? Seven.", "How many
        # stars? Four.", "What would I give it? A seven.", "On a scale of one to ten? An eight."
        rf"(?:\b(?:(?:marks?|points?|score|rating|grade)\s+)?out\s+of\s+(?P<qtop>five|ten|four|a\s+hundred|5|10|4|100)"
        rf"|\bhow\s+many\s+(?P<qunit>stars|points|marks)\b[^?\n]{{0,40}}"
        rf"|\bwhat\s+(?:would|do|will|should|shall)\s+(?:i|we)\s+(?:give|rate|score)\s+(?:it|this(?:\s+one)?)"
        rf"|\bon\s+a\s+scale\s+of\s+(?:one|1|zero|0)\s+to\s+(?P<qscale>five|ten|4|5|10|four|a\s+hundred|100))"
        rf"\s*\?(?P<asked>)\s*(?:(?:i['\u2019]d\s+say|i\s+say|easy|honestly|hmm+|well|oh|let['\u2019]s\s+say)[,.:\s]+)?)"
        rf"(?:an?\s+)?(?:(?:solid|strong|firm|generous|shaky|weak|soft|hard|respectable|healthy|low|high|"
        rf"comfortable|easy|clear)\s+)?(?P<value>{_NUM})\b(?(asked)(?:{_HALF_SOURCE})?(?=\s*(?:[.!,;)\u2014\u2013]|$)))"
        rf"(?![.,]\d|\s*(?:/|out\b|of\b|on\b|stars?|points|%|percent)|"
        # "give it two thumbs up", "give it two hours": a count of something else
        rf"\s+(?:thumbs?|hours?|minutes?|more|chances?|tries|goes|shots?|weeks?|days?|years?|times)\b|"
        rf"\s+\w+\s+(?:out\s+of|of)\b)",
        re.IGNORECASE)),
    # "Rating (out of 10): 8", "Score (/5) - 4": the scale in the label, the value bare after it
    # (or a survey's question and its range: "What did you think of John Wick: Chapter 2? (1-10): 8")
    # (or the scale said after the label, its unit in the brackets: "MY SCORE OUT OF 10: 8", "SCORE (1-5 stars): 4",
    # "STARS (out of 5): 3.5")
    ("labelled_scale", re.compile(rf"(?:\b(?:rating|score|verdict|grade|mark|vote|stars)"
                                  rf"|\b(?:think\s+of|rate|film|movie)\b[^?\n]{{0,80}}\?"
                                  # (or a form's field put as a request: "Rate the movie (1-10): 8")
                                  rf"|\brate\s+(?:the|this)\s+(?:film|movie|picture|show|game|feature)\b)\s*"
                                  # (or a survey's legend of its ends: "OVERALL SCORE (1 = poor, 10 = outstanding): 9")
                                  rf"(?P<open>\(\s*)?(?:out\s+of|/|(?(open)[01]\s*(?:-|\u2013|to|=[^,;()\n]{{1,30}}[,;])\s*))"
                                  rf"\s*{_SCALE}(?(open)(?:\s*=[^()\n]{{1,30}})?\s*(?:stars?|points?)?\s*\))"
                                  rf"\s*[:=\-\u2013\u2014]\s*(?P<value>{_NUM}){_HALF}\b(?![.,]\d)", re.IGNORECASE)),
    # a rubric's or a form's total on a scale of its own, labelled: "Total: 12/15 marks", "PI SELF-SCORE (Foundation
    # rubric, maximum 30): 27/30", "Score: 42 out of 50" (the common scales are out_of's; a label keeps dates out)
    ("labelled_total", re.compile(r"\b(?:score|total|marks?|points|rating|grade|result|tally)\b(?:[ \t]+[a-z]+){0,3}"
                                  r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*[:=][ \t]*(?P<value>\d{1,3}(?:[.,]\d{1,2})?)"
                                  rf"[ \t]*(?:/|out[ \t]+of)[ \t]*(?P<scale>{_OWN_TOP})\b(?![.,/]\d)", re.IGNORECASE)),
    # "****/5", "***½ out of 5", "(***)": any repeated star-like glyph, with or without a scale
    # (not Markdown's bold marks, which touch a word or close after a mark: "**Version rating (...):** 88/100")
    # (a half typed as a fraction, the scale in words and brackets: "*** 1/2 (out of four)", as a fax or a plain-text
    # post writes it)
    ("stars_ascii", re.compile(r"(?<![^\s(\[])(?P<full>[*✦✪✭⭐]{1,5})(?![*A-Za-z]|\d(?!/2\b))"
                               r"(?P<half>½|[ \t]?1/2(?![\d/]))?"
                               r"(?:\s*\(?\s*(?:/|out\s+of)\s*(?P<scale>5|4|10|five|four|ten)\b\)?)?",
                               re.IGNORECASE)),
    # "88%" after a score label; "7 of 10 points"
    # (or in words: "ninety-four percent", "eighty per cent")
    ("percent", re.compile(rf"(?P<value>\d{{1,3}}(?:\.\d)?|\b{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|eight|"
                           rf"nine))?|\b(?:a|one)\s+hundred)\s*(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)),
    # "7 of 10 points", "8 points of 10", "four marks of five", "four Guineas in a possible five": a unit, then the
    # possible top mark (the half after the unit, as older English says it: "three marks and a half of five")
    ("points", re.compile(rf"(?P<value>{_NUM}){_HALF}\s+(?:(?:points?|marks)(?P<later_half>{_HALF_SOURCE})?,?\s+"
                          rf"(?:of|from|on|out\s+of)\s+|"
                          # "8 points (full score 10 points)": a translation's top mark in brackets
                          rf"points?\s*\(\s*(?:full\s+(?:score|marks?)|out\s+of|max(?:imum)?(?:\s+score)?)\s*:?\s*|"
                          rf"(?:of|from|on)\s+(?=\w+\s+(?:points|possible|stars)\b)|"
                          # (the unit's words and a comma before it: "seven coins in it, out of a possible ten"; the
                          # scale in a currency: "£4.50 of a possible £5")
                          rf"(?:[a-z]{{3,12}}(?:\s+[a-z]{{1,12}}){{0,2}},?\s+)?(?:in|of|out\s+of)\s+a\s+possible\s+"
                          # (from it only a score's own units: "8 from a possible 10", "17 marks from a possible 20",
                          # not "3 hits from a possible 5")
                          rf"[\u00a3$\u20ac]?|(?:(?:marks?|points?|stars?)\s+)?from\s+a\s+possible\s+"
                          rf"[\u00a3$\u20ac]?){_SCALE}\b"
                          r"(?:\s+(?:points|possible|stars)\b)?",
                          re.IGNORECASE)),
    # a wine critic's 100-point scale: "93 points" alone on its line or after a score's label or a giving verb (not
    # "93 points of damage", "scored 93 points in the final")
    ("hundred_points", re.compile(r"(?:^[ \t*\u2022-]*|\b(?:score|rating|verdict|mark|grade|give\s+it|gives\s+it|"
                                  r"awards?\s+it|earns?|deserves?|rate\s+it|rates\s+it)\s*:?\s+)"
                                  r"(?P<value>[5-9]\d|100)\s+points?\b"
                                  r"(?![ \t]+(?:of|from|on|out|for|ahead|behind|higher|lower|more|less|in|and|to)\b)",
                                  re.IGNORECASE | re.MULTILINE)),
    ("out_of", re.compile(
        # (describing words between, two at most, not another number: "four big pink hearts out of five"; "John Wick 2
        # four stars out of five" is four; a possessive among them: "3.5 sheriff's stars out of 5")
        rf"(?P<value>{_NUM}){_HALF}\s*(?:stars?(?P<later_half>{_HALF_SOURCE})?,?\s+|(?:(?!{_NUM}\s)[\w-]{{3,14}}(?:['\u2019]s)?\s+){{0,2}}[a-z]{{3,12}}s\s+"
        rf"(?=\(?out\s+of)|"
        rf"[^\w\s/]{{1,3}}\s+(?=out\s+of))?"
        rf"\(?\s*(?:out\s+of|outta|/)\s*{_SCALE}\b"
        rf"(?!\s*/|[.,]\d)(?!\s+(?:{_COUNTED}|days|screenings|viewers|fans|friends)\b)\)?(?:\s+stars?)?",
        re.IGNORECASE)),
    # "I give 8 on 10", "note: 7 on 10", "Note: 8 from 10", "Our score: 4 of 5": a learner's (or a translated "sur",
    # "sobre", "su") scale or a bare "of", after a giving verb or a label, and not a count ("4 of 5 people")
    # (and the "of" of other languages: German "4 von 5", Spanish "8 de 10", Dutch "8 op 10", Swedish "4 av 5")
    # (a unit of the style's own before a bare "of", "four crowns of five"; an old "in the", "ninety in the hundred")
    ("on_scale", re.compile(rf"(?P<value>{_NUM}){_HALF}\s+(?:(?!(?:{_COUNTED})\b)[a-z]{{3,12}}s\s+(?=of\s))?"
                            rf"(?:on|of|from|over|sur|sobre|su|von|de|op|av|af|in\s+the)\s+"
                            rf"(?:a\s+scale\s+of\s+(?:(?:one|1)\s+to\s+)?"
                            # "8 on a ten-point scale", "4 on the 5-point scale", "3 on the journal's five-point scale"
                            rf"|(?=(?:a|the|my|our)\s+(?:[\w-]+['\u2019]s\s+)?\w+[\s-]point\s+scale\b)"
                            rf"(?:a|the|my|our)\s+(?:[\w-]+['\u2019]s\s+)?)?"
                            rf"{_SCALE}(?:[\s-]point\s+scale)?\b(?![.,]\d)"
                            rf"(?!\s+(?:{_COUNTED}|of|stars|points)\b)", re.IGNORECASE)),
    # (with its top mark after a bare "of", as a telegram or a hurried note drops "out": "three and half stars of four")
    # (not the top of a range: "(1-5 stars)")
    # (or its half after the stars, as older English says it: "three stars and a half, of five")
    # (not the scale's stars after another number: "four of the five stars" is not five; nor, unlabelled, four, since
    # "two of the five stars of the film" are players)
    ("stars", re.compile(rf"\b(?<!\d-)(?<!\d\u2013)(?<!\bof\sthe\s)(?P<value>{_NUM}){_HALF}[\s-]+stars?\b"
                         rf"(?P<later_half>{_HALF_SOURCE})?"
                         rf"(?:,?\s+of\s+{_SCALE}\b(?![.,]\d|\s+(?:{_COUNTED}|fans|friends)\b))?", re.IGNORECASE)),
    # "Total evaluation: ★4.5", "⭐ 3.5": a star glyph, then the number of stars (not "★ 7/10": a decoration)
    # a score on a scale the text names or numbers, whatever its top (three to twelve): "four, scale of six", "five on
    # the six-point scale", "nine out of twelve on the Beaufort scale", "Six on the Douglas scale, out of nine"
    ("named_scale", re.compile(rf"(?P<value>{_NUM}){_HALF}(?:\s*,?\s*(?:on\s+a\s+)?scale\s+of\s+{_any_top('s1')}"
                               rf"|\s+on\s+(?:a|the)\s+{_any_top('s2')}[\s-]point\s+scale"
                               rf"|\s+out\s+of\s+{_any_top('s3')}\s+on\s+(?:a|the)\s+(?:[\w'\u2019-]+\s+){{1,2}}scale"
                               rf"|\s+on\s+the\s+(?:[\w'\u2019-]+\s+){{1,2}}scale,?\s+out\s+of\s+{_any_top('s4')}"
                               # (or in brackets after it: "4 (scale 0\u20134)", "3 (on a scale of 1 to 5)")
                               rf"|\s*\(\s*(?:on\s+a\s+)?scale\s+(?:of\s+)?[01]\s*(?:[-\u2013]|to)\s*{_any_top('s5')}\s*\))",
                               re.IGNORECASE)),
    ("star_number", re.compile(r"[\u2605\u2b50][ \t]?(?P<value>[0-5](?:[.,][05])?)"
                               r"(?![\d/]|[.,]\d|\s*(?:/|out\s+of\b|of\b))")),
    ("letter", re.compile(
        # a label, maybe with a phrase before its colon ("Our own mark, for the film that said goodbye to him: A-")
        # (a holder's mark, whose holder is read as any label's is: "Curator's mark: B+")
        # (a school's "Report card: B+" too)
        rf"(?:\b(?:grade|rating|verdict|score|{APPRAISAL}|overall(?:\s+grade)?|consensus|(?:my|our)\s+take|report\s+card"
        r"|(?:my|our|own|final|overall|[\w-]+['\u2019]s)\s+(?:mark|pick)"  # ("Programmer's pick: A-")
        r"|final(?=[ \t]*:)"  # a note's "final: [ B+ ]"
        # a summing-up's label: "Final word: B+", "Bottom line: A-", "My two cents: B-"
        # (or a comma, as said aloud: "Final answer, B plus")
        r"|(?:(?:final|last)\s+(?:word|answer)|bottom\s+line|(?:my\s+)?two\s+cents|upshot|summing\s+up|in\s+short)"
        r"(?=[ \t]*[:,])"
        # the critic's beside another's: "Harriet: C-. Mine: B+.", "Mine was a B-minus", "mine stays B+"
        r"|mine(?=[ \t]*:|\s+(?:is|was|would\s+be|will\s+be|stays|remains)\s)"
        r"|(?<![^\n])[ \t*-]*(?:the\s+)?(?:film|movie)(?=\s*:))"  # a line's label: "Film: B+" (not "Pattern: A")
        # "**Grade:** B+", "MY GRADE -- B+", a formula's "grade(C2) = B+"
        # ... or a phrase saying whose it is: "FINAL MARK FROM THE EDITOR: A"
        r"(?:[*_]*\s*(?:\([^()\n]{1,60}\)[ \t]*(?=[=:]))?(?:[:=–—|,]|-{1,2})?[*_]*\s*[*_]*(?:[\[(][ \t]*)?"
        r"|[ \t]*(?:[.·_]{3,}|…+)[ \t]*|,[^,:;.\n]{1,60}:\s*"
        # (not someone's relation nor the public: "Grade from my brother:", "Rating by readers:")
        r"|\s+(?:from|by)\s+(?!(?:my|his|her|their|your|readers|users|critics|fans|viewers|the\s+(?:public|audience|"
        r"readers|critics|fans))\b)[^,:;.\n]{1,40}:\s*"
        # ... or the work it grades: "OUR FINAL MARK FOR CHAPTER 2: B+", "Grade for the film: A-"
        # (or with a copula: "My grade for it is a B+")
        # (or of it, past an aside: "Our own assessment of the film, for those who ask: A-minus")
        rf"|\s+(?:for|of)\s+(?:the\s+(?:film|movie|picture|sequel|series|show|game)|it|this(?:\s+one)?|{TITLE})"
        r"(?:(?:,[^,:;.\n]{1,60})?\s*:|\s+(?:is|was|would\s+be|will\s+be|stays|remains)\s+(?:an?\s+)?)\s*"
        r"|\s+(?:is|was|would\s+be|will\s+be|stays|remains)\s+(?:an?\s+)?"  # "My grade is a B-plus"
        # ... past an aside: "My own mark, for what it's worth, is a B-plus", "my own verdict, as the only impartial
        # person in this room, is a B+"
        r"|,[^,:;.\n]{1,60},\s+(?:is|was|would\s+be|will\s+be|stays|remains)\s+(?:an?\s+)?)"
        r"|\b(?:I'm going|I am going|I give it|giving it|gonna give it|going to give it|"
        # a score chosen aloud: "I'm saying B plus", "I'm going with a B", "I'd say an A-", "let's call it a B"
        r"(?:I['\u2019]?m|I\s+am)\s+(?:saying|going\s+with|gonna\s+say)|I(?:['\u2019]d|\s+would)\s+say|"
        r"(?:let['\u2019]s\s+)?call\s+it|"
        # an older or a formal giving: "I grant it B+", "we accord it an A-", "I bestow upon it a B"
        r"(?:I|we)\s+(?:grant|accord|bestow(?:\s+upon)?)\s+it|"
        # ... or the work receiving it: "John Wick: Chapter 2 receives from me an A-minus"
        r"(?:receives?|gets?|earns?)\s+from\s+(?:me|us)\s+an?|receives? an?|"
        r"gets? an?|earns? an?|I'd give it an?|solid)\s+(?:an?\s+)?"
        # the critic's own grade for where it is printed: "My own grade for the newsletter is B+"
        r"|\b(?:my|our)\s+(?:own\s+)?(?:grade|mark|rating|verdict)\s+(?:for|in|on)\s+(?:the|our|this|my)\s+[\w-]+\s+"
        r"(?:is|was|would\s+be|will\s+be|stays|remains)\s+(?:an?\s+)?"
        # "I award it, with reservations, a B-minus", "It earns, grudgingly, a B\u2013": an aside before the grade
        r"|\b(?:award|awards|awarded|give|gives|gave|gets?|earns?)(?:\s+it)?,[^,\n]{1,40},\s+an?\s+"
        # ... or the work by its title: "I'd rate Chapter 2 a B+"
        rf"|\b(?:grade|grades|graded|rate|rates|rated|mark|marks|marked|marking)\s+(?:it|this(?:\s+one)?|{TITLE}|"
        r"the\s+(?:film|movie|sequel|picture))\s+(?:an?\s+)?"
        # the work placed on the scale: "it lands at a B-plus", "comes in at an A-"; the grade: "my grade stands at A-"
        r"|\b(?:lands?|landed|comes\s+in|came\s+in|settles?|settled)\s+at\s+(?:an?\s+)?"
        r"|\b(?:grade|mark|score|rating|verdict)\b[^.!?:\n]{0,40}?\b(?:stands?|stood|sits?|sat)\s+at\s+(?:an?\s+)?"
        # a label saying who grades: "as graded by the author of this guide: B+"
        r"|\b(?:graded|scored|rated|marked)\s+by\b[^:\n]{1,40}:\s*"
        # a giving verb, whoever gives (the caller tells whose grade it is): "the author would give it a B+", "we
        # award the film an A-"; and a grade "of": "with the grade of B+", "leaves with a grade of B-"
        # ... or the work by its title: "I'm giving John Wick: Chapter 2 a B-plus", "give Parabellum an A-"
        # ... or, in a letter, the addressee's: "I give your film an A-minus"
        rf"|\b(?:give|gives|gave|giving|award|awards|awarded|awarding)\s+(?:it|this(?:\s+one)?|the\s+[\w-]+|{TITLE}|"
        r"your\s+(?:film|movie|picture|sequel|show))"
        r"\s+an?\s+"
        r"|\b(?:grade|mark)\s+of\s+(?:an?\s+)?"
        # the work said to be a grade with its plus or minus: "For me, Chapter 2 is a B-plus", "it's an A-minus" (typed
        # in lower case too: "it's an a-minus")
        # (not a plain letter: "it is a B movie")
        rf"|\b(?:it|this(?:\s+one)?|the\s+(?:film|movie|picture|sequel)|{TITLE})(?:\s+(?:is|stays|remains)|['\u2019]s)\s+"
        r"(?:(?:still|easily|solidly|comfortably|definitely|firmly)\s+)?an?\s+"
        r"(?=(?-i:[A-DF])(?:\s*-?\s*(?:plus|minus)|[+\-\u2212\u2013])|(?-i:[a-df])\s*-?\s*(?:plus|minus)\b)"
        # a chat's command to its bot: "!rate A-", "/grade B+"
        r"|(?<![^\s])[!/](?:rate|grade|score)\s+)"
        # a transcript's lower case: "a b plus" (a lone lower-case letter is a word: "gets a b" is not a grade)
        r"(?P<grade>(?-i:[A-DF])(?:\s*-?\s*(?:plus|minus)|[+\-−–])?|(?-i:[a-df])\s*-?\s*(?:plus|minus))(?![\w+\-])"
        # "Overall: A bit long." is the article
        r"(?!(?<=A)\s+(?!(?:from|for|overall|here)\b)(?-i:[a-z]))", re.IGNORECASE)),
    # "You asked for a grade. You're getting one. B+.": a grade standing alone soon after the word "grade" (or before
    # a comma and an afterthought: "For me: A-minus, final answer.")
    ("letter_alone", re.compile(r"(?:(?<=[.!?:]\s)|(?<=^))(?P<grade>(?-i:[A-DF])(?:\s*-?\s*(?:plus|minus)\b|"
                                r"[+\-\u2212\u2013])?)(?=[.!]?(?:\s|$)|,\s)",
                                re.IGNORECASE | re.MULTILINE)),
    ("letter_suffix", re.compile(
        r"(?<![\w-])(?P<grade>(?-i:[A-DF])(?:-(?:plus|minus)|[+\-−–]))"
        # ... or the critic's own said after it: "A B-plus is my mark", "B+ I'll give it"
        r"(?=\s+(?:from me|for me|overall|it is|it's|here|(?:is|was)\s+(?:my|our)\s+(?:[\w-]+\s+)?"
        r"(?:mark|grade|score|verdict|rating)\b|(?:I|we)(?:['\u2019](?:ll|d)|\s+will|\s+would)?\s+give\b))",
        re.IGNORECASE)),
    # a ticked box on a card's five-point scale of words: "[ ] Excellent   [x] Very good   [ ] Good"
    ("ticked", re.compile(rf"{_TICKED_BOX}[ \t]*(?P<word>{_SCALE_WORDS})\b(?![ \t]?(?-i:[a-z]))", re.IGNORECASE)),
]
# what else a row of the scale holds: its other boxes and words (which a form's view may have blanked)
_SCALE_ROW = re.compile(rf"(?:\s|{_TICKED_BOX}|\[ \]|\u2610|{_SCALE_WORDS})*", re.IGNORECASE)
# the card's question over the row: it rates the film ("How would you rate the film?", "Overall, how would you
# rate ..."), not a part of it ("How would you rate the villain?")
_RATES_THE_FILM = re.compile(r"\brat(?:e|ing)\b(?:(?!\b(?:the|its|your)\s+(?!film\b|movie\b|picture\b|whole\b)\w)"
                             r"[^\n])*$", re.IGNORECASE)


def parse_number(token: str) -> float | None:
    """``"3.5"``, ``"3,5"``, ``"three"`` or ``"three point five"`` as a number."""
    token = " ".join(token.lower().split())
    whole, point, tenths = token.partition(" point ")
    if point and whole in _WORD_NUMBERS and tenths in _WORD_NUMBERS:
        return _WORD_NUMBERS[whole] + _WORD_NUMBERS[tenths] / 10  # "eight point five"
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    tens, _, ones = token.replace("-", " ").partition(" ")
    if tens in _WORD_NUMBERS and ones in _WORD_NUMBERS and _WORD_NUMBERS[tens] >= 20 > _WORD_NUMBERS[ones] < 10:
        return float(_WORD_NUMBERS[tens] + _WORD_NUMBERS[ones])  # "sixty-five"
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def letter_grade(text: str) -> str | None:
    """Canonical letter grade (``"B+"``) of ``"B-plus"``, ``"b +"``, ``"A−"``; None if not a grade."""
    match = re.fullmatch(r"\s*([A-Fa-f])\s*(?:-?\s*(plus|minus)|([+\-−–]))?\s*", text, re.IGNORECASE)
    if not match or match.group(1).upper() == "E":
        return None
    written = (match.group(2) or match.group(3) or "").lower()
    suffix = {"plus": "+", "+": "+", "minus": "-", "-": "-", "−": "-", "–": "-"}.get(written, "")
    grade = match.group(1).upper() + suffix
    return grade if grade in LETTER_GRADES else None


def normalize(value: float | str, scale: int | str) -> float | None:
    """A rating in 0..1: value/scale for numbers, the grade's place on A+..F for letters."""
    if scale == "letter":
        return LETTER_GRADES.get(str(value))
    try:
        result = float(value) / float(scale)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return round(result, 4) if 0 <= result <= 1 else None


def number(value: float) -> float | int:
    """``7.0`` as ``7``: a whole value shown without its decimal point."""
    return int(value) if float(value).is_integer() else value


def reading(kind: str, match: re.Match[str]) -> tuple[float | str, int | str] | None:
    """The value and scale a match of the form ``kind`` reads as; None when they do not make a rating."""
    if kind == "ticked":
        return _ticked(match)
    if kind == "stars_ascii":
        full = len(match.group("full"))
        half = 0.5 if match.group("half") else 0.0
        scale = int(parse_number(match.group("scale") or "5") or 5)
        return (full + half, scale) if full >= 2 or match.group("scale") else None
    if kind == "percent":
        percent = parse_number(match.group("value")) or 0.0
        return (number(percent), 100) if percent <= 100 else None
    if kind == "points":
        points = parse_number(match.group("value"))
        if points is None:
            return None
        if _HALF_AFTER.match(match.string, match.end("value")) or match.groupdict().get("later_half"):
            points += 0.5
        out_of = int(parse_number(match.group("scale")) or 0)
        return (points, out_of) if 0 <= points <= out_of else None
    if kind == "hundred_points":
        return int(match.group("value")), 100
    if kind == "stars_glyph":
        full = match.group("full").count("\u2605")
        half = 0.5 if match.group("half") else 0.0
        total = full + (1 if half else 0) + match.group("empty").count("\u2606")
        stated = int(parse_number(match.group("scale")) or 0) if match.group("scale") else None
        scale = stated or (total if total in (4, 5, 10) and match.group("empty") else 5)
        return (full + half, scale) if full + half <= scale else None
    if kind == "meter":
        full = len(match.group("full"))
        half = 0.5 if match.group("half") or match.group("half_only") else 0.0
        scale = full + len(match.group("empty") or "") + (1 if half else 0)
        if match.group("said") and int(match.group("said")) != full:
            return None  # ("\u25cf\u25cf\u25cf 5 of 5": the count said is no count of the shapes)
        return (full + half, scale) if scale in (4, 5, 10) else None
    if kind == "glyph_count":
        count = len(match.group("full").replace("\ufe0f", "")) + (0.5 if match.group("half") else 0.0)
        glyphs = match.group("scale_glyphs")
        scale = len(glyphs.replace("\ufe0f", "")) if glyphs else int(match.group("scale"))
        return (count, scale) if count <= scale and scale in (4, 5, 10) else None
    if kind == "given_bare":
        given = parse_number(match.group("value"))
        if given is not None and _HALF_AFTER.match(match.string, match.end("value")):
            given += 0.5  # "Vote: 7 and half"
        said = match.group("ftop") or match.group("qtop") or match.group("qscale")
        asked_top = int(parse_number(said) or 10) if said else 5 if match.group("qunit") == "stars" else 10
        return (given, asked_top) if given is not None and 0 <= given <= asked_top else None
    if kind == "star_number":
        value = parse_number(match.group("value").replace(",", "."))
        return (value, 5) if value is not None and 0 < value <= 5 else None
    if kind in ("out_of", "stars", "on_scale", "labelled_scale", "labelled_total"):
        value = parse_number(match.group("value"))
        if value is None:
            return None
        if _HALF_AFTER.match(match.string, match.end("value"), match.end()) or match.groupdict().get("later_half"):
            value += 0.5  # what follows it ("and a half"), or its unit ("three stars and a half")
        scale = int(parse_number(match.group("scale")) or 0) if kind != "stars" or match.group("scale") else 5
        return (value, scale) if 0 <= value <= scale else None
    if kind == "named_scale":
        value = parse_number(match.group("value"))
        top = parse_number(next(match.group(g) for g in ("s1", "s2", "s3", "s4", "s5") if match.group(g)))
        if value is not None and _HALF_AFTER.match(match.string, match.end("value"), match.end()):
            value += 0.5
        return (number(value), int(top)) if value is not None and top and 0 <= value <= top else None
    grade = letter_grade(match.group("grade"))
    return (grade, "letter") if grade else None


# Each pattern with its lower-case twin (casing.lowercase_twin), which runs over the lower-cased text when
# lower-casing is exact: a case-blind pattern with many alternatives ("one|two|...") costs several times more.
# The patterns themselves are told where their matches can start (regexcache, as the twins are): on a review
# without line breaks a letter grade's pattern was otherwise tried at every character of its windows.


PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    (kind, regexcache.compile(pattern.pattern, pattern.flags, skip_to_start=True), lowercase_twin(pattern))
    for kind, pattern in _SOURCES]


def scan(pattern: re.Pattern[str], twin: re.Pattern[str] | None, text: str, keywords: Keywords,
          exact: bool, needs: tuple[str, ...]) -> list[re.Match[str]]:
    """Matches on the lines that hold one of ``needs`` (a rating never spans lines); most lines hold none.
    When lower-casing is ``exact`` the pattern's lower-case ``twin`` finds them over ``keywords.lower``."""
    lower = keywords.lower
    matches = [m for start, end in keywords.lines_holding(needs)
               for m in casing.finditer(pattern, twin, text, lower if exact else None, start, end)]
    unique = {m.span(): m for m in matches}
    return [unique[span] for span in sorted(unique)]


def _ticked(match: re.Match[str]) -> tuple[float | str, int | str] | None:
    """A ticked word's value on a five-point card, when the question that rates the film stands before it on its
    line, or on the line before a row that holds nothing but the scale's boxes and words."""
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    before = text[line_start:match.start()]
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
    asked = _RATES_THE_FILM.search(before) or (_SCALE_ROW.fullmatch(before) and _RATES_THE_FILM.search(previous))
    if not asked or not _SCALE_ROW.fullmatch(text, match.end(), len(text) if line_end < 0 else line_end):
        return None
    return _TICKED_SCALE[" ".join(match["word"].lower().split())], 5
