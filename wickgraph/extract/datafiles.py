"""A review written as a data file (YAML, TOML, INI): its keys read as labels, its lists as lists.

A programmer's review may hold its credits as ``directed_by: [A, B]`` or as a key over a block list
(``written_by:`` then ``- X`` lines), and its score as ``my_score: 8``. Read as prose, the identifier
``directed_by`` is one unknown word and the brackets hide the list. In a text that is a data file (several
lines open with a snake_case key), an identifier key is read as a label: capitalised, with spaces for its
underscores ("Directed by:"). TOML's "=" after a key is read as ":", the brackets and quotes of a flow list
after a key are blanked, and a commented-out key line (``# year: 2015``) is blanked whole, as the author took
that value back; so is a flag set to false (``returning: false``), which states nothing. An iCalendar or vCard
file's text property is read as its value alone ("DESCRIPTION:Chad Stahelski directs"), and its other content
lines (a date, a guest, a rule: "ATTENDEE;CN=Sofia Marchetti:mailto:...") are blanked whole. A genealogy file
(GEDCOM) of a story's families reads as its people's names and notes: an individual's "1 NAME Viggo /Tarasov/" as
the name (a role) heading the record, its notes as prose ("1 NOTE Michael Nyqvist plays him"), and every other line
(a family link, a date, the header) blanked, so each record is an entry of its own. An Emacs org-mode property
(``:WRITTEN_BY: A, B`` in a ``:PROPERTIES:`` drawer) is such a key after a colon. Every change keeps
the text's length, so offsets carry over.
"""

from __future__ import annotations

import re

from .layout_words import CALENDAR_FILE
from .textscan import blank

__all__ = ["with_data_file_syntax"]

# a key: one word or snake_case ("cast", "directed_by"), at a line's start after an optional list dash
_IDENTIFIER = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*"
# (or after the colon that opens an Emacs org-mode property: ":WRITTEN_BY: A, B" in a ":PROPERTIES:" drawer)
_KEY_OPENS = r"^[ \t]*(?:-[ \t]+|:(?=[A-Za-z]))?"
# a line that opens with a key in snake_case, then ":" or "=" ("directed_by:", "  my_score = 8"); a data file has
# two of them at least: one alone may be a chat handle or a file name in prose
_SNAKE_KEY_LINE = re.compile(rf"{_KEY_OPENS}[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+[ \t]*[:=]", re.MULTILINE)
_KEY = re.compile(rf"({_KEY_OPENS})({_IDENTIFIER})([ \t]*[:=][ \t]*)", re.MULTILINE)
# a key line commented out: "# year: 2015", "  # written_by: [A, B]   # no."
_COMMENTED_KEY = re.compile(rf"^[ \t]*#+[ \t]*{_IDENTIFIER}[ \t]*[:=][ \t]*\S[^\n]*", re.MULTILINE)
# a flag a key sets to false states nothing: "returning: false", "cameo = no"
_FALSE_FLAG = re.compile(rf"{_KEY_OPENS}{_IDENTIFIER}[ \t]*[:=][ \t]*(?:false|no|none|null|~)[ \t]*(?:#[^\n]*)?$",
                         re.MULTILINE | re.IGNORECASE)
# a flow list after a key: "[Chad Stahelski, David Leitch]" (no nested brackets)
_FLOW_LIST = re.compile(r"\[([^\[\]\n]*)\]")

# an iCalendar or vCard file (decoding has unfolded its lines): a text property's name, parameters and colon, before a
# value read as prose; any other property's content line, a date, a guest, a rule or an id, is blanked whole
_TEXT_PROPERTY = re.compile(r"^(?:SUMMARY|DESCRIPTION|LOCATION|COMMENT|NOTE)(?:;[^:\n]*)?:", re.MULTILINE)
_OTHER_PROPERTY = re.compile(r"^(?:BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|UID|DTSTAMP|DTSTART|DTEND|DUE|DURATION|"
                             r"CREATED|LAST-MODIFIED|SEQUENCE|STATUS|TRANSP|CLASS|PRIORITY|RRULE|RDATE|EXDATE|"
                             r"ORGANIZER|ATTENDEE|CONTACT|CATEGORIES|URL|GEO|ATTACH|RELATED-TO|RECURRENCE-ID|TZID|"
                             r"TZNAME|TZOFFSETFROM|TZOFFSETTO|TZURL|TRIGGER|ACTION|REPEAT|FN|N|TEL|EMAIL|ADR|REV|"
                             r"X-[A-Z0-9-]+)(?:;[^:\n]*)?:[^\n]*", re.MULTILINE)


def _calendar_spans(text: str) -> list[tuple[int, int]]:
    """The spans of an iCalendar or vCard file's content lines that are no prose: text properties' names and every
    other property's line."""
    if "BEGIN:V" not in text or not CALENDAR_FILE.search(text):
        return []
    return [m.span() for m in _TEXT_PROPERTY.finditer(text)] + [m.span() for m in _OTHER_PROPERTY.finditer(text)]


# a GEDCOM line: its level, an id, a tag and a value ("0 @I1@ INDI", "1 NAME John /Wick/", "2 CONT and no, ...")
_GEDCOM_LINE = re.compile(r"^(?P<level>\d{1,2})[ \t]+(?:@[^@\n]{1,20}@[ \t]+)?(?P<tag>[A-Z_][A-Z0-9_]{2,4})\b[ \t]?"
                          r"(?P<value>[^\n]*)$", re.MULTILINE)
