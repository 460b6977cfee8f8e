"""The extractor reads any text without raising, and every claim's evidence is the text at its offsets.

The texts are made here, from a fixed seed: lines of the probe reviews and of the phenomena's wordings, shuffled and
mixed with the layouts that unseen reviews bring (a quiz's "ANSWER:" lines and numbered questions, a crossword's
entries, bullets, speaker labels, bracketed stage directions, footnote marks, lines in capitals or in lower case,
punctuation dropped). A pub quiz with an "ANSWER:" line under each question once raised ValueError on every review of
its set; this is the net for that kind of fault.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_extract_generalise import WORDINGS

from wickgraph.extract import extract

PROBES = Path(__file__).resolve().parent / "data" / "extract" / "probes"

_LAYOUTS = [
    lambda line, n: f"Q{n}. {line.rstrip('.')}?",
    lambda line, n: f"ANSWER: {line}",
    lambda line, n: f"Answers: {n}. {line}",
    lambda line, n: f"{n}A. {line} ({n},{n + 1}) \u2014 {line.split()[0].upper() if line.split() else 'X'}",
    lambda line, n: f"* {line}",
    lambda line, n: f"   {line}",
    lambda line, n: f"HOST: {line}",
    lambda line, n: f"CALLER {n} (Sam, Leeds): {line}",
    lambda line, n: f"[crowd member shouts] \"{line}\"",
    lambda line, n: f"{line}\u00b9",
    lambda line, n: f"\u00b9 Correction: {line}",
    lambda line, n: line.upper(),
    lambda line, n: line.lower(),
    lambda line, n: line.replace(".", "").replace(",", ""),
    lambda line, n: f"| {line} | {n} |",
    lambda line, n: f"{line} \u2192 no",
    lambda line, n: "",
]


def _lines() -> list[str]:
    lines = [line for path in sorted(PROBES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [line for cases in WORDINGS.values() for text, _, _ in cases for line in text.splitlines()]
    return [line for line in lines if line.strip()]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = _lines()
    texts = []
    for _ in range(count):
        picked = rng.sample(lines, rng.randint(3, 25))
        texts.append("\n".join(rng.choice(_LAYOUTS)(line, rng.randint(1, 30)) if rng.random() < 0.6 else line
                               for line in picked))
    return texts


@pytest.mark.parametrize("seed", range(6))
def test_any_text_is_read_without_raising_and_with_exact_offsets(seed: int) -> None:
    for text in _texts(40, seed):
        result = extract(text)
        for claim in result.claims:
            assert text[claim.start:claim.end] == claim.evidence, (text, claim)
