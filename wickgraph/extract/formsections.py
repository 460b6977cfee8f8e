"""Sections of a form or a file that another party wrote: not the critic's claims, nor the critic's score.

A review written as a form, a file or an appraisal has sections under headings in capitals. Some of them say by
their heading that someone else fills them in:
- the office's box of a form the critic fills in: "FOR OFFICIAL USE ONLY", "FOR CONSULAR USE - REMARKS";
- another party's answer: "REPLY FROM ACCOUNTS PAYABLE", "RESPONSE BY THE STUDIO";
- the appraised side's own view of itself: "EMPLOYEE SELF-ASSESSMENT", "SELF-APPRAISAL";
- or the line under the heading names an office as its author: "(completed on the employee's behalf by the studio
  publicity office)", "Submitted by the studio's publicity department", or another's text as its source: "From the
  Rural Dean's column in the parish magazine".
Each such section runs to the next heading. The critic's own reply ("REPLY FROM THE CRITIC") stays the critic's, and
so do the remarks and comments of whatever persona the form gives the critic ("TEACHER'S COMMENTS").

A heading may also give the notes under it to the form's other party, unnamed ("PARENT'S REPLY SLIP"), or to a named
person: "PRIYANKA'S CORRECTIONS", "TA NOTES (Devin)", "Code review by k.lindqvist (2 comments)", "CHANGE REQUESTS
(raised by Priya)", "H.B. notes", or a heading over "from user parabellum_fan88:". Their notes are the block under
it, and the items after it (indented, or opening with a mark, a quotation mark or an item's label); the writer's
replies among them, in brackets or after an arrow ("[ME: not on the worksheet]", "→ Rejected."), stay the writer's.
A name in capitals must be one the text writes inside a sentence ("corrections by Priyanka"): "STEWARD'S NOTES" is a
persona's, and so the writer's.
"""

from __future__ import annotations

import re

from .layout_words import RULE_LINE
from .quotations import BYLINE, INITIALS, top_lines, writer_names

__all__ = ["others_form_sections"]

# a heading: a short line in capitals (a number, rules and markup around it, a date in it allowed: "=== REPLY FROM
# ACCOUNTS - 30 Oct 2014 ==="), not the text's own first line
_HEADING = re.compile(r"^[ \t#*=_\u2014\u2013-]*(?P<body>(?=[^\n]*[A-Z]{3}|(?i:list|column|lane)[ \t]*:)[^\n]{3,80}?)"
                      r"[ \t#*=_\u2014\u2013-]*$", re.MULTILINE)
_CAPITALS_SHARE = 0.75
# who the critic is, in a heading's words
_CRITIC = r"(?:THE[ \t]+)?(?:CRITIC|REVIEWER|WRITER|AUTHOR|MANAGER|APPRAISER|ASSESSOR|DECLARANT|APPLICANT|ME|MY|OUR)"
# (not "TEACHER'S COMMENTS" nor "INSPECTOR'S REMARKS": the critic may write in the persona the form gives them)
_OTHERS_HEADING = re.compile(
    r"\bFOR[ \t]+(?:[A-Z]+[ \t]+)?USE\b"  # "FOR OFFICIAL USE ONLY", "FOR CONSULAR USE", "FOR OFFICE USE"
    rf"|\b(?:REPLY|RESPONSE|REBUTTAL)[ \t]+(?:FROM|BY)[ \t]+(?!{_CRITIC}\b)[A-Z]"  # "REPLY FROM ACCOUNTS PAYABLE"
    r"|\bSELF[ \t-]?(?:ASSESSMENT|APPRAISAL|EVALUATION|REVIEW)\b"
    # another judge's or member's opinion under a judgment or a report: "VI. DISSENT", "DISSENTING OPINION",
    # "MINORITY REPORT" (not the writer's own: "MY DISSENT")
    r"|(?<!\bMY[ \t])(?<!\bOUR[ \t])\b(?:DISSENT(?:ING[ \t]+OPINION)?|MINORITY[ \t]+(?:REPORT|OPINION|VIEW))\b"
    # what others say, under a heading that calls it so: "RUMOURS I'M NOT PRICING IN", "THE RUMOUR MILL", "HEARSAY"
    # (not a heading that sets the facts beside them: "MYTHS VS FACTS", "RUMOURS, CHECKED")
    r"|^(?![^\n]*\b(?:FACTS?|TRUTH|TRUE|CHECKED|BUSTED|DEBUNKED|VS\.?|VERSUS|ANSWERED)\b)[^\n]*"
    r"\b(?:RUMOU?RS?|RUMOU?R[ \t]+MILL|HEARSAY|GOSSIP|MYTHS|MISCONCEPTIONS)\b"
    # what was proposed and turned down, as a board's column or a list's heading says: "COLUMN: WON'T DO", "REJECTED
    # SUGGESTIONS", "DECLINED", "LIST: Wrong" (not a heading over claims the writer answers: "CLAIMS REJECTED THIS
    # WEEK")
    r"|\b(?:WON['\u2019]?T[ \t]+(?:DO|FIX)|WONTFIX|NOT[ \t]+DOING)\b"
    r"|^[^\w\n]*(?:(?i:column|list|lane)[ \t]*:[ \t]*)?(?:REJECTED|DECLINED|DISCARDED|(?i:(?<=:[ \t])"
    r"(?:rejected|declined|discarded|wrong|debunked)))\b")
