"""The FastAPI application and the ``run`` entry point (``kabar serve``).

:func:`create_app` builds the app over one store file (read-only); :func:`run` serves it with
uvicorn. Binding anything but a loopback address exposes the store, so it requires a token, which
is then checked on every request.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from kabar import __version__
from kabar.serve.db import Database
from kabar.serve.errors import HANDLERS
from kabar.serve.middleware import FormatSuffix, SecurityHeaders, TokenGuard
from kabar.serve.views import actors, articles, docs, events, outlets, quotes, stories

STATIC = Path(__file__).parent / "static"
TOKEN_ENV = "KABAR_TOKEN"
DB_ENV = "KABAR_SERVE_DB"

DESCRIPTION = """Read-only API over a kabar store: articles, quotes, actors, events, stories and threads.

Every list takes `limit`/`offset` (JSON: 50 by default, at most 1,000) and answers
`{"ok": true, "rows": [...], "limit", "offset", "more", "next"}`. Every list also streams complete as
CSV or JSONL (`format=csv|jsonl`, or a `.csv`/`.jsonl` suffix on the path), with no row cap. Every web
page is also available as JSON (a `.json` suffix, or `Accept: application/json`).
Errors always answer `{"ok": false, "error": "...", "errors": [...], "status": N}`.
When the server has a token, send `Authorization: Bearer <token>` (or `?token=`)."""


class ServeError(ValueError):
    """The server cannot start as asked (one line for the user)."""


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The web application over the store at ``db_path``; every request needs ``token`` when given."""
    app = FastAPI(
        title="kabar",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        exception_handlers=HANDLERS,
    )
    app.state.db = Database(db_path)
    for module in (articles, quotes, actors, events, stories, outlets, docs):
        app.include_router(module.api)
        app.include_router(module.pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(FormatSuffix)
    if token:
        app.add_middleware(TokenGuard, token=token)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """The app for uvicorn's worker processes (``--workers``): store and token from the environment."""
    return create_app(os.environ[DB_ENV], os.environ.get(TOKEN_ENV) or None)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    """Serve the store at ``db_path`` until interrupted.

    Args:
        db_path: the store file (opened read-only).
        host: the address to bind; anything but loopback needs a token.
        port: the TCP port.
        token: the access token (default: ``$KABAR_TOKEN``); checked on every request when set.
        workers: server processes (each with its own connections).
        log_level: uvicorn's log level.

    Raises:
        ServeError: a non-loopback address without a token, or no store at ``db_path``.
    """
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        raise ServeError(
            f"binding {host} exposes the store beyond this machine: give --token or set {TOKEN_ENV}"
        )
    if not Path(db_path).is_file():
        raise ServeError(f"no store at {db_path}: run `kabar ingest` first (or pass --db)")
    options = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": log_level == "debug",
        "server_header": False,
    }
    if workers > 1:
        os.environ[DB_ENV] = str(Path(db_path).resolve())
        if token:
            os.environ[TOKEN_ENV] = token
        uvicorn.run("kabar.serve.app:app_from_env", factory=True, workers=workers, **options)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(db_path, token), **options)  # type: ignore[arg-type]
