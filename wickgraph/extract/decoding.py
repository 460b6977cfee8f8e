"""The text as it is meant to be read, before anything reads it, with the map back to the text's own offsets.

Some characters are written as other characters:

* a format's escapes: a saved web page writes "Viggo&rsquo;s brother" and "Santino D&#8217;Antonio"; LaTeX source
  writes ``Sa\\"{\\i}d Taghmaoui``, ``Skarsg{\\aa}rd`` and ``A$-$``; a SQL dump doubles a string's quote (``Ian
  McShane''s Winston``) and writes its line breaks as ``\\n``; JSON writes a string's line breaks, quotation marks and
  characters outside ASCII as escapes (``"Skarsg\\u00e5rd"``);
* an iCalendar or a vCard file's folded lines and text escapes: a long content line goes on after a line break and one
  space, anywhere, even inside a word ("Adrianne Pali⏎ cki"), and a text value writes its commas and line breaks as
  ``\\,`` and ``\\n``;
* a hashtag's words, written joined in CamelCase ("#ChadStahelski", "#JohnWickChapter3"), read apart ("#Chad
  Stahelski", "#John Wick Chapter 3"; a name's "Mc" and "Mac" stay joined: "#IanMcShane");
* a word a chat's message mistyped, put right by the sender's next message after an asterisk ("keanu reefs" then
  "*reeves", :mod:`.asterisks`);
* a word a line end splits with a hyphen ("Viggo Tar-⏎asov", "Gian-⏎na's"), read whole;
* a digit for the letter it resembles, between letters: a scanner's ("A1fie Allen", "0ctober") or a gamer's
  leetspeak ("K3anu R33ves", "St4helski", "Nyqv1st");
* a ransom note's letters, cut from different sources, each word in a case of its own ("wIlLeM DAFOE AS mArCuS"):
  where words change case inside so often that capitals mean nothing, every word is read in lower case, as a review
  typed in lower case is.

Blanked, as the layout view blanks markup, an escape inside a word breaks the word ("Viggo       s"), and padded, a
mended word leaves its tail's offsets behind. :func:`decoded` gives the text with each written as what it stands for,
and :meth:`Decoded.span` maps a span of it back to the text's own offsets, so a claim's evidence stays exactly the
given text's slice.

>>> escaped = decoded("Viggo&rsquo;s brother")
>>> escaped.text
'Viggo’s brother'
>>> escaped.span(0, 7)
(0, 13)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html.entities import html5

from .asterisks import asterisk_fixes
from .layout_words import CALENDAR_FILE
from .markup import LATEX_HINT

__all__ = ["Decoded", "decoded"]

# a character reference: named ("&rsquo;", "&auml;") or numbered ("&#8217;", "&#x2019;")
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});")

# LaTeX source (as markup.LATEX_HINT tells it), and its accents: '\"{\i}', '\"a', "\'{e}", "{\aa}", "\ss"; a tie
# ("Ms.~Perkins"), a grade's minus or plus in math ("A$-$") and a half ("$3\frac{1}{2}$") (an escaped "\%" stays: a
# bare "%" opens a LaTeX comment)
_LATEX_ACCENT = re.compile(r"(?P<open>\{)?\\(?P<accent>[\"'`^~=.])[ \t]?(?:\{\\?(?P<braced>[A-Za-z])\}|\\?(?P<bare>"
                           r"[A-Za-z]))(?(open)\})")
_LATEX_LETTER = re.compile(r"(?P<open>\{)?\\(?P<letter>aa|AA|ss|ae|AE|oe|OE|o|O)(?![A-Za-z])(?:\{\})?(?(open)\})")
_LATEX_SYMBOL = re.compile(r"(?<=\S)~(?=\S)|\$(?P<sign>[-+])\$|\$(?P<whole>\d*)\\frac\{1\}\{2\}\$")
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307"}
_LETTERS = {"aa": "å", "AA": "Å", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø"}

# a SQL dump: a string's doubled quote inside a word ("D''Antonio") and its backslash escapes ("\n", "\'")
_SQL = re.compile(r"\bINSERT\s+INTO\b", re.IGNORECASE)
_SQL_ESCAPE = re.compile(r"(?<=\w)''(?=\w)|\\[nrt'\"\\]")
_SQL_ESCAPES = {"\\n": "\n", "\\r": "", "\\t": "\t", "\\'": "'", '\\"': '"', "\\\\": "\\"}

# JSON (and the string literals of code, which escape alike): a string value under a quoted key, and the escapes
# inside strings: a line break ("\n", "\r\n"), a quotation mark, a backslash, a slash, a character by its code
# ("Skarsg\u00e5rd"), an astral one as two ("\ud83c\udfac")
_JSON_HINT = re.compile(r"\"[\w -]{1,40}\"[ \t]*:[ \t]*\"")
_JSON_ESCAPE = re.compile(r"\\(?:u(?P<high>[dD][89abAB][\da-fA-F]{2})\\u(?P<low>[dD][c-fC-F][\da-fA-F]{2})"
                          r"|u(?P<code>[\da-fA-F]{4})|(?P<letter>[\"\\/bfnrt]))")
_JSON_LETTERS = {'"': '"', "\\": "\\", "/": "/", "b": "", "f": "", "n": "\n", "r": "", "t": "\t"}

# an iCalendar or vCard file's content line longer than 75 bytes is folded: a line break and one space or tab go on
# with it, even inside a word; a text value escapes its commas, semicolons, backslashes and line breaks
_FOLD = re.compile(r"\r?\n[ \t]")
_TEXT_ESCAPE = re.compile(r"\\[,;\\nN]")

# a hashtag of two words or more joined in CamelCase, a number among them ("#AnjelicaHuston", "#JohnWickChapter3",
# "#TheDirector"); each word after the first opens where a capital or a number follows a lower-case letter (not after
# a surname's "Mc" or "Mac": "#IanMcShane")
_CAMEL_HASHTAG = re.compile(r"(?<![\w#@&/])#(?:[A-Z][a-z]+)(?:[A-Z][a-z]*|\d+)+\b")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?<!Mc)(?<!Mac)(?:[A-Z]|\d)")

# a word's head, a hyphen ending the line, and the word's tail in lower case opening the next line
_SPLIT_WORD = re.compile(r"(?<=[A-Za-z]{2})-\n[ \t]*(?=[a-z])")
# a digit for the letter it looks like, between letters: a scanner's 1 for an l and 0 for an o ("A1fie", "Di1lon"),
# a gamer's leetspeak ("K3anu R33ves", "St4helski", "Scamarc1o"), and a scanner's 0 for a word's capital O
# ("0ctober"); not a code, an ordinal or a name with its number ("JW1", "1st", "4K")
# (each alternative opens on the digit, so the engine skips ahead to the digits)
_LOOKALIKE_DIGITS = re.compile(r"[013457](?<=[A-Za-z][013457])[013457]*(?=[A-Za-z])|0(?<!\w0)(?=[a-z]{2,})")
_LOOKALIKE = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t"}

# a lower-case letter before a capital inside a word ("wIlLeM", "mArCuS"; once in "McShane", "DeWitt"); a text
# with this many of them per word is in a case of its own per word
_CASE_FLIP = re.compile(r"[a-z][A-Z]")
_RANSOM_FLIPS = 0.15
_MIN_RANSOM_FLIPS = 10
# a word with its possessive ("vIgGo'S"); a letter alone keeps its case: a grade, "B+", or an initial
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}(?:['\u2019][^\W\d_]+)?")

# a word of hexadecimal digits, digits and letters mixed: a commit's hash, a colour, an id
_HEX_WORD = re.compile(r"(?=[a-fA-F]*\d)(?=\d*[a-fA-F])[\da-fA-F]{6,}")


def _word_at(text: str, at: int, reach: int = 80) -> str:
    """The word of letters and digits around ``at``, at most ``reach`` characters each way (a blob of them stays
    linear)."""
    start, end = at, at
    while start > max(0, at - reach) and text[start - 1].isalnum():
        start -= 1
    while end < min(len(text), at + reach) and text[end].isalnum():
        end += 1
    return text[start:end]


@dataclass(frozen=True)
class Decoded:
    """A text as it is meant to be read, and for each of its characters the span of the escape (or the character) it
    came from in the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of the decoded span ``start``–``end``."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


