"""Text normalisation, shingles and fact maps for duplicate detection.

Two copies of a wire story differ in case, punctuation, spacing, quote marks and the odd word, and
some outlets lower-case whole bodies. Normalisation removes what carries no content so the exact
hash catches reformatted copies, and word shingles let MinHash measure how much text is shared.

Shared text is not enough on its own: daily price reports are written from one template and differ
only in the figures and the day. A *fact map* records, for every number and day or month name, the
two words before it; two texts whose maps give different facts in the same place report different
things, however much of their wording they share.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


FACT_WORDS = _word_list(
    "senin selasa rabu kamis jumat jum'at sabtu minggu ahad "
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "monday tuesday wednesday thursday friday saturday sunday "
    "january february march june july august october december"
)
"""Words that carry a date: a copy that changes one of them reports another day."""

FactMap = dict[str, list[str]]


def words(text: str) -> list[str]:
    """The lower-cased tokens of ``text``: runs of letters, and numbers with their separators.

    Example:
        >>> words("Harga emas naik Rp21.000, kata dia.")
        ['harga', 'emas', 'naik', 'rp', '21.000', 'kata', 'dia']
    """
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def normalize_text(text: str) -> str:
    """The tokens of ``text`` joined by single spaces: what the exact-duplicate hash is taken of."""
    return " ".join(words(text))


def text_hash(text: str) -> str:
    """The exact-duplicate key: sha1 of the normalised text (empty for a text without words)."""
    normal = normalize_text(text)
    return hashlib.sha1(normal.encode("utf-8")).hexdigest() if normal else ""


def shingles(tokens: list[str], size: int) -> set[bytes]:
    """The distinct word ``size``-grams of ``tokens`` as UTF-8 bytes (the whole text when shorter)."""
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def is_fact(token: str) -> bool:
    """Whether ``token`` is a number or a day or month name."""
    return token[0].isdigit() or token in FACT_WORDS


def fact_map(tokens: list[str]) -> FactMap:
    """Each fact token of ``tokens`` keyed by the two tokens before it."""
    facts: dict[str, set[str]] = {}
    for i in range(2, len(tokens)):
        if is_fact(tokens[i]):
            facts.setdefault(f"{tokens[i - 2]} {tokens[i - 1]}", set()).add(tokens[i])
    return {key: sorted(values) for key, values in facts.items()}


def fact_conflicts(a: Mapping[str, list[str]], b: Mapping[str, list[str]]) -> int:
    """How many contexts give disjoint facts in ``a`` and ``b`` (a changed figure or day)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(1 for key, values in small.items() if key in large and not set(values) & set(large[key]))
