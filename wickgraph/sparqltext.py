"""Reading SPARQL text without an engine: its form, its SERVICE endpoints, its dataset clauses.

Everything works on the *skeleton* of a request: comments blanked, and string literals and
IRIs replaced by placeholders, so a keyword inside a string, an IRI or a comment is never
taken for one. pyoxigraph exposes no parsed algebra, and these answers are needed before a
request reaches it (to refuse SERVICE, to add ``USING`` clauses) or for another engine.

>>> query_form("# who added it?\\nPREFIX ex: <http://e/#x>\\nconstruct { ?s ?p 'SERVICE' } WHERE {}")
'CONSTRUCT'
>>> service_endpoints("SELECT * { SERVICE SILENT <http://e/sparql> { ?s ?p ?o } SERVICE ?where { } }")
['http://e/sparql', None]
"""

from __future__ import annotations

import re

__all__ = ["add_using", "dataset_clauses", "query_form", "service_endpoints", "skeleton"]

# IRIREF as the grammar has it (no space, <, >, ", {, }, |, ^, `, \), strings (long ones first),
# then comments; a "#" inside an IRI or a string is part of that token
_TOKENS = re.compile(
    r'(<[^<>"{}|^`\\\x00-\x20]*>'
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|#[^\n]*",
    re.DOTALL,
)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<\d+>|BASE\s*<\d+>)\s*)*", re.IGNORECASE)
_FORM = re.compile(r"\s*(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)
# a keyword, not a variable (?service), a prefixed name's part (ex:service, service:x) or a longer word
_KEYWORD = r"(?<![\w?$:.-])({})(?![\w:-])"
_SERVICE = re.compile(_KEYWORD.format("SERVICE") + r"\s*(?:SILENT\b\s*)?(<(\d+)>|[?$]\w+|\S+)?", re.IGNORECASE)
_DATASET = re.compile(_KEYWORD.format("USING|WITH"), re.IGNORECASE)
_WHERE = re.compile(_KEYWORD.format("WHERE|DELETE"), re.IGNORECASE)


def skeleton(sparql: str) -> tuple[str, list[str]]:
    """The text with comments blanked and every IRI and string replaced by ``<N>``, and those tokens by N."""
    tokens: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if match[1] is None:
            return " "
        tokens.append(match[1])
        return f"<{len(tokens) - 1}>"

    return _TOKENS.sub(keep, sparql), tokens


def query_form(sparql: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the first keyword after comments and the prologue."""
    text, _ = skeleton(sparql)
    form = _FORM.match(_PROLOGUE.sub("", text))
    return form[1].upper() if form else "SELECT"


def service_endpoints(sparql: str) -> list[str | None]:
    """The endpoint of every SERVICE clause: its IRI as written, or None for a variable or anything else."""
    text, tokens = skeleton(sparql)
    found: list[str | None] = []
    for match in _SERVICE.finditer(text):
        found.append(tokens[int(match[3])][1:-1] if match[3] is not None else None)
    return found


def dataset_clauses(update: str) -> bool:
    """Whether a SPARQL Update names its own dataset (``USING``, ``USING NAMED`` or ``WITH``)."""
    return _DATASET.search(skeleton(update)[0]) is not None


def add_using(update: str, graphs: list[str], named_graphs: list[str]) -> str:
    """The update with ``USING <g>`` / ``USING NAMED <g>`` before the WHERE of every DELETE/INSERT operation.

    That is what the protocol's ``using-graph-uri`` and ``using-named-graph-uri`` mean; the
    ``DELETE WHERE`` short form takes no ``USING`` and is left alone.

    >>> add_using("INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", ["http://e/g"], [])
    'INSERT { ?s ?p 1 } USING <http://e/g> WHERE { ?s ?p ?o }'
    """
    text, tokens = skeleton(update)
    clauses = "".join(f"USING <{iri}> " for iri in graphs) + "".join(f"USING NAMED <{iri}> " for iri in named_graphs)
    out: list[str] = []
    depth, position, after_delete = 0, 0, False
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char.isalpha() and (match := _WHERE.match(text, index)):
            word = match[1].upper()
            if word == "WHERE" and not after_delete:
                out.append(text[position:index] + clauses)
                position = index
            after_delete = word == "DELETE" and text[match.end():].lstrip().upper().startswith("WHERE")
    out.append(text[position:])
    return re.sub(r"<(\d+)>", lambda match: tokens[int(match[1])], "".join(out))
