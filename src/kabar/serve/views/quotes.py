"""Quotes: who said what, by speaker, text, article, story, outlet or date."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kabar.serve.errors import not_found
from kabar.serve.output import db_of, json_response, respond
from kabar.serve.params import FORMAT_HELP, Format, Page, SingleFormat, page, quote_filters, requested_format
from kabar.serve.queries import QuoteFilters, Select, canonical_quote, canonical_quotes_select, quotes_select
from kabar.serve.views.common import answer_list, only_json_or_page

api = APIRouter(prefix="/api", tags=["quotes"])
pages = APIRouter(include_in_schema=False)

QUOTES_DOC = """Quotes with their speaker (`speaker_name`, `speaker_code`, `speaker_kb_id`), cue, `via`,
date, offsets into the article text and canonical id. `speaker` takes an actor key (knowledge-base id,
else name). Filtered by article, story or canonical id: newest article first; otherwise most recently
stored first."""


def _quotes(request: Request, f: QuoteFilters, pg: Page, fmt: str) -> Response:
    def extra() -> dict[str, object]:
        return {"query": {k: v for k, v in asdict(f).items() if v}}

    return answer_list(request, quotes_select(f), pg, fmt, "quotes", template="quotes.html", extra=extra)


@api.get("/quotes", summary="Quotes", description=QUOTES_DOC)
def api_quotes(
    request: Request,
    f: Annotated[QuoteFilters, Depends(quote_filters)],
    pg: Annotated[Page, Depends(page)],
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    return _quotes(request, f, pg, requested_format(request, format))


@pages.get("/quotes")
def quotes_page(
    request: Request,
    f: Annotated[QuoteFilters, Depends(quote_filters)],
    pg: Annotated[Page, Depends(page)],
    format: Annotated[Format | None, Query()] = None,
) -> Response:
    return _quotes(request, f, pg, requested_format(request, format, page=True))


CANONICAL_DOC = """Canonical quotes: the same statement reported by several articles counted once (when the
quotes index ran at ingest), most repeated first, with the speaker, the first article and date, and
how many articles carry it. `q` matches the text, `speaker` an actor key. Empty without the index."""


def _canonical(request: Request, q: str | None, speaker: str | None, pg: Page, fmt: str) -> Response:
    if not db_of(request).has_table("quote_canonical"):
        select = Select("SELECT NULL AS id WHERE 0", {})
    else:
        select = canonical_quotes_select(q, speaker)

    def extra() -> dict[str, object]:
        return {"query": {k: v for k, v in (("q", q), ("speaker", speaker)) if v}}

    return answer_list(
        request, select, pg, fmt, "canonical-quotes", template="canonical_quotes.html", extra=extra
    )


Speaker = Annotated[
    str | None, Query(max_length=300, description="An actor key: knowledge-base id, else name.")
]
Words = Annotated[str | None, Query(max_length=500, description="Text the quote contains.")]


@api.get("/quotes/canonical", summary="Canonical quotes", description=CANONICAL_DOC)
def api_canonical_quotes(
    request: Request,
    pg: Annotated[Page, Depends(page)],
    q: Words = None,
    speaker: Speaker = None,
    format: Annotated[Format | None, Query(description=FORMAT_HELP)] = None,
) -> Response:
    return _canonical(request, q, speaker, pg, requested_format(request, format))


@pages.get("/quotes/canonical")
def canonical_quotes_page(
    request: Request,
    pg: Annotated[Page, Depends(page)],
    q: Words = None,
    speaker: Speaker = None,
    format: Annotated[Format | None, Query()] = None,
) -> Response:
    return _canonical(request, q, speaker, pg, requested_format(request, format, page=True))


def canonical_data(request: Request, quote_id: str) -> dict[str, object]:
    db = db_of(request)
    found = canonical_quote(db.conn, quote_id) if db.has_table("quote_canonical") else None
    if found is None:
        raise not_found("canonical quote", quote_id)
    return {"quote": found}


@api.get(
    "/quotes/canonical/{quote_id}",
    summary="One canonical quote",
    description="The quote, its speaker and every article that reported it, earliest first.",
)
def api_canonical_quote(request: Request, quote_id: str, format: SingleFormat = None) -> Response:
    only_json_or_page(requested_format(request, format))
    return json_response(canonical_data(request, quote_id))


@pages.get("/quotes/canonical/{quote_id}")
def canonical_quote_page(
    request: Request, quote_id: str, format: Annotated[Format | None, Query()] = None
) -> Response:
    fmt = requested_format(request, format, page=True)
    only_json_or_page(fmt)
    return respond(request, fmt, "canonical_quote.html", canonical_data(request, quote_id))
