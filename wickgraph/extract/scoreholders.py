"""Whose a score is: the critic's own or someone else's, judged in its clause ("my sister gives it 6/10", "IMDb
users: 8.1/10"); and whose a labelled score is: the critic's persona's ("Examiner's rating: 88/100", "TIPSTER'S
VERDICT: 3 out of 4") or somebody's the review names ("Ollie's official rating: 8/10" in a diary that speaks of
Ollie)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from .layout_words import SENDER, STAMP
from .quotations import NAME_COLON, NAME_WORD
from .scales import APPRAISAL, TITLE
from .textauthors import text_authors

__all__ = ["OWN_LABEL", "SOMEONE", "attributed", "bracketed_holder", "bylined", "given_by_another_after",
           "given_in_first_person", "guests_own_label", "in_own_frame", "named_holder", "persona_label",
           "quoted_from_another", "someones_line"]

# A persona's label over the critic's own score: "Examiner's rating: 88/100", "TIPSTER'S VERDICT: 3 out of 4" (a
# review written as a patent, a racecard or a manifest signs as the examiner, the tipster, the inspector)
_HOLDER = (r"\W*(?:the\s+)?(?P<who>[A-Za-z-]{2,20})\.?['\u2019]s\s+"  # (a holder abbreviated: "Cl.'s verdict")
           r"(?:(?:own|final|official|overall)\s+)?(?:verdict|score|rating|grade|mark)\b[^\n]{0,60}$")
_PERSONA_LABEL = re.compile("^" + _HOLDER, re.IGNORECASE)
_HOLDER_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))" + _HOLDER, re.IGNORECASE)  # also after a sentence on its line
# ... or a score's label with its holder in brackets after it: the writer's trade ("OVERALL (reader):", "Score
# (critic's own):"), or someone the writer knows ("Grade (my brother):")
_BRACKETED_HOLDER = re.compile(r"^\W*(?:(?:own|final|official|overall|total)\s+)?"
                               r"(?:verdict|score|rating|grade|mark|overall|total)[ \t]*\("
                               r"(?:the\s+|(?P<whose>my|our|his|her|their)\s+)?(?P<who>[A-Za-z-]{2,20})"
                               r"(?:['\u2019]s(?:\s+own)?)?\)[ \t]*[:\-\u2013]\s*$", re.IGNORECASE)


def bracketed_holder(before: str) -> bool | None:
    """Whose score the bracket in its label names: the writer's (True: "OVERALL (reader):"), someone the writer
    knows (False: "Grade (my brother):"), or neither (None)."""
    bracketed = _BRACKETED_HOLDER.search(before)
    if bracketed is None:
        return None
    if bracketed["whose"]:
        return False
    return True if bracketed["who"].lower() in _AUTHORS_ROLES else None


_RELATIONS = frozenset({"wife", "husband", "partner", "friend", "son", "daughter", "sister", "brother", "mum", "mom",
                        "dad", "father", "mother", "kid", "girlfriend", "boyfriend", "colleague", "flatmate",
                        "roommate", "audience", "imdb", "film", "movie", "show", "series", "public", "everyone",
                        "nobody", "somebody", "someone", "internet", "studio"})

# a label that says the author gives the score, wherever it stands in the label: "Customer satisfaction (author's own
# score for this unit):", "Satisfaction, as graded by the author of this guide:"
_AUTHOR_GIVES = re.compile(r"\b(?:(?:graded|scored|rated|marked|judged)\s+by\s+(?:the|this|your)\s+(?P<by>[a-z]+)"
                           r"|(?:the\s+)?(?P<own>[a-z]+)['\u2019]s\s+own\s+(?:verdict|score|rating|grade|mark))\b"
                           r"[^\n:]{0,40}:\s*$", re.IGNORECASE)


def persona_label(text: str, before: str) -> bool:
    """Whether ``before`` is a persona's own label: its holder a common noun (written in lower case elsewhere in
    the text, or in a label all in capitals), not a name ("Dana's rating:") nor a relation ("Brother's score:"); or
    a label that says the author gives it ("as graded by the author of this guide:", "OVERALL (reader):"), or the
    author's own signature ("- Deb, 9/10" where the text's heading names Deb as its writer)."""
    label = _PERSONA_LABEL.search(before)
    gives = _AUTHOR_GIVES.search(before)
    signed = _SIGNED_BEFORE.match(before)
    return (label is not None and (_is_persona(text, label["who"]) or label["who"].lower() in text_authors(text))) \
        or (gives is not None and (gives["by"] or gives["own"]).lower() in _AUTHORS_ROLES) \
        or bracketed_holder(before) is True or (signed is not None and signed["who"].lower() in text_authors(text))


# a card's signature before its score, the writer's own when the heading names them: "- Deb, 9/10" under "Deb here."
_SIGNED_BEFORE = re.compile(rf"[ \t]*(?:[\u2014\u2013~]|--?)[ \t]*(?P<who>{NAME_WORD})[ \t]*,[ \t]*\Z")

# the jobs of the one who writes the text: "Editor's grade: B+" signed "Priya Castellanos, Yearbook Editor"
_AUTHORS_ROLES = frozenset({"editor", "critic", "reviewer", "host", "compiler", "author", "narrator", "examiner",
                            "columnist", "chronicler", "reader", "writer", "blogger", "correspondent",
                            # the hobby or the trade a review is written as: "Collector's score:", "Analyst's rating:"
                            "collector", "analyst", "describer", "chef", "sommelier", "curator",
                            # who keeps a record speaks of themself by the office: "The Secretary's own grade: B+"
                            "secretary", "clerk", "scribe", "recorder", "rapporteur", "minute-taker", "note-taker",
                            # ... or who made the pattern, the programme or the page the text is: "Designer's rating"
                            "designer", "maker", "knitter", "crafter", "programmer", "convenor", "organiser",
                            "organizer",
                            # ... or who sells the item a listing is about: "Seller's grade: A-"
                            "seller", "vendor"})


def _is_persona(text: str, who: str) -> bool:
    if who.lower() in _RELATIONS:
        return False
    if who.lower() in _AUTHORS_ROLES or who.lower() in text_authors(text) or who.lower() in _byline_roles(text) \
            or who.lower() in _outlet_words(text):
        return True  # the writer's trade, or their name or office as a byline gives it ("By Rosalind Achterberg"),
        # or the outlet they write for ("The Palace's verdict:" signed "— T. Vance, manager, Electric Palace")
    return who.isupper() or who.islower() or re.search(rf"(?<![\w'])(?-i:{re.escape(who.lower())})\b", text) is not None


# the text's masthead, a first line in capitals ("THE ELECTRIC PALACE"), and the affiliation a closing signature
# gives after the signer's name ("— Teodora Vance, manager, Electric Palace")
_MASTHEAD = re.compile(r"\A\s*(?P<words>[^\n]{3,80})")
_SIGNED_FOR = re.compile(r"^[ \t]*(?:[\u2014\u2013~]|--?)[ \t]*(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+[\w.'\u2019-]+){0,3}"
                         r"[ \t]*,(?P<words>[^\n]{1,80})[ \t]*\Z", re.MULTILINE)


@lru_cache(maxsize=4)  # (asked once per score label: read the text once)
def _outlet_words(text: str) -> frozenset[str]:
    """The words that name the outlet the critic writes for: a capitals masthead's, and a closing signature's
    affiliation on the text's last line."""
    words: set[str] = set()
    masthead = _MASTHEAD.match(text)
    if masthead and masthead["words"].isupper():
        words |= set(re.findall(r"[\w-]+", masthead["words"].lower()))
    closing = text.rstrip()
    signed = _SIGNED_FOR.match(closing, closing.rfind("\n") + 1)
    if signed:
        words |= set(re.findall(r"[\w-]+", signed["words"].lower()))
    return frozenset(words)


