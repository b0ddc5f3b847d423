"""Canonical quotes across articles: the same statement reported by several outlets is one quote.

A corpus-level component: it sees the articles of a corpus one after another (run it in the
calling process, in input order, like dedup) and keeps an index of every quote it has seen, so
each new quote is compared with the whole store at a cost that does not grow with it: one lookup
of the quote's word 3-shingles in ``quote_keys`` and a check of the few canonical quotes found.

* Two quotes are the same when one contains most of the other's shingles (:data:`CONTAINMENT`;
  outlets trim, cut and re-punctuate quotes) and their speakers agree (same surname or half the
  name words; a quote without a speaker agrees with any). Quotes shorter than
  :data:`MIN_WORDS` words match only word for word.
* A canonical quote keeps the words, speaker and article of its earliest occurrence (by date,
  then by arrival); ``occurrences`` lists every article that carries it, so "who repeated whom"
  is the occurrence list in date order.
* :meth:`QuoteIndex.add` sets ``Quote.canonical`` on the article's quotes (before the store writes
  its ``quotes`` rows). All state lives in ``quote_*`` tables (:func:`schema_sql`) of the given
  connection; the index never commits, so the caller's transaction covers both.

:func:`search_quotes` answers ``kabar quotes "tetangga dekat"`` and ``kabar quotes --speaker Peskov``.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kabar.model import Article, Quote
from kabar.store.schema import execute_script

MIN_WORDS = 5
"""Quotes with fewer words are canonicalised only by their exact words."""
CONTAINMENT = 0.6
"""Share of the shorter quote's 3-shingles the longer one must contain to be the same quote."""
SHINGLE = 3
_CHUNK = 400  # keys per SQL query (SQLite's variable limit is 999 on old builds)
_WORD = re.compile(r"\w+")

SCHEMA = """
CREATE TABLE IF NOT EXISTS quote_canonical (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    kind TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_kb_id TEXT,
    first_article TEXT NOT NULL,
    first_seen TEXT,
    n_keys INTEGER NOT NULL,
    occurrences INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS quote_canonical_speaker ON quote_canonical(speaker_name);
CREATE TABLE IF NOT EXISTS quote_occurrences (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    canonical TEXT NOT NULL,
    outlet TEXT,
    date TEXT,
    speaker_name TEXT,
    text TEXT,
    start INTEGER,
    "end" INTEGER,
    seq INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS quote_occurrences_canonical ON quote_occurrences(canonical);
CREATE TABLE IF NOT EXISTS quote_keys (
    key INTEGER NOT NULL, canonical TEXT NOT NULL, PRIMARY KEY (key, canonical)
) WITHOUT ROWID
"""

FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(
    canonical UNINDEXED, text, speaker, tokenize='unicode61 remove_diacritics 2'
)
"""


def schema_sql(fts: bool = True) -> str:
    """The ``quote_*`` tables and indexes (``CREATE ... IF NOT EXISTS``, safe to run again);
    ``fts`` adds the ``quote_fts`` full-text table that :func:`search_quotes` uses."""
    return SCHEMA + (";\n" + FTS_SCHEMA if fts else "")


def create_tables(conn: sqlite3.Connection) -> bool:
    """Create the ``quote_*`` tables statement by statement (no implicit commit). Returns whether
    the full-text table exists (SQLite builds without FTS5 fall back to ``LIKE`` searches)."""
    execute_script(conn, SCHEMA)
    try:
        conn.execute(FTS_SCHEMA)
    except sqlite3.OperationalError:
        return False
    return True


def words(text: str) -> list[str]:
    """Lower-case words of a quote: punctuation, marks and case ignored."""
    return _WORD.findall(text.lower())


def keys(tokens: Sequence[str]) -> set[int]:
    """The quote's fingerprint: hashed word 3-shingles, or one hash of all words when short."""
    if len(tokens) < MIN_WORDS:
        return {_hash(" ".join(tokens))}
    return {_hash(" ".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}


def _hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def same_speaker(a: str | None, b: str | None) -> bool:
    """Speakers agree: either unknown, the same surname, or half the name words shared."""
    if not a or not b:
        return True
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return True
    shared = len(set(wa) & set(wb))
    return wa[-1] in wb or wb[-1] in wa or 2 * shared >= min(len(set(wa)), len(set(wb)))


@dataclass(frozen=True, slots=True)
class _Candidate:
    id: str
    n_keys: int
    speaker: str | None
    shared: int


class QuoteIndex:
    """Canonical quotes over a growing corpus (corpus-level; see the module docs).

    Args:
        conn: a ``sqlite3`` connection to keep the index in (tables are created if missing);
            ``None`` keeps it in a private in-memory database.

    Example:
        >>> index = QuoteIndex()
        >>> a = Article(id="a", origin="-", hash="", outlet="x.id", pub_date="2024-02-21")
        >>> a.quotes = [Quote("Korut adalah tetangga dekat kami dan kami bermaksud terus", "direct",
        ...                   None, "kata")]
        >>> b = Article(id="b", origin="-", hash="", outlet="y.id", pub_date="2024-02-22")
        >>> b.quotes = [Quote("Korut adalah tetangga dekat kami", "direct", None, "ujar")]
        >>> index.add(a); index.add(b)
        >>> a.quotes[0].canonical == b.quotes[0].canonical
        True
    """

    def __init__(self, conn: sqlite3.Connection | None = None) -> None:
        self.conn = conn if conn is not None else sqlite3.connect(":memory:")
        self.fts = create_tables(self.conn)
        row = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM quote_occurrences").fetchone()
        self._seq = int(row[0])

    def add(self, article: Article) -> None:
        """Index the quotes of ``article`` and set their ``canonical`` ids. Adding an article
        again changes nothing (its quotes get the ids they have)."""
        day = _day(article.pub_date)
        for idx, quote in enumerate(article.quotes):
            known = self.conn.execute(
                "SELECT canonical FROM quote_occurrences WHERE article_id = ? AND idx = ?", (article.id, idx)
            ).fetchone()
            if known is not None:
                quote.canonical = known[0]
                continue
            quote.canonical = self._add_quote(article, idx, quote, day or _day(quote.date))

    def _add_quote(self, article: Article, idx: int, quote: Quote, day: str | None) -> str | None:
        tokens = words(quote.text)
        if not tokens:
            return None
        fingerprint = keys(tokens)
        speaker = quote.speaker.name if quote.speaker else None
        match = self._match(fingerprint, speaker)
        if match is None:
            canonical = self._new(article, quote, tokens, fingerprint, day)
        else:
            canonical = match
            self._maybe_earlier(canonical, article, quote, day)
        self._seq += 1
        row = (article.id, idx, canonical, article.outlet, day, speaker, quote.text, quote.start, quote.end)
        self.conn.execute(
            "INSERT INTO quote_occurrences (article_id, idx, canonical, outlet, date, speaker_name, text,"
            ' start, "end", seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            (*row, self._seq),
        )
        self.conn.execute(
            "UPDATE quote_canonical SET occurrences = occurrences + 1 WHERE id = ?", (canonical,)
        )
        return canonical

    def _match(self, fingerprint: set[int], speaker: str | None) -> str | None:
        """The canonical quote sharing enough shingles with ``fingerprint``, if any."""
        best: tuple[float, str] | None = None
        for cand in self._candidates(fingerprint):
            score = cand.shared / max(1, min(len(fingerprint), cand.n_keys))
            if (
                score >= CONTAINMENT
                and same_speaker(speaker, cand.speaker)
                and (best is None or score > best[0])
            ):
                best = (score, cand.id)
        return best[1] if best else None

    def _candidates(self, fingerprint: Iterable[int]) -> list[_Candidate]:
        shared: dict[str, int] = {}
        ordered = sorted(fingerprint)
        for i in range(0, len(ordered), _CHUNK):
            chunk = ordered[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for canonical, count in self.conn.execute(
                f"SELECT canonical, COUNT(*) FROM quote_keys WHERE key IN ({marks}) GROUP BY canonical", chunk
            ):
                shared[canonical] = shared.get(canonical, 0) + count
        top = sorted(shared.items(), key=lambda kv: -kv[1])[:8]
        out = []
        for canonical, count in top:
            row = self.conn.execute(
                "SELECT n_keys, speaker_name FROM quote_canonical WHERE id = ?", (canonical,)
            ).fetchone()
            if row is not None:
                out.append(_Candidate(canonical, int(row[0]), row[1], count))
        return out

    def _new(
        self, article: Article, quote: Quote, tokens: list[str], fingerprint: set[int], day: str | None
    ) -> str:
        speaker = quote.speaker
        canonical = _canonical_id(tokens, speaker.name if speaker else None)
        while self.conn.execute("SELECT 1 FROM quote_canonical WHERE id = ?", (canonical,)).fetchone():
            canonical = _canonical_id([canonical], None)
        who = (speaker.name, speaker.code, speaker.kb_id) if speaker else (None, None, None)
        self.conn.execute(
            "INSERT INTO quote_canonical (id, text, kind, speaker_name, speaker_code, speaker_kb_id,"
            " first_article, first_seen, n_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (canonical, quote.text, quote.kind, *who, article.id, day, len(fingerprint)),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO quote_keys (key, canonical) VALUES (?, ?)",
            [(k, canonical) for k in fingerprint],
        )
        if self.fts:
            self.conn.execute(
                "INSERT INTO quote_fts (canonical, text, speaker) VALUES (?, ?, ?)",
                (canonical, quote.text, speaker.name if speaker else ""),
            )
        return canonical

    def _maybe_earlier(self, canonical: str, article: Article, quote: Quote, day: str | None) -> None:
        """An occurrence dated before the canonical's first becomes its first; a named speaker
        fills a canonical quote that had none."""
        row = self.conn.execute(
            "SELECT first_seen, speaker_name FROM quote_canonical WHERE id = ?", (canonical,)
        ).fetchone()
        first_seen, speaker_name = row
        if day is not None and (first_seen is None or day < first_seen):
            self.conn.execute(
                "UPDATE quote_canonical SET first_seen = ?, first_article = ?, text = ? WHERE id = ?",
                (day, article.id, quote.text, canonical),
            )
            if self.fts:
                self.conn.execute(
                    "UPDATE quote_fts SET text = ? WHERE canonical = ?", (quote.text, canonical)
                )
        if speaker_name is None and quote.speaker is not None:
            self.conn.execute(
                "UPDATE quote_canonical SET speaker_name = ?, speaker_code = ?, speaker_kb_id = ?"
                " WHERE id = ?",
                (quote.speaker.name, quote.speaker.code, quote.speaker.kb_id, canonical),
            )

    def occurrences(self, canonical: str) -> list[dict[str, Any]]:
        """Where a canonical quote appears, earliest first: who repeated whom."""
        return _occurrences(self.conn, canonical)

    def forget(self, article_id: str) -> None:
        """Drop an article's occurrences (before it is indexed again with new quotes); a canonical
        quote left without occurrences goes too."""
        rows = self.conn.execute(
            "SELECT canonical, COUNT(*) FROM quote_occurrences WHERE article_id = ? GROUP BY canonical",
            (article_id,),
        ).fetchall()
        self.conn.execute("DELETE FROM quote_occurrences WHERE article_id = ?", (article_id,))
        for canonical, count in rows:
            self.conn.execute(
                "UPDATE quote_canonical SET occurrences = occurrences - ? WHERE id = ?", (count, canonical)
            )
        orphans = [r[0] for r in self.conn.execute("SELECT id FROM quote_canonical WHERE occurrences <= 0")]
        for canonical in orphans:
            self.conn.execute("DELETE FROM quote_keys WHERE canonical = ?", (canonical,))
            self.conn.execute("DELETE FROM quote_canonical WHERE id = ?", (canonical,))
            if self.fts:
                self.conn.execute("DELETE FROM quote_fts WHERE canonical = ?", (canonical,))


def _canonical_id(tokens: Sequence[str], speaker: str | None) -> str:
    seed = " ".join(tokens) + "\x1f" + (speaker or "").lower()
    return "q" + hashlib.blake2b(seed.encode("utf-8"), digest_size=8).hexdigest()


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _occurrences(conn: sqlite3.Connection, canonical: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        'SELECT article_id, idx, outlet, date, speaker_name, start, "end" FROM quote_occurrences'
        " WHERE canonical = ? ORDER BY date IS NULL, date, seq",
        (canonical,),
    ).fetchall()
    keys_ = ("article_id", "idx", "outlet", "date", "speaker", "start", "end")
    return [dict(zip(keys_, row, strict=True)) for row in rows]


def search_quotes(
    conn: sqlite3.Connection, text: str | None = None, speaker: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Canonical quotes by words (all of them, in order, as a phrase) and/or speaker name (a part
    of it, any case), most repeated first.

    Each row: ``id``, ``text``, ``kind``, ``speaker`` (``{name, code}`` or ``None``), ``first_seen``,
    ``first_article`` and ``occurrences`` (``article_id``, ``idx``, ``outlet``, ``date``,
    ``speaker``, ``start``, ``end``; earliest first). Returns ``[]`` when nothing was indexed yet.
    """
    if not _has_tables(conn):
        return []
    where, params = _filters(conn, text, speaker)
    sql = (
        "SELECT id, text, kind, speaker_name, speaker_code, first_seen, first_article FROM quote_canonical"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY occurrences DESC, first_seen IS NULL, first_seen, id LIMIT ?"
    )
    out = []
    for cid, body, kind, name, code, first_seen, first_article in conn.execute(sql, [*params, max(1, limit)]):
        out.append({
            "id": cid, "text": body, "kind": kind, "speaker": {"name": name, "code": code} if name else None,
            "first_seen": first_seen, "first_article": first_article, "occurrences": _occurrences(conn, cid),
        })  # fmt: skip
    return out


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quote_canonical'"
    ).fetchone()
    return row is not None


def _filters(conn: sqlite3.Connection, text: str | None, speaker: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    tokens = words(text or "")
    if tokens:
        if _has_fts(conn):
            where.append("id IN (SELECT canonical FROM quote_fts WHERE quote_fts MATCH ?)")
            params.append('text : "' + " ".join(tokens) + '"')
        else:
            where.append("lower(text) LIKE ?")
            params.append("%" + "%".join(tokens) + "%")
    if speaker and speaker.strip():
        where.append(
            "(lower(speaker_name) LIKE ? OR id IN (SELECT canonical FROM quote_occurrences"
            " WHERE lower(speaker_name) LIKE ?))"
        )
        pattern = "%" + speaker.strip().lower() + "%"
        params.extend([pattern, pattern])
    return where, params


def _has_fts(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'quote_fts'").fetchone()
    return row is not None
