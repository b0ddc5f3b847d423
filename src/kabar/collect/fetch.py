"""Polite HTTP fetching: robots.txt, per-host limits, conditional requests, retries, size limits."""

from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from kabar.collect.sources import Politeness
from kabar.collect.urls import host_of

_RETRY_STATUSES = {429, 500, 502, 503, 504}
_MAX_RETRY_AFTER = 60.0


@dataclass(slots=True)
class Response:
    """One HTTP exchange as it happened on the wire (the request headers included, for the WARC)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    http_version: str = "HTTP/1.1"


@dataclass(slots=True)
class Fetched:
    """The outcome of fetching one URL, following redirects."""

    url: str
    final_url: str | None = None
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    exchanges: list[Response] = field(default_factory=list)
    error: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


class _Host:
    """Per-host politeness: at most ``concurrency`` requests at once, ``delay`` between starts."""

    def __init__(self, politeness: Politeness) -> None:
        self.slots = threading.BoundedSemaphore(max(1, politeness.concurrency))
        self.lock = threading.Lock()
        self.delay = politeness.delay
        self.next_start = 0.0
        self.robots: Protego | None = None
        self.robots_loaded = False
        self.in_flight = 0
        self.max_in_flight = 0

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.delay
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """Fetches URLs politely. Thread-safe: one instance serves all of a run's worker threads."""

    def __init__(self, politeness: Politeness, user_agent: str, client: httpx.Client | None = None) -> None:
        self.politeness = politeness
        self.user_agent = user_agent
        self.client = client or httpx.Client(timeout=politeness.timeout, follow_redirects=False,
                                             headers={"User-Agent": user_agent})  # fmt: skip
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def host(self, url: str) -> _Host:
        key = host_of(url)
        with self._hosts_lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.politeness)
            return self._hosts[key]

    def allowed(self, url: str) -> bool:
        """What the host's robots.txt says of this URL for our user agent (fetched once per host)."""
        host = self.host(url)
        with host.lock:
            loaded = host.robots_loaded
        if not loaded:
            robots = self._load_robots(url)
            with host.lock:
                host.robots, host.robots_loaded = robots, True
        return host.robots is None or bool(host.robots.can_fetch(url, self.user_agent))

    def _load_robots(self, url: str) -> Protego | None:
        parts = urlsplit(url)
        result = self._exchange(f"{parts.scheme}://{parts.netloc}/robots.txt", {}, check_robots=False)
        if result.status is not None and 200 <= result.status < 300:
            return Protego.parse(result.body.decode("utf-8", "replace"))
        if result.status is not None and 400 <= result.status < 500:
            return None  # no robots.txt: everything is allowed
        return Protego.parse("User-agent: *\nDisallow: /")  # unreachable: assume nothing is allowed

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` with conditional headers, following redirects (each hop checked against robots)."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        return self._exchange(url, conditional, check_robots=True)

    def _exchange(self, url: str, extra: dict[str, str], *, check_robots: bool) -> Fetched:
        result = Fetched(url)
        current = url
        for _ in range(self.politeness.max_redirects + 1):
            if check_robots and not self.allowed(current):
                result.error = "forbidden by robots.txt"
                return result
            response = self._with_retries(current, extra, result)
            if response is None:
                return result
            result.exchanges.append(response)
            result.status = response.status
            location = _header(response.headers, "location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            self._finish(result, current, response)
            return result
        result.error = f"more than {self.politeness.max_redirects} redirects"
        return result

    def _finish(self, result: Fetched, final_url: str, response: Response) -> None:
        result.final_url = final_url
        result.body = response.body
        result.content_type = (_header(response.headers, "content-type") or "").lower()
        result.etag = _header(response.headers, "etag")
        result.last_modified = _header(response.headers, "last-modified")
        if response.status >= 400 and result.error is None:
            result.error = f"HTTP {response.status}"

    def _with_retries(self, url: str, extra: dict[str, str], result: Fetched) -> Response | None:
        attempt = 0
        while True:
            try:
                response = self._once(url, extra)
            except _TooLarge as exc:
                result.error = str(exc)
                return None
            except httpx.HTTPError as exc:
                if attempt >= self.politeness.retries:
                    result.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                    return None
                response = None
            if response is not None and (response.status not in _RETRY_STATUSES
                                         or attempt >= self.politeness.retries):  # fmt: skip
                return response
            attempt += 1
            time.sleep(_backoff(attempt, response))

    def _once(self, url: str, extra: dict[str, str]) -> Response:
        host = self.host(url)
        with host.slots:
            host.wait_turn()
            with host.lock:
                host.in_flight += 1
                host.max_in_flight = max(host.max_in_flight, host.in_flight)
            try:
                return self._request(url, extra)
            finally:
                with host.lock:
                    host.in_flight -= 1

    def _request(self, url: str, extra: dict[str, str]) -> Response:
        request = self.client.build_request("GET", url, headers=extra)
        response = self.client.send(request, stream=True)
        try:
            body = _read_limited(response, self.politeness.max_bytes)
        finally:
            response.close()
        return Response(url, response.status_code, list(response.headers.multi_items()), body,
                        list(request.headers.multi_items()), response.http_version)  # fmt: skip


class _TooLarge(Exception):
    pass


def _read_limited(response: httpx.Response, limit: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _TooLarge(f"response of {declared} bytes is over the {limit}-byte limit")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise _TooLarge(f"response over the {limit}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _backoff(attempt: int, response: Response | None) -> float:
    retry_after = _header(response.headers, "retry-after") if response is not None else None
    if retry_after:
        if retry_after.strip().isdigit():
            return min(float(retry_after), _MAX_RETRY_AFTER)
        when = email.utils.parsedate_to_datetime(retry_after) if retry_after else None
        if when is not None:
            return max(0.0, min(when.timestamp() - time.time(), _MAX_RETRY_AFTER))
    return float(min(0.5 * 2 ** (attempt - 1), _MAX_RETRY_AFTER))


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None
