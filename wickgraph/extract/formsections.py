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
"""

from __future__ import annotations

import re

from .layout_words import RULE_LINE

__all__ = ["others_form_sections"]

# a heading: a short line in capitals (a number, rules and markup around it, a date in it allowed: "=== REPLY FROM
# ACCOUNTS - 30 Oct 2014 ==="), not the text's own first line
_HEADING = re.compile(r"^[ \t#*=_\u2014\u2013-]*(?P<body>(?=[^\n]*[A-Z]{3})[^\n]{3,80}?)[ \t#*=_\u2014\u2013-]*$",
                      re.MULTILINE)
_CAPITALS_SHARE = 0.75
# who the critic is, in a heading's words
_CRITIC = r"(?:THE[ \t]+)?(?:CRITIC|REVIEWER|WRITER|AUTHOR|MANAGER|APPRAISER|ASSESSOR|DECLARANT|APPLICANT|ME|MY|OUR)"
# (not "TEACHER'S COMMENTS" nor "INSPECTOR'S REMARKS": the critic may write in the persona the form gives them)
_OTHERS_HEADING = re.compile(
    r"\bFOR[ \t]+(?:[A-Z]+[ \t]+)?USE\b"  # "FOR OFFICIAL USE ONLY", "FOR CONSULAR USE", "FOR OFFICE USE"
    rf"|\b(?:REPLY|RESPONSE|REBUTTAL)[ \t]+(?:FROM|BY)[ \t]+(?!{_CRITIC}\b)[A-Z]"  # "REPLY FROM ACCOUNTS PAYABLE"
    r"|\bSELF[ \t-]?(?:ASSESSMENT|APPRAISAL|EVALUATION|REVIEW)\b")
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
    """The sections of ``text`` another party wrote, each from its heading to the next heading, and the referees'
    reports under a paper."""
    referees = [(report.start(), _report_end(text, report.end())) for report in _REFEREE.finditer(text)]
    headings = [heading for heading in _HEADING.finditer(text) if heading.start() > 0 and _in_capitals(heading["body"])]
    if not headings:
        return referees
    ends = [heading.start() for heading in headings[1:]] + [len(text)]
    return referees + [(heading.start(), end) for heading, end in zip(headings, ends, strict=True)
                       if _OTHERS_HEADING.search(heading["body"]) or _another_writes(text, heading.end() + 1)]


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
