"""Every error wickgraph raises on purpose, in one tree.

* WickgraphError — base; ``exit_code`` 2 unless a branch says otherwise (HTTP 500)
  * InputError — bad input from a file, an option or a request (exit 2, HTTP 400)
    * RDFSyntaxError — a data file that does not parse (file, line, column)
    * SPARQLSyntaxError — a query that does not parse (line, column)
    * ReviewInputError — an unreadable, empty, binary or unknown review file
    * UsageError — an option or argument that makes no sense (unknown format, bad --param)
  * NotFoundError — a thing named by the user does not exist (exit 2, HTTP 404)
    * QueryNotFound — no named query of that name (close matches in the message)
    * ReviewNotFound — no ingested review with that id
  * CheckFailed — the command ran and found a problem it was asked to report (exit 1, HTTP 422)
    * ValidationFailed — SHACL violations (each with focus node and message)
    * ConflictsFound — claims contradict the reference (``--fail-on-conflict``)
  * StoreError — the store is missing, locked or cannot be written (exit 2, HTTP 503)
    * CurationConflict — another editor committed the review since this curation began (HTTP 409)
  * RemoteError — a remote SPARQL endpoint failed or could not be reached (exit 2, HTTP 502)

Each class carries an ``exit_code`` for the CLI and an ``http_status`` for the server; an
instance may add ``headers`` for its HTTP answer (``Retry-After``, ``WWW-Authenticate``).
The CLI translates any of these, in one place, into its one-line message on stderr and
``exit_code``; the server, in one exception handler, into a one-line ``text/plain`` answer
with ``http_status``. Nothing else ever shows a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CheckFailed", "ConflictsFound", "CurationConflict", "InputError", "NotFoundError", "QueryNotFound",
    "RDFSyntaxError", "RemoteError", "ReviewInputError", "ReviewNotFound", "SPARQLSyntaxError",
    "StoreError", "UsageError", "ValidationFailed", "WickgraphError",
]


class WickgraphError(Exception):
    """Base class of all wickgraph errors."""

    exit_code: int = 2
    http_status: int = 500

    def __init__(self, message: str, *, filename: str | None = None,
                 lineno: int | None = None, offset: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename
        self.lineno = lineno
        self.offset = offset
        self.headers = dict(headers or {})

    def __reduce__(self) -> tuple[object, ...]:
        # errors cross process boundaries (the server's query workers): keep every attribute,
        # whatever the subclass's __init__ takes
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))

    def __str__(self) -> str:
        """``file:line:col: message``, with whatever position is known."""
        where = [str(part) for part in (self.filename, self.lineno, self.offset) if part is not None]
        return ": ".join([":".join(where), self.message]) if where else self.message


class InputError(WickgraphError):
    """Bad input: a file, an option or a request that wickgraph cannot use."""

    http_status = 400


class RDFSyntaxError(InputError):
    """An RDF file that does not parse; carries the file, line and column (1-based)."""


class SPARQLSyntaxError(InputError):
    """A SPARQL query that does not parse; carries the line and column (1-based)."""


class ReviewInputError(InputError):
    """A review file that cannot be read: unknown type, empty, binary or wrongly encoded."""


class UsageError(InputError):
    """An option or argument that makes no sense, such as an unknown format."""


class NotFoundError(WickgraphError):
    """Something the user named does not exist."""

    http_status = 404


class QueryNotFound(NotFoundError):
    """No named query has that name."""


class ReviewNotFound(NotFoundError):
    """No ingested review has that id."""


class CheckFailed(WickgraphError):
    """The command worked and found what it was asked to check for (exit code 1)."""

    exit_code = 1
    http_status = 422


class ValidationFailed(CheckFailed):
    """SHACL validation found violations; ``violations`` lists them one per line."""

    def __init__(self, message: str, violations: Sequence[str] = (), **where: object) -> None:
        super().__init__(message, **where)  # type: ignore[arg-type]
        self.violations = list(violations)


class ConflictsFound(CheckFailed):
    """Claims contradict the reference facts and ``--fail-on-conflict`` was given."""


class StoreError(WickgraphError):
    """The store is missing, locked by another process, or cannot be written."""

    http_status = 503


class CurationConflict(StoreError):
    """The stored review changed (another editor committed it) after this curation began."""

    http_status = 409


class RemoteError(WickgraphError):
    """A remote SPARQL endpoint failed, refused, timed out or could not be reached."""

    http_status = 502


def _rebuild(cls: type[WickgraphError], message: str, state: dict[str, object]) -> WickgraphError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error
