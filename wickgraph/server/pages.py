"""HTTP views of the resource pages and the search box: ``/id/<kind>/<id>``, ``/search``, ``/search.json``.

A resource path answers a browser with an HTML page and an RDF client with the resource's
description (Linked Data content negotiation on the ``Accept`` header, or ``?format=NAME``).
The data comes from :mod:`wickgraph.server.lookup`; this module only negotiates and renders.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .. import __version__
from ..errors import UsageError
from ..formats import Format, accepted_media_types, formats
from ..namespaces import PREFIXES
from . import lookup
from .engine import StoreHolder
from .search import index_for

__all__ = ["bound_query", "choose_format", "prefixes", "resource", "search_json", "search_page", "warm_up"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
HTML = "text/html"
_HTML_TYPES = ("text/html", "application/xhtml+xml")

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(page_path=lookup.page_path, short_type=lookup.short_type, claim_text=lookup.claim_text,
                    version=__version__, rdf_formats=formats("rdf"))


def _cacheable(holder: StoreHolder) -> bool:
    # a read-only view is replaced by a new object when the store changes, so what is computed from it can be kept
    return holder.path is not None and not holder.writable


def warm_up(holder: StoreHolder) -> None:
    """Compute the per-work review summaries and the search index in the background, before the first page.

    On a 10,000-review store the summaries read every review (a few hundred ms); doing it
    now spares the first visitor. Only for a read-only view, whose results are kept.
    """
    if not _cacheable(holder):
        return

    def warm() -> None:
        try:
            for template in _env.list_templates(extensions=["html"]):
                _env.get_template(template)  # compiled once, here rather than on the first page
            store = holder.get()
            lookup.work_summaries(store, cache=True)
            lookup.contradicted_about(store, cache=True)
            index_for(store)
        except Exception:
            return

    threading.Thread(target=warm, name="wickgraph-warm-up", daemon=True).start()


def _render(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = _env.get_template(template).render(**values)
    return HTMLResponse(html, status_code=status, headers={"Vary": "Accept"})


def choose_format(accept: str | None, format_name: str | None = None) -> Format | str | None:
    """HTML (``"text/html"``), an RDF format from the formats table, or None when nothing acceptable is offered.

    >>> choose_format("text/turtle").name
    'turtle'
    >>> choose_format("text/html,application/xhtml+xml,*/*;q=0.8")
    'text/html'
    >>> choose_format("application/ld+json;q=0.5, application/n-quads").name
    'nquads'
    >>> choose_format("image/png") is None
    True
    """
    offered = formats("rdf")
    if format_name:
        if format_name == "html":
            return HTML
        return next((fmt for fmt in offered if format_name in (fmt.name, fmt.media_type)), None)
    for media in accepted_media_types(accept or "*/*"):
        if media in _HTML_TYPES or media in ("*/*", "text/*"):
            return HTML
        for fmt in offered:
            if media == fmt.media_type or (media.endswith("/*") and fmt.media_type.startswith(media[:-1])):
                return fmt
    return None


def _not_found(request: Request, message: str, query: str) -> Response:
    search = f"/search?q={quote(query)}"
    if choose_format(request.headers.get("accept"), request.query_params.get("format")) == HTML:
        return _render("not_found.html", status=404, message=message, query=query, search=search)
    return Response(f"{message}; search for it: {search}\n", status_code=404, media_type="text/plain; charset=utf-8")


async def resource(request: Request) -> Response:
    """``/id/<kind>/<path>``: the resource's page, or its description in the RDF format asked for."""
    kind, path = request.path_params["kind"], request.path_params["path"]
    raw_path = request.scope.get("raw_path", b"").decode("latin-1").lower()
    words = path.replace("-", " ").replace("/", " ")
    iri = None if "%2f" in raw_path or "%5c" in raw_path else lookup.resource_iri(kind, path)
    if iri is None:
        return _not_found(request, f"no resource at {request.url.path}", words)
    chosen = choose_format(request.headers.get("accept"), request.query_params.get("format"))
    if chosen is None:
        offered = ", ".join([HTML] + [fmt.media_type for fmt in formats("rdf")])
        return Response(f"{request.url.path} is offered as: {offered}\n", status_code=406,
                        media_type="text/plain; charset=utf-8")
    holder = request.app.state.wick.holder
    store = holder.get()
    cache = _cacheable(holder)
    if isinstance(chosen, Format):
        quads = await run_in_threadpool(lookup.describe, store, iri)
        if not quads:
            return _not_found(request, f"nothing is known about <{iri}>", words)
        assert chosen.oxigraph is not None
        body = lookup.serialize(quads, chosen.oxigraph)  # type: ignore[arg-type]
        return Response(body, media_type=chosen.media_type, headers={"Vary": "Accept"})
    started = time.perf_counter()
    page = await run_in_threadpool(lambda: lookup.load_page(store, kind, iri, cache=cache))
    if page is None:
        return _not_found(request, f"nothing is known about <{iri}>", words)
    template = f"{page.kind}.html" if page.kind in lookup.PAGE_KINDS else "resource.html"
    response = _render(template, page=page, sections=page.sections, path=request.url.path)
    # the time spent on this page here (queries and template), for benchmarks/load.py and browsers' dev tools
    response.headers["Server-Timing"] = f"page;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


async def search_json(request: Request) -> Response:
    """``/search.json?q=win[&kind=work]``: up to 10 completions as ``[{iri, url, label, kind, matched}]``."""
    store = request.app.state.wick.holder.get()
    index = await run_in_threadpool(index_for, store)
    kind = request.query_params.get("kind")
    hits = [hit for hit in index.find(request.query_params.get("q", ""), limit=100) if kind in (None, hit.kind)][:10]
    body = json.dumps([hit.__dict__ for hit in hits], ensure_ascii=False)
    return Response(body, media_type="application/json")


async def search_page(request: Request) -> Response:
    """``/search?q=...``: every work, person and character with a matching name, as links."""
    query = request.query_params.get("q", "")
    store = request.app.state.wick.holder.get()
    index = await run_in_threadpool(index_for, store)
    return _render("search.html", query=query, hits=index.find(query, limit=100))


async def bound_query(request: Request) -> Response:
    """``/queries/<name>/sparql?param=value``: the named query's text with its parameters bound.

    The explorer's forms use it, so parameters are bound by :meth:`NamedQuery.bind` alone.
    """
    name = request.path_params["name"]
    query = request.app.state.wick.queries.get(name)
    if query is None:
        return Response(f"no named query {name!r}; see /queries\n", status_code=404, media_type="text/plain")
    try:
        text = query.bind({key: value for key, value in request.query_params.items() if value.strip()})
    except UsageError as error:
        return Response(f"{error}\n", status_code=400, media_type="text/plain; charset=utf-8")
    return Response(text, media_type="application/sparql-query; charset=utf-8")


async def prefixes(request: Request) -> Response:
    """``/prefixes.json``: wickgraph's prefixes, so the explorer's tables show ``person:ian-mcshane``.

    Longest namespace first: YASR uses the first prefix that matches, and ``id:`` covers ``person:``.
    """
    ordered = dict(sorted(PREFIXES.items(), key=lambda item: -len(item[1])))
    return Response(json.dumps(ordered), media_type="application/json")
