"""Canonical quotes across articles: one quote, its occurrences, search by words and speaker."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kabar.model import ActorRef, Article, Quote
from kabar.quotes import QuoteIndex, create_tables, schema_sql, search_quotes

LONG = "Korut adalah tetangga dekat kami dan kami bermaksud terus mengembangkan hubungan kami"


def _article(doc_id: str, outlet: str, day: str, *quotes: Quote) -> Article:
    article = Article(id=doc_id, origin="-", hash="", outlet=outlet, pub_date=day)
    article.quotes = list(quotes)
    return article


def _quote(text: str, speaker: str | None = "Dmitry Peskov") -> Quote:
    ref = ActorRef(speaker, "RUS GOV") if speaker else None
    return Quote(text, "direct", ref, "kata", start=0, end=len(text))


def test_same_quote_across_outlets_is_one_canonical() -> None:
    index = QuoteIndex()
    first = _article("a", "idntimes.com", "2024-02-21", _quote(LONG))
    cut = _quote("Korut adalah tetangga dekat kami dan kami bermaksud terus")
    trimmed = _article("b", "tribunnews.com", "2024-02-22", cut)
    rice = _quote("Harga beras turun di semua pasar tradisional kota")
    other = _article("c", "detik.com", "2024-02-22", rice)
    for article in (first, trimmed, other):
        index.add(article)
    assert first.quotes[0].canonical == trimmed.quotes[0].canonical
    assert other.quotes[0].canonical not in (None, first.quotes[0].canonical)
    assert [o["article_id"] for o in index.occurrences(first.quotes[0].canonical or "")] == ["a", "b"]


def test_different_speakers_are_different_quotes() -> None:
    index = QuoteIndex()
    a = _article("a", "x", "2024-02-21", _quote(LONG, "Dmitry Peskov"))
    b = _article("b", "y", "2024-02-21", _quote(LONG, "Antony Blinken"))
    index.add(a)
    index.add(b)
    assert a.quotes[0].canonical != b.quotes[0].canonical


def test_short_quotes_match_only_word_for_word() -> None:
    index = QuoteIndex()
    a = _article("a", "x", "2024-02-21", _quote("Kami siap"))
    b = _article("b", "y", "2024-02-21", _quote("kami SIAP!"))
    c = _article("c", "y", "2024-02-21", _quote("Kami siap bertanding"))
    for article in (a, b, c):
        index.add(article)
    assert a.quotes[0].canonical == b.quotes[0].canonical != c.quotes[0].canonical


def test_earliest_occurrence_is_first_seen_and_adding_twice_changes_nothing() -> None:
    conn = sqlite3.connect(":memory:")
    index = QuoteIndex(conn)
    late = _article("late", "x", "2024-02-23", _quote(LONG))
    early = _article("early", "y", "2024-02-20", _quote(LONG))
    index.add(late)
    index.add(early)
    index.add(late)
    rows = search_quotes(conn, "tetangga dekat", None, 10)
    assert len(rows) == 1
    row = rows[0]
    assert (row["first_seen"], row["first_article"]) == ("2024-02-20", "early")
    assert [o["article_id"] for o in row["occurrences"]] == ["early", "late"]
    assert row["speaker"] == {"name": "Dmitry Peskov", "code": "RUS GOV"}


def test_search_by_speaker_and_words(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "q.db")
    index = QuoteIndex(conn)
    rice = _quote("Harga beras turun di semua pasar", "Budi")
    index.add(_article("a", "x", "2024-02-21", _quote(LONG), rice))
    conn.commit()
    again = sqlite3.connect(tmp_path / "q.db")
    assert [r["text"] for r in search_quotes(again, None, "peskov", 5)] == [LONG]
    assert [r["speaker"]["name"] for r in search_quotes(again, "beras turun", None, 5)] == ["Budi"]
    assert search_quotes(again, "tidak ada di sini", None, 5) == []
    assert search_quotes(sqlite3.connect(":memory:"), "beras", None, 5) == []


def test_schema_is_idempotent_and_prefixed() -> None:
    conn = sqlite3.connect(":memory:")
    assert create_tables(conn)
    assert create_tables(conn)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"quote_canonical", "quote_occurrences", "quote_keys", "quote_fts"} <= names
    assert all(n.startswith("quote_") for n in names if not n.startswith("sqlite_"))
    assert "CREATE TABLE IF NOT EXISTS quote_canonical" in schema_sql()


def test_index_never_commits() -> None:
    conn = sqlite3.connect(":memory:")
    index = QuoteIndex(conn)
    conn.commit()
    index.add(_article("a", "x", "2024-02-21", _quote(LONG)))
    assert conn.in_transaction
    conn.rollback()
    assert conn.execute("SELECT COUNT(*) FROM quote_canonical").fetchone()[0] == 0


def test_forget_drops_an_article_and_orphaned_quotes() -> None:
    conn = sqlite3.connect(":memory:")
    index = QuoteIndex(conn)
    index.add(_article("a", "x", "2024-02-21", _quote(LONG)))
    index.add(_article("b", "y", "2024-02-22", _quote(LONG)))
    index.forget("a")
    rows = search_quotes(conn, "tetangga dekat", None, 5)
    assert [o["article_id"] for o in rows[0]["occurrences"]] == ["b"]
    index.forget("b")
    assert search_quotes(conn, "tetangga dekat", None, 5) == []
    assert conn.execute("SELECT COUNT(*) FROM quote_keys").fetchone()[0] == 0
