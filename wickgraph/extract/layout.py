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
  - :class:`~wickgraph.extract.credits.Credit`: a label and the value items it introduces, read by
    :mod:`wickgraph.extract.credits`;
  - :class:`Section`: a heading that says something of every cast line under it ("Returning:").

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
from .archaic import with_modern_forms
from .casing import lower_if_exact, lowercase_twin
from .contrasts import with_contrasts_resolved
from .credits import Credit, credit_lines
from .datafiles import with_data_file_syntax
from .glossary import with_entry_heads_as_labels
from .layout_words import LOG_TIME, MATCHING_DOTS, LayoutWords, default_layout_words
from .markup import markup_spans, separators, without_line_numbers
from .sheets import csv_cells
from .shortcodes import with_score_templates_read, with_shortcode_runs_as_glyphs
from .sourcecode import with_source_code_read
from .spoken import (
    spoken_years,
    with_announcements_blanked,
    with_fillers_blanked,
    with_glossed_numbers_in_digits,
    with_punctuation_in_marks,
    with_retractions_blanked,
    with_years_in_digits,
)
from .textscan import blank, line_spans, trim_span
from .translation import with_foreign_words_in_english, without_honorific_suffixes

__all__ = ["Credit", "Layout", "Row", "Section", "normalise", "read_layout"]

Span = tuple[int, int]

_MAX_ROW = 200
# Something that can join two cells: a line without any of these is no row (a cheap first look).
_ROW_HINT = re.compile(r"[|\t]|[ \t]{2}|\s-{1,2}\s|[\u2013\u2014]|:\s|\s=\s|\.\.|\u2026|[_\u00b7=~]{3}"
                       r"|->|=>|[\u2192\u21d2]")
_MAX_CELL = 60
_NAME_THEN_DESCRIPTION = re.compile(r"[^\W\d][\w'.\u2019 -]{0,29},[ \t]")

# Layout marks, each found from its own first character so the regex engine can skip ahead:
# **bold**, *italic*, __bold__, _italic_ (checked in _emphasis)
_EMPHASIS = regexcache.compile(r"\*{1,3}|_{1,3}", skip_to_start=True)
# headings, quotes, bullets, "1.", "(a)", a thread's "3/16", a number labelling a row ("No. 1 —", "#3") and a tick box
# ("[x]", "☑", "( )"), a log's time of day
_LINE_MARK = re.compile(r"[ \t]*(?:(?:[-*+][ \t]*)?(?:\[[ xX\u2713\u2714]?\]|\([ xX]\)|"
                        r"[\u2610\u2611\u2612\u2713\u2714\u2705\u2717\u2718\u25a1\u25a2\u25a0]\ufe0f?)|"
                        r"#{1,6}|>|[-*+\u2022\u00b7]|\(?\d{1,2}/\d{1,2}\)?|\d{1,3}[.)/]|"
                        # a lettered or roman item: "(a)", "b)", "(iv)", "(B)"
                        r"\([a-zA-Z]\)|[a-z]\)|\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|"
                        r"No\.[ \t]*\d{1,3}[ \t]*[\u2014\u2013:-]|#\d{1,3}|"
                        # a form's or a contract's section number before its label: "2.2 Year released:", "3.1.4 Cast"
                        r"\d{1,2}(?:\.\d{1,2}){1,3}\.?(?=[ \t]+(?-i:[A-Z]))|"
                        # a log's time of day before a dash: "14:18 \u2014 ", "9:04 PM - "
                        rf"{LOG_TIME})"
                        r"[ \t]+")
# a notebook's or a console's prompt: "In [3]:", "Out[3]:" (not a heading "Out:" over the lines it prints)
_PROMPT = re.compile(r"^[ \t]*(?:In|Out)[ \t]?\[\d{0,4}\]:", re.MULTILINE)
_RULE_LINE = re.compile(
    r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*"  # |---|---| table rules, "---"
    r"|[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?"  # |:-|-:| (one dash a cell is enough)
    r"|[ \t]*[+|][-=+]{3,}[+|]?[ \t]*")     # +-----+ box borders