# a line that says who drew the text up, and what they are: "prepared by G. Mendes, Media & Reference Librarian",
# "Written up by Sunniva, your GM", "Trail card compiled by D. Lowe (organiser)", or a byline that opens its line:
# "by Theodore Marchetti-Lane, Senior Specialist"
_DRAWN_UP_BY = re.compile(r"(?:\b(?:written|typed|put[ \t]+together|compiled|prepared|drawn[ \t]+up|kept|taken|"
                          r"assembled)(?:[ \t]+up)?[ \t]+|(?<![^\n])[ \t*_]*)by[ \t]+"
                          r"(?P<who>(?:(?!\bby\b)[^\n;]){1,120})", re.IGNORECASE)


@lru_cache(maxsize=4)  # (asked once per score label: read the text once)
def _byline_roles(text: str) -> frozenset[str]:
    """The words of what the text's maker calls themself where they say who drew it up: a "Librarian's score" is then
    the writer's own, though the word is in the text twice."""
    return frozenset(word.lower() for line in _DRAWN_UP_BY.finditer(text)
                     for word in re.findall(r"[\w-]+", line["who"]))


def named_holder(text: str, label: str) -> bool:
    """Whether a score's own label names its holder, and the holder is somebody the review names elsewhere, not the
    critic's persona: "Ollie's official rating: 8/10" (where the match holds the label itself) in a diary that
    speaks of Ollie; "Programmer's mark: 3/4" alone is the programme's own; or the place the film was seen, as a
    venue's review scores it apart: "the venue is a solid five stars"."""
    if _VENUE_HOLDS.search(label):
        return True
    holder = _HOLDER_LABEL.search(label)
    if holder is None or _is_persona(text, holder["who"]):
        return False
    # somebody the review speaks of in its prose, not a title that only heads its labels and sections ("Curator's
    # remarks." over "Curator's grade: A-", "Consultant on call: H. Abernathy"): the text's own voice
    said = list(re.finditer(rf"\b{re.escape(holder['who'])}\b", text))
    return len(said) > 1 and any(_LINE_OPENING.search(text, max(0, at.start() - 12), at.start()) is None
                                 or _AS_LABEL.match(text, at.end()) is None for at in said)


