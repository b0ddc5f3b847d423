"""Inputs as shards: one per input file, a large JSONL file cut into runs of lines.

A shard is the unit of work, of output (one file per table) and of restart (one completion marker).
Its key hashes the file's path, size and modification time and the line range, so a changed file is
a new shard and a rerun skips the shards whose marker exists. Reading a shard yields exactly what
:func:`kabar.ingest.read_inputs` yields for that part of the input (same ids, origins and skips).
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kabar.config import Limits
from kabar.ingest import Item, expand_inputs, read_inputs, reader_for
from kabar.ingest.readers import jsonl_item, read_jsonl_file
from kabar.model import SkippedInput

DEFAULT_SHARD_DOCS = 10_000


@dataclass(frozen=True, slots=True)
class Shard:
    """A piece of the input: a whole file, a run of a JSONL file's lines, or an input that names no file.

    Attributes:
        key: stable identity (file, size, mtime, line range): names the shard's output files.
        source: the input file (or the input as given, for a skip).
        start: first line (0-based) of a line range.
        lines: how many lines; ``None`` for the whole file.
        offset: byte offset of line ``start`` (uncompressed files), to seek to it.
        skip: why an input names no readable file (``source`` is then only reported).
    """

    key: str
    source: str
    start: int = 0
    lines: int | None = None
    offset: int | None = None
    skip: str | None = None


def plan_shards(inputs: Iterable[str | Path], shard_docs: int = DEFAULT_SHARD_DOCS) -> list[Shard]:
    """The shards of the inputs, in input order (a file named twice is read once)."""
    shards: dict[str, Shard] = {}
    for entry in expand_inputs(inputs):
        for shard in _entry_shards(entry, shard_docs):
            shards.setdefault(shard.key, shard)
    return list(shards.values())


def _entry_shards(entry: Path | SkippedInput, shard_docs: int) -> list[Shard]:
    if isinstance(entry, SkippedInput):
        return [Shard(_digest("skip", entry.origin, entry.reason), entry.origin, skip=entry.reason)]
    try:
        stat = entry.stat()
    except OSError:
        return [Shard(_digest("file", str(entry)), str(entry))]  # the reader reports the error
    identity = (str(entry.resolve()), str(stat.st_size), str(stat.st_mtime_ns))
    if reader_for(entry) is read_jsonl_file:
        starts = _line_starts(entry, shard_docs)
        if len(starts) > 1:
            return [
                Shard(_digest(*identity, str(line)), str(entry), line, _run(starts, i), offset)
                for i, (line, offset) in enumerate(starts)
            ]
    return [Shard(_digest(*identity), str(entry))]


def _run(starts: list[tuple[int, int | None]], i: int) -> int | None:
    return starts[i + 1][0] - starts[i][0] if i + 1 < len(starts) else None


def _line_starts(path: Path, every: int) -> list[tuple[int, int | None]]:
    """(line number, byte offset) of every ``every``-th line; offsets only for uncompressed files."""
    compressed = path.suffix == ".gz"
    starts: list[tuple[int, int | None]] = [(0, None if compressed else 0)]
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as handle:
            position = 0
            for number, line in enumerate(handle, 1):
                position += len(line)
                if number % every == 0:
                    starts.append((number, None if compressed else position))
    except (OSError, EOFError, zlib.error):
        return starts[:1]
    return starts


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def read_shard(shard: Shard, limits: Limits) -> Iterator[Item]:
    """The documents and skips of one shard, as :func:`kabar.ingest.read_inputs` gives them."""
    if shard.skip is not None:
        yield SkippedInput(shard.source, shard.skip)
    elif shard.lines is None and shard.start == 0:
        yield from read_inputs([shard.source], limits)
    else:
        yield from _read_lines(shard, limits)


def _read_lines(shard: Shard, limits: Limits) -> Iterator[Item]:
    path = Path(shard.source)
    try:
        with gzip.open(path, "rb") if shard.offset is None else path.open("rb") as handle:
            _seek(handle, shard)
            number = shard.start
            for line in handle:
                number += 1
                if line.strip():
                    yield jsonl_item(path, number, line, limits)
                if shard.lines is not None and number >= shard.start + shard.lines:
                    break
    except (OSError, EOFError, zlib.error) as exc:
        yield SkippedInput(str(path), f"read error: {exc}")


def _seek(handle: IO[bytes] | gzip.GzipFile, shard: Shard) -> None:
    if shard.offset is not None:
        handle.seek(shard.offset)
        return
    for _ in range(shard.start):
        handle.readline()
