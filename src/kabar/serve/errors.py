"""One error shape for every failure: ``{"ok": false, "error", "errors", "status"}``.

API paths (and any request that asked for JSON) get that body; pages get the same message in the
error template. A bad request is a 400 (or 422 for a parameter of the wrong type or range), a
missing resource a 404; nothing the user sends should end in a 500.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from kabar.serve.db import QueryTimeout
from kabar.store.query import QuerySyntaxError

log = logging.getLogger("kabar.serve")


class ApiError(Exception):
    """A failure with an HTTP status and a one-line message for the user."""

    def __init__(self, status: int, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or [message]


def not_found(what: str, key: str) -> ApiError:
    return ApiError(404, f"no {what} with id {key!r}")


def error_body(status: int, message: str, errors: list[str] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "errors": errors or [message], "status": status}


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body"))
    message = str(error.get("msg", "invalid value"))
    return f"{where}: {message}" if where else message


def _render(request: Request, status: int, message: str, errors: list[str] | None = None) -> Response:
    from kabar.serve.output import render_error  # the error page needs the templates

    return render_error(request, status, message, errors)


async def api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _render(request, exc.status, exc.message, exc.errors)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = "not found" if exc.status_code == 404 else str(exc.detail)
    return _render(request, exc.status_code, message)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [_describe(e) for e in exc.errors()]
    return _render(request, 422, "invalid parameter: " + "; ".join(errors), errors)


async def syntax_error(request: Request, exc: Exception) -> Response:
    return _render(request, 400, f"cannot read search query: {exc}")


async def timeout_error(request: Request, exc: Exception) -> Response:
    return _render(request, 400, f"{exc}: narrow the query (filters, dates) or export it as CSV/JSONL")


async def sqlite_error(request: Request, exc: Exception) -> Response:
    """FTS5 refusing a query is the user's to fix (400); anything else from SQLite is the store's (503)."""
    message = str(exc)
    if "fts5" in message or "MATCH" in message or "unterminated" in message:
        return _render(request, 400, f"cannot read search query: {message}")
    log.warning("store error on %s: %s", request.url.path, message)
    return _render(request, 503, f"the store cannot answer now: {message}")


async def server_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return JSONResponse(error_body(500, "internal error"), status_code=500)


Handler = Callable[[Request, Any], Coroutine[Any, Any, Response]]
HANDLERS: dict[int | type[Exception], Handler] = {
    ApiError: api_error,
    StarletteHTTPException: http_error,
    RequestValidationError: validation_error,
    QuerySyntaxError: syntax_error,
    QueryTimeout: timeout_error,
    sqlite3.OperationalError: sqlite_error,
    Exception: server_error,
}
