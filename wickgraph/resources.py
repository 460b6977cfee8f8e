"""Where wickgraph finds its ontology, named queries and data, and where it keeps its store.

From a checkout these are the top-level ``ontology/``, ``queries/`` and ``data/``
folders; from an installed wheel they are the copies bundled under
``wickgraph/_bundled/`` (see ``pyproject.toml``).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir", "default_store_dir", "ontology_dir", "queries_dir"]

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent
_BUNDLED = _PACKAGE / "_bundled"


def _is_checkout() -> bool:
    return (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "ontology").is_dir()


def _resource(name: str) -> Path:
    return _CHECKOUT / name if _is_checkout() else _BUNDLED / name


def ontology_dir() -> Path:
    """Folder holding ``wickgraph.ttl`` and ``shapes.ttl``."""
    return _resource("ontology")


def queries_dir() -> Path:
    """Folder holding the named ``.rq`` queries."""
    return _resource("queries")


def default_data_dir() -> Path:
    """``$WICKGRAPH_DATA``, else the checkout's ``data/``, else the bundled copy."""
    if env := os.environ.get("WICKGRAPH_DATA"):
        return Path(env)
    return _resource("data")


def default_store_dir() -> Path:
    """``$WICKGRAPH_STORE``, else ``.store/`` in a checkout, else the user's data folder."""
    if env := os.environ.get("WICKGRAPH_STORE"):
        return Path(env)
    if _is_checkout():
        return _CHECKOUT / ".store"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wickgraph" / "store"
