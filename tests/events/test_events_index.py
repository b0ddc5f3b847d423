"""Cross-article event dedup (EventIndex) and the export functions over a store."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from kabar.events import EventIndex, export_csv, export_jsonl, export_plover, query_events, schema_sql
from kabar.model import ActorRef, Article, Event
from kabar.store import Store

PUTIN = ActorRef("Vladimir Putin", "RUS GOV", "a1", "person:vladimir-putin", "Q7747")
KIM = ActorRef("Kim Jong Un", "PRK GOV", "a2", "person:kim-jong-un", "Q56226")
BLINKEN = ActorRef("Antony Blinken", "USA GOV", "a3", "person:antony-blinken", None)


def _event(
    category: str = "AID",
    day: str | None = "2024-02-20",
    source: ActorRef = PUTIN,
    target: ActorRef = KIM,
    precision: str = "day",
) -> Event:
    sentence = f"{source.name} {category.lower()} {target.name}."
    return Event(
        source,
        target,
        category,
        None,
        day,
        precision if day else None,
        "fact",
        sentence,
        0,
        len(sentence),
        confidence=0.7,
    )


def _article(
    doc_id: str,
    outlet: str,
    pub_date: str,
    *found: Event,
    duplicate_of: str | None = None,
    story: str | None = None,
) -> Article:
    return Article(
        id=doc_id,
        origin="-",
        hash=f"h-{doc_id}",
        outlet=outlet,
        pub_date=pub_date,
        text=" ".join(e.sentence for e in found),
        url=f"https://{outlet}/{doc_id}",
        events=list(found),
        duplicate_of=duplicate_of,
        story=story,
    )


def test_reports_across_outlets_are_one_event() -> None:
    index = EventIndex()
    first = _article("a", "detik.com", "2024-02-20", _event())
    copy = _article("b", "jpnn.com", "2024-02-20", _event(), duplicate_of="a")
    other = _article("c", "kompas.com", "2024-02-21", _event(day="2024-02-21"))
    ids = [index.add(a)[0] for a in (first, copy, other)]
    assert len(set(ids)) == 1 and first.events[0].canonical == ids[0]
    cluster = index.get(ids[0])
    assert cluster is not None
    assert (cluster.reports, cluster.outlets) == (2, 2)  # the wire copy counts once
    assert (cluster.first_seen, cluster.last_seen) == ("2024-02-20", "2024-02-21")
    assert (cluster.first_day, cluster.last_day) == ("2024-02-20", "2024-02-21")
    assert cluster.articles == ("a", "b", "c")


def test_a_copy_seen_before_its_original_still_counts_once() -> None:
    index = EventIndex()
    index.add(_article("b", "jpnn.com", "2024-02-20", _event(), duplicate_of="a"))
    (cluster_id,) = index.add(_article("a", "detik.com", "2024-02-20", _event()))
    cluster = index.get(cluster_id)
    assert cluster is not None and (cluster.reports, cluster.outlets) == (1, 1)


def test_an_event_is_followed_over_its_whole_life() -> None:
    index = EventIndex()
    days = ["2024-02-20", "2024-02-21", "2024-02-22", "2024-02-23"]
    ids = {index.add(_article(f"d{i}", f"o{i % 2}", day, _event(day=day)))[0] for i, day in enumerate(days)}
    assert len(ids) == 1  # each report is within a day of the last, so the chain holds
    cluster = index.get(ids.pop())
    assert cluster is not None and (cluster.reports, cluster.outlets, cluster.last_day) == (
        4,
        2,
        "2024-02-23",
    )


def test_different_events_stay_apart() -> None:
    index = EventIndex()
    base = index.add(_article("a", "x", "2024-02-20", _event()))[0]
    later = index.add(_article("b", "x", "2024-03-20", _event(day="2024-03-20")))[0]
    other_kind = index.add(_article("c", "x", "2024-02-20", _event(category="SUPPORT")))[0]
    reversed_sides = index.add(_article("d", "x", "2024-02-20", _event(source=KIM, target=PUTIN)))[0]
    other_story = index.add(_article("e", "x", "2024-02-20", _event(), story="s2"))[0]
    assert len({base, later, other_kind, reversed_sides}) == 4
    assert other_story == base  # the first report had no story yet: dates and sides decide
    assert index.add(_article("f", "x", "2024-02-20", _event(), story="s3"))[0] != base
    assert len(index) == 5


def test_a_month_covers_its_days_and_readding_is_idempotent() -> None:
    index = EventIndex()
    month = index.add(_article("a", "x", "2023-12-01", _event(day="2023-11-01", precision="month")))[0]
    assert index.add(_article("b", "y", "2023-12-02", _event(day="2023-11-17")))[0] == month
    again = _article("b", "y", "2023-12-02", _event(day="2023-11-17"))
    assert index.add(again) == [month]
    cluster = index.get(month)
    assert cluster is not None and cluster.reports == 2


def test_lookups_use_the_index() -> None:
    conn = sqlite3.connect(":memory:")
    EventIndex(conn)
    plan = " ".join(
        str(r)
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, story FROM event_clusters WHERE lookup = ? AND day_last >= ?"
            " AND day_first <= ?",
            ("k", 1, 2),
        )
    )
    assert "event_clusters_lookup" in plan
    assert "CREATE TABLE IF NOT EXISTS event_clusters" in schema_sql()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "kabar.db")
    index = EventIndex(store.conn)
    with store.transaction():
        for article in (
            _article("a", "detik.com", "2024-02-20", _event(), _event("ACCUSE", "2023-11-10", BLINKEN, KIM)),
            _article("b", "kompas.com", "2024-02-21", _event(day="2024-02-21")),
        ):
            index.add(article)
            store.put_article(article)
    return store


def test_query_filters_and_order(store: Store) -> None:
    rows = list(query_events(store.conn))
    assert [r["category"] for r in rows] == ["ACCUSE", "AID", "AID"]
    assert rows[1]["event_id"] == rows[2]["event_id"] and rows[1]["reports"] == 2
    assert [r["article_id"] for r in query_events(store.conn, category="accuse")] == ["a"]
    assert len(list(query_events(store.conn, actor="kim"))) == 3
    assert len(list(query_events(store.conn, actor="Blinken"))) == 1
    assert len(list(query_events(store.conn, actor="USA GOV"))) == 1
    assert len(list(query_events(store.conn, since="2024-01-01", until="2024-02-20"))) == 1


def test_export_plover(store: Store) -> None:
    out = io.StringIO()
    assert export_plover(query_events(store.conn, category="AID"), out) == 2
    record = json.loads(out.getvalue().splitlines()[0])
    assert record["event_type"] == "AID" and record["event_date"] == "2024-02-20"
    assert record["actor"] == {
        "name": "Vladimir Putin",
        "code": "RUS GOV",
        "country": "RUS",
        "sector": "GOV",
        "wikidata": "Q7747",
    }
    assert record["recipient"]["wikidata"] == "Q56226"
    assert record["evidence"] == "Vladimir Putin aid Kim Jong Un."
    assert record["article"]["url"] == "https://detik.com/a" and record["article"]["outlet"] == "detik.com"
    assert record["event_status"] == "fact" and record["reports"] == 2


def test_export_csv_and_jsonl(store: Store) -> None:
    out = io.StringIO()
    assert export_csv(query_events(store.conn), out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["category"] == "ACCUSE" and rows[0]["source_name"] == "Antony Blinken"
    out = io.StringIO()
    assert export_jsonl(query_events(store.conn), out) == 3
    assert json.loads(out.getvalue().splitlines()[2])["outlet"] == "kompas.com"


def test_query_works_without_the_index(tmp_path: Path) -> None:
    store = Store(tmp_path / "plain.db")
    with store.transaction():
        store.put_article(_article("a", "detik.com", "2024-02-20", _event()))
    (row,) = query_events(store.conn)
    assert row["event_id"] == "a#0" and row["source_qid"] is None
