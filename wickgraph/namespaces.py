"""Namespaces and IRI builders: the one place where wickgraph's IRIs are spelled.

Terms are plain ``str``: ``WG.Performance`` is the IRI itself, cheap in hot loops, and
this module imports no RDF library (``wickgraph --help`` stays fast). Wrap a term in
``rdflib.URIRef`` or ``pyoxigraph.NamedNode`` where a library asks for its own type.

``WG`` is closed: a misspelt term raises at once (and ``mypy`` sees it), as in rdflib's
``FOAF``; ``tests/test_ontology.py`` checks that its terms and the terms declared in
``ontology/wickgraph.ttl`` are the same set.

>>> WG.Performance
'https://w3id.org/wickgraph/ontology#Performance'
>>> SCHEMA.name
'https://schema.org/name'
>>> work_iri("ballerina-2025")
'https://w3id.org/wickgraph/id/work/ballerina-2025'
>>> slugify("Saïd Taghmaoui")
'said-taghmaoui'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Self, TypeVar

__all__ = [
    "DCTERMS",
    "GRAPH",
    "ID",
    "IMDB",
    "INFERRED_GRAPH",
    "OA",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "REFERENCE_GRAPH",
    "SCHEMA",
    "SD",
    "SH",
    "SKOS",
    "SYNTHETIC_REVIEWS",
    "WD",
    "W3C_FORMATS",
    "WDT",
    "WG",
    "XSD",
    "ClosedNamespace",
    "Namespace",
    "agent_iri",
    "character_iri",
    "claim_iri",
    "credit_iri",
    "extraction_iri",
    "false_claim_iri",
    "franchise_iri",
    "org_iri",
    "performance_iri",
    "person_iri",
    "reprise_iri",
    "review_graph_iri",
    "review_iri",
    "series_iri",
    "slugify",
    "strings",
    "work_iri",
]


class Namespace(str):
    """An IRI prefix whose attributes are its terms, as plain ``str``.

    >>> PROV.wasDerivedFrom
    'http://www.w3.org/ns/prov#wasDerivedFrom'
    >>> DCTERMS.term("title")  # a term that is also a str method's name
    'http://purl.org/dc/terms/title'
    """

    def term(self, name: str) -> str:
        """The IRI of ``name`` in this namespace."""
        return str(self) + name

    def __getattr__(self, name: str) -> str:  # only for names not looked up yet
        if name.startswith("_"):
            raise AttributeError(name)
        value = self.term(name)
        setattr(self, name, value)  # later lookups are plain attribute reads
        return value


class ClosedNamespace(Namespace):
    """A namespace with a fixed set of terms, declared as ``name: str`` annotations on a subclass.

    >>> WG.Perfromance
    Traceback (most recent call last):
    AttributeError: 'Perfromance' is not a term of https://w3id.org/wickgraph/ontology#
    """

    terms: frozenset[str]

    def __new__(cls, iri: str) -> Self:
        namespace = super().__new__(cls, iri)
        names = frozenset(name for klass in cls.__mro__
                          if issubclass(klass, ClosedNamespace) and klass is not ClosedNamespace
                          for name in klass.__annotations__)  # a class's own (Python 3.10+), names only
        namespace.__dict__.update({name: iri + name for name in names}, terms=names)
        return namespace

    def term(self, name: str) -> str:
        if name not in self.terms:
            raise AttributeError(f"{name!r} is not a term of {self}")
        return str(self) + name

    def __getattr__(self, name: str) -> str:  # every term is set in __new__: anything else is a mistake
        if name.startswith("_"):
            raise AttributeError(name)
        return self.term(name)


ONTOLOGY_IRI = "https://w3id.org/wickgraph/ontology"
ID = Namespace("https://w3id.org/wickgraph/id/")
GRAPH = Namespace("https://w3id.org/wickgraph/graph/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
IMDB = Namespace("https://www.imdb.com/title/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")  # not formats.FORMATS, the table of ours
SYNTHETIC_REVIEWS = Namespace("https://reviews.example.org/")


class _Ontology(ClosedNamespace):
    """The wickgraph ontology (``ontology/wickgraph.ttl``)."""

    # Classes: works and groupings
    Work: str
    Film: str
    TVSeries: str
    Episode: str
    VideoGame: str
    Franchise: str
    Series: str
    # Classes: people, characters, organisations and the n-ary links between them
    Person: str
    Character: str
    Organization: str
    Performance: str
    Credit: str
    Reprise: str
    # Classes: reviews, claims and their provenance
    Review: str
    Rating: str
    ReviewGraph: str
    Extraction: str
    Claim: str
    DirectorClaim: str
    WriterClaim: str
    CastClaim: str
    RepriseClaim: str
    FranchiseMemberClaim: str
    ReleaseYearClaim: str
    RatingClaim: str
    KnownFalseClaim: str

    # Work properties
    alias: str
    workingTitle: str
    productionStatus: str
    releaseDate: str
    releaseYear: str
    releaseOrder: str
    storyOrder: str
    storyPosition: str
    storyFollows: str
    setting: str
    filmNumber: str
    partOfFranchise: str
    partOfSeries: str
    episodeOf: str
    episodeNumber: str
    director: str
    writer: str
    creator: str
    productionCompany: str
    distributor: str
    imdbId: str
    unverifiedNote: str
    # Credit (n-ary person–work–role with the sheet's note)
    creditRole: str
    creditedPerson: str
    creditedWork: str
    credited: str
    # Performance (n-ary actor–character–work)
    actor: str
    character: str
    work: str
    creditedAs: str
    note: str
    isVoice: str
    isUncredited: str
    isArchiveFootage: str
    isYoungVersion: str
    isCameo: str
    # Character
    fullName: str
    preReleaseName: str
    disputedName: str
    isTitleOrOffice: str
    relatedCharacter: str
    # Reprise
    performance: str
    earlierPerformance: str
    fromWork: str
    inferred: str
    # Shared flags
    verified: str
    reconciled: str
    # Review, rating, provenance
    retrievedOn: str
    textSha256: str
    ratingScale: str
    normalizedRating: str
    extractionMethod: str
    # Claim
    claimedIn: str
    aboutWork: str
    claimedPerson: str
    claimedCharacter: str
    claimedCharacterName: str
    claimedFromWork: str
    claimedYear: str
    claimedFranchise: str
    claimedRating: str
    assertsPerformance: str
    status: str
    evidence: str
    # Known false claim
    truth: str
    aboutField: str
    falseValue: str
    seenIn: str

    # Curation (an editor's decision on each claim)
    CurationDecision: str
    RejectedClaim: str
    decision: str
    outcome: str
    extractorRule: str
    extractedValue: str
    rejectedIn: str
    claimType: str


    @property
    def _NS(self) -> Namespace:  # rdflib's DefinedNamespace spells it so: code written for it keeps working
        return Namespace(self)


WG = _Ontology(ONTOLOGY_IRI + "#")

_N = TypeVar("_N", bound=Namespace)


def strings(namespace: _N) -> _N:
    """The namespace itself: its terms are plain ``str`` already (kept for callers written for rdflib's terms)."""
    return namespace


PREFIXES: dict[str, str] = {
    "wg": str(WG),
    "id": str(ID),
    "graph": str(GRAPH),
    "work": str(ID) + "work/",
    "person": str(ID) + "person/",
    "character": str(ID) + "character/",
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}
"""Prefixes declared in every named query, export and store query."""

# Named graphs
ONTOLOGY_GRAPH = GRAPH.term("ontology")
REFERENCE_GRAPH = GRAPH.term("reference")
INFERRED_GRAPH = GRAPH.term("inferred")


def slugify(name: str) -> str:
    """ASCII, lower-case, hyphen-separated slug used in resource IRIs."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _iri(kind: str, slug: str) -> str:
    return f"{ID}{kind}/{slug}"


def work_iri(slug: str) -> str:
    """IRI of a work from its fact-sheet id, e.g. ``ballerina-2025``."""
    return _iri("work", slug)


def person_iri(slug: str) -> str:
    """IRI of a person from a slug (see :func:`slugify`)."""
    return _iri("person", slug)


def character_iri(slug: str) -> str:
    """IRI of a character from its fact-sheet id or a slug of its name."""
    return _iri("character", slug)


def series_iri(slug: str) -> str:
    """IRI of a series (a grouping of works) from its fact-sheet id."""
    return _iri("series", slug)


def franchise_iri(slug: str = "john-wick") -> str:
    """IRI of the franchise."""
    return _iri("franchise", slug)


def org_iri(slug: str) -> str:
    """IRI of an organisation (production company, publisher)."""
    return _iri("organization", slug)


def performance_iri(work_slug: str, character_slug: str, actor_slug: str) -> str:
    """IRI of the performance joining actor, character and work.

    Built from its three parts, so a review that names the same actor, character
    and work as the reference facts names the very same performance node.
    """
    return _iri("performance", f"{work_slug}--{character_slug}--{actor_slug}")


def credit_iri(work_slug: str, role: str, person_slug: str) -> str:
    """IRI of a credit (director, writer or creator of a work)."""
    return _iri("credit", f"{work_slug}--{role}--{person_slug}")


def reprise_iri(work_slug: str, character_slug: str, actor_slug: str) -> str:
    """IRI of a reprised role, named after the later work (as in ``sparql/infer-reprises.rq``)."""
    return _iri("reprise", f"{work_slug}--{character_slug}--{actor_slug}")


def false_claim_iri(claim_id: str) -> str:
    """IRI of a known false claim from the fact sheet."""
    return _iri("false-claim", claim_id)


def agent_iri(slug: str) -> str:
    """IRI of an agent: critic, publisher, editor or software."""
    return _iri("agent", slug)


def claim_iri(review_id: str, number: int) -> str:
    """IRI of the ``number``-th claim of a review."""
    return _iri("claim", f"{review_id}/{number}")


def extraction_iri(review_id: str) -> str:
    """IRI of the activity that extracted a review's claims."""
    return _iri("extraction", review_id)


def review_iri(review_id: str) -> str:
    """IRI of a review (the document), from its id."""
    return _iri("review", review_id)


def review_graph_iri(review_id: str) -> str:
    """IRI of the named graph that holds one review's claims and provenance."""
    return f"{GRAPH}review/{review_id}"

