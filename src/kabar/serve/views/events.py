"""Events: who did what to whom and when (PLOVER), with filters; also as PLOVER JSONL."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kabar.events.export import plover_record
from kabar.serve.output import db_of
from kabar.serve.params import EventFormat, Page, event_filters, page, requested_format
from kabar.serve.queries import EventFilters, Row, events_select
from kabar.serve.views.common import answer_list

api = APIRouter(prefix="/api", tags=["events"])
pages = APIRouter(include_in_schema=False)

EVENTS_DOC = """Events (PLOVER root categories) with source and target actors, mode, status, date and
precision, the sentence and its offsets, and the article (and, when the cross-article index ran, the
actors' Wikidata ids and how many reports and outlets carry the event). `actor` matches either side,
`dyad` the source and target countries (`RUS-PRK`). `format=plover` streams PLOVER JSON lines in the
layout of `kabar events --format plover` (`event_id`, `event_date`, `event_type`, `event_mode`,
`actor`, `recipient`, `evidence`, `article`, ...). Newest event date first."""


def plover(row: Row) -> Row:
    """One events row in the PLOVER layout ``kabar events --format plover`` writes."""
    return plover_record(
        {
            **row,
            "event_id": row["canonical"] or f"{row['article_id']}#{row['idx']}",
            "title": row["article_title"],
        }
    )


def _events(request: Request, f: EventFilters, pg: Page, fmt: str) -> Response:
    def extra() -> dict[str, object]:
        return {"query": {k: v for k, v in asdict(f).items() if v}}

    shape = plover if fmt == "plover" else None
    select = events_select(f, clusters=db_of(request).has_table("event_clusters"))
    return answer_list(request, select, pg, fmt, "events", template="events.html", extra=extra, shape=shape)


@api.get("/events", summary="Events", description=EVENTS_DOC)
def api_events(
    request: Request,
    f: Annotated[EventFilters, Depends(event_filters)],
    pg: Annotated[Page, Depends(page)],
    format: Annotated[
        EventFormat | None,
        Query(description="json (default), csv, jsonl or plover (PLOVER JSONL); exports stream every row."),
    ] = None,
) -> Response:
    return _events(request, f, pg, requested_format(request, format))


@pages.get("/events")
def events_page(
    request: Request,
    f: Annotated[EventFilters, Depends(event_filters)],
    pg: Annotated[Page, Depends(page)],
    format: Annotated[EventFormat | None, Query()] = None,
) -> Response:
    return _events(request, f, pg, requested_format(request, format, page=True))
