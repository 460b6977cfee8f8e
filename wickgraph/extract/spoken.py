"""What transcripts and dictation spell out in words. Years: "twenty nineteen", "two thousand and fourteen",
"nineteen ninety-nine"; the layout view writes each as its digits, padded to the same length, so the year rules
read it, and a claim whose evidence stops inside one is widened to the whole phrase. Punctuation: a voice-typed
review says "full stop", "comma", "new paragraph"; the view writes the mark in the words' place, so sentences end
where the speaker ended them. Self-corrections: "2024 no scratch that 2025", "plays Cassian, no wait, he plays Zero";
the view blanks the words taken back with the marker, so the rules read only what was said again. Fillers and
hesitations ("played by, uh, Ian McShane", "she plays... Eve") are blanked, so the sentence reads on. A number
written out with its digits glossed in brackets, as legal and formal drafting does ("four and one-half (4.5) stars out
of a possible five (5)"), is read as its digits.

>>> spoken_years("it came out in twenty nineteen, I think")
[(15, 30, 2019)]
"""

from __future__ import annotations

import re

from .. import regexcache
from .textscan import blank

__all__ = ["denied_quote_spans", "is_dictated", "retraction_spans", "spoken_years", "widened",
           "with_announcements_blanked", "with_fillers_blanked", "with_glossed_numbers_in_digits",
           "with_punctuation_in_marks", "with_retractions_blanked", "with_years_in_digits"]

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_TWO_DIGITS = (rf"(?:(?:{'|'.join(_TEENS)})|(?:{'|'.join(_TENS)})(?:[ -]{_UNIT})?|(?:oh|o)[ -]{_UNIT})")
# the engine skips in C to the letters a spoken year starts with
# (a line of verse may break between the century and the rest: "Released in twenty⏎seventeen")
_SPOKEN_YEAR = regexcache.compile(rf"\b(?:(?P<century>nineteen|twenty)(?:[ -]|[ \t]*\n[ \t]*)(?P<rest>{_TWO_DIGITS})"
                                  rf"|two[ -]thousand(?:[ -]and)?(?:[ -](?P<after>{_TWO_DIGITS}|{_UNIT}))?)\b",
                                  re.IGNORECASE, skip_to_start=True)


def _two_digits(words: str) -> int:
    parts = re.split(r"[ -]", words.lower())
    if parts[0] in ("oh", "o"):
        return _UNITS[parts[1]]
    if parts[0] in _TEENS:
        return _TEENS[parts[0]]
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else 0)
    return _UNITS[parts[0]]


def spoken_years(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, year)`` of each year from 1950 to 2049 said in words."""
    lower = text.lower()
    if "twenty" not in lower and "thousand" not in lower and "nineteen" not in lower:
        return []
    found = []
    for match in _SPOKEN_YEAR.finditer(text):
        if match.group("century"):
            year = (19 if match.group("century").lower() == "nineteen" else 20) * 100 + _two_digits(match["rest"])
        else:
            year = 2000 + (_two_digits(match["after"]) if match.group("after") else 0)
        if 1950 <= year <= 2049:
            found.append((match.start(), match.end(), year))
    return found


def with_years_in_digits(view: str, years: list[tuple[int, int, int]]) -> str:
    """``view`` with each spoken year written as its four digits and spaces, character for character."""
    if not years:
        return view
    pieces, last = [], 0
    for start, end, year in years:
        pieces += [view[last:start], str(year).ljust(end - start)]
        last = end
    pieces.append(view[last:])
    return "".join(pieces)


def widened(start: int, end: int, years: list[tuple[int, int, int]]) -> tuple[int, int]:
    """``(start, end)`` grown to cover every spoken year it cuts ("came out in twen" → "... twenty nineteen")."""
    for year_start, year_end, _ in years:
        if year_start < end < year_end:
            end = year_end
        if year_start < start < year_end:
            start = year_start
    return start, end


# a dictation says where its sentences and paragraphs end; one "full stop" in prose is a phrase
_DICTATION_SIGN = regexcache.compile(r"\b(?:full\s+stop|new\s+paragraph|new\s+line)\b", re.IGNORECASE,
                                     skip_to_start=True)
_SPOKEN_MARK = re.compile(r"(?<![\w-])(?:full\s+stop|period|new\s+paragraph|new\s+line|comma|colon|semicolon|"
                          r"question\s+mark|exclamation\s+(?:mark|point))(?![\w-])", re.IGNORECASE)
_MARKS = {"comma": ",", "colon": ":", "semicolon": ";", "question": "?", "exclamation": "!"}


# a telegram's "STOP" in capitals ends its sentence ("ARRIVED SAFELY STOP SAW THE FILM STOP")
_TELEGRAM_STOP = re.compile(r"(?<![\w-])STOP(?![\w-])")


def is_dictated(text: str) -> bool:
    """Whether ``text`` is voice-typed: it says "full stop" or "new paragraph" at least twice."""
    first = _DICTATION_SIGN.search(text)
    return first is not None and _DICTATION_SIGN.search(text, first.end()) is not None


def is_telegram(text: str) -> bool:
    """Whether ``text`` is a telegram's: "STOP" in capitals ends at least two of its sentences."""
    first = _TELEGRAM_STOP.search(text) if "STOP" in text else None
    return first is not None and _TELEGRAM_STOP.search(text, first.end()) is not None


