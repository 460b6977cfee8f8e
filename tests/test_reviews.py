"""wickgraph.reviews: the review graph's shape, identity, atomic writes, the lock, remove and list."""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from wickgraph import reviews, transaction
from wickgraph.conflicts import conflicts, list_reviews
from wickgraph.errors import ReviewInputError, ReviewNotFound, StoreError, ValidationFailed
from wickgraph.namespaces import WG
from wickgraph.reviewgraph import Provenance, review_id, review_quads, serialize_review
from wickgraph.reviews import Overrides, add_reviews
from wickgraph.shacl import Violation, validate_rdf
from wickgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"

INPUTS = TEST_DATA / "reviews-in"
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
WORK = "https://w3id.org/wickgraph/id/work/ballerina-2025"
PREFIXES = """
PREFIX wg: <https://w3id.org/wickgraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass
class FakeExtraction:
    """A hand-made extraction in the extractor's shape (claims as ``extract --json`` dicts)."""

    text: str
    claims: list[dict[str, Any]]
    film_iri: str | None = WORK
    film_title: str | None = "Ballerina"
    metadata: dict[str, Any] = field(default_factory=dict)


def _claim(text: str, quote: str, **fields: Any) -> dict[str, Any]:
    start = text.index(quote)
    return {**fields, "evidence": quote, "start": start, "end": start + len(quote)}


TEXT = ("Ballerina (2024) is a spinoff in the John Wick franchise, directed by Len Wiseman. "
        "Ana de Armas stars as Rooney and Zed Newcomer plays Ghost. Anjelica Huston returns as The Director "
        "from Parabellum. Grade: B+")
CLAIMS = [
    _claim(TEXT, "Ballerina (2024)", type="release_year", year=2024, status="contradicted"),
    _claim(TEXT, "spinoff in the John Wick franchise", type="franchise_member", franchise="John Wick",
           franchise_iri="https://w3id.org/wickgraph/id/franchise/john-wick", status="supported"),
    _claim(TEXT, "directed by Len Wiseman", type="director", person="Len Wiseman",
           person_iri="https://w3id.org/wickgraph/id/person/len-wiseman", status="supported"),
    _claim(TEXT, "Ana de Armas stars as Rooney", type="cast", actor="Ana de Armas", character="Rooney",
           actor_iri="https://w3id.org/wickgraph/id/person/ana-de-armas", status="contradicted"),
    _claim(TEXT, "Zed Newcomer plays Ghost", type="cast", actor="Zed Newcomer", character="Ghost"),
    _claim(TEXT, "Anjelica Huston returns as The Director from Parabellum", type="reprise",
           actor="Anjelica Huston", character="The Director", from_film="Parabellum",
           actor_iri="https://w3id.org/wickgraph/id/person/anjelica-huston",
           character_iri="https://w3id.org/wickgraph/id/character/the-director",
           from_film_iri="https://w3id.org/wickgraph/id/work/john-wick-chapter-3-parabellum-2019",
           status="supported"),
    _claim(TEXT, "Grade: B+", type="rating", value="B+", scale="letter", normalized=0.83, status="unknown"),
]
PROVENANCE = Provenance(
    url="https://example.org/reviews/ballerina", author="Jess Moreau", publisher="Popcorn & Pointe Shoes",
    published=date(2025, 6, 14), retrieved=date(2026, 11, 25), added_by="Test Editor", added_at=NOW,
    method="extractor", extractor_version="0.1.0",
)


