"""Every SQL statement the server runs: read-only, always with bound parameters.

A list is a :class:`Select` (SQL, named parameters, a row shaper); the caller either takes
one page of it (``LIMIT``/``OFFSET``) or streams all of it from a cursor for an export. Filters are
built from fixed SQL fragments; user input only ever travels as a bound parameter.

Full-text ranking: FTS5's bm25 costs a few microseconds per matching article, so a common word at
100k articles would cost hundreds of milliseconds per page. Pages therefore rank exactly when the
query matches at most :data:`RANK_WINDOW` articles, and otherwise rank the :data:`RANK_WINDOW` most
recently stored matches (``"order": "relevance_recent"``); with filters on such a broad query they
list the most recently stored matches first (``"order": "added"``). Exports always rank everything.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kabar.dedup.dates import day_number, iso_day
from kabar.store.query import to_fts

Row = dict[str, Any]
Shaper = Callable[[sqlite3.Row], Row]

RANK_WINDOW = 1000
FACET_SAMPLE = 250
COACTOR_SAMPLE = 2000
TITLE_WEIGHT = 5.0
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class Select:
    """A query whose rows can be paged or streamed."""

    sql: str
    params: dict[str, Any]
    shape: Shaper | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def page(self, conn: sqlite3.Connection, limit: int | None, offset: int = 0) -> list[Row]:
        return [self.row(r) for r in conn.execute(*self.paged(limit, offset))]

    def paged(self, limit: int | None, offset: int = 0) -> tuple[str, dict[str, Any]]:
        """The SQL and parameters for one page (all rows from ``offset`` when ``limit`` is None)."""
        if limit is None and not offset:
            return self.sql, self.params
        paging = {"_limit": -1 if limit is None else limit, "_offset": offset}
        return f"{self.sql} LIMIT :_limit OFFSET :_offset", self.params | paging

    def stream(self, conn: sqlite3.Connection, batch: int = 500) -> Iterator[list[Row]]:
        cursor = conn.execute(self.sql, self.params)
        while rows := cursor.fetchmany(batch):
            yield [self.row(r) for r in rows]

    def count(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute(f"SELECT count(*) FROM ({self.sql})", self.params).fetchone()[0])

    def row(self, row: sqlite3.Row) -> Row:
        return self.shape(row) if self.shape else dict(row)


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (``%``, ``_`` and ``\\`` taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def until_bound(until: str) -> str:
    """The exclusive upper bound of a ``YYYY[-MM[-DD]]`` day, month or year for ISO date strings."""
    return until + "~"


# -- actors: one key per actor -----------------------------------------------------------------------
# An actor's key is its knowledge-base id when linked, else its name.


def actor_match(prefix: str, kb: str, name: str) -> str:
    """SQL matching the named parameter ``:actor`` against one actor column pair."""
    return f"({prefix}{kb} = :actor OR ({prefix}{kb} IS NULL AND {prefix}{name} = :actor))"


# -- articles ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    q: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    language: str | None = None
    actor: str | None = None
    category: str | None = None
    story: str | None = None
    thread: str | None = None

    def filtered(self) -> bool:
        """Whether any filter besides the full-text query is set."""
        return any(
            (
                self.outlet,
                self.since,
                self.until,
                self.language,
                self.actor,
                self.category,
                self.story,
                self.thread,
            )
        )


ARTICLE_COLUMNS = "a.id, a.title, a.outlet, a.pub_date, a.language, a.story, a.thread, a.url"


def article_conditions(f: ArticleFilters) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    simple = (
        ("outlet", "a.outlet = :outlet"),
        ("language", "a.language = :language"),
        ("story", "a.story = :story"),
        ("thread", "a.thread = :thread"),
        ("since", "a.pub_date >= :since"),
    )
    for name, sql in simple:
        if getattr(f, name):
            clauses.append(sql)
            params[name] = getattr(f, name)
    if f.until:
        clauses.append("a.pub_date < :until")
        params["until"] = until_bound(f.until)
    if f.actor:
        clauses.append(
            "a.id IN (SELECT m.article_id FROM actor_mentions m WHERE "
            + actor_match("m.", "kb_id", "name")
            + ")"
        )
        params["actor"] = f.actor
    if f.category:
        clauses.append("a.id IN (SELECT e.article_id FROM events e WHERE e.category = :category)")
        params["category"] = f.category
    return clauses, params


def _browse_row(row: sqlite3.Row) -> Row:
    return dict(row) | {"highlights": []}


def _search_row(row: sqlite3.Row) -> Row:
    data = dict(row)
    data["snippet"], data["highlights"] = split_marks(data.get("snippet") or "")
    return data


def split_marks(snippet: str) -> tuple[str, list[list[int]]]:
    """Plain snippet text and the ``[start, end]`` spans FTS5 marked in it."""
    text: list[str] = []
    spans: list[list[int]] = []
    position = 0
    for i, part in enumerate(snippet.replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN)):
        if i % 2:
            spans.append([position, position + len(part)])
        text.append(part)
        position += len(part)
    return "".join(text), spans


def search_select(
    conn: sqlite3.Connection, f: ArticleFilters, sort: str | None, *, exact: bool = False
) -> Select:
    """Articles matching the filters (and the full-text query ``f.q``), in the order asked for.

    ``exact`` ranks every match (exports); otherwise a broad query is ranked within a window.
    """
    clauses, params = article_conditions(f)
    if not f.q:
        order = (
            "a.pub_date ASC NULLS LAST, a.rowid ASC" if sort == "oldest" else "a.pub_date DESC, a.rowid DESC"
        )
        if sort == "added":
            order = "a.rowid DESC"
        sql = (
            f"SELECT {ARTICLE_COLUMNS}, substr(a.text, 1, 240) AS snippet FROM articles a"
            f"{_where(clauses)} ORDER BY {order}"
        )
        return Select(sql, params, _browse_row, {"order": sort if sort in ("oldest", "added") else "newest"})
    params["match"] = to_fts(f.q)
    used, fts_order, window = _fts_order(conn, f, sort or "relevance", params["match"], exact)
    clauses = ["articles_fts MATCH :match", *clauses]
    if window is not None:
        clauses.insert(1, "articles_fts.rowid >= :window")
        params["window"] = window
    if used in ("relevance", "relevance_recent"):
        clauses.insert(1, f"rank MATCH 'bm25({TITLE_WEIGHT}, 1.0)'")
    sql = (
        f"SELECT {ARTICLE_COLUMNS}, snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        f"{_where(clauses)} ORDER BY {fts_order}"
    )
    meta = {"order": used} | ({"ranked_within": RANK_WINDOW} if used == "relevance_recent" else {})
    return Select(sql, params, _search_row, meta)


_FTS_ORDERS = {
    "relevance": "rank",
    "added": "articles_fts.rowid DESC",
    "newest": "a.pub_date DESC, a.rowid DESC",
    "oldest": "a.pub_date ASC NULLS LAST, a.rowid ASC",
}


def _fts_order(
    conn: sqlite3.Connection, f: ArticleFilters, sort: str, match: str, exact: bool
) -> tuple[str, str, int | None]:
    """The order used (its name and SQL) and, for a ranked window, the lowest rowid in it."""
    if sort != "relevance" or exact:
        return sort, _FTS_ORDERS[sort], None
    # the window's lowest rowid; none when the query matches fewer articles than the window holds
    row = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (match, RANK_WINDOW),
    ).fetchone()
    if row is None:
        return "relevance", "rank", None
    if f.filtered():
        return "added", _FTS_ORDERS["added"], None
    return "relevance_recent", "rank", int(row[0]) + 1


def facets(conn: sqlite3.Connection, f: ArticleFilters) -> dict[str, Any]:
    """Counts by outlet, month, actor and event category over the newest matches (a sample)."""
    rows = _facet_sample(conn, f)
    ids = json.dumps([r[0] for r in rows])
    outlets = Counter(r[1] for r in rows if r[1])
    months = Counter(r[2][:7] for r in rows if r[2])
    return {
        "sample": len(rows),
        "sampled": len(rows) >= FACET_SAMPLE,
        "outlet": [{"value": k, "count": n} for k, n in outlets.most_common(12)],
        "month": [{"value": k, "count": n} for k, n in sorted(months.items(), reverse=True)[:24]],
        "actor": _actor_facet(conn, ids),
        "category": _category_facet(conn, ids),
    }


def _facet_sample(conn: sqlite3.Connection, f: ArticleFilters) -> list[sqlite3.Row]:
    clauses, params = article_conditions(f)
    if f.q:
        params["match"] = to_fts(f.q)
        sql = (
            "SELECT a.id, a.outlet, a.pub_date FROM articles_fts"
            " JOIN articles a ON a.rowid = articles_fts.rowid"
            f"{_where(['articles_fts MATCH :match', *clauses])}"
            " ORDER BY articles_fts.rowid DESC LIMIT :n"
        )
    else:
        sql = (
            f"SELECT a.id, a.outlet, a.pub_date FROM articles a{_where(clauses)}"
            " ORDER BY a.pub_date DESC LIMIT :n"
        )
    return conn.execute(sql, params | {"n": FACET_SAMPLE}).fetchall()


def _actor_facet(conn: sqlite3.Connection, ids: str) -> list[Row]:
    sql = (
        "SELECT coalesce(kb_id, name) AS value, min(name) AS label, count(DISTINCT article_id) AS count"
        " FROM actor_mentions WHERE article_id IN (SELECT value FROM json_each(?))"
        " GROUP BY value ORDER BY count DESC, value LIMIT 12"
    )
    return [dict(r) for r in conn.execute(sql, (ids,))]


def _category_facet(conn: sqlite3.Connection, ids: str) -> list[Row]:
    sql = (
        "SELECT category AS value, count(DISTINCT article_id) AS count FROM events"
        " WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY category ORDER BY count DESC, value"
    )
    return [dict(r) for r in conn.execute(sql, (ids,))]


def article_record(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The stored article (``Article`` as JSON: text, metadata, entities, actors, quotes, events)."""
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return json.loads(row[0]) if row else None


