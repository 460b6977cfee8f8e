"""The readers' comments under a post: what others wrote below a review is not the review's claim.

A blog, a diary site or a news page saved as text ends with its comments under a heading on a line of its own
("3 comments", "Comments (12)", "READER RESPONSES", "Replies:"). Readers there correct the author, give their own
scores and name other roles; none of it is the author's. The saved-page route drops comments already (trafilatura
without comments); this is the same cut for text.
"""

from __future__ import annotations

import re

__all__ = ["comment_spans"]

# a comments heading alone on its line: a count, the noun, a count in brackets, markup and rules around it
_HEADING = re.compile(r"^[ \t#*_=>\u2500-\u257f\u2014\u2013-]*(?:\d{1,5}[ \t]+)?(?:reader|readers['\u2019]?|user|"
                      r"visitor|audience)?[ \t]*(?:comments?|replies|responses)[ \t]*(?:\(\s*\d{1,5}\s*\))?"
                      r"[ \t]*:?[ \t#*_=\u2500-\u257f\u2014\u2013-]*$", re.IGNORECASE | re.MULTILINE)
_FIRST_PART = 0.3  # a heading this near the top is a site's navigation, not the comments under the post


def comment_spans(text: str) -> list[tuple[int, int]]:
    """The span from the comments heading under the post to the end of ``text``; empty when it has none."""
    lower = text.lower()
    if "comment" not in lower and "repl" not in lower and "respons" not in lower:
        return []
    for heading in _HEADING.finditer(text):
        if heading.start() >= _FIRST_PART * len(text) and text[heading.end():].strip():
            return [(heading.start(), len(text))]
    return []
