"""Which work each part of a review is about, when one post reviews several works in turn.

A diary of a marathon, a ranking or a double bill gives each work a paragraph that opens with its title ("Saturday:
Chapter 2 (2017). ...", a channel's "CH 45 | JOHN WICK (2014)", or under a kicker line that names nothing: "★
CRITIC'S PICK ★"). When two or more paragraphs open so, and one of them opens with the reviewed work, the parts that
open with another work's title (up to the next such paragraph) state that work's facts, not the reviewed one's:
:func:`other_work_spans` finds them so their claims and ratings are left out. A film outside the franchise, which the
reference does not know, is told by its block's layout: its title alone on a line over its credits ("CASABLANCA" over
"US 1942 · Dir. Michael Curtiz · 102 min") or with its year ("THE QUIET HARBOUR (2024)"), a capsule's number and
rating around it ("3. TRIAL BY FIRE ***", "CITIZENFOUR (2014) ★★★★"); that block, and each later paragraph that opens
with the same title, is about it. In a sheet whose header names a title column (a log of everything watched), a row
is about the work its title cell names; and a line labelled by a title with its year that names nothing the reference
knows ("Point Blank (1967): Lee Marvin as Walker") is about that film. In a log of rated entries (a diary export, staff
picks), each entry headed by a work with its year and its own score, the other entries are their works'.
"""

from __future__ import annotations

import itertools
import re

from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .worktables import other_columns, other_rows, other_slash_parts

__all__ = ["other_work_spans"]

Span = tuple[int, int]

_PARAGRAPH_START = re.compile(r"\n[ \t]*\n\s*")
_OPENING_REACH = 80  # a title this far into a paragraph, after a short label ("Saturday:", "3.", "Day two -"), opens it
# what may stand before a title that opens a paragraph, and what follows it there
# a short label before a paragraph's title ("Saturday:", "3.", "Day two -"); not a cross-reference's, which points to
# the work without opening a part about it ("See also: JOHN WICK: CHAPTER 2 (2017), where ..."), nor one that names
# the work's link to this one, as a database's connections do ("Followed by: ...", "Prequel: ...", "Spoofed in: ...")
_LABEL = re.compile(r"[ \t#*>\-\u2022\d.)/]*"
                    r"(?:(?!(?:see|cf|compare|related|followed|preceded|follows|precedes|sequel|prequel|references?"
                    r"|referenced|spin-?offs?|spun|remade|remake|spoofed|featured|version|edited)\b)"
                    r"[\w ,'\u2019]{1,50}[:\u2013\u2014|-][ \t]*)?", re.IGNORECASE)
# a capsule's rating after its title: "3. TRIAL BY FIRE ***", "CITIZENFOUR (2014) ★★★★", "(2019) 4/5", "B+"
_RATING_AFTER = r"(?:[\u2605\u2606\u00bd*]{1,6}|\d(?:[.,]\d)?[ \t]*/[ \t]*(?:4|5|10)|(?-i:[A-DF])[+-]?)"
# a title's bracket: its year, or a listing's certificate and running time ("(R, 136 min)", "(PG)", "(2011, 15)")
_DATED = (r"\(\s*(?:(?:19|20)\d\d|(?:(?:19|20)\d\d\s*,\s*)?(?:G|PG|PG-13|R|NC-17|U|12A?|15|18|NR)"
          r"(?:\s*,\s*\d{2,3}\s*mins?)?|\d{2,3}\s*mins?)\s*\)")
_TITLE_END = re.compile(rf"['\"\u2019\u201d*_]*\s*(?:{_DATED}|[:.\u2013\u2014-]|"
                        rf"{_RATING_AFTER}?[ \t]*$)", re.MULTILINE)
_YEAR_AFTER = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")
_DATED_AFTER = re.compile(rf"\s*{_DATED}")


