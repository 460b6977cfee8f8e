"""A chat's asterisk correction: a message that opens with "*" and a word puts right a word its sender mistyped in the
message before ("keanu reefs as john wick" then "*reeves"; "came out in 2004" then "*2014 lol im tired").

Autocorrect and thumbs mangle a word; the sender's next message gives it again after an asterisk, and readers read
the first message with the word put right. :func:`asterisk_fixes` finds each such pair: the mistyped words (one to
three in a row, as "chad stale ski" for "stahelski") are the run of the message before, from the same sender, that
sounds or spells most like the correction (two letters in five may differ, as autocorrect puts whole words: "mark da
cascades" for "dacascos"), and a number corrects a number of as many digits; the correction's asterisk and word are
read as nothing, so the message says no more than the sender's comment on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .nameforms import close_spelling

__all__ = ["asterisk_fixes"]

# a message: a chat's stamp and sender, if any ("[11:44 PM] Me: ", "Dev: "), then its body
_MESSAGE = re.compile(r"^(?:[ \t]*\[[^\]\n]{1,40}\])?[ \t]*(?:(?P<who>[^\s:\[\]*][^:\n*]{0,30}):[ \t]+)?"
                      r"(?P<body>[^\n]*)$", re.MULTILINE)
# a body that opens with the correction: "*reeves", "*2014 lol", "*McShane!" (not a bullet, "* item", nor emphasis,
# "*really*")
_CORRECTION = re.compile(r"\*(?P<word>[^\W_][\w'\u2019-]*)(?![\w'\u2019-]*\*)")
_WORD = re.compile(r"[^\W_][\w'\u2019]*")
_REACH = 3  # the lines back to the sender's message the correction is about
_RUN = 3  # mistyped words a correction can stand for ("stale ski" for "stahelski")


def asterisk_fixes(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, replacement)`` for each mistyped run a later correction puts right (the correction's word) and
    for each correction itself (read as nothing)."""
    if "*" not in text:
        return
    messages = list(_MESSAGE.finditer(text))
    for index, message in enumerate(messages):
        correction = _CORRECTION.match(text, message.start("body"))
        if correction is None:
            continue
        earlier = (m for m in reversed(messages[max(0, index - _REACH):index])
                   if m["who"] == message["who"] and m["body"].strip())
        before = next(earlier, None)
        run = _mistyped(text, before, correction["word"]) if before is not None else None
        if run is not None:
            yield run[0], run[1], correction["word"]
            yield correction.span()[0], correction.span()[1], ""


def _mistyped(text: str, message: re.Match[str], word: str) -> tuple[int, int] | None:
    """The run of words in ``message``'s body nearest to ``word`` in spelling or sound; None when none is near."""
    words = list(_WORD.finditer(text, message.start("body"), message.end("body")))
    fixed = word.lower()
    best: tuple[int, int] | None = None
    best_gap = len(fixed)  # (of the near runs, the one nearest in length, then the latest: the last slip)
    for first in range(len(words)):
        for last in range(first, min(first + _RUN, len(words))):
            if last > first and text[words[last - 1].end():words[last].start()].strip():
                break  # (a run is of words side by side, parted by spaces only)
            typed = "".join(w.group() for w in words[first:last + 1]).lower()
            if typed == fixed:
                return None  # the word stands as corrected already: the correction is of something else
            if _near(typed, fixed) and abs(len(typed) - len(fixed)) <= best_gap:
                best, best_gap = (words[first].start(), words[last].end()), abs(len(typed) - len(fixed))
    return best


def _near(typed: str, fixed: str) -> bool:
    """Whether ``typed`` is a slip for ``fixed``: a number one digit off, or a word that sounds alike or has two
    letters in five changed."""
    if typed.isdigit() or fixed.isdigit():
        return typed.isdigit() and fixed.isdigit() and len(typed) == len(fixed) \
            and sum(a != b for a, b in zip(typed, fixed, strict=True)) == 1
    return close_spelling(typed, fixed) or close_spelling(typed, fixed, limit=max(1, 2 * len(fixed) // 5))
