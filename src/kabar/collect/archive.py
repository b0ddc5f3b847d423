"""Rotating WARC files of every exchange a collection run makes (request and response records)."""

from __future__ import annotations

import io
import threading
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kabar.collect.fetch import Response

# httpx hands over bodies already decoded, so these headers would describe bytes not in the record.
_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


class WarcArchive:
    """Writes ``<prefix>-<UTC time>-<n>.warc.gz`` files in ``directory``, starting a new file once
    the current one passes ``max_bytes``. Thread-safe."""

    def __init__(self, directory: Path, prefix: str = "kabar-collect", max_bytes: int = 100_000_000) -> None:
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.files: list[Path] = []
        self._lock = threading.Lock()
        self._handle: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle, self._writer = None, None

    def write(self, exchange: Response) -> None:
        """Append the request and the response record of one exchange."""
        with self._lock:
            writer = self._current_writer()
            response = writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.body),
                http_headers=_status_and_headers(exchange),
            )  # fmt: skip
            request_headers = StatusAndHeaders(f"GET {_path(exchange.url)} HTTP/1.1",
                                               exchange.request_headers, is_http_request=True)  # fmt: skip
            request = writer.create_warc_record(exchange.url, "request", payload=io.BytesIO(b""),
                                                http_headers=request_headers)  # fmt: skip
            request.rec_headers.add_header(
                "WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID")
            )
            writer.write_record(response)
            writer.write_record(request)
            assert self._handle is not None
            self._handle.flush()

    def _current_writer(self) -> WARCWriter:
        if self._handle is not None and self._handle.tell() >= self.max_bytes:
            self._handle.close()
            self._handle, self._writer = None, None
        if self._writer is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / f"{self.prefix}-{self._stamp}-{len(self.files):05d}.warc.gz"
            self._handle = path.open("wb")
            self._writer = WARCWriter(self._handle, gzip=True)
            self.files.append(path)
        return self._writer


def _status_and_headers(exchange: Response) -> StatusAndHeaders:
    try:
        reason = HTTPStatus(exchange.status).phrase
    except ValueError:
        reason = "Unknown"
    headers = [(k, v) for k, v in exchange.headers if k.lower() not in _DROPPED]
    headers.append(("Content-Length", str(len(exchange.body))))
    protocol = exchange.http_version if exchange.http_version.startswith("HTTP/") else "HTTP/1.1"
    return StatusAndHeaders(f"{exchange.status} {reason}", headers, protocol=protocol)


def _path(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
