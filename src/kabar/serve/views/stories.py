"""Stories and threads with their timelines, and outlet coverage (who reported a story, and when first)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kabar.dedup.dates import day_number, iso_day
from kabar.serve import charts
from kabar.serve.db import Database, budget
from kabar.serve.errors import not_found
from kabar.serve.output import conn_of, db_of, json_response, respond
from kabar.serve.params import (
    FORMAT_HELP,
    Format,
    Outlet,
    Page,
    SingleFormat,
    page,
    requested_format,
    story_filters,
)
from kabar.serve.queries import (
    Row,
    StoryFilters,
    coverage_select,
    stories_select,
    story_article_rows,
    threads_select,
)
from kabar.serve.views.common import QUERY_SECONDS, answer_list, only_json_or_page
from kabar.stories.timeline import Timeline, TimelineStory, build_timeline, events, outlet_reports

api = APIRouter(prefix="/api", tags=["stories"])
pages = APIRouter(include_in_schema=False)

TIMELINE_DOC = """The {kind}'s timeline: its articles in publication order, the events they report (merged
across articles) with the outlets that reported each, and per outlet the first report, first article,
article count and `lag_hours` behind the first outlet."""
COVERAGE_DOC = """Outlet coverage, one row per story and outlet: first report, first article, articles and
`lag_hours` behind the story's first report. Filter by `story` and `outlet`; streams in full as CSV/JSONL."""
Kind = Literal["story", "thread"]


def story_index(db: Database) -> bool:
    """Whether the store has the story index's tables with stories in them."""

    def probe() -> bool:
        return (
            db.has_table("story_stories")
            and db.conn.execute("SELECT 1 FROM story_stories LIMIT 1").fetchone() is not None
        )

    return db.cached("story_index", probe)


def timeline(db: Database, timeline_id: str, kind: Kind) -> Timeline | None:
    """From the story index when it knows the id, else from the articles' ``story``/``thread`` columns."""
    if story_index(db):
        found = build_timeline(db.conn, timeline_id)
        if found is not None and found.kind == kind:
            return found
    rows = story_article_rows(db.conn, kind, timeline_id)
    if not rows:
        return None
    by_story: dict[str, list[Row]] = {}
    for row in rows:
        by_story.setdefault(row["story"] or "?", []).append(row)
    parts = sorted(
        (_part(story, part) for story, part in by_story.items()),
        key=lambda p: (p.first_date is None, p.first_date or ""),
    )
    label = parts[0].title if kind == "story" else (rows[0]["title"] or "")
    first, last = _dates(rows)
    return Timeline(
        timeline_id,
        kind,
        label,
        first,
        last,
        outlet_reports(rows),
        tuple(parts),
        events(rows),
        tuple(_article(r) for r in rows),
    )


def _dates(rows: list[Row]) -> tuple[str | None, str | None]:
    days = [r["day"] for r in rows if r["day"] is not None]
    return (iso_day(min(days)), iso_day(max(days))) if days else (None, None)


def _part(story: str, rows: list[Row]) -> TimelineStory:
    first, last = _dates(rows)
    return TimelineStory(story, rows[0]["title"] or "", first, last, len(rows), outlet_reports(rows))


def _article(row: Row) -> Any:
    from kabar.stories.timeline import TimelineArticle

    return TimelineArticle(
        row["id"], row["pub_date"], row["outlet"], row["title"], row["story"] or "", row["duplicate_of"]
    )


def timeline_data(request: Request, timeline_id: str, kind: Kind) -> dict[str, Any]:
    db = db_of(request)
    with budget(db.conn, QUERY_SECONDS):
        found = timeline(db, timeline_id, kind)
    if found is None:
        raise not_found(kind, timeline_id)
    data = found.as_dict()
    data["outlets"] = with_lag(data["outlets"])
    return {kind: data}


def with_lag(reports: list[Row]) -> list[Row]:
    """Outlet reports with ``lag_hours`` behind the earliest one."""
    days = [day_number(r["first_reported"]) for r in reports]
    known = [d for d in days if d is not None]
    start = min(known) if known else None
    return [
        {**r, "lag_hours": round((d - start) * 24, 2) if d is not None and start is not None else None}
        for r, d in zip(reports, days, strict=True)
    ]


