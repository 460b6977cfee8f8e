"""Which work each part of a table is about, when a table sets several works side by side.

A comparison's header names works over its columns ("Role | Chapter 2 | Parabellum"): the cells under another work's
header are that work's (:func:`other_columns`). A stat sheet sets works side by side with slashes: under a header
that names them in order ("STAT SHEET (Ballerina / Parabellum)"), each line's parts ("Director: Len Wiseman / Chad
Stahelski") are the works' in that order, and a part that opens with a work's title ("John Wick: Derek Kolstad /
Chapter 4: Michael Finch") is that work's (:func:`other_slash_parts`). A sheet with a title column logs several
works, a row each: a row whose title is another work's is about that work (:func:`other_rows`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .document import Document
from .gazetteer import WORK

__all__ = ["other_columns", "other_rows", "other_slash_parts"]

Span = tuple[int, int]


# a row of cells, or a ruler between rows that a plain-text grid draws with dashes and plusses ("-----+-----")
_TABLE_ROW = re.compile(r"^(?:[^\n|]*\|[^\n]*|[ \t]*[-=+:]{3,}[-=+: \t]*)$", re.MULTILINE)


def _cells(row: re.Match[str]) -> list[Span]:
    """The spans of a table row's cells, empty ones included, without the pipes that open and close the row."""
    text, start = row.group(), row.start()
    edges = [-1, *(i for i, char in enumerate(text) if char == "|"), len(text)]
    cells = [(start + a + 1, start + b) for a, b in itertools.pairwise(edges)]
    if not text[:edges[1]].strip():
        cells = cells[1:]  # "| a | b |": nothing before the first pipe
    if cells and not text[edges[-2] + 1:].strip():
        cells = cells[:-1]
    return cells


def other_columns(doc: Document) -> list[Span]:
    """In a table whose header names two or more works, one of them the reviewed work, one a column
    ("Role | Chapter 2 | Parabellum"), the cells under the other works' headers (a header with another year than
    the reviewed work's is another work's too: "JW (2014)", "Continental (2023)" beside "JW2 (2017)")."""
    spans: list[Span] = []
    rows: list[re.Match[str]] = []
    for row in [*_TABLE_ROW.finditer(doc.text), None]:
        if row is not None and (not rows or doc.text[rows[-1].end():row.start()] == "\n"):
            rows.append(row)
            continue
        spans += _columns_of_others(doc, rows)
        rows = [row] if row is not None else []
    return spans


_HEADER_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ANOTHER_WORK = "another work"
_MATRIX = 3  # works named in a header that make it a matrix of works


def _columns_of_others(doc: Document, rows: list[re.Match[str]]) -> list[Span]:
    rows = rows[next((i for i, row in enumerate(rows) if "|" in row.group()), len(rows)):]  # the header's rulers
    if len(rows) < 2:
        return []
    topics: dict[int, str] = {}
    for index, (start, end) in enumerate(_cells(rows[0])):
        works = {e.iri for m in doc.mentions_between(start, end) for e in m.of_kind(WORK) if e.iri}
        if len(works) == 1:
            topics[index] = works.pop()
        elif not works and (year := _HEADER_YEAR.search(doc.text, start, end)) and int(year.group()) != doc.film_year:
            topics[index] = _ANOTHER_WORK  # a title the reference does not know by that name: "JW (2014)"
    named = set(topics.values()) - {_ANOTHER_WORK}
    if len(set(topics.values())) < 2 or doc.film not in named:
        return []
    if len(named) >= _MATRIX:  # a matrix of works: every header after the first names one ("| Performer | JW1 | TC |")
        topics.update({index: _ANOTHER_WORK for index in range(1, len(_cells(rows[0]))) if index not in topics})
    header = [(start - rows[0].start(), end - rows[0].start()) for start, end in _cells(rows[0])]
    return [cell for row in rows[1:] for index, cell in _columns(header, row)
            if topics.get(index, doc.film) != doc.film]


def _columns(header: list[Span], row: re.Match[str]) -> Iterator[tuple[int, Span]]:
    """Each cell of ``row`` with the index of its header cell (``header`` holds offsets within the header's line):
    by order when the row has as many cells as the header, else by where the cell sits on its line, as a table
    whose corner cell is blank ("     | Chapter 4 | Parabellum") lines its columns up."""
    cells = _cells(row)
    if len(cells) == len(header):
        yield from enumerate(cells)
        return
    for start, end in cells:
        middle = (start + end) // 2 - row.start()
        index = next((i for i, (a, b) in enumerate(header) if a <= middle < b), None)
        if index is not None:
            yield index, (start, end)


# a sheet's column of titles: "title", "film", "Movie title", "show_name"
_CELL_MARK = re.compile(r"\t|[ \t]*\|[ \t]*")
_KEY = re.compile(r"[A-Z][A-Z0-9_]{1,5}")
_RULE_ROW = re.compile(r"[ \t]*[-+|=:]+[-+|=: \t]*")
_TITLE_COLUMN = re.compile(r"(?:(?:film|movie|show|series)[ _]?)?(?:title|film|movie|show|series|work)s?",
                           re.IGNORECASE)


