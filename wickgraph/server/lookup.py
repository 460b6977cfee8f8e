"""What the resource pages show: a resource's description and its page's data, read from the store.

Every query lives in ``wickgraph/sparql/pages/*.rq`` (or is a named query of ``queries/``) and
is bound to the resource with pyoxigraph substitutions, never by pasting IRIs into text.
Facts come from ``graph:reference``; claims come from review graphs and are returned
apart, with their review and status, so a page never shows a claim as a fact.

>>> resource_iri("work", "ballerina-2025")
'https://w3id.org/wickgraph/id/work/ballerina-2025'
>>> resource_iri("work", "../etc") is None
True
>>> page_path("https://w3id.org/wickgraph/id/claim/r-1/2")
'/id/claim/r-1/2'
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import pyoxigraph as ox

from .. import queries, sparql
from ..claimkinds import kind_of_class
from ..namespaces import ID, PREFIXES, RDF, RDFS, REFERENCE_GRAPH, review_graph_iri
from ..store import Store

__all__ = [
    "PAGE_KINDS", "Fact", "Page", "claim_text", "describe", "label_of", "load_page", "page_path", "page_query",
    "page_sparql",
    "resource_iri", "select", "serialize", "short_type",
]

PAGE_KINDS = ("work", "person", "character", "review", "claim")
"""Kinds with a page of their own; any other ``/id/<kind>/...`` resource gets the generic page."""

T = TypeVar("T")
_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
_RDF_TYPE = RDF.type
_LABEL = RDFS.label
_REFERENCE = str(REFERENCE_GRAPH)
_REFERENCE_NODE = ox.NamedNode(_REFERENCE)
_REVIEW_GRAPHS = review_graph_iri("")
# facts the work page shows in sections of their own, not in its fact table
_SHOWN_APART = {"director", "writer", "creator", "label", "name"}


def resource_iri(kind: str, path: str) -> str | None:
    """The IRI of ``/id/<kind>/<path>``, or None when a segment is empty, ``..`` or not a plain slug."""
    segments = [kind, *path.split("/")]
    if not all(_SEGMENT.match(segment) for segment in segments):
        return None
    return f"{ID}{'/'.join(segments)}"


def page_path(iri: str) -> str | None:
    """The local page of one of our resource IRIs (``/id/...``), or None for any other IRI."""
    return "/id/" + iri[len(str(ID)):] if iri.startswith(str(ID)) else None


def short_type(iri: str) -> str:
    """The local name of a class or property IRI: ``CastClaim``, ``releaseDate``."""
    return re.split(r"[#/]", iri)[-1]


def page_sparql(name: str) -> str:
    return sparql.text(f"pages/{name}")


def _value(term: Any) -> str | None:
    """A term's lexical value or IRI (a quoted triple, which wickgraph never writes, as its N-Triples form)."""
    if term is None:
        return None
    return str(term) if isinstance(term, ox.Triple) else str(term.value)


def select(store: Store, sparql: str, **bindings: str) -> list[dict[str, str]]:
    """Rows of a SELECT with each binding's IRI substituted; values as plain strings, unbound left out."""
    result = store.query(sparql, params={name: ox.NamedNode(iri) for name, iri in bindings.items()})
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [{name: value for name in names if (value := _value(row[name])) is not None} for row in result]


def page_query(store: Store, name: str, **bindings: str) -> list[dict[str, str]]:
    return select(store, page_sparql(name), **bindings)


def _named_query(store: Store, name: str, param: str, iri: str) -> list[dict[str, str]]:
    return select(store, queries.get(name).bind({param: f"<{iri}>"}))


# -- descriptions (content negotiation) ----------------------------------------------------


def exists(store: Store, iri: str) -> bool:
    """Whether any graph says anything about ``iri``."""
    return next(store.quads_about(iri), None) is not None


def describe(store: Store, iri: str) -> list[ox.Quad]:
    """What the store says about ``iri`` in every graph, with the nodes it owns (its rating, its evidence).

    Owned nodes are those whose IRI extends the resource's own (``.../rating``,
    ``.../evidence``), so a claim comes with its quote, as DESCRIBE's bounded description would
    with blank nodes.
    """
    seen: set[str] = set()
    quads: list[ox.Quad] = []
    todo = [iri]
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for quad in store.quads_about(subject):
            quads.append(quad)
            if isinstance(quad.object, ox.NamedNode) and quad.object.value.startswith(iri + "/"):
                todo.append(quad.object.value)
    return quads


