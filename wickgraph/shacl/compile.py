"""The SHACL shapes compiled to SPARQL: a few dozen queries that check every named graph of a store at once.

pySHACL takes about 40 ms per review graph (most of it rdflib), so validating 10,000 review
files one by one took minutes. The shapes use a small part of SHACL Core (listed in the
package docstring, :mod:`wickgraph.shacl`), which compiles to SPARQL that checks each graph
on its own (``GRAPH ?g``), as pySHACL checks each file. A shapes file that uses anything
outside that part raises :class:`Unsupported`, :func:`compiled_shapes` returns None and
validation falls back to pySHACL, so a new kind of constraint can never be skipped silently;
``tests/test_validate_sparql.py`` checks that both engines report the same focus nodes and
paths on broken graphs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..namespaces import RDF, RDFS, SH, XSD
from ..resources import ontology_dir

__all__ = ["Check", "Derived", "Unsupported", "compile_shapes", "compiled_shapes", "node_key"]

_IGNORED = {f"{RDF}type", f"{RDFS}comment", f"{RDFS}label", f"{SH}name", f"{SH}description",
            f"{SH}message", f"{SH}order", f"{SH}group", f"{SH}targetClass", f"{SH}path",
            f"{SH}severity", f"{SH}deactivated"}
_NODE_KINDS = {
    "IRI": "!isIRI({v})", "Literal": "!isLiteral({v})", "BlankNode": "!isBlank({v})",
    "BlankNodeOrIRI": "isLiteral({v})", "IRIOrLiteral": "isBlank({v})", "BlankNodeOrLiteral": "isIRI({v})",
}
# well-formedness of a literal of these datatypes: its cast succeeds
_CASTS = {"integer", "decimal", "double", "float", "boolean", "date", "dateTime"}
_LEXICAL = {"gYearMonth": r"^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$",
            "gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$"}
_COMPARISONS = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}


class Unsupported(Exception):
    """The shapes use a SHACL feature the SPARQL compiler does not cover."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT of ?g ?f (?v) for every violation, and how to report it."""

    sparql: str
    path: str
    kind: str  # "value" (projects ?c and maybe ?v) or "counts" (projects ?p ?low ?high ?n)
    prefix: str = ""  # "sh:node <shape>: " for a nested shape's checks
    inner_path: str = ""  # a nested check's own path (pySHACL reports the inner result too)
    shape: str = ""  # the top-level shape whose own violations this check finds


@dataclass(frozen=True)
class Derived:
    """``sh:node N`` on the values of ``p``, where N has targets of its own: a value that is one of
    N's targets is checked once, by N's own checks, and its violations are carried to the outer focus."""

    bound: str  # the outer shape's target pattern, binding ?f0
    predicate: str
    path: str
    shape: str
    guard: str  # ASK: is some value not one of N's targets? Then ``checks`` (N on every value) run too
    checks: tuple[Check, ...]


