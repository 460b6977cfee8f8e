"""Replies under a post: where a block of them ends, and whose next post follows a post's counts.

A thread saved as text nests its replies under a post, indented or marked with an arrow ("  \u21b3 @dan: ...").
A thread of one poster carries each post's counts ("2 replies \u00b7 77 likes"), which are no heading of comments
when the same poster's next post follows them.
"""

from __future__ import annotations

import re

from .layout_words import PARAGRAPH_BREAK
from .quotations import top_lines

__all__ = ["HANDLE", "indented_end", "replies_end_after", "same_posters_post_at"]

HANDLE = re.compile(r"@[\w.]+")
_NEXT_LINE = re.compile(r"\s*(?P<line>[^\n]*)")  # the first line that holds something from a place
_POSTERS_TIME = re.compile(r"[ \t]+[\u00b7\u2022|][ \t]+")  # "Tova K @tovak · Jun 6": the poster, then the time


def same_posters_post_at(text: str, heading_start: int, at: int) -> bool:
    """Whether the line at ``at`` opens a post by whoever posted the post that the counts at ``heading_start`` close
    (the header its block opens with, up to the time) or under the handle the text opens with: the counts are one
    post's, in a thread of one poster, not the heading of the comments under it."""
    line = _line_at(text, at)
    author = HANDLE.search(top_lines(text, heading_start))
    if author is not None and author.group().lower() in line.lower():
        return True
    block_start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, heading_start)), default=0)
    header = _POSTERS_TIME.split(_line_at(text, block_start), 1)
    poster = _POSTERS_TIME.split(line, 1)
    return len(header) == len(poster) == 2 and re.search(r"[^\W\d_]", header[0]) is not None \
        and header[0].strip() == poster[0].strip()


def _line_at(text: str, at: int) -> str:
    """The first line from ``at`` that holds something."""
    line = _NEXT_LINE.match(text, at)
    return line["line"] if line is not None else ""


# a reply under a post's entry, indented (two spaces will do) or marked as one: "  » tuesdaygunfu: ...", "↳ @dan: ...",
# "    Jo: ...", "  dogperson_deb — ..."
_REPLY_LINE = re.compile(r"(?:[ ]{2}|\t)[ \t]*\S|[ \t]*[\u00bb\u21b3\u21aa\u2514>]")


def replies_end_after(text: str, start: int) -> int:
    """Where the replies after a comments heading at ``start`` end, when each of them is indented or marked as a reply:
    at the first line after them that is neither (a diary's next entry, an update); else the text's end."""
    at, replied = text.find("\n", start) + 1, False
    while 0 < at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if text[at:end].strip():
            if not _REPLY_LINE.match(text, at, end):
                return at if replied else len(text)
            replied = True
        at = end + 1
    return len(text)


def indented_end(text: str, start: int, end: int) -> int:
    """Where a post whose header line is indented ends (a reply nested under another post): at the first later line
    that holds something and is indented less, else at ``end``."""
    indent = _indent(text, start)
    at = text.find("\n", start, end) + 1 if indent else 0
    while 0 < at < end:
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        if text[at:line_end].strip() and _indent(text, at) < indent:
            return at
        at = line_end + 1
    return end


def _indent(text: str, at: int) -> int:
    """How many spaces and tabs the line at ``at`` opens with."""
    end = text.find("\n", at)
    line = text[at:] if end < 0 else text[at:end]
    return len(line) - len(line.lstrip(" \t"))
