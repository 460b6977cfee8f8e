"""The graph for apps: networkx views and file exports (networkx and RDF formats).

Views of :func:`to_networkx` (all built straight from the store's quads):

* ``full`` — a ``MultiDiGraph``: one node per resource (``iri``, ``label``, ``type``),
  one edge per IRI-to-IRI triple keyed by the predicate's prefixed name; performances are nodes.
* ``performances`` — as ``full``, but each performance collapses to an
  ``actor -[played]-> work`` edge carrying the character.
* ``costars`` — an undirected ``Graph`` of people who acted in the same works (``works`` on each edge).

``graph`` picks the named graphs: ``reference`` (facts and inferred reprises),
``claims`` (every review graph) or ``all``.
"""

from __future__ import annotations

import gc
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .atomicfile import write_atomic
from .errors import UsageError
from .formats import Format, by_name, shorten, shorten_iri
from .namespaces import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH, WG

if TYPE_CHECKING:
    import networkx as nx

    from .store import Store

__all__ = ["GRAPH_SELECTIONS", "VIEWS", "export", "quads", "to_networkx", "write_atomic"]

VIEWS = ("full", "performances", "costars")
GRAPH_SELECTIONS = ("reference", "claims", "all")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "https://schema.org/name")
_REVIEW_GRAPHS = f"{GRAPH}review/"


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
            return _costars(facts.performances, facts.label)
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
    names = [name.value for name in store.raw.named_graphs() if type(name) is ox.NamedNode and name.value != ontology]
    return [name for name in names if name.startswith(_REVIEW_GRAPHS)] if graph == "claims" else names


def _select(store: Store, sparql: str) -> list[str]:
    """The cells of a SELECT result, row after row (the header row first)."""
    result = store.raw.query(sparql)
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
            found = store.raw.query(
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
        elif predicate in _LABELS and type(obj) is literal:
            labels.setdefault(subject.value, obj.value)
        elif type(obj) is named_node:
            edges.append((subject.value, obj.value, predicate, quad.graph_name.value))  # type: ignore[union-attr]
            if predicate in _PERFORMANCE_PARTS:
                performances[subject.value][_PERFORMANCE_PARTS[predicate]] = obj.value


def _add_rows(facts: _Facts, cells: list[str], plan: _Plan) -> None:
    """Add one query's rows to the facts, as iterating their quads in order would."""
    graph_of, predicate_of, object_of = plan.graph_of, plan.predicate_of, plan.object_of
    type_id, label_ids, part_of = plan.type_id, plan.label_ids, plan.part_of
    labels, types, edges, performances = facts.labels, facts.types, facts.edges, facts.performances
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
        elif obj is None:
            if predicate_id in label_ids and not object_cell.startswith(("<", "_:")):
                labels.setdefault(subject, _literal_value(object_cell))
        else:
            edges.append((subject, obj, predicate_of[predicate_id] if predicate_id else predicate_cell[1:-1],
                          graph_of[graph_id]))
            if predicate_id in part_of:
                performances[subject][part_of[predicate_id]] = obj


def _multigraph(multigraph: nx.MultiDiGraph, facts: _Facts, collapse: bool) -> nx.MultiDiGraph:
    types, performances, label = facts.types, facts.performances, facts.label
    # filled in directly, as MultiDiGraph.add_node and add_edge would (the same dicts, in the same
    # order), without their per-call checks and cache clearing
    nodes, successors, predecessors = multigraph._node, multigraph._succ, multigraph._pred

    labels = facts.labels

    def add_node(iri: str) -> None:
        if iri not in nodes:
            successors[iri] = {}
            predecessors[iri] = {}
            nodes[iri] = {"iri": iri, "label": labels.get(iri) or shorten_iri(iri), "type": types.get(iri, "Resource")}

    def add_edge(source: str, target: str, key: str, attributes: dict[str, str]) -> None:
        keys = successors[source].get(target)
        if keys is None:
            keys = successors[source][target] = predecessors[target][source] = {}
        data = keys.get(key)
        if data is None:
            keys[key] = attributes
        else:
            data.update(attributes)

    collapsed = set(performances) if collapse else set()
    key_of: dict[str, str] = {}
    last_source, skip, out = None, False, {}
    for source, target, predicate, graph_name in facts.edges:  # add_node and add_edge, inlined: the hot loop
        if source is not last_source:  # a subject's edges come together (and share one string)
            last_source, skip = source, source in collapsed
            if not skip:
                if source not in nodes:
                    add_node(source)
                out = successors[source]
        if skip:
            continue
        if target not in nodes:
            add_node(target)
        key = key_of.get(predicate)
        if key is None:
            key = key_of[predicate] = shorten_iri(predicate)
        keys = out.get(target)
        if keys is None:
            edge = {"predicate": predicate, "label": key, "graph": graph_name}
            out[target] = predecessors[target][source] = {key: edge}
        elif (data := keys.get(key)) is None:
            keys[key] = {"predicate": predicate, "label": key, "graph": graph_name}
        else:
            data.update(predicate=predicate, label=key, graph=graph_name)
    for iri in collapsed:
        parts = performances[iri]
        if {"actor", "character", "work"} <= parts.keys():
            add_node(parts["actor"])
            add_node(parts["work"])
            add_edge(parts["actor"], parts["work"], f"played:{parts['character']}", {
                "predicate": str(WG.Performance), "label": f"played {label(parts['character'])}",
                "character": parts["character"], "character_label": label(parts["character"]), "performance": iri,
            })
    for iri in sorted(types.keys() - nodes.keys() - collapsed):  # sorted: same file every run
        add_node(iri)  # typed resources with no links still belong to the graph
    return multigraph


def _costars(performances: dict[str, dict[str, str]], label: Any) -> nx.Graph:
    import networkx as nx

    cast: dict[str, set[str]] = defaultdict(set)
    for parts in performances.values():
        if "actor" in parts and "work" in parts:
            cast[parts["work"]].add(parts["actor"])
    costars = nx.Graph(name="wickgraph co-stars")
    for work, actors in sorted(cast.items()):
        ordered = sorted(actors)
        for actor in ordered:
            costars.add_node(actor, iri=actor, label=label(actor), type="wg:Person")
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if costars.has_edge(first, second):
                    costars[first][second]["works"].append(work)
                else:
                    costars.add_edge(first, second, works=[work])
    for _, _, data in costars.edges(data=True):
        data["weight"] = len(data["works"])
        data["works"] = " ".join(sorted(data["works"]))  # GraphML and GEXF take scalars only
    return costars


def _graph_bytes(graph: nx.Graph, fmt: Format) -> bytes:
    import networkx as nx

    if fmt.name == "graphml":
        return "\n".join(nx.generate_graphml(graph)).encode()
    if fmt.name == "gexf":
        return "\n".join(nx.generate_gexf(graph)).encode()
    if fmt.name == "node-link":
        return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1).encode()
    return json.dumps(nx.cytoscape_data(graph), ensure_ascii=False, indent=1).encode()


