"""Sentences and words for the quote stage: regex-only, quote-aware, offsets into the article text.

A sentence never ends inside a direct quote, so ``“A. B,” kata X.`` stays one sentence with its
reporting clause; a quote that closes a sentence (``… selesai." Lalu …``) ends it at the mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])|[.!?…]+\s*(?=[\"“«„]\s*[A-Z])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|dkk|dll|dsb|No|Rp|Jl|Dr|Drs|Prof|Ir|St|Bpk|Sdr|Kec|Kab|Tbk|Mr|Mrs|Ms|vs|Kol|Jend|"
    r"Brig|Let|Kapt|Hj|H|KH|Yth|a\.n|u\.p|S\.H|M\.H|S\.E|M\.Si|Ph\.D|dr)\.)$"
)
_WORD = re.compile(r"[^\W_](?:[\w'’./-]*[^\W_])?|[^\w\s]")


class Word:
    """A word or punctuation mark with its offsets in the article text; ``lower`` is its
    lower-case form, ``capitalised`` whether it starts with a capital or a digit. (A plain slotted
    class: the stage makes tens of thousands per corpus batch.)"""

    __slots__ = ("capitalised", "end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[:1]
        self.capitalised = first.isupper() or first.isdigit()

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.start}, {self.end})"


def sentences(text: str, lo: int, hi: int, quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences of the paragraph ``[lo, hi)``; ``quotes`` holds the
    ``(open, close)`` spans of direct quotes, inside which no sentence ends."""
    inside = [(o, c) for o, c in quotes if c > lo and o < hi]
    out, start = [], lo
    for match in _BOUNDARY.finditer(text, lo, hi):
        cut = match.end()
        if _in_quote(cut, inside) or _abbreviation(text, lo, match.start() + 1):
            continue
        end = match.start() + len(match.group().rstrip())
        if end > start:
            out.append((start, end))
        start = cut
    if hi > start:
        out.append((start, hi))
    return out


def _in_quote(pos: int, quotes: Sequence[tuple[int, int]]) -> bool:
    return any(o < pos < c for o, c in quotes)


def _abbreviation(text: str, lo: int, dot_end: int) -> bool:
    return _ABBREVIATION.search(text, max(lo, dot_end - 8), dot_end) is not None


def words(text: str, start: int, end: int) -> list[Word]:
    """The words and punctuation marks of ``text[start:end]``."""
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def alternation(words_: Iterable[str]) -> str:
    """A regex alternation of ``words_`` with shared prefixes factored out (a trie), so a search
    for any of a few hundred cue words stays fast."""
    tree: dict[str, Any] = {}
    for word in words_:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie(tree)


def _trie(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
