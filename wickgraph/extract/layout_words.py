"""The word lists the layout step reads (``layout.json``): column-header words, credit labels and headings.

Each list has an id and a description of the layout phenomenon it covers; the file is validated on
load, and a bad entry raises InputError naming the file and the list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .wordlists import WordLists, load_word_lists

__all__ = ["CALENDAR_FILE", "CAPITALS_HEADING", "CARD_PLACE", "CLOCK", "CREW_JOB", "ENTRY_LABEL_GAP", "LAYOUT_FILE",
           "LOG_TIME", "MATCHING_DOTS", "MONTH", "PARAGRAPH_BREAK", "RULE_LINE", "SCREEN_TEXT", "SENDER", "STAMP",
           "LayoutWords", "credit_job", "default_layout_words", "job_kind", "load_layout_words"]

LAYOUT_FILE = Path(__file__).resolve().parent / "layout.json"
_REQUIRED = ("header-actor", "header-role", "header-returning", "label-director", "label-writer", "label-both",
             "label-cast", "heading-reprise", "heading-absent")


LayoutWords = WordLists

# a label of words shown on the screen, which nobody in the scene speaks: a screenplay's "SUPER:", a broadcast's
# "CHYRON:", "TITLE CARD:", "ON-SCREEN TEXT:" (its words are the writer's)
SCREEN_TEXT = re.compile(r"(?:super|title(?:[ \t]+card)?|caption|chyron|insert|on[ -]?screen(?:[ \t]+text)?|graphic"
                         r"|lower[ \t]+third|subtitles?)", re.IGNORECASE)
# a month's name, in full or abbreviated ("October", "Oct.", "Sept")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a blank line between two paragraphs (spaces or tabs on it too)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# an iCalendar or vCard file (RFC 5545, RFC 6350), told by a component's opening line ("BEGIN:VEVENT")
CALENDAR_FILE = re.compile(r"^BEGIN:V(?:CALENDAR|EVENT|TODO|JOURNAL|CARD)\r?$", re.MULTILINE)

# a time of day: "20:52", "9:04 PM"
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
# ... opening a log's entry before a dash or a bar: "14:18 \u2014 ", "9:04 PM - ", "21:10 | "
LOG_TIME = rf"{CLOCK}[ \t]*[\u2013\u2014|\u00b7-]"
# A card's place in its set, before the card's name on its heading line, with its rarity tag (one copy for the
# modules that read such headings): "No. 04/30 [SR] ", "#07 of 24 \u00b7 ", "[#05/24 \u25c8] ", "Card 12/50 (foil) "
CARD_PLACE = (r"(?:(?:(?i:card|no\.?)|#)[ \t]*\d{1,3}[ \t]*(?:/|(?i:of))[ \t]*\d{1,3}[ \t]*"
              r"(?:[\u2013\u2014|\u00b7:-][ \t]*)?(?:(?:\[[^\]\n]{1,12}\]|\([^)\n]{1,12}\))[ \t]*)?"
              r"|\[#?\d{1,3}/\d{1,3}[^\]\n]{0,6}\][ \t]*)")
# The pieces a chat's or a transcript's line opens with, for every module that reads them (one copy):
# its time stamp, "[12/02/2017, 23:14]", "(9:41 PM)", "[Fri 23:58]", "[00:14:32]", "21:04 ", a phone's export
# "21/03/2023, 22:41 -" ...
# ... or a log's time in Zulu or in hours, as a radio or a ship's log writes it: "2021Z", "0930 hrs"
STAMP = (r"(?:[\[(](?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?[\d/.,: \t-]{3,25}(?:[AaPp]\.?[Mm]\.?)?[\])]"
         rf"|(?:\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}},?[ \t]+)?{CLOCK}"
         r"(?:[ \t]+[-\u2013])?(?=[ \t])"
         r"|[0-2]\d[0-5]\d(?:Z|[ \t]?hrs?)(?=[ \t]))")
# ... and its sender before a colon: "Priya", "dex_m", "kaz.exe", "Dex M", "@sam_w"
SENDER = r"@?[\w.-]{1,25}(?:[ \t][\w.-]{1,25}){0,2}"

# what parts an entry's label from its value: "**Ares** \u2014 Ruby Rose", "Ares: Ruby Rose", "Ares | Ruby Rose"
ENTRY_LABEL_GAP = re.compile(r"[*_ \t]*(?:[\u2014\u2013:|]|-{1,2})[*_ \t]*")

# a cross that marks something wrong or rejected: "✗", "✘", "❌"
CROSS_MARK = r"[\u2717\u2718\u274c]"

# a rule on a line of its own, one mark repeated: "-----", "- - - - -", "* * *", "=====", "──────"
RULE_LINE = re.compile(r"^[ \t]*([-=*~_\u2014\u00b7\u2500])(?:[ \t]?\1){2,}[ \t]*$", re.MULTILINE)

# a matching exercise's row: two columns whose items face each other with the dots a line is to be drawn between
# ("Common •          • Ares", "Anjelica Huston  ○     ○  Charon"); the columns are shuffled, so a row pairs nothing
MATCHING_DOTS = re.compile(r"[\u2022\u25cb\u25cf\u25e6\u2218][ \t]{3,}[\u2022\u25cb\u25cf\u25e6\u2218]")

# a section's heading: a short line in capitals, maybe numbered ("WITNESS STATEMENT", "3. CAST: THEN AND NOW"), read
# where a blank line (or the text's start) comes before it
CAPITALS_HEADING = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]+)?[A-Z][A-Z0-9 ,'&:()/\u2019\u2014\u2013-]{2,60}[ \t]*"
                              r"(?=\n|\Z)")

# the crew's jobs, which are none of the claims' ("Producer", "Music by", "Cinematography", "Stunt coordinator"): a
# record's field or a line they open names no part and no credit
CREW_JOB = re.compile(r"produc|compos|music|score|edit|camera|cinematograph|photograph|stunt|design|costume|"
                      r"make-?up|casting|coordinat|choreograph|sound|effects|vfx", re.IGNORECASE)


def _fold_spaces(word: str) -> str:
    return " ".join(word.lower().split())  # "Played  By" and "played by" are one header


def load_layout_words(path: str | Path = LAYOUT_FILE) -> LayoutWords:
    """Read and validate the header and label word lists; a bad entry raises InputError naming the file and id."""
    return load_word_lists(path, _REQUIRED, noun="layout word list", fold=_fold_spaces)


@lru_cache(maxsize=1)
def default_layout_words() -> LayoutWords:
    """The package's layout word lists, loaded once per process."""
    return load_layout_words(LAYOUT_FILE)


@lru_cache(maxsize=1)
def credit_job() -> str:
    """A regex alternation of the director's and the writer's jobs as credits label them, in words ("director",
    "screenplay", "written by", "dir"), longest first; :func:`job_kind` tells which job a match is."""
    words = default_layout_words()
    jobs = (w for w in words["label-director"] | words["label-writer"] if w[:1].isalpha() and len(w) > 2)
    return "|".join(re.escape(w) for w in sorted(jobs, key=lambda w: (-len(w), w)))


def job_kind(job: str) -> str:
    """"director" or "writer": the job a :func:`credit_job` match names."""
    return "director" if job.lower() in default_layout_words()["label-director"] else "writer"
