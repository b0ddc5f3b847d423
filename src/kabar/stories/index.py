"""The story index: online clustering of articles into stories, and stories into threads.

A corpus-level stage: articles arrive one after another and each joins an existing story or opens
one; nothing already assigned is recomputed. For every article:

1. its views are weighted by TF-IDF under the document frequencies seen so far
   (:mod:`kabar.stories.vectors`), which are then updated with it;
2. candidate stories come from an inverted index over headline words, top body words, names and
   figures, restricted to the article's language and to stories within :data:`WINDOW_DAYS` of its
   date, at most :data:`MAX_CANDIDATES` of them, so the cost does not grow with the store;
3. the pair model (:mod:`kabar.stories.model`) scores each candidate and the article joins the most
   likely one if it reaches the threshold; an article whose original (``Article.duplicate_of``) was
   already assigned joins its original's story directly;
4. the story is placed in a thread (:mod:`kabar.stories.threads`).

Only the stories of the active window are held in memory, with the document frequencies and the
thread profiles. Everything is written to the ``story_*`` tables of the connection in batches
(:meth:`StoryIndex.flush`, automatic every :data:`FLUSH_EVERY` articles), read back by day when an
older article arrives, and reloaded on reopening. ``conn=None`` keeps the tables in a private
in-memory database. The index never commits: call :meth:`StoryIndex.flush` before committing.
"""

from __future__ import annotations

import heapq
import math
import sqlite3
from dataclasses import dataclass
from typing import Any

from kabar.dedup.dates import day_number, iso_day
from kabar.model import Article, to_dict
from kabar.stories import store
from kabar.stories.model import DEFAULT_MODEL, PairModel
from kabar.stories.state import StoryState, ThreadState
from kabar.stories.statistics import TermStatistics
from kabar.stories.text import VIEWS, Views, article_views, publisher
from kabar.stories.threads import ThreadIndex
from kabar.stories.timeline import Timeline, build_timeline
from kabar.stories.vectors import LOG1, DocVector, doc_vector

WINDOW_DAYS = 7.0
MAX_CANDIDATES = 6
QUERY_BODY_TERMS = 15
QUERY_TERMS = 45
COMMON_SHARE = 0.1
MIN_OVERLAP = 0.03
"""Candidates holding less of the article's retrieval weight are not scored (no gold pair is)."""
FLUSH_EVERY = 1000
VECTOR_LIMITS = {"body": 100}
QUERY_VIEWS = {"": "body", "n:": "names", "#:": "numbers"}
"""Retrieval term prefixes and the view whose document frequencies weigh them."""


@dataclass(slots=True)
class Prepared:
    """An article ready to be compared: its day, language, publisher, views and vectors."""

    article: Article
    day: float
    language: str
    publisher: str
    views: Views
    vectors: dict[str, DocVector]
    query: dict[str, float]
    idfs: dict[str, list[float]]
    """Each view's IDFs at preparation, in its bag's order (the statistics do not move until it joins)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A story an article could join, with the pair features and the model's probability."""

    story: str
    features: tuple[float, ...]
    probability: float


@dataclass(frozen=True, slots=True)
class Story:
    """A story as reported to callers: its articles in publication order."""

    id: str
    language: str
    thread: str | None
    title: str
    first_date: str | None
    last_date: str | None
    size: int
    articles: tuple[str, ...]


