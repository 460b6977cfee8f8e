"""The curation page: editors read a review, accept, reject, correct or add claims, then commit.

Served only by ``wickgraph serve --allow-update --token T``. Opening ``/curate?token=T`` (the
token compared in constant time) starts a session: an HttpOnly, SameSite=Strict cookie and a
CSRF token embedded in the page. Every API call must come from the page's own origin (the
``Origin`` header, else ``Sec-Fetch-Site``) and carry that CSRF token, or carry the bearer token
itself (scripts). The work is done by :mod:`wickgraph.curation`; commits go through the add
pipeline into the server's own open store.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hmac
import json
import secrets
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .. import __version__
from ..claimkinds import kinds
from ..curation import check_claim, commit_card, curated_card, prepare_upload, reference_names, stored_version
from ..errors import CurationConflict, WickgraphError
from .engine import StoreHolder
from .views import TEMPLATES, RequestRefused, _read_body

__all__ = ["MAX_UPLOAD", "CurationState", "routes"]

MAX_UPLOAD = 2 << 20
"""Largest review file (2 MiB) the page accepts; a larger one is answered 413."""
MAX_REQUEST = 4 * MAX_UPLOAD  # base64 and JSON around a card
COOKIE = "wickgraph_curate"
SESSIONS = 64  # the oldest session is forgotten beyond this many


@dataclass
class CurationState:
    """What the curation views share: the token, the data folder, the store, the sessions."""

    token: str
    data_dir: Path
    holder: StoreHolder
    editor: str = "editor"
    sessions: dict[str, str] = field(default_factory=dict)  # session id -> CSRF token
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def open_session(self) -> tuple[str, str]:
        session, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self._lock:
            self.sessions[session] = csrf
            while len(self.sessions) > SESSIONS:
                self.sessions.pop(next(iter(self.sessions)))
        return session, csrf

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.token.encode())


def _state(request: Request) -> CurationState:
    state: CurationState | None = getattr(request.app.state, "curate", None)
    if state is None:
        raise RequestRefused(403, "curation needs a writable server: start it with "
                               "`wickgraph serve --allow-update --token T`, then open /curate?token=T")
    return state


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


# -- the page --------------------------------------------------------------------------------


_LOGIN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>wickgraph curation</title>
<link rel="icon" href="data:,"></head><body><h1>wickgraph curation</h1><p>{message}</p>
<form method="get" action="/curate"><label>Token <input name="token" type="password" autofocus></label>
<button>Open</button></form></body></html>"""


async def page(request: Request) -> Response:
    """``/curate``: with ``?token=T`` start a session and come back; with a session, the page."""
    try:
        state = _state(request)
    except RequestRefused as problem:
        return HTMLResponse(_LOGIN.format(message=problem.message), status_code=problem.http_status)
    given = request.query_params.get("token")
    if given is not None:
        if not state.token_matches(given):
            return HTMLResponse(_LOGIN.format(message="That is not this server's token."), status_code=401)
        session, _ = state.open_session()
        response = RedirectResponse("/curate", status_code=303)
        response.set_cookie(COOKIE, session, httponly=True, samesite="strict", path="/curate")
        return response
    csrf = state.sessions.get(request.cookies.get(COOKIE, ""))
    if csrf is None:
        return HTMLResponse(_LOGIN.format(message="The curation page needs the server's token."), status_code=401)
    text = (TEMPLATES / "curate.html").read_text(encoding="utf-8")
    # each claim kind's editable fields, from the registry (the page builds its forms and type list from them)
    claim_kinds = json.dumps({kind.name: list(kind.fields) for kind in kinds()})
    for key, value in {"version": __version__, "csrf": csrf, "editor": state.editor,
                       "max_upload": str(MAX_UPLOAD), "claim_kinds": claim_kinds}.items():
        text = text.replace("{{ " + key + " }}", _attribute(value))
    policy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    return HTMLResponse(text, headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                                       "Content-Security-Policy": policy})


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


# -- the API ----------------------------------------------------------------------------------


def _authorize(request: Request, state: CurationState, *, changes: bool) -> None:
    """Same origin, then the bearer token, or a session cookie plus its CSRF token for changes."""
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    origin = request.headers.get("origin")
    if origin is not None and origin != own:
        raise RequestRefused(403, f"cross-origin request from {origin} refused: "
                                  "the curation API answers its own page only")
    bearer = request.headers.get("authorization")
    if bearer is not None:
        if not hmac.compare_digest(bearer.encode(), f"Bearer {state.token}".encode()):
            raise RequestRefused(401, "wrong token: send `Authorization: Bearer <token>`")
        return
    csrf = state.sessions.get(request.cookies.get(COOKIE, ""))
    if csrf is None:
        raise RequestRefused(401, "the curation API needs the server's token: open /curate?token=T first")
    if not changes:
        return
    if origin is None and request.headers.get("sec-fetch-site") != "same-origin":
        raise RequestRefused(403, "request refused: it does not say it comes from this page (no Origin header)")
    if not hmac.compare_digest(request.headers.get("x-csrf-token", "").encode(), csrf.encode()):
        raise RequestRefused(403, "request refused: missing or wrong CSRF token; reload the page")


