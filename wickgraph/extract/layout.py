"""Layout normalisation: a same-length view of a review, and the layout *units* it is made of.

Reviews arrive as Markdown newsletters, pipe tables, ASCII boxes, numbered threads, trade-paper
credits blocks and front matter. Two things come out of this module, both in the text's own offsets
(the map back is the identity, so evidence stays exactly ``text[start:end]``):

* :func:`normalise` — the *view* the rules read: Markdown emphasis, bullets, table rules, box borders, dot
  leaders and column-header rows replaced by spaces, with the markup of :mod:`wickgraph.extract.markup` (wiki,
  BBCode, HTML tags, invisible characters, subtitle timings), and the commas of a pasted CSV sheet by tabs,
  character for character;
* :func:`read_layout` — the units that layout, not words, joins together:

  - :class:`Row`: a line of cells joined by pipes, tabs, dot leaders, dashes, a colon or column
    padding ("Cassian ....... Common", "Riccardo Scamarcio   Santino D'Antonio"), grouped in blocks,
    with the column roles a header row gives ("CHARACTER   PLAYED BY", "| Actor | Role |");
  - :class:`Credit`: a label and the value items it introduces ("Dir. X", "W: A, B and C",
    "Written by: A (screenplay by)", "Director" on its own line above the name, several labels in
    one capsule line "D: X · W: A, B · With C, D").

Which cell is the actor and which item is a person is decided later, with the gazetteer
(:mod:`wickgraph.extract.units`). Label and header words are data (``layout.json``, read by
:mod:`wickgraph.extract.layout_words`).

>>> normalise("**Dir.** Chad Stahelski")
'  Dir.   Chad Stahelski'
>>> normalise("| Keanu Reeves | John Wick |\\n|---|---|")
'| Keanu Reeves | John Wick |\\n         '
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import regexcache
from . import casing
from .casing import lower_if_exact, lowercase_twin
from .layout_words import LayoutWords, default_layout_words
from .markup import line_breaks_as_separators, markup_spans
from .sheets import csv_cells
from .spoken import spoken_years, with_years_in_digits

__all__ = ["Credit", "Layout", "Row", "Section", "blank", "normalise", "read_layout"]

Span = tuple[int, int]

# Lines longer than this are prose (or a whole review on one line): no table row or credits line is.
_MAX_UNIT_LINE = 400
_MAX_ROW = 200
# Something that can join two cells: a line without any of these is no row (a cheap first look).
_ROW_HINT = re.compile(r"[|\t]|[ \t]{2}|\s-{1,2}\s|[\u2013\u2014]|:\s|\s=\s|\.\.|\u2026|[_\u00b7=~]{3}")
_MAX_CELL = 60

# Layout marks, each found from its own first character so the regex engine can skip ahead:
# **bold**, *italic*, __bold__, _italic_ (checked in _emphasis)
_EMPHASIS = regexcache.compile(r"\*{1,3}|_{1,3}", skip_to_start=True)
# headings, quotes, bullets, "1.", and a number labelling a row: "No. 1 —", "#3"
_LINE_MARK = re.compile(r"[ \t]*(?:#{1,6}|>|[-*+\u2022\u00b7]|\d{1,3}[.)/]|"
                        r"No\.[ \t]*\d{1,3}[ \t]*[\u2014\u2013:-]|#\d{1,3})[ \t]+")
_RULE_LINE = re.compile(
    r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*"  # |---|---| table rules, "---"
    r"|[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?"  # |:-|-:| (one dash a cell is enough)
    r"|[ \t]*[+|][-=+]{3,}[+|]?[ \t]*")     # +-----+ box borders
# "Cassian ........ Common": a run of leader marks (found by its first mark, which is fast) between two words
# (three or more dots, dashes, "_", "·", "=" or "~", spaced or not, or "…"); the leading character class
# lets the regex engine skip ahead, which a leading group does not
_LEADER_RUN = re.compile(r"[.\u2026_\u00b7=~-](?:(?<=\.)[ \t]?\.[ \t]?\.(?:[ \t]?\.)*|(?<=\u2026)\u2026*|"
                         r"(?<=-)--+|(?<=_)_+"
                         r"|(?<=[_\u00b7=~])[ \t]?[_\u00b7=~][ \t]?[_\u00b7=~](?:[ \t]?[_\u00b7=~])*)")
_HEADER_HINT = re.compile(r"(?i)\b(?:actor|actress|character|role|played by|cast|performer|player|voice)")
_HEADER_HINT_LOWER = lowercase_twin(_HEADER_HINT)  # the same search over the lower-cased view, faster
_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?"
                         r"|[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*"
                         r"|[ \t]*[+|][-=+]{3,}[+|]?[ \t]*")


# -- the view ------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """``text`` with layout marks replaced by spaces; same length, so offsets carry over unchanged.

    Column-header rows of cast tables ("CHARACTER    PLAYED BY") are blanked too: they are layout, and
    read as words they look like names.
    """
    text = with_years_in_digits(text, spoken_years(text))  # "twenty nineteen" is read as 2019
    if not any(mark in text for mark in "*_#>|+-\u2022\u00b7/.)\u2026=~  \t[{,<\u200b\u200e\u200f\ufeff"):
        return text
    text = line_breaks_as_separators(text)
    view = csv_cells(blank(text, list(_marks(text))))
    blanks = list(_leaders(view))
    line_end = -1
    for hint in casing.finditer(_HEADER_HINT, _HEADER_HINT_LOWER, view, lower_if_exact(view), 0, len(view)):
        if hint.start() <= line_end:
            continue  # one look per line: a review on one long line stays linear
        start, line_end = view.rfind("\n", 0, hint.start()) + 1, view.find("\n", hint.end())
        line_end = len(view) if line_end < 0 else line_end
        if _header_roles(_cells(view, start, line_end)[1], view):
            blanks.append((start, line_end))
    return blank(view, blanks)


def blank(text: str, spans: list[Span]) -> str:
    """``text`` with every span replaced by spaces, joined from the slices between them (a list of every
    character costs far more on a long review)."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0  # the text before this offset is in pieces
    for start, end in sorted(spans):
        start, end = max(start, done), min(end, len(text))
        if end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(" " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _marks(text: str) -> Iterator[Span]:
    """Spans of Markdown emphasis, wiki markup, BBCode and HTML tags, invisible characters, line-opening marks
    (headings, quotes, bullets, numbers), rule lines and subtitle cue timings."""
    yield from markup_spans(text)
    for mark in _EMPHASIS.finditer(text):
        start, end = mark.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if text[start] == "*":
            if not after.isspace() or not before.isspace():
                yield start, end  # touches a word on one side
        elif (not _is_word(before) and not after.isspace()) or (not before.isspace() and not _is_word(after)):
            yield start, end  # "_italic_", not snake_case
    for start, end in _lines(text):
        if _RULE_LINE.fullmatch(text, start, end):
            yield start, end
            continue
        line_mark = _LINE_MARK.match(text, start, end)
        if line_mark is not None:
            yield line_mark.span()


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _leaders(view: str) -> Iterator[Span]:
    """Leader runs between two words of a line, with the spaces around them."""
    for run in _LEADER_RUN.finditer(view):
        start, end = run.start(), run.end()
        while start and view[start - 1] in " \t":
            start -= 1
        while end < len(view) and view[end] in " \t":
            end += 1
        between_words = start and end < len(view) and (view[start - 1].isalnum() or view[start - 1] in ")'") \
            and view[end].isalnum()
        # "Wait... what": an ellipsis on a word is punctuation; a leader is long or stands apart
        if between_words and (end - start - run.end() + run.start() > 1 or len(run.group().replace(" ", "")) > 3):
            yield start, end


# -- units ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A line of cells joined by layout: ``cells`` are trimmed spans; ``columns`` the role of each cell
    ("actor", "role" or None) when a header row above the block says so; rows of one block share ``block``."""

    start: int
    end: int
    cells: tuple[Span, ...]
    separator: str  # "pipe", "tab", "leader", "dash", "colon", "equals" or "padding"
    block: int
    columns: tuple[str | None, ...] | None = None


@dataclass(frozen=True)
class Credit:
    """A credit label and its value items: ``job`` is "director", "writer", "both" or "cast"; ``items`` are the
    value spans (asides in brackets left out), ``asides`` the bracketed text after each item, if any;
    ``start``/``end`` run from the label to the end of the value."""

    job: str
    start: int
    end: int
    label: Span
    items: tuple[Span, ...]
    asides: tuple[Span | None, ...]
    # joined by a plain space ("Written by A and B"), as prose is: every item must then be a name
    whole: bool = False


@dataclass(frozen=True)
class Section:
    """A heading that says something of every item listed under it: ``kind`` "reprise" ("Returning:" over a
    cast list) or "absent" ("Not returning:"); ``start``/``end`` span the items, from the line after the
    heading to the end of the last one."""

    kind: str
    heading: Span
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """The rows, credits and sections of a review."""

    rows: tuple[Row, ...]
    credits: tuple[Credit, ...]
    sections: tuple[Section, ...] = ()


def read_layout(text: str, view: str | None = None, words: LayoutWords | None = None) -> Layout:
    """The layout units of ``text``; ``view`` is its :func:`normalise` view (computed when None)."""
    view = normalise(text) if view is None else view
    words = words or default_layout_words()
    return Layout(tuple(_rows(text, view, words)), tuple(_credits(view, words)), tuple(_sections(text, view, words)))


def _lines(view: str) -> Iterator[Span]:
    start = 0
    for match in re.finditer("\n", view):
        yield start, match.start()
        start = match.end()
    yield start, len(view)


def _trim(view: str, start: int, end: int) -> Span:
    while start < end and view[start] in " \t\"'[]*_":
        start += 1
    while end > start and view[end - 1] in " \t\"'[]*_.,;!|\u00b7\u2022":
        end -= 1
    return start, end


# Between two cells; tried in order, the first that splits the line into two or more cells wins.
_SEPARATORS = (
    ("pipe", re.compile(r"\|")),
    ("tab", re.compile(r"\t+")),
    ("leader", re.compile(r"[ \t]*(?:" + _LEADER_RUN.pattern + r")[ \t]*")),
    ("dash", re.compile(r"[ \t]+(?:-{1,2}|[\u2013\u2014])[ \t]+|[\u2013\u2014]")),
    ("colon", re.compile(r"[ \t]*:[ \t]+")),
    ("equals", re.compile(r"[ \t]+=[ \t]+")),
    ("padding", re.compile(r"[ \t]{2,}")),
)


def _cells(view: str, start: int, end: int) -> tuple[str, tuple[Span, ...]]:
    """The separator kind and trimmed cell spans of a line (empty when it is no row)."""
    lo, hi = _trim(view, start, end)
    if hi - lo < 3 or hi - lo > _MAX_ROW or not _ROW_HINT.search(view, lo, hi):
        return "", ()
    for kind, separator in _SEPARATORS:
        pieces = list(separator.finditer(view, lo, hi))
        if not pieces or (kind == "colon" and len(pieces) > 1):
            continue
        cells: list[Span] = []
        position = lo
        for piece in pieces:
            cells.append(_trim(view, position, piece.start()))
            position = piece.end()
        cells.append(_trim(view, position, hi))
        # a pipe row's empty cell keeps its column: "| Nogi | Moreno | |"
        cells = _pipe_cells(view, start, end) if kind == "pipe" else [c for c in cells if c[1] > c[0]]
        # a table's notes column may be long; cells joined by padding or leaders are names, which are short
        if sum(c[1] > c[0] for c in cells) >= 2 and (kind == "pipe" or all(c[1] - c[0] <= _MAX_CELL for c in cells)):
            return kind, tuple(cells)
        if len(cells) >= 2:
            return "", ()
    return "", ()


def _pipe_cells(view: str, start: int, end: int) -> list[Span]:
    line = view[start:end]
    lo = start + len(line) - len(line.lstrip())
    hi = start + len(line.rstrip())
    lo += view[lo:lo + 1] == "|"
    hi -= hi > lo and view[hi - 1] == "|"
    cells, position = [], lo
    for bar in re.finditer(r"\|", view[lo:hi]):
        cells.append(_trim(view, position, lo + bar.start()))
        position = lo + bar.end()
    cells.append(_trim(view, position, hi))
    return cells


def _header_roles(cells: tuple[Span, ...], view: str, words: LayoutWords | None = None) -> tuple[str | None, ...]:
    """Column roles when every cell is a header word and both an actor and a role column are named."""
    if len(cells) < 2:
        return ()
    words = words or default_layout_words()
    roles: list[str | None] = []
    for start, end in cells:
        cell = " ".join(view[start:end].lower().rstrip(":").split())
        roles.append("actor" if cell in words["header-actor"] else "role" if cell in words["header-role"] else
                     "other" if len(cell.split()) <= 4 and cell.replace(" ", "").isalpha() else None)
        if roles[-1] is None:
            return ()
    if "actor" not in roles or "role" not in roles:
        return ()
    return tuple(r if r != "other" else None for r in roles)


def _rows(text: str, view: str, words: LayoutWords) -> Iterator[Row]:
    block, columns, previous = 0, None, ""
    for start, end in _lines(view):
        if not view[start:end].strip():
            # blank in the view: a table rule (which does not end its block), a header row, or a real gap
            line = csv_cells(text[start:end])  # a CSV header row is read in its tab-separated form
            header = _header_roles(_cells(line, 0, len(line))[1], line, words) if line.strip() else ()
            if header:
                block, columns, previous = block + 1, header, ""
            elif not _TABLE_RULE.fullmatch(text, start, end):
                block, columns, previous = block + 1, None, ""
            continue
        kind, cells = _cells(view, start, end)
        if not cells or _is_label(view, cells[0], words):
            # "Director: Chad Stahelski" is a credit (even where "The Director" is also a role), not a cast row
            block, columns, previous = block + 1, None, ""
            continue
        if previous and not _same_family(kind, previous):
            block, columns = block + 1, None
        previous = kind
        yield Row(cells[0][0], cells[-1][1], cells, kind, block,
                  columns if columns and len(columns) == len(cells) else None)


def _is_label(view: str, cell: Span, words: LayoutWords) -> bool:
    label = " ".join(view[cell[0]:cell[1]].lower().rstrip(":").split())
    return any(label in words[name] for name in ("label-director", "label-writer", "label-both", "label-cast"))


def _same_family(kind: str, other: str) -> bool:
    # dot leaders are blanked in the view, so a leader list reads as padded columns
    return {kind, other} <= {"padding", "leader", "tab"} or kind == other


# -- credits ---------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _label_regex(words: LayoutWords) -> re.Pattern[str]:
    jobs = {"director": words["label-director"], "writer": words["label-writer"], "both": words["label-both"],
            "cast": words["label-cast"]}
    groups = []
    for job, labels in jobs.items():
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+")
                                for w in sorted(labels, key=lambda w: (-len(w), w)))
        groups.append(f"(?P<{job}>{alternatives})")
    # a label opens a line or a capsule segment (after "·", "|", "•", ";" or a sentence's full stop) and
    # ends at a colon, a dash, the end of its line, or (after "by", "starring", "Dir.") one space
    # a label may stand in brackets or quotes, as a key does: "[Director] X", '"director": "X"'
    return re.compile(
        r"[ \t{]*[\"'\[]?(?:" + "|".join(groups) + r")[\"'\]]?"
        # a source may qualify the label before its colon: "Writers per Variety:", "Director (per IMDb):"
        r"(?:[ \t]+(?:per|via|according[ \t]+to)[ \t]+[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*)?(?=[ \t]*:)"
        r"|[ \t]*\((?:per|via|according[ \t]+to|source:?)[ \t][^()\n]{1,30}\)(?=[ \t]*:))?"
        r"(?P<sep>[ \t]*[:=][ \t]*|[ \t]+-{1,2}[ \t]+|[ \t]*[\u2013\u2014][ \t]*|[ \t]*$|(?<=[ \t]by)[ \t]+|"
        r"(?<=\.)[ \t]+|(?<=\])[ \t]+|(?<=starring)[ \t]+|(?<=featuring)[ \t]+|(?<=with)[ \t]+)",
        re.IGNORECASE | re.MULTILINE)


# where a capsule line's next label may start ("(R) D: X")
_SEGMENT = regexcache.compile(r"[\u00b7\u2022|;]|[.)][ \t]", skip_to_start=True)
_ITEM_SPLIT = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|plus[ \t]+)?|;|\u00b7|\u2022|/|&|\+|"
                         r"[ \t](?:and|y|und|et|plus)[ \t])[ \t]*", re.IGNORECASE)
_VALUE_END = re.compile(r"(?<=[a-z]{2})\.[ \t]|[ \t]\|[ \t]")
_ASIDE = re.compile(r"[ \t]*(?:\([^()\n]{0,80}\)|\[[^\[\]\n]{0,80}\])")


def _credits(view: str, words: LayoutWords) -> Iterator[Credit]:
    regex = _label_regex(words)
    lines = list(_lines(view))
    for number, (start, end) in enumerate(lines):
        if end - start > _MAX_UNIT_LINE:
            yield from _credits_in_prose(view, regex, start, end)
            continue
        if not view[start:end].strip():
            continue
        labels: list[re.Match[str]] = []
        for anchor in (start, *(m.end() for m in _SEGMENT.finditer(view, start, end))):
            match = regex.match(view, anchor, end)
            if match is not None and _label_ok(match, view, start, bool(labels)):
                labels.append(match)
        for index, label in enumerate(labels):
            job = next(name for name in ("director", "writer", "both", "cast") if label.group(name))
            value_end = labels[index + 1].start() if index + 1 < len(labels) else end
            items, asides = _items(view, label.end(), value_end)
            if not items and label.end() >= _trim(view, label.end(), end)[1] and index + 1 == len(labels):
                # "Director" alone on its line: the value is on the next line (one a line for a cast)
                items, asides = _items_below(view, lines, number, regex)
            if items:
                yield Credit(job, label.start() + len(label.group()) - len(label.group().lstrip(" \t")),
                             max(items[-1][1], (asides[-1] or (0, 0))[1]),
                             (label.start(), label.end()), tuple(items), tuple(asides),
                             whole=label.group("sep").strip() == "" and "\n" not in view[label.end():items[0][0]])


# in a paragraph of prose, a label opens a sentence and its value ends with it
_SENTENCE_OPENING = regexcache.compile(r"[.!?][ \t]+(?=[A-Z])", skip_to_start=True)
_SENTENCE_CLOSING = regexcache.compile(r"[.!?](?=[ \t]|$)|\n", skip_to_start=True)


def _credits_in_prose(view: str, regex: re.Pattern[str], start: int, end: int) -> Iterator[Credit]:
    """Credits in a line too long to be a credits line: a label with its colon opening a sentence of a paragraph
    ("... is wrong. Writers per Variety: A, B and C, plus D.")."""
    for opening in _SENTENCE_OPENING.finditer(view, start, end):
        label = regex.match(view, opening.end(), end)
        if label is None or ":" not in label.group("sep"):
            continue
        closing = _SENTENCE_CLOSING.search(view, label.end(), min(end, label.end() + 300))
        items, asides = _items(view, label.end(), closing.start() if closing else min(end, label.end() + 300))
        if items:
            job = next(name for name in ("director", "writer", "both", "cast") if label.group(name))
            yield Credit(job, opening.end(), max(items[-1][1], (asides[-1] or (0, 0))[1]),
                         (label.start(), label.end()), tuple(items), tuple(asides))


def _label_ok(label: re.Match[str], view: str, line_start: int, after_label: bool) -> bool:
    text = label.group().strip().lower()
    separator = label.group("sep")
    single = len(text.rstrip(":=-\u2013\u2014 \t")) <= 1
    if single and ":" not in separator:
        return False  # "D: X" and "W: A" need their colon
    if label.group("cast") and separator.strip() == "" and text.split()[0] == "with":
        # "With Keanu Reeves gone, ..." is prose; after a capsule's "·" or "|" it is a label
        before = view[line_start:label.start()].rstrip()
        return before.endswith(("\u00b7", "\u2022", "|")) or (after_label and before.endswith("."))
    return True


def _items(view: str, start: int, end: int) -> tuple[list[Span], list[Span | None]]:
    """The value items between ``start`` and ``end``: split at commas, semicolons, "·", "/", "&", "and";
    a bracketed aside after an item ("(screenplay by)", "[uncredited]") is kept apart."""
    items: list[Span] = []
    asides: list[Span | None] = []
    position = start
    value = view[start:end]
    hi = start + len(value.rstrip(" \t.,;|\u00b7\u2022}"))  # not _trim: a closing bracket ends an aside
    lead = len(value) - len(value.lstrip(" \t"))
    if view[start + lead:start + lead + 1] == "[" and view[hi - 1:hi] == "]" and "[" not in view[start + lead + 1:hi]:
        start, hi = start + lead + 1, hi - 1  # a YAML list: "cast: [A, B, C]"
    stop = _VALUE_END.search(view, start, hi)  # "W: A, B. With C": a value ends with its sentence
    hi = stop.start() if stop else hi
    while position < hi:
        separator = _ITEM_SPLIT.search(view, position, hi)
        aside = _ASIDE.search(view, position, hi)
        if aside is not None and (separator is None or aside.start() <= separator.start()):
            item = _trim(view, position, aside.start())
            if item[1] > item[0]:
                items.append(item)
                asides.append((aside.start() + len(aside.group()) - len(aside.group().lstrip()), aside.end()))
            position = aside.end()
            following = re.match(_ITEM_SPLIT.pattern + "|[ \t]*", view[position:hi], re.IGNORECASE)
            position += following.end() if following else 0
            continue
        item_end = separator.start() if separator else hi
        item = _trim(view, position, item_end)
        if item[1] > item[0]:
            items.append(item)
            asides.append(None)
        if separator is None:
            break
        position = separator.end() if separator.end() > position else position + 1
    return items, asides


def _items_below(view: str, lines: list[Span], number: int,
                 label: re.Pattern[str]) -> tuple[list[Span], list[Span | None]]:
    """The names under a label alone on its line: one line of them, or one name a line ("Screenplay =" over a
    bulleted list) up to a blank line or the next label."""
    items: list[Span] = []
    asides: list[Span | None] = []
    for start, end in lines[number + 1:number + 40]:
        if not view[start:end].strip() or end - start > _MAX_UNIT_LINE or (items and label.match(view, start, end)):
            break
        found, found_asides = _items(view, start, end)
        if items and len(found) != 1:
            break
        items += found
        asides += found_asides
        if len(found) != 1:
            break  # names on one line end the value; one name a line may go on
    return items, asides


# -- sections ------------------------------------------------------------------------------------------

_HEADING = re.compile(r"[ \t]*(?P<words>[^\W\d][\w' \t-]{0,40}?)[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*:?[ \t]*")


# A list item: a bullet or a number opens it; an unmarked line of a list is short.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u2013\u2014]|\d{1,3}[.)/])[ \t]+")
_MAX_ITEM = 80


def _sections(text: str, view: str, words: LayoutWords) -> Iterator[Section]:
    lines = list(_lines(view))
    for number, (start, end) in enumerate(lines):
        if end - start > 60:
            continue
        heading = _HEADING.fullmatch(view, start, end)
        name = " ".join(heading.group("words").lower().split()) if heading else ""
        kind = "reprise" if name in words["heading-reprise"] else "absent" if name in words["heading-absent"] else ""
        if heading is None or not kind:
            continue
        last = None
        for item_start, item_end in lines[number + 1:number + 60]:
            line = view[item_start:item_end].strip()
            if not line or (line.endswith(":") and len(line) <= 60):
                break  # a blank line or the next heading ends the list
            if not _LIST_ITEM.match(text, item_start) and len(line) > _MAX_ITEM:
                break  # a paragraph of prose under a heading is no list
            last = (item_start, item_end)
        if last is not None:
            yield Section(kind, (heading.start("words"), heading.end("words")), lines[number + 1][0], last[1])
