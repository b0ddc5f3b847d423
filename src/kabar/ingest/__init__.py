"""Stage 1, ingest: find the inputs and read each into a SourceDocument, streaming.

Inputs are files, directories (read recursively) or glob patterns. The reader is chosen by
extension, and by content when the extension says nothing. Nothing is held beyond one document
(or one JSONL line, one WARC record) at a time. Every input ends up as a document or as a
:class:`~kabar.model.SkippedInput` with its reason.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kabar.config import Limits
from kabar.ingest.readers import Item, read_html_file, read_jsonl_file, read_text_file
from kabar.ingest.warc import read_warc_file
from kabar.model import SkippedInput, SourceDocument

__all__ = ["Item", "SkippedInput", "SourceDocument", "expand_inputs", "read_inputs", "reader_for"]

Reader = Callable[[Path, Limits], Iterator[Item]]

_BY_SUFFIX: dict[str, Reader] = {
    ".txt": read_text_file, ".text": read_text_file,
    ".html": read_html_file, ".htm": read_html_file, ".html.gz": read_html_file, ".htm.gz": read_html_file,
    ".jsonl": read_jsonl_file, ".jsonl.gz": read_jsonl_file, ".ndjson": read_jsonl_file,
    ".warc": read_warc_file, ".warc.gz": read_warc_file, ".arc.gz": read_warc_file,
}  # fmt: skip


def read_inputs(inputs: Iterable[str | Path], limits: Limits | None = None) -> Iterator[Item]:
    """Every document (or skip) of the given files, directories and globs, in a stable order."""
    limits = limits or Limits()
    for entry in expand_inputs(inputs):
        if isinstance(entry, SkippedInput):
            yield entry
            continue
        reader = reader_for(entry)
        try:
            yield from reader(entry, limits)
        except Exception as exc:  # a reader bug must not end the batch
            yield SkippedInput(str(entry), f"reader failed: {type(exc).__name__}: {exc}")


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | SkippedInput]:
    """Files named by the inputs: directories walked in sorted order, globs expanded."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield SkippedInput(text, "glob matched no file")
            for match in matches:
                yield from expand_inputs([match]) if Path(match).is_dir() else [Path(match)]
        elif path.is_symlink():
            yield SkippedInput(text, "broken symbolic link")
        else:
            yield SkippedInput(text, "no such file or directory")


def _walk(root: Path) -> Iterator[Path | SkippedInput]:
    try:
        children = sorted(root.iterdir())
    except OSError as exc:
        yield SkippedInput(str(root), f"unreadable directory: {exc.strerror or exc}")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child
        elif child.is_symlink():
            yield SkippedInput(str(child), "broken symbolic link")


def reader_for(path: Path) -> Reader:
    """The reader for a file: by its (double) extension, else by sniffing its first bytes."""
    name = path.name.lower()
    for suffix in sorted(_BY_SUFFIX, key=len, reverse=True):
        if name.endswith(suffix):
            return _BY_SUFFIX[suffix]
    return _sniff(path)


def _sniff(path: Path) -> Reader:
    try:
        with path.open("rb") as handle:
            head = handle.read(512).lstrip()
    except OSError:
        return read_text_file  # it will report the read error itself
    if head.startswith(b"WARC/"):
        return read_warc_file
    if head[:1] == b"{":
        return read_jsonl_file
    if head[:1] == b"<" and b"html" in head.lower():
        return read_html_file
    return read_text_file
