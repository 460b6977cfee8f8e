"""Deterministic TriG for one named graph, written from strings: the review-graph writer's serialiser.

The bytes are those of ``pyoxigraph.serialize`` (oxttl's TriG serialiser) given the triples in
the file's order: by subject, ``rdf:type`` first, then by predicate and object, numbers inside
IRIs comparing as numbers (claim 10 follows claim 9). Writing from strings instead of building
pyoxigraph quads, sorting them and serialising them is several times faster, which is what
``add`` and ``synth`` spend their time on. ``tests/test_trig.py`` holds the output to
pyoxigraph's serialiser byte for byte.

Terms are tuples: ``("i", iri, "")`` for an IRI, ``("l", lexical form, datatype IRI or "")`` for a
literal ("" is a plain ``xsd:string``). Blank nodes and language tags do not occur in review graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from .namespaces import RDF, XSD

__all__ = ["Term", "TriGWriter", "iri", "literal", "nt", "sort_key", "term_of"]

Term = tuple[str, str, str]

_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)

# oxttl writes these datatypes bare when the lexical form fits the Turtle grammar
_INLINE = {
    str(XSD.integer): re.compile(r"[+-]?[0-9]+").fullmatch,
    str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+").fullmatch,
    str(XSD.double): re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+").fullmatch,
    str(XSD.boolean): re.compile("true|false").fullmatch,
}
# oxrdf's print_quoted_str
_ESCAPES = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)},
            0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f\ufffe\uffff\"\\\\]").search
_LOCAL_ESCAPABLE = frozenset("_~.-!$&'()*+,;=/?#@%")
_NUMBERS = re.compile(r"(\d+)")


def iri(value: str) -> Term:
    return ("i", value, "")


def literal(lexical: str, datatype: str = "") -> Term:
    return ("l", lexical, "" if datatype == _XSD_STRING else datatype)


def term_of(term: Any) -> Term:
    """A pyoxigraph IRI or literal as a term."""
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.Literal) and term.language is None:
        return literal(term.value, term.datatype.value)
    raise ValueError(f"a review graph holds IRIs and plain or typed literals only, not {term}")


def quoted(value: str) -> str:
    """A string in quotes, escaped as oxrdf prints it."""
    return '"' + (value.translate(_ESCAPES) if _NEEDS_ESCAPE(value) else value) + '"'


@lru_cache(maxsize=1 << 16)
def nt(term: Term) -> str:
    """The N-Triples form of a term (what ``str()`` of a pyoxigraph term gives)."""
    kind, value, datatype = term
    if kind == "i":
        return f"<{value}>"
    return quoted(value) + (f"^^<{datatype}>" if datatype else "")


def _natural(value: str, tail: str) -> tuple[Any, ...]:
    parts: list[Any] = _NUMBERS.split(value)
    parts[1::2] = map(int, parts[1::2])
    return (*parts, tail)


@lru_cache(maxsize=1 << 16)  # works, people, classes and properties recur in every review
def sort_key(term: Term) -> tuple[Any, ...]:
    """Text and numbers of the term's value in turn, then its N-Triples form (the tie-breaker)."""
    return _natural(term[1], nt(term))


@lru_cache(maxsize=1 << 16)
def _subject_key(subject: str) -> tuple[Any, ...]:
    return _natural(subject, f"<{subject}>")


@lru_cache(maxsize=1 << 10)
def _predicate_key(predicate: str) -> tuple[bool, str]:
    """rdf:type first, then by the predicate's N-Triples form."""
    return predicate != _RDF_TYPE, f"<{predicate}>"


def _pair_order(pairs: Iterable[tuple[str, Term]]) -> list[tuple[str, Term]]:
    """A subject's (predicate, object) pairs by predicate, then by object.

    Objects are compared only within one predicate's run (types, a work's two directors):
    most predicates have one object, whose key would be worked out for nothing.
    """
    ordered = sorted(pairs, key=_by_predicate)
    start = 0
    for end in range(1, len(ordered) + 1):
        if end == len(ordered) or ordered[end][0] != ordered[start][0]:
            if end - start > 1:
                ordered[start:end] = sorted(ordered[start:end], key=_by_object)
            start = end
    return ordered