def other_work_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc`` about another work than the reviewed one; empty unless the review is about several in turn."""
    if doc.film is None:
        return []
    starts = [0, *(m.end() for m in _PARAGRAPH_START.finditer(doc.text))]
    opened = [(start, topic) for start in starts if (topic := _opening_title_below_kicker(doc, start)) is not None]
    return sorted(_other_paragraphs(doc, opened) + _outside_films(doc, starts, opened) + _other_labelled_lines(doc)
                  + other_columns(doc) + other_rows(doc) + other_slash_parts(doc) + _outside_labelled_lines(doc)
                  + _other_works_scores(doc) + _cited_works(doc) + _other_listing_entries(doc) + _other_records(doc)
                  + _namesakes(doc) + _see_also(doc) + _rated_log_entries(doc) + _another_productions(doc))


# a "See also" heading over the works a page points to (a manual page's "SEE ALSO" over "johnwick(1) (2014; Nyqvist as
# Viggo)", a wiki's "See also", a shop's "You might also like"), or a newspaper's box of other releases ("ALSO
# SHOWING ~ THE LEGO BATMAN MOVIE (U) ... ★★★★☆"), as a screen reader may announce it ("Heading level 2, You might
# also like"): its items are those works', up to the page's next heading, or the paragraph's end
_SEE_ALSO = re.compile(r"^[ \t#*_]*(?:heading[ \t]+level[ \t]+\d[ \t]*,?[ \t]*)?"
                       r"(?:see[ \t]+also|related[ \t]+(?:films|titles|works|pages|reading)"
                       r"|you[ \t]+(?:might|may)[ \t]+also[ \t]+like|more[ \t]+like[ \t]+this"
                       r"|(?:people|viewers|fans)[ \t]+also[ \t]+(?:watched|liked|enjoyed)"
                       r"|also[ \t]+(?:showing|opening|out|screening|in[ \t]+cinemas)(?:[ \t]+this[ \t]+week)?)"
                       r"(?:[ \t:*_]*\n|[ \t]*[:~\u2014\u2013|-][ \t]*(?=\S))", re.IGNORECASE | re.MULTILINE)
_NEXT_UNINDENTED = re.compile(r"\n(?=\S)")


def _see_also(doc: Document) -> list[Span]:
    """The items under a "See also" heading or in an "Also showing" box: the works a page points to, not the reviewed
    one."""
    spans = []
    for heading in _SEE_ALSO.finditer(doc.text) if "also" in doc.lower or "related" in doc.lower \
            or "like this" in doc.lower else ():
        indented = doc.text[heading.end():heading.end() + 1] in " \t"
        end = (_NEXT_UNINDENTED if indented else _PARAGRAPH_START).search(doc.text, heading.end())
        spans.append((heading.start(), end.start() if end else len(doc.text)))
    return spans


# a heading or a label that gives its list or its name to a production of the work's fans, a school or a stage, not to
# the work: a call sheet's "FAN CAST" over "Dev Malhotra .... as Viggo Tarasov", "Fan director / writer: Tommy W.",
# "OUR CAST", "Stage cast:" (a fan's dream casting too: "My fan cast")
_ANOTHER_PRODUCTION = re.compile(r"^[ \t#*_>-]*(?:(?:the|our|my)[ \t]+)?(?:fan|fans['\u2019]?|our|student|school"
                                 r"|tribute|amateur|cosplay|parody|stage|theatre|theater|community)[ \t]+"
                                 r"(?:cast|crew|director|writer|players|line-?up|company)s?\b(?P<rest>[^\n]*)",
                                 re.IGNORECASE | re.MULTILINE)
_HEADING_ALONE = re.compile(r"[ \t:*_#=-]*\Z")


def _another_productions(doc: Document) -> list[Span]:
    """A list under a heading that gives it to another production ("FAN CAST"), up to the paragraph's end, and a
    line labelled so ("Fan director / writer: ...")."""
    spans = []
    for label in _ANOTHER_PRODUCTION.finditer(doc.text) if "cast" in doc.lower or "crew" in doc.lower \
            or "director" in doc.lower or "writer" in doc.lower else ():
        if _HEADING_ALONE.match(label["rest"]):
            end = _PARAGRAPH_START.search(doc.text, label.end())
            spans.append((label.start(), end.start() if end else len(doc.text)))
        else:
            spans.append(label.span())
    return spans


# a note on a namesake, a work of the same title that is not the reviewed one: "NOT TO BE CONFUSED WITH..." over
# "Parabellum (2015), Lukas Valenta Rinner's drama", "For the 2015 Argentine film, see Parabellum (2015 film)."
_NAMESAKE = re.compile(r"\bnot\s+to\s+be\s+confused\s+with\b|^[ \t*_>]*for\s+(?:the|other)\b[^\n]{0,80}?,\s*see\b",
                       re.IGNORECASE | re.MULTILINE)
_HEADING_REST = re.compile(r"[ \t.:\u2026\u2013\u2014-]*\n")
# where a note in running text ends: its sentence's end, or its bracket's
_NOTE_END = re.compile(r"[.!?](?=\s)|\n")
_BRACKET_END = re.compile(r"\)|\n")


def _namesakes(doc: Document) -> list[Span]:
    """The notes on namesakes, each to its sentence's end, or its bracket's ("(not to be confused with STAHELSKI)");
    a heading's to the end of the paragraph under it."""
    spans = []
    for note in _NAMESAKE.finditer(doc.text) if "confused" in doc.lower or "see" in doc.lower else ():
        heading = _HEADING_REST.match(doc.text, note.end())
        if heading is not None:
            end = _PARAGRAPH_START.search(doc.text, heading.end())
            spans.append((note.start(), end.start() if end else len(doc.text)))
            continue
        bracket = doc.text.rfind("(", doc.text.rfind("\n", 0, note.start()) + 1, note.start())
        close = _NOTE_END.search(doc.text, note.end()) if bracket < 0 or ")" in doc.text[bracket:note.start()] \
            else _BRACKET_END.search(doc.text, note.end())
        spans.append((note.start(), close.start() if close else len(doc.text)))
    return spans


