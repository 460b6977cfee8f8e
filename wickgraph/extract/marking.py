"""A marker's marks on someone else's work: the answers a cross rules out (or a game's tile marks as a miss), a
statement a crossed note judges wrong, the statement a game's reveal names as its round's lie ("Two truths and a lie":
"Round 2: the lie is #2"), and the marker's bracketed notes ("[T: no - 2017]", "[Ed.: sic]"), which are the marker's
words, not the text's.

A page the marker presents is the marker's own: when its heading keys the notes ("My corrections are in [T: ...]",
"Key: [T: ...] = inline correction"), they are the writer's words, and a correction among them corrects the
pupil's statement before it (:mod:`wickgraph.extract.corrections`).
"""

from __future__ import annotations

import re

from .layout_words import CROSS_MARK
from .scales import parse_number

__all__ = ["marked_spans", "revealed_lies"]

Span = tuple[int, int]

# an answer its marker crosses, the cross set apart after it on its line ("Jaylen's lines: Huston → Berrada   ✗ ✗
# Hint: ...", "Rohan wrote: Keanu Reeves   ✗"): withdrawn up to the crosses, the marker's words after them stand (a
# cross opening its line is a list's bullet: "✗ The middle drags"; one closing sentences judges only the last of
# them: "Team Red wrote Peter Stormare. ✗")
_CROSSED_ANSWER = re.compile(r"^[ \t]*(?P<answer>(?:(?![.!?][ \t])[^\n\u2717\u2718])*?\S)[ \t]{2,}[\u2717\u2718]"
                             r"(?:[ \t]*[\u2717\u2718])*", re.MULTILINE)
# ... or a guess a game's tile marks as a miss or only close, closing its line (a guessing game's shared result:
# "Guess 2 - Director: David Leitch ⬛", "Cast: Ian McShane as Charon 🟨"; a green tile is a hit)
_MISS_TILES = "\u2b1b\u2b1c\U0001f7e5\U0001f7e8"
_MISSED_GUESS = re.compile(rf"^[ \t]*(?P<answer>(?:(?![.!?][ \t])[^\n{_MISS_TILES}])*?\w[^\n{_MISS_TILES}]*?)"
                           rf"[ \t]*[{_MISS_TILES}]+[ \t]*$", re.MULTILINE)
# ... or a statement a marker's bracketed note, opening with a cross, judges wrong right after it: "John Wick came out
# in 2016 [\u2717 It came out in 2014.]", "Viggo is played by Alfie Allen. [\u2717 No: ...]" (withdrawn back to the
# sentence's or the line's start, or the note or mark before it)
_CROSS_NOTE = re.compile(rf"[\[(][ \t]*{CROSS_MARK}")
_STATEMENT_START = re.compile(r"[.!?\])\u2713\u2714\n][^.!?\])\u2713\u2714\n]*\Z")
# a marker's or an editor's note in the margin: "[T: no - 2017]", "[Ed.: sic]"
_NOTE_LABEL = r"\[(?:(?-i:T)|Teacher|Tutor|Marker|Grader|Ed\.?|Editor|Eds?\.)\s*:"
_MARKERS_NOTE = re.compile(_NOTE_LABEL + r"[^\[\]]{0,600}\]", re.IGNORECASE)
# ... keyed in the page's heading, as its writer keys their own notes: "[T: ...]", "[T: …]"
_NOTES_KEY = re.compile(_NOTE_LABEL + r"[ \t]*(?:\.{3}|\u2026)[ \t]*\]", re.IGNORECASE)
_KEY_REACH = 600  # the heading's characters, where a key to the notes stands


def marked_spans(text: str) -> list[Span]:
    """Spans a marker withdraws or adds: answers crossed, statements a crossed note judges, and the marker's
    bracketed notes (unless the page's heading keys them as its writer's)."""
    spans: list[Span] = []
    if "\u2717" in text or "\u2718" in text:
        spans += [(crossed.start("answer"), crossed.end()) for crossed in _CROSSED_ANSWER.finditer(text)]
    if any(tile in text for tile in _MISS_TILES):
        spans += [(guess.start("answer"), guess.end()) for guess in _MISSED_GUESS.finditer(text)]
    if "\u2717" in text or "\u2718" in text or "\u274c" in text:
        spans += [span for note in _CROSS_NOTE.finditer(text) if (span := _judged(text, note.start()))]
    if "lie" in text:
        spans += revealed_lies(text)
    if "[" in text and not _NOTES_KEY.search(text, 0, _KEY_REACH):
        spans += [note.span() for note in _MARKERS_NOTE.finditer(text)]
    return spans


def _judged(text: str, note: int) -> Span | None:
    """The statement right before a crossed note at ``note``: back past a full stop that closes it to where its
    sentence, its line or the note or mark before it ends; None when nothing stands there."""
    end = note
    while end > 0 and text[end - 1] in " \t.!?":  # (stepped back over, not a copy of all the text before the note)
        end -= 1
    line_start = text.rfind("\n", 0, end) + 1
    before = _STATEMENT_START.search(text, max(line_start - 1, 0), end)
    start = before.start() + 1 if before else line_start
    return (start, note) if text[start:end].strip() else None


# a game's round, its heading ("ROUND 2 — The bad guys", "[b]Round Two: new blood[/b]"), then its numbered
# statements ("2. Willem Dafoe plays Viggo", "3) It hit cinemas in 2018")
_NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
_ROUND = re.compile(rf"^[^\w\n]*(?:\[b\])?[ \t]*round[ \t]+(?P<round>{_NUMBER})\b[^\n]*\n(?:[ \t]*\n)?"
                    r"(?P<items>(?:[ \t]*\d[.)][^\n]*\n?)+)", re.IGNORECASE | re.MULTILINE)
_ITEM = re.compile(r"^[ \t]*(?P<number>\d)[.)][^\n]*", re.MULTILINE)
# the reveal naming a round's lie: "Round 1: the lie is #2", "Round Three: 3 is the lie", "R2: lie = 3"
_LIE = re.compile(rf"\b(?:round|r)[ \t]*(?P<round>{_NUMBER})\b[ \t]*[:.,\u2014\u2013-]*[ \t]*(?:the[ \t]+)?"
                  r"(?:lie[ \t]*(?:is|was|=|:)[ \t]*(?:number[ \t]+|no\.?[ \t]*)?#?(?P<number>\d)"
                  r"|#?(?P<before>\d)[ \t]+(?:is|was)[ \t]+the[ \t]+lie)\b", re.IGNORECASE)


def revealed_lies(text: str) -> list[Span]:
    """The statements of a "two truths and a lie" game that its reveal names as each round's lie."""
    lies = {(parse_number(m["round"]), m["number"] or m["before"]) for m in _LIE.finditer(text)}
    return [item.span() for rnd in _ROUND.finditer(text) for item in _ITEM.finditer(text, *rnd.span("items"))
            if (parse_number(rnd["round"]), item["number"]) in lies] if lies else []
