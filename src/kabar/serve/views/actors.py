"""Actors: the list, and one actor's record, quotes, events both ways, dyads and co-actors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kabar.serve import charts
from kabar.serve.db import budget
from kabar.serve.errors import not_found
from kabar.serve.highlight import actor_href
from kabar.serve.output import conn_of, json_response, respond
from kabar.serve.params import FORMAT_HELP, Format, Page, SingleFormat, page, requested_format
from kabar.serve.queries import (
    EventFilters,
    QuoteFilters,
    Row,
    actor_activity,
    actor_aliases,
    actor_names,
    actors_select,
    co_actors,
    events_select,
    quotes_select,
    resolve_actor,
)
from kabar.serve.views.common import QUERY_SECONDS, answer_list, only_json_or_page

api = APIRouter(prefix="/api", tags=["actors"])
pages = APIRouter(include_in_schema=False)

ACTORS_DOC = """Actors named in the articles, most widely reported first, with their key (knowledge-base id
when linked, else the name), code, mention and article counts. `q` matches names, ids and mention texts;
`code` a country (`RUS`) or full code (`RUS GOV`)."""
ACTOR_DOC = """One actor: names and codes it goes by, how articles write it (aliases), its knowledge-base
entry when linked (names, aliases, Wikidata id, offices with dates), its latest quotes,
events as source and as target, events per month both ways, its country dyads (e.g. `RUS-PRK`) per month,
the actors on the other side of its events, and co-occurring actors (over its 2,000 most recent
articles). The full lists are `/api/quotes?speaker=KEY` and `/api/events?actor=KEY`."""
LATEST = 20

Q = Annotated[str | None, Query(max_length=300, description="Text in a name, id or mention.")]
Code = Annotated[
    str | None,
    Query(
        max_length=20,
        pattern=r"^[A-Za-z]{3}( [A-Za-z]{3})*$",
        description="Actor code or its country part, e.g. RUS or RUS GOV.",
    ),
]


def _actors(request: Request, q: str | None, code: str | None, pg: Page, fmt: str) -> Response:
    select = actors_select(q, code.upper() if code else None)

    def extra() -> dict[str, Any]:
        return {"query": {k: v for k, v in (("q", q), ("code", code)) if v}}

    return answer_list(
        request, select, pg, fmt, "actors", template="actors.html", extra=extra, aggregate=True
    )


@api.get("/actors", summary="Actors", description=ACTORS_DOC)
def api_actors(
    request: Request,
    pg: Annotated[Page, Depends(page)],
    q: Q = None,
    code: Code = None,
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    return _actors(request, q, code, pg, requested_format(request, format))


@pages.get("/actors")
def actors_page(
    request: Request,
    pg: Annotated[Page, Depends(page)],
    q: Q = None,
    code: Code = None,
    format: Annotated[Format | None, Query()] = None,
) -> Response:
    return _actors(request, q, code, pg, requested_format(request, format, page=True))


def actor_data(request: Request, key: str) -> dict[str, Any]:
    conn = conn_of(request)
    with budget(conn, QUERY_SECONDS):
        key = resolve_actor(conn, key)
        names = actor_names(conn, key)
        if not names:
            raise not_found("actor", key)
        quotes = quotes_select(QuoteFilters(speaker=key))
        activity = actor_activity(conn, key)
        return {
            "actor": _record(key, names, actor_aliases(conn, key)),
            "quotes": quotes.page(conn, LATEST), "quote_count": quotes.count(conn),
            "events_as_source": events_select(EventFilters(source=key)).page(conn, LATEST),
            "source_count": activity["as_source"],
            "events_as_target": events_select(EventFilters(target=key)).page(conn, LATEST),
            "target_count": activity["as_target"],
            "months": activity["months"], "dyads": dyad_totals(activity["dyad_months"]),
            "dyad_months": activity["dyad_months"], "partners": activity["partners"],
            "co_actors": co_actors(conn, key),
        }  # fmt: skip


def kb_entry(kb_id: str | None) -> Row | None:
    """The actor's knowledge-base entry (names, aliases, Wikidata id, offices), when it has one."""
    if not kb_id:
        return None
    try:
        from kabar.actors import KnowledgeBaseError, load_kb

        entry = load_kb().get(kb_id)
    except (ImportError, OSError, KnowledgeBaseError):  # serving works without the knowledge base
        return None
    if entry is None:
        return None
    offices = [{"title": o.title, "code": o.code, "start": o.start, "end": o.end} for o in entry.roles]
    return {
        "id": entry.id,
        "kind": entry.kind,
        "name": entry.name,
        "en": entry.en,
        "code": entry.code,
        "qid": entry.qid,
        "aliases": list(entry.aliases),
        "offices": offices,
    }