def serialize(quads: list[ox.Quad], rdf_format: ox.RdfFormat) -> bytes:
    """Quads in a dataset format (graph names kept), or their distinct triples in a graph format.

    Statements come sorted, and only the prefixes the statements use are declared.
    """
    quads = sorted(quads, key=lambda quad: (str(quad.subject), str(quad.predicate), str(quad.object),
                                            str(quad.graph_name)))
    kept = ("subject", "predicate", "object", "graph_name") if rdf_format.supports_datasets else (
        "subject", "predicate", "object")
    iris = {term.value for quad in quads for part in kept if isinstance(term := getattr(quad, part), ox.NamedNode)}
    prefixes = {prefix: namespace for prefix, namespace in PREFIXES.items()
                if any(iri.startswith(namespace) for iri in iris)}
    if rdf_format.supports_datasets:
        return ox.serialize(quads, format=rdf_format, prefixes=prefixes) or b""
    triples = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


# -- pages ---------------------------------------------------------------------------------


@dataclass
class Fact:
    """One property of a resource as the reference states it; ``iri`` when the value is a resource."""

    prop: str
    value: str
    iri: str | None = None


@dataclass
class Page:
    """Everything one resource page shows; ``sections`` differ by kind."""

    kind: str
    iri: str
    label: str
    types: list[str]
    facts: list[Fact]
    sections: dict[str, Any] = field(default_factory=dict)


def label_of(store: Store, iri: str) -> str | None:
    """The resource's ``rdfs:label``, from the reference first, else from any graph."""
    fallback = None
    for quad in store.quads_about(iri, _LABEL):
        if quad.graph_name == _REFERENCE_NODE:
            return _value(quad.object)
        fallback = fallback or _value(quad.object)
    return fallback



def _facts(store: Store, iri: str) -> tuple[list[Fact], list[str]]:
    facts: list[Fact] = []
    types: list[str] = []
    for row in page_query(store, "reference-facts", iri=iri):
        prop, value = row["p"], row["o"]
        if prop == _RDF_TYPE:
            types.append(short_type(value))
            continue
        facts.append(Fact(short_type(prop), row.get("label", value), value if row["isIri"] == "true" else None))
    facts.sort(key=lambda fact: (fact.prop, fact.value))
    return facts, sorted(types)


CONFLICTS_SHOWN = 20
"""Contradicted claims listed on a work page (the page gives the total)."""


@dataclass
class WorkSummary:
    """What a work page shows about all of a work's reviews: counts, average rating, first conflicts."""

    reviews: int = 0
    ratings: int = 0
    average: float | None = None
    conflicts: int = 0
    first_conflicts: list[dict[str, str]] = field(default_factory=list)


_KEPT: weakref.WeakKeyDictionary[Store, dict[str, Any]] = weakref.WeakKeyDictionary()
_KEPT_LOCKS: weakref.WeakKeyDictionary[Store, dict[str, threading.Lock]] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def _kept(store: Store, name: str, compute: Callable[[], T], cache: bool) -> T:
    """``compute()``, kept per store object under ``name`` when ``cache`` (a read-only view).

    Each value is computed once, under its own lock: a request waits only for the value it needs.
    """
    if not cache:
        return compute()
    with _KEPT_LOCK:
        values = _KEPT.setdefault(store, {})
        lock = _KEPT_LOCKS.setdefault(store, {}).setdefault(name, threading.Lock())
    with lock:
        if name not in values:
            values[name] = compute()
        return cast(T, values[name])


def work_summaries(store: Store, *, cache: bool = False) -> dict[str, WorkSummary]:
    """Each reviewed work's :class:`WorkSummary`, in two passes over the whole store.

    These read every review and every contradicted claim (thousands for a popular work). With
    ``cache`` they are kept while the store object lives: only for a read-only view, which a
    server replaces by a new object when the store changes.
    """
    return _kept(store, "work-summaries", lambda: _work_summaries(store), cache)


def _work_summaries(store: Store) -> dict[str, WorkSummary]:
    summaries = {}
    for row in page_query(store, "work-summaries"):
        summaries[row["work"]] = WorkSummary(
            reviews=int(row["reviews"]), ratings=int(row.get("ratings", "0")),
            average=float(row["average"]) if "average" in row else None,
            conflicts=int(row.get("conflicts", "0")))
    # the first rows of each work's conflicts, one row per claim (the first known false claim matching it)
    for row in sorted(page_query(store, "contradicted-claims"), key=lambda row: (row["work"], row["claim"])):
        shown = summaries.setdefault(row["work"], WorkSummary()).first_conflicts
        if len(shown) < CONFLICTS_SHOWN and (not shown or shown[-1]["claim"] != row["claim"]):
            shown.append(row)
    return summaries


