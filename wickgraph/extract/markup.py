"""Markup that is layout, not words, in a review pasted from elsewhere: wiki links and templates, flashcard cloze
deletions, forum BBCode and HTML tags, characters that print as nothing, and a subtitle file's cue numbers and timings.

:func:`markup_spans` gives their spans, which the layout view (:func:`wickgraph.extract.layout.normalise`) turns
into spaces, character for character, so offsets stay the text's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import regexcache
from .columns import column_width
from .layout_words import SENDER, STAMP, default_layout_words
from .marking import marked_spans
from .patches import (
    commented_records,
    corrected_lines,
    patch_marks,
    rejected_rows,
    removed_lines,
    reverted_commits,
    superseded_values,
    voided_items,
)
from .sheets import is_sheet_row
from .textscan import blank, line_around
from .verse import verse_breaks

__all__ = ["FOOTNOTE_MARK", "LATEX_HINT", "SUPERSCRIPT_DIGITS", "TICKED_BOX", "line_joins", "markup_spans",
           "separators", "struck_spans", "tag_spans", "without_line_numbers"]

Span = tuple[int, int]

# Wiki markup: "[[Chad Stahelski]]", "[[Common (rapper)|Common]]" (the link target goes), "{{Film date|2017|02|10}}";
# a flashcard's cloze deletion: "{{c1::Michael Nyqvist}}", "{{c2::John Wick::the hitman}}" (the hint goes)
_WIKI = re.compile(r"\{\{c\d{1,2}::|::[^{}:\n]{0,60}\}\}|"
                   r"\[\[(?:[^\[\]|\n]{0,80}\|)?|\]\]|\{\{(?:[^{}|\n]{0,40}\|)?|\}\}|'{2,3}(?=[^\s'])|(?<=\S)'{2,3}")

# A subtitle file's cue timing line ("00:00:28,800 --> 00:00:31,300", WebVTT's "00:28.800 --> 00:31.300 align:start")
_CUE_TIMING = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->"
                         r"[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[^\n]*$", re.MULTILINE)
_CUE_HEAD = re.compile(r"\s*(?:(?:\A|\n)[ \t]*(?:\d{1,6}|WEBVTT[^\n]*)[ \t]*)?\s*\Z")  # blank lines and a cue number


def _subtitle_breaks(text: str) -> Iterator[Span]:
    """An SRT or WebVTT transcript read as running text: each cue's number and timing line and the blank lines
    before them are layout; so is a line break inside or between cues where the sentence runs on ("Our lead is
    Ana de Armas,⏎and her character is ..."). A break after a finished sentence stays, so a cue opening with a
    label ("Screenplay: Shay Hatten.") still starts a line."""
    timings = list(_CUE_TIMING.finditer(text)) if "-->" in text else []
    if len(timings) < 2:
        return
    for timing in timings:
        head = _CUE_HEAD.search(text, max(0, timing.start() - 80), timing.start())
        start = head.start() if head is not None else timing.start()
        runs_on = timing.end() < len(text) and text[timing.end()] == "\n" and _runs_on(text, start)
        yield start, timing.end() + runs_on
        cue_end = text.find("\n\n", timing.end() + 1)
        cue_end = len(text) if cue_end < 0 else cue_end
        newline = text.find("\n", timing.end() + 1, cue_end)
        while newline >= 0:
            if _runs_on(text, newline):
                yield newline, newline + 1
            newline = text.find("\n", newline + 1, cue_end)


def _runs_on(text: str, at: int) -> bool:
    """Whether the text before ``at`` is a sentence still running (no closing punctuation)."""
    return at > 0 and text[at - 1] not in ".!?:;\"')]\u201d\n"


# A transcript's timestamp opening a line: "[00:00:12]", "(1:02:03)", "00:41 -", "0:05 |"
# (its separator may be doubled or an arrow: "08:30 -- ", "9:02 -> ")
_LINE_TIMESTAMP = re.compile(r"^[ \t]*[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?[\])]?"
                             r"(?:[ \t]*(?:-{1,2}>?|[\u2013\u2014|>:]))?[ \t]*", re.MULTILINE)
# Words that cannot end a sentence: a line ending in one runs on ("It was directed by⏎Chad Stahelski.")
_OPEN_END = re.compile(r"(?:^|\s)(?:by|as|the|a|an|and|or|but|of|to|in|on|at|is|was|are|were|be|plays|played|playing|"
                       r"with|from|for|his|her|their|its|who|whom|whose|that|which|than|stars|starring|returns|"
                       r"also|again|into|like)[ \t]*\Z")
# A line that is layout, not prose: a "key: value" label, a row of cells (pipes, tabs, column padding, leaders, or two
# dashes set apart: "KD — Mishel Prada — Threat 2 — NYPD detective")
# (two spaces after a full stop, as typed prose puts them, are no column: "... be listed.  His Bowery King ...")
_LABEL_OR_ROW = re.compile(r"[ \t]*[\w .'/-]{1,30}[ \t]*[:=](?:[ \t]|$)"
                           r"|[^\n]*(?:\||\t|[^\s.!?][ ]{2,}\S|[.!?][ ]{2,}[^\sA-Z]|\.{4,}|_{3,})"
                           r"|[^\n]*?[ \t][\u2013\u2014-][ \t][^\n]*?[ \t][\u2013\u2014-][ \t]")
# a numbered note's number ("5.1  For whoever ..."): its padding is no column
_NUMBERED = re.compile(r"^[ \t]*\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+")
# a lettered or roman list item opens a line of its own, though in lower case: "d) Dean Winters", "(ii) Ruby Rose"
_LETTERED_ITEM = re.compile(r"\(?(?:[a-z]|[ivx]{2,4})[.)][ \t]")
# a chat's message opens with its date or time in brackets and its sender: "[12/02/2017, 23:21] Jo: ...",
# "(9:41 PM) Me: ...": a new message, never the line before's continuation
_MESSAGE_OPENING = re.compile(rf"[ \t]*{STAMP}[ \t]*{SENDER}[ \t]*:[ \t]")
# ... or sits on a header line of its own over the message, its sender and its date and time ("Nadia — 12/04/2020
# 10:58 PM", "Kwame — Today at 10:58 PM", as a chat server exports them)
_MESSAGE_HEADER = re.compile(rf"[ \t]*{SENDER}[ \t]+[\u2014\u2013-][ \t]+"
                             r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|[Tt]oday|[Yy]esterday)"
                             r"[^\n]{0,12}?\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*")
_MIN_WRAPPED_LINE = 15  # a shorter line is a label, a list item or a heading, not a wrapped sentence
_LONG_WRAPPED_LINE = 50  # a line this long that ends in a capitalised word was cut inside a name
_WRAP_WIDTH = 200  # a longer line ends where its writer pressed Enter: a paragraph, no wrapped sentence
_NAME_WORD_END = re.compile(r"(?:^|[\s,;&])(?-i:[A-Z][a-z]+)\Z")
_NAME_WORD_START = re.compile(r"(?-i:[A-Z][a-z]+)(?:[\s,;.&]|\Z)")


def _continues_name(text: str, start: int) -> bool:
    """Whether the line at ``start`` opens with a capitalised word that can end a name cut by the line break, not
    a credit label that opens a line of its own ("Written by ...", "Cast:", "Music Tyler Bates")."""
    if _NAME_WORD_START.match(text, start) is None:
        return False
    line = text[start:start + 40].lower()
    labels = default_layout_words()
    return not any(line.startswith(label) and not line[len(label):len(label) + 1].isalpha()  # (not "con" in "Cont")
                   for name in ("label-director", "label-writer", "label-both", "label-cast") for label in labels[name])


def _line_timestamps(text: str) -> list[Span]:
    """The timestamps opening the lines of a transcript (two lines or more), as layout."""
    if ":" not in text:
        return []
    stamps = [m.span() for m in _LINE_TIMESTAMP.finditer(text) if m.end() > m.start()]
    return stamps if len(stamps) >= 2 else []


# a labelled list that wraps after a separator, its next line going on with a name, not with a label of its own:
# "Screenplay: A, B,⏎   C & D"; in a box or a one-cell row: "| Starring: A, B and⏎| C |"
_WRAPPED_LIST = re.compile(r"^[ \t|]*[A-Za-z][\w .'/&()-]{0,30}:[^\n|:]*?(?:,|&|\band)(?P<wrap>[ \t|]*\n[ \t|]*)"
                           r"(?=[A-Z])(?![^\n:|]{0,30}:)", re.MULTILINE)


def _soft_wraps(text: str, stamps: list[Span]) -> Iterator[Span]:
    """Line breaks inside a sentence of hard-wrapped prose (an e-mail, a plain-text newsletter, auto-captions):
    the line before runs on (no closing punctuation) and is long enough to be prose, and the next line goes on
    in lower case (on a page in narrow columns, in any case), or the line before ends in a word no sentence ends
    with ("directed by")."""
    stamp_end, column = dict(stamps), column_width(text)
    newline, line_start = text.find("\n"), 0
    while newline >= 0:
        following = newline + 1
        following = stamp_end.get(following, following)
        line = text[line_start:newline]
        body = line[stamp_end.get(line_start, line_start) - line_start:].rstrip()
        # a hanging indent goes on in lower case ("5.1  ... the John Wick⏎     series and ..."); a long line that ends
        # inside a name goes on with its next word ("... Derek Kolstad and Shay⏎Hatten", "Laurence⏎      Fishburne")
        # (not in lines of labels: "Directed by: A and B⏎Story by: C" are two lines)
        split_name = len(body) >= _LONG_WRAPPED_LINE and _NAME_WORD_END.search(body) is not None \
            and ":" not in body and ":" not in text[slice(*line_around(text, following, 200))]
        chunk = text[following:following + 24]
        indent = len(chunk) - len(chunk.lstrip(" \t"))
        if 0 < indent < len(chunk) and (chunk[indent].islower() or (split_name and chunk[indent].isupper())
                                        or (chunk[indent].isalpha() and len(body) >= _MIN_WRAPPED_LINE
                                            and _OPEN_END.search(body))):
            following += indent  # (or after a word no sentence ends with: "directed by⏎     Chad Stahelski")
        # (not a heading in capitals over its byline: "CATALOGUE ESSAY" over "by Theodore Lane, Senior Specialist")
        if _MIN_WRAPPED_LINE <= len(body) <= _WRAP_WIDTH and _runs_on(body, len(body)) \
                and body[-1] not in ("-|>" if len(body) <= column else ",-|>") \
                and not (body.isupper() and text[following:following + 1].islower()) \
                and following < len(text) and text[following] not in "\n \t-*#>|" \
                and (text[following].islower() or len(body) <= column or _OPEN_END.search(body)
                     or (split_name and _continues_name(text, following))) \
                and not _LABEL_OR_ROW.match(_NUMBERED.sub("", body)) and not _LABEL_OR_ROW.match(text, following) \
                and not _MESSAGE_OPENING.match(text, newline + 1) and not _MESSAGE_HEADER.fullmatch(body) \
                and not _LETTERED_ITEM.match(text, following) \
                and not is_sheet_row(body) and not is_sheet_row(text[slice(*line_around(text, following, 200))]):
            yield newline, newline + 1  # (a sheet's rows, 'field,value,notes', are lines of their own)
        line_start = newline + 1
        newline = text.find("\n", line_start)


# Forum BBCode ("[b]Directed by:[/b]", "[*]", "[quote=Sam]") and inline HTML tags pasted into a text ("<b>", "<br/>")
_TAG = re.compile(r"\[/?(?:b|i|u|s|quote|list|url|img|size|color|colour|font|center|spoiler|code|h[1-6]|\*)"
                  r"(?:=[^\]\n]{0,60})?\]"
                  # (a page's description is its own summary: its words stay, only the meta tag's two ends go)
                  r"|<meta\s+(?:name|property)=[\"'](?:og:|twitter:)?description[\"']\s+content=[\"']"
                  r"|(?<=[\w.!?)])[\"']\s*/?>(?=[ \t]*$)"
                  r"|</?(?!meta\s+(?:name|property)=[\"'](?:og:|twitter:)?description)"
                  r"(?:b|i|u|em|strong|br|p|span|div|li|ul|ol|h[1-6]|a|small|big|blockquote|td|tr|th|"
                  # a saved web page's structure: its elements are layout too
                  r"html|head|body|title|meta|link|nav|header|footer|main|article|section|aside|table|thead|tbody|"
                  r"tfoot|caption|figure|figcaption|img|time|dl|dt|dd|label|button|form|input|hr|abbr|cite|q|sup|sub|"
                  r"mark|pre|noscript)"
                  r"(?:\s[^<>\n]{0,200})?/?>|<!DOCTYPE[^<>\n]{0,80}>|<!--[^\n]{0,200}?-->",
                  re.IGNORECASE | re.MULTILINE)
_SEPARATOR_TAG = re.compile(r"<br\s*/?>|<li(?:\s[^<>\n]{0,80})?>|<t[dh](?:\s[^<>\n]{0,80})?>", re.IGNORECASE)
# box-drawing characters (U+2500-U+257F) framing a credits box or a table: the vertical ones are cell bars, the rest
# blank
_BOX_DRAWING = re.compile(r"[\u2500-\u257f]")
_BOX_AS_TABLE = {code: "|" if chr(code) in "\u2502\u2503\u2551" else " " for code in range(0x2500, 0x2580)}
# LaTeX source (a student's essay, a paper): a command whose braced argument is words loses its name and braces
# ("\\textit{John Wick}", "\\footnote{Chad Stahelski directed.}"); any other command goes with its arguments
# ("\\cite{kermode2023}", "\\begin{table}[h]", "\\maketitle"), as do a row end ("\\\\") and a comment
LATEX_HINT = re.compile(r"\\(?:documentclass|begin\{|section\*?\{|textit\{|emph\{|footnote\{)")
_LATEX_TEXT = frozenset({"textit", "textbf", "textsl", "textsc", "textrm", "textsf", "texttt", "emph", "underline",
                         "section", "subsection", "subsubsection", "paragraph", "chapter", "title", "author",
                         "footnote", "caption", "mbox", "enquote", "item"})
_LATEX_COMMAND = re.compile(r"\\(?P<name>[a-zA-Z]+)\*?(?P<args>(?:[ \t]*(?:\[[^\[\]\n]{0,80}\]|\{[^{}\n]{0,80}\}))*)"
                            r"|\\\\|(?<!\\)%[^\n]*|\\(?=[&%$#_ ])")
# a table environment ("tabular", "tabularx", "tabular*", "longtable", "tabu", "array"), whose cells "&" separates
_LATEX_TABULAR = re.compile(r"\\begin\{(?P<k>tabular[xy*]?|longtable\*?|tabu|array)\}.*?\\end\{(?P=k)\}", re.DOTALL)
# Characters that print as nothing (bidi marks, zero-width spaces) and come with text copied from web pages
# (and the selector that asks for an emoji's colour form: "✍️" is read as "✍")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060\ufeff\ufe0f]+")
# An icon that decorates a label in words ("🎬 Dir: X", "⭐ Rating: 4/5"): the words say the job; the icon is layout
_ICON_BEFORE_LABEL = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]\ufe0f?"
                                r"(?=[ \t]+[A-Za-z][\w .'/-]{0,30}[ \t]*:)")

# the superscript digits a footnote mark is written in (a character class's body)
SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
# a footnote mark right after a word: "Keanu Reeves[^1]", "Ruby Rose[2]", "Stahelski¹"
FOOTNOTE_MARK = re.compile(rf"(?<=[^\W\d_])(?:\[\^?\d{{1,3}}\]|[{SUPERSCRIPT_DIGITS}]+)")

# the mark of a hashtag or a handle ("#JohnWick", "@KeanuReeves"): the name after it is read as a name
_TAG_MARK = re.compile(r"(?<![\w#@&/])[#@](?=[A-Za-z])")
# a run of hashtags ("#thecontinental #johnwick #peacock", "#Keanu Reeves #John Wick" as decoding splits CamelCase), or
# a line of tags of a few words each ("#the continental #john wick"): labels for search, which state nothing
_CAMEL_TAG = r"#[A-Za-z][\w-]*(?:[ ][A-Z\d][\w-]*)*"
_TAG_RUN = re.compile(r"^[ \t]*#[A-Za-z][\w'-]*(?:[ ][\w'-]+){0,3}(?:[ \t]+#[A-Za-z][\w'-]*(?:[ ][\w'-]+){0,3})+[ \t]*$"
                      rf"|(?<![\w#@&/]){_CAMEL_TAG}(?:[ \t]+{_CAMEL_TAG})+", re.MULTILINE)

# An edit shown in the text: what it struck out is withdrawn, whole ("[DELETED: ...]", "~~2022~~", "<del>...</del>",
# "<s>...</s>"); what it inserted stands, only its marks go ("[INSERTED: ", "]", "<ins>")
# ... and an editor's margin comment on a draft, with its reviewer's initials ("[Comment EK2: check the year?]",
# "Commented [MO1]: ..."): the editor's words, not the text's
_STRUCK = regexcache.compile(r"\[(?:DELETED|REMOVED|STRUCK|CUT)\s*:[^\[\]\n]{0,400}\]|~~[^~\n]{1,200}~~|"
                             # a transcriber's note of what the writer crossed out: "[word crossed out: doesn't]"
                             r"\[(?:(?:words?|phrase|text|line)\s+)?(?:crossed|struck|scored|scratched)\s+(?:out|through)"
                             r"\s*:[^\[\]\n]{0,400}\]|"
                             r"<(del|s|strike)>[^<\n]{0,400}</\1>|"
                             r"\[(?:Comment|Query|Note)\s+(?-i:[A-Z]{1,4})\d{1,3}\s*:[^\[\]]{0,600}\]|"
                             r"\bCommented\s+\[(?-i:[A-Z]{1,4})\d{1,3}\]\s*:[^\n]{0,600}",
                             re.IGNORECASE, skip_to_start=True)
# CriticMarkup, a plain-text form of tracked changes: "{--deleted--}", "{~~old~>new~~}", "{++added++}", "{==marked==}",
# "{>>a comment<<}". What was deleted, a substitution's old half and the comments are withdrawn; the rest stands
_CRITIC_MARKUP = re.compile(r"\{(?:--[^{}]{0,600}?--|~~(?P<old>[^{}]{0,600}?)~>[^{}]{0,600}?~~|\+\+[^{}]{0,600}?\+\+|"
                            r"==[^{}]{0,600}?==|>>[^{}]{0,900}?<<)\}")
_INSERTED = regexcache.compile(r"\[(?:INSERTED|ADDED|NEW)\s*:\s*(?P<body>[^\[\]\n]{0,400})\]|</?ins>", re.IGNORECASE,
                               skip_to_start=True)

# A form's boxes: a ticked one marks the respondent's answer ("[x] Chad Stahelski"), an unticked one an option not
# chosen ("[ ] David Leitch", "\u2610 Halle Berry", "( ) 2013"), up to the next box, an arrow or the end of the line
_BOX = r"(?:\[[ \txX\u2713\u2714]\]|[\u2610\u2611\u2612]|\([ \txX\u2022]\))"
TICKED_BOX = r"(?:\[[xX\u2713\u2714]\]|[\u2611\u2612]|\([xX\u2022]\))"
_BOXES = re.compile(_BOX)
_TICKED = re.compile(TICKED_BOX + r"[ \t]*")
_UNTICKED = re.compile(r"(?:\[[ \t]\]|\u2610|\([ \t]\))[^\n]{0,60}?"
                       r"(?=[ \t]*" + _BOX + r"|[ \t]*(?:->|=>|\u2192)|[ \t]*$)", re.MULTILINE)


def _is_form(text: str) -> bool:
    """Whether ``text`` holds two boxes or more."""
    first = _BOXES.search(text) if "[" in text or "(" in text or "\u2610" in text or "\u2611" in text else None
    return first is not None and _BOXES.search(text, first.end()) is not None


def struck_spans(text: str) -> list[Span]:
    """Spans of the text withdrawn, with their marks, so no claim and no rating: what an edit struck out, a patch's
    removed lines, the commits a history reverts, a receipt's voided items, a table's rejected rows, a log's records
    commented out, a template's fields blank or filled by someone else, an editor's margin comments, a marker's
    crosses and notes, old values and captions put right, and a form's options left unticked."""
    spans = removed_lines(text) + reverted_commits(text)  # a patch's old lines, the commits a history reverts
    # a receipt's items voided, a table's rows a cell rules out, a log's records switched off
    spans += voided_items(text) + rejected_rows(text) + commented_records(text)
    spans += superseded_values(text) + corrected_lines(text)  # a record of corrections' old values, captions put right
    spans += [field.span() for field in _template_fields(text) if _unfilled(field)]  # "[SUGGESTED BY EDITOR: 5/5]"
    spans += marked_spans(text)  # a marker's crosses and notes on another's work
    if "[" not in text and "~~" not in text and "<" not in text and "\u2610" not in text and "(" not in text \
            and "{" not in text:
        return spans
    tracked = _tracked_changes(text) if "{" in text else ()
    withdrawn = [(start, end) for start, end, kept in tracked if not kept]
    spans += withdrawn + [match.span() for match in _STRUCK.finditer(text)
                          if not any(start < match.end() and match.start() < end for start, end, _ in tracked)]
    if _is_form(text):
        spans = sorted(spans + [match.span() for match in _UNTICKED.finditer(text) if _an_option(text, match.start())])
    return spans


_OPTION_LINE = re.compile(r"[ \t]*(?:[-*][ \t]+)?" + _BOX)
_QUESTION_LINE = re.compile(r"\?[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*$")


def _an_option(text: str, box: int) -> bool:
    """Whether the box at ``box`` offers an answer to choose (several boxes on its line, or a question over its
    block of boxed lines), not an item of a checklist ("- [ ] Charon ..... Lance Reddick" is still in the cast)."""
    line_start = text.rfind("\n", 0, box) + 1
    line_end = text.find("\n", box)
    if len(_BOXES.findall(text, line_start, len(text) if line_end < 0 else line_end)) >= 2:
        return True
    while line_start > 0:  # up over the block's boxed lines to the line that heads it
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above:line_start - 1]
        if not _OPTION_LINE.match(line):
            return _QUESTION_LINE.search(line) is not None
        line_start = above
    return False


