"""Timelines: how a story or a thread unfolded, and who reported each part of it when.

A :class:`Timeline` lists, in time order, the articles of a story or thread, the events they
report (``Article.events``, merged across articles by their canonical id or by who did what to
whom on which day), and for the whole, each story and each event the outlets that reported it
with the date each outlet first did. Everything is plain frozen dataclasses; :meth:`Timeline.as_dict`
gives the JSON-ready form.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from kabar.dedup.dates import iso_day
from kabar.stories import store


@dataclass(frozen=True, slots=True)
class OutletReport:
    """One outlet's coverage: when it first reported, in which article, how many articles in all."""

    outlet: str
    first_reported: str | None
    first_article: str
    articles: int


@dataclass(frozen=True, slots=True)
class TimelineArticle:
    """One article in a timeline."""

    id: str
    pub_date: str | None
    outlet: str | None
    title: str | None
    story: str
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One event as the articles report it, with the outlets that reported it."""

    key: str
    date: str | None
    category: str
    source: str | None
    target: str | None
    sentence: str
    articles: tuple[str, ...]
    outlets: tuple[OutletReport, ...]


@dataclass(frozen=True, slots=True)
class TimelineStory:
    """One story of a thread's timeline."""

    id: str
    title: str
    first_date: str | None
    last_date: str | None
    size: int
    outlets: tuple[OutletReport, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The ordered account of a story or a thread."""

    id: str
    kind: Literal["story", "thread"]
    label: str
    first_date: str | None
    last_date: str | None
    outlets: tuple[OutletReport, ...]
    stories: tuple[TimelineStory, ...]
    events: tuple[TimelineEvent, ...]
    articles: tuple[TimelineArticle, ...]

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def build_timeline(conn: sqlite3.Connection, timeline_id: str) -> Timeline | None:
    """The timeline of the story or thread ``timeline_id`` from the ``story_*`` tables."""
    story = store.story_row(conn, timeline_id)
    if story is not None:
        rows = store.article_rows(conn, [timeline_id])
        parts = [_story_part(story, rows)]
        return _timeline(timeline_id, "story", story["title"] or "", parts, rows)
    thread = store.thread_row(conn, timeline_id)
    if thread is None:
        return None
    stories = store.thread_story_rows(conn, timeline_id)
    rows = store.article_rows(conn, [s["id"] for s in stories])
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_story.setdefault(row["story"], []).append(row)
    parts = sorted((_story_part(s, by_story.get(s["id"], [])) for s in stories), key=_part_order)
    return _timeline(timeline_id, "thread", thread["label"] or "", parts, rows)


def _timeline(
    timeline_id: str, kind: Literal["story", "thread"], label: str, parts: list[TimelineStory],
    rows: list[dict[str, Any]],
) -> Timeline:  # fmt: skip
    articles = tuple(
        TimelineArticle(r["id"], r["pub_date"], r["outlet"], r["title"], r["story"], r["duplicate_of"])
        for r in rows
    )  # fmt: skip
    dated = [r["day"] for r in rows if r["day"] is not None]
    return Timeline(
        timeline_id, kind, label, iso_day(min(dated)) if dated else None,
        iso_day(max(dated)) if dated else None, outlet_reports(rows), tuple(parts), events(rows), articles,
    )  # fmt: skip


def _story_part(story: dict[str, Any], rows: list[dict[str, Any]]) -> TimelineStory:
    return TimelineStory(
        story["id"], story["title"] or "", iso_day(story["first_day"]), iso_day(story["last_day"]),
        story["size"], outlet_reports(rows),
    )  # fmt: skip


def _part_order(part: TimelineStory) -> tuple[bool, str]:
    return (part.first_date is None, part.first_date or "")


def outlet_reports(rows: Iterable[dict[str, Any]]) -> tuple[OutletReport, ...]:
    """Per outlet, its first article and date and its article count; earliest outlet first.

    ``rows`` must be in publication order (as :func:`kabar.stories.store.article_rows` gives them).
    """
    first: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for row in rows:
        outlet = row["outlet"] or "?"
        first.setdefault(outlet, row)
        counts[outlet] = counts.get(outlet, 0) + 1
    return tuple(OutletReport(o, r["pub_date"], r["id"], counts[o]) for o, r in first.items())


def events(rows: list[dict[str, Any]]) -> tuple[TimelineEvent, ...]:
    """The events of the articles, merged across articles, in event-date then report order."""
    merged: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for row in rows:
        for event in json.loads(row["events"]) if row["events"] else []:
            merged.setdefault(event_key(event), []).append((event, row))
    found = [_event(key, reports) for key, reports in merged.items()]
    order = {key: i for i, key in enumerate(merged)}
    return tuple(sorted(found, key=lambda e: (e.date is None, e.date or "", order[e.key])))


def event_key(event: dict[str, Any]) -> str:
    """The event's canonical id, or its category, source, target and date."""
    if event.get("canonical"):
        return str(event["canonical"])
    parts = [event.get("category"), _name(event.get("source")), _name(event.get("target")), event.get("date")]
    return "|".join((p or "").casefold() for p in parts)


def _event(key: str, reports: list[tuple[dict[str, Any], dict[str, Any]]]) -> TimelineEvent:
    event, first_row = reports[0]
    date = event.get("date") or first_row["pub_date"]
    rows = list({row["id"]: row for _, row in reports}.values())
    return TimelineEvent(
        key, date[:10] if date else None, event.get("category") or "", _name(event.get("source")),
        _name(event.get("target")), event.get("sentence") or "", tuple(r["id"] for r in rows),
        outlet_reports(rows),
    )  # fmt: skip


def _name(ref: Any) -> str | None:
    return ref.get("name") if isinstance(ref, dict) else None
