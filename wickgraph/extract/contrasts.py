"""Contrastive negation, "not A but B", read as B: "Leguizamo isn't a gangster here but a chop-shop owner, Aurelio"
says he is the owner, "It is not directed by David Leitch but by Chad Stahelski" that Stahelski directs.

The negation and A, from the last word of the kind B opens with (an article or a possessive, or the same
preposition), through "but", are read as spaces: "Leguizamo is a chop-shop owner, Aurelio", "It is directed by Chad
Stahelski". "not only A but (also) B" asserts both and is left alone, as is a "but" that opens a clause of its own
("Keanu isn't in it, but the dog is": no article in the negated part to pair with B's).
"""

from __future__ import annotations

import re

from .textscan import blank

__all__ = ["with_contrasts_resolved"]

_DETERMINERS = r"a|an|the|his|her|their|its"
_PREPOSITIONS = r"by|as|in|from|for|with|on|at"
# the negation, then A (no sentence's or clause's end inside, a comma before "but" at most), then "but" and B's first
# word; not "not only", "not just" ...
_CONTRAST = re.compile(rf"(?P<negation>\bnot|n['\u2019]t|\bnever)\b(?!\s+(?:only|just|merely|simply|even)\b)"
                       rf"(?P<negated>[^.;:!?()\n,]{{3,60}}?),?[ \t]+but[ \t]+(?!also\b)"
                       rf"(?P<opening>{_DETERMINERS}|{_PREPOSITIONS})\b", re.IGNORECASE)


def with_contrasts_resolved(text: str) -> str:
    """``text`` with each "not A but B" read as B, character for character (the module's docstring)."""
    if "but" not in text.lower():
        return text
    spans = []
    for contrast in _CONTRAST.finditer(text):
        opening = contrast.group("opening").lower()
        same = opening if re.fullmatch(_PREPOSITIONS, opening) else _DETERMINERS
        # A starts at the last word of B's kind in the negated part: "not directed [by David Leitch] but by ..."
        starts = [m.start() for m in re.finditer(rf"\b(?:{same})\b", contrast.group("negated"), re.IGNORECASE)]
        if not starts:
            continue
        a_start = contrast.start("negated") + starts[-1]
        spans += [contrast.span("negation"), (a_start, contrast.start("opening"))]
    return blank(text, spans) if spans else text