# the sides of an ASCII box around one cell ("| NOT IN THIS ONE:    |" under "+-----+"): no table's row, which has
# two cells or more
_BOX_WALLS = re.compile(r"(?P<left>[ \t]*\|)[^|\n]*(?P<right>\|[ \t]*)")
# "Cassian ........ Common": a run of leader marks (found by its first mark, which is fast) between two words
# (three or more dots, dashes, "_", "·", "=" or "~", spaced or not, "…", or two dots set apart by spaces, as a
# column padded to width leaves them: "Riccardo Scamarcio .. tu to everyone"); the leading character class
# lets the regex engine skip ahead, which a leading group does not
_LEADER_RUN = re.compile(r"[.\u2026_\u00b7=~-](?:(?<=\.)[ \t]?\.[ \t]?\.(?:[ \t]?\.)*|(?<=[ \t]\.)\.(?=[ \t])|"
                         r"(?<=\u2026)\u2026*|(?<=-)--+|(?<=_)_+"
                         r"|(?<=[_\u00b7=~])[ \t]?[_\u00b7=~][ \t]?[_\u00b7=~](?:[ \t]?[_\u00b7=~])*)")
_HEADER_HINT = re.compile(r"(?i)\b(?:actor|actress|character|role|played by|portrayed by|cast|performer|player|voice)")
_HEADER_HINT_LOWER = lowercase_twin(_HEADER_HINT)  # the same search over the lower-cased view, faster
_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?"
                         r"|[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*"
                         r"|[ \t]*[+|][-=+]{3,}[+|]?[ \t]*")


# -- the view ------------------------------------------------------------------------------------


# characters of which a text needs at least one to hold any layout (a text with none is its own view)
_LAYOUT_MARKS = "*_#>|+-\u2022\u00b7/.)\u2026=~  \t[{,<\u200b\u200e\u200f\ufeff\u2502\u2503\u2551"


@lru_cache(maxsize=2)  # (asked twice per review: for the rules' view and for the rating's)
def plain_forms(text: str) -> str:
    """``text`` with its own forms read plainly, character for character: a data file's keys ("directed_by: [A, B]"
    is read as "Directed by:  A, B "), archaic verbs and Roman numerals ("playeth" as "plays", "MMXIV" as "2014"),
    the marks a dictation or a telegram spells out ("full stop", "STOP" as "."), a number glossed in digits ("five (5)"
    as "5"), a transcript's margin of line numbers (blanked), a run of emoji shortcodes (":star::star:" as "★★"), a
    wiki's score template ("{{Rating|4|5}}" as "{{Rating:4/5}}"), a glossary entry's pronunciation and part of speech
    as its headword's colon ("HELEN /ˈhɛlən/ n." as "HELEN:"), and another language's or a dialect's words in English
    ("The regisseur is X" as "The director  is X")."""
    return with_foreign_words_in_english(with_shortcode_runs_as_glyphs(with_glossed_numbers_in_digits(
        with_punctuation_in_marks(with_modern_forms(with_entry_heads_as_labels(with_data_file_syntax(
            with_score_templates_read(with_source_code_read(without_line_numbers(text))))))))))


def normalise(text: str) -> str:
    """``text`` with layout marks replaced by spaces; same length, so offsets carry over unchanged.

    Column-header rows of cast tables ("CHARACTER    PLAYED BY") are blanked too: they are layout, and
    read as words they look like names.
    """
    text = plain_forms(text)
    text = with_years_in_digits(text, spoken_years(text))  # "twenty nineteen" is read as 2019
    text = with_retractions_blanked(text)  # "2024 no scratch that 2025" is read as 2025
    text = with_contrasts_resolved(text)  # "not directed by A but by B" is read as "directed by B"
    text = with_fillers_blanked(text)  # "played by, uh, Ian McShane" is read as "played by Ian McShane"
    text = with_announcements_blanked(text)  # a screen reader's "row 2, link, Keanu Reeves" as "Keanu Reeves"
    text = without_honorific_suffixes(text)  # "Reeves Keanu-san plays" is read as "Reeves Keanu     plays"
    text = with_wrapped_values_joined(text)  # "Directed by: A" over "             B" is read as a list
    if not any(mark in text for mark in _LAYOUT_MARKS):
        return text
    text = separators(text)
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


def _marks(text: str) -> Iterator[Span]:
    """Spans of Markdown emphasis, wiki markup, BBCode and HTML tags, invisible characters, line-opening marks
    (headings, quotes, bullets, numbers), a notebook's prompts, rule lines and subtitle cue timings."""
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
    if "]:" in text:
        for prompt in _PROMPT.finditer(text):
            yield prompt.span()
    for start, end in line_spans(text):
        if _RULE_LINE.fullmatch(text, start, end):
            yield start, end
            continue
        walls = _BOX_WALLS.fullmatch(text, start, end) if "|" in text[start:end] else None
        if walls is not None:  # a box's sides around one cell: its line is read as the cell's own
            yield walls.span("left")
            yield walls.span("right")
            start = walls.end("left")
        line_mark = _LINE_MARK.match(text, start, end)
        if line_mark is not None:
            yield line_mark.span()


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


