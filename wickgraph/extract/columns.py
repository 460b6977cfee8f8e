"""A page set in narrow columns (a newspaper's, as a scan's text keeps them): its lines break wherever the column
ends, before a capitalised word as often as before any other ("Ian McShane, as the silken⏎Winston, ...").

:func:`column_width` tells such a page by its lines: most of them short, and most of the short ones running on into
a next line that goes on in lower case, which only a column's hard wrapping does. On such a page a line that runs on
goes on with the next line whatever its case.
"""

from __future__ import annotations

import statistics

__all__ = ["column_width"]

_PROSE_LINE = 15  # a shorter line is a label, a heading or a list item, not a column's line
_WIDEST = 45  # a column is no wider than this
_LINES = 12  # lines of prose a page in columns has at least
_RUN_ON_SHARE = 0.5  # of its short lines, at least this share goes on in lower case on the next line
_CLOSERS = ".!?:;\"')]\u201d"


def column_width(text: str) -> int:
    """The width of the narrow columns ``text`` is set in (its longest line that is still a column's), or 0 when
    its lines are not a column's."""
    lines = text.split("\n")
    prose = [(i, line.rstrip()) for i, line in enumerate(lines) if len(line.strip()) >= _PROSE_LINE]
    if len(prose) < _LINES or statistics.median(len(line) for _, line in prose) > _WIDEST:
        return 0
    short = [(i, line) for i, line in prose if len(line) <= _WIDEST]
    run_on = sum(1 for i, line in short if line[-1] not in _CLOSERS and i + 1 < len(lines)
                 and lines[i + 1].lstrip()[:1].islower())
    return _WIDEST if run_on >= _RUN_ON_SHARE * len(short) else 0
