"""One table of every output format: its names, media types, file suffix and writer.

Every ``--format`` option of the command line, the export dispatch and the server's content
negotiation read this table. ``kind`` says what a format can carry, and so what its
``write`` takes:

* ``results`` — SELECT/ASK results (SPARQL JSON, XML, CSV, TSV, and the readable ``table``):
  ``write(QuerySolutions | QueryBoolean) -> bytes``
* ``rdf`` — triples or quads (CONSTRUCT/DESCRIBE results, RDF exports):
  ``write(Iterable[Quad | Triple]) -> bytes``
* ``graph`` — graph files for apps (GraphML, GEXF, node-link, Cytoscape): ``write(networkx graph) -> bytes``

Rows that the library computes itself (reviews, conflicts, claims) become SPARQL results with
:func:`rows_result`, so ``reviews --format csv`` is written by the same writer as ``query --format csv``.

>>> by_name("ttl").name, by_name("turtle").media_type
('turtle', 'text/turtle')
>>> by_media_type("application/x-turtle").name
'turtle'
>>> [f.name for f in formats("graph")]
['graphml', 'gexf', 'node-link', 'cytoscape']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from . import graphfiles
from .errors import UsageError
from .namespaces import PREFIXES, XSD

__all__ = [
    "FORMATS", "Format", "accepted_media_types", "by_media_type", "by_name", "formats", "names", "render_rows",
    "render_table", "rows_result", "serialize_result", "serialize_rows",
]

Writer = Callable[[Any], bytes]


@dataclass(frozen=True)
class Format:
    """An output format: the first of ``media_types`` is the one it is served and labelled as."""

    name: str
    kind: str  # "results" | "rdf" | "graph"
    media_types: tuple[str, ...]
    suffix: str
    write: Writer
    aliases: tuple[str, ...] = ()
    dataset: bool = False  # an RDF format that keeps graph names (TriG, N-Quads, JSON-LD)
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat | None = None

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# -- writers of results and RDF (graph files: wickgraph.graphfiles) -------------------------


def _results_writer(results_format: ox.QueryResultsFormat) -> Writer:
    def write(result: ox.QuerySolutions | ox.QueryBoolean) -> bytes:
        return result.serialize(format=results_format) or b""
    return write


def _rdf_writer(rdf_format: ox.RdfFormat) -> Writer:
    def write(items: Iterable[ox.Quad] | Iterable[ox.Triple]) -> bytes:
        return ox.serialize(items, format=rdf_format, prefixes=PREFIXES) or b""
    return write


def _write_jsonld(items: Iterable[ox.Quad] | Iterable[ox.Triple]) -> bytes:
    """JSON-LD with the project's prefixes as its context, IRIs shortened to them."""
    data = ox.serialize(items, format=ox.RdfFormat.JSON_LD) or b"[]"
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": _compact(json.loads(data))}
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _write_table(result: ox.QuerySolutions | ox.QueryBoolean) -> bytes:
    return render_table(result).encode()


_RESULTS, _RDF = ox.QueryResultsFormat, ox.RdfFormat