def with_punctuation_in_marks(view: str) -> str:
    """``view`` with each spoken mark of a dictation, or each "STOP" of a telegram, written as the mark, after
    spaces, character for character."""
    if is_telegram(view):
        return _TELEGRAM_STOP.sub("   .", view)
    if not is_dictated(view):
        return view
    pieces, last = [], 0
    for match in _SPOKEN_MARK.finditer(view):
        mark = _MARKS.get(match.group().split()[0].lower(), ".")
        pieces += [view[last:match.start()], mark.rjust(match.end() - match.start())]
        last = match.end()
    pieces.append(view[last:])
    return "".join(pieces)


# A speaker's fillers set off in the sentence ("played by, uh, Ian McShane", "plays, um, Winston") and a hesitation
# after a word no sentence ends with ("she plays... Eve", "directed by… Len Wiseman"): the sentence goes on
_FILLER = regexcache.compile(r"(?:,[ \t]*)?\b(?:uh+|um+|erm?|ah+|hmm+|uhm)\b(?:[ \t]*(?:,|\.{3}|\u2026))?(?=[ \t])",
                             re.IGNORECASE, skip_to_start=True)
# a transcriber's note on the page the words stand on, none of them the writer's: "[underlined twice]", "[illegible]",
# "[smudged]" (not one that keeps the writer's word: "[crossed out: Kassian]")
_TRANSCRIBERS_NOTE = re.compile(r"\[(?:(?:underlined|circled|double-underlined|starred)"
                                r"(?:[ \t]+(?:twice|three[ \t]+times|again|in[ \t]+[a-z]+))?"
                                r"|(?:(?:word|words|line)[ \t]+)?illegible|smudged?|ink[ \t]+blot|torn|stain(?:ed)?"
                                r"|unclear|inaudible)\]", re.IGNORECASE)
_DOTS = re.compile(r"(?:\.{3}|\u2026)(?=[ \t]+\w)")
_OPEN_WORD_BEFORE = re.compile(r"\b(?:by|as|is|are|was|the|plays|played|playing|stars|starring|named|called|"
                               r"director|directed|written|wrote)\Z", re.IGNORECASE)


def with_fillers_blanked(view: str) -> str:
    """``view`` with a speaker's fillers and hesitations inside a sentence, and a transcriber's notes on the page,
    replaced by spaces."""
    notes = [note.span() for note in _TRANSCRIBERS_NOTE.finditer(view)] if "[" in view else []
    if "..." not in view and "\u2026" not in view and not _FILLER.search(view):
        return blank(view, notes) if notes else view
    return blank(view, notes + [m.span() for m in _FILLER.finditer(view)] + [
        dots.span() for dots in _DOTS.finditer(view)
        if _OPEN_WORD_BEFORE.search(view, max(0, dots.start() - 12), dots.start())])


# A screen reader's announcements of a page's parts, as a blind reviewer pastes what it reads ("heading level 2,
# Cast", "row 2, link, Keanu Reeves, John Wick", "bullet link Halle Berry as Sofia", "button, Rate 4 stars, not
# pressed", "table with 2 columns and 6 rows", "out of table"): the part's kind, its count and its state are layout
_ANNOUNCEMENT = regexcache.compile(
    r"(?<![\w-])(?:heading(?:[ \t]+level[ \t]+\d)?|(?:visited[ \t]+)?link|button|bullet|graphic|clickable"
    r"|row[ \t]+\d{1,3}|column[ \t]+\d{1,2}|list(?:[ \t]+of)?[ \t]+\d{1,3}[ \t]+items?|list[ \t]+end"
    r"|end[ \t]+of[ \t]+list"
    r"|table(?:[ \t]+with)?[ \t]+\d{1,2}[ \t]+columns?(?:[ \t]+and[ \t]+\d{1,3}[ \t]+rows?)?|table[ \t]+end"
    r"|out[ \t]+of[ \t]+(?:table|list)|not[ \t]+pressed|pressed)(?![\w-])[ \t]*,?",
    re.IGNORECASE, skip_to_start=True)