# a board's list or column, whatever its case: "=== LIST: Rejected ===", "Column: Won't do"
_BOARD_LIST = re.compile(r"(?:list|column|lane)[ \t]*:", re.IGNORECASE)
# the line under a heading that names an office as the section's author, or another's text as its source ("From the
# Rural Dean's column in the parish magazine, read by himself")
_SOURCE_LINE = re.compile(r"[ \t(]*(?:(?:completed|submitted|filled[ \t]+in|written|supplied|prepared|provided)"
                          r"\b[^\n]{0,40}?\bby[ \t]+the[ \t]+(?!critic|reviewer|writer|author)"
                          r"|from[ \t]+(?:the|a|an|his|her|their)[ \t]+[^\n]{0,40}?['\u2019]s[ \t]+"
                          r"(?:column|letter|blog|post|newsletter|sermon|book|article|diary|notes|speech)\b)",
                          re.IGNORECASE)


# a referee's report under a paper, headed by its number in any case ("Reviewer 2", "REFEREE #1", "Reviewer B:"),
# up to the next heading: a short line of its own after a blank line ("Authors' response")
_REFEREE = re.compile(r"^[ \t#*_]*(?:reviewer|referee)[ \t]*#?[ \t]*(?:\d{1,2}|[A-C])\b[^\n.!?]{0,40}$",
                      re.IGNORECASE | re.MULTILINE)
_NEXT_HEADING = re.compile(r"\n[ \t]*\n[ \t#*_]*[^\n.!?]{2,40}\n")


def others_form_sections(text: str) -> list[tuple[int, int]]:
    """The sections of ``text`` another party wrote or a heading turns down ("COLUMN: WON'T DO"), each from its
    heading to the next heading, the referees' reports under a paper, and the notes a heading gives to a named
    person."""
    referees = [(report.start(), _report_end(text, report.end())) for report in _REFEREE.finditer(text)]
    headings = [heading for heading in _HEADING.finditer(text) if heading.start() > 0
                and (_in_capitals(heading["body"]) or _BOARD_LIST.match(heading["body"]))]
    ends = [heading.start() for heading in headings[1:]] + [len(text)] if headings else []
    sections = [(heading.start(), _before_rule(text, heading.end() + 1, end))
                for heading, end in zip(headings, ends, strict=True)
                if _OTHERS_HEADING.search(heading["body"]) or _another_writes(text, heading.end() + 1)]
    return referees + sections + _named_notes(text)


def _before_rule(text: str, start: int, end: int) -> int:
    """Where a section whose body starts at ``start`` ends: at ``end``, or before a rule line that closes it earlier
    ("-----" between a self-assessment and the writer's own verdict); a rule right under the heading underlines it."""
    underline = RULE_LINE.match(text, start)
    rule = RULE_LINE.search(text, underline.end() if underline else start, end)
    return rule.start() if rule else end


# what a person adds to a text: notes, corrections, comments, guesses
_NOTES = (r"(?:notes?|corrections|stickies|sticky[ \t]+notes?|post-its?|comments|answers|guesses|attempts|replies|"
          r"suggestions|edits|additions|questions|theories|annotations|scribbles|feedback|objections|review|remarks|"
          r"queries|requests|predictions|marginalia|thoughts|two[ \t]+cents|reply|response|texts?|"
          r"messages?|slips?)")
