"""When the case of a word lets it be a name: capitals that head a line, and reviews typed in lower case."""

from __future__ import annotations

import re

from .layout_words import CARD_PLACE, LOG_TIME
from .nameforms import INITIALLED, TRAILING_INITIAL, is_initials

__all__ = ["closes_line_in_capitals", "fills_a_cell", "heads_line_in_capitals", "introduced_in_capitals",
           "is_lowercase_style", "written_as_form"]


# a capital that starts a word; the class comes first so that the engine skips to capitals in C
_CAPITALISED = re.compile(r"[A-Z](?<![^\W_][A-Z])")


def is_lowercase_style(text: str, n_words: int) -> bool:
    """A review typed in lower case ("keanu reeves as john wick"), where capitals mean nothing."""
    if n_words < 20:
        return False
    return len(_CAPITALISED.findall(text)) / n_words < 0.04


# A line's head in capitals, up to its first mark: "BALLERINA (2024) · 125 min", "IOSEF — the brat",
# "HANSEL & GRETEL —", "MARCUS. Sniper, old friend."
# (after an entry's number and its mark: "CARD 03 \u2014 IOSEF \u2014 Alfie Allen", "No. 2 \u00b7 SOFIA \u00b7 X", or
# after a log's time of day: "15:40 \u2014 ZERO: Mark Dacascos"; or after a numbered card's place in its set and
# its tag in brackets: "No. 04/30 [SR] SOFIA", "#07 of 24 \u2014 ZERO")
_CAPITALS_HEAD = re.compile(r"[ \t>#*_\u2022-]*(?:\d{1,3}[.)][ \t]*"
                            r"|(?:(?:(?i:card|no\.?)|#)[ \t]*)?\d{1,3}[ \t]+[\u2013\u2014|\u00b7:-][ \t]*"
                            rf"|{CARD_PLACE}"
                            rf"|{LOG_TIME}[ \t]*)?"
                            r"(?P<head>[^\n\u2013\u2014:(|\u00b7]{1,60}?)[ \t*_]*"
                            r"(?:[\u2013\u2014:(|\u00b7]|[ \t]-[ \t]|,|\.(?=\s|\Z)|\n|\Z"
                            # (or a glossary's pronunciation or part of speech: "HELEN /ˈhɛlən/ n.", "BERRADA n.")
                            r"|/[^/\n]{1,40}/|(?:prop\.[ \t]*)?(?:n|v|adj)\.(?=[ \t]))")


