"""Turning a view's data into a response: JSON, an HTML page, or a streamed CSV/JSONL export.

A view builds one dict. ``json`` sends it as is (with ``"ok": true``); ``html`` renders it with
the view's template (Jinja2, autoescaped everywhere: article data is never marked safe); ``csv``
and ``jsonl`` stream the rows of a :class:`~kabar.serve.queries.Select` from a cursor of its own.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kabar.serve import i18n
from kabar.serve.db import Database
from kabar.serve.errors import error_body
from kabar.serve.middleware import FORMAT_KEY
from kabar.serve.params import Page
from kabar.serve.queries import Row, Select

TEMPLATES = Path(__file__).parent / "templates"
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
}

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,
)


def _path(prefix: str, key: str | None) -> str | None:
    return f"{prefix}/{quote(key, safe='')}" if key else None


def marks(snippet: str, highlights: list[list[int]] | None) -> list[tuple[str, bool]]:
    """A snippet cut into (text, highlighted) parts at its highlight offsets."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for start, end in highlights or []:
        if start > position:
            parts.append((snippet[position:start], False))
        parts.append((snippet[start:end], True))
        position = end
    parts.append((snippet[position:], False))
    return [p for p in parts if p[0]]


env.globals.update(
    marks=marks,
    article_url=lambda key: _path("/articles", key),
    story_url=lambda key: _path("/stories", key),
    thread_url=lambda key: _path("/threads", key),
    actor_url=lambda kb_id, name=None: _path("/actors", kb_id or name),
)


def db_of(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def conn_of(request: Request) -> sqlite3.Connection:
    return db_of(request).conn


class Links:
    """This request's URL with some query parameters replaced, for the many links of one page.

    The request's own parameters are encoded once; each link only encodes what it changes.
    """

    def __init__(self, request: Request) -> None:
        self.path = request.url.path
        self.pairs = [(k, urlencode({k: v})) for k, v in request.query_params.multi_items() if k != "token"]

    def __call__(self, path: str | None = None, **changes: Any) -> str:
        kept = [encoded for k, encoded in self.pairs if k not in changes]
        kept += [urlencode({k: v}) for k, v in changes.items() if v is not None and v != ""]
        target = path if path is not None else self.path
        return f"{target}?{'&'.join(kept)}" if kept else target


def url_with(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current URL (or ``path``) with query parameters replaced; ``None`` removes one."""
    return Links(request)(path, **changes)


def page_url(request: Request, suffix: str) -> str:
    """This page's URL with a ``.json``/``.csv``/``.jsonl`` suffix (the query kept)."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format", "token", "lang")]
    path = request.url.path.rstrip("/")
    if not path:  # the search page has no name to put a suffix on
        return "/?" + urlencode([*pairs, ("format", suffix.lstrip("."))])
    return f"{path}{suffix}" + (f"?{urlencode(pairs)}" if pairs else "")


def json_response(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse({"ok": True, **data}, status_code=status)


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
    lang = i18n.pick_language(request)
    links = Links(request)
    context = {
        "data": data,
        "request": request,
        "lang": lang,
        "t": i18n.translator(lang),
        "category_label": lambda c: i18n.category_label(lang, c),
        "url_with": lambda **c: links(None, **c),
        "path_url": links,
        "page_url": lambda s: page_url(request, s),
    }
    response = HTMLResponse(env.get_template(template).render(context), status_code=status)
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def respond(request: Request, fmt: str, template: str, data: dict[str, Any]) -> Response:
    """JSON or the page for one data dict (a list's CSV/JSONL goes through :func:`export`)."""
    if fmt == "json":
        return json_response(data)
    if fmt != "html":
        return render_error(request, 400, f"format {fmt!r} is not available here: use json")
    return render(request, template, data)


def render_error(request: Request, status: int, message: str, errors: list[str] | None = None) -> Response:
    wants_page = not request.url.path.startswith("/api") and request.scope.get(FORMAT_KEY) is None
    accept = request.headers.get("accept", "")
    if wants_page and "text/html" in accept and request.query_params.get("format") in (None, "html"):
        return render(request, "error.html", {"status": status, "error": message}, status)
    return JSONResponse(error_body(status, message, errors), status_code=status)


def list_data(request: Request, select: Select, page: Page, conn: sqlite3.Connection) -> dict[str, Any]:
    """One page of a list: rows, paging links and what the select says about its order."""
    assert page.limit is not None
    rows = select.page(conn, page.limit + 1, page.offset)
    more = len(rows) > page.limit
    nxt = url_with(request, offset=page.offset + page.limit) if more else None
    prev = url_with(request, offset=max(0, page.offset - page.limit) or None) if page.offset else None
    return {
        "rows": rows[: page.limit],
        "limit": page.limit,
        "offset": page.offset,
        "more": more,
        "next": nxt,
        "previous": prev,
        **select.meta,
    }


def export(
    request: Request,
    select: Select,
    page: Page,
    fmt: str,
    name: str,
    shape: Callable[[Row], Row] | None = None,
) -> StreamingResponse:
    """Stream every row of ``select`` (or the page asked for) as CSV or JSONL from its own cursor.

    The query runs before the response starts, so a bad query is still a clean 400.
    """
    db = db_of(request)
    conn = db.connect()
    try:
        cursor = conn.execute(*select.paged(page.limit, page.offset))
    except BaseException:
        conn.close()
        raise
    rows = _rows(conn, cursor, select, shape)
    body = _csv(rows, [d[0] for d in cursor.description]) if fmt == "csv" else _jsonl(rows)
    extension = {"csv": "csv", "jsonl": "jsonl", "plover": "plover.jsonl"}[fmt]
    headers = {"content-disposition": f'attachment; filename="{name}.{extension}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[fmt], headers=headers)


def _rows(
    conn: sqlite3.Connection, cursor: sqlite3.Cursor, select: Select, shape: Callable[[Row], Row] | None
) -> Iterator[list[Row]]:
    try:
        while batch := cursor.fetchmany(500):
            rows = [select.row(r) for r in batch]
            yield [shape(r) for r in rows] if shape else rows
    finally:
        conn.close()


def _csv(batches: Iterator[list[Row]], columns: list[str]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for batch in batches:
        if writer is None:
            writer = csv.DictWriter(buffer, list(batch[0]) if batch else columns, extrasaction="ignore")
            writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in batch)
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    if writer is None:
        csv.writer(buffer).writerow(columns)
        yield buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _jsonl(batches: Iterator[list[Row]]) -> Iterator[bytes]:
    for batch in batches:
        yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in batch).encode("utf-8")


def export_rows(rows: list[Row], fmt: str, name: str, columns: list[str]) -> StreamingResponse:
    """An export of rows already in memory (small aggregates such as the outlet list)."""
    batches = iter([rows])
    body = _csv(batches, columns) if fmt == "csv" else _jsonl(batches)
    headers = {"content-disposition": f'attachment; filename="{name}.{fmt}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[fmt], headers=headers)
