"""wickgraph: the John Wick franchise, and what reviews claim about it, as an RDF graph.

Build the store with ``wickgraph build``, then::

    import wickgraph
    graph = wickgraph.open()
    rows = graph.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    from wickgraph.export import export, to_networkx
    g = to_networkx(graph)           # a networkx MultiDiGraph
    cast = wickgraph.query("cast", work="john-wick-2014")

The README's Python section runs these as a test.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on first use instead (see __getattr__), so `wickgraph --help` stays fast
    from .build import BuildReport, build
    from .errors import (
        CheckFailed,
        ConflictsFound,
        InputError,
        NotFoundError,
        QueryNotFound,
        RDFSyntaxError,
        RemoteError,
        ReviewInputError,
        ReviewNotFound,
        SPARQLSyntaxError,
        StoreError,
        UsageError,
        ValidationFailed,
        WickgraphError,
    )
    from .extract import Claim, Extraction, extract, extract_file
    from .namespaces import GRAPH, ID, WG
    from .queries import NamedQuery
    from .store import Store

    __version__: str

__all__ = [
    "BuildReport",
    "CheckFailed",
    "Claim",
    "ConflictsFound",
    "Extraction",
    "GRAPH",
    "ID",
    "InputError",
    "NamedQuery",
    "NotFoundError",
    "QueryNotFound",
    "RDFSyntaxError",
    "RemoteError",
    "ReviewInputError",
    "ReviewNotFound",
    "SPARQLSyntaxError",
    "Store",
    "StoreError",
    "UsageError",
    "ValidationFailed",
    "WG",
    "WickgraphError",
    "__version__",
    "build",
    "extract",
    "extract_file",
    "open",
    "query",
]

_HOMES = {
    "BuildReport": "build", "build": "build",
    "Claim": "extract", "Extraction": "extract", "extract": "extract", "extract_file": "extract",
    "GRAPH": "namespaces", "ID": "namespaces", "WG": "namespaces",
    "NamedQuery": "queries", "Store": "store",
    **{name: "errors" for name in __all__ if name[0].isupper() and name.endswith(("Error", "Found", "Failed"))},
}
"""Where each public name lives: it is imported from there the first time it is asked for."""


def __getattr__(name: str) -> object:
    if name == "__version__":
        return _version()
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """``wickgraph.build`` and ``wickgraph.extract`` are functions, though modules of those names exist.

    Importing a submodule sets it as an attribute of its package; this keeps the function instead.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("build", "extract") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def _version() -> str:
    """The installed distribution's version: the one in pyproject.toml, read when asked (not at import)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wickgraph")
    except PackageNotFoundError:  # a checkout on sys.path, not installed: read pyproject.toml itself
        import tomllib

        with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])


def open(path: str | Path | None = None, *, read_only: bool = True) -> Store:  # shadows the builtin: the API's verb
    """Open a store made by ``wickgraph build`` (default location: see :mod:`wickgraph.resources`)."""
    from .store import open_store

    return open_store(path, read_only=read_only)


def query(name: str, store: Store | None = None, **params: str) -> object:
    """Run a named query with parameters: ``wickgraph.query("cast", work="john-wick-2014")``."""
    from .queries import get

    # not `store or open()`: a Store's truth value is its length, which counts every quad
    return (store if store is not None else open()).query(get(name).bind(params))