# a data file's record opens at a YAML document's "---", at a TOML or INI table's header ("[[related]]", "[other]") or
# at an iCalendar file's event ("BEGIN:VEVENT")
_RECORD_START = re.compile(r"^[ \t]*(?:---|\[\[?[^\]\n]+\]\]?|BEGIN:V(?:EVENT|TODO|JOURNAL))[ \t]*(?:#[^\n]*)?$",
                           re.MULTILINE)
# ... and names its work by a title key: 'title: "John Wick: Chapter 2"', "title = Parabellum" (not "series: John Wick",
# which names the franchise the work is in), or an event by its summary ("SUMMARY:Marathon pt.2 - Chapter 2")
_TITLE_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:title|film|movie|work|show)[ \t]*[:=][ \t]*[\"']?"
                        r"|^(?-i:SUMMARY)(?:;[^:\n]*)?:", re.MULTILINE | re.IGNORECASE)


def _other_records(doc: Document) -> list[Span]:
    """In a data file of several records (YAML documents, TOML or INI tables, a calendar's events), each record whose
    title key names another work than the reviewed one: its credits and cast are that work's."""
    starts = [m.start() for m in _RECORD_START.finditer(doc.text)] if "title" in doc.lower or "SUMMARY" in doc.text \
        else []
    spans = []
    for start, end in itertools.pairwise([0, *starts, len(doc.text)] if starts else []):
        key = _TITLE_KEY.search(doc.text, start, end)
        if key is None:
            continue
        line_end = doc.text.find("\n", key.end(), end)
        works = {e.iri for m in doc.mentions_between(key.end(), end if line_end < 0 else line_end)
                 for e in m.of_kind(WORK)}
        if works and doc.film not in works:
            spans.append((start, end))
    return spans


# a listings page's entry: a programme's title, its stars, then what it is, on its line ("21:00 FILM Speed (1994)
# ★★★★ Keanu Reeves on a bus", "10.00 Game of Thrones ★★★★★ Bronn (Jerome Flynn) rides north") or on the lines under
# it, up to the paragraph's end ("Nobody ★★★★" over "Bob Odenkirk is a mild-mannered dad ... (2021) 92mins")
_LISTING_ENTRY = re.compile(r"^(?P<title>[^\n\u2605]{2,80}?)[ \t]\u2605{1,5}\u00bd?"
                            r"(?:[ \t]+(?-i:[A-Z])[^\n]*$|[ \t]*(?P<under>(?:\n[ \t]*\S[^\n]*)*)$)", re.MULTILINE)
_LISTING_ENTRIES = 3
# a log's rating field is no entry's title: "Rating: ★★★½" under "Film: John Wick: Chapter 2 (2017)"
_RATING_FIELD = re.compile(r"[ \t*_>-]*(?:(?:my|our|your)[ \t]+)?(?:rating|score|stars|grade|verdict)"
                           r"[ \t]*[:=-]?[ \t]*", re.IGNORECASE)