class _Shapes:
    """The shapes graph (and the ontology's subclass tree) read into plain dicts."""

    def __init__(self, shapes: bytes, ontology: bytes) -> None:
        import pyoxigraph as ox

        self.triples: dict[str, dict[str, list[Any]]] = {}
        for triple in ox.parse(shapes, format=ox.RdfFormat.TURTLE):
            key = node_key(triple.subject)
            self.triples.setdefault(key, {}).setdefault(triple.predicate.value, []).append(triple.object)
        self.subclasses: dict[str, set[str]] = {}
        for triple in ox.parse(ontology, format=ox.RdfFormat.TURTLE):
            if triple.predicate.value == f"{RDFS}subClassOf" and isinstance(triple.object, ox.NamedNode):
                self.subclasses.setdefault(triple.object.value, set()).add(node_key(triple.subject))
        self._fresh = 0
        self.derived: list[Derived] = []

    def values(self, node: Any, predicate: str) -> list[Any]:
        return self.triples.get(node_key(node), {}).get(SH + predicate if "#" not in predicate else predicate, [])

    def one(self, node: Any, predicate: str) -> Any:
        found = self.values(node, predicate)
        if len(found) > 1:
            raise Unsupported(f"{predicate} given {len(found)} times on one shape")
        return found[0] if found else None

    def items(self, head: Any) -> list[Any]:
        out = []
        while node_key(head) != f"{RDF}nil":
            out.append(self.one(head, f"{RDF}first"))
            head = self.one(head, f"{RDF}rest")
            if head is None:
                raise Unsupported("a malformed RDF list")
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
        props = self.triples.get(node_key(shape), {})
        for predicate, objects in props.items():
            name = predicate[len(SH):] if predicate.startswith(SH) else None
            if predicate in _IGNORED or name in ("property", "minCount", "maxCount", "lessThan"):
                continue
            if name is None:
                raise Unsupported(f"<{predicate}> on a shape")
            for obj in objects:
                out.append((f"sh:{name}", self._value_expression(name, obj, v)))
        return out

    def _value_expression(self, name: str, obj: Any, v: str) -> str:
        if name == "nodeKind":
            kind = obj.value[len(SH):]
            if kind not in _NODE_KINDS:
                raise Unsupported(f"sh:nodeKind {obj.value}")
            return _NODE_KINDS[kind].format(v=v)
        if name == "datatype":
            local = obj.value[len(XSD):] if obj.value.startswith(XSD) else None
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
        raise Unsupported(f"sh:{name}")

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
                raise Unsupported("sh:minCount above 1 inside sh:node/sh:or")
            parts.append(f"NOT EXISTS {{ GRAPH ?g {{ {f} {p} {self.var()} }} }}")
        if maximum is not None:
            a, b = self.var(), self.var()
            if int(maximum.value) == 0:
                parts.append(f"EXISTS {{ GRAPH ?g {{ {f} {p} {a} }} }}")
            elif int(maximum.value) == 1:
                parts.append(f"EXISTS {{ GRAPH ?g {{ {f} {p} {a}, {b} }} FILTER(!sameTerm({a}, {b})) }}")
            else:
                raise Unsupported("sh:maxCount above 1 inside sh:node/sh:or")
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

    def checks(self) -> list[Check]:
        for props in self.triples.values():
            for predicate in ("targetNode", "targetSubjectsOf", "targetObjectsOf", "target"):
                if SH + predicate in props:
                    raise Unsupported(f"sh:{predicate}")
        out: list[Check] = []
        for shape_key in sorted(s for s, props in self.triples.items() if f"{SH}targetClass" in props):
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
                     depth: int) -> list[Check]:
        """Checks of ``shape`` on the nodes that ``target(var)`` binds to ``var``.

        Top-level shapes report their own focus node; a shape reached through ``sh:node``
        reports the outer focus node (``report``) and its ``path``.
        """
        f = f"?f{depth}"
        bound = target(f)
        shown = report or f
        out: list[Check] = []
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
            out.append(Check(sparql, path, "counts"))
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
                out.append(Check(sparql, shown_path, "value", inner_path=path_node.value))
            for node in self.values(prop, "node"):
                classes = self.target_classes(node)
                if depth == 0 and classes:
                    # values that are targets of the nested shape are checked once, by its own checks;
                    # the full nested checks run only when some value is not such a target
                    types = " ".join(f"<{c}>" for c in classes)
                    guard = (f"ASK {{ {bound} GRAPH ?g {{ {f} {p} ?x }} "
                             f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?x a ?nt }} VALUES ?nt {{ {types} }} }} }}")
                    nested = self._nested(node, _values_of(bound, f, p), shown, shown_path, depth)
                    self.derived.append(Derived(bound, p, shown_path, node_key(node), guard, tuple(nested)))
                else:
                    out += self._nested(node, _values_of(bound, f, p), shown, shown_path, depth)
        return out

    def _nested(self, node: Any, target: Callable[[str], str], report: str, path: str, depth: int) -> list[Check]:
        """``sh:node``: the checks of ``node`` on each value, reported on the outer focus and path."""
        if depth > 5:
            raise Unsupported("sh:node nested more than 5 deep (or recursive shapes)")
        return [dataclasses.replace(check, prefix=f"sh:node <{node.value}>: {check.prefix}")
                for check in self.shape_checks(node, target, report, path, depth + 1)]

    @staticmethod
    def _value_query(target: str, report: str, focus: str, v: str, checks: list[tuple[str, str]], path: str,
                     inner_path: str, with_value: bool) -> Check:
        which = '""'
        for name, expr in reversed(checks):
            which = f'IF({expr}, "{name}", {which})'
        value = f"BIND({v} AS ?v) " if with_value else ""
        sparql = (f"SELECT DISTINCT ?g ?r ?i ?v ?c WHERE {{ {target} BIND({which} AS ?c) FILTER(?c != \"\") "
                  f"BIND({report} AS ?r) BIND({focus} AS ?i) {value}}}")
        return Check(sparql, path, "value", inner_path=inner_path)

    def _inactive(self, shape: Any) -> bool:
        deactivated = self.one(shape, "deactivated")
        severity = self.one(shape, "severity")
        return (deactivated is not None and deactivated.value == "true") or (
            severity is not None and severity.value != f"{SH}Violation")

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


def node_key(term: Any) -> str:
    import pyoxigraph as ox

    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _predicate(path: Any) -> str:
    import pyoxigraph as ox

    if not isinstance(path, ox.NamedNode):
        raise Unsupported("a property path other than a single predicate")
    return f"<{path.value}>"


def _sparql(term: Any) -> str:
    return str(term)


def compile_shapes(shapes: bytes, ontology: bytes) -> tuple[list[Check], list[Derived]]:
    """Turtle shapes as SPARQL checks; raises :class:`Unsupported` when they go beyond the subset."""
    compiled = _Shapes(shapes, ontology)
    return compiled.checks(), compiled.derived


@lru_cache(maxsize=1)
def compiled_shapes() -> tuple[list[Check], list[Derived]] | None:
    """``ontology/shapes.ttl`` as SPARQL checks, or None when it uses something the compiler does not cover."""
    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    try:
        return compile_shapes(shapes_path.read_bytes(), ontology_path.read_bytes())
    except Unsupported:
        return None
