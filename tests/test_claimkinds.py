"""Claim kinds: a kind registered through the registry alone flows to JSON, RDF, status and summary."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from wickgraph.claimkinds import (
    ClaimGraph,
    ClaimKind,
    Status,
    StoredClaim,
    claim_kind,
    kinds,
    register,
    unregister,
    value_of,
)
from wickgraph.curated import curated_reviews
from wickgraph.curation import check_claim, curated_card
from wickgraph.errors import ReviewInputError
from wickgraph.extract import extract_file
from wickgraph.namespaces import REFERENCE_GRAPH, WG, Namespace, person_iri, work_iri
from wickgraph.reference import Reference, WorkFacts
from wickgraph.reviewgraph import Provenance, claim_dicts, review_graph, review_quads
from wickgraph.reviews import claim_row
from wickgraph.server.lookup import claim_text
from wickgraph.store import Store

DATA = Path(__file__).resolve().parent.parent / "data"

WORK = work_iri("ballerina-2025")
WISEMAN = person_iri("len-wiseman")
COMPOSER_CLAIM = Namespace(WG).ComposerClaim  # a toy term, outside the closed WG namespace
HAS_COMPOSER = Namespace(WG).composer


class Composer(ClaimKind):
    """A toy kind: the person who wrote the work's score (checked here against the directors)."""

    name = "composer"
    rdf_class = COMPOSER_CLAIM
    fields: ClassVar[tuple[str, ...]] = ("person",)

    def write(self, graph: ClaimGraph, claim: Any) -> None:
        person = graph.person(claim, "person")
        graph.add(graph.claim, str(WG.claimedPerson), graph.iri(person))
        graph.add(graph.work, HAS_COMPOSER, graph.iri(person))

    def read(self, stored: StoredClaim) -> dict[str, Any]:
        person, person_iri = stored.person(str(WG.claimedPerson))
        return {"person": person, "person_iri": person_iri}

    def status(self, claim: Any, reference: Reference, facts: WorkFacts) -> Status:
        return "supported" if value_of(claim, "person_iri") in facts.directors else "contradicted"

    def reference_side(self, claim: Any, reference: Reference, facts: WorkFacts) -> str:
        return "; ".join(f"score by {reference.people[iri].name}?" for iri in sorted(facts.directors))

    def summary(self, claim: Any) -> str:
        return f"score by {value_of(claim, 'person')}"


@pytest.fixture
def composer() -> Iterator[None]:
    register(Composer)
    yield
    unregister("composer")


def _card(tmp_path: Path, person: str) -> Path:
    text = f"Ballerina (2025). The score is by {person}, and it thumps."
    card = {"film": "Ballerina", "url": "https://example.org/toy", "text": text,
            "claims": [{"type": "composer", "person": person, "evidence": f"The score is by {person}"}]}
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card), encoding="utf-8")
    return path


def _provenance() -> Provenance:
    from datetime import UTC, date, datetime

    return Provenance(url="https://example.org/toy", author=None, publisher=None, published=None,
                      retrieved=date(2026, 1, 2), added_by="tester", added_at=datetime(2026, 1, 2, tzinfo=UTC))


def test_a_registered_kind_flows_from_card_to_json_rdf_status_and_summary(composer: None, tmp_path: Path) -> None:
    extraction = extract_file(_card(tmp_path, "Len Wiseman"))
    [claim] = extraction.to_json()["claims"]
    assert claim == {"type": "composer", "person": "Len Wiseman", "evidence": "The score is by Len Wiseman",
                     "start": 18, "end": 45, "status": "supported", "person_iri": WISEMAN, "rule": "card"}

    quads = {(str(q.subject), str(q.predicate), str(q.object)) for q in review_quads(extraction, _provenance())}
    claim_node = next(s for s, p, o in quads if o == f"<{COMPOSER_CLAIM}>")
    assert (claim_node, f"<{WG.claimedPerson}>", f"<{WISEMAN}>") in quads
    assert (f"<{WORK}>", f"<{HAS_COMPOSER}>", f"<{WISEMAN}>") in quads
    assert (claim_node, f"<{WG.status}>", '"supported"') in quads

    assert claim_row(1, claim).summary == "score by Len Wiseman"
    # the browse pages word a stored claim by its class, through the kind (its summary unless it says otherwise)
    assert claim_text({"class": COMPOSER_CLAIM, "personName": "Len Wiseman"}) == "score by Len Wiseman"


