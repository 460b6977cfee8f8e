"""What speech writes in words, read in the layout view: the view keeps the text's length, so offsets carry over."""

from __future__ import annotations

import pytest

from wickgraph.extract.spoken import with_fillers_blanked


@pytest.mark.parametrize(("text", "read"), [
    ("Winston is played by, uh, Ian McShane.", "Winston is played by Ian McShane."),
    ("Ian McShane plays, um, Winston.", "Ian McShane plays Winston."),
    ("she plays... Eve", "she plays Eve"),
    ("directed by\u2026 Len Wiseman", "directed by Len Wiseman"),
    ("Ummm, it is long.", "it is long."),
])
def test_fillers_and_hesitations_are_blanked(text: str, read: str) -> None:
    view = with_fillers_blanked(text)
    assert len(view) == len(text)
    assert " ".join(view.split()) == read


@pytest.mark.parametrize("text", [
    "It was great... Winston deserves more.",  # a trailing off after a word a sentence may end with
    "The umbrella scene is good.",  # "um" inside a word
    "Hummus and an erstwhile ally.",
])
def test_words_and_full_trailings_off_stay(text: str) -> None:
    view = with_fillers_blanked(text)
    assert view.split()[:2] == text.split()[:2]
