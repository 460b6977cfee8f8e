"""The named-query machinery: headers, parameters, lookup (the queries themselves: test_named_queries.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wickgraph.errors import QueryNotFound, SPARQLSyntaxError, UsageError
from wickgraph.queries import discover, get, load_query, resolve

QUERY = """\
# title: Cast of a work
# description: Who plays whom in one work.
# param: work  The work to list.
PREFIX work: <https://w3id.org/wickgraph/id/work/>
SELECT ?actor WHERE {
  VALUES ?work { work:ballerina-2025 }
  ?p <https://w3id.org/wickgraph/ontology#work> ?work ; <https://w3id.org/wickgraph/ontology#actor> ?actor .
}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "cast.rq").write_text(QUERY)
    (tmp_path / "count.rq").write_text("# title: Count\n# description: Triples.\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n")
    return tmp_path


def test_header_is_parsed(folder: Path) -> None:
    query = load_query(folder / "cast.rq")
    assert (query.name, query.title, query.description) == ("cast", "Cast of a work", "Who plays whom in one work.")
    assert [(p.name, p.description, p.default) for p in query.params] == [("work", "The work to list.", "work:ballerina-2025")]


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("john-wick-2014", "<https://w3id.org/wickgraph/id/work/john-wick-2014>"),
        ("work:john-wick-2014", "<https://w3id.org/wickgraph/id/work/john-wick-2014>"),
        ("https://example.org/w", "<https://example.org/w>"),
        ("<https://example.org/w>", "<https://example.org/w>"),
    ],
)
def test_bind_rewrites_the_values_line(folder: Path, value: str, term: str) -> None:
    sparql = load_query(folder / "cast.rq").bind({"work": value})
    assert f"VALUES ?work {{ {term} }}" in sparql
    assert "ballerina-2025" not in sparql


def test_bind_rejects_unknown_parameters_and_bad_values(folder: Path) -> None:
    query = load_query(folder / "cast.rq")
    with pytest.raises(UsageError, match="has no parameter 'film' \\(parameters: work\\)"):
        query.bind({"film": "x"})
    with pytest.raises(UsageError, match="not an id, prefixed name or IRI"):
        query.bind({"work": "two words"})


def test_param_without_values_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("# title: Bad\n# param: work  A work.\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(SPARQLSyntaxError, match="no `VALUES \\?work"):
        load_query(path)


def test_unknown_name_suggests_close_matches(folder: Path) -> None:
    with pytest.raises(QueryNotFound) as caught:
        get("cats", folder)
    assert str(caught.value) == "no named query 'cats'; did you mean cast? see `wickgraph queries`"


def test_discover_and_resolve_files(folder: Path) -> None:
    assert list(discover(folder)) == ["cast", "count"]
    assert resolve(str(folder / "count.rq")).title == "Count"
    with pytest.raises(QueryNotFound, match="no such query file"):
        resolve(str(folder / "missing.rq"))


def test_every_shipped_query_has_a_title_and_description() -> None:
    shipped = discover()
    assert shipped, "queries/ holds the named queries"
    for query in shipped.values():
        assert query.title != query.name and query.description, query.name