@lru_cache(maxsize=2)  # (asked for the struck spans, the layout's marks and a rating's view of one text)
def _tracked_changes(text: str) -> tuple[tuple[int, int, bool], ...]:
    """The CriticMarkup changes of ``text``, each as ``(start, end, kept)``: a withdrawn span (a deletion, a
    substitution's opening mark and old half, a comment) or the marks around what stands, all spans of marks only."""
    found: list[tuple[int, int, bool]] = []
    for change in _CRITIC_MARKUP.finditer(text):
        start, end, kind = change.start(), change.end(), text[change.start() + 1]
        if kind in "->":
            found.append((start, end, False))
        elif kind == "~":
            found += [(start, change.end("old") + 2, False), (end - 3, end, True)]
        else:
            found += [(start, start + 3, True), (end - 3, end, True)]
    return tuple(found)


def _edits(text: str) -> Iterator[Span]:
    """Spans of struck-out text with its marks, and of the marks around inserted text (a patch's too)."""
    yield from struck_spans(text)
    yield from patch_marks(text)
    if "{" in text:
        yield from ((start, end) for start, end, kept in _tracked_changes(text) if kept)
    if "[" not in text and "<" not in text:
        return
    for match in _INSERTED.finditer(text):
        if match.group("body") is None:
            yield match.span()  # "<ins>", "</ins>"
        else:
            yield match.start(), match.start("body")
            yield match.end() - 1, match.end()


