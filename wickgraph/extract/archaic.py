"""Archaic and formal forms read as plain English and digits, character for character.

A review written as a chronicle or a mock-epic says "Keanu Reeves playeth John Wick", "Donnie Yen doth play
Caine", "in the year of our Lord MMXIV" and "I give it IV of V". Read as they stand, "playeth" is no verb of
casting and "MMXIV" no year. This module rewrites those forms in place, each within its own span and padded
with spaces ("playeth" is read as "  plays", "MMXIV" as "2014 ", "IV of V" as "4  of 5"), so every offset
carries over and the claims' evidence is the text's own words. A contract's doubled number ("four (4) stars
out of a possible five (5)") is read once: its bracketed digits are blanked. A dialect's dropped g ("Laurence
Fishburne returnin' as the Bowery King", "comin' back") is written back, its apostrophe the "g", and so is a
dialect's "of" cut to its o ("seven doubloons out o' ten"), its apostrophe the "f".
"""

from __future__ import annotations

import re

__all__ = ["with_modern_forms"]

_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_ROMAN = r"(?-i:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
# a year in Roman numerals: MCMXC to MMXCIX ("in the year of our Lord MMXIV")
_ROMAN_YEAR = re.compile(r"(?<![\w-])(?-i:M(?:CM|M)[CDLXVI]*)(?![\w-])")
# a score in Roman numerals: "IV of V", "VIII out of X", "III and one half of V", "a score of VII"
_SMALL = r"(?-i:X|IX|IV|V?I{1,3}|V)"
_ROMAN_SCORE = re.compile(rf"(?<![\w-])(?P<value>{_SMALL})(?P<half>\s+and\s+(?:one\s+|a\s+)?half)?"
                          rf"\s+(?P<out>out\s+)?of\s+(?P<top>V|X|C|IV)(?![\w-])", re.IGNORECASE)
_ROMAN_MARK = re.compile(rf"\b(?:score|mark|rating|grade|verdict)\s+(?:of\s+|is\s+|:\s*)(?P<value>{_SMALL})(?![\w-])",
                         re.IGNORECASE)
# the signs of archaic English: one of them, twice, makes the text archaic (one "hath" may be a quotation)
_ARCHAIC_SIGN = re.compile(r"[a-z]{3}eth\b|\b(?:hath|doth|thee|thou|thy|thine|thereof|verily)\b")  # (lower case)
# a Roman numeral that could be a score's: two letters or more, or V or X alone ("I" is the pronoun)
_SMALL_NUMERAL = re.compile(r"\b(?:[IVX]{2,4}|V|X)\b")
_DIGITS_IN_BRACKETS = re.compile(r"\(\d{1,2}\)")
# a third person's verb in -eth: "playeth", "directeth", "giveth" (not "teeth", "Kenneth", "twentieth")
_ETH_VERB = re.compile(r"\b(?P<stem>[A-Za-z]{3,}?)eth\b")
_NOT_VERBS = frozenset({"teeth", "kenneth", "gareth", "beneath", "nazareth", "elizabeth", "macbeth", "japheth",
                        "seth", "beth", "meth", "bequeath", "wreath", "sheath", "breath", "death"})
_AUXILIARIES = {"hath": "has", "doth": "does", "didst": "did", "hast": "have", "dost": "do"}
_AUXILIARY = re.compile(r"\b(?:hath|doth|didst|hast|dost)\b", re.IGNORECASE)
# the emphatic "did" before a verb of the claims, read as its past ("Keanu Reeves did play John Wick")
_PAST = {"play": "played", "portray": "portrayed", "direct": "directed", "write": "wrote", "pen": "penned",
         "helm": "helmed", "return": "returned", "star": "starred", "voice": "voiced", "appear": "appeared",
         "give": "gave", "award": "awarded", "rate": "rated", "reprise": "reprised", "embody": "embodied"}
_DID_VERB = re.compile(rf"\bdid\s+(?P<verb>{'|'.join(_PAST)})\b", re.IGNORECASE)
_CVC = re.compile(r"[^aeiou][aeiouy][^aeiouwxy]\Z", re.IGNORECASE)  # "giv", "writ", "mak": the modern verb ends in -e


# a participle with its g dropped, as dialect spells it: "returnin'", "playin'" (twice in a text, so that one quoted
# word in single quotes, "the word 'Berlin'", is left alone)
_DROPPED_G = re.compile(r"\b[a-z]{3,}in['\u2019](?!\w)")
# ... and "of" cut to its o: "the third chapter o' the Wick saga", "seven out o' ten" (twice in a text too)
_ELIDED_OF = re.compile(r"(?<![\w'\u2019])o['\u2019](?=[ \t]+\w)")
# each elision with what stands before its apostrophe (a cheap test first) and the letter the apostrophe stands for
_ELISIONS = (("in", _DROPPED_G, "g"), ("o", _ELIDED_OF, "f"))