# a label and the names of its value on its line ("DIRECTED BY..: CHAD STAHELSKI", "Starring:   Keanu Reeves,"), and a
# line under it that goes on in the value's column with more names ("               DAVID LEITCH")
_NAMES = r"(?P<names>(?-i:[A-Z])[\w'.-]*(?:[ \t]+(?-i:[A-Z])[\w'.-]*){0,3})[ \t]*,?[ \t]*$"
_LABELLED_NAMES = re.compile(r"^[ \t]*[A-Za-z][\w .'/&-]{0,30}?[ \t.]*:[ \t]+" + _NAMES, re.MULTILINE)
_NAMES_GO_ON = re.compile(r"[ \t]*" + _NAMES, re.MULTILINE)


def with_wrapped_values_joined(text: str) -> str:
    """``text`` with each line that goes on with more names in the value column of a labelled line of names joined to
    it by a comma in place of its line break, character for character: a form's value wrapped onto the lines under
    it ("Directed by:   Chad Stahelski" over "               David Leitch") lists them all."""
    if ":" not in text:
        return text
    breaks = []
    for labelled in _LABELLED_NAMES.finditer(text):
        column, at = labelled.start("names") - labelled.start(), labelled.end()
        while text.startswith("\n", at) and (more := _NAMES_GO_ON.match(text, at + 1)) is not None \
                and more.start("names") - more.start() == column and "\t" not in text[at:more.start("names")]:
            breaks.append(at)
            at = more.end()
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        chars[at] = ","
    return "".join(chars)


# a label padded to its form's width with dots before its colon: "DIRECTED BY..: X", "SERIES.......: JOHN WICK"
_PADDED_LABEL = re.compile(r"^[ \t]*[A-Za-z][\w '/&-]{0,30}?(?<=\w)(?P<pad>[ \t]*\.{2,}[ \t]*):[ \t]", re.MULTILINE)


def _leaders(view: str) -> Iterator[Span]:
    """Leader runs between two words of a line, with the spaces around them, and the dots padding a label."""
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
    if "..:" in view or ". :" in view:
        yield from (label.span("pad") for label in _PADDED_LABEL.finditer(view))


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
    return Layout(tuple(_rows(text, view, words)), tuple(credit_lines(view, words)),
                  tuple(_sections(text, view, words)))


# Between two cells; tried in order, the first that splits the line into two or more cells wins.
_SEPARATORS = (
    ("pipe", re.compile(r"\|")),
    ("tab", re.compile(r"\t+")),
    ("leader", re.compile(r"[ \t]*(?:" + _LEADER_RUN.pattern + r")[ \t]*")),
    ("dash", re.compile(r"[ \t]+(?:-{1,2}|[\u2013\u2014])[ \t]+|[\u2013\u2014]")),
    ("arrow", re.compile(r"[ \t]*(?:-{1,2}>|=>|[\u2192\u21d2])[ \t]*")),  # a note's "X -> Y": X maps to Y
    ("colon", re.compile(r"[ \t]*:[ \t]+")),
    ("equals", re.compile(r"[ \t]+=[ \t]+")),
    ("padding", re.compile(r"[ \t]{2,}")),
)