_READ_ALOUD = 4  # announcements opening lines or closing them, a screen reader's way


def with_announcements_blanked(view: str) -> str:
    """``view`` with a screen reader's announcements blanked, when lines open or close with several of them."""
    lower = view.lower()
    if "link" not in lower and "heading" not in lower:
        return view
    found = list(_ANNOUNCEMENT.finditer(view))
    at_edges = sum(1 for m in found if view[max(0, m.start() - 1):m.start()] in ("", "\n")
                   or view[m.end():m.end() + 1] in ("", "\n"))
    return blank(view, [m.span() for m in found]) if at_edges >= _READ_ALOUD else view


# "no scratch that", ", or rather", "no wait": what stands before is taken back ("will scratch that itch" is not)
# (markers in a row are one: "sorry, I mean Lena", "correction: I meant 2014"; a written correction says so:
# "(correction: in October 2014, ...)", "my mistake,")
_MARKER = (r"(?:(?:scratch|strike)\s+that|or\s+rather|no,?\s+wait|wait,?\s+no|sorry|i\s+mean|i\s+meant|"
           r"you\s+know\s+what|correction|my\s+mistake|my\s+bad|"
           # a verdict on the words just said, after a "no" or two: "Raoul Bo-- no, no, that's wrong, Riccardo"
           r"that['\u2019]?s\s+(?:wrong|not\s+right|not\s+it)|no(?=,?\s+(?:no\b|that['\u2019]?s\s))|"
           # a bare "no" that a name or a number restates ("Viktor \u2014 no, Viggo", "Ivan, or no, I think it's
           # Ivo", "2015... no, it was 2014", "the Arbiter? No. Adjudicator."); "no, really" and "no, he does not"
           # take nothing back
           # (not an absence: "Stahelski directing again, no Leitch this time", "no Halle Berry either")
           r"(?:or\s+)?no,?(?:\s+(?:i\s+think\s+)?it(?:['\u2019]s|\s+was|\s+is))?"
           r"(?=,?\s+(?-i:[A-Z]|\d)|\.\s+(?-i:[A-Z]))"
           r"(?!,?\s+(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){0,2}\s+(?:this\s+(?:time|round|go)|here|"
           r"either|anymore|any\s+more|in\s+(?:this|it|sight)|at\s+all)\b))")
# the markers that may open a sentence of their own ("Chiron. Scratch that, Charon."): a "Sorry," there is an apology
_STRONG_MARKER = re.compile(r"(?:scratch|strike)\s+that|correction", re.IGNORECASE)
_RETRACTION = regexcache.compile(rf"\b{_MARKER}(?:[\s,:\u2014\u2013-]+{_MARKER})*\b[\s,:.!\u2014\u2013-]*",
                                 re.IGNORECASE, skip_to_start=True)
# ... after "no" (maybe after a comma: "played by mark da cass cos, no scratch that, the elder is ..."), or a
# comma, a dash or an opening bracket: "2024 no scratch that 2025", "Cassian, no wait, Zero",
# "2015 (correction: 2014)" (a dash is a hyphen in the folded view: "2016 — no wait" is read as "2016 - no wait")
_RETRACTION_OPENS = re.compile(r"(?:(?:[ \t]*[,\u2014\u2013][ \t]*)?\bno\b[\s,]*|[ \t]*[,(\u2014\u2013][ \t]*"
                               r"|[ \t]+-{1,2}[ \t]*|-{1,2}[ \t]+|(?P<stop>(?:\.{3}|\u2026|[?.])[ \t]+))\Z",
                               re.IGNORECASE)
# (a question's mark or a trailing-off opens any correction: "Santo? No, Santino"; a full stop a strong one only)
# a correction that restates the end of the clause from a preposition: "released in October 2015 (correction: in
# October 2014": the words from that preposition's last use before the marker are taken back
# (or from the word that opens the phrase said again, a preposition or a determiner: "in 2015 no wait in 2014", "his
# wife no scratch that his sister Gianna", the last of that word before the marker)
_RESTATING = frozenset({"in", "on", "at", "by", "as", "from", "his", "her", "their", "the", "a", "an"})


