"""Layout normalisation: Markdown emphasis, bullets, box drawing and table rules blanked out, same length.

Reviews arrive as Markdown newsletters, pipe tables, ASCII boxes, numbered threads and trade-paper
credits blocks. The later steps read one *view* of the text in which layout marks are replaced by
spaces, character for character, so every offset in the view is the offset in the original
text (the map back is the identity and evidence stays exact). Table cells keep their ``|``
separators: the relation step reads them as the join between an actor and a role.

>>> normalise("**Dir.** Chad Stahelski")
'  Dir.   Chad Stahelski'
>>> normalise("| Keanu Reeves | John Wick |\\n|---|---|")
'| Keanu Reeves | John Wick |\\n         '
"""

from __future__ import annotations

import re

__all__ = ["normalise"]

_MARKS = re.compile(
    r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}"          # **bold**, *italic*
    r"|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)"  # __bold__, _italic_
    r"|^[ \t]*(?:#{1,6}|>|[-*+\u2022\u00b7]|\d{1,3}[.)/])[ \t]+"  # headings, quotes, bullets, "1." "4/"
    r"|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"  # |---|---| table rules
    r"|^[ \t]*[+|][-=+]{3,}[+|]?[ \t]*$",     # +-----+ box borders
    re.MULTILINE,
)


def normalise(text: str) -> str:
    """``text`` with layout marks replaced by spaces; same length, so offsets carry over unchanged."""
    if not any(mark in text for mark in "*_#>|+-\u2022\u00b7/.)"):
        return text
    return _MARKS.sub(lambda m: " " * len(m.group()), text)
