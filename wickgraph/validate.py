"""SHACL validation of data files against ``ontology/shapes.ttl``, reported as values.

Each graph is checked on its own (with the ontology alongside, so subclasses count), and
results are remembered by the file's content hash: a file that passed once is not checked
again until it changes or the shapes do.

Two engines give the same answers: the shapes compiled to SPARQL and run on a pyoxigraph
store (:func:`validate_store`: every graph of a store at once, so ``build`` checks 10,000
reviews in about a second), and pySHACL (one graph at a time, about 40 ms each), used
when the shapes need a SHACL feature the compiler does not cover.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomicfile import write_atomic
from .resources import ontology_dir

if TYPE_CHECKING:
    from collections.abc import Mapping

    import pyoxigraph as ox
    import rdflib

__all__ = ["ValidationCache", "ValidationReport", "Violation", "validate_rdf", "validate_store"]

_ONTOLOGY_GRAPH = "https://w3id.org/wickgraph/graph/ontology"
_INFERRED_GRAPH = "https://w3id.org/wickgraph/graph/inferred"
_VALUES_LIMIT = 20  # graphs named in a VALUES clause (it slows every check); above this, check every graph


@dataclass(frozen=True)
class Violation:
    """One SHACL result: where (file, focus node, property path) and what is wrong."""

    source: str
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        return f"{self.source}: {where}: {self.message}"


@dataclass
class ValidationReport:
    """The outcome of validating some files; ``conforms`` when there are no violations."""

    checked: int = 0
    skipped: int = 0  # unchanged since they last passed
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[rdflib.Graph, rdflib.Graph, str]:
    import rdflib

    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    ontology = rdflib.Graph().parse(ontology_path, format="turtle")
    return shapes, ontology, shapes_digest()


@lru_cache(maxsize=1)
def shapes_digest() -> str:
    """Hash of the shapes and ontology: cached results are only valid for the same ones."""
    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    return hashlib.sha256(shapes_path.read_bytes() + ontology_path.read_bytes()).hexdigest()


def validate_rdf(data: bytes, rdf_format: str, source: str, *, engine: str = "auto") -> list[Violation]:
    """SHACL-validate serialised RDF (``turtle``, ``trig``, ``nquads``...); return its violations.

    All of its triples are one data graph, whatever graphs a dataset format names.
    ``engine`` is ``sparql`` (compiled shapes), ``pyshacl``, or ``auto`` (sparql when it covers the shapes).
    """
    if engine != "pyshacl" and _compiled() is not None:
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
    return _validate_pyshacl(data, rdf_format, source)


def _validate_pyshacl(data: bytes, rdf_format: str, source: str) -> list[Violation]:
    import rdflib
    from pyshacl import validate as shacl_validate

    shapes, ontology, _ = _shapes_and_ontology()
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=rdf_format)
    graph = rdflib.Graph()
    for triple in _all_triples(dataset):
        graph.add(triple)
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    return _violations(results, source)


def validate_store(
    store: ox.Store, graphs: Mapping[str, str] | None = None, *,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Violation]:
    """SHACL-validate named graphs of a pyoxigraph store, each on its own; return the violations.

    ``graphs`` maps the graphs to check to the name a violation reports (their file);
    by default every named graph but the ontology and inferred ones, reported by IRI.
    """
    import pyoxigraph as ox

    compiled = _compiled()
    if graphs is not None and not graphs:
        return []
    if graphs is not None and len(graphs) <= _VALUES_LIMIT:
        clause = "VALUES ?g { " + " ".join(f"<{g}>" for g in sorted(graphs)) + " }"
    else:
        # checking every graph and dropping the others' violations is faster than a long VALUES
        clause = f"FILTER(?g != <{_ONTOLOGY_GRAPH}> && ?g != <{_INFERRED_GRAPH}>)"
    # the compiler assumes the subclass tree is the ontology's: a graph that declares
    # subclasses of its own (none of ours do) is checked by pySHACL instead
    declares = {row["g"].value for row in _rows(store,
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a <{_RDFS}subClassOf> ?b }} {clause} }}")}
    if graphs is not None:
        declares &= set(graphs)
    found: list[Violation] = []
    if compiled is None:
        declares = set(graphs) if graphs is not None else {
            g.value for g in store.named_graphs() if g.value not in (_ONTOLOGY_GRAPH, _INFERRED_GRAPH)}
    else:
        checks, derived = compiled
        failed: dict[str, set[tuple[str, Any]]] = {}  # top-level shape -> (graph, focus node) that violate it

        def run(check: _Check) -> None:
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
                found.append(Violation(source, _key(row["r"]), path, check.prefix + message))
                if check.shape:
                    failed.setdefault(check.shape, set()).add((graph, row["r"]))
                if check.prefix:  # a shape reached by sh:node: its own result too, as pySHACL reports it
                    inner_path = check.inner_path or (row["p"].value if check.kind == "counts" else "")
                    found.append(Violation(source, _key(row["i"]), inner_path, message))

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
                        found.append(Violation(graphs[graph] if graphs else graph, _key(row["r"]), rule.path,
                                               f"sh:node <{rule.shape}>: {_key(node)} does not conform"))
    for graph in sorted(declares):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
        found += _validate_pyshacl(data, "nt", graphs[graph] if graphs else graph)
    return sorted(set(found), key=lambda v: (v.source, v.focus, v.path, v.message))


def _all_triples(dataset: rdflib.Dataset) -> list[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]:
    return [(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))]


def _violations(results: rdflib.Graph, source: str) -> list[Violation]:
    from rdflib.namespace import SH

    found = []
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        found.append(Violation(
            source=source,
            focus=str(results.value(result, SH.focusNode) or ""),
            path=str(results.value(result, SH.resultPath) or ""),
            message=str(results.value(result, SH.resultMessage) or "violates a shape"),
        ))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


class ValidationCache:
    """Content hashes of files that passed validation, kept in a JSON file beside the store."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._digest = shapes_digest()
        self._passed: set[str] = set()
        if path is not None and path.is_file():
            try:
                saved = json.loads(path.read_text())
                if saved.get("shapes") == self._digest:
                    self._passed = set(saved.get("passed", []))
            except (OSError, ValueError):
                pass  # a damaged cache only costs a re-check

    @staticmethod
    def key(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def __contains__(self, data: bytes) -> bool:
        return self.key(data) in self._passed

    def add(self, data: bytes) -> None:
        self._passed.add(self.key(data))

    def has_key(self, key: str) -> bool:
        return key in self._passed

    def add_key(self, key: str) -> None:
        """Remember a file by its :meth:`key` (when the bytes are no longer at hand)."""
        self._passed.add(key)

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        if target is None:
            return
        write_atomic(target, json.dumps({"shapes": self._digest, "passed": sorted(self._passed)}).encode("utf-8"))


# -- SHACL shapes as SPARQL on a store ------------------------------------------------------
#
# pySHACL takes about 40 ms per review graph (most of it rdflib), so validating 10,000
# review files one by one took minutes. The shapes use a small part of SHACL Core, which
# compiles to a few dozen SPARQL queries that check every named graph of a store at once,
# each graph on its own (``GRAPH ?g``), as pySHACL checks each file. A shapes file that uses
# anything outside that part raises ``_Unsupported`` and validation falls back to pySHACL,
# so a new kind of constraint can never be skipped silently; ``tests/test_validate_sparql.py``
# checks that both engines report the same focus nodes and paths on broken graphs.

_SH = "http://www.w3.org/ns/shacl#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_IGNORED = {f"{_RDF}type", f"{_RDFS}comment", f"{_RDFS}label", f"{_SH}name", f"{_SH}description",
            f"{_SH}message", f"{_SH}order", f"{_SH}group", f"{_SH}targetClass", f"{_SH}path",
            f"{_SH}severity", f"{_SH}deactivated"}