_GEDCOM_RECORD = re.compile(r"^0[ \t]+@[^@\n]{1,20}@[ \t]+INDI\b", re.MULTILINE)
_GEDCOM_TEXT = frozenset({"NOTE", "CONT", "CONC", "TEXT", "TITL", "AUTH", "PUBL"})  # (a source's author, its publisher)


def _gedcom_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a GEDCOM file that are no prose: every line's level and tag, a name's slashes, and the whole of
    each line that holds neither an individual's name nor a note; empty for any other text."""
    if "INDI" not in text or len(_GEDCOM_RECORD.findall(text)) < 2:
        return []
    spans: list[tuple[int, int]] = []
    record = ""
    for line in _GEDCOM_LINE.finditer(text):
        if line["level"] == "0":
            record = line["tag"]
        if line["tag"] in _GEDCOM_TEXT or (line["tag"] == "NAME" and record == "INDI"):
            spans.append((line.start(), line.start("value")))
            spans += [(i, i + 1) for i in range(line.start("value"), line.end()) if text[i] == "/"]
        else:  # (a line inside a record goes with its line break: the record's lines stay one entry)
            spans.append((line.start() - (line["level"] != "0" and line.start() > 0), line.end()))
    return spans


# an XML element that names its field by an attribute reads as a label and its value ('<person role="director">David
# Leitch</person>' as "director: David Leitch"), and a score's element as a labelled score ('<rating value="8"
# scale="10"/>' as "rating: 8/10", '<rating scale="letter">B+</rating>' as "rating: B+", '<score system="percent">72
# </score>' as "score: 72%")
_FIELD_ELEMENT = re.compile(r'<(?P<tag>[A-Za-z][\w-]*)[ \t]+(?:role|job|type|kind|credit|function)='
                            r'"(?P<field>[\w -]{1,30})"[ \t]*>(?P<value>[^<\n]{1,80})</(?P=tag)>')
_SCORE_ELEMENT = re.compile(r'<(?P<tag>rating|score|grade|verdict|stars)\b'
                            r'(?P<attributes>(?:[ \t]+[\w-]+="[^"<>\n]{0,20}")*)'
                            r'[ \t]*(?:/>|>(?P<value>[^<\n]{1,12})</(?P=tag)>)', re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def _xml_fields(text: str) -> str:
    """``text`` with its XML elements that name their field, or hold a score, read as labelled values."""
    chars = list(text)
    for element in _FIELD_ELEMENT.finditer(text):
        label = f"{element['field']}: "
        opening = element.start("value") - element.start()
        closing = element.end() - element.end("value")
        if len(label) <= opening:  # the opening tag becomes the label, right before the value; the closing one blank
            chars[element.start():element.start("value")] = label.rjust(opening)
            chars[element.end("value"):element.end()] = " " * closing
    for element in _SCORE_ELEMENT.finditer(text):
        attributes = {name.lower(): value for name, value in _ATTRIBUTE.findall(element["attributes"])}
        value = (element["value"] or attributes.get("value") or "").strip()
        scale = attributes.get("scale") or attributes.get("max") or attributes.get("out-of") or attributes.get("system")
        if not value:
            continue
        if scale and scale.isdigit():
            value += f"/{scale}"
        elif scale and scale.lower() in ("percent", "percentage", "%"):
            value += "%"
        label, width = f"{element['tag']}: ", element.end() - element.start()
        if len(label) + len(value) <= width:  # (the label opens the element, the score closes it: its evidence)
            chars[element.start():element.end()] = label + value.rjust(width - len(label))
    return "".join(chars)


def _is_data_file(text: str) -> bool:
    """Whether ``text`` reads as a data file: two lines or more open with a snake_case key."""
    if "_" not in text:
        return False
    keys = _SNAKE_KEY_LINE.finditer(text)
    return next(keys, None) is not None and next(keys, None) is not None


def with_data_file_syntax(text: str) -> str:
    """``text`` with a data file's keys read as labels, its flow lists unbracketed and its commented-out key
    lines blanked, an iCalendar file's content lines read as their text values and a GEDCOM file's as its names and
    notes; any other text is returned as it is."""
    layout = _calendar_spans(text) + _gedcom_spans(text)
    if layout:
        text = blank(text, layout)
    if "</" in text or "/>" in text:
        text = _xml_fields(text)
    if not _is_data_file(text):
        return text
    spans = [m.span() for m in _COMMENTED_KEY.finditer(text)]
    spans += [m.span() for m in _FALSE_FLAG.finditer(text)]
    chars = list(blank(text, spans))
    for key in _KEY.finditer(text):
        if chars[key.start(2)] == " ":
            continue  # blanked above
        chars[key.start(2)] = chars[key.start(2)].upper()  # a label is capitalised: "directed_by" is read as
        for index in range(key.start(2), key.end(2)):    # "Directed by"
            if chars[index] == "_":
                chars[index] = " "
        if text.endswith(":", key.start(1), key.end(1)):
            chars[key.end(1) - 1] = " "  # an org property's opening colon is layout
        separator = text.find("=", key.start(3), key.end(3))
        if separator >= 0:
            chars[separator] = ":"  # TOML's "key = value" is read as "key : value"
        flow = _FLOW_LIST.match(text, key.end())
        if flow is not None:  # '["A", "B"]' is read as '  A ,  B  '
            for index in (flow.start(), flow.end() - 1, *(i for i in range(*flow.span(1)) if text[i] in "\"'")):
                chars[index] = " "
    return "".join(chars)