def _timeline_page(request: Request, timeline_id: str, kind: Kind, fmt: str) -> Response:
    only_json_or_page(fmt)
    data = timeline_data(request, timeline_id, kind)
    if fmt == "html":
        part = data[kind]
        chart = (
            charts.story_timeline(part["articles"], part["events"])
            if kind == "story"
            else charts.span_timeline(part["stories"])
        )
        data["view"] = {"chart": chart, "by_outlet": by_outlet(part["articles"])}
    return respond(request, fmt, f"{kind}.html", data)


def by_outlet(articles: list[Row]) -> list[dict[str, Any]]:
    groups: dict[str, list[Row]] = {}
    for a in articles:
        groups.setdefault(a.get("outlet") or "?", []).append(a)
    return [{"outlet": o, "articles": rows} for o, rows in groups.items()]


def _stories(request: Request, f: StoryFilters, pg: Page, fmt: str) -> Response:
    indexed = story_index(db_of(request))
    select = stories_select(f, indexed)

    def extra() -> dict[str, Any]:
        return {"query": {k: v for k, v in asdict(f).items() if v}}

    return answer_list(
        request, select, pg, fmt, "stories", template="stories.html", extra=extra, aggregate=not indexed
    )


@api.get("/stories", summary="Stories", description="Stories, latest first; `q` searches their titles.")
def api_stories(
    request: Request,
    f: Annotated[StoryFilters, Depends(story_filters)],
    pg: Annotated[Page, Depends(page)],
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    return _stories(request, f, pg, requested_format(request, format))


@api.get("/stories/{story_id}", summary="One story's timeline", description=TIMELINE_DOC.format(kind="story"))
def api_story(request: Request, story_id: str, format: SingleFormat = None) -> Response:
    only_json_or_page(requested_format(request, format))
    return json_response(timeline_data(request, story_id, "story"))


@api.get("/stories/{story_id}/coverage", summary="Outlets that reported a story", description=COVERAGE_DOC)
def api_story_coverage(
    request: Request,
    story_id: str,
    pg: Annotated[Page, Depends(page)],
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    select = coverage_select(story=story_id)
    return answer_list(request, select, pg, requested_format(request, format), f"coverage-{story_id}")


@api.get("/coverage", summary="Outlet coverage of every story", description=COVERAGE_DOC)
def api_coverage(
    request: Request,
    pg: Annotated[Page, Depends(page)],
    outlet: Outlet = None,
    story: Annotated[str | None, Query(max_length=300)] = None,
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    select = coverage_select(story, outlet)
    fmt = requested_format(request, format)
    return answer_list(request, select, pg, fmt, "coverage", aggregate=story is None)


@api.get(
    "/threads", summary="Threads", description="Threads (stories that continue one another), latest first."
)
def api_threads(
    request: Request,
    pg: Annotated[Page, Depends(page)],
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    indexed = story_index(db_of(request))
    fmt = requested_format(request, format)
    return answer_list(request, threads_select(indexed), pg, fmt, "threads", aggregate=not indexed)


@api.get(
    "/threads/{thread_id}", summary="One thread's timeline", description=TIMELINE_DOC.format(kind="thread")
)
def api_thread(request: Request, thread_id: str, format: SingleFormat = None) -> Response:
    only_json_or_page(requested_format(request, format))
    return json_response(timeline_data(request, thread_id, "thread"))


@pages.get("/stories")
def stories_page(
    request: Request,
    f: Annotated[StoryFilters, Depends(story_filters)],
    pg: Annotated[Page, Depends(page)],
    format: Annotated[Format | None, Query()] = None,
) -> Response:
    return _stories(request, f, pg, requested_format(request, format, page=True))


@pages.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, format: Annotated[Format | None, Query()] = None) -> Response:
    return _timeline_page(request, story_id, "story", requested_format(request, format, page=True))


@pages.get("/threads")
def threads_page(
    request: Request, pg: Annotated[Page, Depends(page)], format: Annotated[Format | None, Query()] = None
) -> Response:
    indexed = story_index(db_of(request))
    fmt = requested_format(request, format, page=True)
    return answer_list(
        request, threads_select(indexed), pg, fmt, "threads", template="threads.html", aggregate=not indexed
    )


@pages.get("/threads/{thread_id}")
def thread_page(
    request: Request, thread_id: str, format: Annotated[Format | None, Query()] = None
) -> Response:
    return _timeline_page(request, thread_id, "thread", requested_format(request, format, page=True))


def coverage_rows(request: Request, stories: list[str]) -> list[Row]:
    conn = conn_of(request)
    rows: list[Row] = []
    for story in stories:
        rows += coverage_select(story=story).page(conn, None)
    return rows
