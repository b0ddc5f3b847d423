"""The cross-article event index: the same event reported by several articles is one event.

A corpus-level stage: it sees the articles of a corpus one after another (after dedup and story
clustering) and keeps an index of every event it has seen, so each new event is compared with the
whole store at a bounded cost: one indexed look-up by category, source and target, narrowed to the
events whose dates come within a day of it.

Two reports are one event when they have the same category, source and target (knowledge-base id,
else Wikidata id, else name), dates that come within a day of each other (a month or a year covers
its whole span), and, once both articles have a story, the same story. An event's dates, reports,
outlets, first and last sighting are kept over its whole life: a report dated two days after the
first still joins when an earlier report bridged the gap. A wire copy (``Article.duplicate_of``
set) is recorded but counts once with its original: it adds no report and no outlet.

All state lives in the ``event_*`` tables (:func:`schema_sql`) of the given connection and is read
and written row by row; ``conn=None`` uses a private in-memory database. The index never commits:
the caller commits with its own rows.
"""

from __future__ import annotations

import calendar
import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import date

from kabar.model import ActorRef, Article, Event
from kabar.store.schema import execute_script

SCHEMA = """
CREATE TABLE IF NOT EXISTS event_clusters (
    id TEXT PRIMARY KEY,
    lookup TEXT NOT NULL,
    category TEXT NOT NULL,
    mode TEXT,
    status TEXT,
    source_name TEXT, source_code TEXT, source_kb_id TEXT, source_qid TEXT,
    target_name TEXT, target_code TEXT, target_kb_id TEXT, target_qid TEXT,
    day_first INTEGER,
    day_last INTEGER,
    story TEXT,
    first_seen TEXT,
    last_seen TEXT,
    reports INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS event_clusters_lookup ON event_clusters(lookup, day_last);
CREATE TABLE IF NOT EXISTS event_mentions (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    cluster TEXT NOT NULL,
    copy_of TEXT NOT NULL,
    outlet TEXT,
    seen TEXT,
    counted INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS event_mentions_cluster ON event_mentions(cluster, copy_of);
CREATE TABLE IF NOT EXISTS event_outlets (
    cluster TEXT NOT NULL, outlet TEXT NOT NULL, PRIMARY KEY (cluster, outlet)
) WITHOUT ROWID;
"""

SLACK_DAYS = 1
"""Two reports are one event when their dates come within this many days."""


def schema_sql() -> str:
    """The ``event_*`` tables and indexes (``CREATE ... IF NOT EXISTS``, safe to run again)."""
    return SCHEMA


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the ``event_*`` tables inside the caller's transaction, if missing."""
    execute_script(conn, SCHEMA)


@dataclass(frozen=True, slots=True)
class EventCluster:
    """One event across the articles that report it.

    Attributes:
        id: the canonical id (``Event.canonical`` of every report).
        category, source, target: what the event is.
        first_day, last_day: the span of the dates its reports give (ISO days), if any.
        reports: the articles reporting it, a wire copy and its original counted once.
        outlets: the distinct outlets among those reports.
        first_seen, last_seen: the earliest and latest publication date of a report.
        articles: ids of every article that mentions it (wire copies included).
    """

    id: str
    category: str
    source: str | None
    target: str | None
    first_day: str | None
    last_day: str | None
    reports: int
    outlets: int
    first_seen: str | None
    last_seen: str | None
    articles: tuple[str, ...]


def actor_key(ref: ActorRef | None) -> str:
    """How an actor is recognised across articles: knowledge-base id, Wikidata id, else its name."""
    if ref is None:
        return "-"
    return ref.kb_id or ref.qid or " ".join(ref.name.lower().split())


def lookup_key(event: Event) -> str:
    return f"{event.category}|{actor_key(event.source)}|{actor_key(event.target)}"


def day_span(event: Event, pub_date: str | None) -> tuple[int, int] | None:
    """The days (ordinal numbers) an event's date covers: a day, a whole month or a whole year;
    the publication day when the event has no date."""
    value = event.date or (pub_date[:10] if pub_date else None)
    try:
        day = date.fromisoformat(value) if value else None
    except ValueError:
        return None
    if day is None:
        return None
    precision = event.date_precision if event.date else "day"
    if precision == "year":
        return date(day.year, 1, 1).toordinal(), date(day.year, 12, 31).toordinal()
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return date(day.year, day.month, 1).toordinal(), date(day.year, day.month, last).toordinal()
    return day.toordinal(), day.toordinal()


