"""Running SHACL validation: the compiled SPARQL checks on a store, or pySHACL when they do not cover the shapes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, RDFS
from .compile import Check, compiled_shapes, node_key
from .fallback import validate_pyshacl
from .report import Violation

if TYPE_CHECKING:
    from collections.abc import Mapping

    import pyoxigraph as ox

__all__ = ["validate_rdf", "validate_store"]

_VALUES_LIMIT = 20  # graphs named in a VALUES clause (it slows every check); above this, check every graph


def validate_rdf(data: bytes, rdf_format: str, source: str, *, engine: str = "auto") -> list[Violation]:
    """SHACL-validate serialised RDF (``turtle``, ``trig``, ``nquads``...); return its violations.

    All of its triples are one data graph, whatever graphs a dataset format names.
    ``engine`` is ``sparql`` (compiled shapes), ``pyshacl``, or ``auto`` (sparql when it covers the shapes).
    """
    if engine != "pyshacl" and compiled_shapes() is not None:
        import pyoxigraph as ox

        formats = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                   "ntriples": ox.RdfFormat.N_TRIPLES}
        graph = ox.NamedNode("urn:x-wickgraph:data")
        store = ox.Store()
        store.extend(ox.Quad(q.subject, q.predicate, q.object, graph)
                     for q in ox.parse(data, format=formats[rdf_format]))
        return validate_store(store, {graph.value: source})
    if engine == "sparql":
        raise ValueError("the shapes use SHACL features the SPARQL engine does not cover")
    return validate_pyshacl(data, rdf_format, source)

def validate_store(
    store: ox.Store, graphs: Mapping[str, str] | None = None, *,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Violation]:
    """SHACL-validate named graphs of a pyoxigraph store, each on its own; return the violations.

    ``graphs`` maps the graphs to check to the name a violation reports (their file);
    by default every named graph but the ontology and inferred ones, reported by IRI.
    """
    import pyoxigraph as ox

    compiled = compiled_shapes()
    if graphs is not None and not graphs:
        return []
    if graphs is not None and len(graphs) <= _VALUES_LIMIT:
        clause = "VALUES ?g { " + " ".join(f"<{g}>" for g in sorted(graphs)) + " }"
    else:
        # checking every graph and dropping the others' violations is faster than a long VALUES
        clause = f"FILTER(?g != <{ONTOLOGY_GRAPH}> && ?g != <{INFERRED_GRAPH}>)"
    # the compiler assumes the subclass tree is the ontology's: a graph that declares
    # subclasses of its own (none of ours do) is checked by pySHACL instead
    declares = {row["g"].value for row in _rows(store,
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a <{RDFS.subClassOf}> ?b }} {clause} }}")}
    if graphs is not None:
        declares &= set(graphs)
    found: list[Violation] = []
    if compiled is None:
        declares = set(graphs) if graphs is not None else {
            g.value for g in store.named_graphs() if g.value not in (ONTOLOGY_GRAPH, INFERRED_GRAPH)}
    else:
        checks, derived = compiled
        failed: dict[str, set[tuple[str, Any]]] = {}  # top-level shape -> (graph, focus node) that violate it

        def run(check: Check) -> None:
            for row in _rows(store, check.sparql.replace("{graphs}", clause)):
                graph = row["g"].value
                if graph in declares or (graphs is not None and graph not in graphs):
                    continue
                path = check.path
                if check.kind == "counts":
                    path = path or row["p"].value
                    low, high, n = int(row["low"].value), int(row["high"].value), int(row["n"].value)
                    message = f"sh:minCount {low}: {n} values" if n < low else f"sh:maxCount {high}: {n} values"
                    if check.path:
                        message += f" of <{row['p'].value}>"
                else:
                    message = row["c"].value + (f": value {row['v']}" if row["v"] is not None else "")
                source = graphs[graph] if graphs else graph
                found.append(Violation(source, node_key(row["r"]), path, check.prefix + message))
                if check.shape:
                    failed.setdefault(check.shape, set()).add((graph, row["r"]))
                if check.prefix:  # a shape reached by sh:node: its own result too, as pySHACL reports it
                    inner_path = check.inner_path or (row["p"].value if check.kind == "counts" else "")
                    found.append(Violation(source, node_key(row["i"]), inner_path, message))

        for done, check in enumerate(checks, 1):
            run(check)
            if progress:
                progress("validate", done, len(checks))
        for rule in derived:
            if bool(store.query(rule.guard.replace("{graphs}", clause))):
                for check in rule.checks:
                    run(check)
        for rule in derived:
            for graph, node in sorted(failed.get(rule.shape, ()), key=lambda hit: (hit[0], str(hit[1]))):
                sparql = (f"SELECT DISTINCT ?r ?x WHERE {{ {rule.bound} GRAPH ?g {{ ?f0 {rule.predicate} ?x }} "
                          f"BIND(?f0 AS ?r) }}").replace("{graphs}", f"VALUES ?g {{ <{graph}> }}")
                for row in _rows(store, sparql):
                    if row["x"] == node:
                        found.append(Violation(graphs[graph] if graphs else graph, node_key(row["r"]), rule.path,
                                               f"sh:node <{rule.shape}>: {node_key(node)} does not conform"))
    for graph in sorted(declares):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
        found += validate_pyshacl(data, "nt", graphs[graph] if graphs else graph)
    return sorted(set(found), key=lambda v: (v.source, v.focus, v.path, v.message))


def _rows(store: ox.Store, sparql: str) -> ox.QuerySolutions:
    import pyoxigraph as ox

    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return result
