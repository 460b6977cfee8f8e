"""Namespaces and IRI builders: the one place where wickgraph's IRIs are spelled.

``WG`` is a closed :class:`rdflib.namespace.DefinedNamespace` (a misspelt term
raises at once, as in rdflib's own ``FOAF``); ``tests/test_namespaces.py`` checks
that its terms and the terms declared in ``ontology/wickgraph.ttl`` are the same set.

>>> str(WG.Performance)
'https://w3id.org/wickgraph/ontology#Performance'
>>> work_iri("ballerina-2025")
'https://w3id.org/wickgraph/id/work/ballerina-2025'
>>> slugify("Saïd Taghmaoui")
'said-taghmaoui'
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import RDF, RDFS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = [
    "DCTERMS", "GRAPH", "ID", "OA", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SH", "WD", "WG", "XSD",
    "agent_iri", "character_iri", "claim_iri", "credit_iri", "extraction_iri", "false_claim_iri",
    "franchise_iri", "graph_iri", "org_iri", "performance_iri", "person_iri", "reprise_iri",
    "review_graph_iri", "review_iri", "series_iri", "slugify", "strings", "work_iri",
]

ONTOLOGY_IRI = "https://w3id.org/wickgraph/ontology"
ID = Namespace("https://w3id.org/wickgraph/id/")
GRAPH = Namespace("https://w3id.org/wickgraph/graph/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
IMDB = Namespace("https://www.imdb.com/title/")


class WG(DefinedNamespace):
    """The wickgraph ontology (``ontology/wickgraph.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/wickgraph/ontology#")

    # Classes: works and groupings
    Work: URIRef
    Film: URIRef
    TVSeries: URIRef
    Episode: URIRef
    VideoGame: URIRef
    Franchise: URIRef
    Series: URIRef
    # Classes: people, characters, organisations and the n-ary links between them
    Person: URIRef
    Character: URIRef
    Organization: URIRef
    Performance: URIRef
    Credit: URIRef
    Reprise: URIRef
    # Classes: reviews, claims and their provenance
    Review: URIRef
    Rating: URIRef
    ReviewGraph: URIRef
    Extraction: URIRef
    Claim: URIRef
    DirectorClaim: URIRef
    WriterClaim: URIRef
    CastClaim: URIRef
    RepriseClaim: URIRef
    FranchiseMemberClaim: URIRef
    ReleaseYearClaim: URIRef
    RatingClaim: URIRef
    KnownFalseClaim: URIRef

    # Work properties
    alias: URIRef
    workingTitle: URIRef
    productionStatus: URIRef
    releaseDate: URIRef
    releaseYear: URIRef
    releaseOrder: URIRef
    storyOrder: URIRef
    storyPosition: URIRef
    storyFollows: URIRef
    setting: URIRef
    filmNumber: URIRef
    partOfFranchise: URIRef
    partOfSeries: URIRef
    episodeOf: URIRef
    episodeNumber: URIRef
    director: URIRef
    writer: URIRef
    creator: URIRef
    productionCompany: URIRef
    distributor: URIRef
    imdbId: URIRef
    unverifiedNote: URIRef
    # Credit (n-ary person–work–role with the sheet's note)
    creditRole: URIRef
    creditedPerson: URIRef
    creditedWork: URIRef
    credited: URIRef
    # Performance (n-ary actor–character–work)
    actor: URIRef
    character: URIRef
    work: URIRef
    creditedAs: URIRef
    note: URIRef
    isVoice: URIRef
    isUncredited: URIRef
    isArchiveFootage: URIRef
    isYoungVersion: URIRef
    isCameo: URIRef
    # Character
    fullName: URIRef
    preReleaseName: URIRef
    disputedName: URIRef
    isTitleOrOffice: URIRef
    relatedCharacter: URIRef
    # Reprise
    performance: URIRef
    earlierPerformance: URIRef
    fromWork: URIRef
    inferred: URIRef
    # Shared flags
    verified: URIRef
    reconciled: URIRef
    # Review, rating, provenance
    retrievedOn: URIRef
    textSha256: URIRef
    ratingScale: URIRef
    normalizedRating: URIRef
    extractionMethod: URIRef
    # Claim
    claimedIn: URIRef
    aboutWork: URIRef
    claimedPerson: URIRef
    claimedCharacter: URIRef
    claimedCharacterName: URIRef
    claimedFromWork: URIRef
    claimedYear: URIRef
    claimedFranchise: URIRef
    claimedRating: URIRef
    assertsPerformance: URIRef
    status: URIRef
    evidence: URIRef
    # Known false claim
    truth: URIRef
    aboutField: URIRef
    falseValue: URIRef
    seenIn: URIRef

    # Curation (an editor's decision on each claim)
    CurationDecision: URIRef
    RejectedClaim: URIRef
    decision: URIRef
    outcome: URIRef
    extractorRule: URIRef
    extractedValue: URIRef
    rejectedIn: URIRef
    claimType: URIRef


class strings:  # lower case: used like the namespace it wraps
    """A namespace's terms as plain ``str``, each looked up in rdflib once (its lookups are slow in hot loops).

    >>> strings(WG).Performance
    'https://w3id.org/wickgraph/ontology#Performance'
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:  # only for names not looked up yet
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value


PREFIXES: dict[str, str] = {
    "wg": str(WG._NS),
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
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
"""Prefixes declared in every named query, export and store query."""

# Named graphs
ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
INFERRED_GRAPH = GRAPH["inferred"]


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


def graph_iri(name: str) -> str:
    """IRI of a named graph: ``reference``, ``ontology``, ``inferred`` or ``review/<id>``."""
    return f"{GRAPH}{name}"
