"""Passages set in an imagined world: a dream the critic tells, an alternate universe.

What happens there is no claim about the work, and no score the critic gives: "In the dream Rome was underwater.
Somebody had cast Bill Skarsgård as Santino." A frame opens the imagined world at the start of a sentence ("In the
dream", "In last night's nightmare", "I dreamt that", "The dream began in a library", "In an alternate universe");
it lasts to the end of its paragraph, or to the sentence that comes back to the real work ("Awake: ...", "Then I
woke up.", "In reality, ...", "In the actual film, ...").

A section under a heading in capitals that names a wish or a proposal ("WHAT WE WANT", "DREAM CAST", "THE
REIMAGINING - WHAT WE'D CHASE") casts and credits an imagined version too, up to the next heading.

A single sentence's own hedge ("In my dream, Nicolas Cage plays Winston") is the scope filters' business too; this
module carries the frame over the sentences after it.
"""

from __future__ import annotations

import re

from .layout_words import CAPITALS_HEADING, PARAGRAPH_BREAK

__all__ = ["imagined_spans"]

# where a sentence starts: the text's or a line's start, or after a sentence's end (a closing quote too)
_SENTENCE_START = r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"\u201d)]\s))[ \t]*"
_DREAM = r"(?:day|fever[- ]?)?(?:dream|nightmare)s?"
# (not the film's own dream sequence, nor a "dream team", "dream role" or "dream casting", which are wishes and
# praise, not a world)
_NOT_A_WORLD = r"(?![ \t]+(?:sequence|scene|shot|logic|team|cast|casting|role|job|project|factory|ballet|come)\b)"
_FRAME = re.compile(
    _SENTENCE_START + r"(?:(?:and|but|then|so),?[ \t]+)?(?:"
    # "In the dream", "In my dream last night", "During last night's nightmare", "In a weird dream"
    rf"(?:in|during|within)[ \t]+(?:the|my|that|this|one|a|an|last[ \t]+night['\u2019]s)[ \t]+"
    rf"(?:[\w-]+[ \t]+){{0,2}}?{_DREAM}\b{_NOT_A_WORLD}"
    # "I dreamt that", "I dreamed last night", "I had a strange dream", "I had the nightmare again"
    r"|i[ \t]+(?:then[ \t]+|also[ \t]+)?(?:dreamt|dreamed)[ \t]+(?:that|last[ \t]+night|i|about)\b"
    rf"|i[ \t]+had[ \t]+(?:a|an|the|this|that|another)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{_DREAM}\b{_NOT_A_WORLD}"
    # "The dream began in a library", "The nightmare goes on"
    rf"|the[ \t]+{_DREAM}[ \t]+(?:began|begins|started|starts|opened|opens|went|goes|was[ \t]+set|is[ \t]+set"
    r"|took[ \t]+place|takes[ \t]+place|shifted|shifts|continued|continues)\b"
    # "In an alternate universe", "On some parallel earth", "In another timeline"
    r"|(?:in|on)[ \t]+(?:an?|the|some)[ \t]+(?:alternate|alternative|parallel|mirror|other)[ \t]+"
    r"(?:universe|world|timeline|reality|dimension|earth)\b"
    r"|(?:in|on)[ \t]+another[ \t]+(?:universe|timeline|reality|dimension|earth)\b"
    r")", re.IGNORECASE | re.MULTILINE)
# back in the real world, at the start of a sentence
_REALITY = re.compile(
    _SENTENCE_START + r"(?:awake\b|(?:(?:and[ \t]+)?then[ \t]+|when[ \t]+|until[ \t]+)?i[ \t]+(?:woke|wake|awoke)\b"
    r"|back[ \t]+(?:in|to)[ \t]+(?:the[ \t]+)?(?:real|waking|actual)\b|(?:in|back[ \t]+in)[ \t]+reality\b"
    r"|in[ \t]+real[ \t]+life\b|in[ \t]+the[ \t]+(?:real|actual|waking)[ \t]+(?:film|movie|world|version|one|series)\b"
    r"|(?:for[ \t]+)?the[ \t]+real[ \t]+(?:record|version|film|movie)\b)", re.IGNORECASE | re.MULTILINE)
# ... that names a wish or a proposal, whose section casts and credits an imagined version: "WHAT WE WANT", "DREAM
# CAST", "THE REIMAGINING - WHAT WE'D CHASE", "PROPOSED CREW", "IF I RAN THE STUDIO"
_WISHED = re.compile(r"\b(?:WHAT[ \t]+(?:WE|I)(?:['\u2019]D)?[ \t]+(?:WANT|CHASE|DO|LIKE|LOVE)|(?:WE|I)[ \t]+WANT"
                     r"|WISH[ \t]*LIST|WISHES|(?:DREAM|FANTASY)[ \t]+(?:CAST\w*|CREW|LINE-?UP|VERSION|SEQUEL|REMAKE)"
                     r"|PROPOSED|PROPOSAL|(?:OUR|THE|MY)[ \t]+PITCH|REIMAGIN\w*|RE-IMAGIN\w*|RECAST\w*|WHAT[ \t]+IF"
                     r"|IF[ \t]+(?:I|WE)[ \t]+(?:RAN|MADE|DIRECTED|CAST|HAD)|HYPOTHETICAL)\b")


def imagined_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` set in an imagined world, each from its frame to the end of its paragraph or to the
    sentence that comes back to the real work, and the sections under a heading that names a wish or a proposal,
    each to the next heading."""
    spans: list[tuple[int, int]] = []
    for frame in _FRAME.finditer(text):
        if spans and frame.start() < spans[-1][1]:
            continue  # (a second frame inside the same world)
        paragraph_end = PARAGRAPH_BREAK.search(text, frame.end())
        end = paragraph_end.start() if paragraph_end else len(text)
        waking = _REALITY.search(text, frame.end(), end)
        spans.append((frame.start(), waking.start() if waking else end))
    return _wished_sections(text) + spans


def _wished_sections(text: str) -> list[tuple[int, int]]:
    """The sections under a heading that names a wish or a proposal, each to the next heading."""
    openings = [0, *(blank.end() for blank in PARAGRAPH_BREAK.finditer(text))]
    headings = [heading for at in openings if (heading := CAPITALS_HEADING.match(text, at)) is not None]
    if not headings:
        return []
    ends = [heading.start() for heading in headings[1:]] + [len(text)]
    # (not the text's own title on its first line: "EVERYONE WHO WANTS JOHN DEAD")
    return [(heading.start(), end) for heading, end in zip(headings, ends, strict=True)
            if heading.start() > 0 and _WISHED.search(heading.group())]