def contradicted_about(store: Store, *, cache: bool = False) -> dict[str, int]:
    """How many contradicted claims name each person and character (kept like :func:`work_summaries`)."""
    return _kept(store, "contradicted-about", lambda: {
        row["resource"]: int(row["contradicted"]) for row in page_query(store, "contradicted-about")}, cache)


def _claims_by_review(rows: Iterable[dict[str, str]]) -> list[dict[str, Any]]:
    reviews: dict[str, dict[str, Any]] = {}
    for row in rows:
        review = reviews.setdefault(row["review"], {**row, "claims": []})
        if "claim" in row:
            review["claims"].append(row)
    return list(reviews.values())


def _claims(store: Store, **binding: str) -> list[dict[str, str]]:
    """Rows of ``claims.rq``, one per claim (the first known false claim explaining it, if several)."""
    claims: dict[str, dict[str, str]] = {}
    for row in page_query(store, "claims", **binding):
        claims.setdefault(row["claim"], row)
    return list(claims.values())


def _work_reference(store: Store, work: str) -> tuple[list[dict[str, str]], list[dict[str, str]], list[str]]:
    """A work's cast, credits and release years in the reference: what its claims are checked against."""
    years = [row["o"] for row in page_query(store, "reference-facts", iri=work)
             if short_type(row["p"]) == "releaseYear"]
    return _named_query(store, "cast", "work", work), page_query(store, "work-credits", iri=work), years


_PAGES: weakref.WeakKeyDictionary[Store, OrderedDict[tuple[str, str], Page | None]] = weakref.WeakKeyDictionary()
_PAGES_LOCK = threading.Lock()
PAGES_KEPT = 1024
"""Pages kept per read-only store view (least recently used dropped first)."""


def load_page(store: Store, kind: str, iri: str, *, cache: bool = False) -> Page | None:
    """The data of ``iri``'s page, or None when no graph says anything about it.

    With ``cache`` (a read-only view of the store, see :func:`work_summaries`) the page is
    kept and served again until the view is replaced.
    """
    if not cache:
        return _load_page(store, kind, iri, cache=False)
    with _PAGES_LOCK:
        pages = _PAGES.setdefault(store, OrderedDict())
        if (kind, iri) in pages:
            pages.move_to_end((kind, iri))
            return pages[(kind, iri)]
    page = _load_page(store, kind, iri, cache=True)
    with _PAGES_LOCK:
        pages[(kind, iri)] = page
        while len(pages) > PAGES_KEPT:
            pages.popitem(last=False)
    return page


def _load_page(store: Store, kind: str, iri: str, *, cache: bool) -> Page | None:
    facts, types = _facts(store, iri)
    label = label_of(store, iri)
    if not facts and not types and label is None and not exists(store, iri):
        return None
    page = Page(kind, iri, label or iri.rsplit("/", 1)[-1], types, facts)
    if kind == "work":
        page.facts = [fact for fact in facts if fact.prop not in _SHOWN_APART]
        summary = work_summaries(store, cache=cache).get(iri, WorkSummary())
        credits = page_query(store, "work-credits", iri=iri)
        cast_rows = _named_query(store, "cast", "work", iri)
        years = [fact.value for fact in facts if fact.prop == "releaseYear"]
        conflicts = [{**row, "reference": _reference_text(row, cast_rows, credits, years)}
                     for row in summary.first_conflicts]
        page.sections = {
            "order": page_query(store, "work-order", iri=iri),
            "credits": credits,
            "cast": cast_rows,
            "reviews": sorted(_claims_by_review(page_query(store, "work-reviews", iri=iri)),
                              key=lambda review: review["review"]),
            "review_count": summary.reviews,
            "rating_count": summary.ratings,
            "average": summary.average,
            "conflicts": conflicts,
            "conflict_count": summary.conflicts,
        }
    elif kind in ("person", "character"):
        if kind == "person":
            page.sections["credits"] = _named_query(store, "person-credits", "person", iri)
        else:
            page.sections["portrayals"] = _named_query(store, "character-portrayals", "character", iri)
        page.sections["claims"] = sorted(page_query(store, "claims-about", iri=iri), key=lambda row: row["claim"])
        total = page_query(store, "claims-about-count", iri=iri)
        page.sections["claim_total"] = int(total[0]["claims"]) if total else 0
        page.sections["contradicted"] = contradicted_about(store, cache=cache).get(iri, 0)
    elif kind == "review":
        found = page_query(store, "review", iri=iri)
        page.sections["review"] = found[0] if found else {}
        claims = sorted(_claims(store, review=iri), key=lambda row: (int(row.get("start", "0")), row["claim"]))
        if claims:
            cast_rows, credits, years = _work_reference(store, claims[0]["work"])
            for claim in claims:
                if claim["status"] == "contradicted":
                    claim["reference"] = _reference_text(claim, cast_rows, credits, years)
        page.sections["claims"] = claims
    elif kind == "claim" and (found := _claims(store, claim=iri)):
        claim = found[0]
        page.sections["claim"] = claim
        page.sections["reference_side"] = _reference_side(store, claim)
        if claim.get("status") == "contradicted":
            cast_rows, credits, years = _work_reference(store, claim["work"])
            claim["reference"] = _reference_text(claim, cast_rows, credits, years)
        page.label = f"Claim {iri.rsplit('/', 2)[-2]}/{iri.rsplit('/', 1)[-1]}"
    else:
        # any other resource, and what lives under a claim's IRI without being a claim of a review (a
        # rejected claim, a decision, an evidence selector): its statements, graph by graph
        page.kind = "resource"
        page.sections["graphs"] = _by_graph(store, iri)
    return page


