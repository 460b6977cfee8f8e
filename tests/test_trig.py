"""The review-graph writer's TriG is pyoxigraph's TriG serialiser's, byte for byte."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from wickgraph.reviewgraph import FILE_PREFIXES, file_order, review_graph, review_trig, serialize_review
from wickgraph.synth import generate, load_catalog, provenance_of

DATA = Path(__file__).resolve().parent.parent / "data"


def _oxigraph(data: bytes) -> bytes:
    """What pyoxigraph's own serialiser writes for the same quads in the file's order."""
    quads = file_order(ox.parse(data, format=ox.RdfFormat.TRIG))
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=FILE_PREFIXES) or b""


@pytest.mark.parametrize("seed", [3, 11])
def test_synthetic_review_graphs(seed: int) -> None:
    for n, item in enumerate(generate(load_catalog(), 150, seed=seed)):
        data = review_trig({**item.extraction, "text": item.text}, provenance_of(item))
        assert data == _oxigraph(data), f"review {n} of seed {seed}"


def test_the_project_review_files() -> None:
    files = sorted((DATA / "reviews").glob("*.trig"))
    assert files
    for path in files:
        data = path.read_bytes()
        assert serialize_review(ox.parse(data, format=ox.RdfFormat.TRIG)) == _oxigraph(data), path.name


def test_names_that_need_escaping_and_two_objects_for_one_predicate() -> None:
    item = copy.deepcopy(next(i for i in generate(load_catalog(), 50, seed=5) if any(
        c["type"] == "cast" and "character_iri" in c for c in i.extraction["claims"])))
    claims: list[dict[str, Any]] = item.extraction["claims"]
    cast = next(c for c in claims if c["type"] == "cast" and "character_iri" in c)
    del cast["character_iri"]  # an unreconciled character, labelled with the name below
    cast["character"] = 'Le "Marquis" {0} \\ Vincent\tde\nGramont \u00e9\u2019\x7f\ufffe'
    cast["actor"], cast["actor_iri"] = "Bill Skarsg\u00e5rd {1}", None
    text = item.text + " Directed by A. Person and B. Person."
    claims += [{"type": "director", "person": name, "evidence": name, "status": "unknown"}
               for name in ("A. Person", "B. Person")]  # the work gets two wg:director objects
    item.provenance["author"] = item.provenance["publisher"] = "Ana {de} Armas"  # a Person and an Organization
    graph = review_graph(claims, item.extraction["film"]["iri"], text, provenance_of(item))
    data = graph.trig()
    assert b"wg:director person:a-person , person:b-person" in data
    assert data == _oxigraph(data)