FORMATS: tuple[Format, ...] = (
    Format("table", "results", ("text/plain",), ".txt", _write_table, aliases=("text",)),
    Format("json", "results", ("application/sparql-results+json", "application/json"), ".srj",
           _results_writer(_RESULTS.JSON), aliases=("srj",), oxigraph=_RESULTS.JSON),
    Format("xml", "results", ("application/sparql-results+xml", "application/xml", "text/xml"), ".srx",
           _results_writer(_RESULTS.XML), aliases=("srx",), oxigraph=_RESULTS.XML),
    Format("csv", "results", ("text/csv",), ".csv", _results_writer(_RESULTS.CSV), oxigraph=_RESULTS.CSV),
    Format("tsv", "results", ("text/tab-separated-values", "text/tsv"), ".tsv", _results_writer(_RESULTS.TSV),
           oxigraph=_RESULTS.TSV),
    Format("turtle", "rdf", ("text/turtle", "application/x-turtle", "application/turtle"), ".ttl",
           _rdf_writer(_RDF.TURTLE), aliases=("ttl",), oxigraph=_RDF.TURTLE),
    Format("ntriples", "rdf", ("application/n-triples", "text/n-triples"), ".nt", _rdf_writer(_RDF.N_TRIPLES),
           aliases=("nt", "n-triples"), oxigraph=_RDF.N_TRIPLES),
    Format("trig", "rdf", ("application/trig", "application/x-trig"), ".trig", _rdf_writer(_RDF.TRIG),
           dataset=True, oxigraph=_RDF.TRIG),
    Format("nquads", "rdf", ("application/n-quads", "text/x-nquads"), ".nq", _rdf_writer(_RDF.N_QUADS),
           aliases=("nq", "n-quads"), dataset=True, oxigraph=_RDF.N_QUADS),
    Format("jsonld", "rdf", ("application/ld+json", "application/json"), ".jsonld", _write_jsonld,
           aliases=("json-ld",), dataset=True, oxigraph=_RDF.JSON_LD),
    Format("rdfxml", "rdf", ("application/rdf+xml", "application/xml", "text/xml"), ".rdf", _rdf_writer(_RDF.RDF_XML),
           aliases=("rdf-xml", "rdf"), oxigraph=_RDF.RDF_XML),
    Format("graphml", "graph", ("application/graphml+xml", "application/xml"), ".graphml", graphfiles.write_graphml),
    Format("gexf", "graph", ("application/gexf+xml", "application/xml"), ".gexf", graphfiles.write_gexf),
    Format("node-link", "graph", ("application/json",), ".json", graphfiles.write_node_link,
           aliases=("nodelink", "d3")),
    Format("cytoscape", "graph", ("application/vnd.cytoscape+json", "application/json"), ".cyjs",
           graphfiles.write_cytoscape, aliases=("cyjs",)),
)


def formats(*kinds: str) -> list[Format]:
    """The formats of the given kinds (all when none are given), in table order."""
    return [fmt for fmt in FORMATS if not kinds or fmt.kind in kinds]


def names(*kinds: str) -> list[str]:
    """Every name and alias of the formats of ``kinds``: the choices of a ``--format`` option."""
    return [name for fmt in formats(*kinds) for name in fmt.names]


def by_name(name: str, *kinds: str) -> Format:
    """The format called ``name`` or one of its aliases (limited to ``kinds``); unknown names list the choices."""
    allowed = formats(*kinds)
    wanted = name.lower()
    for fmt in allowed:
        if wanted in fmt.names:
            return fmt
    raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(f.name for f in allowed)}")


def by_media_type(media_type: str, *kinds: str) -> Format | None:
    """The format for a media type (parameters such as ``charset`` ignored), or None."""
    wanted = media_type.split(";")[0].strip().lower()
    for fmt in formats(*kinds):
        if wanted in fmt.media_types:
            return fmt
    return None