_NODE_KINDS = {
    "IRI": "!isIRI({v})", "Literal": "!isLiteral({v})", "BlankNode": "!isBlank({v})",
    "BlankNodeOrIRI": "isLiteral({v})", "IRIOrLiteral": "isBlank({v})", "BlankNodeOrLiteral": "isIRI({v})",
}
# well-formedness of a literal of these datatypes: its cast succeeds
_CASTS = {"integer", "decimal", "double", "float", "boolean", "date", "dateTime"}
_LEXICAL = {"gYearMonth": r"^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$",
            "gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$"}
_COMPARISONS = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}


class _Unsupported(Exception):
    """The shapes use a SHACL feature the SPARQL compiler does not cover."""


@dataclass(frozen=True)
class _Check:
    """One compiled constraint: a SELECT of ?g ?f (?v) for every violation, and how to report it."""

    sparql: str
    path: str
    kind: str  # "value" (projects ?c and maybe ?v) or "counts" (projects ?p ?low ?high ?n)
    prefix: str = ""  # "sh:node <shape>: " for a nested shape's checks
    inner_path: str = ""  # a nested check's own path (pySHACL reports the inner result too)
    shape: str = ""  # the top-level shape whose own violations this check finds


@dataclass(frozen=True)
class _Derived:
    """``sh:node N`` on the values of ``p``, where N has targets of its own: a value that is one of
    N's targets is checked once, by N's own checks, and its violations are carried to the outer focus."""

    bound: str  # the outer shape's target pattern, binding ?f0
    predicate: str
    path: str
    shape: str
    guard: str  # ASK: is some value not one of N's targets? Then ``checks`` (N on every value) run too
    checks: tuple[_Check, ...]


