"""Pasted spreadsheets: CSV rows read as the tab-separated rows the layout step knows.

Reviews paste cast sheets as CSV: '"Caine","Yen, Donnie"' with quoted cells, 'Caine,Donnie Yen' /
'Caine;Donnie Yen' with none, or a log exported with some cells quoted ('2023-09-17,"John Wick: Chapter 4",2023').
Prose always puts a space after its commas, so a line whose separators have none is a sheet row. The result has
the text's length, so offsets carry over.
"""

from __future__ import annotations

import csv
import re

__all__ = ["csv_cells", "is_sheet_row", "others_rows"]

# A pasted CSV/TSV sheet: '"Caine","Yen, Donnie"' (quoted cells) or 'Caine,Donnie Yen' / 'Caine;Donnie Yen' (no
# space after the separator, as no prose has); its cells become tab-separated in the view, and the quotes go
_CSV_QUOTED = re.compile(r'^[ \t]*"[^"\n]{0,80}"(?:[ \t]*[,;][ \t]*"[^"\n]{0,80}")+[ \t]*$', re.MULTILINE)
# (a cell may be empty, as an export leaves the cells of a row nobody filled: "director,Chad Stahelski,,")
_CSV_PLAIN = re.compile(r"^[ \t]*[^\s,.!?;:\n][^,;\n]{0,60}(?:[,;](?:(?=[^\s,;])[^,;\n]{1,60})?)+[ \t]*$",
                        re.MULTILINE)


_EMPTY_CELL = re.compile(r"[,;](?=[,;]|[ \t]*$)")

# a row's first cell in lower-case words ("director", "my grade", "villain's son"), a key
_LOWER_KEY = re.compile(r"[ \t\"]*([a-z])[a-z' ]{0,29}[,;]")
_SEPARATOR = re.compile(r";|(?<!\d),|,(?!\d{3}(?!\d))")
# a score written with a decimal comma ("Vote: 7,5/10", "Nota: 8,5 / 10") is one number, not two cells
_DECIMAL_SCORE = re.compile(r"(?<!\d)\d,\d{1,2}[ \t]*/[ \t]*\d")

# A row of an exported sheet that quotes only some cells: '2023-09-17,"John Wick: Chapter 4",2023,"film, rewatch",'
# (a quoted cell may hold prose, commas and all; between cells, commas with nothing after them)
# (a quote inside a quoted cell is doubled: '"best ""oh."" reaction"')
_CSV_MIXED = re.compile(r'^[^\n]*(?:^|,)"(?:[^"\n]|"")*"(?:,|$)[^\n]*$', re.MULTILINE)
_MIXED_CELL = re.compile(r'"(?:[^"\n]|"")*"|[^",\n]*')


def _mixed_separators(line: str) -> list[int] | None:
    """The offsets of the separating commas of a CSV row with some cells quoted, or None if it is no such row
    (an unquoted cell that opens with a space is prose, and a sheet row has three cells or more)."""
    separators: list[int] = []
    position = 0
    while True:
        cell = _MIXED_CELL.match(line, position)
        assert cell is not None  # the pattern matches the empty string
        if cell.group()[:1] in (" ", "\t"):
            return None
        position = cell.end()
        if position == len(line.rstrip()):
            return separators if len(separators) >= 2 else None
        if line[position] != ",":
            return None
        separators.append(position)
        position += 1


def csv_cells(view: str) -> str:
    """``view`` with the cells of each CSV row tab-separated and their quotes blanked (same length)."""
    if "," not in view and ";" not in view:
        return view
    chars: list[str] | None = None
    rows: list[int] = []  # where each row read starts
    if '"' in view:
        for row in _CSV_MIXED.finditer(view):
            separators = _mixed_separators(row.group())
            if separators is None:
                continue
            chars = chars or list(view)
            rows.append(row.start())
            for offset in separators:
                chars[row.start() + offset] = "\t"
            for quote in re.finditer('"', row.group()):
                chars[row.start() + quote.start()] = " "
    for row in _CSV_QUOTED.finditer(view):
        chars = chars or list(view)
        rows.append(row.start())
        inside = False
        for i in range(row.start(), row.end()):
            if view[i] == '"':
                chars[i], inside = " ", not inside
            elif not inside and view[i] in ",;":
                chars[i] = "\t"
    for row in _CSV_PLAIN.finditer(view):
        if ", " in row.group() or "; " in row.group() or not re.search(r"[A-Za-z]", row.group()):
            continue  # prose puts a space after its commas; "1,000,000" is a number
        if "," in row.group() and ";" in row.group() and _EMPTY_CELL.search(row.group()):
            continue  # a row with empty cells keeps to one separator (an SQL statement's ";" closes it)
        # a thousands separator is no cell's end: "It opened on 3,000 screens in May 2019" is prose
        separators = [m.start() for m in _SEPARATOR.finditer(view, row.start(), row.end())
                      if not _DECIMAL_SCORE.match(view, m.start() - 1)]
        if not separators:
            continue
        chars = chars or list(view)
        rows.append(row.start())
        for i in separators:
            chars[i] = "\t"
    if chars is None:
        return view
    for start in rows:  # a row's key is read as a label, as a data file's is: "director,X" as "Director  X"
        key = _LOWER_KEY.match(view, start)
        if key is not None:
            chars[key.start(1)] = chars[key.start(1)].upper()
    return "".join(chars)


def is_sheet_row(line: str) -> bool:
    """Whether ``line`` is a row of a pasted sheet, its cells read apart (a row never runs on into the next)."""
    return ("," in line or ";" in line) and csv_cells(line) != line


# a log's column of who wrote each row: "date,member,title,notes,score", "viewer;film;verdict" (not "name" or "who",
# which a cast sheet gives its players: "what,who,why")
_WHO_COLUMN = frozenset({"member", "user", "username", "reviewer", "author", "viewer", "critic", "rater", "voter",
                         "logged by", "posted by"})


def others_rows(text: str) -> list[tuple[int, int]]:
    """In an exported log whose header names a column for who wrote each row, the rows of anyone but the writer: the
    one whose rows hold the most words (the review), as in a data literal's records (a member's "Kolstad has a
    cameo" or "9/10" is the member's)."""
    header_end = text.find("\n")
    header = text[:header_end].strip().lower() if header_end > 0 else ""
    separator = next((mark for mark in ",;\t" if mark in header), None)
    if separator is None:
        return []
    columns = [cell.strip().strip('"') for cell in next(csv.reader([header], delimiter=separator))]
    who = next((i for i, name in enumerate(columns) if name in _WHO_COLUMN), None)
    if who is None:
        return []
    rows: list[tuple[int, int, str]] = []
    for line in re.finditer(r"[^\n]+", text[header_end + 1:]):
        cells = next(csv.reader([line.group()], delimiter=separator), [])
        if len(cells) > who:
            rows.append((header_end + 1 + line.start(), header_end + 1 + line.end(), cells[who].strip().lower()))
    words: dict[str, int] = {}
    for start, end, person in rows:
        if person:
            words[person] = words.get(person, 0) + len(text[start:end].split())
    if len(words) < 2:
        return []
    writer = max(words, key=lambda person: words[person])
    # (a row with the column empty is nobody else's: the writer's wrap-up under the others' rows)
    return [(start, end) for start, end, person in rows if person and person != writer]