def _restated(view: str, start: int, again: str) -> re.Match[str] | None:
    """The phrase before ``start`` that the correction says again from its first word ``again``."""
    if again.lower() not in _RESTATING:
        return None
    word = re.escape(again)
    return re.compile(rf"\b(?P<first>{word})\b(?:(?!\b{word}\b)[^,.;:!?\n()]){{1,40}}\Z", re.IGNORECASE).search(
        view, max(0, start - 41), start)
# what a correction says again: a number, a capitalised name, or the clause restated from its first word
_NUMBER_BEFORE = re.compile(r"\d[\d.,/]*\s*\Z")
_NAME_BEFORE = re.compile(r"(?:\bthe\s+)?(?-i:[A-Z][\w'\u2019-]*)(?:\s+(?-i:[A-Z][\w'\u2019-]*)){0,3}[\s,]*\Z")
# a pronoun and its copula that restate the subject before a corrected name: "he's Abram", "she is Lena"
_PRONOUN_IS = re.compile(r"(?:he|she|they|it)(?:['\u2019]s|['\u2019]re|\s+is|\s+was|\s+are)\s+", re.IGNORECASE)
_SAYS_NO = re.compile(r"\bno\b", re.IGNORECASE)
_NAME_AFTER = re.compile(r"(?:the\s+)?(?-i:[A-Z])")  # a name said again, maybe a role's with its article
_CLAUSE_BEFORE = re.compile(r"(?:^|(?<=[,.;:!?(]))\s*(?P<first>\w+)[^,.;:!?\n(]{1,60}\Z", re.MULTILINE)
_WORD = re.compile(r"\w+")


def with_retractions_blanked(view: str) -> str:
    """``view`` with each self-correction's marker and the words it takes back, and each message a reply quotes and
    denies, replaced by spaces."""
    return blank(view, retraction_spans(view) + denied_quote_spans(view))


# A reply that quotes a message and denies it on the next line ("> Tom: leguizamo as avi⏎nope lol. leguizamo is
# aurelio"): the quoted words, in the quote and where they were first said, are taken back by the thread
_DENIED_QUOTE = re.compile(r"^[^\n>]{0,60}>[ \t]*(?:@?[\w.-]{1,25}[ \t]*:[ \t]*)?(?P<quoted>[^\n]{8,300}?)[ \t]*\n"
                           r"[ \t]*(?:no+|nope|nah|wrong|incorrect|not\s+quite)\b", re.IGNORECASE | re.MULTILINE)


def denied_quote_spans(view: str) -> list[tuple[int, int]]:
    """The words of each message that a later reply quotes and denies, in the quote and where first said."""
    if ">" not in view:
        return []
    spans: list[tuple[int, int]] = []
    for reply in _DENIED_QUOTE.finditer(view):
        spans.append(reply.span("quoted"))
        first = view.rfind(reply.group("quoted"), 0, reply.start())
        if first >= 0:
            spans.append((first, first + len(reply.group("quoted"))))
    return spans


# a name, then an editor's bracket that gives the right one: "Avi [sic \u2192 Kirill]", "Sonia [sic, SOFIA]",
# "Nogi [read: Lena]", "Rooney [should be Eve]": the name and the opening go, the right name stays
_NAME_PUT_RIGHT = re.compile(r"(?-i:[A-Z])[\w'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w'\u2019-]*)?[ \t]*\[[ \t]*"
                             r"(?:sic[ \t]*(?:[,:;]|\u2192|->|=>)|\u2192|->|=>|read[ \t]*:?"
                             r"|should[ \t]+(?:be|read)[ \t]*:?)[ \t]*(?=(?-i:[A-Z]))", re.IGNORECASE)


