"""The choices a multiple-choice question offers: options, none of them asserted.

A quiz, a test or a poll numbers its questions and letters the choices under each ("3. Best underground boss?" over
"A) The Bowery King, played by Ving Rhames", "B) Winston, naturally"). An option is one of several offered, often
wrong on purpose; the review asserts only what it says after, in its results or its answer key. The question is a
numbered line that asks ("?"), or addresses the reader and opens a list ("2. Choose your Rome contact:", "1. Someone
takes something you love. You..."), or is a stem the option completes ("4. Viggo is played by:"); the options stand
one per line or side by side ("(a) X   (b) Y"); a numbered heading ("3. ORDER OF BATTLE.") or a section's list
("1.2 New character cards:") offers nothing. A betting page or a poll offers its options on one line, each with its
price ("Riccardo Scamarcio 4/9 · Franco Nero 9/4 · Claudia Gerini 8/1"): what a market settles on is said after. A
puzzle sheet's matching exercise ("Draw a line from each actor to ...", "all jumbled up") and its decoys ("These
pairs are fakes", "None of these is right") pair nobody: the answer key does. Nor does a game's decoy, the sentence
a label gives as planted ("RED HERRING: a chair stencilled LEITCH.", "Decoy 2: a poster listing X as Y.").
"""

from __future__ import annotations

import re

__all__ = ["offered_choices"]

# a numbered question (not a section number "1.2", nor a heading in capitals), then its first lettered option
_LETTER = r"[ \t]*(?:\(?[A-Ea-e]\)|[A-Ea-e][.:])[ \t]+\S"
# (or a stem that an option completes, unfinished before its colon: "The screenplay was written by:", "Viggo is
# played by:")
_QUESTION = re.compile(
    r"^[ \t]*(?:Q(?:uestion)?[ \t]*)?\d{1,2}[.):][ \t]+(?P<prompt>[^\n]*?(?:\?|(?:\b(?:you|your|yours|pick|choose"
    rf"|select|which)\b[^\n]*?(?::|\.\.\.|\u2026))|\b(?:by|in|as|of|to|from|with|for|is|was|are|were|the)[ \t]*"
    rf"(?::|\.\.\.|\u2026|_{{2,}})))[ \t]*\n(?=(?P<option>{_LETTER}))", re.IGNORECASE | re.MULTILINE)
_OPTION = re.compile(_LETTER + r"[^\n]*(?:\n|\Z)")
# a further option on an option's line, set apart by a gap: "(a) David Leitch   (b) Chad Stahelski"
_NEXT_ON_LINE = re.compile(r"[ \t]{2,}(?:\(?[B-Eb-e]\)|[B-Eb-e][.:])[ \t]+\S")


# an option's price at the end of its cell: fractional or decimal odds ("4/9", "16/1", "1.20"), or evens
_PRICE = re.compile(r"(?<=[^\s|\u00b7\u2022;][ \t])(?:(?P<over>\d{1,3})/(?P<under>\d{1,3})|\d{1,3}\.\d{2}|evens|evs)"
                    r"(?=[ \t]*(?:[|\u00b7\u2022;]|$))", re.IGNORECASE | re.MULTILINE)
_CELL_BREAK = re.compile(r"[|\u00b7\u2022;]")


def _priced_rows(text: str) -> list[tuple[int, int]]:
    """The lines that offer two options or more, each cell ending in its price; not a row of scores, whose fractions
    share their scale ("Keanu Reeves 9/10 | Ian McShane 8/10")."""
    rows: dict[int, list[re.Match[str]]] = {}
    for price in _PRICE.finditer(text):
        rows.setdefault(text.rfind("\n", 0, price.start()) + 1, []).append(price)
    spans = []
    for start, prices in rows.items():
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        scales = {price["under"] for price in prices}
        if len(prices) < 2 or len(_CELL_BREAK.findall(text, start, end)) + 1 != len(prices) \
                or (len(scales) == 1 and None not in scales):
            continue
        spans.append((start, end))
    return spans


