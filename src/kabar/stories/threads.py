"""Story threads: stories linked by shared actors and themes, with no time decay.

A story is placed in a thread when it opens and again each time it grows while it is still alone
in its thread; once a thread holds two stories its members stay. A story joins the thread whose
profile (the names and headline keywords of its stories, IDF-weighted) is most similar, provided
they share at least :data:`MIN_SHARED_NAMES` names, so the September 2023 Putin–Kim summit and the
February 2024 gift of an Aurus limousine meet in one Russia–North Korea thread however far apart.
Candidate threads come from an inverted index over names, each posting limited to its most recent
threads, so the cost per story stays bounded.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kabar.stories.state import StoryState, ThreadState
from kabar.stories.vectors import LOG1, DocumentFrequency

THREAD_THRESHOLD = 0.3
MIN_SHARED_NAMES = 2
NAME_WEIGHT = 0.75
PROFILE_TERMS = 40
POSTING_LIMIT = 50
QUERY_NAMES = 6


class ThreadIndex:
    """Every thread's profile, with an inverted index from names to threads.

    Args:
        names_df: document frequencies of names (shared with the story index).
        keywords_df: document frequencies of headline words.
    """

    def __init__(self, names_df: DocumentFrequency, keywords_df: DocumentFrequency) -> None:
        self.names_df = names_df
        self.keywords_df = keywords_df
        self.threads: dict[str, ThreadState] = {}
        self.postings: dict[str, dict[str, None]] = {}
        self.dirty: set[str] = set()
        self.deleted: set[str] = set()
        self.norms: dict[str, tuple[int, float, float]] = {}

    def load(self, threads: Iterable[ThreadState]) -> None:
        for thread in threads:
            self.threads[thread.id] = thread
            self._post(thread, thread.names)

    def link(self, story: StoryState, names: Mapping[str, float], keywords: Mapping[str, float]) -> str:
        """The thread of ``story`` after it gained an article with these names and keywords."""
        current = self.threads.get(story.thread) if story.thread else None
        if current is not None and current.stories > 1:
            self._extend(current, names, keywords, story)
            return current.id
        profile = story.centroids["names"].counts, story.centroids["title"].counts
        best = self._best(story.language, *profile, exclude=story.thread)
        if best is None and current is not None:
            self._extend(current, names, keywords, story)
            return current.id
        if current is not None:
            self._drop(current)
        if best is None:
            best = ThreadState("t-" + story.id.removeprefix("s-"), story.language, story.first_day,
                               story.last_day)  # fmt: skip
            self.threads[best.id] = best
        best.stories += 1
        self._extend(best, *profile, story)
        story.thread = best.id
        return best.id

    def _best(
        self, language: str, names: Mapping[str, float], keywords: Mapping[str, float], exclude: str | None
    ) -> ThreadState | None:
        counts: dict[str, int] = {}
        for name in self._top(names, self.names_df, QUERY_NAMES):
            for thread_id in self.postings.get(name, ()):
                counts[thread_id] = counts.get(thread_id, 0) + 1
        candidates = [t for t, n in counts.items() if n >= MIN_SHARED_NAMES and t != exclude]
        best, best_score = None, THREAD_THRESHOLD
        if not candidates:
            return None
        name_norm = _norm(names, self.names_df)
        keyword_norm = _norm(keywords, self.keywords_df)
        for thread_id in candidates:
            thread = self.threads.get(thread_id)  # postings may still name a dropped thread
            if thread is None or thread.language != language:
                continue
            thread_names, thread_keywords = self._norms(thread)
            score = NAME_WEIGHT * _dot(names, thread.names, self.names_df) / (name_norm * thread_names or 1.0)
            score += (
                (1 - NAME_WEIGHT)
                * _dot(keywords, thread.keywords, self.keywords_df)
                / (keyword_norm * thread_keywords or 1.0)
            )
            if score >= best_score:
                best, best_score = thread, score
        return best

    def _norms(self, thread: ThreadState) -> tuple[float, float]:
        """The thread's profile norms, cached until it changes or the statistics move by a tenth."""
        cached = self.norms.get(thread.id)
        if cached is None or self.names_df.docs > cached[0] * 1.1 + 10:
            cached = (self.names_df.docs, _norm(thread.names, self.names_df),
                      _norm(thread.keywords, self.keywords_df))  # fmt: skip
            self.norms[thread.id] = cached
        return cached[1], cached[2]

    def _extend(
        self, thread: ThreadState, names: Mapping[str, float], keywords: Mapping[str, float],
        story: StoryState,
    ) -> None:  # fmt: skip
        _accumulate(thread.names, names, self.names_df)
        _accumulate(thread.keywords, keywords, self.keywords_df)
        thread.first_day = min(thread.first_day, story.first_day)
        thread.last_day = max(thread.last_day, story.last_day)
        self.norms.pop(thread.id, None)
        self._post(thread, [name for name in names if name in thread.names])
        self.dirty.add(thread.id)

    def _drop(self, thread: ThreadState) -> None:
        for name in thread.names:
            self.postings.get(name, {}).pop(thread.id, None)
        del self.threads[thread.id]
        self.norms.pop(thread.id, None)
        self.dirty.discard(thread.id)
        self.deleted.add(thread.id)

    def _post(self, thread: ThreadState, names: Iterable[str]) -> None:
        """Put ``thread`` last (most recent) in the postings of ``names``, each kept to its limit."""
        for name in names:
            posting = self.postings.setdefault(name, {})
            posting.pop(thread.id, None)
            posting[thread.id] = None
            if len(posting) > POSTING_LIMIT:
                del posting[next(iter(posting))]

    def _top(self, weights: Mapping[str, float], df: DocumentFrequency, n: int) -> list[str]:
        get, base = df.df.get, df.base
        ranked = {term: weight * (base - LOG1[get(term, 0)]) for term, weight in weights.items()}
        return heapq.nlargest(n, ranked, key=ranked.__getitem__)  # as sorted(..., reverse=True)[:n]

    def changed_rows(self) -> Iterator[tuple[Any, ...]]:
        """Rows of the threads changed since the last call, labelled; the deleted ones are in
        :attr:`deleted`."""
        for thread_id in self.dirty:
            thread = self.threads.get(thread_id)
            if thread is not None:
                thread.label = self.label(thread)
                yield thread.row()
        self.dirty = set()

    def label(self, thread: ThreadState) -> str:
        """Top names and keywords: ``"vladimir putin, kim jong un, rusia: mobil, hadiah"``."""
        names = self._top(thread.names, self.names_df, 3)
        keywords = [k for k in self._top(thread.keywords, self.keywords_df, 6) if k not in " ".join(names)]
        return ", ".join(names) + (": " if names and keywords else "") + ", ".join(keywords[:3])


def cosine(a: Mapping[str, float], b: Mapping[str, float], df: DocumentFrequency) -> float:
    """Cosine of two summed-frequency profiles under the current IDF."""
    norms = _norm(a, df) * _norm(b, df)
    return _dot(a, b, df) / norms if norms else 0.0


def _dot(a: Mapping[str, float], b: Mapping[str, float], df: DocumentFrequency) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    get, base = df.df.get, df.base
    return sum(v * large[t] * (base - LOG1[get(t, 0)]) ** 2 for t, v in small.items() if t in large)


def _norm(profile: Mapping[str, float], df: DocumentFrequency) -> float:
    get, base = df.df.get, df.base
    return math.sqrt(sum((v * (base - LOG1[get(t, 0)])) ** 2 for t, v in profile.items()))


def _accumulate(profile: dict[str, float], bag: Mapping[str, float], df: DocumentFrequency) -> None:
    for term, count in bag.items():
        profile[term] = profile.get(term, 0.0) + count
    if len(profile) > PROFILE_TERMS * 1.5:
        kept = sorted(profile, key=lambda t: profile[t] * df.idf(t), reverse=True)[:PROFILE_TERMS]
        for term in set(profile) - set(kept):
            del profile[term]