def _latex_spans(text: str) -> Iterator[Span]:
    """The commands, row ends and comments of LaTeX source; a text command keeps its argument's words."""
    command = _LATEX_COMMAND.search(text)
    while command is not None:
        name, position = command.group("name"), command.end()
        opening = command.start("args") if name else -1
        if name not in _LATEX_TEXT or not text.startswith("{", opening):
            yield command.span()
        else:  # the argument's words are read on (and the commands inside it found in turn)
            closing = _closing_brace(text, opening)
            yield command.start(), opening + 1
            if closing is not None:
                yield closing, closing + 1
            position = opening + 1
        command = _LATEX_COMMAND.search(text, position)


def _closing_brace(text: str, opening: int) -> int | None:
    """The index of the brace that closes the one at ``opening`` (nested braces counted), if it closes."""
    depth = 0
    for at in range(opening, min(len(text), opening + 2000)):
        char = text[at]
        if char == "{" and text[at - 1] != "\\":
            depth += 1
        elif char == "}" and text[at - 1] != "\\":
            depth -= 1
            if depth == 0:
                return at
    return None


def line_joins(text: str) -> Iterator[Span]:
    """Spans that make running text of a transcript, hard-wrapped prose or verse: subtitle cue numbers and timings,
    line timestamps, the line breaks inside a sentence or a stanza, and a labelled list's line break after a
    separator."""
    yield from _subtitle_breaks(text)
    stamps = _line_timestamps(text)
    yield from stamps
    if "\n" in text:
        yield from _soft_wraps(text, stamps)
        yield from verse_breaks(text)
        if ":" in text:
            for wrap in _WRAPPED_LIST.finditer(text):
                yield wrap.start("wrap"), wrap.end("wrap")


