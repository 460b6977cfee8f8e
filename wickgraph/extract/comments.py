"""The readers' comments under a post: what others wrote below a review is not the review's claim.

A blog, a diary site or a news page saved as text ends with its comments under a heading on a line of its own
("3 comments", "Comments (12)", "READER RESPONSES", "Replies:"). Readers there correct the author, give their own
scores and name other roles; none of it is the author's. The saved-page route drops comments already (trafilatura
without comments); this is the same cut for text.

A heading with neither a count nor a reader ("COMMENTS", "Replies:") is also the name of a section of the author's
own form (a reader's report's "COMMENTS" after its "SYNOPSIS"): it opens readers' comments only when an entry's
marks follow it (a name with a time, "2 days ago", "Reply", "@name").
"""

from __future__ import annotations

import re

__all__ = ["comment_spans"]

# a comments heading alone on its line: a count, the noun, a count in brackets, markup and rules around it
_HEADING = re.compile(r"^[ \t#*_=>\u2500-\u257f\u2014\u2013-]*(?P<count>\d{1,5}[ \t]+)?"
                      r"(?P<whose>reader|readers['\u2019]?|"
                      r"user|visitor|audience)?[ \t]*(?:comments?|replies|responses)[ \t]*"
                      r"(?P<counted>\(\s*\d{1,5}\s*\))?"
                      r"[ \t]*:?[ \t#*_=\u2500-\u257f\u2014\u2013-]*$", re.IGNORECASE | re.MULTILINE)
# what an entry of a comments thread carries near its start: its author's handle, its age, a reply button
_ENTRY_MARK = re.compile(r"[\u00b7\u2022|][ \t]*\d{1,3}[ \t]*"
                         r"(?:[smhdwy]|mins?|hrs?|hours?|days?|weeks?|months?|years?)\b|"
                         r"\b\d{1,3}[ \t]+(?:minutes?|hours?|days?|weeks?|months?|years?)[ \t]+ago\b|"
                         r"^[ \t]*(?:@[\w.]+|(?:posted|submitted)[ \t]+by\b|reply\b|"
                         r"[\w.-]+[ \t]+(?:says|wrote)[ \t]*:)",
                         re.IGNORECASE | re.MULTILINE)
_ENTRY_REACH = 300
_FIRST_PART = 0.3  # a heading this near the top is a site's navigation, not the comments under the post


def comment_spans(text: str) -> list[tuple[int, int]]:
    """The span from the comments heading under the post to the end of ``text``; empty when it has none."""
    lower = text.lower()
    if "comment" not in lower and "repl" not in lower and "respons" not in lower:
        return []
    for heading in _HEADING.finditer(text):
        if heading.start() < _FIRST_PART * len(text) or not text[heading.end():].strip():
            continue
        if heading.group("count") or heading.group("whose") or heading.group("counted") \
                or _ENTRY_MARK.search(text, heading.end(), heading.end() + _ENTRY_REACH):
            return [(heading.start(), len(text))]
    return []
