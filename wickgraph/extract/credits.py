"""Credit lines: a label and the value items it introduces ("Dir. X", "W: A, B and C", "Written by: A (screenplay
by)", "Director" on its own line above the name, several labels in one capsule line "D: X · W: A, B · With C, D", and
a label with its colon opening a sentence of a long paragraph). Which item is a person is decided later, with the
gazetteer (:mod:`wickgraph.extract.units`); label words are data (``layout.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import regexcache
from .layout_words import CREW_JOB, LayoutWords
from .textscan import line_spans, trim_span

__all__ = ["Credit", "credit_lines"]

Span = tuple[int, int]

# Lines longer than this are prose (or a whole review on one line): no table row or credits line is.
_MAX_UNIT_LINE = 400


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
    # ends at a colon, a dash, a note's arrow ("directors -> X + Y"), the end of its line, or (after "by",
    # "starring", "Dir.") one space
    # a label may stand in brackets or quotes, as a key does: "[Director] X", '"director": "X"'
    # a label glossed in brackets by a job's name, maybe with a note after it: "Authors (writers):",
    # "Regia (director):", "Head chefs (directors, both on the credits):"; a tab or a table's bar ends a label's cell
    # ("| Director | X |")
    return re.compile(
        r"[ \t{]*(?:[A-Za-z][\w'\u2019 \t]{0,24}?[ \t]*(?P<gloss>\()(?=[^()\n]{1,50}\)[ \t]*[:=]))?[\"'\[]?(?:"
        + "|".join(groups) + r")[\"'\]]?(?(gloss)(?:[,;][^()\n]{1,40})?\)|\)?)"
        # a source may qualify the label before its colon: "Writers per Variety:", "Director (per IMDb):"
        r"(?:[ \t]+(?:per|via|according[ \t]+to)[ \t]+[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*)?(?=[ \t]*:)"
        r"|[ \t]*\((?:per|via|according[ \t]+to|source:?)[ \t][^()\n]{1,30}\)(?=[ \t]*:)"
        # ... or a collective noun: "Script team:", "Directing crew:", "Script commits:"
        r"|[ \t]+(?:team|crew|department|dept\.?|unit|room|staff|side|corner|section|commits?|honou?rs)(?=[ \t]*:))?"
        # column padding ends a label too: a programme's dot leaders, blanked in the view ("Screenplay ...... A, B")
        r"(?P<sep>[ \t]*(?:-{1,2}>|=>|[\u2192\u21d2])[ \t]*|[ \t]*[:=][ \t]*|"
        r"[ ]*\t[ \t]*|[ ]{2,}(?![ \t]*[|:=\u2013\u2014-])|"
        r"[ \t]*\|(?:[ \t]*\|)*[ \t]*|[ \t]+-{1,2}[ \t]+|[ \t]*[\u2013\u2014][ \t]*|[ \t]*$|"  # (past empty cells)
        r"(?<=[ \t]by)[ \t]+|"
        r"(?<=\.)[ \t]+|(?<=\])[ \t]+|(?<=starring)[ \t]+|(?<=featuring)[ \t]+|(?<=with)[ \t]+|"
        r"(?<=[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])[ \t]+)",  # an icon as the label: "\U0001f3ac X"
        re.IGNORECASE | re.MULTILINE)


# where a capsule line's next label may start ("(R) D: X")
_SEGMENT = regexcache.compile(r"[\u00b7\u2022|;]|[.)][ \t]", skip_to_start=True)
_ITEM_SPLIT = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|plus[ \t]+)?|;|\u00b7|\u2022|/|&|\+|"
                         r"[ \t](?:and|y|und|et|plus)[ \t])[ \t]*", re.IGNORECASE)
_VALUE_END = re.compile(r"(?<=[a-z]{2})\.[ \t]|[ \t]\|[ \t]")
# a bracketed aside, or a data file's comment after the value ("Chad Stahelski   # fourth time")
_ASIDE = re.compile(r"[ \t]*(?:\([^()\n]{0,80}\)|\[[^\[\]\n]{0,80}\])|[ \t]+#[ \t][^\n]*")


def credit_lines(view: str, words: LayoutWords) -> Iterator[Credit]:
    """The credit labels of ``view`` with the names each introduces."""
    regex = _label_regex(words)
    lines = list(line_spans(view))
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
            if not items and label.end() >= trim_span(view, label.end(), end)[1] and index + 1 == len(labels):
                named = _named_before(view, start, label.start()) if job != "cast" else None
                if named is not None:
                    # a table's row that names the person first and their job in the last cell
                    # (" Chad Stahelski | director"): the job is theirs, not a heading over the rows below
                    yield Credit(job, named[0], label.end(), (label.start(), label.end()), (named,), (None,))
                    continue
                if not view[start:label.start()].strip():
                    # "Director" alone on its line: the value is on the next line (one a line for a cast)
                    items, asides = _items_below(view, lines, number, regex)
            if items:
                yield Credit(job, label.start() + len(label.group()) - len(label.group().lstrip(" \t")),
                             max(items[-1][1], (asides[-1] or (0, 0))[1]),
                             (label.start(), label.end()), tuple(items), tuple(asides),
                             whole=label.group("sep").strip() == "" and "\n" not in view[label.end():items[0][0]])
        if not labels:
            yield from _credits_under_a_head(view, words, lines, number, regex)


# a sentence that ends its line with a colon, naming the job of the names listed under it: "The screenplay is credited
# to four writers:", "2.1 The screenplay is the joint work of several hands, namely:" (the label words of three
# letters or more, "writers", "screenplay", "directed by", anywhere in it)
_HEAD_LINE = re.compile(r"[^\n:]{8,200}:[ \t]*$")


def _credits_under_a_head(view: str, words: LayoutWords, lines: list[Span], number: int,
                          regex: re.Pattern[str]) -> Iterator[Credit]:
    start, end = lines[number]
    if not _HEAD_LINE.fullmatch(view, start, end):
        return
    jobs = {job for job, found in _head_words(words).items() if found.search(view, start, end)}
    if len(jobs) != 1 or "cast" in jobs:
        return
    items, asides = _items_below(view, lines, number, regex)
    if len(items) >= 2:
        yield Credit(jobs.pop(), start, max(items[-1][1], (asides[-1] or (0, 0))[1]), (start, end), tuple(items),
                     tuple(asides))


@lru_cache(maxsize=4)
def _head_words(words: LayoutWords) -> dict[str, re.Pattern[str]]:
    """Per job, its label words of three letters or more, longest first (sorted so that the pattern, and the
    compiled program :mod:`wickgraph.regexcache` keeps, are the same in every process)."""
    jobs = {"director": words["label-director"], "writer": words["label-writer"], "cast": words["label-cast"]}
    return {job: regexcache.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(labels, key=lambda w: (-len(w), w))
                                                          if len(w.rstrip(".")) >= 3) + r")\b", re.IGNORECASE)
            for job, labels in jobs.items()}


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


# the marks between a table row's cells, before a job in its last cell
_CELL_MARK = re.compile(r"[|\u00b7\u2022\t]")


def _named_before(view: str, line_start: int, label_start: int) -> Span | None:
    """The cell before a job label that closes its line after a cell mark ("Chad Stahelski | director",
    " 57 | David Leitch | director"), when one cell of a few words stands there."""
    before = view[line_start:label_start].rstrip(" \t")
    if not before or not _CELL_MARK.match(before[-1]):
        return None
    marks = [m.end() for m in _CELL_MARK.finditer(view, line_start, line_start + len(before) - 1)]
    cell = trim_span(view, marks[-1] if marks else line_start, line_start + len(before) - 1)
    return cell if cell[1] > cell[0] and len(view[cell[0]:cell[1]].split()) <= _MAX_NAME_LINE_WORDS else None


_HEADING_REACH = 80  # characters of a heading after its icon, at most


def _label_ok(label: re.Match[str], view: str, line_start: int, after_label: bool) -> bool:
    text = label.group().strip().lower()
    separator = label.group("sep")
    bare = text.rstrip(":=-\u2013\u2014 \t")
    if len(bare) <= 1 and bare.isalpha() and (":" not in separator or _lettered_option(view, line_start, bare)):
        return False  # "D: X" and "W: A" need their colon; an icon ("\U0001f3ac X") is a label without one
    if bare and not any(ch.isalnum() for ch in bare):
        line_end = view.find("\n", label.end(), label.end() + _HEADING_REACH)
        if view[label.end():line_end if line_end >= 0 else label.end() + _HEADING_REACH].isupper():
            return False  # an icon before a heading in capitals decorates it: "\U0001f3ac FILM PAIRING"
    if label.group("cast") and separator.strip() == "" and text.split()[0] == "with":
        # "With Keanu Reeves gone, ..." is prose; after a capsule's "·" or "|" it is a label
        before = view[line_start:label.start()].rstrip()
        return before.endswith(("\u00b7", "\u2022", "|")) or (after_label and before.endswith("."))
    return True


# a lettered list's option opening its line: "A: ", "(b) ", "C. "
_OPTION_LETTER = re.compile(r"[ \t]*\(?(?P<letter>[a-z])[:.)]", re.IGNORECASE)


def _lettered_option(view: str, line_start: int, letter: str) -> bool:
    """Whether the line at ``line_start``, opened by ``letter`` and a colon, is an option of a lettered list: the lines
    above it open with the letters before it, down to "A" (a quiz's "A: X / B: Y / C: Z / D: W", whose "D" is no
    director's label)."""
    for earlier in map(chr, range(ord(letter) - 1, ord("a") - 1, -1)):
        end = line_start - 1
        while end > 0 and view[end - 1] in " \t\n":  # (blank lines between the options)
            end -= 1
        line_start = view.rfind("\n", 0, end) + 1
        option = _OPTION_LETTER.match(view, line_start, max(end, line_start))
        if end <= 0 or option is None or option["letter"].lower() != earlier:
            return False
    return letter != "a"


def _items(view: str, start: int, end: int) -> tuple[list[Span], list[Span | None]]:
    """The value items between ``start`` and ``end``: split at commas, semicolons, "·", "/", "&", "and";
    a bracketed aside after an item ("(screenplay by)", "[uncredited]") is kept apart."""
    items: list[Span] = []
    asides: list[Span | None] = []
    value = view[start:end]
    hi = start + len(value.rstrip(" \t.,;|\u00b7\u2022}"))  # not _trim: a closing bracket ends an aside
    lead = len(value) - len(value.lstrip(" \t"))
    if view[start + lead:start + lead + 1] == "[" and view[hi - 1:hi] == "]" and "[" not in view[start + lead + 1:hi]:
        start, hi = start + lead + 1, hi - 1  # a YAML list: "cast: [A, B, C]"
    described = _DESCRIBED.match(view, start + lead, hi)  # "Writing: showrunners A and B": the names follow
    position = start = described.end() if described else start
    stop = _VALUE_END.search(view, start, hi)  # "W: A, B. With C": a value ends with its sentence
    hi = stop.start() if stop else hi
    while position < hi:
        separator = _ITEM_SPLIT.search(view, position, hi)
        aside = _ASIDE.search(view, position, hi)
        if aside is not None and (separator is None or aside.start() <= separator.start()):
            item = trim_span(view, position, aside.start())
            if item[1] > item[0]:
                items.append(item)
                asides.append((aside.start() + len(aside.group()) - len(aside.group().lstrip()), aside.end()))
            position = aside.end()
            following = re.match(_ITEM_SPLIT.pattern + "|[ \t]*", view[position:hi], re.IGNORECASE)
            position += following.end() if following else 0
            continue
        item_end = separator.start() if separator else hi
        item = trim_span(view, position, item_end)
        if item[1] > item[0]:
            items.append(item)
            asides.append(None)
        if separator is None:
            break
        position = separator.end() if separator.end() > position else position + 1
    return items, asides


# words in lower case that describe the people a value names before their names: "showrunners", "stunt legend"
# (not a word that denies, doubts or dates the credit: "Director: not X but Y", "Script: reportedly X")
_DESCRIBED = re.compile(r"(?:(?!(?:not|no|never|nor|neither|without|except|formerly|previously|once|originally|"
                        r"reportedly|rumou?red|allegedly|possibly|maybe|probably|supposedly|uncredited)\b)"
                        r"(?-i:[a-z][a-z'-]+)[ \t]+){1,3}(?=(?-i:[A-Z][a-z]))")
_MAX_NAME_LINE_WORDS = 6  # a line of one name and its bullet or aside is shorter


def _items_below(view: str, lines: list[Span], number: int,
                 label: re.Pattern[str]) -> tuple[list[Span], list[Span | None]]:
    """The names under a label alone on its line: one line of them, or one name a line ("Screenplay =" over a
    bulleted list) up to a blank line or the next label."""
    items: list[Span] = []
    asides: list[Span | None] = []
    for start, end in lines[number + 1:number + 40]:
        if not view[start:end].strip() or end - start > _MAX_UNIT_LINE or (items and label.match(view, start, end)):
            break
        if items and len(view[start:end].split()) > _MAX_NAME_LINE_WORDS:
            break  # a sentence under the names ("Stahelski runs the floor like a man who ..."), not one more name
        if items and CREW_JOB.match(view, start + len(view[start:end]) - len(view[start:end].lstrip())):
            break  # an infobox's next field: "Starring" over names, then "Cinematography Jonathan Sela"
        found, found_asides = _items(view, start, end)
        if len(found) > 1 and all(view[item[0]].islower() for item in found[1:]):
            found, found_asides = found[:1], found_asides[:1]  # "Derek Kolstad, who also holds the story credit;"
        if items and len(found) != 1:
            break
        items += found
        asides += found_asides
        if len(found) != 1:
            break  # names on one line end the value; one name a line may go on
    return items, asides


# -- sections ------------------------------------------------------------------------------------------