def markup_spans(text: str) -> Iterator[Span]:
    """Spans of BBCode and HTML tags, footnote marks, invisible characters, subtitle cue timings, wiki and cloze
    markup, hashtag and handle marks, runs of hashtags, and edits shown in the text (struck-out text with
    its marks, the marks of inserted text) in ``text``."""
    yield from _edits(text)
    if "#" in text or "@" in text:
        for mark in _TAG_MARK.finditer(text):
            yield mark.span()
        for run in _TAG_RUN.finditer(text):
            yield run.span()
    if "[" in text or "<" in text:
        for tag in _TAG.finditer(text):
            yield tag.span()
    if _is_form(text):  # a ticked box is layout before the answer it marks
        for tick in _TICKED.finditer(text):
            yield tick.span()
    for mark in FOOTNOTE_MARK.finditer(text):
        yield mark.span()
    for mark in _INVISIBLE.finditer(text):
        yield mark.span()
    if not text.isascii():
        for icon in _ICON_BEFORE_LABEL.finditer(text):
            yield icon.span()
    yield from line_joins(text)
    if "\\" in text and LATEX_HINT.search(text):
        yield from _latex_spans(text)
    if "[[" in text or "{{" in text or "''" in text:  # (a talk page quotes a title in italics alone: "''John Wick''")
        for mark in _WIKI.finditer(text):
            yield mark.span()
    if "[" in text:
        yield from _template_marks(text)
        if "___" in text:
            yield from _filled_blanks(text)


