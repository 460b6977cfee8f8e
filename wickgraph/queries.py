"""Named queries: the ``queries/*.rq`` files, their headers, parameters and results.

A named query is a SPARQL file whose header says what it answers::

    # title: Cast of a work
    # description: Who plays whom in one work, with the performance notes.
    # param: work  The work: an id such as ballerina-2025, a prefixed name or a full IRI.
    SELECT ... WHERE { VALUES ?work { work:ballerina-2025 } ... }

A parameter is bound by rewriting its ``VALUES ?name { ... }`` line, so every file
also runs unchanged, with its defaults, on any SPARQL 1.1 endpoint.

>>> query = get("cast")
>>> query.params[0].name
'work'
>>> "john-wick-2014" in query.bind({"work": "john-wick-2014"})
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, QueryNotFound, SPARQLSyntaxError, UsageError
from .namespaces import PREFIXES
from .resources import queries_dir

__all__ = ["NamedQuery", "Param", "discover", "get", "load_query", "output", "resolve", "run"]

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*?)\s*$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")


@dataclass(frozen=True)
class Param:
    """A query parameter: its name, what it means, and its default term as written in the query."""

    name: str
    description: str
    default: str


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: name (file stem), title, description, parameters and SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: Path | None = None

    def bind(self, values: Mapping[str, str] | None = None) -> str:
        """The SPARQL text with each given parameter's ``VALUES`` block set to the user's value."""
        known = {param.name: param for param in self.params}
        spans: list[tuple[int, int, str]] = []
        for name, value in (values or {}).items():
            if name not in known:
                choices = ", ".join(known) or "none"
                raise UsageError(f"query {self.name!r} has no parameter {name!r} (parameters: {choices})")
            block = _values_block(name).search(self.sparql)
            assert block is not None  # load_query checked that every parameter has its VALUES block
            spans.append((block.start(1), block.end(1), _param_term(value, known[name].default, name)))
        # every block is found in the original text, so a value can never be taken for another block
        sparql = self.sparql
        for start, end, term in sorted(spans, reverse=True):
            sparql = sparql[:start] + term + sparql[end:]
        return sparql


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*([^}]*?)\s*\}", re.IGNORECASE)


_IRI_TEXT = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _param_term(value: str, default: str, name: str) -> str:
    """A user's value as exactly one SPARQL term: an IRI, a prefixed name or id (as an IRI), a number or a string.

    Each value is checked and written out afresh, never pasted: ``<a> <b>`` or ``x" } ...``
    cannot become two terms or change the query.
    """
    value = value.strip()
    default_prefix = default.split(":", 1)[0] if ":" in default and not default.startswith(("<", '"')) else None
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1], value, name)
    if ":" in value and value.split(":", 1)[0] in PREFIXES:
        prefix, local = value.split(":", 1)
        if not _SLUG.match(local):
            raise _bad(name, value, f"{local!r} is not a local name (letters, digits, ., -, _, ~)")
        return _iri(PREFIXES[prefix] + local, value, name)
    if _SCHEME.match(value) and (value.split(":", 1)[0].lower() in ("http", "https", "urn") or default_prefix is None):
        return _iri(value, value, name)
    if default_prefix in PREFIXES:
        if _SLUG.match(value):
            return _iri(PREFIXES[default_prefix] + value, value, name)
        raise _bad(name, value, f"not an id, prefixed name or IRI (default is {default})")
    if _NUMBER.fullmatch(value):
        return value
    if default.startswith('"'):
        if _SLUG.match(default[1:-1]) and not _SLUG.match(value):
            raise _bad(name, value, f"not an id (letters, digits, ., -, _, ~) or an IRI (default is {default})")
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        return f'"{escaped}"'
    raise _bad(name, value, f"not an id, prefixed name or IRI (default is {default})")


def _iri(iri: str, value: str, name: str) -> str:
    """``<iri>`` when ``iri`` is one absolute IRI, else an error naming the parameter."""
    if not _IRI_TEXT.fullmatch(iri) or not _SCHEME.match(iri):
        raise _bad(name, value, "not one absolute IRI (no spaces, <, >, quotes or braces)")
    try:
        return str(ox.NamedNode(iri))
    except ValueError:
        raise _bad(name, value, "not a valid IRI") from None


def _bad(name: str, value: str, why: str) -> UsageError:
    return UsageError(f"parameter {name}={value!r}: {why}")


def load_query(path: Path) -> NamedQuery:
    """Parse one ``.rq`` file and its header; a file that is not UTF-8 text is bad input, in one line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the query file: {error.strerror or error}", filename=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not a SPARQL text file (not UTF-8 at byte {error.start})", filename=str(path)) from None
    if "\x00" in text:
        raise InputError("not a SPARQL text file (it holds NUL bytes)", filename=str(path))
    header: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match is None:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = match[1], match[2]
        if key == "param":
            name, _, description = value.partition(" ")
            block = _values_block(name).search(text)
            if block is None:
                raise SPARQLSyntaxError(
                    f"parameter {name!r} has no `VALUES ?{name} {{ ... }}` line to bind", filename=str(path)
                )
            params.append(Param(name, description.strip(), block[1]))
        else:
            header[key] = value
    return NamedQuery(
        name=path.stem,
        title=header.get("title", path.stem),
        description=header.get("description", ""),
        params=tuple(params),
        sparql=text,
        path=path,
    )


