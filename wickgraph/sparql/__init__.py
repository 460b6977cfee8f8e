"""The SPARQL wickgraph runs itself: one ``.rq`` file per query in this folder, read by :func:`text`.

Subfolders group the queries of one concern: ``reference/`` builds the reference index
(:mod:`wickgraph.reference`), ``pages/`` the server's resource pages. The named queries users
run by name (``wickgraph query NAME``) are data of their own, in the top-level ``queries/``
folder (:mod:`wickgraph.queries`).

>>> text("infer-reprises").startswith("# title: Infer reprised roles")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["FOLDER", "text"]

FOLDER = Path(__file__).resolve().parent


@cache
def text(name: str) -> str:
    """The SPARQL of ``wickgraph/sparql/NAME.rq``; NAME may start with a subfolder (``"pages/work"``)."""
    return (FOLDER / f"{name}.rq").read_text(encoding="utf-8")
