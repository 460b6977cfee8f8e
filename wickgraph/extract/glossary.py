"""A glossary's or a dictionary's entries: a headword, its pronunciation and its part of speech, then its sense.

"HELEN /ˈhɛlən/ n. Bridget Moynahan's role", "**Cassian** /ˈkæsiən/ *n.* (played by Common)", "WICK, JOHN prop. n.
Keanu Reeves": the headword is the entry's label, as "Helen:" is a list's; its pronunciation and part of speech
say how to say and use the word, nothing about the film. They are read as the label's colon, character for
character, so the entry reads as "HELEN:              Bridget Moynahan's role" and its player pairs with its
headword.
"""

from __future__ import annotations

import re

__all__ = ["with_entry_heads_as_labels"]

# a headword opening its line (a name in capitals or with its emphasis, maybe in catalogue order: "WICK, JOHN"),
# then its pronunciation between slashes, or its part of speech, or both ("n.", "prop. n.", "*n.*", "noun")
# (a pronunciation holds no digit, colon, bracket or star: "Score / Note : ★★★★½ (4.5 / 5)" is a bilingual label)
_SAID = r"/[^/\n\d:()\u2605\u2606]{1,40}/"
_ENTRY_HEAD = re.compile(r"^[ \t*_]*(?-i:[A-Z])[\w'\u2019.-]*(?:,?[ \t](?-i:[A-Z])[\w'\u2019.-]*){0,3}[*_]*"
                         rf"(?P<gloss>[ \t]+(?:{_SAID}[ \t]*)?[*_]*(?:prop(?:er)?\.?[ \t]*)?(?:n|v|adj|abbr)\."
                         rf"[*_]*|[ \t]+{_SAID}[ \t]*[*_]*(?:noun|n\.)?[*_]*)(?=[ \t])", re.MULTILINE)
_ENTRIES = 2  # a glossary has two entries or more


def with_entry_heads_as_labels(text: str) -> str:
    """``text`` with each glossary entry's pronunciation and part of speech read as its headword's colon."""
    if "." not in text and "/" not in text:
        return text
    heads = list(_ENTRY_HEAD.finditer(text))
    if len(heads) < _ENTRIES:
        return text
    pieces, position = [], 0
    for head in heads:
        start, end = head.span("gloss")
        pieces += [text[position:start], ":", " " * (end - start - 1)]
        position = end
    return "".join(pieces) + text[position:]
