"""Reading and writing CoNLL-style files: one token per line, a blank line between sentences."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class TaggedSentence:
    """The tokens of one sentence and, per token, the last column of its line (the tag)."""

    tokens: list[str]
    tags: list[str]


def read_conll(path: Path, *, tag_column: int = -1) -> list[TaggedSentence]:
    """Every sentence of a CoNLL file (columns split on whitespace; CRLF and a BOM are fine).

    CoNLL-U comment lines (``# key = value`` before a sentence) are skipped; CoNLL-U
    multiword-token and empty-node lines (ids like ``3-4`` or ``5.1``) too.
    """
    return list(iter_conll(path, tag_column=tag_column))


def iter_conll(path: Path, *, tag_column: int = -1) -> Iterator[TaggedSentence]:
    """Like :func:`read_conll`, one sentence at a time."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            cols = line.split()
            if not cols:
                if tokens:
                    yield TaggedSentence(tokens, tags)
                    tokens, tags = [], []
                continue
            if not tokens and line.startswith("# ") and "=" in line:
                continue
            if _conllu_extra_line(cols):
                continue
            tokens.append(cols[1] if _is_conllu(cols) else cols[0])
            tags.append(cols[tag_column] if len(cols) > 1 else "O")
    if tokens:
        yield TaggedSentence(tokens, tags)


def _is_conllu(cols: list[str]) -> bool:
    return len(cols) == 10 and cols[0].isdigit()


def _conllu_extra_line(cols: list[str]) -> bool:
    if len(cols) != 10:
        return False
    head = cols[0]
    return "-" in head or "." in head
