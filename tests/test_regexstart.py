"""A pattern compiled with skip_to_start (its start class in the program's info block) finds exactly what
re.compile's pattern finds, and only patterns whose start can be told get a class."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wickgraph import regexcache
from wickgraph.extract.patterns import default_rules


def _start(source: str, flags: int = 0) -> list[str] | None:
    """The start class of ``source`` as sorted characters (categories by name), or None."""
    import _sre  # type: ignore[import-not-found]
    from re import _constants, _parser  # type: ignore[attr-defined]

    from wickgraph.regexstart import start_class

    items = start_class(_parser.parse(source, flags), _constants, _sre.unicode_iscased)
    if items is None:
        return None
    out: set[str] = set()
    for op, av in items:
        if op is _constants.LITERAL:
            out.add(chr(av))
        elif op is _constants.RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            out.add(str(av))
    return sorted(out)


def test_start_classes() -> None:
    assert _start(r"(?:the\s+)?(?P<c>\ue012\ue022*)\s+is") == sorted("t\ue012")
    assert _start(r"(?P<a>\ue011|(?-i:[A-C]))x", re.IGNORECASE) == sorted("ABC\ue011")
    # case-blind: both cases, and the characters that match an ASCII letter case-blind
    assert _start(r"\bk", re.IGNORECASE) == sorted("kK\u0130\u0131\u017f\u212a")
    assert _start(r"(?:a|\d)b") == sorted(["CATEGORY_DIGIT", "a"])
    for nothing in (r"x*", r"(?:a|)b?", r"[^a]b", r".b", r"(a)?\1c", "\u00e9", r"(?=a)?"):
        assert _start(nothing, re.IGNORECASE) is None, nothing


def test_only_patterns_without_a_start_get_one() -> None:
    assert regexcache._skipping(r"(?:ab|\dc)z", 0, _program(r"(?:ab|\dc)z")) is not None
    assert regexcache._skipping("(?:a|B)z", 0, _program("(?:a|B)z")) is None  # a class: the engine skips already
    assert regexcache._skipping("abc", 0, _program("abc")) is None  # a literal prefix: the engine skips already
    assert regexcache._skipping("x*y", 0, _program("x*y")) is not None  # starts with x or y
    assert regexcache._skipping("x*", 0, _program("x*")) is None  # may match the empty string anywhere


def _program(source: str) -> regexcache.Program:
    program = regexcache._program(source, 0, re.compile(source))
    assert program is not None
    return program


TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data" / "extract").glob("*.txt")))


@pytest.mark.parametrize("source", [r"(?:the\s+)?(?P<c>[A-Z]\w+)\s+is", r"(?P<n>\d+|one|two)\s*(?:/|out of)\s*\d+",
                                    r"\b(?:not|never)\b", r"(?i:k)eanu", "(?:a|b|\u212a)"])
def test_skipping_finds_what_re_finds(source: str) -> None:
    for flags in (0, re.IGNORECASE, re.IGNORECASE | re.MULTILINE):
        text = TEXT + " \u212aeanu KEANU \u0130 \u017f"
        plain = re.compile(source, flags)
        skipping = regexcache.compile(source, flags, skip_to_start=True)
        assert [(m.span(), m.groups()) for m in skipping.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_every_rule_finds_what_re_finds() -> None:
    """Every rule (claims, their lower-case variants, blocks and their twins) as the extractor compiles it."""
    rules = default_rules()
    count = 0
    for rule in (*rules.claims, *rules.blocks):
        for pattern, text in ((rule.regex, TEXT), (rule.fast, TEXT.lower()), (rule.twin, TEXT.lower())):
            if pattern is None:
                continue
            plain = re.compile(pattern.pattern, pattern.flags)
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], rule.id
            count += 1
    assert count > 150


def test_module_patterns_compiled_skipping_find_what_re_finds() -> None:
    from wickgraph.extract import credits, document, film, layout, relations

    text = TEXT + "\n**bold** _it_ \u00b7 a; b. c) d| e" + " Mr. Ana de Armas-Smith said: no!\n"
    for pattern in (document._SENTENCE_END, layout._EMPHASIS, credits._SEGMENT, relations._NAME_SHAPE,
                    film._ABSENCE_LOWER, layout._HEADER_HINT_LOWER):
        assert pattern is not None
        plain = re.compile(pattern.pattern, pattern.flags)
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found and found == [(m.span(), m.groups()) for m in plain.finditer(text)], pattern.pattern


def test_programs_are_stored_as_bytes_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache entry holds each program's code as bytes (quick to unpickle); a later process builds the same
    pattern from it, skipping or not."""
    from wickgraph import cache

    monkeypatch.setenv("WICKGRAPH_CACHE", str(tmp_path))
    monkeypatch.setattr(regexcache, "_programs", None)
    monkeypatch.setattr(regexcache, "_learned", True)  # no exit hook: saved by hand below
    source = r"(?:the\s+)?(?P<name>[A-Z]\w+)\s+(?:is|was)\b"
    first = regexcache.compile(source, re.MULTILINE, skip_to_start=True)
    plain = regexcache.compile(source, re.MULTILINE)
    regexcache._save()
    stored = cache.read("regex-programs", regexcache._engine_key())
    assert {type(program[1]) for program in stored.values()} == {bytes}
    monkeypatch.setattr(regexcache, "_programs", None)  # as a new process: read the entry
    again, plain_again = (regexcache.compile(source, re.MULTILINE, skip_to_start=True),
                          regexcache.compile(source, re.MULTILINE))
    assert plain_again == plain == re.compile(source, re.MULTILINE)
    text = "Then the Marquis is there; Keanu was back. the winston is"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] == \
        [m.span() for m in plain.finditer(text)] == [(5, 19), (27, 36)]  # "the Marquis is", "Keanu was"
