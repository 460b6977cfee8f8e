"""A shop's or a site's page of customer reviews: the critic's is the first review, under the page's heading for them;
the product's listing above (its own fields, the average of everyone's stars) and the other customers' reviews are
not the critic's."""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["others_reviews"]

# a shop's or a site's customer reviews: each closes with its votes ("1,147 people found this helpful", "Was this review
# helpful?"); the critic's is the first, under the page's heading for them ("Top reviews from the United States")
_REVIEW_FOOTER = re.compile(r"^[^\n]{0,40}\b(?:found[ \t]+this[ \t]+(?:review[ \t]+)?(?:helpful|useful)|"
                            r"was[ \t]+this[ \t]+review[ \t]+(?:helpful|useful))\b[^\n]{0,40}$",
                            re.IGNORECASE | re.MULTILINE)
_REVIEWS_HEADING = re.compile(r"^[ \t#*_]*(?:top|most[ \t]+helpful|most[ \t]+recent|customer|user|all|latest)[ \t]+"
                              r"reviews\b[^\n]{0,60}$", re.IGNORECASE | re.MULTILINE)


def others_reviews(text: str) -> list[tuple[int, int]]:
    """On a page of customer reviews (two or more, each closed by its votes), the reviews after the first, and the
    product's listing above the page's heading for them: the shop's fields and the other customers' scores."""
    footers = list(_REVIEW_FOOTER.finditer(text))
    if len(footers) < 2:
        return []
    headings = list(_REVIEWS_HEADING.finditer(text, 0, footers[0].start()))
    spans = [(footer.end(), following.end()) for footer, following in pairwise(footers)]
    return ([(0, headings[-1].end())] if headings else []) + spans