def heads_line_in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is in the capitals that head a line before a mark: a title line ("BALLERINA
    (2024) · 125 min"), a glossary entry ("IOSEF — the brat", "HANSEL & GRETEL — ..."). A work's or a character's
    name there is a name; shouted words elsewhere are not."""
    if not text[start:end].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    head = _CAPITALS_HEAD.match(text, line_start)
    return head is not None and head.start("head") <= start and end <= head.end("head") \
        and head.group("head").isupper() and len(head.group("head").split()) <= 4  # a name or two, not a shout


# a table's cell: set off by a tab, a bar or a run of spaces on both sides
_CELL_BEFORE = re.compile(r"(?:\t|[ ]{2}|\|[ \t]*)\Z")
_CELL_AFTER = re.compile(r"[ ]{2}|[ \t]*(?:\t|\||\n|\Z|\.{3,})")  # (or a leader's dots: "COMMON ...... Cassian")
_LINE_OPENS = re.compile(r"(?:^|\n)[ \t]*\Z")
_SEPARATOR_AFTER = re.compile(r"[ ]{2}|[ \t]*(?:\t|\||\.{3,})")


def fills_a_cell(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, in capitals, is a whole cell of a table ("5   Mark Dacascos      ZERO      W"): a
    column of names in capitals is how a call sheet or a cast table writes them, not a shout."""
    if not text[start:end].isupper() or _CELL_AFTER.match(text, end) is None:
        return False
    # (a row's first cell opens its line, with a separator after it, not the line's end: that is a heading)
    return _CELL_BEFORE.search(text, max(0, start - 4), start) is not None \
        or (_LINE_OPENS.search(text, max(0, start - 4), start) is not None
            and _SEPARATOR_AFTER.match(text, end) is not None)


# a player introduced right after the capitals, in ordinary case: "HELEN (Bridget Moynahan", "AURELIO -- John
# Leguizamo", "WINSTON, is Ian McShane", "CHARON, Lance Reddick"
# (a script's bracket may give an age or a description first: "JOHN WICK (late 40s; Keanu Reeves)", "ERNEST (NBA
# center Boban Marjanović)", "ABRAM (60s), Peter Stormare"; a one-word player closes the bracket: "CASSIAN (Common)")
_PLAYER_AFTER = re.compile(r"(?:[ \t]*\((?:[^()\n;]{1,20};[ \t]*|(?:[A-Za-z][\w-]*[ \t]+){1,3}?)?"
                           r"|[ \t]*\([^()\n]{1,20}\),[ \t]+|[ \t]+-{1,2}[ \t]+|[ \t]*[\u2013\u2014][ \t]*"
                           r"|,[ \t]+(?:(?:is|was|played[ \t]+by|portrayed[ \t]+by|that['\u2019]s|that[ \t]+is)[ \t]+)?"
                           r"|:[ \t]+|[ \t]*=[ \t]*)"  # (a solver's note: "ARES = Ruby Rose")
                           r"(?-i:[A-Z][a-z]+(?:[ \t]+(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]|\)))")
# ... or the player's possessive right before the capitals: "Lance Reddick's CHARON", "Ian McShane's WINSTON"
_PLAYER_BEFORE = re.compile(r"(?-i:[A-Z][a-z]+[ \t]+(?:[A-Z][a-z]+[ \t]+)?[A-Z][A-Za-z-]*[a-z])['\u2019]s[ \t]+\Z")
# ... or the part a player takes, after "as" in prose and closing its clause: "X is behind the desk as WINSTON, and"
_AS_BEFORE = re.compile(r"(?<=[a-z])[ \t]+as[ \t]+\Z")
_CLAUSE_CLOSES = re.compile(r"[ \t]*(?:[,.;:!?)]|\n|\Z|[ \t]and\b)")


# ... in running prose: after a word in lower case ("his wife HELEN", "The owner, WINSTON"), or opening a sentence
# (not after a label's colon: "Our verdict: ZERO -- ...")
_PROSE_BEFORE = re.compile(r"(?:[a-z],?|[.!?])[ \t]+\Z|^[ \t]*\Z", re.MULTILINE)
# ... or after the number of an entry run on in a paragraph, as a crossword's solutions or a quiz's answers are
# printed ("Across: 1 CONTINENTAL, the hotel. 13 HELEN, Bridget Moynahan, seen in flashbacks")
_ENTRY_NUMBER_BEFORE = re.compile(r"(?:^|[.;:!?][ \t]+)\d{1,3}[ \t]+\Z", re.MULTILINE)


def introduced_in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a name in capitals that a script or a synopsis gives a character when it
    introduces the player ("buries his wife HELEN (Bridget Moynahan, ...)", "AURELIO, played by John Leguizamo",
    "Lance Reddick's CHARON", "Ian McShane runs the desk as WINSTON."): a name, not a shouted word."""
    if not text[start:end].isupper():
        return False
    return (_PLAYER_AFTER.match(text, end) is not None
            and (_PROSE_BEFORE.search(text, max(0, start - 4), start) is not None
                 or _ENTRY_NUMBER_BEFORE.search(text, max(0, start - 8), start) is not None)) \
        or _PLAYER_BEFORE.search(text, max(0, start - 40), start) is not None \
        or bool(_AS_BEFORE.search(text, max(0, start - 8), start) and _CLAUSE_CLOSES.match(text, end))


# a value after a dash or a colon that closes its line: an answer key's or a crossword's solution ("Star who plays
# 1 Across (5,6) \u2014 KEANU REEVES", "12A. Concierge (6) \u2014 CHARON"), a credit line's name ("Director: CHAD")
_VALUE_BEFORE = re.compile(r"(?:[\u2013\u2014:=]|[ \t]-{1,2})[ \t]*\Z")
_LINE_CLOSES = re.compile(r"[ \t.]*(?:\n|\Z)")
# ... or a crossword's solution right after its enumeration, maybe before the solver's note: "(7) CASSIAN \u2014 the
# subway duel ...", "(6) \u2014 MARCUS. Willem Dafoe, who ..."
_ENUMERATION_BEFORE = re.compile(r"\(\d{1,2}(?:[ \t]*[,-][ \t]*\d{1,2})*\)[ \t]*"
                                 r"(?:(?:[\u2013\u2014:=]|-{1,2})[ \t]*)?\Z")
_NOTE_AFTER = re.compile(r"\.[ \t]+(?-i:[A-Z][a-z])|[ \t]+(?:[\u2013\u2014]|-{1,2})[ \t]")


def closes_line_in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, in capitals, is the value that closes its line after a dash or a colon, or a
    crossword's solution after its enumeration: a solution or an answer written in capitals, not a shouted word
    inside a sentence."""
    if not text[start:end].isupper():
        return False
    if _ENUMERATION_BEFORE.search(text, max(0, start - 20), start) is not None:
        return _LINE_CLOSES.match(text, end) is not None or _NOTE_AFTER.match(text, end) is not None
    return _VALUE_BEFORE.search(text, max(0, start - 4), start) is not None \
        and _LINE_CLOSES.match(text, end) is not None


def written_as_form(surface: str, form: str, person: bool, n_tokens: int, lowercase_style: bool, after: str) -> bool:
    """Whether ``surface`` is written as the name ``form`` is written: a single word capitalised (unless the whole
    review is written in lower case), an initialled name as one: "K. Reeves", never "a young" for "A. Young";
    "Allen, A.", never "Allen, a" (``after`` is the character after the surface); a person's initials in capitals."""
    if INITIALLED.match(form):
        return INITIALLED.match(surface) is not None
    if TRAILING_INITIAL.fullmatch(form):
        return TRAILING_INITIAL.fullmatch(surface + after) is not None
    if person and is_initials(form):
        return surface == form  # "KR", never "kr" or "Kr"
    if n_tokens > 1 or lowercase_style:
        return True
    if not surface[:1].isupper():
        return False
    # An all-capitals word in a shouted headline is not a name unless the name is an acronym.
    return not (surface.isupper() and len(surface) > 3 and not form.isupper())
