"""The graph for apps: networkx views and file exports (networkx and RDF formats).

Views of :func:`to_networkx` (all built straight from the store's quads):

* ``full`` — a ``MultiDiGraph``: one node per resource (``iri``, ``label``, ``type``),
  one edge per IRI-to-IRI triple keyed by the predicate's prefixed name; performances are nodes.
* ``performances`` — as ``full``, but each performance collapses to an
  ``actor -[played]-> work`` edge carrying the character.
* ``costars`` — an undirected ``Graph`` of people who acted in the same works (``works`` on each edge).

``graph`` picks the named graphs: ``reference`` (facts and inferred reprises),
``claims`` (every review graph) or ``all``.

Claims are never shown as facts. Every node and edge carries ``graph``, the named graph it
came from, and ``fact``, true when the reference facts (or the reprises inferred from them)
state it: a triple stated by the reference and by reviews is a fact from the reference graph,
one stated only by reviews is a claim from the first review graph that states it. In RDF,
Turtle, N-Triples and RDF/XML have no graph names, so they only carry the reference facts;
claims go out in TriG, N-Quads or JSON-LD, each in its review's named graph.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .atomicfile import write_atomic
from .errors import UsageError
from .formats import Format, by_name, shorten_iri
from .namespaces import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, RDF, RDFS, REFERENCE_GRAPH, SCHEMA, WG

if TYPE_CHECKING:
    import networkx as nx

    from .store import Store

__all__ = ["GRAPH_SELECTIONS", "VIEWS", "export", "quads", "to_networkx", "write_atomic"]

VIEWS = ("full", "performances", "costars")
GRAPH_SELECTIONS = ("reference", "claims", "all")

_RDF_TYPE = RDF.type
_LABELS = (RDFS.label, SCHEMA.name)
_REVIEW_GRAPHS = f"{GRAPH}review/"
_FACT_GRAPHS = frozenset({str(REFERENCE_GRAPH), str(INFERRED_GRAPH)})


def quads(store: Store, graph: str = "all") -> Iterator[ox.Quad]:
    """The quads of a graph selection (the ontology is never part of an export)."""
    if graph not in GRAPH_SELECTIONS:
        raise UsageError(f"unknown graph selection {graph!r}; choose one of: {', '.join(GRAPH_SELECTIONS)}")
    if graph == "reference":
        for name in (REFERENCE_GRAPH, INFERRED_GRAPH):
            yield from store.quads(str(name))
        return
    ontology, reviews_only = ox.NamedNode(str(ONTOLOGY_GRAPH)), graph == "claims"
    for quad in store.quads():
        graph_name = quad.graph_name
        # compared as terms (in Rust): this loop runs once per quad of the store
        if graph_name == ontology or type(graph_name) is not ox.NamedNode:
            continue
        if not reviews_only or graph_name.value.startswith(_REVIEW_GRAPHS):
            yield quad


def to_networkx(store: Store, view: str = "full", *, graph: str = "all") -> nx.MultiDiGraph | nx.Graph:
    """The graph as networkx (see the module docstring for ``view`` and ``graph``)."""
    import networkx as nx

    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of: {', '.join(VIEWS)}")
    graphs = _selected_graphs(store, graph)
    # hundreds of thousands of new dicts and tuples, none of them in a cycle: the collector would
    # only rescan them again and again
    collecting = gc.isenabled()
    gc.disable()
    try:
        facts = _read_facts(store, graph, graphs)
        facts.label_performances()
        if view == "costars":
            return _costars(facts.performances, facts.label, facts.performance_graph)
        return _multigraph(nx.MultiDiGraph(name=f"wickgraph {graph} ({view})"), facts, view == "performances")
    finally:
        if collecting:
            gc.enable()


# -- reading the facts networkx needs -----------------------------------------------------
#
# Iterating the store's quads costs a string lookup in RocksDB for each of the four terms of
# every quad (about 2 µs each); that, not networkx, was most of the time. The queries below
# instead number the terms that recur (predicates, graphs, shared objects) so that most cells
# come back as small integers, and they leave out the literals no view uses. Rows still come
# in the store's own order, which decides the node and edge order and which label or type
# wins: on disk, quads are kept sorted graph by graph and ``named_graphs()`` lists the graphs
# in that same order, so reading one graph after another replays :func:`quads` exactly
# (tests/test_export.py checks every view against a quad-by-quad reading).

_PERFORMANCE_PARTS = {str(WG.actor): "actor", str(WG.character): "character", str(WG.work): "work"}
_WG_NAMESPACE = str(WG._NS)
_SAMPLE_GRAPHS = 64  # review graphs read in full to learn the predicates and the shared objects
_CHUNKS = 8  # queries per export: results are turned into facts while later ones still run
_WORKERS = 2  # pyoxigraph evaluates and serialises without the GIL


class _Facts:
    """What the views are built from, in the store's quad order."""

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.edges: list[tuple[str, str, str, str]] = []
        self.performances: dict[str, dict[str, str]] = defaultdict(dict)
        #: the graph each typed resource and each performance comes from (a fact graph wins)
        self.type_graph: dict[str, str] = {}
        self.performance_graph: dict[str, str] = {}

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or shorten_iri(iri)

    def label_performances(self) -> None:
        """Performances without a label of their own are called "<actor> as <character> in <work>"."""
        labels, label = self.labels, self.label
        for iri, parts in self.performances.items():
            if iri not in labels and {"actor", "character", "work"} <= parts.keys():
                labels[iri] = f"{label(parts['actor'])} as {label(parts['character'])} in {label(parts['work'])}"