def story_size(conn: sqlite3.Connection, story: str) -> int:
    return int(conn.execute("SELECT count(*) FROM articles WHERE story = ?", (story,)).fetchone()[0])


def outlet_names(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
    ]


# -- quotes --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    speaker: str | None = None
    q: str | None = None
    article: str | None = None
    story: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    canonical: str | None = None


QUOTE_COLUMNS = (
    "q.article_id, q.idx, q.text, q.kind, q.speaker_name, q.speaker_code, q.speaker_kb_id,"
    ' q.cue, q.via, q.date, q.start, q."end", q.canonical, a.title AS article_title, a.outlet,'
    " a.pub_date"
)


def quotes_select(f: QuoteFilters) -> Select:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if f.speaker:
        clauses.append(actor_match("q.", "speaker_kb_id", "speaker_name"))
        params["actor"] = f.speaker
    if f.q:
        clauses.append("q.text LIKE :q ESCAPE '\\'")
        params["q"] = like_pattern(f.q)
    _add_common(clauses, params, f, "q", "coalesce(q.date, substr(a.pub_date, 1, 10))")
    for name in ("kind", "canonical"):
        if getattr(f, name):
            clauses.append(f"q.{name} = :{name}")
            params[name] = getattr(f, name)
    narrow = f.article or f.story or f.canonical  # few rows: sorting them by date is cheap
    order = "a.pub_date DESC, q.rowid DESC" if narrow else "q.rowid DESC"
    sql = (
        f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id"
        f"{_where(clauses)} ORDER BY {order}"
    )
    return Select(sql, params, None, {"order": "newest" if narrow else "added"})


