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

from pathlib import Path

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

__version__ = "0.1.0"

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


def open(path: str | Path | None = None, *, read_only: bool = True) -> Store:  # shadows the builtin: the API's verb
    """Open a store made by ``wickgraph build`` (default location: see :mod:`wickgraph.resources`)."""
    from .store import open_store

    return open_store(path, read_only=read_only)


def query(name: str, store: Store | None = None, **params: str) -> object:
    """Run a named query with parameters: ``wickgraph.query("cast", work="john-wick-2014")``."""
    from .queries import get

    # not `store or open()`: a Store's truth value is its length, which counts every quad
    return (store if store is not None else open()).query(get(name).bind(params))
