"""The ``story_*`` tables: articles, stories, threads, document frequencies and counters.

The story index writes through these functions in batches (:meth:`StoryIndex.flush`) and reads
back only what it needs: the stories of a span of days, one article's story, one story's or
thread's rows for a timeline. Nothing here commits; the caller owns the transaction.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from kabar.store.schema import execute_script

SCHEMA = """
CREATE TABLE IF NOT EXISTS story_articles (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    seq INTEGER NOT NULL,
    day REAL,
    pub_date TEXT,
    outlet TEXT,
    title TEXT,
    language TEXT,
    duplicate_of TEXT,
    score REAL,
    events TEXT
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story);
CREATE TABLE IF NOT EXISTS story_stories (
    id TEXT PRIMARY KEY,
    language TEXT NOT NULL,
    thread TEXT,
    first_day REAL NOT NULL,
    last_day REAL NOT NULL,
    size INTEGER NOT NULL,
    title TEXT,
    state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS story_stories_last_day ON story_stories(last_day);
CREATE INDEX IF NOT EXISTS story_stories_thread ON story_stories(thread);
CREATE TABLE IF NOT EXISTS story_threads (
    id TEXT PRIMARY KEY,
    language TEXT NOT NULL,
    first_day REAL NOT NULL,
    last_day REAL NOT NULL,
    stories INTEGER NOT NULL,
    label TEXT,
    state BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS story_df (
    view TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (view, term)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_df_log (id INTEGER PRIMARY KEY, counts BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS story_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

ARTICLE_COLUMNS = ("id", "story", "seq", "day", "pub_date", "outlet", "title", "language",
                   "duplicate_of", "score", "events")  # fmt: skip
STORY_COLUMNS = ("id", "language", "thread", "first_day", "last_day", "size", "title", "state")
THREAD_COLUMNS = ("id", "language", "first_day", "last_day", "stories", "label", "state")


def schema_sql() -> str:
    """The ``story_*`` tables and indexes (``CREATE ... IF NOT EXISTS``, safe to run again)."""
    return SCHEMA


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the ``story_*`` tables inside the caller's transaction, if missing."""
    execute_script(conn, SCHEMA)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encode_state(value: Any) -> bytes:
    """A story's or thread's internal state as a blob (``marshal`` of plain dicts, lists and numbers:
    an order of magnitude faster than JSON for float-heavy centroids, and no code runs on loading)."""
    return marshal.dumps(value, 4)


def decode_state(blob: bytes) -> Any:
    return marshal.loads(blob)


def _upsert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def write_articles(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    conn.executemany(_upsert("story_articles", ARTICLE_COLUMNS), rows)


def write_stories(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    conn.executemany(_upsert("story_stories", STORY_COLUMNS), rows)


def write_threads(conn: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    conn.executemany(_upsert("story_threads", THREAD_COLUMNS), rows)


def delete_threads(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    conn.executemany("DELETE FROM story_threads WHERE id = ?", ((i,) for i in ids))


def write_df(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, int]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO story_df (view, term, df) VALUES (?, ?, ?)", rows)


def read_df(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    tables: dict[str, dict[str, int]] = {}
    for view, term, df in conn.execute("SELECT view, term, df FROM story_df"):
        tables.setdefault(view, {})[term] = df
    return tables


def read_df_log(conn: sqlite3.Connection) -> Iterator[bytes]:
    for (counts,) in conn.execute("SELECT counts FROM story_df_log ORDER BY id"):
        yield counts


def append_df_log(conn: sqlite3.Connection, counts: bytes) -> None:
    conn.execute("INSERT INTO story_df_log (counts) VALUES (?)", (counts,))


def clear_df_log(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM story_df_log")


def write_meta(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO story_meta (key, value) VALUES (?, ?)",
        ((key, dumps(value)) for key, value in values.items()),
    )


def read_meta(conn: sqlite3.Connection) -> dict[str, Any]:
    return {key: json.loads(value) for key, value in conn.execute("SELECT key, value FROM story_meta")}


def stories_ending_between(conn: sqlite3.Connection, low: float, high: float) -> Iterator[tuple[Any, ...]]:
    """Story rows whose last article falls in ``[low, high)``."""
    cursor = conn.execute(
        f"SELECT {', '.join(STORY_COLUMNS)} FROM story_stories WHERE last_day >= ? AND last_day < ?",
        (low, high),
    )
    yield from cursor


def read_threads(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    yield from conn.execute(f"SELECT {', '.join(THREAD_COLUMNS)} FROM story_threads")


def article_story(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT story FROM story_articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None


def story_state_row(conn: sqlite3.Connection, story_id: str) -> tuple[Any, ...] | None:
    """A story's row with its state, as :meth:`StoryState.from_row` reads it."""
    row = conn.execute(f"SELECT {', '.join(STORY_COLUMNS)} FROM story_stories WHERE id = ?", (story_id,))
    found: tuple[Any, ...] | None = row.fetchone()
    return found


def story_row(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {', '.join(STORY_COLUMNS)} FROM story_stories WHERE id = ?", (story_id,)
    ).fetchone()
    return dict(zip(STORY_COLUMNS, row, strict=True)) if row else None


def thread_row(conn: sqlite3.Connection, thread_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {', '.join(THREAD_COLUMNS)} FROM story_threads WHERE id = ?", (thread_id,)
    ).fetchone()
    return dict(zip(THREAD_COLUMNS, row, strict=True)) if row else None


def article_rows(conn: sqlite3.Connection, story_ids: list[str]) -> list[dict[str, Any]]:
    """The article rows of some stories, in publication order (undated last, then arrival)."""
    marks = ", ".join("?" * len(story_ids))
    cursor = conn.execute(
        f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM story_articles WHERE story IN ({marks}) "
        "ORDER BY day IS NULL, day, seq",
        story_ids,
    )
    return [dict(zip(ARTICLE_COLUMNS, row, strict=True)) for row in cursor]


def thread_story_rows(conn: sqlite3.Connection, thread_id: str) -> list[dict[str, Any]]:
    cursor = conn.execute(
        f"SELECT {', '.join(STORY_COLUMNS)} FROM story_stories WHERE thread = ? ORDER BY first_day",
        (thread_id,),
    )
    return [dict(zip(STORY_COLUMNS, row, strict=True)) for row in cursor]
