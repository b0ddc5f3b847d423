"""Outlets: what each outlet published, how many stories it covered, how often it was first."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kabar.serve.db import budget
from kabar.serve.output import conn_of, db_of, export_rows, json_response, respond
from kabar.serve.params import FORMAT_HELP, Format, requested_format
from kabar.serve.queries import Row, StoryFilters, outlets_summary, stories_select
from kabar.serve.views.common import AGGREGATE_SECONDS, EXPORTS, QUERY_SECONDS
from kabar.serve.views.stories import coverage_rows, story_index

api = APIRouter(prefix="/api", tags=["outlets"])
pages = APIRouter(include_in_schema=False)

OUTLETS_DOC = """Per outlet: articles, first and last publication day, stories covered, stories it reported
first (`first_reports`) and its median lag in hours behind the first outlet on the other stories. Computed
over the whole store (cached until articles are added)."""
COLUMNS = ["outlet", "articles", "first_date", "last_date", "stories", "first_reports", "median_lag_hours"]
RECENT_STORIES = 15


def summary(request: Request) -> list[Row]:
    db = db_of(request)
    return db.cached("outlets_summary", lambda: outlets_summary(db.conn), AGGREGATE_SECONDS)


@api.get("/outlets", summary="Outlets and their coverage", description=OUTLETS_DOC)
def api_outlets(
    request: Request, format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None
) -> Response:
    fmt = requested_format(request, format)
    rows = summary(request)
    if fmt in EXPORTS:
        return export_rows(rows, fmt, "outlets", COLUMNS)
    return json_response({"rows": rows})


@pages.get("/outlets")
def outlets_page(request: Request, format: Annotated[Format | None, Query()] = None) -> Response:
    fmt = requested_format(request, format, page=True)
    rows = summary(request)
    if fmt in EXPORTS:
        return export_rows(rows, fmt, "outlets", COLUMNS)
    data: dict[str, Any] = {"rows": rows}
    if fmt == "html":
        data["view"] = matrix(request, [r["outlet"] for r in rows])
    return respond(request, fmt, "outlets.html", data)


def matrix(request: Request, outlets: list[str]) -> dict[str, Any]:
    """The latest stories × outlets: when each outlet first reported each story."""
    return db_of(request).cached("outlets_matrix", lambda: _matrix(request, outlets), AGGREGATE_SECONDS)


def _matrix(request: Request, outlets: list[str]) -> dict[str, Any]:
    conn = conn_of(request)
    with budget(conn, QUERY_SECONDS):
        stories = stories_select(StoryFilters(), story_index(db_of(request))).page(conn, RECENT_STORIES)
        cells: dict[tuple[str, str], Row] = {}
        for row in coverage_rows(request, [s["id"] for s in stories]):
            cells[(row["story"], row["outlet"])] = row
    shown = [o for o in outlets if any((s["id"], o) in cells for s in stories)][:12]
    return {
        "stories": stories,
        "outlets": shown,
        "cells": [[cells.get((s["id"], o)) for o in shown] for s in stories],
    }
