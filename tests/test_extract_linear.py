"""Extraction stays linear on one long line, checked by counting characters, not by timing.

Every compiled regex of the extractor's modules (module-level patterns, the rules' and filters' patterns)
is wrapped in a counter that adds up how many characters each call is given to look at (its string, or
its ``pos``..``endpos`` window). A step that rescans the whole line for every candidate (as the scope
filters once did: 1 MB took more than 300 s) makes the count grow with the square of the text's length.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

SENTENCES = (
    "Keanu Reeves plays John Wick again, and Ian McShane is Winston once more, directed by Chad Stahelski. "
    "Written by Derek Kolstad, Shay Hatten and Michael Finch, it is not a film that Halle Berry is in. "
    "Lance Reddick's Charon steals a scene; if only Laurence Fishburne had played the Bowery King longer. "
    "Donnie Yen as Caine, Bill Skarsgard as the Marquis, Hiroyuki Sanada (Koji) and Rina Sawayama as Akira. "
    "People online keep saying Ana de Armas returns as Eve Macarro. I give it 4 out of 5 stars. "
    "The film came out in 2023 as part of the John Wick franchise. Rating: B+. "
)


# What an anchored match() is counted for at most: the extractor's anchored patterns are short, so they read
# a few dozen characters whatever window they are given.
_ANCHORED_READ = 200


def _end(string: str, pos: int = 0, endpos: int | None = None) -> int:
    return len(string) if endpos is None else min(endpos, len(string))


class CountingPattern:
    """A compiled pattern that adds the length of every string window it is asked to scan to ``seen``."""

    def __init__(self, pattern: re.Pattern[str], seen: list[int]) -> None:
        self._pattern = pattern
        self._seen = seen

    def _window(self, string: str, pos: int = 0, endpos: int | None = None) -> None:
        self._seen[0] += max(0, _end(string, pos, endpos) - pos)

    def search(self, string: str, *args: Any) -> re.Match[str] | None:
        self._window(string, *args)
        return self._pattern.search(string, *args)

    def match(self, string: str, *args: Any) -> re.Match[str] | None:
        found = self._pattern.match(string, *args)
        # anchored: it reads what it matches and a little more, not the rest of the text ("X is Y again")
        self._seen[0] += min(_ANCHORED_READ, _end(string, *args) - (args[0] if args else 0))
        return found

    def fullmatch(self, string: str, *args: Any) -> re.Match[str] | None:
        self._window(string, *args)
        return self._pattern.fullmatch(string, *args)

    def finditer(self, string: str, *args: Any) -> Iterator[re.Match[str]]:
        self._window(string, *args)
        return self._pattern.finditer(string, *args)

    def findall(self, string: str, *args: Any) -> list[Any]:
        self._window(string, *args)
        return self._pattern.findall(string, *args)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        self._window(string)
        return self._pattern.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        self._window(string)
        return self._pattern.split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:  # groupindex, pattern, flags ...
        return getattr(self._pattern, name)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Wrap every module-level compiled regex of wickgraph.extract.* and every rule pattern in a counter."""
    seen = [0]
    package = Path(importlib.import_module("wickgraph.extract").__path__[0])  # the package, not the function
    for info in pkgutil.iter_modules([str(package)]):
        module = importlib.import_module(f"wickgraph.extract.{info.name}")
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, CountingPattern(value, seen))
            elif name == "_PATTERNS" and isinstance(value, list):  # ratings: (kind, pattern, lower-case twin)
                monkeypatch.setattr(module, name, [(kind, CountingPattern(p, seen),
                                                    None if twin is None else CountingPattern(twin, seen))
                                                   for kind, p, twin in value])
    patterns = sys.modules["wickgraph.extract.patterns"]
    compiled = patterns._compiled
    monkeypatch.setattr(patterns, "_compiled", lambda source, flags: CountingPattern(compiled(source, flags), seen))
    rules = patterns.default_rules()
    fast_rules = tuple(replace(r, fast=CountingPattern(r.fast, seen)) if r.fast is not None else r
                       for r in rules.claims)
    monkeypatch.setattr(sys.modules["wickgraph.extract"], "default_rules", lambda: replace(rules, claims=fast_rules))
    return seen


def _characters_seen(counted: list[int], copies: int) -> int:
    from wickgraph.extract import extract

    counted[0] = 0
    extract(SENTENCES * copies, film="John Wick: Chapter 4")
    return counted[0]


def test_regex_work_grows_linearly_on_one_long_line(counted: list[int]) -> None:
    """Eight times the text on one line makes the regexes look at about eight times the characters."""
    _characters_seen(counted, 1)  # compile everything first
    small, large = _characters_seen(counted, 20), _characters_seen(counted, 160)
    assert small > 0
    # linear: 8x; a step that rescans the line per candidate would give about 64x
    assert large / small < 10, (small, large)


def test_counting_sees_a_filter_that_rescans_the_whole_line(counted: list[int],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The measure catches quadratic work: filters that read from the start of the line to every candidate
    (no reach bound, the whole line one sentence) make it grow far faster than the text."""
    scope = sys.modules["wickgraph.extract.scope"]
    monkeypatch.setattr(scope, "_SCOPE_REACH", 10**9)
    monkeypatch.setattr(scope.Document, "sentence", lambda self, position: (0, len(self.text)))
    _characters_seen(counted, 1)
    small, large = _characters_seen(counted, 10), _characters_seen(counted, 80)
    assert large / small > 20, (small, large)


def test_no_full_collection_passes_over_a_long_review() -> None:
    """The cyclic collector makes no pass while extract runs: its full passes traverse every live object, and a
    long review's objects all live until extract returns (at 5 MB on one line: 7 full passes, more and longer the
    longer the text). Counted, not timed."""
    import gc

    from wickgraph.extract import extract

    extract(SENTENCES, film="John Wick: Chapter 4")  # load the reference and compile the rules first
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(count)
    try:
        extract(SENTENCES * 400, film="John Wick: Chapter 4")
    finally:
        gc.callbacks.remove(count)
    # (switching the collector on again may start one young-generation pass at once, after the work: whether it does
    # depends on what ran before; without the pause there are hundreds, full ones among them)
    assert passes in ([], [0]), passes
    assert gc.isenabled()  # switched on again afterwards
