"""Query parameters shared by the API and the pages, validated once and documented in OpenAPI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Query, Request

from kabar.model import PLOVER_CATEGORIES
from kabar.serve.errors import ApiError
from kabar.serve.middleware import FORMAT_KEY
from kabar.serve.queries import ArticleFilters, EventFilters, QuoteFilters, StoryFilters

DEFAULT_LIMIT = 50
SEARCH_LIMIT = 20
MAX_LIMIT = 1000
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CATEGORY = "(?i)^(" + "|".join(PLOVER_CATEGORIES) + ")$"
DYAD = r"(?i)^[A-Z]{3}-[A-Z]{3}$"

Format = Literal["json", "csv", "jsonl"]
EventFormat = Literal["json", "csv", "jsonl", "plover"]
Sort = Literal["relevance", "newest", "oldest", "added"]

FORMAT_HELP = (
    "json (default), csv or jsonl; the same as a .json, .csv or .jsonl suffix on the path."
    " CSV and JSONL stream every row (no limit unless you give one)."
)

SingleFormat = Annotated[
    Format | None, Query(description="json (the default and only format of one resource).")
]
Text = Annotated[str | None, Query(max_length=1000)]
Since = Annotated[
    str | None, Query(pattern=DATE, description="On or after this day, month or year (YYYY[-MM[-DD]]).")
]
Until = Annotated[
    str | None, Query(pattern=DATE, description="On or before this day, month or year (YYYY[-MM[-DD]]).")
]
Outlet = Annotated[
    str | None, Query(max_length=300, description="Only this outlet (exact name, e.g. detik.com).")
]
Story = Annotated[str | None, Query(max_length=300, description="Only this story id.")]
ActorKey = Annotated[
    str | None, Query(max_length=300, description="An actor key: knowledge-base id, else name.")
]
Category = Annotated[str | None, Query(pattern=CATEGORY, description="A PLOVER root category, e.g. ACCUSE.")]


@dataclass(frozen=True, slots=True)
class Page:
    """``limit``/``offset`` as given; :meth:`for_format` applies the JSON default and cap."""

    limit: int | None
    offset: int

    def for_format(self, fmt: str, default: int = DEFAULT_LIMIT) -> Page:
        if fmt in ("json", "html"):
            if self.limit is not None and self.limit > MAX_LIMIT:
                raise ApiError(
                    400,
                    f"limit {self.limit} is above {MAX_LIMIT} for JSON and pages:"
                    " use format=csv or jsonl for a complete export",
                )
            return Page(self.limit or default, self.offset)
        return self


async def page(
    limit: Annotated[
        int | None,
        Query(
            ge=1,
            description=f"Rows per page (JSON: default {DEFAULT_LIMIT}, for"
            f" article search {SEARCH_LIMIT}; at most {MAX_LIMIT}; exports: all rows).",
        ),
    ] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
) -> Page:
    return Page(limit, offset)


def requested_format(request: Request, explicit: str | None, *, page: bool = False) -> str:
    """``format=`` wins, then the path suffix, then (for pages) the Accept header."""
    if explicit:
        return explicit
    suffix = request.scope.get(FORMAT_KEY)
    if suffix:
        return str(suffix)
    if not page:
        return "json"
    accept = request.headers.get("accept", "")
    return "json" if "application/json" in accept and "text/html" not in accept else "html"


async def article_filters(
    q: Annotated[
        str | None,
        Query(
            max_length=1000,
            description='Full-text query: words, "exact phrases", prefix*, AND / OR / NOT, parentheses.',
        ),
    ] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    language: Annotated[str | None, Query(max_length=20, description="Language code, e.g. id.")] = None,
    actor: ActorKey = None,
    category: Category = None,
    story: Story = None,
    thread: Annotated[str | None, Query(max_length=300, description="Only this thread id.")] = None,
) -> ArticleFilters:
    check_dates(since=since, until=until)
    return ArticleFilters(
        _blank(q),
        outlet,
        since,
        until,
        language,
        actor,
        category.upper() if category else None,
        story,
        thread,
    )


async def quote_filters(
    speaker: ActorKey = None,
    q: Annotated[str | None, Query(max_length=500, description="Text the quote contains.")] = None,
    article: Annotated[str | None, Query(max_length=300, description="Only this article id.")] = None,
    story: Story = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[Literal["direct", "indirect"] | None, Query()] = None,
    canonical: Annotated[str | None, Query(max_length=300, description="Canonical quote id.")] = None,
) -> QuoteFilters:
    check_dates(since=since, until=until)
    return QuoteFilters(speaker, _blank(q), article, story, outlet, since, until, kind, canonical)


async def event_filters(
    category: Category = None,
    status: Annotated[Literal["fact", "alleged", "intent", "negated"] | None, Query()] = None,
    actor: ActorKey = None,
    source: Annotated[str | None, Query(max_length=300, description="Source actor key.")] = None,
    target: Annotated[str | None, Query(max_length=300, description="Target actor key.")] = None,
    dyad: Annotated[
        str | None, Query(pattern=DYAD, description="Source and target country, e.g. RUS-PRK.")
    ] = None,
    article: Annotated[str | None, Query(max_length=300, description="Only this article id.")] = None,
    story: Story = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    canonical: Annotated[str | None, Query(max_length=300, description="Cross-article event id.")] = None,
) -> EventFilters:
    check_dates(since=since, until=until)
    return EventFilters(
        category.upper() if category else None,
        status,
        actor,
        source,
        target,
        dyad,
        article,
        story,
        outlet,
        since,
        until,
        canonical,
    )


async def story_filters(
    q: Annotated[str | None, Query(max_length=500, description="Text the story title contains.")] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    thread: Annotated[str | None, Query(max_length=300, description="Only stories of this thread.")] = None,
) -> StoryFilters:
    check_dates(since=since, until=until)
    return StoryFilters(_blank(q), outlet, since, until, thread)


def check_dates(**values: str | None) -> None:
    """400 for a ``YYYY[-MM[-DD]]`` value that is no real day, month or year (``2024-13``)."""
    for name, value in values.items():
        if not value:
            continue
        try:
            date.fromisoformat((value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10])
        except ValueError:
            raise ApiError(400, f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _blank(value: str | None) -> str | None:
    return value if value and value.strip() else None