def _compact(node: Any) -> Any:
    """Shorten full IRIs in JSON-LD keys, ``@id`` and ``@type`` to the context's prefixed names."""
    # the same few thousand IRIs recur hundreds of thousands of times: shorten each once
    curies: dict[str, str] = {}

    def curie(iri: Any) -> Any:
        if not isinstance(iri, str):
            return iri
        found = curies.get(iri)
        if found is None:
            found = curies[iri] = _curie(iri)
        return found

    def compact(node: Any) -> Any:
        if isinstance(node, list):
            return [compact(item) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("@id", "@type"):
                value = [curie(v) for v in value] if isinstance(value, list) else curie(value)
            else:
                value = compact(value)
            out[key if key.startswith("@") else curie(key)] = value
        return out

    return compact(node)


def _curie(iri: Any) -> Any:
    if isinstance(iri, str) and iri.startswith("http"):
        short = shorten(ox.NamedNode(iri))
        return short if short != iri else iri
    return iri


def _rdf_bytes(store: Store, fmt: Format, graph: str) -> bytes:
    assert isinstance(fmt.oxigraph, ox.RdfFormat)
    selected = quads(store, graph)
    if not fmt.dataset:
        # a graph format cannot carry graph names: the selection's triples, merged
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in selected)
        return ox.serialize(triples, format=fmt.oxigraph, prefixes=PREFIXES) or b""
    data = ox.serialize(selected, format=fmt.oxigraph, prefixes=PREFIXES) or b""
    if fmt.name == "jsonld":
        document = {"@context": dict(sorted(PREFIXES.items())), "@graph": _compact(json.loads(data))}
        return json.dumps(document, ensure_ascii=False, indent=1).encode()
    return data


def export(store: Store, fmt: str, path: str | Path | None = None, *, graph: str = "all", view: str = "full") -> bytes:
    """Serialise the graph in ``fmt`` (a graph or RDF format); write it atomically to ``path`` when given."""
    chosen = by_name(fmt, "graph", "rdf")
    if chosen.kind == "graph":
        data = _graph_bytes(to_networkx(store, view, graph=graph), chosen)
    else:
        data = _rdf_bytes(store, chosen, graph)
    if path is not None:
        write_atomic(Path(path), data)
    return data
