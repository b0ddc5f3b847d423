"""The SQLite store: schema, writes, search syntax and filters, one-line errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kabar.model import Actor, ActorRef, Article, Entity, Event, Mention, Quote
from kabar.store import SearchError, Store


def _article(doc_id: str, title: str, text: str, outlet: str, pub_date: str) -> Article:
    return Article(id=doc_id, origin=f"{doc_id}.txt", hash=f"h-{doc_id}", title=title, text=text,
                   outlet=outlet, pub_date=pub_date)  # fmt: skip


@pytest.fixture
def store(db_path: Path) -> Store:
    s = Store(db_path)
    with s.transaction():
        s.put_article(
            _article(
                "a",
                "Putin bertemu Kim Jong Un",
                "Kim Jong Un tiba di Vostochny naik kereta.",
                "Warta",
                "2023-09-13T10:00:00+07:00",
            )
        )
        s.put_article(
            _article(
                "b",
                "Limusin untuk Pyongyang",
                "Putin menghadiahkan limusin Aurus kepada Kim.",
                "Kabar",
                "2024-02-20",
            )
        )
        s.put_article(_article("c", "Banjir di Demak", "Tanggul jebol, ribuan warga mengungsi.", "Warta",
                               "2024-02-09"))  # fmt: skip
    return s


def test_wal_fts_and_version(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "remove_diacritics 2" in sql


def test_phrase_prefix_boolean(store: Store) -> None:
    assert {h.id for h in store.search('"Kim Jong Un"')} == {"a"}
    assert {h.id for h in store.search("limus*")} == {"b"}
    assert {h.id for h in store.search("Putin AND NOT kereta")} == {"b"}
    assert {h.id for h in store.search("banjir OR Aurus")} == {"b", "c"}


def test_filters(store: Store) -> None:
    assert {h.id for h in store.search("Putin OR banjir", outlet="warta")} == {"a", "c"}
    assert {h.id for h in store.search("Putin OR banjir", since="2024-01-01")} == {"b", "c"}
    assert {h.id for h in store.search("Putin OR banjir", until="2023-12-31")} == {"a"}
    assert len(store.search("Putin OR banjir", limit=1)) == 1


def test_punctuated_words_need_no_quoting(store: Store) -> None:
    with store.transaction():
        store.put_article(_article("k", "Kim Jong-un", "Harga Rp 75.000 per kilo, kata Kim Jong-un.", "Kabar",
                                   "2024-03-02"))  # fmt: skip
    assert {h.id for h in store.search("Jong-un 75.000")} == {"k"}
    assert store.search("title:Kim") == []  # no column filters: read as the phrase "title Kim"


def test_diacritics_are_folded(store: Store) -> None:
    with store.transaction():
        store.put_article(_article("d", "Café", "Kunjungan ke kafé di Jakarta.", "Kabar", "2024-03-01"))
    assert {h.id for h in store.search("kafe")} == {"d"}


@pytest.mark.parametrize("query", ["AND*", "OR*", "x AND*", "(NOT*)"])
def test_operator_words_with_a_star_are_prefix_searches(store: Store, query: str) -> None:
    """Found by the 105,000-case fuzz run: "AND*" reached FTS5 as a bare operator."""
    assert store.search(query) == []


@pytest.mark.parametrize("query", ['"unclosed', "AND", "Putin OR", "(((", "a)", "*", "NOT Kim", "x" * 1001])
def test_malformed_query_is_a_one_line_error(store: Store, query: str) -> None:
    with pytest.raises(SearchError) as info:
        store.search(query)
    assert "\n" not in str(info.value)


def test_put_replaces_children_and_round_trips(store: Store) -> None:
    speaker = ActorRef("Dmitry Peskov", "RUS GOV", "a1")
    article = _article("e", "Kremlin", "Peskov berkata.", "Kabar", "2024-02-21")
    article.entities = [Entity("Peskov", "PER", 0, 6)]
    article.actors = [Actor("a1", "Dmitry Peskov", "RUS GOV", mentions=[Mention("Peskov", 0, 6)])]
    article.quotes = [Quote("Kami siap", "direct", speaker, "kata")]
    article.events = [Event(speaker, None, "CONSULT", None, "2024-02-21", "day", "fact", "Peskov berkata.")]
    for _ in range(2):
        with store.transaction():
            store.put_article(article)
    count = {t: store.conn.execute(f"SELECT count(*) FROM {t} WHERE article_id='e'").fetchone()[0]
             for t in ("entities", "actor_mentions", "quotes", "events")}  # fmt: skip
    assert count == {"entities": 1, "actor_mentions": 1, "quotes": 1, "events": 1}
    assert store.get("e") == article
    assert store.stats()["articles"] == 4


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.put_article(_article("f", "x", "y", "Kabar", "2024-01-01"))
        store.put_article(Article(id="g", origin="g", hash="h-a"))  # the content hash of "a"
    assert store.get("f") is None


def test_reopen_keeps_data_and_schema(store: Store, db_path: Path) -> None:
    store.close()
    with Store(db_path) as again:
        assert again.stats()["articles"] == 3