def test_a_registered_kind_is_read_back_by_the_curated_export_and_checked_by_curation(
        composer: None, tmp_path: Path) -> None:
    card = json.loads(_card(tmp_path, "Derek Kolstad").read_text(encoding="utf-8"))
    card["claims"][0]["decision"] = "accepted"
    (tmp_path / "card.json").write_text(json.dumps(card), encoding="utf-8")
    extraction = extract_file(tmp_path / "card.json")
    store = Store()
    store.load_file(DATA / "reference" / "franchise.ttl", graph=str(REFERENCE_GRAPH))
    store.extend(review_graph(claim_dicts(extraction), WORK, extraction.text, _provenance(),
                              decisions=extraction.metadata["curation"]).quads())
    [review] = curated_reviews(store)
    assert review.claims == ({"type": "composer", "person": "Derek Kolstad", "evidence": "The score is by Derek Kolstad",
                              "start": 18, "end": 47, "true_in_reference": False},)

    checked = check_claim(card["claims"][0], film="Ballerina", data_dir=DATA)
    assert (checked["status"], checked["reference"]) == ("contradicted", "score by Len Wiseman?")


class Budget(ClaimKind):
    """A toy kind with a field no built-in kind has."""

    name = "budget"
    rdf_class = Namespace(WG).BudgetClaim
    fields: ClassVar[tuple[str, ...]] = ("amount",)


def test_an_editor_may_correct_a_registered_kinds_own_fields() -> None:
    register(Budget)
    try:
        card = curated_card({"claims": [{"type": "budget", "amount": 90, "evidence": "a $90 million budget"}]},
                            [{"decision": "corrected", "values": {"amount": 100}}])
    finally:
        unregister("budget")
    assert card["claims"] == [{"type": "budget", "amount": 100, "evidence": "a $90 million budget",
                               "extracted": {"amount": 90}, "decision": "corrected"}]


def test_the_kinds_own_status_rule_decides(composer: None, tmp_path: Path) -> None:
    [claim] = extract_file(_card(tmp_path, "Derek Kolstad")).claims  # a writer of Ballerina, not its director
    assert claim.status == "contradicted"


def test_unregistered_kinds_are_unknown_with_the_known_ones_named() -> None:
    assert "composer" not in [kind.name for kind in kinds()]
    with pytest.raises(ReviewInputError) as caught:
        claim_kind("composer")
    assert caught.value.message == ("unknown claim type 'composer'; known: director, writer, cast, reprise, "
                                    "franchise_member, release_year, rating")


def test_the_seven_kinds_and_their_json_fields() -> None:
    assert {kind.name: kind.fields + kind.optional_fields for kind in kinds()} == {
        "director": ("person",), "writer": ("person",), "cast": ("actor", "character"),
        "reprise": ("actor", "character", "from_film"), "franchise_member": ("franchise",),
        "release_year": ("year",), "rating": ("value", "scale", "normalized"),
    }


# -- nothing outside the registry branches on a claim's kind ----------------------------------

PACKAGE = Path(__file__).resolve().parent.parent / "wickgraph"
# the kinds themselves (the extractor's rules, which build claims per rule type, are left out too)
OWN_KINDS = {"claimkinds.py", "claimregistry.py"}
# where the kinds' names mean something else: the reference graph's credit roles ("director", "writer")
# and the kinds of reference rows that synthetic reviews are drawn from ("cast")
OTHER_MEANINGS = {"reference.py", "synthcatalog.py"}


def _reads_type(node: ast.AST) -> bool:
    """``x["type"]``, ``x.get("type")`` or ``x.type``: a claim's kind."""
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and node.slice.value == "type"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        return bool(node.args) and isinstance(node.args[0], ast.Constant) and node.args[0].value == "type"
    return isinstance(node, ast.Attribute) and node.attr == "type"


def kind_branches(trees: dict[str, ast.Module], kind_names: set[str]) -> set[str]:
    """Modules that compare a claim's type with a literal, or anything with a kind's name or class name."""
    found = set()
    for name, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            literals = {n.value for side in sides if not _reads_type(side) for n in ast.walk(side)
                        if isinstance(n, ast.Constant) and isinstance(n.value, str)}
            if (any(_reads_type(side) for side in sides) and literals) or literals & kind_names:
                found.add(name)
    return found


def test_the_branch_checker_finds_branches_on_kinds() -> None:
    tree = ast.parse('if claim["type"] == "cast": pass\nif kind in ("CastClaim", "X"): pass\nif a == "b": pass\n')
    assert kind_branches({"m.py": tree}, {"CastClaim"}) == {"m.py"}
    assert kind_branches({"m.py": ast.parse('if row["role"] == "director": pass\n')}, {"CastClaim"}) == set()
    assert kind_branches({"m.py": ast.parse('if claim.get("type") not in known: pass\n')}, {"CastClaim"}) == set()


def test_no_module_outside_the_registry_branches_on_a_claims_kind() -> None:
    trees = {str(p.relative_to(PACKAGE)): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))
             if str(p.relative_to(PACKAGE)) not in OWN_KINDS and p.parent.name != "extract"}
    names = {kind.name for kind in kinds()} | {kind.rdf_class.rsplit("#", 1)[-1] for kind in kinds()}
    assert kind_branches(trees, names) == OTHER_MEANINGS