def _reference_text(claim: dict[str, str], cast_rows: list[dict[str, str]], credits: list[dict[str, str]],
                    years: list[str]) -> str:
    """The reference's side of a contradicted claim, from the facts its kind is checked against."""
    kind = kind_of_class(claim.get("class", ""))
    against = kind.reference_facts if kind else None
    if against == "performances":
        person = claim.get("personName")
        rows = [row for row in cast_rows if row["actorName"] == person] or [
            row for row in cast_rows if row["characterName"].lower() == claim.get("characterName", "").lower()]
        return "; ".join(f"{row['actorName']} as {row['characterName']}" for row in rows)
    if against == "credits" and kind is not None:
        return "; ".join(row["name"] for row in credits if row["role"] == kind.name and row.get("credited") != "false")
    if against == "year":
        return "; ".join(years)
    return ""


def _reference_side(store: Store, claim: dict[str, str]) -> dict[str, Any]:
    """What the reference says about the claim's subject: the cast rows, credits or year its kind is checked against."""
    work = claim.get("work")
    kind = kind_of_class(claim.get("class", ""))
    against = kind.reference_facts if kind else None
    if not work:
        return {}
    if against == "performances":
        cast = _named_query(store, "cast", "work", work)
        person, character = claim.get("person"), claim.get("character")
        return {"cast": [row for row in cast if row.get("actor") == person or row.get("character") == character]}
    if against == "credits" and kind is not None:
        return {"credits": [row for row in page_query(store, "work-credits", iri=work) if row["role"] == kind.name]}
    if against == "year":
        years = [row["o"] for row in page_query(store, "reference-facts", iri=work)
                 if short_type(row["p"]) == "releaseYear"]
        return {"year": years[0] if years else None}
    return {}


def _by_graph(store: Store, iri: str) -> list[tuple[str, list[Fact]]]:
    """Every statement about ``iri``, grouped by the graph that makes it (reference first)."""
    graphs: dict[str, list[Fact]] = {}
    for quad in describe(store, iri):
        if _value(quad.subject) != iri:
            continue
        graph = str(getattr(quad.graph_name, "value", ""))
        obj = quad.object
        value_iri = obj.value if isinstance(obj, ox.NamedNode) else None
        label = (label_of(store, value_iri) if value_iri else None) or _value(obj) or ""
        graphs.setdefault(graph, []).append(Fact(short_type(quad.predicate.value), label, value_iri))
    order = sorted(graphs, key=lambda g: (g != _REFERENCE, g))
    return [(graph, sorted(graphs[graph], key=lambda f: (f.prop, f.value))) for graph in order]


def review_id(graph_or_review: str) -> str:
    """The review id at the end of a review or review-graph IRI."""
    return graph_or_review.rsplit("/", 1)[-1]


def is_review_graph(graph: str) -> bool:
    """Whether a graph IRI is one review's graph."""
    return graph.startswith(_REVIEW_GRAPHS)


def claim_text(claim: dict[str, str]) -> str:
    """What a claim says, in words, as its kind words it: "Ana de Armas as Rooney", "released in 2024"."""
    kind = kind_of_class(claim.get("class", ""))
    if kind is None:
        return short_type(claim.get("class", "")) or "a claim"
    person = claim.get("personName", "someone")
    return kind.sentence({"person": person, "actor": person, "character": claim.get("characterName"),
                          "from_film": claim.get("fromWorkTitle"), "year": claim.get("year", "?")})
