"""Emoji shortcodes as a chat export writes them (":star:", ":fire:"): a run of the same one is read as that many
glyphs, so a score counted in them reads as one counted in stars (":star::star::star::star: out of five")."""

from __future__ import annotations

import re

__all__ = ["with_shortcode_runs_as_glyphs"]

# the same shortcode two to ten times over, touching or spaced
_RUN = re.compile(r"(?P<code>:[a-z0-9_+-]{2,30}:)(?:[ \t]?(?P=code)){1,9}")
_STARS = frozenset({":star:", ":star2:", ":glowing_star:", ":stars:"})


def with_shortcode_runs_as_glyphs(text: str) -> str:
    """``text`` with each run of one repeated shortcode written as that many glyphs (a star for a star's code),
    padded with spaces, character for character."""
    if "::" not in text and ": :" not in text:
        return text
    return _RUN.sub(_glyphs, text)


def _glyphs(run: re.Match[str]) -> str:
    glyph = "\u2605" if run["code"] in _STARS else "\u2666"
    return (glyph * run.group().count(run["code"])).ljust(len(run.group()))