def decoded(text: str) -> Decoded | None:
    """``text`` with an iCalendar file's folded lines unfolded, a hashtag's words apart, its character references,
    LaTeX accents and symbols and iCalendar, SQL and JSON string escapes decoded, its words split by a line end's
    hyphen mended, a scanner's or a gamer's digits for letters read as the letters and a ransom note's words in lower
    case; None when it has none of them (most texts), so the caller reads ``text`` itself."""
    replacements = sorted(_replacements(text))
    if not replacements:
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for start, end, replacement in replacements:
        if start < position:
            continue  # (overlapping escapes: the first found is read)
        parts.append(text[position:start])
        starts.extend(range(position, start))
        ends.extend(range(position + 1, start + 1))
        parts.append(replacement)
        starts.extend([start] * len(replacement))
        ends.extend([end] * len(replacement))
        position = end
    parts.append(text[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return Decoded("".join(parts), tuple(starts), tuple(ends))


def _replacements(text: str) -> Iterator[tuple[int, int, str]]:
    if "&" in text:
        for reference in _CHARACTER_REFERENCE.finditer(text):
            character = _character(reference.group()[1:])
            if character:
                yield reference.start(), reference.end(), " " if character == "\xa0" else character
    if "\\" in text and LATEX_HINT.search(text):
        for accent in _LATEX_ACCENT.finditer(text):
            letter = "i" if (accent["braced"] or accent["bare"]) == "i" else accent["braced"] or accent["bare"]
            combined = unicodedata.normalize("NFC", letter + _ACCENTS[accent["accent"]])
            yield accent.start(), accent.end(), combined
        for letter in _LATEX_LETTER.finditer(text):
            yield letter.start(), letter.end(), _LETTERS[letter["letter"]]
        for symbol in _LATEX_SYMBOL.finditer(text):
            yield symbol.start(), symbol.end(), _latex_symbol(symbol)
    if "BEGIN:V" in text and CALENDAR_FILE.search(text):
        for fold in _FOLD.finditer(text):
            yield fold.start(), fold.end(), ""
        for escape in _TEXT_ESCAPE.finditer(text):
            yield escape.start(), escape.end(), "\n" if escape.group() in ("\\n", "\\N") else escape.group()[1]
    if "#" in text:
        for hashtag in _CAMEL_HASHTAG.finditer(text):
            for boundary in _CAMEL_BOUNDARY.finditer(text, hashtag.start() + 1, hashtag.end()):
                yield boundary.start(), boundary.end(), " " + boundary.group()
    yield from asterisk_fixes(text)
    if "-\n" in text:
        for split in _SPLIT_WORD.finditer(text):
            yield split.start(), split.end(), ""
    for digits in _LOOKALIKE_DIGITS.finditer(text):
        disguised = _word_at(text, digits.start())
        letters = sum(char.isalpha() for char in disguised)
        if _HEX_WORD.fullmatch(disguised) or letters < 3 or letters <= len(disguised) - letters:
            continue  # a hash or a code ("e5816d39...c1be...", "u00e5"), not a word disguised
        yield digits.start(), digits.end(), _letters_for(text, digits)
    if "\\" in text and _JSON_HINT.search(text):
        for escape in _JSON_ESCAPE.finditer(text):
            yield escape.start(), escape.end(), _json_character(escape)
    if ("INSERT" in text or "insert" in text) and _SQL.search(text):
        for escape in _SQL_ESCAPE.finditer(text):
            yield escape.start(), escape.end(), _SQL_ESCAPES.get(escape.group(), "'")
    if _in_ransom_case(text):
        for word in _WORD.finditer(text):
            if not word.group().islower():
                yield word.start(), word.end(), word.group().lower()


def _letters_for(text: str, digits: re.Match[str]) -> str:
    """The letters a run of look-alike digits stands for, in the case of the letters around it: a 1 is an l after a
    vowel ("A1fie", "Di1lon") and an i after a consonant ("Nyqv1st", "W1ck")."""
    before = text[digits.start() - 1] if digits.start() else ""
    after = text[digits.end()]
    letters = "".join(("l" if before.lower() in "aeiou" else "i") if digit == "1" else _LOOKALIKE[digit]
                      for digit in digits.group())
    if not before.isalpha():
        return letters.upper() if after.isupper() else letters.capitalize()  # a word's capital ("0ctober")
    return letters.upper() if after.isupper() and before.isupper() else letters


def _in_ransom_case(text: str) -> bool:
    """Whether the words of ``text`` change case inside so often that its capitals mean nothing."""
    flips = len(_CASE_FLIP.findall(text))
    return flips >= _MIN_RANSOM_FLIPS and flips >= _RANSOM_FLIPS * len(text.split())


def _character(reference: str) -> str | None:
    """The character a reference ("rsquo;", "#8217;", "#x2019;") stands for; None for a name HTML does not define
    (not "&not" of "&notareference;", as a browser's lenient reading would)."""
    if not reference.startswith("#"):
        return html5.get(reference)
    code = int(reference[2:-1], 16) if reference[1] in "xX" else int(reference[1:-1])
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else None


def _json_character(escape: re.Match[str]) -> str:
    if escape["letter"]:
        return _JSON_LETTERS[escape["letter"]]
    if escape["high"]:
        return chr(0x10000 + ((int(escape["high"], 16) - 0xD800) << 10) + int(escape["low"], 16) - 0xDC00)
    code = int(escape["code"], 16)
    return "" if 0xD800 <= code < 0xE000 else chr(code)  # (half of a pair alone stands for nothing)


def _latex_symbol(symbol: re.Match[str]) -> str:
    if symbol.group() == "~":
        return " "
    if symbol["sign"]:
        return symbol["sign"]
    return symbol["whole"] + "½"