# a line that says the pairs around it are scrambled or wrong: a matching exercise's instructions, a decoy's warning
_SCRAMBLED = re.compile(r"(?:\bdraw\s+a\s+line\s+(?:from|to|between|joining)|\bmatch\s+(?:each|the|every)\s+"
                        r"(?:actor|actress|name|star|character|player)s?\b|\bwrite\s+the\s+letter\b|"
                        r"\bjumbled\b|\bnot\s+straight\s+across\b|\bdecoys?\b|\b(?:are|is)\s+(?:all\s+)?fakes?\b|"
                        r"\bred\s+herrings?\b|\bcross\s+(?:out\b|(?:them|each\s+one|every\s+one)\s+out\b)|"
                        r"\b(?:all|every\s+one)\s+of\s+(?:these|them)\s+(?:is|are)\s+wrong\b|"
                        r"\bnone\s+of\s+(?:these|them)\s+(?:is|are)\s+(?:right|correct|true)\b)", re.IGNORECASE)
# a decoy's sentence, under a label that says it is one, on a line or a list item of its own
_DECOY = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:red[ \t-]+herrings?|decoys?)(?:[ \t]*#?\d{1,2})?[ \t]*"
                    r"[:\u2014\u2013-][^\n]*?(?:[.!?](?=\s)|$)", re.IGNORECASE | re.MULTILINE)
_SCRAMBLE_WORDS = ("draw", "match", "letter", "jumbled", "across", "decoy", "fake", "herring", "cross", "wrong", "none")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a line of a list of pairs, two names set apart by an arrow, a slash, dots, a star or a column's gap (not prose)
_PAIR_LINE = re.compile(r"^[^\n]{3,60}?(?:[ \t](?:->|\u2192|/|\.{2,}|\*|[-\u2013\u2014])[ \t]|[ \t]{3,})[^\n]{2,60}$",
                        re.MULTILINE)
_PAIRS = 3


def _scrambled_blocks(text: str) -> list[tuple[int, int]]:
    """The blocks of lines a scrambled-pairs line stands in, and the block under it when it closes its own (a puzzle's
    instructions over its columns)."""
    lower = text.lower()
    if not any(word in lower for word in _SCRAMBLE_WORDS):
        return []
    spans = []
    for cue in _SCRAMBLED.finditer(text):
        line_end = text.find("\n", cue.end())
        line_end = len(text) if line_end < 0 else line_end
        above = text.rfind("\n\n", 0, cue.start())
        start = above + 2 if above >= 0 else 0
        below = _BLANK_LINE.search(text, line_end)
        end = below.start() if below else len(text)
        if end == line_end and below is not None:  # the instructions end their block: the columns come next
            after = _BLANK_LINE.search(text, below.end())
            end = after.start() if after else len(text)
        if len(_PAIR_LINE.findall(text, start, end)) >= _PAIRS:  # (a list of pairs: prose scrambles nothing)
            spans.append((start, end))
    return spans


def offered_choices(text: str) -> list[tuple[int, int]]:
    """Spans of the lettered options under each numbered question, two options or more, of the rows of priced
    options, and of a puzzle's scrambled or decoy pairs."""
    # (two priced options share a line only across a cell's break)
    spans: list[tuple[int, int]] = _priced_rows(text) if _CELL_BREAK.search(text) else []
    spans += _scrambled_blocks(text)
    lower = text.lower()
    if "herring" in lower or "decoy" in lower:
        spans += [decoy.span() for decoy in _DECOY.finditer(text)]
    for question in _QUESTION.finditer(text):
        if question.group("prompt").isupper():
            continue
        start = end = question.start("option")
        count = 0
        while (option := _OPTION.match(text, end)) is not None:
            count += 1 + len(_NEXT_ON_LINE.findall(text, option.start(), option.end()))
            end = option.end()
        if count >= 2:
            spans.append((start, end))
    return spans