def _by_predicate(pair: tuple[str, Term]) -> tuple[bool, str]:
    return _predicate_key(pair[0])


def _by_object(pair: tuple[str, Term]) -> tuple[Any, ...]:
    return sort_key(pair[1])


def _pn_chars_u(c: str) -> bool:
    """Turtle's PN_CHARS_U, as oxttl's lexer tests it."""
    o = ord(c)
    return ("A" <= c <= "Z" or "a" <= c <= "z" or c == "_" or 0xC0 <= o <= 0xD6 or 0xD8 <= o <= 0xF6
            or 0xF8 <= o <= 0x2FF or 0x370 <= o <= 0x37D or 0x37F <= o <= 0x1FFF or 0x200C <= o <= 0x200D
            or 0x2070 <= o <= 0x218F or 0x2C00 <= o <= 0x2FEF or 0x3001 <= o <= 0xD7FF
            or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFFD or 0x10000 <= o <= 0xEFFFF)


def _pn_chars(c: str) -> bool:
    o = ord(c)
    return (_pn_chars_u(c) or c == "-" or "0" <= c <= "9" or o == 0xB7 or 0x300 <= o <= 0x36F
            or 0x203F <= o <= 0x2040)


def _local_name(value: str) -> str | None:
    """oxttl's escape_local_name: ``value`` as the local part of a prefixed name, or None if it cannot be."""
    out = []
    last = len(value) - 1
    for i, c in enumerate(value):
        if (_pn_chars_u(c) or c == ":" or "0" <= c <= "9") if i == 0 else (
                _pn_chars(c) or c == ":" or (c == "." and i < last)):
            out.append(c)
        elif c in _LOCAL_ESCAPABLE:
            out.append("\\" + c)
        else:
            return None
    return "".join(out) if out else None


class TriGWriter:
    """Writes one named graph as oxttl's TriG serialiser does, with the given prefixes."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # the serialiser's own prelude gives the prefixes, and the order it declares and tries them in
        probe = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"),
                        ox.NamedNode("urn:x:g"))
        serialized = ox.serialize([probe], format=ox.RdfFormat.TRIG, prefixes=dict(prefixes)) or b""
        self.prelude = serialized.decode("utf-8").split("<urn:x:g> {\n", 1)[0]
        declared = re.finditer(r"^@prefix ([^:]*): <([^>]*)> \.$", self.prelude, re.MULTILINE)
        self.prefixes = [(m[1], m[2]) for m in declared]
        self.has_prefix = re.compile("|".join(re.escape(base) for _, base in self.prefixes)).match
        self.iri = lru_cache(maxsize=1 << 16)(self._iri)
        self.term = lru_cache(maxsize=1 << 16)(self._term)

    def _iri(self, value: str) -> str:
        if self.has_prefix(value):
            for name, base in self.prefixes:  # the first prefix whose local part is a valid name
                if value.startswith(base):
                    local = value[len(base):]
                    if not local:
                        return name + ":"
                    escaped = _local_name(local)
                    if escaped is not None:
                        return f"{name}:{escaped}"
        return f"<{value}>"

    def _term(self, term: Term) -> str:
        kind, value, datatype = term
        if kind == "i":
            return self.iri(value)
        if not datatype:
            return quoted(value)
        inline = _INLINE.get(datatype)
        if inline is not None and inline(value):
            return value
        return quoted(value) + "^^" + self.iri(datatype)

    def write(self, graph: str, subjects: Mapping[str, Iterable[tuple[str, Term]]]) -> bytes:
        """The TriG document of ``graph``: each subject's (predicate, object) pairs, without duplicates."""
        out = [self.prelude, self.iri(graph), " {\n"]
        term, name = self.term, self.iri
        for subject in sorted(subjects, key=_subject_key):
            lines: list[str] = []
            predicate = None
            for p, o in _pair_order(subjects[subject]):
                if p == predicate:
                    lines[-1] += " , " + term(o)
                else:
                    lines.append(("a " if p == _RDF_TYPE else name(p) + " ") + term(o))
                    predicate = p
            out.append("\t" + name(subject) + " " + " ;\n\t\t".join(lines) + " .\n")
        out.append("}\n")
        return "".join(out).encode("utf-8")