def _api(changes: bool) -> Callable[[Callable[[Request, CurationState], Awaitable[Any]]],
                                    Callable[[Request], Awaitable[Response]]]:
    """Wrap an API handler: authorize, answer its value as JSON, every error as ``{"error": ...}``."""
    def wrap(handler: Callable[[Request, CurationState], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
        async def view(request: Request) -> Response:
            try:
                state = _state(request)
                _authorize(request, state, changes=changes)
                result = await handler(request, state)
            except WickgraphError as error:  # each error says its own HTTP status (wickgraph.errors)
                return _error(error.http_status, str(error))
            return result if isinstance(result, Response) else JSONResponse(result)
        view.__doc__ = handler.__doc__
        return view
    return wrap


async def _json_body(request: Request, limit: int = MAX_REQUEST) -> dict[str, Any]:
    body = await _read_body(request, limit)
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise RequestRefused(415, "send the request as application/json")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise RequestRefused(400, "the request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise RequestRefused(400, "the request body must be a JSON object")
    return data


@_api(changes=True)
async def prepare(request: Request, state: CurationState) -> Any:
    """Read an uploaded (``content``, base64) or pasted (``text``) review and extract its claims."""
    data = await _json_body(request)
    filename = str(data.get("filename") or "pasted.txt")
    if isinstance(data.get("text"), str):
        raw = data["text"].encode("utf-8")
    elif isinstance(data.get("content"), str):
        try:
            raw = base64.b64decode(data["content"], validate=True)
        except (binascii.Error, ValueError):
            raise RequestRefused(400, f"{filename}: the upload is not valid base64") from None
    else:
        raise RequestRefused(400, "paste the review's text or choose a file")
    if len(raw) > MAX_UPLOAD:
        raise RequestRefused(413, f"{filename}: {len(raw):,} bytes; "
                                  f"the page takes review files of at most {MAX_UPLOAD:,}")
    film = data.get("film") or None
    return await asyncio.to_thread(prepare_upload, filename, raw, data_dir=state.data_dir, film=film)


@_api(changes=True)
async def check(request: Request, state: CurationState) -> Any:
    """Link one claim (as edited) to the reference and check it: status, the reference's side, unreconciled names."""
    data = await _json_body(request)
    claim = data.get("claim")
    if not isinstance(claim, dict):
        raise RequestRefused(400, "send the claim to check as 'claim'")
    return await asyncio.to_thread(check_claim, claim, film=data.get("film") or None, data_dir=state.data_dir)


@_api(changes=False)
async def names(request: Request, state: CurationState) -> Any:
    """The reference's people, characters and works, for completion."""
    return await asyncio.to_thread(reference_names, state.data_dir)


@_api(changes=True)
async def commit(request: Request, state: CurationState) -> Any:
    """Commit a curation: the card, one decision per claim (plus added ones), the editor and the base version."""
    data = await _json_body(request)
    card, decisions = data.get("card"), data.get("decisions")
    if not isinstance(card, dict) or not isinstance(card.get("text"), str) or not isinstance(decisions, list):
        raise RequestRefused(400, "send the review's 'card' (with its text) and one entry of 'decisions' per claim")
    editor = str(data.get("editor") or "").strip()
    if not editor:
        raise RequestRefused(400, "editor: give your name; it is recorded with every decision")
    card = _with_metadata(card, data.get("metadata") or {})
    base = data.get("base") or {}
    source = str(data.get("filename") or "curation")

    def run() -> dict[str, Any] | Response:
        from ..reviewgraph import review_id

        rid = review_id(card.get("url"), card["text"])
        base_sha = base.get("sha") if base.get("review_id") == rid else None
        try:
            report = commit_card(curated_card(card, decisions), source=source, data_dir=state.data_dir,
                                 store_dir=state.holder.path, store=state.holder.get(), base_sha=base_sha,
                                 added_by=editor, force=True)
        except CurationConflict as error:  # the page shows what changed; the editor decides
            return _error(409, str(error), review_id=rid, **stored_version(state.data_dir, rid))
        if report.written:
            state.holder.changed()
        [plan] = report.reviews
        return {"action": plan.action, "review_id": plan.review_id, "claims": len(plan.claims),
                "file": f"reviews/{plan.filename}", **stored_version(state.data_dir, rid),
                "message": f"{plan.action} {plan.review_id} ({len(plan.claims)} claims) -> reviews/{plan.filename}"}

    return await asyncio.to_thread(run)


def _with_metadata(card: dict[str, Any], metadata: dict[str, Any]) -> dict[str, Any]:
    """The card with the editor's metadata: URL, author, publisher, publication date, film."""
    card = dict(card)
    for key in ("url", "author", "publisher", "published"):
        value = str(metadata.get(key) or "").strip()
        if key in metadata:
            card.pop(key, None)
            if value:
                card[key] = value
    published = card.get("published")
    if published:
        try:
            date.fromisoformat(str(published))
        except ValueError:
            raise RequestRefused(400, f"published: {published!r} is not a date as YYYY-MM-DD") from None
    film = str(metadata.get("film") or "").strip()
    if film and film != (card.get("film") or {}).get("title"):
        card["film"] = {"title": film, "iri": None}
    return card


def routes() -> list[Route]:
    """The page and its API, for :func:`wickgraph.server.app.create_app`."""
    return [
        Route("/curate", page, methods=["GET"]),
        Route("/curate/api/prepare", prepare, methods=["POST"]),
        Route("/curate/api/check", check, methods=["POST"]),
        Route("/curate/api/names", names, methods=["GET"]),
        Route("/curate/api/commit", commit, methods=["POST"]),
    ]
