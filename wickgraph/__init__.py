"""wickgraph: the John Wick franchise, and what reviews claim about it, as an RDF graph."""

from __future__ import annotations

__version__ = "0.1.0"