# a number in words, then in digits in brackets, as contracts write it: "four (4)", "ten (10)"
_NUMBER_WORDS = {word: value for value, word in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])}
_DOUBLED_NUMBER = re.compile(r"\b(?P<word>zero|one|two|three|four|five|six|seven|eight|nine|ten)"
                             r"(?P<bracket>[ \t]*\((?P<digits>\d{1,2})\))", re.IGNORECASE)


def roman(numeral: str) -> int:
    """The value of a Roman numeral ("MMXIV" is 2014)."""
    values = [_ROMAN_VALUES[ch] for ch in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _put(chars: list[str], start: int, end: int, words: str, before: bool = False) -> None:
    """Write ``words`` over ``chars[start:end]``, padded with spaces after it (``before``: before it, so that the
    word keeps its one space to the next, as "directed it" must); ``words`` is never longer."""
    chars[start:end] = list(words.rjust(end - start) if before else words.ljust(end - start))


def with_modern_forms(text: str) -> str:
    """``text`` with Roman years and scores in digits, an emphatic "did" before a verb read as the verb's past,
    dropped g's and f's written back and, in an archaic text, its -eth verbs, "hath" and "doth" in modern English;
    the same length as ``text``."""
    chars: list[str] | None = None
    if "MM" in text or "MC" in text:
        for year in _ROMAN_YEAR.finditer(text):
            if re.fullmatch(_ROMAN, year.group()) and 1900 <= (number := roman(year.group())) <= 2099:
                chars = chars or list(text)
                _put(chars, *year.span(), str(number))
    numerals = _SMALL_NUMERAL.search(text) is not None  # (a cheap look first: most texts have none)
    for score in _ROMAN_SCORE.finditer(text) if numerals else ():
        if score["value"].isupper() and score["top"].isupper():
            value = roman(score["value"]) + (0.5 if score["half"] else 0)
            # the score rewritten over its own span, so the evidence is the whole score: "VIII of X" is read as
            # "8 of 10  ", "VIII out of X" as "8 out of 10  "
            joined = f"{value:g} {'out of' if score['out'] else 'of'} {roman(score['top'])}"
            if len(joined) <= score.end() - score.start():  # ("X of X" has no room for "10 of 10": left as it is)
                chars = chars or list(text)
                _put(chars, score.start(), score.end(), joined)
    for mark in _ROMAN_MARK.finditer(text) if numerals else ():
        if mark["value"].isupper() and mark["value"] != "X":  # (no room for "10" in "X")
            chars = chars or list(text)
            _put(chars, *mark.span("value"), str(roman(mark["value"])))
    lower = text.lower()
    first = _ARCHAIC_SIGN.search(lower)
    if first is not None and _ARCHAIC_SIGN.search(lower, first.end()) is not None:
        chars = chars or list(text)
        _modernise_verbs(text, chars)
    if " did " in text or "\ndid " in text or "Did " in text or "DID " in text:
        for did in _DID_VERB.finditer(text):  # the emphatic "did" is modern English too
            chars = chars or list(text)
            _put(chars, *did.span(), _cased(_PAST[did["verb"].lower()], did["verb"]), before=True)
    for before, elision, letter in _ELISIONS:  # the letter an apostrophe stands for, written back
        if before + "'" in text or before + "\u2019" in text:
            elided = list(elision.finditer(text))
            for word in elided if len(elided) >= 2 else ():
                chars = chars or list(text)
                _put(chars, word.end() - 1, word.end(), letter)
    if _DIGITS_IN_BRACKETS.search(text):
        for doubled in _DOUBLED_NUMBER.finditer(text):
            if _NUMBER_WORDS.get(doubled["word"].lower()) == int(doubled["digits"]):
                chars = chars or list(text)
                _put(chars, *doubled.span("bracket"), "")
    return text if chars is None else "".join(chars)


def _modernise_verbs(text: str, chars: list[str]) -> None:
    for verb in _ETH_VERB.finditer(text):
        stem = verb["stem"]
        if verb.group().lower() in _NOT_VERBS or stem.lower().endswith("i"):  # "twentieth" is an ordinal
            continue
        modern = stem + ("es" if _CVC.search(stem) or stem.lower().endswith(("s", "sh", "ch", "x", "z")) else "s")
        _put(chars, *verb.span(), _cased(modern, verb.group()), before=True)
    for auxiliary in _AUXILIARY.finditer(text):
        _put(chars, *auxiliary.span(), _cased(_AUXILIARIES[auxiliary.group().lower()], auxiliary.group()),
             before=True)


def _cased(word: str, like: str) -> str:
    """``word`` in the case of ``like`` (all capitals, capitalised, or lower case)."""
    if like.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
