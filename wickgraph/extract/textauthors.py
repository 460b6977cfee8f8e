"""Who writes a text, as its heading and its close name them: a byline, a column's host under its masthead, a name the
heading marks as the writer's, who introduces themself there or presents it, who signs it off, or whom the text marks
as "me"; in lower case, word by word."""

from __future__ import annotations

import re
from functools import lru_cache

from .quotations import BYLINE, NAME_WORD

__all__ = ["text_authors"]

# a column's host on a line of their own under its masthead: "THE VELVET ROPE" over "with Dolly Marchetti"
_COLUMN_HOST = re.compile(rf"[ \t*_]*with[ \t]+(?P<who>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}})[ \t*_]*", re.IGNORECASE)
_HOST_LINES = 3  # the masthead's lines
# ... or a name the heading marks, in an aside, as the one who writes: "With Ruth Kessler (host, and the one writing
# these notes) and Benny Alvarez (co-host)"
_MARKED_WRITER = re.compile(rf"(?P<who>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}})[ \t]*"
                            r"\([^()\n]{0,40}\b(?:writ(?:es|ing|er|ten)|wrote|author)\b[^()\n]{0,40}\)")
# ... or who introduces themself in the heading as the one speaking: "Deb here.", "Hi all, Marty here!"
_SELF_INTRODUCED = re.compile(rf"(?:^|(?<=[.!?][ \t])|(?<=\n))(?:(?:hi|hey|hello)\b[^\n.!?]{{0,20}}?[,!.][ \t]+)?"
                              rf"(?P<who>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)[ \t]+here[.!,;]", re.IGNORECASE)
_HEADING_REACH = 600  # characters of the text's heading
# ... or who presents it, in the heading: "Presented by your host, Maureen \"Mo\" Kettle", "read out by Bev Okonjo"
_PRESENTER = re.compile(rf"\b(?:presented|read[ \t]+out|hosted|introduced|compered|emceed)[ \t]+by[ \t]+"
                        rf"(?:(?:your|our)[ \t]+host,?[ \t]+)?"
                        rf"(?P<who>{NAME_WORD}(?:[ \t]+[\"\u201c]?{NAME_WORD}[\"\u201d]?){{0,3}})", re.IGNORECASE)
# ... or whom the text marks as "me", anywhere: "Card: Dev (me)", "Players: Keisha (host), me (Ren)", "Teddy (me)"
_MARKED_ME = re.compile(rf"(?P<who>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)[ \t]*\((?:me|myself|yours[ \t]+truly)\)"
                        rf"|\bme[ \t]*\((?P<named>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)\)", re.IGNORECASE)


# a letter's close over its writer's name in its last lines: "All my love," over "Nana", "Best wishes, Tom"
_SIGNED_OFF = re.compile(r"^[ \t]*(?:(?:all[ \t]+my|with|lots[ \t]+of|much)[ \t]+)?(?:love|regards|best[ \t]+wishes|"
                         r"yours(?:[ \t]+\w+)?|sincerely|cheers)(?:[ \t]+from)?[ \t]*,?[ \t]*\n(?:[ \t]*\n)?[ \t]*"
                         r"(?P<who>(?-i:[A-Z])[\w'\u2019-]+(?:[ \t]+(?-i:[A-Z])[\w'\u2019-]+)?)[ \t]*$", re.I | re.M)


@lru_cache(maxsize=2)  # (asked for each score's holder in a text, and for its named lines)
def text_authors(text: str) -> frozenset[str]:
    """The words of the names the text's bylines give (or its column's host, or a name its heading marks as the
    writer's, or who introduces themself there, or who signs it off), in lower case."""
    hosts = [host["who"] for line in text.split("\n", _HOST_LINES)[:_HOST_LINES]
             if (host := _COLUMN_HOST.fullmatch(line)) is not None]
    hosts += [marked["who"] for marked in _MARKED_WRITER.finditer(text, 0, _HEADING_REACH)]
    hosts += [speaker["who"] for speaker in _SELF_INTRODUCED.finditer(text, 0, _HEADING_REACH)]
    hosts += [signer["who"] for signer in _SIGNED_OFF.finditer(text, max(0, len(text) - 200))]
    hosts += [presenter["who"] for presenter in _PRESENTER.finditer(text, 0, _HEADING_REACH)]
    if "(" in text:
        hosts += [marked["who"] or marked["named"] for marked in _MARKED_ME.finditer(text)]
    return frozenset(word.strip('"\u201c\u201d').lower() for who in [byline["who"] for byline in BYLINE.finditer(text)]
                     + hosts for word in who.split())