class EventIndex:
    """Incremental cross-article event index over a SQLite connection (or in memory).

    Args:
        conn: the store's connection; the ``event_*`` tables are created if missing. ``None``
            keeps the index in a private in-memory database.

    Example:
        >>> index = EventIndex()
        >>> for article in articles:      # after dedup and story clustering
        ...     index.add(article)        # sets Event.canonical on each event
    """

    def __init__(self, conn: sqlite3.Connection | None = None) -> None:
        self.conn = conn if conn is not None else sqlite3.connect(":memory:")
        create_tables(self.conn)

    def add(self, article: Article) -> list[str]:
        """Index the events of ``article``; sets and returns their canonical ids, in order."""
        ids = []
        for idx, event in enumerate(article.events):
            known = self.conn.execute(
                "SELECT cluster FROM event_mentions WHERE article_id = ? AND idx = ?", (article.id, idx)
            ).fetchone()
            event.canonical = known[0] if known else self._add_event(article, idx, event)
            ids.append(event.canonical)
        return ids

    def _add_event(self, article: Article, idx: int, event: Event) -> str:
        span = day_span(event, article.pub_date)
        lookup = lookup_key(event)
        cluster = self._match(lookup, span, article.story)
        if cluster is None:
            cluster = self._new_cluster(article, idx, event, lookup, span)
        self._record(cluster, article, idx, span)
        return cluster

    def _match(self, lookup: str, span: tuple[int, int] | None, story: str | None) -> str | None:
        """The cluster this report belongs to: same lookup key, dates within a day, same story."""
        if span is None:
            rows = self.conn.execute(
                "SELECT id, story FROM event_clusters WHERE lookup = ? AND day_first IS NULL", (lookup,)
            ).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT id, story FROM event_clusters WHERE lookup = ? AND day_last >= ? AND day_first <= ?"
                " ORDER BY day_last DESC",
                (lookup, span[0] - SLACK_DAYS, span[1] + SLACK_DAYS),
            ).fetchall()
        for cluster_id, cluster_story in rows:
            if story is None or cluster_story is None or story == cluster_story:
                return str(cluster_id)
        return None

    def _new_cluster(
        self, article: Article, idx: int, event: Event, lookup: str, span: tuple[int, int] | None
    ) -> str:
        digest = hashlib.sha1(f"{lookup}|{article.id}|{idx}".encode()).hexdigest()[:16]
        cluster = f"ev-{digest}"
        src, tgt = event.source, event.target
        self.conn.execute(
            "INSERT INTO event_clusters (id, lookup, category, mode, status, source_name, source_code,"
            " source_kb_id, source_qid, target_name, target_code, target_kb_id, target_qid, day_first,"
            " day_last, story) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                cluster,
                lookup,
                event.category,
                event.mode,
                event.status,
                src.name if src else None,
                src.code if src else None,
                src.kb_id if src else None,
                src.qid if src else None,
                tgt.name if tgt else None,
                tgt.code if tgt else None,
                tgt.kb_id if tgt else None,
                tgt.qid if tgt else None,
                span[0] if span else None,
                span[1] if span else None,
                article.story,
            ),
        )
        return cluster

    def _record(self, cluster: str, article: Article, idx: int, span: tuple[int, int] | None) -> None:
        """Add one report to a cluster; a wire copy of a report already there counts for nothing."""
        copy_of = article.duplicate_of or article.id
        seen = article.pub_date[:10] if article.pub_date else None
        repeat = self.conn.execute(
            "SELECT 1 FROM event_mentions WHERE cluster = ? AND copy_of = ? LIMIT 1", (cluster, copy_of)
        ).fetchone()
        counted = repeat is None
        self.conn.execute(
            "INSERT INTO event_mentions (article_id, idx, cluster, copy_of, outlet, seen, counted)"
            " VALUES (?,?,?,?,?,?,?)",
            (article.id, idx, cluster, copy_of, article.outlet, seen, int(counted)),
        )
        if counted and article.outlet:
            self.conn.execute(
                "INSERT OR IGNORE INTO event_outlets (cluster, outlet) VALUES (?, ?)",
                (cluster, article.outlet),
            )
        self.conn.execute(
            "UPDATE event_clusters SET reports = reports + ?,"
            " outlets = (SELECT count(*) FROM event_outlets WHERE cluster = ?),"
            " day_first = CASE WHEN ? IS NULL THEN day_first ELSE min(coalesce(day_first, ?), ?) END,"
            " day_last = CASE WHEN ? IS NULL THEN day_last ELSE max(coalesce(day_last, ?), ?) END,"
            " first_seen = CASE WHEN ? IS NULL THEN first_seen ELSE min(coalesce(first_seen, ?), ?) END,"
            " last_seen = CASE WHEN ? IS NULL THEN last_seen ELSE max(coalesce(last_seen, ?), ?) END,"
            " story = coalesce(story, ?) WHERE id = ?",
            (
                int(counted),
                cluster,
                *(_span_args(span[0] if span else None)),
                *(_span_args(span[1] if span else None)),
                seen,
                seen,
                seen,
                seen,
                seen,
                seen,
                article.story,
                cluster,
            ),
        )

    # --- reading -----------------------------------------------------------------------------------

    def get(self, cluster: str) -> EventCluster | None:
        """One event across its reports."""
        row = self.conn.execute(
            "SELECT id, category, source_name, target_name, day_first, day_last, reports, outlets,"
            " first_seen, last_seen FROM event_clusters WHERE id = ?",
            (cluster,),
        ).fetchone()
        if row is None:
            return None
        articles = tuple(
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT article_id FROM event_mentions WHERE cluster = ? ORDER BY article_id",
                (cluster,),
            )
        )
        return EventCluster(
            row[0],
            row[1],
            row[2],
            row[3],
            _iso(row[4]),
            _iso(row[5]),
            row[6],
            row[7],
            row[8],
            row[9],
            articles,
        )

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM event_clusters").fetchone()[0])


def _span_args(day: int | None) -> tuple[int | None, int | None, int | None]:
    return day, day, day


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None
