"""One table of every output format: name, media type, file suffix and what it applies to.

It drives the ``--format`` choices of ``query`` and ``export``, the server's content
negotiation and the README's list. ``kind`` says what a format can carry:

* ``results`` — SELECT/ASK results (SPARQL JSON, XML, CSV, TSV, and the readable ``table``)
* ``rdf`` — triples or quads (CONSTRUCT/DESCRIBE results, RDF exports)
* ``graph`` — networkx exports of the graph for apps (GraphML, GEXF, node-link, Cytoscape)

>>> by_name("turtle").media_type
'text/turtle'
>>> [f.name for f in formats("graph")]
['graphml', 'gexf', 'node-link', 'cytoscape']
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from .errors import UsageError
from .namespaces import PREFIXES

__all__ = ["FORMATS", "Format", "by_media_type", "by_name", "formats", "serialize_result"]


@dataclass(frozen=True)
class Format:
    """An output format."""

    name: str
    kind: str  # "results" | "rdf" | "graph"
    media_type: str
    suffix: str
    dataset: bool = False  # an RDF format that keeps named graphs (TriG, N-Quads, JSON-LD here)
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat | None = None


FORMATS: tuple[Format, ...] = (
    Format("table", "results", "text/plain", ".txt"),
    Format("json", "results", "application/sparql-results+json", ".srj", oxigraph=ox.QueryResultsFormat.JSON),
    Format("xml", "results", "application/sparql-results+xml", ".srx", oxigraph=ox.QueryResultsFormat.XML),
    Format("csv", "results", "text/csv", ".csv", oxigraph=ox.QueryResultsFormat.CSV),
    Format("tsv", "results", "text/tab-separated-values", ".tsv", oxigraph=ox.QueryResultsFormat.TSV),
    Format("turtle", "rdf", "text/turtle", ".ttl", oxigraph=ox.RdfFormat.TURTLE),
    Format("ntriples", "rdf", "application/n-triples", ".nt", oxigraph=ox.RdfFormat.N_TRIPLES),
    Format("trig", "rdf", "application/trig", ".trig", dataset=True, oxigraph=ox.RdfFormat.TRIG),
    Format("nquads", "rdf", "application/n-quads", ".nq", dataset=True, oxigraph=ox.RdfFormat.N_QUADS),
    Format("jsonld", "rdf", "application/ld+json", ".jsonld", dataset=True, oxigraph=ox.RdfFormat.JSON_LD),
    Format("rdfxml", "rdf", "application/rdf+xml", ".rdf", oxigraph=ox.RdfFormat.RDF_XML),
    Format("graphml", "graph", "application/graphml+xml", ".graphml"),
    Format("gexf", "graph", "application/gexf+xml", ".gexf"),
    Format("node-link", "graph", "application/json", ".json"),
    Format("cytoscape", "graph", "application/vnd.cytoscape+json", ".cyjs"),
)


def formats(*kinds: str) -> list[Format]:
    """The formats of the given kinds, in table order."""
    return [fmt for fmt in FORMATS if fmt.kind in kinds]


def by_name(name: str, *kinds: str) -> Format:
    """The format called ``name`` (limited to ``kinds`` when given); unknown names list the choices."""
    allowed = formats(*kinds) if kinds else list(FORMATS)
    for fmt in allowed:
        if fmt.name == name:
            return fmt
    raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(f.name for f in allowed)}")


def by_media_type(media_type: str, *kinds: str) -> Format | None:
    """The format for a media type (as in an HTTP Accept header), or None."""
    for fmt in formats(*kinds) if kinds else FORMATS:
        if fmt.media_type == media_type:
            return fmt
    return None


def serialize_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: Format) -> bytes:
    """Serialise a query result; SELECT/ASK take ``results`` formats, CONSTRUCT/DESCRIBE ``rdf`` ones."""
    if isinstance(result, ox.QueryTriples):
        if fmt.kind != "rdf" or fmt.name == "table":
            fmt = by_name("turtle")
        assert isinstance(fmt.oxigraph, ox.RdfFormat)
        rdf_format = ox.RdfFormat.N_TRIPLES if fmt.dataset and fmt.name != "jsonld" else fmt.oxigraph
        return result.serialize(format=rdf_format) or b""
    if fmt.kind != "results":
        raise UsageError(f"format {fmt.name!r} is for RDF; SELECT and ASK results take table, json, xml, csv or tsv")
    if fmt.name == "table":
        return render_table(result).encode()
    assert isinstance(fmt.oxigraph, ox.QueryResultsFormat)
    return result.serialize(format=fmt.oxigraph) or b""


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


def render_table(result: ox.QuerySolutions | ox.QueryBoolean) -> str:
    """A plain-text table with a header row and a row count, for people at a terminal."""
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    names = [variable.value for variable in result.variables]
    rows = [[shorten(solution[name]) for name in names] for solution in result]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    out = [line(names), line(["-" * width for width in widths])]
    out += [line(row) for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def rows_as_csv(names: list[str], rows: list[list[str]]) -> str:
    """CSV text from plain rows (for summaries the library computes itself)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()
