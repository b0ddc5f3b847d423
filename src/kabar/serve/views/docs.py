"""API documentation: ``/docs`` renders the OpenAPI spec server-side (no CDN, no script); ``/api`` lists."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kabar.serve.output import db_of, json_response, respond
from kabar.serve.params import Format, requested_format

api = APIRouter(tags=["meta"])
pages = APIRouter(include_in_schema=False)


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The spec's operations, one per path and method, with parameters flattened for the page."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                    "type": _type(p.get("schema", {})),
                    "default": p.get("schema", {}).get("default"),
                }
                for p in op.get("parameters", [])
            ]
            found.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tags": op.get("tags", []),
                    "parameters": params,
                    "id": op.get("operationId", ""),
                }
            )
    return found


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = str(schema.get("type", ""))
    return f"{kind} ({schema['pattern']})" if "pattern" in schema else kind


@pages.get("/docs")
def docs_page(request: Request, format: Annotated[Format | None, Query()] = None) -> Response:
    spec = request.app.openapi()
    data = {
        "title": spec["info"]["title"],
        "version": spec["info"]["version"],
        "description": spec["info"].get("description", ""),
        "operations": operations(spec),
    }
    return respond(request, requested_format(request, format, page=True), "docs.html", data)


@api.get(
    "/api",
    summary="What the API offers",
    description="Links to every list and the counts of what the store holds.",
)
def api_index(request: Request) -> Response:
    db = db_of(request)
    counts = db.cached(
        "counts",
        lambda: {
            table: int(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "quotes", "events", "actor_mentions")
        },
    )
    links = {
        name: f"/api/{name}"
        for name in ("articles", "quotes", "actors", "events", "stories", "threads", "outlets", "coverage")
    }
    return json_response({"counts": counts, "links": links, "docs": "/docs", "openapi": "/openapi.json"})
