"""One reader per input format. Each yields SourceDocument or Skipped, one input at a time."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from kabar.config import Limits
from kabar.ingest.decode import decode_bytes, looks_binary
from kabar.model import SkippedInput, SourceDocument

Item = SourceDocument | SkippedInput


def read_text_file(path: Path, limits: Limits) -> Iterator[Item]:
    """A plain-text dump (the seed format). The id is the file stem."""
    data = _read_bounded(path, limits)
    if isinstance(data, SkippedInput):
        yield data
        return
    if not data.strip():
        yield SkippedInput(str(path), "empty file", path.stem)
        return
    if looks_binary(data):
        yield SkippedInput(str(path), "binary content, not text", path.stem)
        return
    decoded = decode_bytes(data)
    text, flags = cut_long_lines(decoded.text, limits.max_line_chars)
    yield SourceDocument(path.stem, str(path), text, "text", flags=[*decoded.flags, *flags])


def read_html_file(path: Path, limits: Limits) -> Iterator[Item]:
    """A single saved HTML page (optionally gzipped). The id is the file stem."""
    stem = path.name.split(".")[0]
    data = _read_bounded(path, limits)
    if isinstance(data, SkippedInput):
        yield data
        return
    if path.suffix == ".gz":
        try:
            data = _gunzip_bounded(data, limits.max_file_bytes)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            yield SkippedInput(str(path), f"unreadable gzip: {exc}", stem)
            return
    if not data.strip():
        yield SkippedInput(str(path), "empty file", stem)
        return
    if looks_binary(data):
        yield SkippedInput(str(path), "binary content, not HTML", stem)
        return
    decoded = decode_bytes(data, _declared_charset(data))
    yield SourceDocument(stem, str(path), decoded.text, "html", flags=decoded.flags)


def read_jsonl_file(path: Path, limits: Limits) -> Iterator[Item]:
    """One JSON object per line with ``id`` and ``raw`` or ``html``; ``url``, ``outlet``, ``pub_date``,
    ``title`` optional. A bad line is skipped with its line number; the rest of the file goes on."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield jsonl_item(path, number, line, limits)
    except (OSError, EOFError, zlib.error) as exc:
        yield SkippedInput(str(path), f"read error: {exc}")


def jsonl_item(path: Path, number: int, line: bytes, limits: Limits) -> Item:
    origin = f"{path}:{number}"
    if len(line) > limits.max_record_bytes:
        return SkippedInput(origin, f"line longer than {limits.max_record_bytes} bytes")
    try:
        obj = json.loads(decode_bytes(line).text)
    except json.JSONDecodeError as exc:
        return SkippedInput(origin, f"not JSON: {exc.msg}")
    if not isinstance(obj, dict):
        return SkippedInput(origin, "not a JSON object")
    doc_id = str(obj.get("id") or f"{path.stem}-{number}")
    html, raw = obj.get("html"), obj.get("raw")
    kind: Literal["text", "html"] = "html" if isinstance(html, str) and html.strip() else "text"
    body = html if kind == "html" else raw
    if not isinstance(body, str) or not body.strip():
        return SkippedInput(origin, "no 'raw' or 'html' text", doc_id)
    flags: list[str] = []
    if kind == "text":
        body, flags = cut_long_lines(body, limits.max_line_chars)
    return SourceDocument(
        doc_id, origin, body, kind, url=_str(obj, "url"), outlet=_str(obj, "outlet"),
        pub_date=_str(obj, "pub_date"), title=_str(obj, "title"), flags=flags,
    )  # fmt: skip


def cut_long_lines(text: str, max_chars: int) -> tuple[str, list[str]]:
    """A text dump with every line over ``max_chars`` cut there, and a flag saying how many were."""
    if len(text) <= max_chars:  # the common case: no line can be too long
        return text, []
    lines = text.split("\n")
    long = sum(1 for line in lines if len(line) > max_chars)
    if not long:
        return text, []
    cut = "\n".join(line[:max_chars] for line in lines)
    return cut, [f"{long} line(s) over {max_chars:,} characters cut"]


def _str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return str(value) if value not in (None, "") else None


def _read_bounded(path: Path, limits: Limits) -> bytes | SkippedInput:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            mib = limits.max_file_bytes // (1024 * 1024)
            return SkippedInput(str(path), f"file is {size} bytes, over the {mib} MiB limit", path.stem)
        return path.read_bytes()
    except OSError as exc:
        return SkippedInput(str(path), f"unreadable: {exc.strerror or exc}", path.stem)


def _gunzip_bounded(data: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    out = decompressor.decompress(data, limit + 1)
    if len(out) > limit:
        raise ValueError(f"decompresses to more than {limit} bytes")
    return out


def _declared_charset(data: bytes) -> str | None:
    head = data[:2048].lower()
    marker = head.find(b"charset=")
    if marker < 0:
        return None
    value = head[marker + 8 : marker + 40].strip(b"\"' ").split(b'"')[0].split(b";")[0].split(b">")[0]
    return value.strip(b"\"' /").decode("ascii", "ignore") or None