# A fill-in-the-blanks page filled in: the blank, what it asks for and the brackets around the word written in
# ("a hitman named ______ (name) [John Wick], played by ______ (actor) [Keanu Reeves]") are layout
_FILLED_BLANK = re.compile(r"_{3,}[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?\[(?P<value>[^\[\]\n]{1,80})\]")


def _filled_blanks(text: str) -> Iterator[Span]:
    """The marks around each filled blank of a page of them: the blank with its label, and the closing bracket."""
    blanks = list(_FILLED_BLANK.finditer(text))
    if len(blanks) < 2:  # (a page of them: one is a stray underline)
        return
    for filled in blanks:
        yield filled.start(), filled.start("value")
        yield filled.end() - 1, filled.end()


# A filled-in template's fields: a field's name in capitals and its value, in brackets ("[DIRECTOR: Chad Stahelski]",
# "[NEWCOMER: Halle Berry] arrives as [ROLE: Sofia]"); a field left blank ("[ACTOR 4: ___]") or filled by someone
# else ("[SUGGESTED BY EDITOR: ...]") states nothing
_FIELD = re.compile(r"\[(?P<name>(?-i:[A-Z][A-Z0-9 '\u2019()/?&.-]{0,48}[A-Z0-9)?])):[ \t]*"
                    r"(?P<value>[^\[\]\n]{1,200})\]")