def _record(key: str, names: list[Row], aliases: list[Row]) -> Row:
    kb = next((n["kb_id"] for n in names if n.get("kb_id")), None)
    return {
        "key": key,
        "name": names[0]["name"],
        "kb_id": kb,
        "codes": sorted({n["code"] for n in names if n.get("code")}),
        "names": names,
        "aliases": aliases,
        "mentions": sum(n["mentions"] for n in names),
        "kb": kb_entry(kb),
    }


def dyad_totals(rows: list[Row]) -> list[Row]:
    """Per dyad: events, first and last month; busiest first."""
    totals: dict[str, Row] = {}
    for r in rows:
        dyad = f"{r['source']}-{r['target']}"
        entry = totals.setdefault(
            dyad,
            {
                "dyad": dyad,
                "source": r["source"],
                "target": r["target"],
                "events": 0,
                "first_month": r["month"],
                "last_month": r["month"],
            },
        )
        entry["events"] += r["events"]
        entry["last_month"] = max(entry["last_month"] or "", r["month"] or "") or None
    return sorted(totals.values(), key=lambda d: (-d["events"], d["dyad"]))


@api.get("/actors/{key:path}", summary="One actor", description=ACTOR_DOC)
def api_actor(request: Request, key: str, format: SingleFormat = None) -> Response:
    only_json_or_page(requested_format(request, format))
    return json_response(actor_data(request, key))


@pages.get("/actors/{key:path}")
def actor_page(request: Request, key: str, format: Annotated[Format | None, Query()] = None) -> Response:
    fmt = requested_format(request, format, page=True)
    only_json_or_page(fmt)
    data = actor_data(request, key)
    if fmt == "html":
        data["view"] = actor_view(data)
    return respond(request, fmt, "actor.html", data)


def actor_view(data: dict[str, Any]) -> dict[str, Any]:
    """Charts for the actor page: events per month, dyads over time, and its network."""
    return {
        "months": charts.monthly_bars(data["months"]),
        "dyads": charts.dyad_lanes(data["dyad_months"]),
        "network": charts.network(data["actor"]["name"], neighbours(data["partners"], data["co_actors"])),
    }


def neighbours(partners: list[Row], co: list[Row], most: int = 12) -> list[Row]:
    """Event partners (weight: events both ways) first, then co-occurring actors, at most ``most``."""
    merged: dict[str, Row] = {}
    for p in partners:
        entry = merged.setdefault(
            p["key"],
            {
                "key": p["key"],
                "name": p["name"],
                "code": p["code"],
                "weight": 0,
                "events": True,
                "href": actor_href(p["key"]),
            },
        )
        entry["weight"] += p["events"]
    for c in co:
        if c["key"] not in merged and len(merged) < most:
            merged[c["key"]] = {
                "key": c["key"],
                "name": c["name"],
                "code": c["code"],
                "weight": c["articles"],
                "events": False,
                "href": actor_href(c["key"]),
            }
    return sorted(merged.values(), key=lambda n: (not n["events"], -n["weight"]))[:most]
