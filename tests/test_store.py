"""The store wrapper: errors with positions, graphs, atomic rebuilds, the writer lock."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from wickgraph.errors import RDFSyntaxError, SPARQLSyntaxError, StoreError
from wickgraph.store import Store, open_store
from wickgraph.transaction import replace_store

G = "https://w3id.org/wickgraph/graph/review/r-1"


def quad(n: int, graph: str = G) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"http://example.org/s{n}"), ox.NamedNode("http://example.org/p"),
                   ox.Literal(str(n)), ox.NamedNode(graph))


def test_sparql_syntax_error_has_line_and_column(memory_store: Store) -> None:
    with pytest.raises(SPARQLSyntaxError) as caught:
        memory_store.query("SELECT *\nWHERE { ?s ?p ?o } LIMT 3")
    # pyoxigraph points past the last token it could use; the line is what matters to a reader
    assert caught.value.lineno == 2 and caught.value.offset is not None and caught.value.offset > 18
    assert str(caught.value) == f"2:{caught.value.offset}: expected one of HAVING, OFFSET, OPTIONAL, VALUES"


def test_rdf_syntax_error_names_file_line_and_column(memory_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ;; .\n")
    with pytest.raises(RDFSyntaxError) as caught:
        memory_store.load_file(bad)
    assert str(caught.value) == f"{bad}:3:11: ; is not a valid RDF object"


def test_replace_graph_is_all_or_nothing_per_graph(memory_store: Store) -> None:
    memory_store.extend([quad(1), quad(2), quad(9, G + "x")])
    memory_store.replace_graph(G, [quad(3)])
    assert memory_store.graph_counts() == {G: 1, G + "x": 1}
    memory_store.remove_graph(G)
    assert memory_store.named_graphs() == [G + "x"]


def test_replace_graphs_puts_quads_in_the_graph_named_whether_or_not_it_exists(memory_store: Store) -> None:
    memory_store.extend([quad(1, G + "old")])
    # new graphs only (one extend) and a mix with an existing one (one update) must agree
    memory_store.replace_graphs({G + "a": [quad(2, G + "elsewhere")], G + "b": [quad(3)]})
    memory_store.replace_graphs({G + "old": [quad(4, G + "elsewhere")], G + "c": [quad(5)]})
    assert memory_store.graph_counts() == {G + "a": 1, G + "b": 1, G + "old": 1, G + "c": 1}
    assert [q.subject.value for q in memory_store.quads(G + "a")] == ["http://example.org/s2"]
    assert [q.subject.value for q in memory_store.quads(G + "old")] == ["http://example.org/s4"]


def test_missing_store_says_to_build(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no wickgraph store here; run `wickgraph build` first"):
        open_store(tmp_path / "nothing")


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    first = Store(tmp_path / "s")
    with pytest.raises(StoreError, match="open for writing in another process"):
        Store(tmp_path / "s")
    first.close()


def test_replace_store_keeps_the_old_store_on_failure(tmp_path: Path) -> None:
    final = tmp_path / "store"
    with replace_store(final) as building, Store(building) as store:
        store.extend([quad(1)])
    with pytest.raises(RuntimeError), replace_store(final) as building:
        Store(building).close()
        raise RuntimeError("build failed half-way")
    with open_store(final, read_only=True) as store:
        assert len(store) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_replace_store_refuses_to_replace_a_stranger(tmp_path: Path) -> None:
    final = tmp_path / "important"
    final.mkdir()
    (final / "thesis.txt").write_text("not a store")
    with pytest.raises(StoreError, match="not a wickgraph store"), replace_store(final) as building:
        Store(building).close()
    assert (final / "thesis.txt").exists()


def test_an_empty_store_is_still_a_true_handle(memory_store: Store) -> None:
    assert len(memory_store) == 0
    assert memory_store  # `store or open()` must not fall back (or count quads) for an empty store


def test_graph_methods_for_the_endpoint_and_exports(memory_store: Store) -> None:
    other = G + "x"
    memory_store.extend([quad(1, other), quad(2)])
    assert not memory_store.has_graph(G + "empty")
    memory_store.add_graph(G + "empty")
    assert memory_store.has_graph(G + "empty") and memory_store.has_graph(G)
    assert memory_store.named_graphs() == [G, G + "empty", other]
    assert sorted(memory_store.named_graphs(sort=False)) == [G, G + "empty", other]


def test_endpoint_query_and_update_take_no_wickgraph_prefixes(memory_store: Store) -> None:
    memory_store.endpoint_update("INSERT DATA { GRAPH <g> { <s> <p> 'o' } }", base_iri="http://example.org/")
    found = memory_store.endpoint_query("SELECT ?o WHERE { ?s ?p ?o }", base_iri="http://example.org/",
                                        default_graph=[ox.NamedNode("http://example.org/g")])
    assert isinstance(found, ox.QuerySolutions)
    assert [row["o"] for row in found] == [ox.Literal("o")]
    with_ours = memory_store.query("SELECT * WHERE { ?s wg:p ?o }")
    assert isinstance(with_ours, ox.QuerySolutions) and list(with_ours) == []
    with pytest.raises(SyntaxError):  # the protocol's query has only the prefixes it declares
        memory_store.endpoint_query("SELECT * WHERE { ?s wg:p ?o }")


def test_bulk_extend_and_an_in_memory_copy(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as disk:
        disk.bulk_extend(quad(n) for n in range(3))
        copy = disk.in_memory_copy()
    assert copy.path is None and len(copy) == 3
    assert sorted(str(q.object) for q in copy.quads(G)) == ['"0"', '"1"', '"2"']