_ANY_LINE = re.compile(r"^[^\n]*$", re.MULTILINE)


def _row_cells(text: str, start: int, end: int) -> list[Span]:
    """The spans of the cells of the line ``text[start:end]``, between tabs or a table's bars."""
    marks = [m.span() for m in _CELL_MARK.finditer(text, start, end)]
    return list(zip([start] + [b for _, b in marks], [a for a, _ in marks] + [end], strict=True))


def other_rows(doc: Document) -> list[Span]:
    """In a sheet (tab-separated in the layout view, as CSV rows are; or a table's bars) whose header names a title
    column, the rows whose title is another work's: a log of everything watched, one row the reviewed film."""
    if "\t" not in doc.folded and "|" not in doc.folded:
        return []
    spans: list[Span] = []
    column: int | None = None  # the title column of the sheet being read; -1 when its header names none
    for line in _ANY_LINE.finditer(doc.folded):
        cells = _row_cells(doc.folded, line.start(), line.end()) if _CELL_MARK.search(line.group()) else []
        if column is not None and _RULE_ROW.fullmatch(line.group()):
            continue  # the rule under a header ("-----+------")
        if sum(doc.folded[a:b].strip() != "" for a, b in cells) < 3:  # ("| Title | X |": a field and its value)
            column = None
            continue
        if column is None:  # only a sheet's first row is its header ("field,value,notes" over "title,X,...")
            column = next((i for i, (a, b) in enumerate(cells)
                           if _TITLE_COLUMN.fullmatch(doc.folded[a:b].strip(" *_"))), -1)
            continue
        if not 0 <= column < len(cells):
            continue
        works = {e.iri for m in doc.mentions_between(*cells[column]) for e in m.of_kind(WORK)}
        title = doc.folded[slice(*cells[column])].strip()  # (a database's key, "CONT", is no title to tell apart)
        if title and doc.film not in works and (works or not _KEY.fullmatch(title)):
            spans.append(line.span())
    return spans


_SLASH = re.compile(r"[ \t]+/[ \t]+")
# a line's label before its value: "Director: ", "Released — "
_LINE_VALUE = re.compile(r"^[^\n:]{1,40}?(?::|[ \t][\u2014\u2013-])[ \t]*(?=\S)", re.MULTILINE)
_TITLE_OPENS = re.compile(r"[ \t]*[:\u2014\u2013-]")


def other_slash_parts(doc: Document) -> list[Span]:
    """The parts of a stat sheet's lines, parted by " / ", that belong to another work than the reviewed one: by the
    order of the works a header line names ("(Ballerina / Parabellum)"), or by the title a part opens with."""
    if " / " not in doc.text:
        return []
    spans: list[Span] = []
    order: list[str] = []  # the works of the sheet being read, in the header's order
    for line in _ANY_LINE.finditer(doc.text):
        parts = _slash_parts(doc.text, line)
        if len(parts) < 2:
            order = order if not line.group().strip() else []  # (a blank line may part the header from its lines)
            continue
        named = [_work_opening(doc, start, end) for start, end in parts]
        if all(named):
            spans += [part for part, work in zip(parts, named, strict=True) if work != doc.film]
            continue
        works = [_only_work(doc, start, end) for start, end in parts]
        if all(works) and len(set(works)) == len(works) and doc.film in works:
            order = [work for work in works if work]  # a header: the works in order
        elif len(order) == len(parts):
            spans += [part for part, work in zip(parts, order, strict=True) if work != doc.film]
    return spans


def _slash_parts(text: str, line: re.Match[str]) -> list[Span]:
    """The parts of ``line``'s value (after its label, if any) between " / " marks."""
    label = _LINE_VALUE.match(text, line.start(), line.end())
    start = label.end() if label else line.start()
    edges = [(m.start(), m.end()) for m in _SLASH.finditer(text, start, line.end())]
    return list(zip([start] + [b for _, b in edges], [a for a, _ in edges] + [line.end()], strict=True))


def _only_work(doc: Document, start: int, end: int) -> str | None:
    """The one work the part ``start``-``end`` names and nothing else beside it (a header's "Ballerina")."""
    mentions = doc.mentions_between(start, end)
    works = {e.iri for m in mentions for e in m.of_kind(WORK) if e.iri}
    return works.pop() if len(works) == 1 and len(mentions) == 1 else None


def _work_opening(doc: Document, start: int, end: int) -> str | None:
    """The work whose title opens the part ``start``-``end`` before a colon or a dash ("Chapter 4: March 2023")."""
    text = doc.text
    while start < end and text[start] in " \t(":
        start += 1
    mention = doc.by_start.get(start)
    works = [e.iri for e in mention.of_kind(WORK) if e.iri] if mention else []
    return works[0] if works and mention and _TITLE_OPENS.match(text, mention.end) else None