def _selected_graphs(store: Store, graph: str) -> list[str]:
    """The named graphs of a selection, in the order :func:`quads` reads them."""
    if graph not in GRAPH_SELECTIONS:
        raise UsageError(f"unknown graph selection {graph!r}; choose one of: {', '.join(GRAPH_SELECTIONS)}")
    if graph == "reference":
        return [str(REFERENCE_GRAPH), str(INFERRED_GRAPH)]
    ontology = str(ONTOLOGY_GRAPH)
    # the store lists its graphs in the order it keeps their quads
    names = [name for name in store.named_graphs(sort=False) if name != ontology]
    return [name for name in names if name.startswith(_REVIEW_GRAPHS)] if graph == "claims" else names


def _select(store: Store, sparql: str) -> list[str]:
    """The cells of a SELECT result, row after row (the header row first)."""
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    data = result.serialize(format=ox.QueryResultsFormat.TSV) or b""
    # TSV escapes tabs and newlines inside literals, so every separator is a real one
    return data.decode().replace("\t", "\n").split("\n")


def _iri(cell: str) -> str | None:
    """The IRI of a TSV cell (None for literals, blank nodes and triple terms)."""
    return cell[1:-1] if cell[:1] == "<" and cell[:2] != "<<" else None


_TSV_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_TSV_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}


def _literal_value(cell: str) -> str:
    """The lexical form of a literal TSV cell (quoted and escaped, or a bare number or boolean)."""
    quoted = _TSV_STRING.match(cell)
    if quoted is None:
        return cell
    return re.sub(r"\\(.)", lambda escape: _TSV_ESCAPES[escape[1]], quoted[1])