def _other_listing_entries(doc: Document) -> list[Span]:
    """On a listings page (three entries or more), the entries whose title is not the reviewed work's: the casts and
    credits they name are their programmes'."""
    if "\u2605" not in doc.text:
        return []
    entries = [(entry, any(e.kind == WORK and e.iri == doc.film
                           for m in doc.mentions_between(*entry.span("title")) for e in m.entries))
               for entry in _LISTING_ENTRY.finditer(doc.text) if not _RATING_FIELD.fullmatch(entry["title"])]
    # (a starred line with nothing under it is an entry only when it titles the reviewed work: "Story ★★★" over
    # "Action ★★★★" is a grid of sub-scores)
    entries = [(entry, film) for entry, film in entries if entry["under"] != "" or film]
    if len(entries) < _LISTING_ENTRIES:
        return []
    return [entry.span() for entry, film in entries if not film]


def _other_paragraphs(doc: Document, opened: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """The paragraphs that open with another work's title, up to the next paragraph that opens with a title."""
    if len({topic for _, topic in opened}) < 2 or doc.film not in {topic for _, topic in opened}:
        return []
    ends = [start for start, _ in opened[1:]] + [len(doc.text)]
    return [(start, _section_end(doc.text, start, end)) for (start, topic), end in zip(opened, ends, strict=True)
            if topic != doc.film]


# a heading of the page's own: a short line alone between blank lines, not a sentence ("Personal note from the
# editor", "See also"), which opens a new part of the page
_HEADING_PARAGRAPH = re.compile(r"\n[ \t]*\n[ \t#*_]*(?-i:[A-Z])[^\n.!?:]{1,58}[^\n.!?,;\u2605]?[ \t*_]*\n[ \t]*\n")


def _section_end(text: str, start: int, end: int) -> int:
    """``end``, or the page's next heading before it: another work's part ends where the page's own next part
    opens."""
    heading = _HEADING_PARAGRAPH.search(text, start, end)
    return heading.start() if heading else end


def _opening_title(doc: Document, start: int) -> str | None:
    """The work whose title opens the paragraph at ``start`` as a heading does: after nothing but markup or a short
    label ("Saturday:", "3.", "Day two -"), and followed by its year in brackets, a colon, a full stop, a dash or the
    end of the line, with no other work on that line. None otherwise."""
    line_end = doc.text.find("\n", start)
    line_end = len(doc.text) if line_end < 0 else line_end
    opening = None
    for mention in doc.mentions_between(start, line_end):
        # "John Wick (2014)" and "## The Continental" alone on its line are the works, not the man or the hotel
        heading = not doc.text[start:mention.start].strip(" \t#*_>") \
            and not doc.text[mention.end:line_end].strip(" \t#*_:") and not _card_of_player(doc, mention, line_end)
        dated = heading or _DATED_AFTER.match(doc.text, mention.end) is not None
        works = {e.iri for e in mention.of_kind(WORK) if (dated or not e.weak) and e.iri}
        if opening is None:
            if mention.mask & PERSON or mention.start - start > _OPENING_REACH:
                return None  # a sentence about someone, not a title opening the paragraph
            if works and _LABEL.fullmatch(doc.text, start, mention.start) and _TITLE_END.match(doc.text, mention.end):
                opening = doc.film if doc.film in works else sorted(works)[0]
        elif works and opening not in works:
            return None  # "| John Wick (2014) | Chapter 2 (2017) |": two works side by side, no single subject
    return opening


# a kicker over a heading: a short line that names nothing ("★ CRITIC'S PICK ★", "NOW SHOWING", "Our pick:")
_KICKER = re.compile(r"[^\n.!?]{1,40}\n")


def _opening_title_below_kicker(doc: Document, start: int) -> str | None:
    """The work whose title opens the paragraph at ``start``, on its first line or under a kicker line (there as a
    heading alone on its line, not a list's first entry: "PREVIOUS ENTRIES" over "JOHN WICK (2014): entered ...")."""
    opening = _opening_title(doc, start)
    kicker = _KICKER.match(doc.text, start) if opening is None else None
    if kicker is None or doc.mentions_between(start, kicker.end()) or not _TITLE_LINE.match(doc.text, kicker.end()):
        return opening
    return _opening_title(doc, kicker.end())


def _card_of_player(doc: Document, heading: Mention, line_end: int) -> bool:
    """Whether a heading that is also a character's name has a line under it that opens with a person, maybe after a
    casting label: the card of the character's player ("JOHN WICK" over "Keanu Reeves, back for a second tour as John
    Wick", "Caine" over "Portrayed by ...... Donnie Yen"), not the work."""
    following = _NEXT_LINE_START.match(doc.text, line_end) if heading.mask & CHARACTER else None
    if following is None:
        return False
    at = following.end()
    label = _CASTING_LABEL.match(doc.text, at)
    at = label.end() if label else at
    first = next(iter(doc.mentions_between(at, min(len(doc.text), at + 40))), None)
    return first is not None and first.start == at and bool(first.mask & PERSON)


_NEXT_LINE_START = re.compile(r"\n[ \t*_>-]*")
# ... or with a casting label before the person: "Portrayed by ...... Donnie Yen", "Played by: X", "Actor - X"
_CASTING_LABEL = re.compile(r"(?:(?:portrayed|played|voiced|performed)[ \t]+by|actor|actress|player|performer)"
                            r"[ \t]*[:.\u2026\u2013\u2014-]*[ \t]*", re.IGNORECASE)


# a film's title line: a heading in capitals, or any heading with its year in brackets
# (with a capsule's number before it and its rating after it)
_TITLE_LINE = re.compile(r"[ \t#*_>]*(?:\d{1,2}[.)][ \t]+)?(?P<title>[^\n(]{2,60}?)[ \t*_]*"
                         rf"(?P<year>{_DATED})?[ \t*_]*(?:(?<=[\s)]){_RATING_AFTER})?[ \t]*$",
                         re.MULTILINE)
# the credits line under it: a year with a running time, a director label or the separators of a listing
_CREDITS_LINE = re.compile(r"[^\n]{0,60}?\b(?:19|20)\d\d\b[^\n]*(?:\bmin\b|\bdir\b|[\u00b7|])", re.IGNORECASE)


def _outside_films(doc: Document, starts: list[int], opened: list[tuple[int, str]]) -> list[Span]:
    """Blocks about films the reference does not know, in a post whose paragraphs open with their films' titles (or
    anywhere, for a title that opens its own credits line: a listing's "ALSO SHOWING")."""
    film_opens = any(topic == doc.film for _, topic in opened)
    found = {start: title for start in starts
             if (title := _title_on_credits_line(doc, start) or (_outside_title(doc, start) if film_opens else None))}
    heads = sorted(found.keys() | {start for start, _ in opened})
    titles: set[str] = set()
    spans: list[Span] = []
    for start in starts:
        end = _PARAGRAPH_START.search(doc.text, start)
        end_at = end.start() if end else len(doc.text)
        title = found.get(start)
        if title is not None:
            titles.add(title)
            if not _PROSE.search(doc.text, start, end_at):
                # a heading over its review, alone or with its credits ("THE GREAT WALL (12A, 104 mins)", "THE RAID"
                # over "Dir: Gareth Evans"): the paragraphs under it, up to the next title or the page's next heading
                following = next((head for head in heads if head > start), len(doc.text))
                end_at = _section_end(doc.text, end_at, following)
            spans.append((start, end_at))
        elif any(_opens_with(doc.text, start, title) for title in titles):
            spans.append((start, end_at))  # "Casablanca first, because ...": a later paragraph on that film
    return spans


_PROSE = re.compile(r"[a-z]{3}[.!?](?:\s|$)")  # a sentence's end: a block without one is a heading or a credits block


def _opens_with(text: str, start: int, title: str) -> bool:
    """Whether the paragraph at ``start`` opens with ``title`` (lower case) as a whole word or words."""
    end = start + len(title)
    return text[start:end].lower() == title and not text[end:end + 1].isalnum()


# ... or the title opening its own credits line, in capitals or with its year: "AFTERSUN  UK 2022 · 101 min · Dir.
# Charlotte Wells", "SINNERS (2025) · 137 min · 15 · Dir. Ryan Coogler"
_TITLE_ON_CREDITS_LINE = re.compile(r"[ \t#*_>]*"
                                    r"(?P<title>(?-i:[A-Z0-9][A-Z0-9 '&:,.!?-]{0,58}[A-Z0-9!?])|[^\n(]{2,60}?)"
                                    r"[ \t*_]*(?P<year>\(\s*(?:19|20)\d\d\s*\))?"
                                    r"(?:[ \t]{2,}|[ \t]*[\u00b7|\u2022][ \t]*)(?=[^\n]*\bdir\b)", re.IGNORECASE)
_YEAR_OR_RUNNING_TIME = re.compile(r"[^\n]{0,60}?(?:\b(?:19|20)\d\d\b|\bmin\b)")


def _outside_title(doc: Document, start: int) -> str | None:
    """The title, lower-cased, of a film outside the reference whose block starts at ``start``; None otherwise."""
    line = _TITLE_LINE.match(doc.text, start)
    if line is None or doc.mentions_between(start, line.end()) or not any(c.isalpha() for c in line.group("title")):
        return None
    title = line.group("title").strip()
    if not line.group("year") and not (title.isupper() and _CREDITS_LINE.match(doc.text, line.end() + 1)
                                       and not _SECTION_HEADING.fullmatch(title)):
        return None
    return title.lower()


# a heading in capitals that names a section of the page, not a film: "RELEASE" over "Opens 17 May 2019 | 131 min"
_SECTION_HEADING = re.compile(r"(?:(?:THE|KEY|TECHNICAL|QUICK)\s+)?(?:RELEASE(?:\s+(?:DATE|INFO|DETAILS))?|RELEASES|"
                              r"DETAILS|FACTS|INFO|INFORMATION|SPECS|SPECIFICATIONS|FORMAT|AVAILABILITY|"
                              r"AT\s+A\s+GLANCE|LISTING|SCREENINGS?|SHOWTIMES|TICKETS|WHERE\s+TO\s+WATCH)")


def _title_on_credits_line(doc: Document, start: int) -> str | None:
    """The title, lower-cased, of a film outside the reference that opens its own credits line at ``start``."""
    line = _TITLE_ON_CREDITS_LINE.match(doc.text, start)
    if line is None or doc.mentions_between(start, line.end("title")):
        return None
    capitals = line.group("title").isupper() and _YEAR_OR_RUNNING_TIME.match(doc.text, line.end()) is not None
    if not (line.group("year") or capitals):
        return None
    return line.group("title").strip().lower()


# "Chapter 2 (rewatched): 9/10" over "Parabellum: 7/10", "Chapter 4, for comparison: 3.5/5": a short line labelled by
# a work's title
_LINE = re.compile(r"^[ \t#*>\-\u2022\u22c6\u25cf\u25aa]*(?P<body>[^\n]{1,120})$", re.MULTILINE)
_LABEL_END = re.compile(r"[ \t*_]*(?:\([^()\n]{1,30}\))?[ \t*_]*(?:,[ \t][^,:()\n]{1,30})?"
                        r"(?:[:=\u2013\u2014|]|[ \t]*(?:\.{3,}|\u2026+))[ \t]*\S")  # (or a leader: "Chapter 2 ....")
_ALONE_AFTER = re.compile(r"[ \t]*(?:[,;.(\n]|\Z)")
# a timeline's entry: its year, then the work's title ("2017 :: John Wick: Chapter 2. Rome, ...", "2019 - chapter 3")
_TIMELINE_YEAR = re.compile(r"(?:19|20)(?:\d\d|\?\?)[ \t]*(?:::|[:=|\u2013\u2014-])[ \t]*[^\w\s]*[ \t]*")


def _other_labelled_lines(doc: Document) -> list[Span]:
    """Short lines that open with a work's title as their label ("Chapter 2 (rewatched): 9/10"), or after its year as a
    timeline's entries do ("2017 :: John Wick: Chapter 2. Rome, ..."), when two or more works label lines so: the
    other works' lines."""
    labelled: list[tuple[Span, str]] = []
    for line in _LINE.finditer(doc.text):
        dated = _TIMELINE_YEAR.match(doc.text, line.start("body"))
        opening = dated.end() if dated else line.start("body")
        mentions = doc.mentions_between(opening, line.end())
        first = mentions[0] if mentions else None
        label = _LABEL_END.match(doc.text, first.end) if first is not None else None
        value = doc.by_start.get(label.end() - 1) if label else None  # a player alone after it: "Sofia: Halle Berry"
        player = value is not None and value.mask & PERSON and _ALONE_AFTER.match(doc.text, value.end) is not None
        if first is None or first.start != opening or not (dated or label) \
                or (first.mask & (PERSON | CHARACTER) and not _YEAR_AFTER.match(doc.text, first.end) and not dated
                    and (first.mask & PERSON or player)):
            continue  # "John Wick: Keanu Reeves" is a cast line, the role its label; "John Wick (2014):" the film
        works = {e.iri for e in first.of_kind(WORK) if e.iri}
        if works:
            labelled.append((line.span(), doc.film if doc.film in works else sorted(works)[0]))
    topics = {topic for _, topic in labelled}
    if len(topics) < 2:
        return []  # (two other works may label lines without the reviewed one: a table of the series to compare)
    return [span for span, topic in labelled if topic != doc.film]


# an entry of a list of works cited, by its author's surname and initials and its year (APA: "3. Corbucci, S. (1966).
# Django. Starring Franco Nero.") or surname, name and a quoted title (MLA: 'Ebert, Roger. "Review." 2014.')
_CITED_ENTRY = re.compile(r"^[ \t]*(?:\d{1,3}[.)][ \t]+|[-*\u2022][ \t]+)?(?-i:[A-Z])[\w'\u2019-]+,[ \t]+"
                          r"(?:(?:(?-i:[A-Z])\.[ \t]*)+(?:(?:,|&|and)[ \t]+[^\n(]{1,60}?)?\((?:19|20)\d\d[a-z]?\)\."
                          r"|(?-i:[A-Z])[a-z]+\.[ \t]+[\"\u201c])[^\n]*$", re.MULTILINE)


def _cited_works(doc: Document) -> list[Span]:
    """The entries of a list of works cited that do not name the reviewed work: what they say is of the work cited."""
    spans = []
    for entry in _CITED_ENTRY.finditer(doc.text):
        if not any(doc.work_at(m.start) == doc.film for m in doc.mentions_between(*entry.span())):
            spans.append(entry.span())
    return spans


# "Point Blank (1967): Lee Marvin as Walker": a line labelled by a dated title the reference does not know; in a
# listings page, after its time and channel, and before its stars ("22:00 Heat (1995) ★★★★★ Pacino, De Niro ...",
# "23:10 Channel 5: The Equalizer (2014) ★★★")
_DATED_LABEL = re.compile(r"^[ \t*_>\-\u2022]*(?:\d{1,2}[:.]\d{2}[ \t]+(?:(?-i:[A-Z])[^\n():]{0,30}:[ \t]+)?)?"
                          r"(?P<title>(?-i:[A-Z0-9])(?:(?!\d[:.]\d\d)[^\n()]){0,60}?)[ \t*_]*\(\s*(?:19|20)\d\d\s*\)"
                          r"[ \t*_]*(?:[:\u2013\u2014-]|(?=[\u2605\u2606\u272a\u2726\u272d\u2b50]))", re.MULTILINE)


def _outside_labelled_lines(doc: Document) -> list[Span]:
    """Lines labelled by a title with its year that names nothing the reference knows, or another of its works:
    another film's facts (a list of prior art, of influences, of what else is showing)."""
    if "(" not in doc.text:
        return []
    spans: list[Span] = []
    for label in _DATED_LABEL.finditer(doc.text):
        named = doc.mentions_between(label.start("title"), label.end("title"))
        works = {e.iri for m in named for e in m.of_kind(WORK)}
        if not named or (works and doc.film not in works and _whole_title(named, label)):
            line_end = doc.text.find("\n", label.end())
            spans.append((label.start(), len(doc.text) if line_end < 0 else line_end))
    return spans


def _whole_title(named: list[Mention], label: re.Match[str]) -> bool:
    """Whether one work's name is the whole title of a dated label ("John Wick: Chapter 3 – Parabellum (2019) ✪✪✪"),
    not a name inside another title or a sentence."""
    return len(named) == 1 and (named[0].start, named[0].end) == (label.start("title"), label.end("title"))


# a score given to another work named by its title (a sequel's review scores the films before it on the way to its own):
# "I gave Chapter 2 a 9/10", "Parabellum, which I gave 6/10", "Chapter 2 was a 5/5 for me", "Parabellum scored 9/10"
_GIVING = r"(?:gave|give|gives|giving|rated|rate|rates|scored|score|awarded|award|awards)"
_GIVING_BEFORE = re.compile(rf"\b{_GIVING}[ \t]+\Z", re.IGNORECASE)
_SCORE = r"\d+(?:\.\d+)?(?:[ \t]*(?:/|out[ \t]+of|of)[ \t]*\d+)?"
_SCORE_AFTER = re.compile(rf"[ \t]+(?:an?[ \t]+)?(?:{_SCORE}|[A-F][+-]?)(?![\w/])")
_SCORED_AFTER = re.compile(r"[ \t]+(?:(?:is|was|remains|stays)(?:[ \t]+still)?|gets|got|earns|earned|scores|scored"
                           r"|(?:lands|landed|sits|sat|comes[ \t]+in|came[ \t]+in)[ \t]+at)[ \t]+(?:an?[ \t]+)?"
                           r"\d+(?:\.\d+)?(?:[ \t]*(?:/|out[ \t]+of)[ \t]*\d+|[ \t]+stars?)(?![\w/])", re.IGNORECASE)
_WHICH_GAVE = re.compile(rf",?[ \t]+(?:which|that|to[ \t]+which)[ \t]+(?:I|we)[ \t]+(?:once[ \t]+|had[ \t]+)?{_GIVING}"
                         rf"(?:[ \t]+it)?[ \t]+(?:an?[ \t]+)?{_SCORE}", re.IGNORECASE)


def _other_works_scores(doc: Document) -> list[Span]:
    """The scores given to another work than the reviewed one, named by its title before or after the giving verb."""
    spans = []
    for mention in doc.mentions:
        works = {e.iri for e in mention.of_kind(WORK) if e.iri}  # ("rated John Wick 9/10": a score makes it the work)
        if not works or doc.film in works:
            continue
        verb = _GIVING_BEFORE.search(doc.text, max(0, mention.start - 20), mention.start)
        score = _SCORE_AFTER.match(doc.text, mention.end) if verb else None
        if verb is not None and score is not None:
            spans.append((verb.start(), score.end()))
        which = _WHICH_GAVE.match(doc.text, mention.end) or _SCORED_AFTER.match(doc.text, mention.end)
        if which is not None:
            spans.append((mention.start, which.end()))
    return spans


# A log of rated entries (a diary export, a watch log): each entry opens with a head line naming a work and its year,
# with the entry's own rating on that line or just under it ("John Wick  2014" over "★★★★  ♥  ↻ rewatch", "Film:
# Roman Holiday (1953)" over "Rating: ★★★★", "02 Apr 2023 | Dungeons & Dragons | 2023 | ★★★½ | no").
_LOG_ENTRIES = 3
# a year that is a field of its own, not a date's ("Sun 27 Oct 2024"): in brackets, or set off by wide space or a bar
_YEAR_FIELD = re.compile(r"\(\s*(?:19|20)\d\d\s*\)|(?:[ \t]{2,}|[ \t]*[|\u00b7\u2013\u2014][ \t]*)(?:19|20)\d\d"
                         r"(?=[ \t]{2,}|[ \t]*[|\u00b7\u2013\u2014]|[ \t]*$)", re.MULTILINE)
_ENTRY_RATING = re.compile(r"[\u2605\u2606]|\b\d{1,2}(?:[.,]\d)?[ \t]*(?:/[ \t]*(?:5|10)\b|stars?\b)"
                           r"|^[ \t]*rating[ \t]*:"
                           # ... or a grade, or a bare number, as a head's last field: "CHAPTER 2 (2017) · Marty · A-"
                           r"|[\u00b7|\u2013\u2014][ \t]*(?:(?-i:[A-F])[+-]?|\d{1,2}(?:[.,]\d)?)[ \t]*$",
                           re.IGNORECASE | re.MULTILINE)
_RATING_LINES, _RATING_REACH = 3, 640  # how far under its head (lines, characters) an entry's rating may stand


def _rated_log_entries(doc: Document) -> list[Span]:
    """In a log of three or more rated entries, one of them the reviewed work's, the other entries, each up to the
    next head: their casts, credits and ratings are their works'."""
    if doc.film is None or not _ENTRY_RATING.search(doc.text):
        return []
    heads: list[tuple[int, bool]] = []
    for line in _LINE.finditer(doc.text):  # (a line of 120 characters at most)
        if _YEAR_FIELD.search(doc.text, line.start(), line.end()) is None or not _rated_below(doc.text, line.start()):
            continue
        works = {e.iri for m in doc.mentions_between(line.start(), line.end()) for e in m.of_kind(WORK) if e.iri}
        heads.append((line.start(), doc.film in works))
    if len(heads) < _LOG_ENTRIES or not any(reviewed for _, reviewed in heads):
        return []
    ends = [start for start, _ in heads[1:]] + [len(doc.text)]
    return [(start, end) for (start, reviewed), end in zip(heads, ends, strict=True) if not reviewed]


def _rated_below(text: str, start: int) -> bool:
    """Whether a rating stands on the line at ``start`` or on one of the few lines under it, before a blank line."""
    lines = text[start:start + _RATING_REACH].split("\n")[:_RATING_LINES + 1]
    return any(_ENTRY_RATING.search(line) for line in itertools.takewhile(str.strip, lines))