_OTHERS_FIELD = re.compile(r"\b(?:SUGGESTED|PROPOSED|EDITOR|EDITOR'S|EDITOR\u2019S)\b")
_FIELDS = 3  # a template has this many fields at least


@lru_cache(maxsize=2)  # (asked for the struck fields, the view's marks and the rating's tags of one text)
def _template_fields(text: str) -> tuple[re.Match[str], ...]:
    """A filled-in template's fields (none unless the text has several)."""
    fields = tuple(_FIELD.finditer(text)) if "[" in text else ()
    return fields if len(fields) >= _FIELDS else ()


def _unfilled(field: re.Match[str]) -> bool:
    """A field left blank or filled by someone else: it states nothing."""
    return bool(_OTHERS_FIELD.search(field["name"])) or not field["value"].strip(" \t_.-\u2026")


def _template_marks(text: str) -> Iterator[Span]:
    """The marks of a filled-in template's filled fields: the brackets, and the field's name too inside running text,
    where the value reads as part of the sentence ("Halle Berry arrives as Sofia"). A field that opens its line keeps
    its name, a label ("DIRECTOR: Chad Stahelski")."""
    for field in _template_fields(text):
        if _unfilled(field):
            continue  # (withdrawn whole: struck_spans)
        opens_line = not text[text.rfind("\n", 0, field.start()) + 1:field.start()].strip()
        yield (field.start(), field.start() + 1) if opens_line else (field.start(), field.start("value"))
        yield field.end() - 1, field.end()


