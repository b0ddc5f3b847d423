"""Stage 9, store: the embedded SQLite store (WAL, migrations, FTS5 search).

One :class:`Store` wraps one database file. Writes happen in explicit transactions, one per batch,
so an interrupted ingest leaves the store as it was after the last whole batch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kabar.model import Article, SkippedInput, to_dict, to_json
from kabar.store.query import QuerySyntaxError, to_fts
from kabar.store.schema import migrate

__all__ = ["SearchError", "SearchHit", "Store"]


class SearchError(ValueError):
    """A search query the full-text engine cannot parse; the message is one line for the user."""


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    pub_date: str | None
    snippet: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A kabar store in one SQLite file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0,
                                    check_same_thread=False)  # fmt: skip
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self.conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # writing

    def known_hash(self, content_hash: str) -> str | None:
        """The id of the stored article with this content hash, if any."""
        row = self.conn.execute("SELECT id FROM articles WHERE hash = ?", (content_hash,)).fetchone()
        return row["id"] if row else None

    def known_id(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc_id,)).fetchone() is not None

    def put_article(self, article: Article) -> None:
        """Insert or replace one article and its entities, actors, quotes and events.

        Call inside :meth:`transaction`.
        """
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
        self.conn.execute(
            "INSERT INTO articles (id, hash, origin, url, outlet, title, text, pub_date, language,"
            " duplicate_of, story, thread, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.hash, article.origin, article.url, article.outlet, article.title,
             article.text, article.pub_date, article.language, article.duplicate_of, article.story,
             article.thread, to_json(article), _now()),
        )  # fmt: skip
        self._put_children(article)

    def _put_children(self, article: Article) -> None:
        aid = article.id
        self.conn.executemany(
            'INSERT INTO entities (article_id, label, text, start, "end") VALUES (?,?,?,?,?)',
            [(aid, e.label, e.text, e.start, e.end) for e in article.entities],
        )
        self.conn.executemany(
            "INSERT INTO actor_mentions (article_id, actor, kb_id, name, code, text, start, \"end\")"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(aid, a.id, a.kb_id, a.name, a.code, m.text, m.start, m.end)
             for a in article.actors for m in (a.mentions or [])],
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO quotes (article_id, idx, text, kind, speaker_name, speaker_code, speaker_kb_id,"
            " cue, via, date, start, \"end\", canonical) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(aid, i, q.text, q.kind, q.speaker.name if q.speaker else None,
              q.speaker.code if q.speaker else None, q.speaker.kb_id if q.speaker else None,
              q.cue, q.via, q.date, q.start, q.end, q.canonical) for i, q in enumerate(article.quotes)],
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO events (article_id, idx, category, mode, status, source_name, source_code,"
            " source_kb_id, target_name, target_code, target_kb_id, date, date_precision, sentence,"
            " start, \"end\", confidence, canonical) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(aid, i, e.category, e.mode, e.status,
              e.source.name if e.source else None, e.source.code if e.source else None,
              e.source.kb_id if e.source else None,
              e.target.name if e.target else None, e.target.code if e.target else None,
              e.target.kb_id if e.target else None,
              e.date, e.date_precision, e.sentence, e.start, e.end, e.confidence, e.canonical)
             for i, e in enumerate(article.events)],
        )  # fmt: skip

    def relink_duplicates(self, originals: dict[str, str]) -> None:
        """Point stored copies at a new original (an earlier copy arrived later); inside a transaction."""
        self.conn.executemany(
            "UPDATE articles SET duplicate_of = NULLIF(?1, id),"
            " record = json_set(record, '$.duplicate_of', NULLIF(?1, id)) WHERE id = ?2",
            [(original, article) for article, original in originals.items()],
        )

    def start_run(self, command: str) -> int:
        cur = self.conn.execute("INSERT INTO runs (command, started_at) VALUES (?, ?)", (command, _now()))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, report: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, report = ? WHERE id = ?",
            (_now(), json.dumps(report, ensure_ascii=False), run_id),
        )

    def put_skips(self, run_id: int, skips: Sequence[SkippedInput]) -> None:
        self.conn.executemany(
            "INSERT INTO skips (run_id, origin, doc_id, reason) VALUES (?,?,?,?)",
            [(run_id, s.origin, s.id, s.reason) for s in skips],
        )

    # outlet boilerplate statistics (corpus-level cleaning state)

    def boilerplate_rows(self) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
        docs = [(r[0], r[1]) for r in self.conn.execute("SELECT outlet, documents FROM outlet_docs")]
        lines = [
            (r[0], r[1], r[2]) for r in self.conn.execute("SELECT outlet, line_hash, count FROM outlet_lines")
        ]
        return docs, lines

    def add_boilerplate(self, docs: Sequence[tuple[str, int]], lines: Sequence[tuple[str, str, int]]) -> None:
        """Add one batch's per-outlet counts to the stored ones (call inside :meth:`transaction`)."""
        self.conn.executemany(
            "INSERT INTO outlet_docs (outlet, documents) VALUES (?, ?)"
            " ON CONFLICT(outlet) DO UPDATE SET documents = documents + excluded.documents",
            docs,
        )
        self.conn.executemany(
            "INSERT INTO outlet_lines (outlet, line_hash, count) VALUES (?, ?, ?)"
            " ON CONFLICT(outlet, line_hash) DO UPDATE SET count = count + excluded.count", lines)  # fmt: skip

    # reading

    def get(self, doc_id: str) -> Article | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (doc_id,)).fetchone()
        return Article.from_dict(json.loads(row["record"])) if row else None

    def get_record(self, doc_id: str) -> dict[str, Any] | None:
        article = self.get(doc_id)
        return to_dict(article) if article else None

    def search(
        self, query: str, *, outlet: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, offset: int = 0,
    ) -> list[SearchHit]:  # fmt: skip
        """Full-text search (words, "phrases", prefix*, AND/OR/NOT, parentheses) with filters.

        Raises :class:`SearchError` with a one-line message for a query FTS5 cannot parse.
        """
        sql = ["SELECT a.id, a.title, a.outlet, a.pub_date,"
               " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ?"]  # fmt: skip
        try:
            params: list[Any] = [to_fts(query)]
        except QuerySyntaxError as exc:
            raise SearchError(f"cannot read search query {query!r}: {exc}") from None
        sql, params = _filters(sql, params, outlet, since, until)
        sql.append("ORDER BY rank LIMIT ? OFFSET ?")
        params += [limit, offset]
        try:
            rows = self.conn.execute(" ".join(sql), params).fetchall()
        except sqlite3.OperationalError as exc:
            raise SearchError(f"cannot read search query {query!r}: {exc}") from None
        return [SearchHit(r["id"], r["title"], r["outlet"], r["pub_date"], r["snippet"]) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self.conn.execute

        def count(sql: str) -> int:
            return int(one(sql).fetchone()[0])

        return {
            "path": str(self.path),
            "articles": count("SELECT count(*) FROM articles"),
            "duplicates": count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "outlets": count("SELECT count(DISTINCT outlet) FROM articles"),
            "entities": count("SELECT count(*) FROM entities"),
            "actor_mentions": count("SELECT count(*) FROM actor_mentions"),
            "quotes": count("SELECT count(*) FROM quotes"),
            "events": count("SELECT count(*) FROM events"),
            "stories": count("SELECT count(DISTINCT story) FROM articles WHERE story IS NOT NULL"),
            "first_pub_date": one("SELECT min(pub_date) FROM articles").fetchone()[0],
            "last_pub_date": one("SELECT max(pub_date) FROM articles").fetchone()[0],
            "by_outlet": {r[0] or "(unknown)": r[1] for r in one(
                "SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY count(*) DESC")},
            "runs": count("SELECT count(*) FROM runs"),
        }  # fmt: skip


def _filters(
    sql: list[str], params: list[Any], outlet: str | None, since: str | None, until: str | None
) -> tuple[list[str], list[Any]]:
    if outlet:
        sql.append("AND lower(a.outlet) = lower(?)")
        params.append(outlet)
    if since:
        sql.append("AND substr(a.pub_date, 1, 10) >= ?")
        params.append(since[:10])
    if until:
        sql.append("AND substr(a.pub_date, 1, 10) <= ?")
        params.append(until[:10])
    return sql, params
