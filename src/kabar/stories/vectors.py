"""TF-IDF with document frequencies updated online, and story centroids compared by cosine.

Term bags hold sublinear term frequencies (``1 + log tf``); weights are ``tf * idf`` with the smoothed
``idf = log((N + 1) / (df + 1)) + 1`` of the documents seen so far. A centroid keeps the summed
term frequencies of its members and applies the current IDF when compared, so a story never needs
re-weighting as the statistics move. Its squared norm is updated with each member and recomputed in
full when the corpus has grown by a tenth since the last time.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, KeysView, Mapping
from dataclasses import dataclass, field

LOG1 = [0.0]
"""``LOG1[n] == log(n + 1)``, grown on demand: IDF lookups without calling ``log``."""


def _grow_logs(n: int) -> None:
    """Make ``LOG1[n]`` valid."""
    if n < len(LOG1):
        return
    LOG1.extend(math.log(i + 1) for i in range(len(LOG1), max(n + 1, 2 * len(LOG1))))


_grow_logs(4096)


def sublinear(bag: Counter[str]) -> dict[str, float]:
    """``1 + log tf`` for every term of a bag of counts."""
    return {term: 1.0 + LOG1[count - 1] if count < len(LOG1) else 1.0 + math.log(count)
            for term, count in bag.items()}  # fmt: skip


class DocumentFrequency:
    """Online document frequencies of one view's terms.

    Args:
        df: initial frequencies (as loaded from a store).
        docs: how many documents they were counted over.
    """

    def __init__(self, df: dict[str, int] | None = None, docs: int = 0) -> None:
        self.df: Counter[str] = Counter(df or {})
        self.dirty: set[str] = set()
        self.set_docs(docs)
        _grow_logs(max(self.df.values(), default=0))

    def set_docs(self, docs: int) -> None:
        self.docs = docs
        self.base = math.log(docs + 1) + 1.0
        _grow_logs(docs + 1)

    def idf(self, term: str) -> float:
        return self.base - LOG1[self.df.get(term, 0)]

    def idfs(self, terms: Iterable[str]) -> list[float]:
        """:meth:`idf` of each of ``terms``, in order."""
        get, base = self.df.get, self.base
        return [base - LOG1[get(term, 0)] for term in terms]

    def add(self, terms: KeysView[str] | set[str]) -> None:
        """Count one more document containing each of ``terms`` (distinct: dict keys or a set)."""
        self.set_docs(self.docs + 1)
        self.df.update(terms)  # an iterable, not a mapping: counted in C
        self.dirty.update(terms)

    def common(self, term: str, share: float) -> bool:
        """Whether ``term`` occurs in more than ``share`` of the documents (after the first 50)."""
        return self.docs > 50 and self.df.get(term, 0) > share * self.docs

    def take_dirty(self) -> dict[str, int]:
        """The current counts of the terms changed since the last call (what a store has not seen)."""
        df, dirty = self.df, self.dirty
        self.dirty = set()
        return {term: df[term] for term in dirty}


@dataclass(slots=True)
class DocVector:
    """A document's view as IDF-squared weights for dot products with centroids, and its norm."""

    weights: dict[str, float]
    norm: float


def doc_vector(
    bag: Mapping[str, float], df: DocumentFrequency, limit: int | None = None, idfs: list[float] | None = None,
) -> DocVector:  # fmt: skip
    """The TF-IDF vector of a bag of sublinear term frequencies, keeping the ``limit`` heaviest terms.

    ``idfs``: the bag's IDFs under ``df`` in the bag's order, when the caller has them already.
    """
    if idfs is None:
        idfs = df.idfs(bag)
    tfidf = {term: tf * idf for term, tf, idf in zip(bag, bag.values(), idfs, strict=True)}
    if limit is not None and len(tfidf) > limit:
        idf_of = dict(zip(bag, idfs, strict=True))
        tfidf = dict(heapq.nlargest(limit, tfidf.items(), key=lambda item: item[1]))
        idfs = [idf_of[term] for term in tfidf]
    norm = math.sqrt(sum(w * w for w in tfidf.values()))
    return DocVector({term: w * idf for term, w, idf in zip(tfidf, tfidf.values(), idfs, strict=True)}, norm)


@dataclass(slots=True)
class Centroid:
    """The summed sublinear term frequencies of a story's members in one view, at most ``limit`` terms."""

    counts: dict[str, float] = field(default_factory=dict)
    limit: int = 300
    _square: float = 0.0
    _docs: int = -1

    def add(self, bag: Mapping[str, float], df: DocumentFrequency, idfs: list[float] | None = None) -> None:
        """Add a member's bag; ``idfs``: the bag's IDFs under ``df`` in its order, if known already."""
        counts, square = self.counts, 0.0
        for term, tf, idf in zip(bag, bag.values(), df.idfs(bag) if idfs is None else idfs, strict=True):
            old = counts.get(term, 0.0)
            new = counts[term] = old + tf
            square += (new * new - old * old) * idf * idf
        self._square += square
        if len(counts) > self.limit * 1.5:
            self.prune(df)

    def prune(self, df: DocumentFrequency) -> None:
        """Keep the ``limit`` terms with the largest TF-IDF weight."""
        get, base = df.df.get, df.base
        self.counts = dict(
            heapq.nlargest(self.limit, self.counts.items(), key=lambda i: i[1] * (base - LOG1[get(i[0], 0)]))
        )
        self._docs = -1

    def norm(self, df: DocumentFrequency) -> float:
        if self._docs < 0 or df.docs > self._docs * 1.1 + 10:
            get, base = df.df.get, df.base
            self._square = sum([(c * (base - LOG1[get(t, 0)])) ** 2 for t, c in self.counts.items()])
            self._docs = df.docs
        return math.sqrt(max(self._square, 0.0))

    def cosine(self, doc: DocVector, df: DocumentFrequency) -> float:
        if not doc.norm or not self.counts:
            return 0.0
        counts = self.counts
        dot = sum(
            [w * counts[t] for t, w in doc.weights.items() if t in counts]
        )  # a list: faster than a generator
        if not dot:
            return 0.0
        norm = self.norm(df)
        return min(1.0, dot / (doc.norm * norm)) if norm else 0.0
