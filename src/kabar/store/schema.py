"""The store's schema as numbered migrations; ``PRAGMA user_version`` records the last one applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATION_1 = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    origin TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    text TEXT NOT NULL DEFAULT '',
    pub_date TEXT,
    language TEXT,
    duplicate_of TEXT,
    story TEXT,
    thread TEXT,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_pub_date ON articles(pub_date);
CREATE INDEX articles_story ON articles(story);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    label TEXT NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_text ON entities(text);

CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor TEXT NOT NULL, kb_id TEXT, name TEXT NOT NULL, code TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER, "end" INTEGER
);
CREATE INDEX actor_mentions_article ON actor_mentions(article_id);
CREATE INDEX actor_mentions_kb ON actor_mentions(kb_id);
CREATE INDEX actor_mentions_name ON actor_mentions(name);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT, speaker_name TEXT, speaker_code TEXT,
    speaker_kb_id TEXT, cue TEXT, via TEXT, date TEXT, start INTEGER, "end" INTEGER, canonical TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_canonical ON quotes(canonical);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, category TEXT NOT NULL, mode TEXT, status TEXT,
    source_name TEXT, source_code TEXT, source_kb_id TEXT,
    target_name TEXT, target_code TEXT, target_kb_id TEXT,
    date TEXT, date_precision TEXT, sentence TEXT, start INTEGER, "end" INTEGER,
    confidence REAL, canonical TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_category ON events(category);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_canonical ON events(canonical);

CREATE TABLE outlet_docs (outlet TEXT PRIMARY KEY, documents INTEGER NOT NULL);
CREATE TABLE outlet_lines (
    outlet TEXT NOT NULL, line_hash TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_hash)
) WITHOUT ROWID;

CREATE TABLE runs (
    id INTEGER PRIMARY KEY, command TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
    report TEXT
);
CREATE TABLE skips (
    run_id INTEGER REFERENCES runs(id), origin TEXT NOT NULL, doc_id TEXT, reason TEXT NOT NULL
);
"""

MIGRATION_2 = """
CREATE TABLE collect_urls (
    url TEXT PRIMARY KEY, outlet TEXT, state TEXT NOT NULL, final_url TEXT, http_status INTEGER,
    reason TEXT, etag TEXT, last_modified TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    discovered_at TEXT NOT NULL, fetched_at TEXT
);
CREATE INDEX collect_urls_state ON collect_urls(state);
CREATE TABLE collect_feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at TEXT
);
"""

Migration = str | Callable[[sqlite3.Connection], str]
"""A migration is SQL, or a function returning SQL (so other stages can contribute tables)."""


def migration_3(_: sqlite3.Connection) -> str:
    """The corpus-level stages' own tables (dedup, stories, canonical quotes, event clusters) and
    the indexes the REST API filters on."""
    from kabar import dedup, events, quotes, stories

    stage_tables = ";\n".join(
        [dedup.schema_sql(), stories.schema_sql(), quotes.schema_sql(), events.schema_sql()]
    )
    return stage_tables + ";\n" + SERVING_INDEXES


SERVING_INDEXES = """
CREATE INDEX IF NOT EXISTS events_source_kb ON events(source_kb_id);
CREATE INDEX IF NOT EXISTS events_target_kb ON events(target_kb_id);
CREATE INDEX IF NOT EXISTS events_source_name ON events(source_name);
CREATE INDEX IF NOT EXISTS events_target_name ON events(target_name);
CREATE INDEX IF NOT EXISTS quotes_speaker_kb ON quotes(speaker_kb_id);
CREATE INDEX IF NOT EXISTS articles_thread ON articles(thread);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of);
"""

MIGRATIONS: list[Migration] = [MIGRATION_1, MIGRATION_2, migration_3]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database has not seen yet, each in one transaction.

    The version is read inside the write transaction, so two processes opening a new store at
    once do not both apply the same migration.
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= len(MIGRATIONS):
                conn.execute("COMMIT")
                return version
            migration = MIGRATIONS[version]
            execute_script(conn, migration if isinstance(migration, str) else migration(conn))
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def execute_script(conn: sqlite3.Connection, sql: str) -> None:
    """Run a script statement by statement, inside the caller's transaction (``executescript``
    would commit first)."""
    for statement in _statements(sql):
        conn.execute(statement)


def _statements(sql: str) -> list[str]:
    """Split a script into whole statements (triggers' inner semicolons included)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