def retraction_spans(view: str) -> list[tuple[int, int]]:
    """Each self-correction's marker with the words it takes back: a number or a name said again takes back the
    number or name before it, a clause said again from its first word the clause; after "no", the clause said; a
    number an arrow replaces, as a change log writes a fix ("release year: 2016 \u2192 2017"); a name an editor's
    bracket puts right ("Avi [sic \u2192 Kirill]")."""
    spans: list[tuple[int, int]] = [arrow.span() for arrow in _REPLACED_NUMBER.finditer(view)] \
        if "\u2192" in view or "->" in view or "=>" in view else []
    if "[" in view:  # an editor's bracket that puts a name right: "Dean Winters as Avi [sic \u2192 Kirill]"
        spans += [fixed.span() for fixed in _NAME_PUT_RIGHT.finditer(view)]
    for marker in _RETRACTION.finditer(view):
        opening = _RETRACTION_OPENS.search(view, max(0, marker.start() - 8), marker.start())
        if opening is None and _BARE_MARKER.match(view, marker.start()) \
                and view[marker.start() - 1:marker.start()] == " ":
            opening = _NO_OPENING.match(view, marker.start())  # speech typed without commas: "in 2015 no wait 2014"
        start, again = (opening.start() if opening else -1), _WORD.match(view, marker.end())
        if opening is None or again is None:
            continue
        if (opening.group("stop") or "").rstrip() == "." and not _STRONG_MARKER.match(marker.group()):
            continue  # "Ian McShane is Winston. Sorry, Lance Reddick fans, ...": an apology, no correction
        pronoun = _PRONOUN_IS.match(view, marker.end())
        if pronoun is not None and _NAME_AFTER.match(view, pronoun.end()) \
                and (name := _NAME_BEFORE.search(view, max(0, start - 40), start)) is not None:
            # "coming on as Viggo, no, sorry, scratch that, he's Abram": the name and the pronoun that restates it
            spans.append((name.start(), pronoun.end()))
            continue
        clause = _CLAUSE_BEFORE.search(view, max(0, start - 61), start)
        restated = _restated(view, start, again.group())
        taken_back = _NUMBER_BEFORE.search(view, max(0, start - 12), start) if again.group().isdigit() else \
            clause if clause and clause.group("first").lower() == again.group().lower() else \
            restated if restated else \
            _NAME_BEFORE.search(view, max(0, start - 40), start) if _NAME_AFTER.match(view, marker.end()) else None
        said_no = opening.group().lstrip(" ,").lower().startswith("no") or _SAYS_NO.search(marker.group()) is not None
        if taken_back is None and clause is not None and said_no:
            taken_back = clause  # "no" and a marker take back the clause said, whatever comes next: "directed by
            # david leitch no no sorry leitch was on the first one", "eight out of ten no you know what it's a nine"
        if taken_back is not None:
            # a marker that ends its sentence keeps the full stop: what follows is a sentence of its own, not the value
            # said again ("Directed by David Lei- no, wait, scratch that. Leitch was a producer.")
            # (a bare "No." before the name said again is the marker's own: "the Arbiter? No. Adjudicator.")
            stop = None if marker.group().rstrip().lower() == "no." else _SENTENCE_STOP.search(marker.group())
            spans.append((taken_back.start("first") if taken_back in (clause, restated) else taken_back.start(),
                          marker.start() + stop.start() if stop else marker.end()))
    return spans


_SENTENCE_STOP = re.compile(r"[.!?]")
# a number and the arrow to the number that replaces it, both taken back: "2016 \u2192 2017", "7/10 -> 8/10"
_REPLACED_NUMBER = re.compile(r"(?<![\w.])\d{1,4}(?:[./]\d{1,3})?[ \t]*(?:\u2192|->|=>|\u21d2)[ \t]*(?=\d)")
# the markers that take back what stands right before them with no comma or dash between (an opening of their own)
_BARE_MARKER = re.compile(r"no,?\s+wait|wait,?\s+no|(?:scratch|strike)\s+that\s+(?=\d)", re.IGNORECASE)
_NO_OPENING = re.compile(r"(?P<stop>)")  # (an empty opening, where the marker starts)


# a number in words and its digits in brackets: "four and one-half (4.5)", "five (5)", "seventy-two (72)"; the gloss
# is found first (it is rare), then the words before it
_NUMBER_WORD = (rf"(?:{'|'.join([*_UNITS, *_TEENS, *_TENS])}|zero|hundred|half|quarters?)")
_GLOSS = re.compile(r"[ \t]*\([ \t]*(?P<digits>\d{1,3}(?:[.,]\d{1,2})?)[ \t]*\)")
_NUMBER_IN_WORDS_BEFORE = re.compile(rf"(?<![\w-])(?:{_NUMBER_WORD}(?:[ \t-]+(?:and[ \t]+|a[ \t]+)?))*{_NUMBER_WORD}\Z",
                                     re.IGNORECASE)
_WORDS_REACH = 60


def with_glossed_numbers_in_digits(text: str) -> str:
    """``text`` with each number written out and glossed in digits read as the digits, character for character."""
    pieces, last = [], 0
    for gloss in _GLOSS.finditer(text):
        words = _NUMBER_IN_WORDS_BEFORE.search(text, max(last, gloss.start() - _WORDS_REACH), gloss.start())
        if words is not None:
            pieces += [text[last:words.start()], gloss["digits"].ljust(gloss.end() - words.start())]
            last = gloss.end()
    return "".join(pieces) + text[last:] if pieces else text