def _dataset(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def _select(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    result = store.query(PREFIXES + sparql)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]  # type: ignore[union-attr]


def _ask(store: ox.Store, sparql: str) -> bool:
    return bool(store.query(PREFIXES + sparql))


def _snapshot(data_dir: Path, store_dir: Path) -> tuple[dict[str, bytes], dict[str, int]]:
    files = {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
             if p.is_file() and p.name != ".wickgraph.lock"}
    with Store(store_dir, read_only=True) as store:
        return files, store.graph_counts()


# -- ids and the graph's shape -----------------------------------------------------------


def test_review_id_hashes_the_url_else_the_text() -> None:
    assert review_id("https://example.org/x", "any text") == "r-" + hashlib.sha256(b"https://example.org/x").hexdigest()[:12]
    assert review_id(None, "some text") == "r-" + hashlib.sha256(b"some text").hexdigest()[:12]
    assert review_id("", "some text") == review_id(None, "some text")


def test_seed_review_id_is_its_hand_written_file_name() -> None:
    text = (INPUTS / "seed-review.txt").read_text(encoding="utf-8")
    assert (DATA / "reviews" / f"{review_id(None, text)}.trig").is_file()


def test_review_graph_has_the_documented_shape() -> None:
    quads = review_quads(FakeExtraction(TEXT, CLAIMS), PROVENANCE)
    rid = review_id(PROVENANCE.url, TEXT)
    graph = f"https://w3id.org/wickgraph/graph/review/{rid}"
    assert {q.graph_name.value for q in quads} == {graph}
    store = _dataset(quads)

    kinds = _select(store, "SELECT ?claim ?class WHERE { GRAPH ?g { ?claim a ?class ; wg:claimedIn ?r } }")
    assert sorted(row["class"].rsplit("#")[-1] for row in kinds) == [
        "CastClaim", "CastClaim", "DirectorClaim", "FranchiseMemberClaim", "RatingClaim",
        "ReleaseYearClaim", "RepriseClaim"]
    # provenance of the graph, the review and the extraction
    assert _ask(store, f"""ASK {{ GRAPH <{graph}> {{
        <{graph}> a wg:ReviewGraph, prov:Entity ; prov:wasDerivedFrom ?review ; prov:wasGeneratedBy ?x ;
            prov:generatedAtTime "2026-11-25T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> ;
            prov:wasAttributedTo [ rdfs:label "Test Editor" ] .
        ?review a wg:Review ; schema:itemReviewed <{WORK}> ; schema:url <https://example.org/reviews/ballerina> ;
            schema:author [ a prov:Agent, schema:Person ; rdfs:label "Jess Moreau" ] ;
            schema:publisher [ a schema:Organization ; rdfs:label "Popcorn & Pointe Shoes" ] ;
            schema:datePublished "2025-06-14"^^<http://www.w3.org/2001/XMLSchema#date> ;
            wg:retrievedOn "2026-11-25"^^<http://www.w3.org/2001/XMLSchema#date> ;
            wg:textSha256 "{hashlib.sha256(TEXT.encode()).hexdigest()}" ;
            schema:reviewRating [ a wg:Rating ; schema:ratingValue "B+" ; wg:ratingScale "letter" ;
                                  wg:normalizedRating 0.83 ] .
        ?x a wg:Extraction, prov:Activity ; wg:extractionMethod "extractor" ;
            prov:wasAssociatedWith [ a prov:SoftwareAgent ; schema:softwareVersion "0.1.0" ] .
    }} }}""")
    # evidence: quote, 32 characters of context, offsets into the text
    evidence = _select(store, """SELECT ?exact ?prefix ?suffix ?start ?end WHERE { GRAPH ?g {
        ?claim a wg:CastClaim ; wg:claimedCharacterName "Rooney" ; wg:evidence ?e .
        ?e a oa:TextQuoteSelector, oa:TextPositionSelector ; oa:exact ?exact ; oa:prefix ?prefix ;
           oa:suffix ?suffix ; oa:start ?start ; oa:end ?end } }""")[0]
    start, end = int(evidence["start"]), int(evidence["end"])
    assert TEXT[start:end] == evidence["exact"] == "Ana de Armas stars as Rooney"
    assert evidence["prefix"] == TEXT[start - 32:start] and evidence["suffix"] == TEXT[end:end + 32]
    # claimed facts in the reference vocabulary; new people and characters are unreconciled
    assert _ask(store, f"""ASK {{ GRAPH ?g {{
        <{WORK}> wg:releaseYear 2024 ; wg:director <https://w3id.org/wickgraph/id/person/len-wiseman> ;
            wg:partOfFranchise <https://w3id.org/wickgraph/id/franchise/john-wick> .
        ?claim wg:assertsPerformance <https://w3id.org/wickgraph/id/performance/ballerina-2025--rooney--ana-de-armas> .
        <https://w3id.org/wickgraph/id/performance/ballerina-2025--rooney--ana-de-armas> a wg:Performance ;
            wg:actor <https://w3id.org/wickgraph/id/person/ana-de-armas> ;
            wg:character <https://w3id.org/wickgraph/id/character/rooney> ; wg:work <{WORK}> .
        <https://w3id.org/wickgraph/id/character/rooney> a wg:Character ; rdfs:label "Rooney" ; wg:reconciled false .
        <https://w3id.org/wickgraph/id/person/zed-newcomer> a wg:Person ; rdfs:label "Zed Newcomer" ; wg:reconciled false .
        <https://w3id.org/wickgraph/id/reprise/ballerina-2025--the-director--anjelica-huston> a wg:Reprise ;
            wg:inferred false ; wg:work <{WORK}> ;
            wg:fromWork <https://w3id.org/wickgraph/id/work/john-wick-chapter-3-parabellum-2019> .
    }} }}""")
    # people and characters from the reference are linked, not redescribed
    assert not _ask(store, "ASK { GRAPH ?g { <https://w3id.org/wickgraph/id/person/ana-de-armas> ?p ?o } }")
    statuses = _select(store, "SELECT ?s WHERE { GRAPH ?g { ?c wg:status ?s } }")
    assert sorted(r["s"] for r in statuses) == ["contradicted", "contradicted", "supported", "supported",
                                                 "supported", "unknown", "unknown"]


def test_review_graph_passes_shacl_and_serialises_deterministically() -> None:
    first = serialize_review(review_quads(FakeExtraction(TEXT, CLAIMS), PROVENANCE))
    second = serialize_review(reversed(review_quads(FakeExtraction(TEXT, [dict(c) for c in CLAIMS]), PROVENANCE)))
    assert first == second
    assert validate_rdf(first, "trig", "test") == []
    assert b"@prefix wg: <https://w3id.org/wickgraph/ontology#>" in first
    # claim 10 sorts after claim 9, and each claim before its evidence
    text = first.decode()
    assert text.index("/1> a wg:ReleaseYearClaim") < text.index("/1/evidence> a oa:")


def test_a_review_without_a_known_work_is_refused() -> None:
    with pytest.raises(ReviewInputError, match="--film"):
        review_quads(FakeExtraction(TEXT, CLAIMS, film_iri=None, film_title="Ballerina II"), PROVENANCE)


def test_evidence_offsets_that_do_not_match_are_located_again() -> None:
    claim = {**CLAIMS[2], "start": 0, "end": 5}
    store = _dataset(review_quads(FakeExtraction(TEXT, [claim]), PROVENANCE))
    row = _select(store, "SELECT ?start WHERE { GRAPH ?g { ?e oa:start ?start } }")[0]
    assert int(row["start"]) == TEXT.index("directed by Len Wiseman")


# -- add: files, store, identity -----------------------------------------------------------


def _add(paths: list[Path], data_dir: Path, store_dir: Path, **kwargs: Any) -> reviews.AddReport:
    kwargs.setdefault("now", NOW)
    kwargs.setdefault("added_by", "Test Editor")
    return add_reviews(paths, data_dir=data_dir, store_dir=store_dir, **kwargs)


def test_add_writes_the_file_and_updates_the_store(data_dir: Path, built_store_dir: Path) -> None:
    report = _add([INPUTS / "ballerina-short.txt"], data_dir, built_store_dir)
    [plan] = report.reviews
    assert report.written and plan.action == "added"
    path = data_dir / "reviews" / f"{plan.review_id}.trig"
    assert path.read_bytes() == plan.data
    with Store(built_store_dir, read_only=True) as store:
        graph = f"https://w3id.org/wickgraph/graph/review/{plan.review_id}"
        assert graph in store.named_graphs()
        assert {str(q) for q in store.quads(graph)} == {str(q) for q in ox.parse(plan.data, format=ox.RdfFormat.TRIG)}
        listed = {s.review_id: s for s in list_reviews(store)}
        assert listed[plan.review_id].claims == 7 and listed[plan.review_id].conflicts == 0
        # the named queries see it too
        from wickgraph.queries import get

        rows = store.query(get("review-claims").sparql)
        assert any(plan.review_id in str(row[0]) for row in rows)  # type: ignore[union-attr]


def test_adding_the_same_review_again_changes_nothing(data_dir: Path, built_store_dir: Path) -> None:
    first = _add([INPUTS / "ballerina-short.txt"], data_dir, built_store_dir)
    before = _snapshot(data_dir, built_store_dir)
    again = _add([INPUTS / "ballerina-short.txt"], data_dir, built_store_dir, now=LATER, added_by="Someone Else")
    assert [p.action for p in again.reviews] == ["unchanged"]
    assert again.reviews[0].data == first.reviews[0].data
    assert _snapshot(data_dir, built_store_dir) == before


def test_a_corrected_review_replaces_the_old_graph(data_dir: Path, built_store_dir: Path, tmp_path: Path) -> None:
    url = "https://example.org/a-review"
    original = tmp_path / "review.txt"
    original.write_text((INPUTS / "ballerina-short.txt").read_text(), encoding="utf-8")
    first = _add([original], data_dir, built_store_dir, overrides=Overrides(url=url))
    original.write_text("Ballerina (2024) is a spinoff in the John Wick franchise.\n", encoding="utf-8")
    second = _add([original], data_dir, built_store_dir, overrides=Overrides(url=url), now=LATER)
    assert first.reviews[0].review_id == second.reviews[0].review_id == review_id(url, "")
    assert second.reviews[0].action == "replaced"
    rid = second.reviews[0].review_id
    with Store(built_store_dir, read_only=True) as store:
        listed = {s.review_id: s for s in list_reviews(store)}
        assert listed[rid].claims == 2 and listed[rid].conflicts == 1
        assert len(store.named_graphs()) == 5  # ontology, reference, inferred, seed, this one


def test_bad_inputs_abort_everything_unless_skipped(data_dir: Path, built_store_dir: Path) -> None:
    before = _snapshot(data_dir, built_store_dir)
    with pytest.raises(ReviewInputError) as raised:
        _add([INPUTS / "ballerina-short.txt", INPUTS / "empty.txt"], data_dir, built_store_dir)
    assert str(raised.value).startswith(f"{INPUTS / 'empty.txt'}: ")
    assert "nothing was added" in str(raised.value)
    assert _snapshot(data_dir, built_store_dir) == before

    report = _add([INPUTS / "ballerina-short.txt", INPUTS / "empty.txt", INPUTS / "missing.txt"],
                  data_dir, built_store_dir, skip_bad=True)
    assert [p.action for p in report.reviews] == ["added"]
    assert [(Path(b.source).name, b.reason) for b in report.bad] == [
        ("missing.txt", "no such file or folder"), ("empty.txt", "empty review: the file has no text")]


def test_add_reports_progress_per_input(data_dir: Path, built_store_dir: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    _add([INPUTS / "ballerina-short.txt", INPUTS / "chapter4.txt", INPUTS / "missing.txt"], data_dir,
         built_store_dir, skip_bad=True, progress=lambda *step: seen.append(step))
    # the missing file is refused before anything is read, so two inputs are read
    assert seen == [("extract", 1, 2), ("extract", 2, 2)]


def test_a_graph_that_fails_validation_writes_nothing(data_dir: Path, built_store_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(data_dir, built_store_dir)
    monkeypatch.setattr("wickgraph.shacl.validate_store", lambda store, graphs: [
        Violation(source, "x", "y", "broken on purpose") for source in graphs.values()])
    with pytest.raises(ValidationFailed, match="broken on purpose"):
        _add([INPUTS / "ballerina-short.txt", INPUTS / "chapter4.txt"], data_dir, built_store_dir)
    assert _snapshot(data_dir, built_store_dir) == before


def test_skip_bad_leaves_out_only_the_graphs_that_fail_validation(data_dir: Path, built_store_dir: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from wickgraph import shacl

    real = shacl.validate_store
    calls = []

    def break_chapter4(store: object, graphs: dict[str, str]) -> list[Violation]:
        calls.append(len(graphs))
        found = real(store, graphs)  # type: ignore[arg-type]
        return found + [Violation(source, "urn:x", "urn:p", "broken on purpose")
                        for graph, source in graphs.items() if "chapter-4" in _work_of(store, graph)]

    def _work_of(store: object, graph: str) -> str:
        rows = store.query(f"SELECT ?w WHERE {{ GRAPH <{graph}> {{ ?c <{WG.aboutWork}> ?w }} }}")  # type: ignore[attr-defined]
        return " ".join(row["w"].value for row in rows)

    monkeypatch.setattr("wickgraph.shacl.validate_store", break_chapter4)
    report = _add([INPUTS / "ballerina-short.txt", INPUTS / "chapter4.txt"], data_dir, built_store_dir,
                  skip_bad=True)
    assert calls == [2]  # both graphs checked in one run of the shapes
    assert [Path(plan.source).name for plan in report.reviews] == ["ballerina-short.txt"]
    assert [(Path(b.source).name, b.exit_code) for b in report.bad] == [("chapter4.txt", 1)]
    assert report.bad[0].reason.startswith("the review graph breaks 1 SHACL rule(s); first: ")
    assert report.bad[0].reason.endswith("urn:x urn:p: broken on purpose")


def test_a_crash_while_renaming_restores_data_and_store(data_dir: Path, built_store_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(data_dir, built_store_dir)
    real_replace, calls = os.replace, []

    def flaky_replace(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky_replace)
    with pytest.raises(StoreError, match="nothing was changed"):
        _add([INPUTS / "ballerina-short.txt", INPUTS / "chapter4.txt"], data_dir, built_store_dir)
    monkeypatch.undo()
    assert len(calls) == 2
    assert _snapshot(data_dir, built_store_dir) == before
    assert not list((data_dir / "reviews").glob(".*.tmp"))


def test_a_failed_store_update_puts_the_replaced_file_back(data_dir: Path, built_store_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    seed = INPUTS / "seed-review.txt"  # replaces the hand-written seed graph
    before = _snapshot(data_dir, built_store_dir)

    def broken(store: Any, graphs: Any) -> None:
        raise StoreError("disk on fire")

    monkeypatch.setattr(transaction, "_update_store", broken)
    with pytest.raises(StoreError, match="disk on fire"):
        _add([seed, INPUTS / "chapter4.txt"], data_dir, built_store_dir, overrides=reviews.Overrides(force=True))
    assert _snapshot(data_dir, built_store_dir) == before


# -- concurrency ------------------------------------------------------------------------


def test_a_held_lock_stops_a_second_writer(data_dir: Path, built_store_dir: Path) -> None:
    before = _snapshot(data_dir, built_store_dir)
    with open(data_dir / ".wickgraph.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="another wickgraph command"):
            _add([INPUTS / "ballerina-short.txt"], data_dir, built_store_dir, lock_timeout=0.2)
    assert _snapshot(data_dir, built_store_dir) == before
    assert _add([INPUTS / "ballerina-short.txt"], data_dir, built_store_dir).written


def test_a_store_open_in_another_process_is_a_clear_error(data_dir: Path, built_store_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, pyoxigraph
            store = pyoxigraph.Store({str(built_store_dir)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open for writing in another process"):
            _add([INPUTS / "ballerina-short.txt"], data_dir, built_store_dir)
    finally:
        holder.communicate("")
    assert [p.name for p in (data_dir / "reviews").glob("*.trig")] == ["r-fd4f55627fe0.trig"]


def test_two_adds_at_once_both_succeed_one_after_the_other(data_dir: Path, built_store_dir: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        from wickgraph.reviews import add_reviews
        report = add_reviews([sys.argv[1]], data_dir={str(data_dir)!r}, store_dir={str(built_store_dir)!r},
                             lock_timeout=60)
        print(report.reviews[0].action)
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script, str(INPUTS / name)], stdout=subprocess.PIPE, text=True,
                             stderr=subprocess.PIPE)
            for name in ("ballerina-short.txt", "chapter4.txt")]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == ["added", "added"]
    with Store(built_store_dir, read_only=True) as store:
        assert len(list_reviews(store)) == 3


def test_many_inputs_are_prepared_in_parallel(data_dir: Path, built_store_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    base = (INPUTS / "chapter4.txt").read_text(encoding="utf-8")
    for n in range(10):
        (folder / f"review-{n:02}.txt").write_text(base + f"\nSeen on day {n}.\n", encoding="utf-8")
    report = _add([folder], data_dir, built_store_dir, workers=2)
    assert [p.action for p in report.reviews] == ["added"] * 10
    assert len({p.review_id for p in report.reviews}) == 10
    assert len(list((data_dir / "reviews").glob("r-*.trig"))) == 11


# -- remove, list, conflicts ---------------------------------------------------------------


def test_remove_deletes_the_file_and_the_graph(data_dir: Path, built_store_dir: Path) -> None:
    [plan] = _add([INPUTS / "chapter4.txt"], data_dir, built_store_dir).reviews
    path = reviews.remove_review(plan.review_id, data_dir=data_dir, store_dir=built_store_dir)
    assert not path.exists()
    with Store(built_store_dir, read_only=True) as store:
        assert f"https://w3id.org/wickgraph/graph/review/{plan.review_id}" not in store.named_graphs()
    with pytest.raises(ReviewNotFound, match="did you mean r-fd4f55627fe0"):
        reviews.remove_review("r-fd4f55627fe1", data_dir=data_dir, store_dir=built_store_dir)


def test_list_and_conflicts_of_the_seed(built_store_dir: Path) -> None:
    with Store(built_store_dir, read_only=True) as store:
        [summary] = list_reviews(store)
        found = conflicts(store)
    assert (summary.review_id, summary.claims, summary.conflicts) == ("r-fd4f55627fe0", 10, 2)
    assert [(c.kind, c.claimed, c.reference) for c in found] == [
        ("release_year", "2024", "2025"), ("cast", "Ana de Armas as Rooney", "Ana de Armas as Eve Macarro")]
    assert all(c.explanation for c in found)


# -- the seed review, re-ingested from its text ----------------------------------------------


_CLAIM_FACTS = """
SELECT ?class ?person ?character ?name ?fromWork ?year ?franchise ?status ?rating WHERE { GRAPH ?g {
  ?claim wg:claimedIn ?review ; a ?class ; wg:status ?status .
  OPTIONAL { ?claim wg:claimedPerson ?person } OPTIONAL { ?claim wg:claimedCharacter ?character }
  OPTIONAL { ?claim wg:claimedCharacterName ?name } OPTIONAL { ?claim wg:claimedFromWork ?fromWork }
  OPTIONAL { ?claim wg:claimedYear ?year } OPTIONAL { ?claim wg:claimedFranchise ?franchise }
  OPTIONAL { ?claim wg:claimedRating/schema:ratingValue ?rating }
} }"""


def _claims_of(store: Store, rid: str) -> list[tuple[str, ...]]:
    result = store.query(_CLAIM_FACTS.replace("GRAPH ?g", f"GRAPH <https://w3id.org/wickgraph/graph/review/{rid}>"))
    rows = [tuple(str(row[i].value) if row[i] is not None else "" for i in range(9)) for row in result]  # type: ignore[union-attr]
    return sorted(rows)


def test_seed_review_through_add_matches_the_hand_written_graph(data_dir: Path, built_store_dir: Path) -> None:
    rid = "r-fd4f55627fe0"
    with Store(built_store_dir, read_only=True) as store:
        hand_claims = _claims_of(store, rid)
        hand_conflicts = [(c.kind, c.claimed, c.reference, c.explanation) for c in conflicts(store)]
    with pytest.raises(ReviewInputError, match=r"holds this review's hand-written graph.*pass --force"):
        _add([INPUTS / "seed-review.txt"], data_dir, built_store_dir)
    report = _add([INPUTS / "seed-review.txt"], data_dir, built_store_dir, overrides=reviews.Overrides(force=True))
    assert [(p.review_id, p.action) for p in report.reviews] == [(rid, "replaced")]
    with Store(built_store_dir, read_only=True) as store:
        assert _claims_of(store, rid) == hand_claims
        assert [(c.kind, c.claimed, c.reference, c.explanation) for c in conflicts(store)] == hand_conflicts
        assert len(hand_claims) == 10


def test_two_spellings_of_a_new_character_make_one_node_with_one_label() -> None:
    text = "Ballerina (2025): Ian McShane as The Sommelier. Later Keanu Reeves meets the Sommelier (Ian McShane)."
    claims = [
        _claim(text, "Ian McShane as The Sommelier", type="cast", actor="Ian McShane", character="The Sommelier"),
        _claim(text, "the Sommelier (Ian McShane)", type="cast", actor="Ian McShane", character="the Sommelier"),
    ]
    data = serialize_review(review_quads(FakeExtraction(text, claims), PROVENANCE))
    assert validate_rdf(data, "trig", "test") == []
    store = _dataset(list(ox.parse(data, format=ox.RdfFormat.TRIG)))
    labels = _select(store, "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/wickgraph/id/character/the-sommelier> rdfs:label ?l } }")
    assert labels == [{"l": "The Sommelier"}]