def _cells(view: str, start: int, end: int) -> tuple[str, tuple[Span, ...]]:
    """The separator kind and trimmed cell spans of a line (empty when it is no row)."""
    lo, hi = trim_span(view, start, end)
    if hi - lo < 3 or hi - lo > _MAX_ROW or not _ROW_HINT.search(view, lo, hi) or MATCHING_DOTS.search(view, lo, hi):
        return "", ()
    for kind, separator in _SEPARATORS:
        pieces = list(separator.finditer(view, lo, hi))
        if not pieces or (kind == "colon" and len(pieces) > 1):
            continue
        cells: list[Span] = []
        position = lo
        for piece in pieces:
            cells.append(trim_span(view, position, piece.start()))
            position = piece.end()
        cells.append(trim_span(view, position, hi))
        # a pipe row's empty cell keeps its column: "| Nogi | Moreno | |"
        cells = _pipe_cells(view, start, end) if kind == "pipe" else [c for c in cells if c[1] > c[0]]
        # a table's notes column may be long; cells joined by padding or leaders are names, which are short, but for
        # the last, set off by a wide gap, that may run on into its notes ("Alfie Allen ...... Iosef, the son. ...")
        wide_gap = kind == "padding" and pieces[-1].end() - pieces[-1].start() >= 3
        # (or a name before its description: "Harry, the old friend John leaves to keep an eye on Perkins - X")
        short = bool(cells) and all(c[1] - c[0] <= _MAX_CELL or _NAME_THEN_DESCRIPTION.match(view, c[0], c[1])
                                    for c in cells[:-1]) \
            and (cells[-1][1] - cells[-1][0] <= _MAX_CELL or wide_gap)
        if sum(c[1] > c[0] for c in cells) >= 2 and (kind == "pipe" or short):
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
        cells.append(trim_span(view, position, lo + bar.start()))
        position = lo + bar.end()
    cells.append(trim_span(view, position, hi))
    return cells


def _header_roles(cells: tuple[Span, ...], view: str, words: LayoutWords | None = None) -> tuple[str | None, ...]:
    """Column roles when every cell is a header word and both an actor and a role column are named."""
    if len(cells) < 2:
        return ()
    words = words or default_layout_words()
    roles: list[str | None] = []
    names: list[str] = []
    for start, end in cells:
        names.append(" ".join(view[start:end].lower().split()))
        cell = names[-1].rstrip(":")
        roles.append("actor" if cell in words["header-actor"] else "role" if cell in words["header-role"] else
                     "returning" if cell in words["header-returning"] else
                     "other" if len(cell.split()) <= 4 and cell.replace(" ", "").isalpha() else None)
        if roles[-1] is None:
            return ()
    if "role" not in roles and roles.count("other") == 1 and any(n.endswith(" by") for n in names) \
            and " " not in names[roles.index("other")] and not any(view[end:end + 2].strip().startswith(":")
                                                                      for _, end in cells):
        # "CARD | PORTRAYED BY", "FIGURE | VOICED BY": the passive header says the other column holds what is played
        # (one word, and no label's colon: "Played by: Mark Dacascos", "Played by: Common" are a label and its value)
        roles[roles.index("other")] = "role"
    if "actor" not in roles or "role" not in roles:
        return ()
    return tuple(r if r != "other" else None for r in roles)


def _rows(text: str, view: str, words: LayoutWords) -> Iterator[Row]:
    block, columns, previous = 0, None, ""
    for start, end in line_spans(view):
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


# (maybe numbered as a section: "3.3 Not contained")
_HEADING = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?P<words>[^\W\d][\w' \t-]{0,40}?)[ \t]*"
                      r"(?:\([^()\n]{0,40}\))?[ \t]*:?[ \t]*")


# A list item: a bullet or a number opens it; an unmarked line of a list is short.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u2013\u2014]|\d{1,3}[.)/]|#\d{1,3})[ \t]+")  # ("#9  COMMON // ...")
_MAX_ITEM = 80


def _says_absent(name: str, words: LayoutWords) -> bool:
    """Whether a heading says its list is absent from the work: a phrase of the list, or a noun that a negated one
    qualifies ("Substances not contained", "Cast not returning")."""
    return name in words["heading-absent"] or any(name.endswith(" " + phrase) for phrase in words["heading-absent"]
                                                  if phrase.startswith("not "))


def _sections(text: str, view: str, words: LayoutWords) -> Iterator[Section]:
    lines = list(line_spans(view))
    for number, (start, end) in enumerate(lines):
        if end - start > 60:
            continue
        heading = _HEADING.fullmatch(view, start, end)
        name = " ".join(heading.group("words").lower().split()) if heading else ""
        kind = "reprise" if name in words["heading-reprise"] else "absent" if _says_absent(name, words) else ""
        if heading is None or not kind:
            continue
        last = None
        for item_start, item_end in lines[number + 1:number + 60]:
            line = view[item_start:item_end].strip()
            if not line and last is None:
                continue  # a Markdown heading's blank line before its list
            if not line or (line.endswith(":") and len(line) <= 60):
                break  # a blank line or the next heading ends the list
            if not _LIST_ITEM.match(text, item_start) and len(line) > _MAX_ITEM:
                break  # a paragraph of prose under a heading is no list
            last = (item_start, item_end)
        if last is not None:
            yield Section(kind, (heading.start("words"), heading.end("words")), lines[number + 1][0], last[1])
