"""Quotations a story gives to a third person: one they shout or whisper with no colon before it ('Table 4 shouted
"Keanu directed it!"'), and a line of dialogue beside its speaker's action beat ('She leans in. "..." She winks.')."""

from __future__ import annotations

import re

__all__ = ["spoken_aloud"]

# A third person's verb of speaking aloud right before a quotation, with no colon, as a story reports a shout: 'Table 4
# shouted "Keanu directed it!"', 'my nephew yelled across the room "..."' (not the writer's: 'I muttered "..."')
_SHOUTED_BEFORE = re.compile(r"(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\byou )(?<!\bYou )\b(?:shout(?:s|ed)|yell(?:s|ed)|"
                             r"scream(?:s|ed)|whisper(?:s|ed)|mutter(?:s|ed)|holler(?:s|ed)|bark(?:s|ed)|roar(?:s|ed)|"
                             r"bellow(?:s|ed)|snap(?:s|ped)|cr(?:ies|ied)|call(?:s|ed)[ \t]+out|chant(?:s|ed)|"
                             r"heckl(?:es|ed)|blurt(?:s|ed)(?:[ \t]+out)?|grumbl(?:es|ed)|mumbl(?:es|ed))"
                             r"(?:[ \t]+[\w'\u2019-]+){0,4}?[ \t]*[,:]?[ \t]*\Z")
# A line of dialogue in a story, a sentence of its own beside a third person's action beat: 'The librarian
# peers over her glasses. "David Leitch co-directed this one." She stamps the card.' (a pronoun opens the sentence
# after it, or the one before it on its line)
_SENTENCE_OPENS = re.compile(r"(?:\A|(?<=\n)|(?<=[.!?])[ \t]+)[ \t]*\Z")
# (the beat's subject a pronoun or a person's name: "She stamps the card.", "Roy Keeling isn't having it.")
# (a name of one word before a verb in -s or -ed only: "Gus leans", not "Not bad")
_NOT_A_NAME = (r"(?:The|A|An|It|Its|This|That|There|These|Those|What|When|Then|And|But|So|My|Our|Your|His|Her|Their|"
               r"I|We|You)")
_CAPITALISED = r"(?-i:[A-Z])[\w'\u2019-]+"
_ACTOR = (rf"(?:(?:He|She|They)[ \t]+(?-i:[a-z])|(?!{_NOT_A_NAME}\b){_CAPITALISED}"
          rf"(?:(?:[ \t]+{_CAPITALISED}){{1,2}}[ \t]+(?-i:[a-z])|[ \t]+(?-i:[a-z]+)(?:s|ed)\b))")
_BEAT_AFTER = re.compile(rf"[ \t]+{_ACTOR}")
_BEAT_BEFORE = re.compile(rf"(?:^|(?<=[.!?:])[ \t])[ \t]*{_ACTOR}[^.!?\n\"\u201c]{{0,120}}[.!?][ \t]+\Z", re.MULTILINE)


def spoken_aloud(text: str, start: int, end: int, line_start: int) -> bool:
    """Whether the quotation ``text[start:end]`` (its line opening at ``line_start``) is shouted by a third person
    right before it, or is a line of dialogue: a sentence of its own, with a third person's action beat after it or
    before it on its line."""
    if _SHOUTED_BEFORE.search(text, max(line_start, start - 60), start):
        return True
    body = text[start + 1:end - 1].rstrip()  # (inside the quotation marks)
    if body[-1:] not in (".", "!", "?") or not _SENTENCE_OPENS.search(text, line_start, start):
        return False
    return _BEAT_AFTER.match(text, end) is not None or _BEAT_BEFORE.search(text, line_start, start) is not None