def canonical_quotes_select(q: str | None, speaker: str | None) -> Select:
    """Canonical quotes (the quotes index's ``quote_canonical`` table), most repeated first."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if q:
        clauses.append("c.text LIKE :q ESCAPE '\\'")
        params["q"] = like_pattern(q)
    if speaker:
        clauses.append(actor_match("c.", "speaker_kb_id", "speaker_name"))
        params["actor"] = speaker
    sql = (
        "SELECT c.id, c.text, c.kind, c.speaker_name, c.speaker_code, c.speaker_kb_id, c.first_article,"
        f" c.first_seen, c.occurrences FROM quote_canonical c{_where(clauses)}"
        " ORDER BY c.occurrences DESC, c.first_seen IS NULL, c.first_seen, c.id"
    )
    return Select(sql, params, None, {"order": "most repeated first"})


def canonical_quote(conn: sqlite3.Connection, quote_id: str) -> Row | None:
    """One canonical quote and every article that carries it, earliest first (who repeated whom)."""
    sql = canonical_quotes_select(None, None).sql.replace(" ORDER BY", " WHERE c.id = :id ORDER BY")
    row = conn.execute(sql, {"id": quote_id}).fetchone()
    if row is None:
        return None
    occurrences = conn.execute(
        'SELECT o.article_id, o.idx, o.outlet, o.date, o.speaker_name, o.text, o.start, o."end",'
        " a.title AS article_title, a.pub_date FROM quote_occurrences o"
        " LEFT JOIN articles a ON a.id = o.article_id"
        " WHERE o.canonical = ? ORDER BY o.date IS NULL, o.date, o.seq",
        (quote_id,),
    )
    return dict(row) | {"reports": [dict(r) for r in occurrences]}


def _add_common(clauses: list[str], params: dict[str, Any], f: Any, alias: str, day: str) -> None:
    """Article, story, outlet and date filters shared by quotes and events."""
    if f.article:
        clauses.append(f"{alias}.article_id = :article")
        params["article"] = f.article
    if f.story:
        clauses.append(f"{alias}.article_id IN (SELECT id FROM articles WHERE story = :story)")
        params["story"] = f.story
    if f.outlet:
        clauses.append("a.outlet = :outlet")
        params["outlet"] = f.outlet
    if f.since:
        clauses.append(f"{day} >= :since")
        params["since"] = f.since
    if f.until:
        clauses.append(f"{day} < :until")
        params["until"] = until_bound(f.until)


# -- events --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventFilters:
    category: str | None = None
    status: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: str | None = None
    article: str | None = None
    story: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    canonical: str | None = None


EVENT_COLUMNS = (
    "e.article_id, e.idx, e.category, e.mode, e.status, e.source_name, e.source_code,"
    " e.source_kb_id, e.target_name, e.target_code, e.target_kb_id, e.date, e.date_precision,"
    ' e.sentence, e.start, e."end", e.confidence, e.canonical, a.title AS article_title,'
    " a.outlet, a.pub_date, a.url, a.language"
)
SOURCE_MATCH = actor_match("e.", "source_kb_id", "source_name")
TARGET_MATCH = actor_match("e.", "target_kb_id", "target_name")


CLUSTER_COLUMNS = ", c.source_qid, c.target_qid, c.reports, c.outlets"


def events_select(f: EventFilters, clusters: bool = False) -> Select:
    """Events with their article; with ``clusters`` (the cross-article index's table) their
    Wikidata ids and report counts too."""
    clauses, params = _event_conditions(f)
    extra, join = (
        (CLUSTER_COLUMNS, " LEFT JOIN event_clusters c ON c.id = e.canonical") if clusters else ("", "")
    )
    sql = (
        f"SELECT {EVENT_COLUMNS}{extra} FROM events e JOIN articles a ON a.id = e.article_id{join}"
        f"{_where(clauses)}"
        " ORDER BY e.date DESC, e.rowid DESC"
    )
    return Select(sql, params, None, {"order": "event date, newest first"})


def _event_conditions(f: EventFilters) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for name in ("category", "status", "canonical"):
        if getattr(f, name):
            clauses.append(f"e.{name} = :{name}")
            params[name] = getattr(f, name)
    sides = (
        (f.actor, f"({SOURCE_MATCH} OR {TARGET_MATCH})", "actor"),
        (f.source, SOURCE_MATCH.replace(":actor", ":source"), "source"),
        (f.target, TARGET_MATCH.replace(":actor", ":target"), "target"),
    )
    for value, sql, name in sides:
        if value:
            clauses.append(sql)
            params[name] = value
    if f.dyad:
        left, right = f.dyad.upper().split("-")
        clauses.append(
            "substr(e.source_code, 1, 3) = :dyad_source AND substr(e.target_code, 1, 3) = :dyad_target"
        )
        params |= {"dyad_source": left, "dyad_target": right}
    _add_common(clauses, params, f, "e", "e.date")
    return clauses, params


# -- actors --------------------------------------------------------------------------------------------


def actors_select(q: str | None, code: str | None) -> Select:
    """Actors named in articles, most widely reported first."""
    clauses, params = [], {}
    if q:
        clauses.append(
            "(m.name LIKE :q ESCAPE '\\' OR m.kb_id LIKE :q ESCAPE '\\' OR m.text LIKE :q ESCAPE '\\')"
        )
        params["q"] = like_pattern(q)
    if code:
        clauses.append("(m.code = :code OR m.code LIKE :code_prefix)")
        params |= {"code": code, "code_prefix": code + " %"}
    sql = (
        "SELECT coalesce(m.kb_id, m.name) AS key, m.kb_id, m.name, m.code, count(*) AS mentions,"
        f" count(DISTINCT m.article_id) AS articles FROM actor_mentions m{_where(clauses)}"
        " GROUP BY key ORDER BY articles DESC, key"
    )
    return Select(sql, params)


def resolve_actor(conn: sqlite3.Connection, key: str) -> str:
    """The actor key for ``key``: itself, or the knowledge-base id of a linked actor named ``key``."""
    found = conn.execute("SELECT 1 FROM actor_mentions WHERE kb_id = ? LIMIT 1", (key,)).fetchone()
    if found is None:
        linked = conn.execute(
            "SELECT kb_id FROM actor_mentions WHERE name = ? AND kb_id IS NOT NULL LIMIT 1", (key,)
        ).fetchone()
        if (
            linked is not None
            and conn.execute(
                "SELECT 1 FROM actor_mentions WHERE name = ? AND kb_id IS NULL LIMIT 1", (key,)
            ).fetchone()
            is None
        ):
            return str(linked[0])
    return key


def actor_names(conn: sqlite3.Connection, key: str) -> list[Row]:
    """The names and codes an actor goes by in the store, with mention and article counts."""
    sql = (
        "SELECT m.name, m.code, m.kb_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles"
        f" FROM actor_mentions m WHERE {actor_match('m.', 'kb_id', 'name')} GROUP BY m.name, m.code"
        " ORDER BY mentions DESC"
    )
    names = [dict(r) for r in conn.execute(sql, {"actor": key})]
    return names or _names_from_roles(conn, key)


def _names_from_roles(conn: sqlite3.Connection, key: str) -> list[Row]:
    """For an actor never mentioned by name: the names quotes and events give it."""
    sql = (
        f"SELECT speaker_name AS name, speaker_code AS code, speaker_kb_id AS kb_id FROM quotes q"
        f" WHERE {actor_match('q.', 'speaker_kb_id', 'speaker_name')}"
        f" UNION SELECT source_name, source_code, source_kb_id FROM events e WHERE {SOURCE_MATCH}"
        f" UNION SELECT target_name, target_code, target_kb_id FROM events e WHERE {TARGET_MATCH}"
    )
    return [dict(r) | {"mentions": 0, "articles": 0} for r in conn.execute(sql, {"actor": key})]


def actor_aliases(conn: sqlite3.Connection, key: str) -> list[Row]:
    """How the articles write the actor (mention texts), most frequent first."""
    sql = (
        "SELECT m.text AS alias, count(*) AS mentions FROM actor_mentions m"
        f" WHERE {actor_match('m.', 'kb_id', 'name')} GROUP BY m.text ORDER BY mentions DESC LIMIT 30"
    )
    return [dict(r) for r in conn.execute(sql, {"actor": key})]


def actor_activity(conn: sqlite3.Connection, key: str) -> dict[str, Any]:
    """The actor's events in one pass: per month both ways, country dyads per month, the actors on the
    other side (``partners``), and the totals as source and as target."""
    sql = (
        "SELECT substr(coalesce(e.date, (SELECT pub_date FROM articles WHERE id = e.article_id)), 1, 7)"
        " AS month,"
        f" {SOURCE_MATCH} AS is_source, {TARGET_MATCH} AS is_target, e.source_code, e.target_code,"
        " coalesce(e.source_kb_id, e.source_name) AS source_key, e.source_name,"
        " coalesce(e.target_kb_id, e.target_name) AS target_key, e.target_name, count(*) AS events"
        f" FROM events e WHERE ({SOURCE_MATCH} OR {TARGET_MATCH})"
        " GROUP BY month, is_source, is_target, e.source_code, e.target_code, source_key, target_key"
    )
    rows = [dict(r) for r in conn.execute(sql, {"actor": key})]
    return {
        "months": _months(rows), "dyad_months": _dyad_months(rows), "partners": _partners(rows),
        "as_source": sum(r["events"] for r in rows if r["is_source"]),
        "as_target": sum(r["events"] for r in rows if r["is_target"]),
    }  # fmt: skip


def _months(rows: list[Row]) -> list[Row]:
    months: dict[str, Row] = {}
    for r in rows:
        if r["month"]:
            entry = months.setdefault(r["month"], {"month": r["month"], "as_source": 0, "as_target": 0})
            entry["as_source"] += r["events"] if r["is_source"] else 0
            entry["as_target"] += r["events"] if r["is_target"] else 0
    return [months[m] for m in sorted(months)]


def _dyad_months(rows: list[Row]) -> list[Row]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        if r["source_code"] and r["target_code"] and r["month"]:
            counts[(r["source_code"][:3], r["target_code"][:3], r["month"])] += r["events"]
    return [{"source": s, "target": t, "month": m, "events": n} for (s, t, m), n in sorted(counts.items())]


def _partners(rows: list[Row]) -> list[Row]:
    partners: dict[tuple[str, str], Row] = {}
    for r in rows:
        sides: list[tuple[str, str]] = [("out", "target")] if r["is_source"] else []
        sides += [("in", "source")] if r["is_target"] else []
        for direction, side in sides:
            if r[f"{side}_key"]:
                entry = partners.setdefault((r[f"{side}_key"], direction), {
                    "key": r[f"{side}_key"], "name": r[f"{side}_name"], "code": r[f"{side}_code"],
                    "direction": direction, "events": 0})  # fmt: skip
                entry["events"] += r["events"]
    return sorted(partners.values(), key=lambda p: (-p["events"], p["key"], p["direction"]))


def co_actors(conn: sqlite3.Connection, key: str, limit: int = 15) -> list[Row]:
    """Actors named in the same articles (over the actor's most recent articles), by shared articles."""
    sql = (
        "WITH mine AS (SELECT DISTINCT m.article_id FROM actor_mentions m"
        f" WHERE {actor_match('m.', 'kb_id', 'name')} ORDER BY m.rowid DESC LIMIT :sample)"
        " SELECT coalesce(o.kb_id, o.name) AS key, min(o.name) AS name, min(o.code) AS code,"
        " count(DISTINCT o.article_id) AS articles FROM actor_mentions o"
        " WHERE o.article_id IN mine AND coalesce(o.kb_id, o.name) != :actor"
        " GROUP BY key ORDER BY articles DESC, key LIMIT :limit"
    )
    return [dict(r) for r in conn.execute(sql, {"actor": key, "sample": COACTOR_SAMPLE, "limit": limit})]


# -- stories, threads, coverage ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryFilters:
    q: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    thread: str | None = None


def _story_table_row(row: sqlite3.Row) -> Row:
    data = dict(row)
    data["first_date"] = iso_day(data.pop("first_day"))
    data["last_date"] = iso_day(data.pop("last_day"))
    return data


def stories_select(f: StoryFilters, indexed: bool) -> Select:
    """Stories, latest first: from the story index's table when the store has one."""
    return _stories_from_index(f) if indexed else _stories_from_articles(f)


def _stories_from_index(f: StoryFilters) -> Select:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if f.q:
        clauses.append("s.title LIKE :q ESCAPE '\\'")
        params["q"] = like_pattern(f.q)
    if f.thread:
        clauses.append("s.thread = :thread")
        params["thread"] = f.thread
    if f.outlet:
        clauses.append("s.id IN (SELECT story FROM articles WHERE outlet = :outlet)")
        params["outlet"] = f.outlet
    if f.since:
        clauses.append("s.last_day >= :since")
        params["since"] = day_number(_full_day(f.since))
    if f.until:
        clauses.append("s.first_day < :until")
        params["until"] = day_number(_day_after(f.until))
    sql = (
        "SELECT s.id, s.title, s.language, s.thread, s.size AS articles, s.first_day, s.last_day"
        f" FROM story_stories s{_where(clauses)} ORDER BY s.last_day DESC, s.id"
    )
    return Select(sql, params, _story_table_row)


def _stories_from_articles(f: StoryFilters) -> Select:
    clauses, params = ["a.story IS NOT NULL"], {}
    having: list[str] = []
    if f.thread:
        clauses.append("a.thread = :thread")
        params["thread"] = f.thread
    if f.outlet:
        clauses.append("a.story IN (SELECT story FROM articles WHERE outlet = :outlet)")
        params["outlet"] = f.outlet
    if f.q:
        having.append("title LIKE :q ESCAPE '\\'")
        params["q"] = like_pattern(f.q)
    if f.since:
        having.append("last_date >= :since")
        params["since"] = f.since
    if f.until:
        having.append("first_date < :until")
        params["until"] = until_bound(f.until)
    sql = (
        "SELECT a.story AS id, min(a.title) AS title, min(a.language) AS language, min(a.thread) AS thread,"
        " count(*) AS articles, count(DISTINCT a.outlet) AS outlets,"
        " substr(min(a.pub_date), 1, 10) AS first_date, substr(max(a.pub_date), 1, 10) AS last_date"
        f" FROM articles a{_where(clauses)} GROUP BY a.story"
        f"{' HAVING ' + ' AND '.join(having) if having else ''} ORDER BY last_date DESC, id"
    )
    return Select(sql, params)


def _full_day(value: str) -> str:
    """The first day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def _day_after(value: str) -> str:
    """The first day after a day, month or year."""
    from datetime import date, timedelta

    if len(value) == 4:
        return f"{int(value) + 1}-01-01"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{year + month // 12}-{month % 12 + 1:02d}-01"
    return (date.fromisoformat(value) + timedelta(days=1)).isoformat()


def threads_select(indexed: bool) -> Select:
    if indexed:
        sql = (
            "SELECT t.id, t.label, t.language, t.stories, t.first_day, t.last_day FROM story_threads t"
            " ORDER BY t.last_day DESC, t.id"
        )
        return Select(sql, {}, _story_table_row)
    sql = (
        "SELECT a.thread AS id, min(a.title) AS label, min(a.language) AS language,"
        " count(DISTINCT a.story) AS stories, substr(min(a.pub_date), 1, 10) AS first_date,"
        " substr(max(a.pub_date), 1, 10) AS last_date FROM articles a WHERE a.thread IS NOT NULL"
        " GROUP BY a.thread ORDER BY last_date DESC, id"
    )
    return Select(sql, {})


def story_article_rows(conn: sqlite3.Connection, column: str, value: str) -> list[Row]:
    """The articles of a story (``column="story"``) or thread, oldest first, with their events."""
    assert column in ("story", "thread")
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT a.id, a.story, a.thread, a.pub_date, a.outlet, a.title, a.duplicate_of FROM articles a"
            f" WHERE a.{column} = ? ORDER BY a.pub_date IS NULL, a.pub_date, a.rowid",
            (value,),
        )
    ]
    events: dict[str, list[Row]] = {}
    ids = json.dumps([r["id"] for r in rows])
    for e in conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.article_id IN (SELECT value FROM json_each(?)) ORDER BY e.article_id, e.idx",
        (ids,),
    ):
        events.setdefault(e["article_id"], []).append(event_record(e))
    for row in rows:
        row["day"] = day_number(row["pub_date"])
        row["events"] = json.dumps(events[row["id"]]) if row["id"] in events else None
    return rows


def event_record(row: sqlite3.Row | Row) -> Row:
    """An events-table row as the model's ``Event`` dict (``source``/``target`` as actor refs)."""

    def ref(side: str) -> Row | None:
        name = row[f"{side}_name"]
        return {"name": name, "code": row[f"{side}_code"], "kb_id": row[f"{side}_kb_id"]} if name else None

    keys = (
        "category",
        "mode",
        "date",
        "date_precision",
        "status",
        "sentence",
        "start",
        "end",
        "confidence",
        "canonical",
    )
    return {"source": ref("source"), "target": ref("target"), **{k: row[k] for k in keys}}


def coverage_select(story: str | None = None, outlet: str | None = None) -> Select:
    """Per story and outlet: first report, first article, article count and lag behind the first outlet."""
    clauses, params = ["a.story IS NOT NULL", "a.outlet IS NOT NULL"], {}
    if story:
        clauses.append("a.story = :story")
        params["story"] = story
    inner = (
        "SELECT a.story, a.outlet, min(a.pub_date) AS first_reported, a.id AS first_article,"
        f" count(*) AS articles FROM articles a{_where(clauses)} GROUP BY a.story, a.outlet"
    )
    outer = (
        "SELECT story, outlet, first_reported, first_article, articles,"
        " round((julianday(first_reported) - julianday(min(first_reported) OVER (PARTITION BY story)))"
        f" * 24, 2) AS lag_hours FROM ({inner})"
    )
    if outlet:
        outer = f"SELECT * FROM ({outer}) WHERE outlet = :outlet"
        params["outlet"] = outlet
    return Select(f"{outer} ORDER BY story, first_reported IS NULL, first_reported, outlet", params)


def outlets_summary(conn: sqlite3.Connection) -> list[Row]:
    """Per outlet: articles, first and last publication, stories reported, stories it reported first,
    and the median lag (hours) behind the first outlet on the stories it did not report first."""
    sql = (
        "SELECT outlet, count(*) AS articles, substr(min(pub_date), 1, 10) AS first_date,"
        " substr(max(pub_date), 1, 10) AS last_date FROM articles WHERE outlet IS NOT NULL"
        " GROUP BY outlet ORDER BY articles DESC, outlet"
    )
    outlets = {
        r["outlet"]: dict(r) | {"stories": 0, "first_reports": 0, "median_lag_hours": None}
        for r in conn.execute(sql)
    }
    lags: dict[str, list[float]] = {}
    for batch in coverage_select().stream(conn, 5000):
        for row in batch:
            entry = outlets[row["outlet"]]
            entry["stories"] += 1
            if row["lag_hours"] == 0:
                entry["first_reports"] += 1
            elif row["lag_hours"] is not None:
                lags.setdefault(row["outlet"], []).append(row["lag_hours"])
    for name, values in lags.items():
        outlets[name]["median_lag_hours"] = round(statistics.median(values), 1)
    return list(outlets.values())