# a person's name: capitalised words ("Priyanka", "Priya S."), or a handle ("k.lindqvist", "@jhal")
_PERSON = r"(?:@[\w.]+|[a-z]+[._][\w.]+|(?-i:[A-Z][\w'\u2019-]+)(?:[ \t]+(?-i:[A-Z])[\w'\u2019.-]*)?)"
_ASIDE = r"(?:[ \t]*\([^()\n]{0,60}\))?"  # "(blue pen; my answers in brackets)", "(2 comments)"
# a heading that gives its notes to someone, on a line of its own: their name's possessive before the notes
# ("PRIYANKA'S CORRECTIONS", "Marco's pink stickies:"), or the notes by them after it ("TA NOTES (Devin)", "Code
# review by k.lindqvist (2 comments)", "CHANGE REQUESTS (raised by Priya)", "ADDITIONS (submitted by reader @dogmom)",
# "STICKIES (yellow, Jonah's)"); a section's number may open it ("5. PM COMMENTS (Gary)")
_BY = r"(?:by|from)[ \t]+(?:(?-i:[a-z]+)[ \t]+){0,2}"  # (a noun for them between: "from user parabellum_fan88")
_NAMED_NOTES = re.compile(
    rf"^[ \t#*=_\u2014\u2013-]*(?:\d{{1,2}}[.)][ \t]+)?"
    rf"(?:(?:(?P<owner>{_PERSON}|(?:my|our)[ \t]+[a-z]+)['\u2019]s?|(?P<initials>{INITIALS}))[ \t]+)?"
    rf"(?:[\w-]+[ \t]+){{0,2}}(?P<notes>{_NOTES})[ \t]*"
    rf"(?:\((?:[^()\n]{{0,30}}\b{_BY})?['\u2018\"\u201c]?(?P<within>{_PERSON})[^()\n]{{0,60}}\)"
    rf"|\([^()\n]{{0,30}}?\b(?P<whose>{_PERSON})['\u2019]s\b[^()\n]{{0,60}}\)"
    rf"|{_BY}(?P<after>{_PERSON}){_ASIDE}|{_ASIDE})"
    r"[ \t:#*=_\u2014\u2013\u2600-\u27bf\ufe0f\U0001f300-\U0001faff-]*$", re.IGNORECASE | re.MULTILINE)
# ... or the line under a heading naming nobody that names them: "from user parabellum_fan88, pending review:"
_SOURCE_NAMED = re.compile(rf"[ \t(]*(?:(?:submitted|sent|posted|raised|added|written)[ \t]+)?{_BY}"
                           rf"(?P<who>{_PERSON})", re.IGNORECASE)
# an item under such a heading: indented, or opening with a mark, a quotation mark, a number or an item's label
# ("CR-2", "No. 3", "T14")
_ITEM = re.compile(r"[ \t]+\S|[^\w\s(\[]|\d{1,3}[.)][ \t]|[A-Z]{1,4}-?\d{1,3}[ \t]|No\.[ \t]*\d{1,3}\b")
# the writer's reply among the items: in brackets, or after an arrow
_REPLY = re.compile(r"[ \t]*(?:\[[^\n]*\][ \t]*$|(?:\u2192|->|=>|\u21b3))")
# a heading's owner who is unnamed: the writer's relative or friend ("MY SISTER'S REPLY", "Our neighbour's notes"), or
# the other party a form is sent to or a show speaks to ("PARENT'S REPLY SLIP", "LISTENER'S NOTES")
_UNNAMED_OTHER = re.compile(r"(?:my|our)[ \t]+(?:sister|brother|mum|mom|mother|dad|father|cousin|aunt|uncle|wife|"
                            r"husband|partner|son|daughter|friend|flatmate|roommate|neighbou?r|gran|nan|grandma|"
                            r"grandad|grandpa|niece|nephew|colleague|boss)"
                            r"|(?:the[ \t]+)?(?:parents?|guardians?|readers?|viewers?|listeners?|callers?|audience)",
                            re.IGNORECASE)
# (not the writer's persona nor the film's people: "TEACHER'S COMMENTS", "the director's notes")
# (nor the persona the writer of a rider, a catalogue, a rulebook, a league or a survey takes: "PROMOTER'S REVIEW")
_ROLE_WORDS = frozenset({"teacher", "director", "editor", "critic", "reviewer", "writer", "author", "instructor",
                         "examiner", "inspector", "marker", "setter", "curator", "producer", "promoter", "specialist",
                         "designer", "commissioner", "analyst", "lecturer", "programmer", "organiser", "organizer",
                         "maintainer", "host", "tutor", "professor", "coach", "trainer", "mentor", "supervisor",
                         "my", "our", "the"})