class _Shapes:
    """The shapes graph (and the ontology's subclass tree) read into plain dicts."""

    def __init__(self, shapes: bytes, ontology: bytes) -> None:
        import pyoxigraph as ox

        self.triples: dict[str, dict[str, list[Any]]] = {}
        for triple in ox.parse(shapes, format=ox.RdfFormat.TURTLE):
            key = _key(triple.subject)
            self.triples.setdefault(key, {}).setdefault(triple.predicate.value, []).append(triple.object)
        self.subclasses: dict[str, set[str]] = {}
        for triple in ox.parse(ontology, format=ox.RdfFormat.TURTLE):
            if triple.predicate.value == f"{_RDFS}subClassOf" and isinstance(triple.object, ox.NamedNode):
                self.subclasses.setdefault(triple.object.value, set()).add(_key(triple.subject))
        self._fresh = 0
        self.derived: list[_Derived] = []

    def values(self, node: Any, predicate: str) -> list[Any]:
        return self.triples.get(_key(node), {}).get(_SH + predicate if "#" not in predicate else predicate, [])

    def one(self, node: Any, predicate: str) -> Any:
        found = self.values(node, predicate)
        if len(found) > 1:
            raise _Unsupported(f"{predicate} given {len(found)} times on one shape")
        return found[0] if found else None

    def items(self, head: Any) -> list[Any]:
        out = []
        while _key(head) != f"{_RDF}nil":
            out.append(self.one(head, f"{_RDF}first"))
            head = self.one(head, f"{_RDF}rest")
            if head is None:
                raise _Unsupported("a malformed RDF list")
        return out

    def closure(self, cls: str) -> list[str]:
        """``cls`` and its subclasses in the ontology (SHACL instances count subclasses)."""
        found, todo = {cls}, [cls]
        while todo:
            for sub in self.subclasses.get(todo.pop(), ()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return sorted(found)

    def var(self) -> str:
        self._fresh += 1
        return f"?x{self._fresh}"

    # -- "value ?v violates shape S", as a SPARQL boolean expression ---------------------

    def value_violations(self, shape: Any, v: str) -> list[tuple[str, str]]:
        """(constraint, expression true when ``v`` violates it) for the value-type constraints of ``shape``."""
        out = []
        props = self.triples.get(_key(shape), {})
        for predicate, objects in props.items():
            name = predicate[len(_SH):] if predicate.startswith(_SH) else None
            if predicate in _IGNORED or name in ("property", "minCount", "maxCount", "lessThan"):
                continue
            if name is None:
                raise _Unsupported(f"<{predicate}> on a shape")
            for obj in objects:
                out.append((f"sh:{name}", self._value_expression(name, obj, v)))
        return out

    def _value_expression(self, name: str, obj: Any, v: str) -> str:
        if name == "nodeKind":
            kind = obj.value[len(_SH):]
            if kind not in _NODE_KINDS:
                raise _Unsupported(f"sh:nodeKind {obj.value}")
            return _NODE_KINDS[kind].format(v=v)
        if name == "datatype":
            local = obj.value[len(_XSD):] if obj.value.startswith(_XSD) else None
            well_formed = "true"
            if local in _CASTS:
                well_formed = f"COALESCE(isLiteral(<{obj.value}>({v})), false)"
            elif local in _LEXICAL:
                well_formed = f'REGEX(STR({v}), "{_LEXICAL[local]}")'
            return f"!(isLiteral({v}) && sameTerm(DATATYPE({v}), <{obj.value}>) && {well_formed})"
        if name in ("minLength", "maxLength"):
            op = "<" if name == "minLength" else ">"
            return f"(isBlank({v}) || STRLEN(STR({v})) {op} {int(obj.value)})"
        if name == "pattern":
            return f"(isBlank({v}) || !REGEX(STR({v}), {_sparql(obj)}))"
        if name == "in":
            members = self.items(obj)
            return "!(" + (" || ".join(f"sameTerm({v}, {_sparql(m)})" for m in members) or "false") + ")"
        if name in _COMPARISONS:
            return f"!COALESCE({v} {_COMPARISONS[name]} {_sparql(obj)}, false)"
        if name == "class":
            t = self.var()
            types = " ".join(f"<{c}>" for c in self.closure(obj.value))
            return f"NOT EXISTS {{ GRAPH ?g {{ {v} a {t} }} VALUES {t} {{ {types} }} }}"
        if name == "node":
            return self.violates(obj, v)
        if name == "or":
            return "(" + " && ".join(self.violates(alt, v) for alt in self.items(obj)) + ")"
        if name == "and":
            return "(" + " || ".join(self.violates(alt, v) for alt in self.items(obj)) + ")"
        if name == "not":
            return f"!{self.violates(obj, v)}"
        raise _Unsupported(f"sh:{name}")

    def violates(self, shape: Any, v: str) -> str:
        """True when node ``v`` does not conform to ``shape`` (its own path, if any, applies from ``v``)."""
        path = self.one(shape, "path")
        if path is not None:
            return self._property_violated(shape, path, v)
        parts = [expr for _, expr in self.value_violations(shape, v)]
        parts += [self._property_violated(prop, self.one(prop, "path"), v) for prop in self.values(shape, "property")]
        return "(" + (" || ".join(parts) or "false") + ")"

    def _property_violated(self, prop: Any, path: Any, f: str) -> str:
        p = _predicate(path)
        parts = []
        minimum, maximum = self.one(prop, "minCount"), self.one(prop, "maxCount")
        if minimum is not None and int(minimum.value) > 0:
            if int(minimum.value) != 1:
                raise _Unsupported("sh:minCount above 1 inside sh:node/sh:or")
            parts.append(f"NOT EXISTS {{ GRAPH ?g {{ {f} {p} {self.var()} }} }}")
        if maximum is not None:
            a, b = self.var(), self.var()
            if int(maximum.value) == 0:
                parts.append(f"EXISTS {{ GRAPH ?g {{ {f} {p} {a} }} }}")
            elif int(maximum.value) == 1:
                parts.append(f"EXISTS {{ GRAPH ?g {{ {f} {p} {a}, {b} }} FILTER(!sameTerm({a}, {b})) }}")
            else:
                raise _Unsupported("sh:maxCount above 1 inside sh:node/sh:or")
        for other in self.values(prop, "lessThan"):
            a, b = self.var(), self.var()
            parts.append(f"EXISTS {{ GRAPH ?g {{ {f} {p} {a} . {f} <{other.value}> {b} }} "
                         f"FILTER(!COALESCE({a} < {b}, false)) }}")
        checks = self.value_violations(prop, "?VALUE")
        if checks:
            value = self.var()
            exprs = " || ".join(expr.replace("?VALUE", value) for _, expr in checks)
            parts.append(f"EXISTS {{ GRAPH ?g {{ {f} {p} {value} }} FILTER({exprs}) }}")
        return "(" + (" || ".join(parts) or "false") + ")"

    # -- the top-level checks: a few SELECTs per shape, over every graph at once ----------
    #
    # Each SELECT projects ?g (graph), ?r (the focus node to report), ?v (the offending value,
    # if any) and ?c (which constraint failed); count constraints project ?p and ?n instead.

    def checks(self) -> list[_Check]:
        for props in self.triples.values():
            for predicate in ("targetNode", "targetSubjectsOf", "targetObjectsOf", "target"):
                if _SH + predicate in props:
                    raise _Unsupported(f"sh:{predicate}")
        out: list[_Check] = []
        for shape_key in sorted(s for s, props in self.triples.items() if f"{_SH}targetClass" in props):
            shape = self._node(shape_key)
            if self._inactive(shape):
                continue
            classes = sorted({c for t in self.values(shape, "targetClass") for c in self.closure(t.value)})
            checks = self.shape_checks(shape, _class_target(classes), None, "", 0)
            out += [check if check.prefix else dataclasses.replace(check, shape=shape_key) for check in checks]
        return out

    def target_classes(self, shape: Any) -> list[str]:
        """The classes a shape targets (with subclasses), or none when it is inactive or has no targets."""
        if self._inactive(shape):
            return []
        return sorted({c for t in self.values(shape, "targetClass") for c in self.closure(t.value)})

    def shape_checks(self, shape: Any, target: Callable[[str], str], report: str | None, path: str,
                     depth: int) -> list[_Check]:
        """Checks of ``shape`` on the nodes that ``target(var)`` binds to ``var``.

        Top-level shapes report their own focus node; a shape reached through ``sh:node``
        reports the outer focus node (``report``) and its ``path``.
        """
        f = f"?f{depth}"
        bound = target(f)
        shown = report or f
        out: list[_Check] = []
        value_checks = [(name, expr) for name, expr in self.value_violations(shape, f) if name != "sh:node"]
        if value_checks:
            out.append(self._value_query(bound, shown, f, f, value_checks, path, "", report is not None))
        for node in self.values(shape, "node"):
            out += self._nested(node, _bound_as(bound, f), shown, path, depth)
        props = [prop for prop in self.values(shape, "property") if not self._inactive(prop)]
        counts, optional = [], False
        for prop in props:
            p = _predicate(self.one(prop, "path"))
            minimum, maximum = self.one(prop, "minCount"), self.one(prop, "maxCount")
            low = int(minimum.value) if minimum is not None else 0
            high = int(maximum.value) if maximum is not None else -1
            if low > 0 or high >= 0:
                counts.append(f"({p} {low} {high})")
                optional = optional or low > 0
        if counts:
            sparql = (f"SELECT ?g ?r ?i ?p ?low ?high (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {bound} "
                      f"VALUES (?p ?low ?high) {{ {' '.join(counts)} }} "
                      f"{'OPTIONAL' if optional else ''} {{ GRAPH ?g {{ {f} ?p ?v }} }} BIND({shown} AS ?r) "
                      f"BIND({f} AS ?i) }} GROUP BY ?g ?r ?i ?p ?low ?high "
                      f"HAVING (COUNT(DISTINCT ?v) < ?low || (?high >= 0 && COUNT(DISTINCT ?v) > ?high))")
            out.append(_Check(sparql, path, "counts"))
        for prop in props:
            path_node = self.one(prop, "path")
            p = _predicate(path_node)
            shown_path = path or path_node.value
            pv = f"?v{depth}"
            with_values = f"{bound} GRAPH ?g {{ {f} {p} {pv} }}"
            value_checks = [(n, e) for n, e in self.value_violations(prop, pv) if n != "sh:node"]
            if value_checks:
                out.append(self._value_query(with_values, shown, f, pv, value_checks, shown_path, path_node.value,
                                             True))
            for other in self.values(prop, "lessThan"):
                sparql = (f"SELECT DISTINCT ?g ?r ?i ?v ?c WHERE {{ {with_values} "
                          f"GRAPH ?g {{ {f} <{other.value}> ?o }} FILTER(!COALESCE({pv} < ?o, false)) "
                          f'BIND({shown} AS ?r) BIND({f} AS ?i) BIND({pv} AS ?v) BIND("sh:lessThan" AS ?c) }}')
                out.append(_Check(sparql, shown_path, "value", inner_path=path_node.value))
            for node in self.values(prop, "node"):
                classes = self.target_classes(node)
                if depth == 0 and classes:
                    # values that are targets of the nested shape are checked once, by its own checks;
                    # the full nested checks run only when some value is not such a target
                    types = " ".join(f"<{c}>" for c in classes)
                    guard = (f"ASK {{ {bound} GRAPH ?g {{ {f} {p} ?x }} "
                             f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?x a ?nt }} VALUES ?nt {{ {types} }} }} }}")
                    nested = self._nested(node, _values_of(bound, f, p), shown, shown_path, depth)
                    self.derived.append(_Derived(bound, p, shown_path, _key(node), guard, tuple(nested)))
                else:
                    out += self._nested(node, _values_of(bound, f, p), shown, shown_path, depth)
        return out

    def _nested(self, node: Any, target: Callable[[str], str], report: str, path: str, depth: int) -> list[_Check]:
        """``sh:node``: the checks of ``node`` on each value, reported on the outer focus and path."""
        if depth > 5:
            raise _Unsupported("sh:node nested more than 5 deep (or recursive shapes)")
        return [dataclasses.replace(check, prefix=f"sh:node <{node.value}>: {check.prefix}")
                for check in self.shape_checks(node, target, report, path, depth + 1)]

    @staticmethod
    def _value_query(target: str, report: str, focus: str, v: str, checks: list[tuple[str, str]], path: str,
                     inner_path: str, with_value: bool) -> _Check:
        which = '""'
        for name, expr in reversed(checks):
            which = f'IF({expr}, "{name}", {which})'
        value = f"BIND({v} AS ?v) " if with_value else ""
        sparql = (f"SELECT DISTINCT ?g ?r ?i ?v ?c WHERE {{ {target} BIND({which} AS ?c) FILTER(?c != \"\") "
                  f"BIND({report} AS ?r) BIND({focus} AS ?i) {value}}}")
        return _Check(sparql, path, "value", inner_path=inner_path)

    def _inactive(self, shape: Any) -> bool:
        deactivated = self.one(shape, "deactivated")
        severity = self.one(shape, "severity")
        return (deactivated is not None and deactivated.value == "true") or (
            severity is not None and severity.value != f"{_SH}Violation")

    def _node(self, key: str) -> Any:
        import pyoxigraph as ox

        return ox.BlankNode(key[2:]) if key.startswith("_:") else ox.NamedNode(key)


