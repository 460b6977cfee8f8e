"""Headings that give the quotations under them to someone other than the writer: a heading with a verb of saying
("WHAT MY FLATMATE THINKS", "THINGS KEV SAID (ALL WRONG)") over quoted lines, or one that names a list as other
people's words ("VERBATIMS", "Audience comments", "QUESTIONNAIRE EXCERPTS (client's words)") over quoted items."""

from __future__ import annotations

import re

__all__ = ["under_others_heading"]


# a heading that gives what follows to someone by a verb of saying or thinking, as a page lists a friend's mistakes:
# "WHAT MY FLATMATE THINKS", "THINGS KEV SAID (ALL WRONG)", "└── YES → What Dad reckons"
_SAID_HEADING = re.compile(r"[^\w\n]*(?:\w+[ \t]*(?:\u2192|->|:)[ \t]*)?(?:what|things|stuff|everything)[ \t]+"
                           r"(?:my[ \t]+[a-z]+|(?-i:[A-Z])[\w'\u2019-]+|he|she|they)[ \t]+(?:said|says|thinks|thought|"
                           r"believes|believed|claims|claimed|reckons|reckoned|insists|insisted|swears|swore|"
                           r"told[ \t]+(?:me|us))\b[^\n]{0,40}$", re.IGNORECASE)
# ... or that names what follows as other people's words, as a survey, a screening or a page lists them: "5) VERBATIMS",
# "AUDIENCE COMMENTS", "Vox pops:", "Testimonials", "Reactions from the foyer"
_QUOTES_HEADING = re.compile(r"[^\w\n]*(?:(?:\d{1,2}|[a-z])[.)][ \t]*)?(?:(?:audience|viewer|reader|fan|respondent|"
                             r"panel|public|guest|customer|user|member|voter|visitor|client|patient|questionnaire|survey|interview)s?"
                             r"['\u2019]?[ \t]+)?"
                             r"(?:verbatims?|verbatim[ \t]+(?:comments|responses|quotes)|testimonials|vox[ \t]+pops?|"
                             r"(?:selected[ \t]+)?(?:quotes|comments|reactions|responses|feedback|excerpts|answers))"
                             r"(?:[ \t]+(?:from|by|of)[ \t]+[^\n]{1,30})?[ \t:]*"
                             # (or a note that the words are someone's: "EXCERPTS (client's words, unedited)")
                             r"(?:\([^()\n]{0,20}\b[\w-]+['\u2019]s[ \t]+(?:own[ \t]+)?words\b[^()\n]{0,20}\)[ \t:]*)?"
                             r"$", re.IGNORECASE)
# what opens a line before a quotation listed under such a heading: a bullet, a number, a respondent's tag ("[1-0442]"),
# or the question it answers ('"Which old friend came back for you?" \u2014 "..."')
_QUOTED_ITEM_BEFORE = re.compile(r"[ \t]*(?:[-*\u2022>]|\d{1,3}[.)]|\[[\w.:/-]{1,12}\])?[ \t]*"
                                 r"(?:[\u201c\"][^\n\"\u201c\u201d]{1,120}[\u201d\"][ \t]*"
                                 r"(?:[\u2014\u2013:]|-{1,2})[ \t]*)?")
_SAID_REACH = 12  # lines up from a quotation to its heading, within one block


def _under_heading(text: str, start: int, heading: re.Pattern[str]) -> bool:
    """Whether the quotation at ``start`` stands in a block (no blank line) under a ``heading`` line, past the
    writer's replies between."""
    line_start = text.rfind("\n", 0, start) + 1
    for _ in range(_SAID_REACH):
        if line_start == 0:
            return False
        above = text.rfind("\n", 0, line_start - 1) + 1
        if not text[above:line_start].strip():
            return False
        if heading.match(text, above, line_start - 1):
            return True
        line_start = above
    return False


def under_others_heading(text: str, start: int, line_start: int) -> bool:
    """Whether the quotation at ``start`` (its line opening at ``line_start``) stands under a heading that gives it to
    someone by a verb of saying, or, as a listed item, under one that names its list as others' words."""
    listed = _QUOTED_ITEM_BEFORE.fullmatch(text, line_start, start) is not None
    return _under_heading(text, start, _SAID_HEADING) or (listed and _under_heading(text, start, _QUOTES_HEADING))
