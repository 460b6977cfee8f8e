"""Codes a page's source writes for what it shows: emoji shortcodes as a chat export writes them (":star:", ":fire:"),
a run of the same one read as that many glyphs, so a score counted in them reads as one counted in stars
(":star::star::star::star: out of five"); a wiki's score template, read as the score it prints ("{{Rating|4|5}}")."""

from __future__ import annotations

import re

__all__ = ["with_score_templates_read", "with_shortcode_runs_as_glyphs"]

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


# a wiki template that prints a score from its value and scale ("{{Rating|4|5}}", "{{Score|8|10}}");
# not a date's or a certificate's ("{{Film date|2017|02|10}}", "{{Rating|R}}")
_SCORE_TEMPLATE = re.compile(r"\{\{[ \t]*(?:star[ \t]+)?(?:rating|score|stars|grade)[ \t]*(?P<first>\|)"
                             r"[ \t]*\d{1,3}(?:\.\d)?[ \t]*(?P<second>\|)[ \t]*\d{1,3}[ \t]*\}\}", re.IGNORECASE)


def with_score_templates_read(text: str) -> str:
    """``text`` with each score template's bars read as a label's colon and a score's slash ("{{Rating:4/5}}"), so the
    template's marks go as markup and its score stays, character for character."""
    if "{{" not in text:
        return text
    def read(template: re.Match[str]) -> str:
        found, first, second = template.group(), template.start("first"), template.start("second")
        first, second = first - template.start(), second - template.start()
        return f"{found[:first]}:{found[first + 1:second]}/{found[second + 1:]}"
    return _SCORE_TEMPLATE.sub(read, text)
