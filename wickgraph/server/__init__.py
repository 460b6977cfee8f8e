"""``wickgraph serve``: a read-only SPARQL 1.1 endpoint and a page to explore the graph.

See :func:`wickgraph.server.app.create_app` (in-process, for tests) and
:func:`wickgraph.server.app.serve` (uvicorn).
"""

from __future__ import annotations

from .app import ServerConfig, create_app, serve

__all__ = ["ServerConfig", "create_app", "serve"]