class _Plan:
    """The numbered predicates and objects for one export, learnt from a sample of its graphs."""

    def __init__(self, store: Store, graphs: list[str]) -> None:
        step = max(1, len(graphs) // _SAMPLE_GRAPHS)
        # the few graphs that are not reviews (reference, inferred) plus an even spread of reviews
        sample = list(dict.fromkeys([name for name in graphs if not name.startswith(_REVIEW_GRAPHS)] + graphs[::step]))
        numbered = " ".join(f"(<{name}> {i})" for i, name in enumerate(sample))
        cells = _select(store, f"SELECT ?gi ?p ?o WHERE {{ VALUES (?g ?gi) {{ {numbered} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        rows = zip(cells[3:-1:3], cells[4:-1:3], cells[5:-1:3], strict=False)
        predicates: dict[str, bool] = dict.fromkeys([_RDF_TYPE, *_LABELS], True)  # -> seen with a non-literal
        seen_in: dict[str, str] = {}
        shared: dict[str, None] = {}
        for graph_cell, predicate_cell, object_cell in rows:
            predicate = predicate_cell[1:-1]
            literal = not object_cell.startswith(("<", "_:"))
            predicates[predicate] = predicates.get(predicate, False) or not literal
            if not literal and seen_in.setdefault(object_cell, graph_cell) != graph_cell:
                shared[object_cell] = None
        self.predicates = list(predicates)
        #: objects met in two graphs or more (classes, works, people, agents): numbered, not spelt out
        self.objects = [iri for cell in shared if (iri := _iri(cell)) is not None]
        #: predicates with only literal objects in the sample; dropped once the whole store agrees
        self.literal_only = [predicate for predicate, other in predicates.items() if not other]
        self.sampled_all = len(sample) == len(graphs)
        # what the numbers in the result cells stand for
        numbers = [str(i) for i in range(max(len(graphs), len(self.predicates), len(self.objects)))]
        self.graph_of = dict(zip(numbers, graphs, strict=False))
        self.predicate_of = dict(zip(numbers, self.predicates, strict=False))
        self.object_of = dict(zip(numbers, self.objects, strict=False))
        number_of = {predicate: number for number, predicate in self.predicate_of.items()}
        self.type_id = number_of[_RDF_TYPE]
        self.label_ids = {number_of[label] for label in _LABELS}
        self.part_of = {number_of[p]: part for p, part in _PERFORMANCE_PARTS.items() if p in number_of}

    def check_literal_only(self, store: Store) -> list[str]:
        """The sampled literal-only predicates that really have no other objects anywhere."""
        if not self.literal_only or self.sampled_all:
            return self.literal_only

        def only_literals(predicates: list[str]) -> bool:
            found = store.query(
                f"ASK {{ VALUES ?p {{ {_terms(predicates)} }} GRAPH ?g {{ ?s ?p ?o }} FILTER(!isLiteral(?o)) }}"
            )
            return not bool(found)

        if only_literals(self.literal_only):
            return self.literal_only
        return [predicate for predicate in self.literal_only if only_literals([predicate])]

    def query(self, graphs: list[str], first: int, dropped: list[str]) -> str:
        """Every quad of ``graphs`` (numbered from ``first``) except those of ``dropped`` predicates."""
        drop = set(dropped)
        graph_rows = " ".join(f"(<{name}> {first + i})" for i, name in enumerate(graphs))
        predicate_rows = " ".join(
            f"(<{predicate}> {i} {'1' if predicate in drop else 'UNDEF'})"
            for i, predicate in enumerate(self.predicates)
        )
        object_rows = " ".join(f"(<{iri}> {i})" for i, iri in enumerate(self.objects))
        # the subqueries keep the optimiser from looping over the VALUES once per quad; the
        # quads are read graph by graph, each in the store's order; unnumbered terms are spelt out
        return f"""SELECT ?gi ?s ?pi ?oi ?px ?ox WHERE {{
  {{ SELECT ?gi ?s ?p ?o WHERE {{ VALUES (?g ?gi) {{ {graph_rows} }} GRAPH ?g {{ ?s ?p ?o }} }} }}
  OPTIONAL {{ SELECT ?p ?pi ?drop WHERE {{ VALUES (?p ?pi ?drop) {{ {predicate_rows} }} }} }}
  FILTER(!BOUND(?drop))
  OPTIONAL {{ SELECT ?o ?oi WHERE {{ VALUES (?o ?oi) {{ {object_rows} }} }} }}
  BIND(IF(BOUND(?pi), ?unbound, ?p) AS ?px)
  BIND(IF(BOUND(?oi), ?unbound, ?o) AS ?ox)
}}"""


def _terms(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in iris)


def _read_facts(store: Store, graph: str, graphs: list[str]) -> _Facts:
    facts = _Facts()
    if store.path is None:
        # an in-memory store looks terms up in a hash map, and its quad order is not its graph order
        _add_quads(facts, quads(store, graph))
        return facts
    if not graphs:
        return facts
    plan = _Plan(store, graphs)
    size = -(-len(graphs) // _CHUNKS)
    chunks = [(graphs[first:first + size], first) for first in range(0, len(graphs), size)]
    with ThreadPoolExecutor(_WORKERS) as pool:
        # optimistic: the chunks drop the sampled literal-only predicates while the check runs
        checked = pool.submit(plan.check_literal_only, store)
        pending = [pool.submit(_select, store, plan.query(part, first, plan.literal_only)) for part, first in chunks]
        if checked.result() != plan.literal_only:
            for future in pending:
                future.cancel()
            pending = [pool.submit(_select, store, plan.query(part, first, checked.result())) for part, first in chunks]
        for future in pending:
            _add_rows(facts, future.result(), plan)
    return facts


def _add_quads(facts: _Facts, selected: Iterable[ox.Quad]) -> None:
    """Add quads to the facts (the rules of :func:`_add_rows`, on terms)."""
    named_node, literal = ox.NamedNode, ox.Literal
    labels, types, edges, performances = facts.labels, facts.types, facts.edges, facts.performances
    for quad in selected:
        subject = quad.subject
        if type(subject) is not named_node:
            continue
        predicate, obj = quad.predicate.value, quad.object
        if predicate == _RDF_TYPE and type(obj) is named_node:
            if subject.value not in types or obj.value.startswith(_WG_NAMESPACE):
                types[subject.value] = shorten_iri(obj.value)
            _prefer(facts.type_graph, subject.value, quad.graph_name.value)  # type: ignore[union-attr]
        elif predicate in _LABELS and type(obj) is literal:
            labels.setdefault(subject.value, obj.value)
        elif type(obj) is named_node:
            edges.append((subject.value, obj.value, predicate, quad.graph_name.value))  # type: ignore[union-attr]
            if predicate in _PERFORMANCE_PARTS:
                performances[subject.value][_PERFORMANCE_PARTS[predicate]] = obj.value
                _prefer(facts.performance_graph, subject.value, quad.graph_name.value)  # type: ignore[union-attr]


def _prefer(found: dict[str, str], iri: str, graph: str) -> None:
    """Remember the graph ``iri`` came from: the first one, unless a fact graph states it too."""
    old = found.get(iri)
    if old is None or (graph in _FACT_GRAPHS and old not in _FACT_GRAPHS):
        found[iri] = graph


def _add_rows(facts: _Facts, cells: list[str], plan: _Plan) -> None:
    """Add one query's rows to the facts, as iterating their quads in order would."""
    graph_of, predicate_of, object_of = plan.graph_of, plan.predicate_of, plan.object_of
    type_id, label_ids, part_of = plan.type_id, plan.label_ids, plan.part_of
    labels, types, edges, performances = facts.labels, facts.types, facts.edges, facts.performances
    type_graph, performance_graph = facts.type_graph, facts.performance_graph
    class_of: dict[str, str] = {}
    last_cell, subject = "", None
    body = iter(cells[6:-1])
    for graph_id, subject_cell, predicate_id, object_id, predicate_cell, object_cell in zip(*[body] * 6, strict=False):
        if subject_cell != last_cell:  # a subject's quads come together
            last_cell = subject_cell
            subject = subject_cell[1:-1] if subject_cell[0] == "<" and subject_cell[1] != "<" else None
        if subject is None:
            continue  # a blank node
        if object_id:
            obj = object_of[object_id]
        elif object_cell[0] == "<" and object_cell[1] != "<":
            obj = object_cell[1:-1]
        else:
            obj = None  # a literal, a blank node or a triple term
        if predicate_id == type_id:
            if obj is not None and (subject not in types or obj.startswith(_WG_NAMESPACE)):
                # the most specific wickgraph class wins over schema:/prov: ones
                found = class_of.get(obj)
                if found is None:
                    found = class_of[obj] = shorten_iri(obj)
                types[subject] = found
            if obj is not None:
                _prefer(type_graph, subject, graph_of[graph_id])
        elif obj is None:
            if predicate_id in label_ids and not object_cell.startswith(("<", "_:")):
                labels.setdefault(subject, _literal_value(object_cell))
        else:
            edges.append((subject, obj, predicate_of[predicate_id] if predicate_id else predicate_cell[1:-1],
                          graph_of[graph_id]))
            if predicate_id in part_of:
                performances[subject][part_of[predicate_id]] = obj
                _prefer(performance_graph, subject, graph_of[graph_id])


def _multigraph(multigraph: nx.MultiDiGraph, facts: _Facts, collapse: bool) -> nx.MultiDiGraph:
    types, performances, label = facts.types, facts.performances, facts.label
    # filled in directly, as MultiDiGraph.add_node and add_edge would (the same dicts, in the same
    # order), without their per-call checks and cache clearing
    nodes, successors, predecessors = multigraph._node, multigraph._succ, multigraph._pred
    labels, fact_graphs = facts.labels, _FACT_GRAPHS

    def add_node(iri: str, graph: str) -> None:
        if iri not in nodes:
            successors[iri] = {}
            predecessors[iri] = {}
            nodes[iri] = {"iri": iri, "label": labels.get(iri) or shorten_iri(iri), "type": types.get(iri, "Resource"),
                          "graph": graph, "fact": graph in fact_graphs}
        elif graph in fact_graphs and not nodes[iri]["fact"]:
            nodes[iri].update(graph=graph, fact=True)  # first met in a review, stated by the reference too

    collapsed = set(performances) if collapse else set()
    key_of: dict[str, str] = {}
    last_source, last_graph, skip, out = None, None, False, {}
    for source, target, predicate, graph_name in facts.edges:  # add_node and add_edge, inlined: the hot loop
        if source is not last_source or graph_name is not last_graph:  # a subject's edges come together
            last_source, last_graph, skip = source, graph_name, source in collapsed
            if not skip:
                add_node(source, graph_name)
                out = successors[source]
        if skip:
            continue
        is_fact = graph_name in fact_graphs
        if target not in nodes or (is_fact and not nodes[target]["fact"]):
            add_node(target, graph_name)
        key = key_of.get(predicate)
        if key is None:
            key = key_of[predicate] = shorten_iri(predicate)
        keys = out.get(target)
        if keys is None:
            out[target] = predecessors[target][source] = {
                key: {"predicate": predicate, "label": key, "graph": graph_name, "fact": is_fact}}
        elif (data := keys.get(key)) is None:
            keys[key] = {"predicate": predicate, "label": key, "graph": graph_name, "fact": is_fact}
        elif is_fact and not data["fact"]:
            data.update(graph=graph_name, fact=True)  # one edge per triple: a fact, even when reviews claim it too
    for iri in collapsed:
        parts = performances[iri]
        if {"actor", "character", "work"} <= parts.keys():
            graph = facts.performance_graph[iri]
            add_node(parts["actor"], graph)
            add_node(parts["work"], graph)
            edges = successors[parts["actor"]].get(parts["work"])
            if edges is None:
                edges = successors[parts["actor"]][parts["work"]] = predecessors[parts["work"]][parts["actor"]] = {}
            key = f"played:{parts['character']}"
            if key not in edges or (graph in fact_graphs and not edges[key]["fact"]):
                edges[key] = {
                    "predicate": str(WG.Performance), "label": f"played {label(parts['character'])}",
                    "character": parts["character"], "character_label": label(parts["character"]), "performance": iri,
                    "graph": graph, "fact": graph in fact_graphs,
                }
    for iri in sorted(types.keys() - nodes.keys() - collapsed):  # sorted: same file every run
        add_node(iri, facts.type_graph[iri])  # typed resources with no links still belong to the graph
    for iri, graph in facts.type_graph.items():
        if graph in fact_graphs and iri in nodes:
            add_node(iri, graph)  # typed by the reference, linked only by reviews
    return multigraph


def _costars(performances: dict[str, dict[str, str]], label: Any, performance_graph: dict[str, str]) -> nx.Graph:
    import networkx as nx

    cast: dict[str, dict[str, str]] = defaultdict(dict)  # work -> actor -> graph
    for iri, parts in performances.items():
        if "actor" in parts and "work" in parts:
            _prefer(cast[parts["work"]], parts["actor"], performance_graph[iri])
    costars = nx.Graph(name="wickgraph co-stars")
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (actor, actor) -> [(work, graph)]
    for work, actors in sorted(cast.items()):
        ordered = sorted(actors)
        for actor in ordered:
            if actor not in costars:
                costars.add_node(actor, iri=actor, label=label(actor), type="wg:Person", graph=actors[actor],
                                 fact=actors[actor] in _FACT_GRAPHS)
            elif actors[actor] in _FACT_GRAPHS and not costars.nodes[actor]["fact"]:
                costars.nodes[actor].update(graph=actors[actor], fact=True)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                # a pair is a fact when both performances are; else it comes from the claim's graph
                graph = actors[first] if actors[first] not in _FACT_GRAPHS else actors[second]
                pairs.setdefault((first, second), []).append((work, graph))
    for (first, second), shared in pairs.items():
        claims = [graph for _, graph in shared if graph not in _FACT_GRAPHS]
        costars.add_edge(first, second, works=" ".join(sorted(work for work, _ in shared)),  # scalars only: GraphML
                         weight=len(shared), graph=claims[0] if claims else shared[0][1], fact=not claims)
    return costars


def _rdf_bytes(store: Store, fmt: Format, graph: str) -> bytes:
    selected = quads(store, graph)
    if fmt.dataset:
        return fmt.write(selected)
    if graph != "reference":
        # a triple format has no graph names: each review's claims would read as facts
        raise UsageError(f"{fmt.name} has no graph names, so the claims in --graph {graph} would read as facts; "
                         "use trig, nquads or jsonld (each review in its own named graph), or --graph reference")
    # the reference facts and the reprises inferred from them, merged: each triple once
    return fmt.write(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in selected))


def export(store: Store, fmt: str, path: str | Path | None = None, *, graph: str = "all",
           view: str | None = None) -> bytes:
    """Serialise the graph in ``fmt`` (a graph or RDF format); write it atomically to ``path`` when given.

    ``view`` (default ``full``) picks the networkx view of a graph format; RDF formats have none.
    """
    chosen = by_name(fmt, "graph", "rdf")
    if chosen.kind == "graph":
        data = chosen.write(to_networkx(store, view or "full", graph=graph))
    elif view is not None:
        raise UsageError(f"--view is for graph formats (graphml, gexf, node-link, cytoscape); {chosen.name} is RDF")
    else:
        data = _rdf_bytes(store, chosen, graph)
    if path is not None:
        write_atomic(Path(path), data)
    return data
