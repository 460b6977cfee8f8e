"""Every named query gives the same rows on the embedded store, on wickgraph serve and on real servers.

The same graphs are pushed to an Oxigraph server and to Virtuoso; ``wickgraph serve`` runs
on the store itself. Oxigraph is the same engine as the embedded store, so its rows must be
identical term for term and in order. Virtuoso is another engine: rows are compared by
value (numbers as numbers, literals by their text), as a multiset, since collations differ.
Queries that reach outside (SERVICE) are never run here.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.servers import (  # noqa: F401 - fixtures
    Endpoint,
    oxigraph_endpoint,
    oxigraph_loaded,
    virtuoso_endpoint,
    virtuoso_loaded,
    wickgraph_endpoint,
)
from wickgraph.queries import NamedQuery, discover
from wickgraph.remote import query_endpoint
from wickgraph.store import Store

pytestmark = pytest.mark.server

LOCAL_QUERIES = {name: query for name, query in discover().items() if "SERVICE" not in query.sparql.upper()}
NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{name}" for name in ("integer", "decimal", "double", "float", "int",
                                                                    "long", "short", "nonNegativeInteger")}


def rows(result: object) -> list[tuple[str, ...]]:
    """Rows as N-Triples terms; blank-node labels erased (they are local to each store)."""
    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)),)]
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [tuple("_:" if isinstance(row[n], ox.BlankNode) else "" if row[n] is None else str(row[n]) for n in names)
            for row in result]


def value_rows(result: object) -> list[tuple[str, ...]]:
    """Rows by value, sorted: IRIs, literal text, numbers normalised (for engines that type them differently)."""
    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)),)]
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]

    def value(term: object) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.BlankNode):
            return "_:"
        if isinstance(term, ox.Literal) and term.datatype.value in NUMERIC:
            try:
                return format(Decimal(term.value).normalize().quantize(Decimal("1.000000")), "f")
            except InvalidOperation:
                return term.value
        return str(getattr(term, "value", term))

    return sorted(tuple(value(row[n]) for n in names) for row in result)


@pytest.fixture(scope="module")
def expected(shared_store_dir: Path) -> dict[str, list[tuple[str, ...]]]:
    store = Store(shared_store_dir, read_only=True)
    return {name: rows(store.query(query.sparql)) for name, query in LOCAL_QUERIES.items()}


def test_there_are_named_queries_to_compare() -> None:
    assert len(LOCAL_QUERIES) >= 10


@pytest.mark.parametrize("name", sorted(LOCAL_QUERIES))
def test_wickgraph_serve_and_oxigraph_server_match_the_embedded_store(
    name: str, expected: dict[str, list[tuple[str, ...]]], wickgraph_endpoint: Endpoint,
    oxigraph_loaded: Endpoint,
) -> None:
    query: NamedQuery = LOCAL_QUERIES[name]
    assert expected[name], f"{name} returns nothing on the embedded store"
    assert rows(query_endpoint(wickgraph_endpoint.query_url, query.sparql)) == expected[name]
    assert rows(query_endpoint(oxigraph_loaded.query_url, query.sparql)) == expected[name]


@pytest.mark.parametrize("name", sorted(LOCAL_QUERIES))
def test_virtuoso_gives_the_same_values(name: str, shared_store: Store, virtuoso_loaded: Endpoint) -> None:
    query = LOCAL_QUERIES[name]
    local = value_rows(shared_store.query(query.sparql))
    assert len(local) < 10_000, "Virtuoso caps results at 10,000 rows (ResultSetMaxRows)"
    remote = query_endpoint(virtuoso_loaded.query_url, query.sparql, timeout=60)
    assert value_rows(remote) == local
