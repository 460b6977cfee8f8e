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

from .errors import QueryNotFound, SPARQLSyntaxError, UsageError
from .namespaces import PREFIXES
from .resources import queries_dir

__all__ = ["NamedQuery", "Param", "discover", "get", "load_query", "resolve"]

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
        sparql = self.sparql
        known = {param.name: param for param in self.params}
        for name, value in (values or {}).items():
            if name not in known:
                choices = ", ".join(known) or "none"
                raise UsageError(f"query {self.name!r} has no parameter {name!r} (parameters: {choices})")
            term = _param_term(value, known[name].default, name)
            # a template, not a function: the term may hold backslashes, so escape them for re.sub
            sparql = _values_block(name).sub(r"\g<1>" + term.replace("\\", "\\\\") + r"\g<2>", sparql, count=1)
        return sparql


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(r"(VALUES\s+\?" + re.escape(name) + r"\s*\{\s*)[^}]*?(\s*\})", re.IGNORECASE)


def _param_term(value: str, default: str, name: str) -> str:
    """A user's value as a SPARQL term: ``<iri>``, ``prefix:local``, a bare id, a number or a string."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value
    if re.match(r"^https?://", value):
        return f"<{value}>"
    if ":" in value and value.split(":", 1)[0] in PREFIXES:
        prefix, local = value.split(":", 1)
        return f"<{PREFIXES[prefix]}{local}>"
    default_prefix = default.split(":", 1)[0] if ":" in default and not default.startswith("<") else None
    if default_prefix in PREFIXES and _SLUG.match(value):
        return f"<{PREFIXES[default_prefix]}{value}>"
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return value
    if default.startswith('"'):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    raise UsageError(f"--param {name}={value}: not an id, prefixed name or IRI (default is {default})")


def load_query(path: Path) -> NamedQuery:
    """Parse one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
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
            block = re.search(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*([^}]*?)\s*\}", text, re.IGNORECASE)
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