def tag_spans(text: str) -> list[Span]:
    """Spans of the BBCode and HTML tags, the LaTeX commands and a template's field marks in ``text``: what stands
    between a label and its value ("Grade:</span> <span class="grade">B-", "\\textbf{Grade:} A-", "MY SCORE: [SCORE:
    8]"), and the marks of tracked changes ("RATING: {~~3.5~>4~~}/5")."""
    spans = [tag.span() for tag in _TAG.finditer(text)] + list(_template_marks(text)) \
        if "[" in text or "<" in text else []
    if "{" in text:
        spans += [(start, end) for start, end, kept in _tracked_changes(text) if kept]
    return spans + list(_latex_spans(text)) if "\\" in text and LATEX_HINT.search(text) else spans


def separators(text: str) -> str:
    """``text`` with each HTML line-break or list-item tag made a list separator of the same length ("[[A]]<br>[[B]]",
    "<li>A</li><li>B</li>"), each table cell's opening tag a tab, as a cell separator ("<th>Screenplay</th><td>A,
    B</td>"), a box drawn in line characters a pipe table: its vertical lines are cell bars, the rest is blank ("│
    Direction: X │"), and a LaTeX tabular's "&" a cell bar ("Keanu Reeves & John Wick \\\\")."""
    if _BOX_DRAWING.search(text):
        text = text.translate(_BOX_AS_TABLE)
    if "\\begin{" in text and "&" in text:
        text = _LATEX_TABULAR.sub(lambda table: re.sub(r"(?<!\\)&", "|", table.group()), text)
    if "<" not in text:
        return text
    def separator(tag: re.Match[str]) -> str:
        return (";" if tag.group()[1:3].lower() in ("br", "li") else "\t") + " " * (len(tag.group()) - 1)
    return _SEPARATOR_TAG.sub(separator, text)


# A transcript's margin of line numbers: "12    Allen plays Iosef", " 8         A.   October of 2014." (a court
# reporter's page numbers each line; so does a listing of code or of a poem)
_GUTTER = re.compile(r"^[ \t]*\d{1,3}(?=[ \t]{2,}\S|\t\S|[ \t]*$)", re.MULTILINE)
_GUTTER_LINES = 5  # a few numbered lines in a row; one "12  " may be a table's cell


def without_line_numbers(text: str) -> str:
    """``text`` with the line numbers of its margin blanked, when at least :data:`_GUTTER_LINES` lines have one,
    so that "strike that" is followed by the words of the next line, not by its number."""
    if "\n" not in text:
        return text
    numbers = [m.span() for m in _GUTTER.finditer(text)]
    return blank(text, numbers) if len(numbers) >= _GUTTER_LINES else text