def accepted_media_types(accept: str) -> list[str]:
    """The media ranges of an HTTP ``Accept`` header, most wanted first (quality, then specificity, then order).

    >>> accepted_media_types("text/*;q=0.5, application/ld+json, */*;q=0.1")
    ['application/ld+json', 'text/*', '*/*']
    """
    ranges: list[tuple[float, int, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        media = media.strip().lower()
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
            ranges.append((-quality, -specificity, position, media))
    return [media for *_, media in sorted(ranges)]


def serialize_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: Format) -> bytes:
    """Serialise a query result; SELECT/ASK take ``results`` formats, CONSTRUCT/DESCRIBE ``rdf`` ones."""
    if isinstance(result, ox.QueryTriples):
        if fmt.kind != "rdf":
            fmt = by_name("turtle")
        return fmt.write(result)
    if fmt.kind != "results":
        raise UsageError(f"format {fmt.name!r} is for RDF; SELECT and ASK results take table, json, xml, csv or tsv")
    return fmt.write(result)


# -- rows the library computes, as SPARQL results -------------------------------------------

Cell = str | int | float | ox.NamedNode | ox.Literal | None


def rows_result(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> ox.QuerySolutions:
    """Plain rows as SPARQL SELECT results (strings and numbers become literals, None unbound)."""
    def term(cell: Cell) -> str:
        if cell is None:
            return "UNDEF"
        if isinstance(cell, ox.NamedNode | ox.Literal):
            return str(cell)
        if isinstance(cell, bool):
            return "true" if cell else "false"
        if isinstance(cell, int | float):
            datatype = XSD.integer if isinstance(cell, int) else XSD.decimal
            return str(ox.Literal(str(cell), datatype=ox.NamedNode(datatype)))
        return str(ox.Literal(cell))

    variables = " ".join(f"?{name}" for name in columns)
    values = " ".join("(" + " ".join(term(cell) for cell in row) + ")" for row in rows)
    # SELECT * would not keep the column order of an empty VALUES block
    result = ox.Store().query(f"SELECT {variables} WHERE {{ VALUES ({variables}) {{ {values} }} }}")
    assert isinstance(result, ox.QuerySolutions)
    return result


# -- the table, for people at a terminal --------------------------------------------------

_SHORT = sorted(((iri, prefix) for prefix, iri in PREFIXES.items()), key=lambda item: -len(item[0]))


def shorten(term: object) -> str:
    """A term as a person reads it: a prefixed name for our IRIs, the plain value of a literal."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(getattr(term, "value", term))


def shorten_iri(iri: str) -> str:
    """An IRI as a prefixed name when one of our prefixes covers it, else unchanged."""
    for namespace, prefix in _prefixes_for(iri[: iri.rfind("/") + 1]):
        if iri.startswith(namespace) and "/" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


@lru_cache(maxsize=4096)
def _prefixes_for(head: str) -> list[tuple[str, str]]:
    # a prefix only applies when no "/" follows it, so it reaches past the IRI's last "/": exports
    # shorten hundreds of thousands of IRIs that share a few hundred such heads
    return [(namespace, prefix) for namespace, prefix in _SHORT if namespace.startswith(head)]


# C0/C1 controls (ESC starts terminal escape sequences), and the bidirectional overrides and
# isolates that reorder what a terminal shows (CVE-2021-42574)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")


def neutralise(text: str) -> str:
    """Text safe to print in a table: line breaks and tabs as one space, other controls as ``\\xNN`` / ``\\uNNNN``."""
    text = _BREAKS.sub(" ", text)
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def render_rows(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A plain-text table: header, rule, rows; every cell neutralised (no escape sequence reaches the terminal)."""
    header = [neutralise(name) for name in columns]
    body = [[neutralise(cell) for cell in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in body]) for i, name in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    return "\n".join([line(header), line(["-" * width for width in widths]), *(line(row) for row in body)]) + "\n"


def render_table(result: ox.QuerySolutions | ox.QueryBoolean, noun: str = "row") -> str:
    """SELECT results as a table with a count of rows, each called ``noun`` (``true``/``false`` for ASK)."""
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    columns = [variable.value for variable in result.variables]
    rows = [[shorten(solution[name]) for name in columns] for solution in result]
    return render_rows(columns, rows) + f"({len(rows)} {noun}{'s' if len(rows) != 1 else ''})\n"


def serialize_rows(columns: Sequence[str], rows: Iterable[Sequence[Cell]], fmt: Format, *, noun: str = "row") -> bytes:
    """Rows the library computed, in a ``results`` format: written as ``query`` writes SELECT results."""
    if fmt.kind != "results":
        raise UsageError(f"format {fmt.name!r} is for RDF or graphs; rows take {', '.join(names('results'))}")
    if fmt.name == "table":  # headers for people, which need not be SPARQL variable names
        cells = [["" if cell is None else shorten(cell) if isinstance(cell, ox.NamedNode) else str(cell)
                  for cell in row] for row in rows]
        return (render_rows(columns, cells) + f"({len(cells)} {noun}{'s' if len(cells) != 1 else ''})\n").encode()
    return fmt.write(rows_result(columns, rows))


# -- JSON-LD compaction ------------------------------------------------------------------------


def _compact(node: Any) -> Any:
    """Shorten full IRIs in JSON-LD keys, ``@id`` and ``@type`` to the context's prefixed names."""
    # the same few thousand IRIs recur hundreds of thousands of times: shorten each once
    curies: dict[str, str] = {}

    def curie(iri: Any) -> Any:
        if not isinstance(iri, str) or not iri.startswith("http"):
            return iri
        found = curies.get(iri)
        if found is None:
            found = curies[iri] = shorten_iri(iri)
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
