"""Length-preserving folding of a text for matching: ASCII quotes and dashes, unaccented letters, plain letters for
typographic ones. Every offset in the folded copy is the original's."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

# Length-preserving folding: curly quotes, guillemets, title brackets and dashes to ASCII, accented letters to their
# base.
_FOLD_TABLE: dict[int, str] = {0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-",
                               0x2212: "-", 0x00A0: " ", 0x2010: "-", 0x2011: "-", 0x00B4: "'",
                               # guillemets and East Asian title brackets quote a title: «John Wick», 《John Wick》
                               0x00AB: '"', 0x00BB: '"', 0x2039: '"', 0x203A: '"', 0x300A: '"', 0x300B: '"',
                               0x300C: '"', 0x300D: '"', 0x300E: '"', 0x300F: '"', 0x3008: '"', 0x3009: '"'}
for _code in range(0xC0, 0x250):
    _base = unicodedata.normalize("NFKD", chr(_code))[:1]
    if _base.isascii() and _base.isalpha() and _base != chr(_code):
        _FOLD_TABLE[_code] = _base
# ... and a typographic letter to its plain one: small capitals ("Cʜᴀᴅ Sᴛᴀʜᴇʟꜱᴋɪ", read in lower case), fullwidth
# ("ＪＯＨＮ") and mathematical ("𝐊𝐞𝐚𝐧𝐮") letters and digits
for _block in (range(0x250, 0x2B0), range(0x1D00, 0x1D80), range(0xA720, 0xA800)):
    for _code in _block:
        _name = unicodedata.name(chr(_code), "")
        if _name.startswith("LATIN LETTER SMALL CAPITAL ") and len(_name) == len("LATIN LETTER SMALL CAPITAL X"):
            _FOLD_TABLE[_code] = _name[-1].lower()
for _block in (range(0xFF10, 0xFF5B), range(0x1D400, 0x1D800)):
    for _code in _block:
        _plain = unicodedata.normalize("NFKC", chr(_code))
        if len(_plain) == 1 and _plain.isascii() and _plain.isalnum():
            _FOLD_TABLE[_code] = _plain


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Same-length copy of ``text``: ASCII quotes and dashes, unaccented letters, plain letters for typographic ones."""
    if text.isascii():
        return text
    # substituting only the non-ASCII characters is several times faster than str.translate
    return _NON_ASCII.sub(lambda m: _FOLD_TABLE.get(ord(m.group()), m.group()), text)
