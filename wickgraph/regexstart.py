"""The characters a regex's match can start with, read from its parsed form.

Python's regex engine skips ahead in C to where a match can start only when the pattern begins with a
literal or a plain character class. Most extractor rules begin with a group (``(?P<actor>{P}|{N})``),
an optional word (``(?:the\\s+)?``) or a word boundary, so the engine runs its matcher at every
character. :func:`start_class` gives a character class holding every character a match can start
with, which :mod:`wickgraph.regexcache` puts where the engine looks for one (the program's info block).

Exact by construction: a match consumes at least one character (patterns that may match the empty
string get no class), and its first character is one of the class. Under ``IGNORECASE`` an ASCII
letter stands for both its cases and the four other characters that match one case-blind (dotted
and dotless i, long s, Kelvin sign); other cased characters, negated sets, "any character" and
backreferences at the start give no class.
"""

from __future__ import annotations

from typing import Any

__all__ = ["start_class"]

_MAX_RANGE = 2000  # a wider range says little about where matches start
_CASE_BLIND_EXTRAS = (0x130, 0x131, 0x17F, 0x212A)  # what a case-blind ASCII letter matches besides its cases


class _Unknown(Exception):
    """The pattern's first characters cannot be told (or are not worth telling)."""


def start_class(parsed: Any, sre: Any, iscased: Any) -> list[tuple[Any, Any]] | None:
    """Items of a character class (the parser's ``IN`` items: literals, ranges, categories) holding every first
    character of a match of ``parsed`` (``re._parser.parse``'s result; ``sre`` is ``re._constants``,
    ``iscased`` the engine's ``unicode_iscased``); None when there is none to tell."""
    flags = parsed.state.flags
    if flags & (sre.SRE_FLAG_ASCII | sre.SRE_FLAG_LOCALE):
        return None
    items: list[tuple[Any, Any]] = []
    try:
        if _first_of_sequence(parsed.data, bool(flags & sre.SRE_FLAG_IGNORECASE), items, sre, iscased):
            return None  # may match the empty string: it can start anywhere
    except _Unknown:
        return None
    return list(dict.fromkeys(items)) or None


def _first_of_sequence(data: list[tuple[Any, Any]], ignore_case: bool, items: list[tuple[Any, Any]], sre: Any,
                       iscased: Any) -> bool:
    """Adds the first characters of a sequence to ``items``; returns whether it can match empty."""
    return all(_first_of_item(op, av, ignore_case, items, sre, iscased) for op, av in data)


def _first_of_item(op: Any, av: Any, ignore_case: bool, items: list[tuple[Any, Any]], sre: Any,
                   iscased: Any) -> bool:
    """Adds the item's first characters to ``items``; returns whether the item can match empty."""
    if op is sre.LITERAL:
        _add_literal(av, ignore_case, items, sre, iscased)
        return False
    if op is sre.IN:
        for item_op, item_av in av:
            if item_op is sre.LITERAL:
                _add_literal(item_av, ignore_case, items, sre, iscased)
            elif item_op is sre.RANGE:
                low, high = item_av
                if high - low > _MAX_RANGE:
                    raise _Unknown
                items.append((sre.RANGE, (low, high)))
                if ignore_case:
                    for code in range(low, high + 1):
                        if iscased(code):
                            _add_literal(code, True, items, sre, iscased)
            elif item_op is sre.CATEGORY:
                items.append((sre.CATEGORY, item_av))  # categories do not depend on case
            else:  # a negated set: nearly everything
                raise _Unknown
        return False
    if op is sre.BRANCH:
        # every branch adds its first characters (no short cut), and any of them may be the empty one
        nullable = [_first_of_sequence(branch.data, ignore_case, items, sre, iscased) for branch in av[1]]
        return any(nullable)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        if (add_flags | del_flags) & (sre.SRE_FLAG_ASCII | sre.SRE_FLAG_LOCALE | sre.SRE_FLAG_UNICODE):
            raise _Unknown
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            ignore_case = True
        if del_flags & sre.SRE_FLAG_IGNORECASE:
            ignore_case = False
        return _first_of_sequence(pattern.data, ignore_case, items, sre, iscased)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, pattern = av
        return _first_of_sequence(pattern.data, ignore_case, items, sre, iscased) or low == 0
    if op is sre.ATOMIC_GROUP:
        return _first_of_sequence(av.data, ignore_case, items, sre, iscased)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return True  # zero-width: the first character is the next item's
    raise _Unknown  # any character, a backreference, a conditional group


def _add_literal(code: int, ignore_case: bool, items: list[tuple[Any, Any]], sre: Any, iscased: Any) -> None:
    items.append((sre.LITERAL, code))
    if ignore_case and iscased(code):
        if not chr(code).isascii():
            raise _Unknown  # its case-blind partners are not worth working out here
        items += [(sre.LITERAL, ord(chr(code).swapcase())), *((sre.LITERAL, c) for c in _CASE_BLIND_EXTRAS)]