class StoryIndex:
    """Online story clustering with threads and timelines.

    Args:
        conn: a ``sqlite3`` connection to keep the ``story_*`` tables in (created if missing);
            ``None`` keeps them in a private in-memory database.
        model: the pair model deciding whether an article joins a candidate story.
        window_days: how far apart (in days) an article and a story may be to be compared.

    Example:
        >>> index = StoryIndex()
        >>> a = Article(id="a", origin="-", hash="", title="Banjir rendam Kampung Melayu",
        ...             text="Banjir setinggi satu meter merendam Kampung Melayu.", pub_date="2024-01-02")
        >>> index.assign(a)
        's-a'
    """

    def __init__(
        self, conn: sqlite3.Connection | None = None, *, model: PairModel = DEFAULT_MODEL,
        window_days: float = WINDOW_DAYS,
    ) -> None:  # fmt: skip
        self.conn = conn if conn is not None else sqlite3.connect(":memory:")
        self.model = model
        self.window = window_days
        store.create_tables(self.conn)
        meta = store.read_meta(self.conn)
        self.df = TermStatistics(self.conn, VIEWS)
        self.view_df = [(view, self.df[view]) for view in VIEWS]
        self.seq: int = meta.get("seq", 0)
        latest = meta.get("latest")
        self.latest: float = latest if latest is not None else -math.inf
        self.stories: dict[str, StoryState] = {}
        self.postings: dict[str, set[str]] = {}
        self.loaded_days: set[int] = set()
        self.threads = ThreadIndex(self.df["names"], self.df["title"])
        self.threads.load(ThreadState.from_row(row) for row in store.read_threads(self.conn))
        self.pending: dict[str, tuple[Any, ...]] = {}
        self.dirty: set[str] = set()

    # -- public API -----------------------------------------------------------------------------

    def assign(self, article: Article, story: str | None = None) -> str:
        """Add ``article`` to its story (joining one or opening one) and return the story id.

        Adding an id already assigned changes nothing and returns its story. ``story`` forces the
        assignment (used to replay a known clustering, e.g. for training).
        """
        known = self.story_of(article.id)
        if known is not None:
            return known
        doc = self.prepare(article)
        self._load_days(doc.day)
        target = self._fetch(story) if story is not None else self._original_story(article)
        score = 1.0
        if target is None and story is None:
            best = self.best(doc)
            if best is not None:
                target, score = self.stories[best.story], best.probability
        if target is None:
            target, score = self._open(doc, story), 0.0
        self._join(doc, target, score)
        return target.id

    def observe(self, article: Article) -> None:
        """Count ``article`` in the term statistics only, without clustering or storing it.

        Priming a new index with background articles (an archive, other periods) gives the TF-IDF
        weights of the first stories the statistics of a mature store.
        """
        views = article_views(article)
        for view in VIEWS:
            self.df[view].add(views.view(view).keys())

    def candidates(self, article: Article | Prepared) -> list[Candidate]:
        """The stories ``article`` could join, most likely first (without adding it)."""
        doc = article if isinstance(article, Prepared) else self.prepare(article)
        self._load_days(doc.day)
        found = []
        for story, overlap in self._retrieve(doc):
            features = self.features(doc, story, overlap)
            found.append(Candidate(story.id, features, self.model.probability(features)))
        return sorted(found, key=lambda c: c.probability, reverse=True)

    def best(self, doc: Prepared) -> Candidate | None:
        """The most likely candidate story if the model accepts it."""
        found = self.candidates(doc)
        return found[0] if found and found[0].probability >= self.model.threshold else None

    def story_of(self, article_id: str) -> str | None:
        """The story an article was assigned to, if it was."""
        row = self.pending.get(article_id)
        return str(row[1]) if row is not None else store.article_story(self.conn, article_id)

    def thread_of(self, story_id: str | None) -> str | None:
        """The thread a story belongs to."""
        if story_id is None:
            return None
        if story_id in self.stories:
            return self.stories[story_id].thread
        row = store.story_row(self.conn, story_id)
        return row["thread"] if row else None

    def story(self, story_id: str) -> Story | None:
        """A story with its articles (in publication order)."""
        self.flush()
        row = store.story_row(self.conn, story_id)
        if row is None:
            return None
        ids = tuple(r["id"] for r in store.article_rows(self.conn, [story_id]))
        return Story(
            row["id"], row["language"], row["thread"], row["title"] or "", iso_day(row["first_day"]),
            iso_day(row["last_day"]), row["size"], ids,
        )  # fmt: skip

    def timeline(self, story_or_thread_id: str) -> Timeline | None:
        """The timeline of a story (``s-…``) or a thread (``t-…``); ``None`` if unknown."""
        self.flush()
        return build_timeline(self.conn, story_or_thread_id)

    def flush(self) -> None:
        """Write pending articles, changed stories and threads, and the statistics' new counts."""
        conn, threads = self.conn, self.threads
        store.write_articles(conn, self.pending.values())
        store.write_stories(conn, (self.stories[s].row() for s in self.dirty if s in self.stories))
        store.write_threads(conn, threads.changed_rows())
        store.delete_threads(conn, threads.deleted)
        store.write_meta(conn, {"seq": self.seq, "latest": self.latest if self.seq else None})
        self.df.write()
        self.pending.clear()
        self.dirty.clear()
        threads.deleted.clear()

    def close(self) -> None:
        """Flush and fold the statistics log into its table (the connection is the caller's to close)."""
        self.flush()
        self.df.merge()

    def __enter__(self) -> StoryIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- preparing and comparing ----------------------------------------------------------------

    def prepare(self, article: Article) -> Prepared:
        """The article's views weighted under the current statistics."""
        day = day_number(article.pub_date)
        if day is None:
            day = self.latest if self.latest > -math.inf else 0.0
        views = article_views(article)
        idfs = {v: df.idfs(views.view(v)) for v, df in self.view_df}
        vectors = {v: doc_vector(views.view(v), df, VECTOR_LIMITS.get(v), idfs[v]) for v, df in self.view_df}
        return Prepared(article, day, article.language or "", publisher(article.outlet), views, vectors,
                        self._query(views, vectors), idfs)  # fmt: skip

    def _query(self, views: Views, vectors: dict[str, DocVector]) -> dict[str, float]:
        """Retrieval terms with IDF weights: headline and top body words, names, figures."""
        body = heapq.nlargest(QUERY_BODY_TERMS, vectors["body"].weights.items(), key=lambda i: i[1])
        query: dict[str, float] = {}
        words = dict.fromkeys([*views.title, *(t for t, _ in body)])  # ordered: sums are reproducible
        for prefix, terms in (("", words), ("n:", views.names), ("#:", views.numbers)):
            df = self.df[QUERY_VIEWS[prefix]]
            get, base, limit = df.df.get, df.base, COMMON_SHARE * df.docs if df.docs > 50 else math.inf
            for term in terms:
                count = get(term, 0)
                if count <= limit:
                    query[prefix + term] = base - LOG1[count]
        if len(query) > QUERY_TERMS:  # the rarest terms: short postings, most telling
            query = dict(heapq.nlargest(QUERY_TERMS, query.items(), key=lambda item: item[1]))
        return query

    def _retrieve(self, doc: Prepared) -> list[tuple[StoryState, float]]:
        """Candidate stories with the share of the article's query weight they contain."""
        scores: dict[str, float] = {}
        postings, get = self.postings, scores.get
        for term, weight in doc.query.items():
            for story_id in postings.get(term, ()):
                scores[story_id] = get(story_id, 0.0) + weight
        stories, window, day, language = self.stories, self.window, doc.day, doc.language
        least = MIN_OVERLAP * sum(doc.query.values())
        low, high = day - window, day + window  # a story outside its span ± the window is too far
        eligible = []
        for story_id, score in scores.items():
            if score >= least:
                story = stories[story_id]
                if (
                    story.last_day >= low and story.first_day <= high and story.language == language
                    and story.gap(day) <= window
                ):  # fmt: skip
                    eligible.append((score, story_id))
        mass = sum(doc.query.values()) or 1.0
        return [(stories[s], score / mass) for score, s in heapq.nlargest(MAX_CANDIDATES, eligible)]

    def features(self, doc: Prepared, story: StoryState, overlap: float) -> tuple[float, ...]:
        """The pair features of :data:`kabar.stories.model.FEATURES`."""
        centroids, vectors = story.centroids, doc.vectors
        title, body, names, numbers = (centroids[v].cosine(vectors[v], df) for v, df in self.view_df)
        agree, conflict = story.compare_facts(doc.views.facts)
        conflicts = conflict / (agree + conflict) * min(1.0, (agree + conflict) / 3) if conflict else 0.0
        recent = math.exp(-story.gap(doc.day))
        return (title, body, names, numbers, overlap, conflicts,
                title * recent, body * recent, numbers * recent, overlap * recent)  # fmt: skip

    # -- updating -------------------------------------------------------------------------------

    def _original_story(self, article: Article) -> StoryState | None:
        """The story of the article this one duplicates, if that one was assigned (however long ago)."""
        story_id = self.story_of(article.duplicate_of) if article.duplicate_of else None
        return self._fetch(story_id) if story_id else None

    def _fetch(self, story_id: str) -> StoryState | None:
        """A story from memory, or from the store (then kept in memory until evicted)."""
        if story_id not in self.stories:
            row = store.story_state_row(self.conn, story_id)
            if row is None:
                return None
            self._load(StoryState.from_row(row))
        return self.stories[story_id]

    def _open(self, doc: Prepared, story_id: str | None) -> StoryState:
        story = StoryState(story_id or "s-" + doc.article.id, doc.language, doc.day, doc.day,
                           doc.article.title or "")  # fmt: skip
        self.stories[story.id] = story
        return story

    def _join(self, doc: Prepared, story: StoryState, score: float) -> None:
        story.size += 1
        story.add_day(doc.day)
        story.publishers[doc.publisher] = story.publishers.get(doc.publisher, 0) + 1
        for view, df in self.view_df:
            bag = doc.views.view(view)
            story.centroids[view].add(bag, df, doc.idfs[view])
            df.add(bag.keys())
        story.add_facts(doc.views.facts)
        for term in doc.query.keys() - story.terms:
            story.terms.add(term)
            self.postings.setdefault(term, set()).add(story.id)
        story.thread = self.threads.link(story, doc.views.names, doc.views.title)
        self._record(doc, story, score)

    def _record(self, doc: Prepared, story: StoryState, score: float) -> None:
        article = doc.article
        self.seq += 1
        self.latest = max(self.latest, doc.day)
        events = [to_dict(e) for e in article.events]
        self.pending[article.id] = (
            article.id, story.id, self.seq, day_number(article.pub_date), article.pub_date, article.outlet,
            article.title, doc.language, article.duplicate_of, round(score, 4),
            store.dumps(events) if events else None,
        )  # fmt: skip
        self.dirty.add(story.id)
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()
            self._evict()

    # -- the active window ----------------------------------------------------------------------

    def _load_days(self, day: float) -> None:
        """Bring into memory the stored stories that ended within the window around ``day``."""
        for bucket in range(math.floor(day - self.window), math.floor(day + self.window) + 1):
            if bucket in self.loaded_days:
                continue
            self.loaded_days.add(bucket)
            for row in store.stories_ending_between(self.conn, bucket, bucket + 1):
                if row[0] not in self.stories:
                    self._load(StoryState.from_row(row))

    def _load(self, story: StoryState) -> None:
        self.stories[story.id] = story
        for term in story.terms:
            self.postings.setdefault(term, set()).add(story.id)

    def _evict(self) -> None:
        """Forget (flushed) stories that ended well before the latest article."""
        horizon = self.latest - 2 * self.window - 1
        for story_id in [s for s, story in self.stories.items() if story.last_day < horizon]:
            story = self.stories.pop(story_id)
            for term in story.terms:
                posting = self.postings.get(term)
                if posting is not None:
                    posting.discard(story_id)
                    if not posting:
                        del self.postings[term]
        self.loaded_days = {d for d in self.loaded_days if d >= horizon}
