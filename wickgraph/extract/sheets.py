"""Pasted spreadsheets: CSV rows read as the tab-separated rows the layout step knows.

Reviews paste cast sheets as CSV: '"Caine","Yen, Donnie"' with quoted cells, or 'Caine,Donnie Yen' /
'Caine;Donnie Yen' with none. Prose always puts a space after its commas, so a line whose
separators have none is a sheet row. The result has the text's length, so offsets carry over.
"""

from __future__ import annotations

import re

__all__ = ["csv_cells"]

# A pasted CSV/TSV sheet: '"Caine","Yen, Donnie"' (quoted cells) or 'Caine,Donnie Yen' / 'Caine;Donnie Yen' (no
# space after the separator, as no prose has); its cells become tab-separated in the view, and the quotes go
_CSV_QUOTED = re.compile(r'^[ \t]*"[^"\n]{0,80}"(?:[ \t]*[,;][ \t]*"[^"\n]{0,80}")+[ \t]*$', re.MULTILINE)
_CSV_PLAIN = re.compile(r"^[ \t]*[^\s,.!?;:\n][^,;\n]{0,60}(?:[,;](?=\S)[^,;\n]{1,60})+[ \t]*$", re.MULTILINE)


def csv_cells(view: str) -> str:
    """``view`` with the cells of each CSV row tab-separated and their quotes blanked (same length)."""
    if "," not in view and ";" not in view:
        return view
    chars: list[str] | None = None
    for row in _CSV_QUOTED.finditer(view):
        chars = chars or list(view)
        inside = False
        for i in range(row.start(), row.end()):
            if view[i] == '"':
                chars[i], inside = " ", not inside
            elif not inside and view[i] in ",;":
                chars[i] = "\t"
    for row in _CSV_PLAIN.finditer(view):
        if ", " in row.group() or "; " in row.group() or not re.search(r"[A-Za-z]", row.group()):
            continue  # prose puts a space after its commas; "1,000,000" is a number
        chars = chars or list(view)
        for i in range(row.start(), row.end()):
            if view[i] in ",;":
                chars[i] = "\t"
    return "".join(chars) if chars is not None else view