# the place the film was seen, and its parts, as the holder of a score (a venue's review scores it apart)
_VENUE = (r"(?:venue|cinema|theat(?:re|er)|multiplex|drive-in|auditorium|place|seats?|sound|screen|snacks|popcorn|food|"
          r"bar|staff|service)")
_VENUE_HOLDS = re.compile(rf"\b(?:the|this|our|my)\s+{_VENUE}\s+(?:is|was|gets?|got|earns?)\s+(?:an?\s+)?"
                          r"(?:solid\s+|easy\s+|strong\s+|generous\s+)?[^.!?,;\n]{1,25}\Z", re.IGNORECASE)


# a word that heads a label or a section: at a line's start, before a possessive or a label's colon
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t*_#>\u2022-]*\Z")
_AS_LABEL = re.compile(r"['\u2019]s\b|(?:[ \t]+[\w-]+){0,3}[ \t]*:")


# (a byline, quotations.BYLINE, names who wrote the text: "Notes by Tomasz Brill", "By Lorna Teague")
# a score's label that names its holder at the start of the score's line: "Tomasz: B+", "- Nadia: 4.5 out of 5"
# (or a table's row, maybe with an aside after the name: "| Teddy (me) | 4.5 / 5 |")
_NAME_LABEL = re.compile(r"[ \t]*(?:[-*\u2022|][ \t]+)?(?P<who>[A-Z][\w'\u2019-]+)(?:[ \t]+[A-Z][\w'\u2019-]+)?"
                         r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*(?::|[ \t][\u2014\u2013-]|\|)")


def bylined(text: str, starts: list[int]) -> list[bool] | None:
    """For scores starting at ``starts``, whether each is labelled with the name of the text's author, whom a
    byline names ("Notes by Tomasz Brill" and the line "Tomasz: B+"); None unless the scores' labels name two
    people or more and one of them is the author (show notes give every host's score, each on its line)."""
    if len(starts) < 2:
        return None
    authors = text_authors(text)
    if not authors:
        return None
    holders = []
    for start in starts:
        label = _NAME_LABEL.match(text, text.rfind("\n", 0, start) + 1)
        holders.append(label["who"].lower() if label is not None and label.end() <= start + len(label["who"]) + 3
                       else None)
    named = {holder for holder in holders if holder is not None}
    if len(named) < 2 or not named & authors:
        return None
    return [holder in authors for holder in holders]


# the critic giving the score in the first person: "I give it 8/10", "I'd say 4/5", "we're going with a B"
_I_GIVE = re.compile(r"(?:^|(?<=[\s(\"]))(?-i:I|[Ww]e)(?:['\u2019](?:d|ll|m|re)|\s+(?:would|will|am|are))?"
                     r"(?:\s+(?:\w+ly|hereby|now|also|still|therefore|thus|gonna|going\s+to))?\s+(?:give|gave|giving|rate|rated|rating|award|awarded|"
                     r"score|scored|grade|graded|"
                     r"assign|assigned|say|said|saying|going\s+with|go\s+with|put\s+it\s+at|at)\b", re.IGNORECASE)
# a line another speaker opens with their name: "Deb in Leeds: I'd give the film a 9/10", "Tomas K.: I'd give it"
_SOMEONES_LINE = re.compile(rf"(?![ \t>*\u2022-]*(?:me|i|my|mine|verdict|score|rating|grade|overall)\b)"
                            rf"{NAME_COLON}[ \t]", re.IGNORECASE)


def guests_own_label(line: str) -> bool:
    """Whether ``line`` (up to a score) opens with someone's name and a colon and then labels the score as that
    speaker's own: "- SAM: Okay, my score. I'm going nine out of ten." (not "Committee verdict: ★★★")."""
    opening = _SOMEONES_LINE.match(line)
    return opening is not None and not _NOTE_LABEL.search(opening.group()) \
        and OWN_LABEL.search(line, opening.end()) is not None


# a label of the text's own notes, no speaker's name: "Editor's note:", "P.S.:", "Update:"
_NOTE_LABEL = re.compile(r"\b(?:note|notes|p\.?s|update|edit|comment|afterword|postscript)\.?[ \t]*:[ \t]*\Z",
                         re.IGNORECASE)


def given_in_first_person(clause: str, line: str, transcript: Callable[[], bool]) -> bool:
    """Whether the score after ``clause`` (its line so far: ``line``) is given in the first person ("I give it",
    "I'd say"), so the critic's own: not on a line a commenter opens with their name ("Deb in Leeds: I'd give it
    9/10"), unless the text is a transcript (``transcript()``), whose speakers' turns are told apart elsewhere."""
    return _I_GIVE.search(clause) is not None and (not someones_line(line) or transcript())


def someones_line(line: str) -> bool:
    """Whether ``line`` (up to a score) opens with someone's name and a colon: a commenter's or a guest's."""
    return _SOMEONES_LINE.match(line) is not None


# Someone else's score: "my sister gives it 6/10", "Inès rated it 7 out of 10", "IMDb users: 8.1/10".
# (a verb of grading, its object, "at": "graded him at 6 out of 10", "puts the film at 5/10"; a quote mark before a
# score quoted: 'he would give it "ten out of ten"'; a copula and "at": "Felix was sterner at 5/10")
# (a noun after a determiner is a label, not a giving verb: "Slide 8/8: final score 9/10", "the rating 7/10")
_GIVER = re.compile(r"\b(?<!\bfinal )(?<!\boverall )(?<!\bmy )(?<!\bour )(?<!\bthe )(?<!\bhis )(?<!\bher )"
                    r"(?:gives?|gave|given|giving|rates?|rated|rating|scores?|scored|scoring|awards?|awarded|awarding|"
                    r"grades?|graded|grading|marks?|marked|marking|puts?|says?|said|calls|called|calling|deemed|declared|pronounced|"
                    # a panel's or a referee's score handed in: "Reviewer 1 returned a 5/5", "the jury submitted 6/10"
                    r"returns?|returned|submits?|submitted|assigns?|assigned|handed\s+in|turned\s+in|"
                    # a score foreseen or guessed: "Marco projects 6/10", "Dev predicts 5/10", "Ana reckons 6/10"
                    r"projects?|projected|predicts?|predicted|forecasts?|reckons?|reckoned|estimates?|estimated|"
                    r"guess(?:es|ed)?|bets?|votes?|voted|goes\s+for|went\s+for)"
                    # its object, a focusing adverb, or both: "gave only 2 of 5", "gives it just a 6", "gave for it a
                    # 5", "scored this submission 6/10"
                    rf"(?:\s+(?:(?:for|to)\s+)?(?:it|this(?:\s+[a-z-]+)?|him|her|them|the\s+(?:whole\s+)?[a-z-]+|{TITLE})"
                    r"|\s+(?:only|just|merely|but|barely|maybe|perhaps|probably|easily|generously|grudgingly|still|even|also)){0,2}\s*(?:at\s+)?"
                    r"(?:an?\s+|a\s+(?:solid|mere)\s+)?[\"'\u201c\u2018]?$"
                    # a copula and "at": "X was sterner at 5/10", "she came in at 6", "the paper landed at 3/5"
                    r"|\b(?:was|were|is|are|came\s+in|comes\s+in|landed|lands|settled|settles)(?:\s+[a-z-]+)?\s+at\s+"
                    r"(?:an?\s+)?$"
                    # a belief or a claim that the work is worth the score, or word of it told around: "insists this
                    # is a ten out of ten", "reckons it's an A", "thinks the film deserves 9/10", "keeps telling
                    # everyone it's a C+"
                    r"|\b(?:insists?|insisted|thinks?|thought|reckons?|reckoned|believes?|believed|claims?|claimed|"
                    r"swears?|swore|argues?|argued|says?|said|saying|(?:tells?|told|telling)\s+(?:everyone|everybody|anyone"
                    r"|anybody|people|the\s+(?:whole\s+)?[a-z]+))\s+(?:that\s+)?"
                    r"(?:it|this(?:\s+one)?|the\s+(?:[a-z]+\s+)?(?:film|movie|sequel))"
                    r"(?:\s+(?:is|was|deserves|merits)|['\u2019]s)\s+(?:an?\s+(?:solid\s+|mere\s+)?)?[\"'\u201c\u2018]?$",
                    re.IGNORECASE)
# the critic in the first person, or in the third person that essays, judgments and letters use for the writer
# ("the author would give it a B+", "the Reviewer, sitting as the Court, awards", "yours truly gives it", a mock
# judgment's "The Court awards the Film four stars out of five", "The column scores it 7/10")
# (who keeps a record names themself by the office: "For the record, the Secretary scores the film 8 out of 10")
# (a mock contract's party: "The Viewer awards the Film FOUR (4) stars")
_SELF_TRADE = (r"(?:author|reviewer|critic|writer|undersigned|chronicler|scribe|compiler|narrator|columnist|examiner"
               r"|secretary(?!\s+of\b)|minute-taker|note-taker|recorder|viewer)")
# ... and the publication that speaks for its critic: "The column scores it 7/10", "this paper gives it"
_PUBLICATION = (r"(?:column|paper|newspaper|magazine|page|newsletter|publication|blog|site)"
                # (not one of its people: "The newspaper man gave it a mere two stars")
                r"(?!\s+(?:man|men|woman|women|guy|guys|bloke|fellow|chap|lady|people|folks|critics?|reviewers?|boy|girl))")
# ... and the critic's own writing, which speaks for them: "My book gives it eight out of ten", "my review gives it"
_OWN_WRITING = r"(?:review|piece|write-?up|book|notes)"
_SELF_NOUN = (rf"(?:the|this|your|our)\s+(?:present\s+|humble\s+)?{_SELF_TRADE}|yours\s+truly"
              r"|(?:the|this)\s+(?:court|tribunal)"  # a mock judgment's persona
              rf"|(?:the|this|our|my)\s+{_PUBLICATION}|(?:my|our)\s+(?:own\s+)?{_OWN_WRITING}"
              # ... or the writer pointing at themself by their part: "this specialist rates the film nine out of ten"
              r"|this\s+(?:specialist|cataloguer|appraiser|analyst|correspondent|commentator|observer|viewer|"
              r"listener|clinician|officer|setter|teacher|testator|traveller|maintainer|drafter)")
_FIRST_PERSON = re.compile(rf"(?:^|[\s(\"])(?:I|I'd|I'll|I'm|we|we'd|we'll|me|us|mine|ours|{_SELF_NOUN})(?=[\s,.'’])",
                           re.IGNORECASE)
# ... whose relation gives a score of their own: "my sister", "the Reviewer's brother-in-law"
_RELATION_OF_SELF = re.compile(rf"\b(?:my|our)\s+(?!(?:{_SELF_TRADE}|{_PUBLICATION}|(?:own\s+)?{_OWN_WRITING})\b)\w"
                               rf"|\b(?:{_SELF_NOUN})['\u2019]s?\s+\w"
                               # ... or somebody placed by the critic: "the guy next to me", "a woman behind us"
                               rf"|^\s*(?!{_SELF_NOUN})(?:the|a|an)\s+[a-z]+\s+(?:next\s+to|behind|beside|in\s+front\s+of|"
                               r"near|with)\s+(?:me|us)\b", re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:imdb|rotten tomatoes|metacritic|letterboxd average|cinemascore|audiences?|critics|"
                     # (not the writer's own sum: "averaged out I'd put the whole thing at 7.5 out of ten")
                     r"users|the consensus|averag(?:e|ed|es|ing)(?!\s+out,?\s+(?:I|we)\b)|aggregate|tomatometer|"
                     r"customers?|readers?|viewers|voters|commenters?|listeners?|polls?|surveys?|fans)\b",
                     re.IGNORECASE)
# The critic's own: "My score:", "Our verdict:", "Rating:", "Grade:" on the line before the value.
# Nouns of appraising (APPRAISAL) label a verdict too: "MY EVALUATION: 4 of 5"
OWN_LABEL = re.compile(rf"\b(?:my|our)\b[^.!?\n]{{0,40}}\b(?:verdict|score|scorecard|rating|grade|take|mark|number|"
                        rf"pick|vote|{APPRAISAL})\b|"
                        # "the Secretary's own mark: 4 out of 5" (not "her own mark is 5/10": a third person's)
                        r"(?<!\bhis )(?<!\bher )(?<!\btheir )\bown\s+(?:verdict|score|rating|grade|mark)\b|"

                        r"\b(?:verdict|score|rating|grade|mark|number)\s+from\s+me\b|"
                        r"^\W*(?:me|mine|for\s+me|from\s+me)\s*[:\-–|]|"  # (a table's row: "| Me | 3.5 out of 5 |")
                        # ... or said so beside another's: "Mine is seven out of ten", "Mine would be 6/10"
                        r"\bmine\s+(?:is|was|would\s+be|will\s+be|stays|remains)\s+(?:an?\s+)?$|"
                        # ... or the writer's trade's: "Reporter's rating: 7/10", "CRITIC'S BALLOT: 4½ crosses out of 5"
                        r"\b(?:editors?['\u2019]?s?|editorial|staff|critic['\u2019]?s?|house|committee['\u2019]?s?|panel['\u2019]?s?|"
                        r"jury['\u2019]?s?|club['\u2019]?s?|"
                        r"(?<!other )(?<!fellow )(?:reviewer|reporter|columnist|correspondent)['\u2019]s)\s+"
                        rf"(?:verdict|score|rating|grade|pick|mark|vote|ballot|{APPRAISAL})\b|"
                        # a show's own: "So, official Cleaner's Cut verdict: nine out of ten"
                        r"\b(?:official|show['\u2019]s|podcast['\u2019]s|channel['\u2019]s)\s+(?:[\w'\u2019-]+\s+){0,3}?"
                        r"(?:verdict|score|rating|grade)\s*(?:[:\-\u2013\u2014]|$)|"
                        # a panel's joint score among its members' own: "Ana 8/10, Tom 6/10 ... consensus B+" (not
                        # somebody's: "The trade group's consensus grade is a B; mine is higher")
                        r"(?<!['\u2019]s\s)(?<!s['\u2019]\s)\b(?:consensus|combined|joint|overall)\s+(?:(?:verdict|score|rating|grade|mark)\s*)?[:\-\u2013\u2014]?\s*$|"
                        # (after a thread's counter: "12/12 final verdict: Parabellum is a 9/10")
                        r"^\W*(?:\d{1,2}/\d{1,2}\W+)?(?:verdict|score|rating|grade|vote|"
                        r"final\s+(?:score|verdict|grade|vote)|overall)\b|"
                        # "The film itself, since somebody asks: 4/5": a label naming the film scores the film
                        r"(?:^|(?<=[.!?]\s))\W*(?:the\s+)?(?:film|movie)(?:\s+itself)?\b[^.!?\n]{0,60}[:\-\u2013]\s*$",
                        re.IGNORECASE)
# 'told me afterwards it was "a 10/10"': a score someone else said to the critic
_TOLD_ME = re.compile(r"\b(?:told|tells|telling|assured|assures|informed|informs|texted|texts|messaged|whispered|"
                      r"insisted\s+to)\s+(?:me|us)\b[^.!?;\n]{0,50}$", re.IGNORECASE)
# "my brother texted me his score, 9/10": a score the sentence gives as someone else's
_THIRD_PERSON_SCORE = re.compile(r"\b(?:his|her|their)\s+(?:own\s+)?(?:\w+\s+)?(?:score|rating|verdict|grade|mark|vote)"
                                 r"\b[^.!?;\n]{0,60}$", re.IGNORECASE)


# a transcript's stage direction between one utterance and the next: "he's nuts [laughs] i'm gonna say 4.5 out of 5"
_STAGE_DIRECTION = re.compile(r"\[[a-z][a-z \t-]{1,30}\](?=[ \t]*(?:i|i['\u2019]m|i['\u2019]d|we|so|okay|ok|anyway)\b)",
                              re.IGNORECASE)


def attributed(text: str, start: int, titles: Collection[tuple[int, int]] = ()) -> bool:
    """Whether the rating at ``start`` is given by someone other than the critic, judged in its clause
    (``titles``: the spans where the text names a work, which as a subject is the graded work, no giver)."""
    reach = max(0, start - 300)
    if _TURN_OPENING.fullmatch(text, text.rfind("\n", reach, start) + 1 or reach, start):  # (a look bounded by reach)
        return False  # the speaker's own command to a chat's bot ("velvetgoon: !rate 9/10"): whose turn it is decides
    sentence_start = max(reach, max(text.rfind(ch, reach, start) for ch in ".!?\n") + 1)
    for direction in _STAGE_DIRECTION.finditer(text, sentence_start, start):  # a transcript's pause ends a sentence
        sentence_start = direction.end()
    quote = _open_quote(text, sentence_start, start)
    if quote is not None:
        # a score inside a quotation is given by whoever the clause before the quotation names: 'Erik rated the
        # film "a dead draw, 5/10"'
        clause_start = max(sentence_start, max(text.rfind(ch, reach, quote) for ch in ";,") + 1)
        before = text[clause_start:quote + 1]
    else:
        clause_start = max(sentence_start, max(text.rfind(ch, reach, start) for ch in ";,") + 1)
        before = text[clause_start:start]
    if _OTHERS.search(before):
        return True
    if _USER_TOLD.search(text, text.rfind("\n", reach, start) + 1 or reach, start):  # (a look bounded by reach)
        return False  # "Letterboxd · 21:46 · You rated John Wick ★★★★½": the app's user, the writer
    # (unless a clause after the label gives it: "Final verdict since u asked: Dev says 10/10", read from the colon)
    colon = before.rfind(":") + 1
    after_label = colon if colon and _GIVER.search(before, colon) else 0
    if OWN_LABEL.search(before) and not after_label:
        return False  # "Editors' rating ★★★★☆", "Our score:", "readers gave it 3/5; my own rating: 4/5"
    if quote is not None and _GIVER.search(text, quote + 1, start) is not None:
        before = text[quote + 1:start]  # the quotation's own sentence gives it: '"Reviewer 1 scored this paper 6/10'
        clause_start = quote + 1
    other = _OTHERS.search(text, sentence_start, clause_start)
    if other is not None and not _FIRST_PERSON.search(" " + text[other.end():start]):
        return True  # "On Rotten Tomatoes, the film holds 89%" (but "IMDb says 6, but I give it 8/10" is mine)
    if _THIRD_PERSON_SCORE.search(text, sentence_start, start) is not None \
            or _TOLD_ME.search(text, sentence_start, start) is not None:
        return True
    giver = _GIVER.search(before)
    if giver is None:
        return False
    subject = before[after_label:giver.start()]
    if _CONJUNCTION_ONLY.fullmatch(subject):  # "I liked it, and give it 8/10": the clause before holds the subject
        subject = text[sentence_start:clause_start]
    if _WORK_GRADED.search(subject) and _GRADED.match(giver.group().lstrip()) \
            and not _BY_AGENT.match(text, start, start + 60):
        return False  # "It is rated 4 out of 5", "The Respondent is graded A-": the work graded, by no one named
    if giver.group().split()[0].lower() in _WORK_PLACED and (
            _WORK_ITSELF.search(subject) or _FRONTED_OWN.match(text, sentence_start, clause_start)
            or _named_work(subject, clause_start + after_label, titles)):
        # "It scores a 9 on a scale of ten", "it lands at a B-plus": the work's score, the writer's; so is the
        # titled work's ("Parabellum lands at 8/10", "For me, Parabellum lands at three and a half stars")
        return False
    if not _WORD.search(subject):  # the subject stands before an aside: "the Reviewer, sitting as the Court, awards"
        subject = text[sentence_start:clause_start]
        aside = _SUBJECTS_ASIDE.match(subject)
        subject = aside["subject"] if aside else subject  # ("Harold, who is a harsher judge than I, gives it ...")
        if not _WORD.search(subject):
            return False  # no subject at all: the writer's own clipped verdict ("Returns 8 on a ten-point scale.")
    frame = _KNOWING_FRAME.search(subject)
    if frame is not None and _WORD.search(subject, frame.end()):
        subject = subject[frame.end():]  # "I understand the Opposition has awarded it two stars": the Opposition's
    return not _FIRST_PERSON.search(" " + subject) or _RELATION_OF_SELF.search(subject) is not None


def _named_work(subject: str, at: int, titles: Collection[tuple[int, int]]) -> bool:
    """Whether ``subject`` (at ``at`` in the text) is a work's name alone: "Chapter 2", not "Dana"."""
    words = subject.strip()
    start = at + subject.index(words) if words else at
    return any(s <= start and start + len(words) <= e for s, e in titles) if words else False


# the writer's frame of what they know or heard, before the clause whose subject gives the score
_KNOWING_FRAME = re.compile(r"(?:^|\s)(?:I|we)\s+(?:understand|hear|gather|learn|learned|read|see|note|know|suspect|"
                            r"(?:am|are|was|were|have\s+been|['\u2019]m|['\u2019]re)\s+(?:told|informed))\s+(?:that\s+)?",
                            re.IGNORECASE)
# a subject and a relative clause set off after it, whose words are the aside's, not the subject's
_SUBJECTS_ASIDE = re.compile(r"(?P<subject>[^,]+),\s*(?:who|whom|whose|which)\b[^,]*,\s*\Z", re.IGNORECASE)


# a chat turn's opening, its stamp and sender, then a giving verb, maybe as a bot command ("[21:18] velvetgoon: !rate")
_TURN_OPENING = re.compile(rf"[ \t]*(?:{STAMP}[ \t]*)?{SENDER}[ \t]*:[ \t]*[!/]?(?:rate|score|grade|give)[ \t]*",
                           re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]")
# a coordinated clause's conjunction alone, its subject left out as the clause before's ("..., and give it 8/10")
_CONJUNCTION_ONLY = re.compile(r"\s*(?:and|but|yet|so|then|and\s+so|and\s+then)\s*", re.IGNORECASE)
# the work itself as the subject of a grading verb in the passive, with no agent named after the score
_WORK_GRADED = re.compile(r"(?:^|[.!?:;]\s*)\s*(?:it|this(?:\s+one)?|the\s+(?:film|movie|show|series|game|picture|work|"
                          r"respondent|patient|subject|property|lot|entry|vintage|specimen|title|release|sequel|"
                          r"prequel))\s+(?:is|was|gets|got|has\s+been|had\s+been|will\s+be|is\s+hereby|stands)"
                          r"(?:\s+\w+ly)?\s*$", re.IGNORECASE)
# the work itself as a clause's subject: "It scores a 9", "The film scored 4/5 with me"
# (after a fronted phrase of the writer's measure: "On the Wick-o-meter it scores 8", "By my count it lands at 7/10";
# not someone's: "By Dana's count it scores 6")
_WORK_ITSELF = re.compile(r"(?:^|[.!?:;,]\s*)\s*(?:(?:on|by)\s+(?:(?![\w-]+['\u2019]s\b)[^\s,.!?]+\s+){1,4}?)?"
                          r"(?:it|this(?:\s+one)?|the\s+(?:film|movie|show|series|game|picture|"
                          r"sequel|prequel))\s*$", re.IGNORECASE)
_GRADED = re.compile(r"(?:rated|graded|scored|awarded|marked|given)\b", re.IGNORECASE)
# what the work does on the writer's scale, as a subject: "It scores a 9", "it comes in at 7/10", "it lands at a B-plus"
_WORK_PLACED = frozenset({"scores", "scored", "comes", "came", "lands", "landed", "settles", "settled"})
# a sentence opened with the writer's own frame: "For me,", "To my mind,", "In my book,"
_FRONTED_OWN = re.compile(r"\s*(?:(?:for|to)\s+(?:me|us)|in\s+my\s+(?:book|view|opinion|eyes)|to\s+my\s+mind)\s*,",
                          re.IGNORECASE)


def in_own_frame(line: str) -> bool:
    """Whether the sentence of ``line`` (up to a score) opens with the writer's own frame: "For me, Chapter 2 is a
    B-plus", "To my mind, it is a 4 out of 5", or an app tells its user what they did ("Letterboxd · 21:46 · You rated
    John Wick ★★★★½")."""
    start = max(line.rfind(". "), line.rfind("! "), line.rfind("? ")) + 1
    return _FRONTED_OWN.match(line, start) is not None or _USER_TOLD.search(line) is not None


# an app's activity line telling its user what they did, opening the line or a notification's message after its fields
_USER_TOLD = re.compile(r"(?:^|[\u00b7|\u2022])[ \t]*you[ \t]+(?:just[ \t]+)?(?:rated|gave|scored|graded|logged)\b",
                        re.IGNORECASE | re.MULTILINE)


_BY_AGENT = re.compile(r"[^.!?\n]{0,40}?\bby\s+(?!me\b|this\s+(?:reviewer|critic|writer|author)\b|yours\s+truly\b)",
                       re.IGNORECASE)
# a subject that names somebody ("The jury awards it a B+", "my brother would give it a C", "he gives it a D"); a
# clause without one is the speaker's own ("so yeah going to give it a c minus")
SOMEONE = re.compile(r"\b(?:he|she|they|someone|somebody|everyone|everybody|(?:the|my|our|his|her|their|a|an)\s+"
                      r"[\w-]+)\b|(?<![.!?]\s)(?<!^)\b(?-i:[A-Z])[\w'-]+"
                      r"|(?-i:[A-Z])[\w'-]+(?:\s+(?:would|will|could|might|should))?\s*$", re.IGNORECASE)


def _open_quote(text: str, start: int, end: int) -> int | None:
    """Where a quotation still open at ``end`` opens, after ``start``, if one is."""
    curly = text.rfind("\u201c", start, end)
    if curly >= 0 and text.find("\u201d", curly, end) < 0:
        return curly
    straight = text.count('"', start, end)
    return text.rfind('"', start, end) if straight % 2 == 1 else None


# '"Ten out of ten, would go again," one guest wrote': a quotation closed, then its writer or speaker
_QUOTE_THEN_SPEAKER = re.compile(r"[^\"\u201c\u201d\n]{0,80}[\"\u201d]\s*(?:[\w'\u2019]+\s+){0,3}?"
                                 r"(?:wrote|writes|said|says|posted|added|told\s+(?:me|us)|insists|insisted)\b",
                                 re.IGNORECASE)


# the score as the subject of a giving verb in the passive, its agent someone else: "A figure of two out of five is
# understood to have been returned by the Records Section", "The nine out of ten proposed by the junior reviewer was
# set aside" (not the writer's persona: "recorded by the Reviewer")
_GIVEN_BY_AFTER = re.compile(r"[^.!?\n]{0,80}?\b(?:returned|proposed|suggested|given|awarded|offered|put\s+forward|"
                             r"submitted|entered|assigned|floated)\s+by\s+(?!me\b|myself\b|yours\s+truly\b|"
                             r"(?:this|the)\s+(?:reviewer|critic|writer|author|undersigned)\b)"
                             # ... or whose it is, right after it: "8/10 for my dad", "a 3/5 for them" (not "from me"),
                             # "scores 8/10 with my sister", "scored 4/5 with audiences" (not "with me")
                             r"|[ \t]+(?:from|for|with|among)[ \t]+(?:(?:my|his|her|their)[ \t]+(?!own\b)[\w-]+|"
                             r"them|him|her|(?:the\s+)?(?:audiences?|crowds?|critics|fans|public))\b"
                             # ... or the place it was seen ("Four stars for the drive-in")
                             rf"|[ \t]+(?:for|to)[ \t]+(?:the|this|our)[ \t]+{_VENUE}\b"
                             # ... or said by someone, told by a tag after it: "Nine, she said.", ", says my brother"
                             r"|[^.!?\n]{0,30}?,[ \t]*(?:(?:he|she|they)[ \t]+(?:said|says|reckons|reckoned|insists|"
                             r"insisted|claims|claimed)|(?:says|said|reckons|insists|claims)[ \t]+(?!I\b|me\b)"
                             r"(?:my[ \t]+\w+|(?-i:[A-Z])\w+))\b", re.IGNORECASE)


def given_by_another_after(text: str, end: int) -> bool:
    """Whether the rating ending at ``end`` is the subject of a giving verb in the passive whose agent, named after
    it in its sentence, is someone other than the writer, or is given for someone or somewhere else."""
    return _GIVEN_BY_AFTER.match(text, end) is not None


def quoted_from_another(text: str, before: str, end: int) -> bool:
    """Whether the rating ending at ``end`` is inside a quotation (opened in ``before``, its line so far) that
    someone other than the critic wrote or said."""
    opened = before.count('"') % 2 == 1 or before.rfind("\u201c") > before.rfind("\u201d")
    return opened and _QUOTE_THEN_SPEAKER.match(text, end) is not None
