"""Articles: full-text search with filters and facets, and one article with its annotations."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kabar.model import PLOVER_CATEGORIES
from kabar.serve import highlight
from kabar.serve.db import budget
from kabar.serve.errors import not_found
from kabar.serve.output import conn_of, db_of, json_response, respond
from kabar.serve.params import (
    FORMAT_HELP,
    SEARCH_LIMIT,
    Format,
    Page,
    SingleFormat,
    Sort,
    article_filters,
    page,
    requested_format,
)
from kabar.serve.queries import (
    ArticleFilters,
    article_record,
    facets,
    outlet_names,
    search_select,
    story_size,
)
from kabar.serve.views.common import (
    AGGREGATE_SECONDS,
    QUERY_SECONDS,
    answer_list,
    only_json_or_page,
    suffixed_id,
)

api = APIRouter(prefix="/api", tags=["articles"])
pages = APIRouter(include_in_schema=False)

SEARCH_DOC = """Full-text search over titles and clean text, with filters. Without `q`, the newest articles.

Query syntax: words, `"exact phrases"`, `prefix*`, `AND` / `OR` / `NOT`, parentheses.
`sort=relevance` (default with `q`) ranks with bm25 (titles weigh 5×). A query matching more than
1,000 articles is ranked among its 1,000 most recently stored matches (`"order": "relevance_recent"`);
with filters it lists the most recently stored matches first (`"order": "added"`). CSV/JSONL exports
rank every match. Each row has a `snippet` and `highlights` (`[start, end]` offsets into the snippet).
`facets=true` adds counts by outlet, month, actor and category over the 250 newest matches."""


def _search(
    request: Request, f: ArticleFilters, sort: str | None, pg: Page, fmt: str, with_facets: bool
) -> Response:
    conn = conn_of(request)
    select = search_select(conn, f, sort, exact=fmt in ("csv", "jsonl"))

    def extra() -> dict[str, Any]:
        data: dict[str, Any] = {"query": {k: v for k, v in asdict(f).items() if v}, "sort": sort}
        if with_facets:
            data["facets"] = facets(conn, f)
        if fmt == "html":
            data["choices"] = search_choices(request)
        return data

    return answer_list(
        request, select, pg, fmt, "articles", template="search.html", extra=extra, default_limit=SEARCH_LIMIT
    )


@api.get("/articles", summary="Search articles", description=SEARCH_DOC)
def api_search(
    request: Request,
    f: Annotated[ArticleFilters, Depends(article_filters)],
    pg: Annotated[Page, Depends(page)],
    sort: Annotated[
        Sort | None, Query(description="relevance (default with q), newest, oldest, added")
    ] = None,
    facets: Annotated[bool, Query(description="Add facet counts (outlet, month, actor, category).")] = False,
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    return _search(request, f, sort, pg, requested_format(request, format), facets)


@pages.get("/")
def search_page(
    request: Request,
    f: Annotated[ArticleFilters, Depends(article_filters)],
    pg: Annotated[Page, Depends(page)],
    sort: Annotated[Sort | None, Query()] = None,
    format: Annotated[Format | None, Query()] = None,
) -> Response:
    fmt = requested_format(request, format, page=True)
    return _search(request, f, sort, pg, fmt, fmt in ("html", "json"))


def article_data(request: Request, article_id: str) -> dict[str, Any]:
    conn = conn_of(request)
    key = suffixed_id(request, article_id, lambda k: article_record(conn, k) is not None)
    record = article_record(conn, key)
    if record is None:
        raise not_found("article", key)
    data: dict[str, Any] = {"article": record}
    if record.get("story"):
        data["story"] = {"id": record["story"], "articles": story_size(conn, record["story"])}
    return data


@api.get(
    "/articles/{article_id:path}",
    summary="One article",
    description="The clean text, metadata, entities, actors (with mentions), quotes and events, all"
    " with character offsets into `text`; and the article's story.",
)
def api_article(request: Request, article_id: str, format: SingleFormat = None) -> Response:
    only_json_or_page(requested_format(request, format))
    return json_response(article_data(request, article_id))


@pages.get("/articles/{article_id:path}")
def article_page(
    request: Request, article_id: str, format: Annotated[Format | None, Query()] = None
) -> Response:
    data = article_data(request, article_id)
    fmt = requested_format(request, format, page=True)
    only_json_or_page(fmt)
    if fmt == "html":
        data["view"] = article_view(data["article"])
    return respond(request, fmt, "article.html", data)


def article_view(record: dict[str, Any]) -> dict[str, Any]:
    """What the article page shows beyond the record: highlighted text and safe links."""
    return {
        "segments": highlight.highlighted(record),
        "url": safe_url(record.get("url")),
        "actors": [
            {**a, "href": highlight.actor_href(a.get("kb_id") or a.get("name"))}
            for a in record.get("actors") or []
        ],
        "speakers": [
            highlight.actor_href(highlight.ref_key(q.get("speaker"))) for q in record.get("quotes") or []
        ],
        "sources": [
            highlight.actor_href(highlight.ref_key(e.get("source"))) for e in record.get("events") or []
        ],
        "targets": [
            highlight.actor_href(highlight.ref_key(e.get("target"))) for e in record.get("events") or []
        ],
    }


def safe_url(url: str | None) -> str | None:
    """An article's original URL, only when it is plain http(s) (never ``javascript:`` and the like)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def search_choices(request: Request) -> dict[str, Any]:
    """Outlets and categories for the search form (outlets cached per store generation)."""
    db = db_of(request)
    with budget(db.conn, QUERY_SECONDS):
        outlets = db.cached("outlet_names", lambda: outlet_names(db.conn), AGGREGATE_SECONDS)
    return {"outlets": outlets, "categories": list(PLOVER_CATEGORIES)}