def discover(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query in ``directory`` (default: the project's ``queries/``), by name."""
    folder = directory or queries_dir()
    paths = sorted(folder.glob("*.rq"))
    # parsed once per version of the files: a query run should cost what the engine costs
    signature = tuple((path, *_version(path)) for path in paths)
    return dict(_parse_all(signature))


def _version(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=256)
def _load_cached(path: Path, mtime_ns: int, size: int) -> NamedQuery:
    return load_query(path)


@lru_cache(maxsize=8)
def _parse_all(signature: tuple[tuple[Path, int, int], ...]) -> tuple[tuple[str, NamedQuery], ...]:
    return tuple((path.stem, load_query(path)) for path, _, _ in signature)


def get(name: str, directory: Path | None = None) -> NamedQuery:
    """One named query; an unknown name raises :class:`QueryNotFound` listing close matches."""
    path = (directory or queries_dir()) / f"{name}.rq"
    if path.is_file() and _SLUG.match(name):
        return _load_cached(path, *_version(path))
    queries = discover(directory)
    import difflib  # only for the error message: not on every query's start-up path

    close = difflib.get_close_matches(name, queries, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise QueryNotFound(f"no named query {name!r}; {hint}see `wickgraph queries`")


def resolve(name_or_path: str, directory: Path | None = None) -> NamedQuery:
    """A named query by name, or an ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise QueryNotFound(f"{path}: no such query file")
        return load_query(path)
    return get(name_or_path, directory)


def run(sparql: str, *, fmt: str = "table", store_dir: Path | None = None, endpoint: str | None = None,
        timeout: float | None = 60.0) -> bytes:
    """Run a query on the store (or an endpoint) and serialise its result in ``fmt``.

    The query runs in a child process, stopped after ``timeout`` seconds or on Ctrl-C
    (see :mod:`wickgraph.interruptible`). A SERVICE that fails is a one-line
    :class:`~wickgraph.errors.RemoteError`.
    """
    from .interruptible import call_with_limit

    def work() -> bytes:
        if endpoint:
            from .remote import query_endpoint

            result = query_endpoint(endpoint, sparql, timeout=timeout or 60.0)
        try:
            if endpoint:
                return output(result, fmt)
            from .store import read_store

            return read_store(store_dir, lambda store: output(store.query(sparql), fmt))
        except (OSError, RuntimeError) as error:  # raised while the result is evaluated
            from .errors import RemoteError, StoreError
            from .sparqltext import service_endpoints

            first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
            called = [iri for iri in service_endpoints(sparql) if iri]
            if called:
                raise RemoteError(f"SERVICE <{called[0]}> failed: {first_line} (offline?)") from None
            raise StoreError(f"the query failed while running: {first_line}") from None

    return call_with_limit(work, timeout=timeout, what="the query")


def output(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> bytes:
    """A result in the format named ``fmt``; for CONSTRUCT/DESCRIBE, json means JSON-LD and xml RDF/XML.

    ``table`` (the default) prints triples as Turtle; csv and tsv cannot carry triples.
    """
    from .formats import by_name, serialize_result

    chosen = by_name(fmt)
    if isinstance(result, ox.QueryTriples) and chosen.kind == "results":
        graph_format = {"json": "jsonld", "xml": "rdfxml", "table": "turtle"}.get(chosen.name)
        if graph_format is None:
            raise UsageError(f"--format {fmt}: a CONSTRUCT or DESCRIBE result is triples; "
                             "choose turtle, ntriples or jsonld (json gives JSON-LD)")
        chosen = by_name(graph_format)
    return serialize_result(result, chosen)