def _named_notes(text: str) -> list[tuple[int, int]]:
    """The notes under a heading that gives them to a named person other than the writer (the module's docstring)."""
    if "\n" not in text:
        return []
    spans = []
    top_end = len(top_lines(text))  # (a byline stands in the first lines)
    for heading in _NAMED_NOTES.finditer(text, text.find("\n")):
        start = heading.end() + 1
        source = None if heading["owner"] else _SOURCE_NAMED.match(text, start)
        if source is not None:
            start = text.find("\n", source.end()) + 1 or len(text)
        by_name = heading["within"] or heading["whose"] or heading["after"] or (source and source["who"])
        # (a sentence is no heading: "comments by x ...")
        named = by_name or heading["owner"] or heading["initials"]
        if named is None or (by_name and heading.group().strip()[:1].islower()) \
                or (heading["after"] and heading.start() < top_end
                    and BYLINE.search(heading.group())):  # (a byline: "Review by X", not "Suggestions by x")
            continue
        owner = named.lower().lstrip("@")
        if _UNNAMED_OTHER.fullmatch(owner):
            spans += _notes_under(text, start)
            continue
        if heading["notes"].lower() in ("reply", "response"):
            continue  # (a named party's reply may be the writer's own: "Authors' response" under a referee's report)
        first = owner.split()[0]
        writer = writer_names(text, heading.start())  # (named above the heading)
        if owner in writer or first in writer or first in _ROLE_WORDS or (
                heading["owner"] and heading["owner"].lower() in _ROLE_WORDS):
            continue  # (the name in brackets after the writer's persona is the writer's: "PROMOTER'S REVIEW (Ruth A.)")
        # (a name in a heading in capitals is written as a name elsewhere, unlike "HIRING MANAGER'S")
        if named != heading["initials"] and named.isupper() and not _written_as_name(text, named):
            continue
        spans += _notes_under(text, start)
    return spans


def _written_as_name(text: str, word: str) -> bool:
    """Whether ``word``, written in capitals in a heading, is a name: capitalised inside a sentence elsewhere
    ("corrections by Priyanka", "Not the same actress, Marco"), as a persona's title is not ("the steward")."""
    return re.search(rf"(?<=[a-z,;.!?] ){re.escape(word.split()[0].title())}\b(?![ \t]*:)", text) is not None


def _notes_under(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of the notes from ``start`` on: the first block and the items after it, less the writer's replies."""
    spans: list[tuple[int, int]] = []
    itemised = after_blank = False
    at = start
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end]
        if not line.strip():
            after_blank = True
        elif _ITEM.match(line):
            if _goes_on_numbering(text, start, line):
                break  # "6. Leaflet author's grade" after the notes under section 5: the writer's next section
            itemised = True
            if not _REPLY.match(line):
                spans.append((at, end))
        elif itemised or after_blank or _in_capitals(line):
            break
        else:
            spans.append((at, end))
        at = end + 1
    return spans


_NUMBERED_LINE = re.compile(r"[ \t]*(\d{1,3})[.)][ \t]")


def _goes_on_numbering(text: str, start: int, line: str) -> bool:
    """Whether ``line`` is numbered next after a numbered line above the notes at ``start``: the document's own
    sections going on, not one of the notes' items."""
    number = _NUMBERED_LINE.match(line)
    return number is not None and int(number[1]) > 1 and re.compile(
        rf"^[ \t]*{int(number[1]) - 1}[.)][ \t]", re.MULTILINE).search(text, 0, start) is not None


def _report_end(text: str, start: int) -> int:
    """Where a referee's report that starts at ``start`` ends: at the next heading."""
    following = _NEXT_HEADING.search(text, start)
    return following.start() if following else len(text)


def _another_writes(text: str, at: int) -> bool:
    """Whether the line at ``at``, under a heading (past a rule), says an office wrote the section or gives another's
    text as its source."""
    rule = RULE_LINE.match(text, at)
    return _SOURCE_LINE.match(text, rule.end() + 1 if rule else at) is not None


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) >= _CAPITALS_SHARE * len(letters)
