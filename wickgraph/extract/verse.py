"""A review written in verse: its sentences run over the line breaks of a stanza.

Verse breaks its lines for the metre, not for the sense: "Helen, gone,⏎  whom Bridget Moynahan plays", "Iosef, the
mobster's son,⏎by Alfie Allen sneered to life". Prose's soft wraps are not joined after a comma (a list's lines end
so), but in a poem they are: inside a stanza, every line break that no full stop, question or exclamation closes
is read as a space. A text is verse when most of its lines are short and sit in stanzas whose line ends rhyme
("played" / "afraid", "name" / "came"), or, unrhymed (haiku, free verse), in three stanzas or more whose sentences
run on over most line breaks; a list or a chat has short lines too, but they neither rhyme nor run on, and open
with marks, labels or names.

A word that a line end splits with a hyphen, as verse and narrow columns do ("Chad Stahel-⏎  ski"), is mended
before anything reads the text (:mod:`wickgraph.extract.decoding`).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["verse_breaks"]

_STANZA = re.compile(r"(?:^[ \t]*\S[^\n]*(?:\n|\Z))+", re.MULTILINE)
_LAST_WORD = re.compile(r"([a-z]+)[^a-z]*$")
_MIN_LINES = 8
_MAX_LINE = 70  # a verse line is short; a prose paragraph's line is longer
_CLOSED = re.compile(r"[.!?][\"'\u201d\u2019)]*[ \t]*$")
# a line that opens as a list's item, a label, a speaker's turn or a stamp does: no verse line
_LISTED = re.compile(r"^[ \t]*(?:[-*\u2022>#|\[(]|\d{1,3}[.):]|[\w .'\u2019-]{1,30}:[ \t])")


# a line of a table: cells parted inside it by a dot leader, a column gap, a tab or a bar ("BERRADA ....... Said
# Taghmaoui", "1.4  2 dog miniatures"); a block of them is a table, whose names at the line ends may "rhyme"
_ROW = re.compile(r"\S(?:[ \t]*\.{3,}[ \t]*|[ \t]{2,}|\t|[ \t]\|[ \t])\S")


def _rhymes(first: str, second: str) -> bool:
    """Whether two line-end words rhyme, roughly: the same last two letters, not the same word."""
    return first != second and len(first) >= 2 and len(second) >= 2 and first[-2:] == second[-2:]


def _rhyming(ends: list[str]) -> bool:
    """Whether two of a stanza's line ends rhyme, next to each other or one line apart."""
    return any(_rhymes(ends[i], ends[j]) for i in range(len(ends)) for j in (i + 1, i + 2) if j < len(ends))


def _ends(lines: list[str]) -> list[str]:
    words = [_LAST_WORD.search(line.lower()) for line in lines]
    return [word.group(1) if word else "" for word in words]


def _is_verse(stanzas: list[list[str]]) -> bool:
    """Whether short lines in stanzas make up the text, and the stanzas' line ends rhyme, or, unrhymed (haiku, free
    verse), their sentences run on over most of their line breaks, often into a line in lower case, and no line
    is a list's or a label's."""
    lines = [line for stanza in stanzas for line in stanza]
    short = [line for line in lines if len(line.strip()) <= _MAX_LINE]
    if len(short) < _MIN_LINES or len(short) < 0.7 * len(lines):
        return False
    verses = [stanza for stanza in stanzas if len(stanza) >= 2 and all(len(s.strip()) <= _MAX_LINE for s in stanza)
              and sum(1 for s in stanza if _ROW.search(s)) < len(stanza) / 2]
    if len(verses) < 2:
        return False
    rhyming = sum(1 for stanza in verses if _rhyming(_ends(stanza)))
    if rhyming >= 0.6 * len(verses) or (len(verses) >= 4 and rhyming >= 0.45 * len(verses)):
        return True  # (the rhyme test is rough: "played" / "afraid" slips it, so a long poem may pass less often)
    breaks = [line for stanza in verses for line in stanza[:-1]]
    running = sum(1 for line in breaks if not _CLOSED.search(line) and not line.rstrip().endswith(":"))
    carried = sum(1 for stanza in verses for line in stanza[1:] if line.strip()[:1].islower())
    return len(verses) >= 3 and running >= 0.6 * len(breaks) and carried >= 0.4 * len(breaks) \
        and not any(_LISTED.match(line) for stanza in verses for line in stanza)


@lru_cache(maxsize=2)  # (the layout view and the pipeline both ask, for the same text)
def verse_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """In a text that is verse, the line breaks inside a stanza that no sentence ends at (as spans to read as
    spaces)."""
    if text.count("\n") < _MIN_LINES:
        return ()
    blocks = list(_STANZA.finditer(text))
    stanzas = [block.group().rstrip("\n").split("\n") for block in blocks]
    if not _is_verse(stanzas):
        return ()
    breaks = []
    for block, lines in zip(blocks, stanzas, strict=True):
        if any(len(line.strip()) > _MAX_LINE for line in lines):
            continue  # a prose paragraph among the stanzas ("Poet's note")
        at = block.start()
        for line in lines[:-1]:
            at += len(line)
            if not _CLOSED.search(line):
                breaks.append((at, at + 1))
            at += 1
    return tuple(breaks)
