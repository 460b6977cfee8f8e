"""The extractor's fast text views agree with their plain definitions, on random texts.

A placeholder view is the folded text with each mention's characters replaced; its lower-case form is that
view lower-cased; keyword windows are the lines holding a keyword, or on a long line the union of a margin
around each of its occurrences; blanking replaces spans with spaces. The fast versions build these from
slices and jumps instead; these tests hold them to the definitions, including the characters whose case
changes length ("İ") or depends on its neighbours ("Σ").
"""

from __future__ import annotations

import random

from wickgraph.extract.document import Document
from wickgraph.extract.gazetteer import Entry, Mention, fold
from wickgraph.extract.textscan import _LONG_LINE, _MARGIN, blank, lines_holding

_ALPHABET = "abcABC Σσİıß\u00c9\u00e9.\n'K"


def _random_mentions(rng: random.Random, length: int) -> list[Mention]:
    mentions: list[Mention] = []
    position = 0
    while position < length - 1 and rng.random() < 0.7:
        start = rng.randint(position, length - 1)
        end = rng.randint(start + 1, min(length, start + 5))
        mentions.append(Mention(start, end, (Entry(rng.choice([1, 2, 4]), None, "x", True),)))
        position = end
    return mentions


def _plain_view(folded: str, mentions: list[Mention], mask: int) -> str:
    chars = list(folded)
    for mention in mentions:
        bits = mention.mask & mask
        if bits:
            chars[mention.start] = chr(0xE010 + bits)
            for i in range(mention.start + 1, mention.end):
                chars[i] = chr(0xE020 + bits)
    return "".join(chars)


def test_views_and_lower_views_match_their_definition() -> None:
    rng = random.Random(7)
    for round_ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 30)))
        folded = fold(text) if round_ % 2 else text  # unfolded: "İ" and "Σ" stay in
        mentions = _random_mentions(rng, len(text))
        doc = Document(text, folded, mentions, None)
        for mask in (1, 2, 3, 4, 7):
            view = _plain_view(folded, mentions, mask)
            assert doc.view(mask) == view
            lowered = view.lower()
            assert doc.lower_view(mask) == (lowered if len(lowered) == len(text) else None), (text, mask)


def test_blank_matches_its_definition() -> None:
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice("abc\n") for _ in range(rng.randint(0, 40)))
        spans = [(a, rng.randint(a, len(text))) for a in (rng.randint(0, len(text)) for _ in range(rng.randint(0, 6)))]
        chars = list(text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        assert blank(text, spans) == "".join(chars), (text, spans)


def _plain_windows(lower: str, needs: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for need in needs:
        position = lower.find(need)
        while position >= 0:
            start = lower.rfind("\n", 0, position) + 1
            end = lower.find("\n", position)
            end = len(lower) if end < 0 else end
            if end - start <= _LONG_LINE:
                spans.append((start, end))
            else:
                spans.append((max(start, position - _MARGIN), min(end, position + len(need) + _MARGIN)))
            position = lower.find(need, position + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def test_keyword_windows_match_their_definition_on_long_and_short_lines() -> None:
    rng = random.Random(9)
    pool = ["the ", "a ", "**", "...", "aa", "ab", "b*", " .", "x"]
    for round_ in range(150):
        alphabet = "ab *." if round_ % 2 else "ab *.\n"  # one long line, or many short ones
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12_000)))
        needs = tuple(rng.sample(pool, rng.randint(1, 4)))
        assert lines_holding(text, needs) == _plain_windows(text, needs), needs