def _class_target(classes: list[str]) -> Callable[[str], str]:
    """Binds a variable to each instance of ``classes`` (one pattern per class: a VALUES list of
    classes makes Oxigraph scan every rdf:type triple)."""
    def target(f: str) -> str:
        return " UNION ".join(f"{{ GRAPH ?g {{ {f} a <{c}> }} }}" for c in classes) + " {graphs}"
    return target


def _bound_as(bound: str, f: str) -> Callable[[str], str]:
    def target(x: str) -> str:
        return f"{bound} BIND({f} AS {x})"
    return target


def _values_of(bound: str, f: str, p: str) -> Callable[[str], str]:
    def target(x: str) -> str:
        return f"{bound} GRAPH ?g {{ {f} {p} {x} }}"
    return target


def _rows(store: ox.Store, sparql: str) -> ox.QuerySolutions:
    import pyoxigraph as ox

    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _key(term: Any) -> str:
    import pyoxigraph as ox

    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _predicate(path: Any) -> str:
    import pyoxigraph as ox

    if not isinstance(path, ox.NamedNode):
        raise _Unsupported("a property path other than a single predicate")
    return f"<{path.value}>"


def _sparql(term: Any) -> str:
    return str(term)


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[_Check], list[_Derived]] | None:
    """The shapes as SPARQL checks, or None when they use something the compiler does not cover."""
    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    try:
        shapes = _Shapes(shapes_path.read_bytes(), ontology_path.read_bytes())
        return shapes.checks(), shapes.derived
    except _Unsupported:
        return None
