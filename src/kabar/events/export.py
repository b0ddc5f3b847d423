"""Events out of the store: a streaming query, PLOVER-style JSON lines, and CSV.

:func:`query_events` streams rows from the store's ``events`` table joined with their article (and,
when the cross-article index ran, with its ``event_clusters`` row for Wikidata ids and report
counts); :func:`export_plover` and :func:`export_csv` write any iterable of those rows. Behind
``kabar events --format plover|csv|jsonl``.

Example::

    >>> with Store("kabar.db", readonly=True) as store:
    ...     export_plover(query_events(store.conn, category="ACCUSE", since="2024-01-01"), sys.stdout)
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

Row = dict[str, Any]

COLUMNS = (
    "event_id",
    "article_id",
    "idx",
    "date",
    "date_precision",
    "category",
    "mode",
    "status",
    "source_name",
    "source_code",
    "source_kb_id",
    "source_qid",
    "target_name",
    "target_code",
    "target_kb_id",
    "target_qid",
    "sentence",
    "confidence",
    "url",
    "outlet",
    "pub_date",
    "title",
    "reports",
    "outlets",
)
"""The columns of a row from :func:`query_events`, in CSV order."""

_BASE = """
SELECT e.article_id, e.idx, e.category, e.mode, e.status, e.source_name, e.source_code, e.source_kb_id,
       e.target_name, e.target_code, e.target_kb_id, e.date, e.date_precision, e.sentence, e.confidence,
       e.canonical, a.url, a.outlet, a.pub_date, a.title{cluster_columns}
FROM events e JOIN articles a ON a.id = e.article_id{cluster_join}
"""
_CLUSTER_COLUMNS = ", c.source_qid, c.target_qid, c.reports, c.outlets"
_CLUSTER_JOIN = " LEFT JOIN event_clusters c ON c.id = e.canonical"
FETCH = 500


def _has_clusters(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_clusters'")
    return found.fetchone() is not None


def _where(
    category: str | None, actor: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if category:
        clauses.append("e.category = ?")
        params.append(category.upper())
    if actor:
        needle = f"%{actor.lower()}%"
        clauses.append(
            "(lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ? OR e.source_kb_id = ?"
            " OR e.target_kb_id = ? OR e.source_code = ? OR e.target_code = ?)"
        )
        params += [needle, needle, actor, actor, actor.upper(), actor.upper()]
    day = "coalesce(e.date, substr(a.pub_date, 1, 10))"
    if since:
        clauses.append(f"{day} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{day} <= ?")
        params.append(until)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def query_events(
    conn: sqlite3.Connection,
    category: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Iterator[Row]:
    """Stream the stored events, oldest first, as dicts with the keys of :data:`COLUMNS`.

    Args:
        conn: a store connection.
        category: a PLOVER root category (any case).
        actor: a name fragment (either side, case-insensitive), a knowledge-base id or a code.
        since, until: ISO days, inclusive, on the event's date (else its article's publication day).
    """
    clusters = _has_clusters(conn)
    sql = _BASE.format(
        cluster_columns=_CLUSTER_COLUMNS if clusters else "", cluster_join=_CLUSTER_JOIN if clusters else ""
    )
    where, params = _where(category, actor, since, until)
    order = " ORDER BY coalesce(e.date, substr(a.pub_date, 1, 10)), e.article_id, e.idx"
    cursor = conn.execute(sql + where + order, params)
    names = [d[0] for d in cursor.description]
    while True:
        batch = cursor.fetchmany(FETCH)
        if not batch:
            return
        for values in batch:
            yield _row(dict(zip(names, values, strict=True)))


def _row(raw: Row) -> Row:
    event_id = raw.get("canonical") or f"{raw['article_id']}#{raw['idx']}"
    row = {name: raw.get(name) for name in COLUMNS}
    row["event_id"] = event_id
    return row


def _actor(row: Row, side: str) -> dict[str, Any] | None:
    name = row.get(f"{side}_name")
    if not name:
        return None
    code = row.get(f"{side}_code") or ""
    parts = code.split(" ")
    return {
        "name": name,
        "code": code or None,
        "country": parts[0] or None,
        "sector": parts[1] if len(parts) > 1 else None,
        "wikidata": row.get(f"{side}_qid"),
    }


def plover_record(row: Row) -> dict[str, Any]:
    """One event in the PLOVER JSON layout: type, mode, actor, recipient, date, evidence, source."""
    return {
        "event_id": row["event_id"],
        "event_date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "event_type": row.get("category"),
        "event_mode": row.get("mode"),
        "event_status": row.get("status"),
        "actor": _actor(row, "source"),
        "recipient": _actor(row, "target"),
        "evidence": row.get("sentence"),
        "confidence": row.get("confidence"),
        "article": {
            "id": row.get("article_id"),
            "url": row.get("url"),
            "outlet": row.get("outlet"),
            "pub_date": row.get("pub_date"),
            "title": row.get("title"),
        },
        "reports": row.get("reports"),
        "outlets": row.get("outlets"),
    }


def export_plover(rows: Iterable[Row], out: TextIO) -> int:
    """Write ``rows`` as PLOVER-style JSON lines; returns how many were written."""
    count = 0
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def export_jsonl(rows: Iterable[Row], out: TextIO) -> int:
    """Write ``rows`` as flat JSON lines (the keys of :data:`COLUMNS`); returns how many."""
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_csv(rows: Iterable[Row], out: TextIO) -> int:
    """Write ``rows`` as CSV with a header (the columns of :data:`COLUMNS`); returns how many."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
