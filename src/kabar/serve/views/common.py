"""What every view shares: answering a list in the format asked for, and the time budget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from kabar.serve.db import budget
from kabar.serve.errors import ApiError
from kabar.serve.middleware import FORMAT_KEY
from kabar.serve.output import conn_of, db_of, export, json_response, list_data, respond
from kabar.serve.params import DEFAULT_LIMIT, Page
from kabar.serve.queries import Row, Select

QUERY_SECONDS = 5.0
"""Interactive requests (JSON and pages) give up after this long; exports have no limit."""

EXPORTS = ("csv", "jsonl")
AGGREGATE_SECONDS = 300.0
"""How long a whole-store aggregate (outlets, story and actor lists) may be reused while ingest runs."""


def answer_list(
    request: Request,
    select: Select,
    page: Page,
    fmt: str,
    name: str,
    *,
    template: str | None = None,
    extra: Callable[[], dict[str, Any]] | None = None,
    shape: Callable[[Row], Row] | None = None,
    default_limit: int = DEFAULT_LIMIT,
    aggregate: bool = False,
) -> Response:
    """A list as an export (CSV/JSONL/PLOVER, every row), as JSON, or as its page.

    An ``aggregate`` list (one that groups the whole store) is cached per URL for
    :data:`AGGREGATE_SECONDS` while articles keep arriving.
    """
    if fmt in (*EXPORTS, "plover"):
        return export(request, select, page, fmt, name, shape)
    if fmt == "html" and template is None:
        fmt = "json"
    page = page.for_format(fmt, default_limit)
    conn = conn_of(request)

    def compute() -> dict[str, Any]:
        with budget(conn, QUERY_SECONDS):
            data = list_data(request, select, page, conn)
            return data | extra() if extra is not None else data

    if aggregate:
        key = f"{request.url.path}?{request.url.query}#{fmt}#{page.limit}"
        data = db_of(request).cached(key, compute, AGGREGATE_SECONDS)
    else:
        data = compute()
    if fmt == "json":
        return json_response(data)
    assert template is not None
    return respond(request, fmt, template, data)


def only_json_or_page(fmt: str) -> None:
    if fmt in (*EXPORTS, "plover"):
        raise ApiError(400, f"format {fmt!r} is for lists: this resource is JSON (or its page)")


def suffixed_id(request: Request, key: str, exists: Callable[[str], bool]) -> str:
    """``key`` as routed, or with the ``.json``-like suffix put back when only that id exists."""
    original = request.scope.get("kabar.suffix_path")
    if original and not exists(key):
        for suffix in (".json", ".csv", ".jsonl"):
            if original.endswith(key + suffix) and exists(key + suffix):
                request.scope.pop(FORMAT_KEY, None)
                return key + suffix
    return key
