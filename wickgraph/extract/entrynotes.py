"""A list entry's note that says its role is taken up again: the sentence after the entry's names on its line
("Keanu Reeves \u2014 John Wick. Back for a fourth campaign."), or a line of its indented body ("   Tipster: Back
for a fourth go."); and the reprise cue a note or a clause holds."""

from __future__ import annotations

import re

from .document import Document
from .gapwords import cue_phrases
from .links import Cues, gap_words

__all__ = ["NEW_NOTE", "body_note_says_reprise", "cue_within", "note_says_reprise"]


# "Keanu Reeves \u2014 John Wick. Back for a fourth campaign.": a note that follows a list entry's names as a sentence,
# or after a dash ("The Bowery King (Laurence Fishburne) \u2014 back again", "John Wick (Keanu Reeves) - HP 60, back"),
# or a relative clause on the player ("the Director: Anjelica Huston, who returns as the school's matriarch"), or a
# phrase of return after a comma ("Keanu Reeves \u2192 John Wick, back in the suit")
_NOTE_SENTENCE = re.compile(r"(?:[.;]|[ \t]*[\u2014\u2013]|[ \t]+-"
                            r"|,(?=[ \t]+(?:who|back|again|returning|once[ \t]+more)\b))"
                            r"[ \t]+(?P<note>[^.;!?\n]{1,120})")
# a note that says the part is new to the player, not taken up again (not the first work it comes back from: "back
# from the first film")
NEW_NOTE = re.compile(r"\b(?:not|never|no\s+longer|new|first(?!\s+(?:film|movie|one|chapter|entry|instal?lment|picture"
                      r"|outing)\b)|debut|newcomer)\b", re.IGNORECASE)
# ... nor does a note whose subject is the writer: "Scott Adkins in a fat suit as Killa. We repeat: a fat suit."
_WRITERS_NOTE = re.compile(r"[ \t]*(?:I|we|let[ \t]+me|let['\u2019]s)\b", re.IGNORECASE)


def note_says_reprise(doc: Document, cues: Cues, end: int) -> int | None:
    """The end of the note sentence after a list entry ending at ``end`` when it says the role is taken up again
    ("Back for a fourth campaign.", "Returns after a beating."), else None."""
    note = _NOTE_SENTENCE.match(doc.text, end)
    if note is None or _WRITERS_NOTE.match(note.group("note")) or not _says_return(note.group("note"), cues):
        return None
    return note.end("note")


# an entry's body line: indented under the entry, maybe a field ("   Tipster: Back for a fourth go. Stays ...")
_BODY_NOTE = re.compile(r"[ \t]+(?:[A-Za-z][\w' ]{0,20}:[ \t]*)?(?P<note>[^.;!?\n]{1,120})")
_BODY_LINES = 4
# a line that opens with a list's mark is the list's next item
_SIBLING_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u2013\u2014]|\d{1,3}[.)])[ \t]")


def body_note_says_reprise(doc: Document, cues: Cues, line_end: int) -> int | None:
    """The end of the first sentence of a line of an entry's indented body (the lines after ``line_end``, up to a
    blank or unindented line) that says the role is taken up again ("   Tipster: Back for a fourth go."), else None.
    A body line is indented deeper than the entry's own: a line indented as deep is the table's next row."""
    own_indent = _indent(doc.text, doc.line(line_end)[0])
    start = line_end + 1
    for _ in range(_BODY_LINES):
        if start >= len(doc.text) or _indent(doc.text, start) <= own_indent:
            return None
        if _SIBLING_ITEM.match(doc.text, start):
            return None  # the list's next item ("   • Laurence Fishburne back as ..."), not this entry's body
        end = doc.line(start)[1]
        note = _BODY_NOTE.match(doc.text, start, end)
        if note is not None and _says_return(note.group("note"), cues):
            return note.end("note")
        start = end + 1
    return None


def _indent(text: str, line_start: int) -> int:
    """How many spaces and tabs open the line starting at ``line_start``."""
    at = line_start
    while at < len(text) and text[at] in " \t":
        at += 1
    return at - line_start


def _says_return(note: str, cues: Cues) -> bool:
    return not NEW_NOTE.search(note) and cue_within(note, cues)


def cue_within(text: str, cues: Cues) -> bool:
    """Whether ``text`` holds a reprise cue, a word ("returns", "back") or a phrase ("once more")."""
    words = gap_words(text)
    return any(w in cues["reprise-cue"] for w in words) \
        or cue_phrases(cues["reprise-cue"]).search(f" {' '.join(words)} ") is not None
