"""WARC and WARC.gz archives (FastWARC): every HTML response record becomes a document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from kabar.config import Limits
from kabar.ingest.decode import decode_bytes
from kabar.model import SkippedInput, SourceDocument

Item = SourceDocument | SkippedInput
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path, limits: Limits) -> Iterator[Item]:
    """HTML response records of a WARC file; the id is the record's target URI.

    A record cut short (a truncated archive) is skipped with its reason; the records before it
    are kept. Reading stops once the archive has produced more than the decompressed-size limit.
    """
    produced = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
            for record in records:
                item = _record_item(path, record, limits)
                produced += record.content_length
                if produced > limits.max_decompressed_bytes:
                    yield SkippedInput(str(path), "archive over the decompressed-size limit; rest not read")
                    return
                if item is not None:
                    yield item
    except (OSError, ValueError, RuntimeError, EOFError) as exc:
        yield SkippedInput(str(path), f"archive unreadable after {produced} bytes: {exc}")


def _record_item(path: Path, record: WarcRecord, limits: Limits) -> Item | None:
    uri = record.headers.get("WARC-Target-URI") or record.record_id or "unknown"
    origin = f"{path}#{uri}"
    content_type = (record.http_content_type or "").lower()
    if record.http_headers is None or not content_type:
        return SkippedInput(origin, "record without HTTP headers (truncated or not HTTP)", uri)
    if not content_type.startswith(_HTML_TYPES) or not 200 <= (record.http_headers.status_code or 0) < 300:
        return None  # images, scripts, redirects and error pages are not documents
    if record.content_length > limits.max_record_bytes:
        return SkippedInput(origin, f"record over the {limits.max_record_bytes}-byte limit", uri)
    body = record.reader.read()
    if len(body) < record.content_length:
        return SkippedInput(origin, "record truncated (archive ends inside it)", uri)
    if not body.strip():
        return SkippedInput(origin, "empty response body", uri)
    decoded = decode_bytes(body, record.http_charset)
    return SourceDocument(uri, origin, decoded.text, "html", url=uri, flags=decoded.flags)
