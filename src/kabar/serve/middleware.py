"""ASGI middleware: security headers, the access token, and ``.json``/``.csv``/``.jsonl`` suffixes.

All three are plain ASGI callables (not ``BaseHTTPMiddleware``) so streamed exports pass through
unbuffered.
"""

from __future__ import annotations

import hmac
import html as htmllib
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
SUFFIXES = {".json": "json", ".csv": "csv", ".jsonl": "jsonl"}
UNSUFFIXED = ("/openapi.json", "/static/")
TOKEN_COOKIE = "kabar_token"
FORMAT_KEY = "kabar.format"


class SecurityHeaders:
    """Adds CSP, nosniff, frame and referrer policies to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class FormatSuffix:
    """``/x.json`` → ``/x`` with the format remembered in ``scope["kabar.format"]``.

    Also drops empty query parameters (``?since=&outlet=`` from a submitted form): an empty
    parameter is no parameter.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query: bytes = scope.get("query_string", b"")
            if b"=&" in query or query.endswith(b"=") or b"&&" in query:
                pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
                scope = dict(scope, query_string=urlencode([(k, v) for k, v in pairs if v]).encode("latin-1"))
            path: str = scope["path"]
            if path != "/" and not path.startswith(UNSUFFIXED):
                for suffix, fmt in SUFFIXES.items():
                    if path.endswith(suffix) and len(path) > len(suffix) + 1:
                        scope = dict(scope, path=path[: -len(suffix)])
                        scope[FORMAT_KEY] = fmt
                        scope["kabar.suffix_path"] = path
                        break
        await self.app(scope, receive, send)


class TokenGuard:
    """Require the token on every request: ``Authorization: Bearer``, ``?token=`` or a cookie.

    A valid ``?token=`` also sets the cookie (HttpOnly, SameSite=Strict), so a browser can follow
    links after opening one tokenised URL.
    """

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        from_query = self._valid(query.get("token"))
        if not (from_query or self._valid(_bearer(headers)) or self._valid(_cookie(headers))):
            await _unauthorized(send, "text/html" in headers.get("accept", ""))
            return
        if from_query:
            scope = dict(
                scope,
                query_string=urlencode(
                    [kv for kv in parse_qsl(scope["query_string"].decode("latin-1")) if kv[0] != "token"]
                ).encode("latin-1"),
            )
            send = _with_cookie(send, self.token.decode())
        await self.app(scope, receive, send)

    def _valid(self, presented: str | None) -> bool:
        return bool(presented) and hmac.compare_digest(presented.encode(), self.token)  # type: ignore[union-attr]


def _bearer(headers: dict[str, str]) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _cookie(headers: dict[str, str]) -> str | None:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is just no cookie
        return None
    morsel = jar.get(TOKEN_COOKIE)
    return morsel.value if morsel else None


def _with_cookie(send: Send, token: str) -> Send:
    jar = SimpleCookie()
    jar[TOKEN_COOKIE] = token
    for attribute, value in (("path", "/"), ("httponly", "yes"), ("samesite", "Strict")):
        jar[TOKEN_COOKIE][attribute] = value
    cookie = jar[TOKEN_COOKIE].OutputString().encode("latin-1")

    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
        await send(message)

    return sender


async def _unauthorized(send: Send, html: bool) -> None:
    message = "this server needs its access token: send 'Authorization: Bearer <token>' or add ?token=<token>"
    if html:
        body = (
            f"<!doctype html><meta charset=utf-8><title>401</title><p>{htmllib.escape(message)}</p>".encode()
        )
        kind = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"ok": False, "error": message, "errors": [message], "status": 401}).encode()
        kind = b"application/json"
    headers = [
        (b"content-type", kind),
        (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", b'Bearer realm="kabar"'),
    ]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})
