"""Every list streams in full as CSV and JSONL (no row cap), by parameter or by suffix."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from tests.serve.corpus import BULK


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_search_export_has_every_row(bulk: TestClient) -> None:
    response = bulk.get("/api/articles.csv", params={"q": "banjir"})
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="articles.csv"' in response.headers["content-disposition"]
    rows = csv_rows(response.text)
    assert len(rows) == BULK and len({r["id"] for r in rows}) == BULK
    assert rows[0]["id"] in {f"bulk-{i:05d}" for i in range(0, BULK, 250)}  # ranked over every match


def test_browse_export_by_parameter_and_jsonl(bulk: TestClient) -> None:
    response = bulk.get("/api/articles", params={"format": "jsonl", "outlet": "tempo.co"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == BULK // 4 and all(r["outlet"] == "tempo.co" for r in lines)


def test_export_honours_an_explicit_limit(bulk: TestClient) -> None:
    assert len(csv_rows(bulk.get("/api/articles.csv", params={"limit": 5000, "offset": 2490}).text)) == 10


@pytest.mark.parametrize(
    "path",
    [
        "/api/quotes",
        "/api/events",
        "/api/actors",
        "/api/stories",
        "/api/threads",
        "/api/coverage",
        "/api/outlets",
        "/api/stories/s-banjir/coverage",
    ],
)
def test_every_list_exports(client: TestClient, path: str) -> None:
    as_json = client.get(path, params={"limit": 1000}).json()["rows"]
    for fmt in ("csv", "jsonl"):
        response = client.get(f"{path}.{fmt}")
        assert response.status_code == 200, response.text
        count = len(csv_rows(response.text)) if fmt == "csv" else len(response.text.splitlines())
        assert count == len(as_json) > 0


def test_csv_cells_hold_nested_values_as_json(client: TestClient) -> None:
    rows = csv_rows(client.get("/api/articles.csv", params={"q": "limusin"}).text)
    assert json.loads(rows[0]["highlights"])[0] == [int(x) for x in json.loads(rows[0]["highlights"])[0]]


def test_empty_export_still_has_a_header(client: TestClient) -> None:
    text = client.get("/api/quotes.csv", params={"q": "tidak ada kutipan seperti ini"}).text
    assert text.splitlines() == [text.splitlines()[0]] and "speaker_name" in text


def test_pages_export_too(client: TestClient) -> None:
    assert len(csv_rows(client.get("/quotes.csv").text)) == 5
    assert len(client.get("/events.jsonl").text.splitlines()) == 8


def test_broad_queries_are_ranked_within_a_window_on_pages(bulk: TestClient) -> None:
    body = bulk.get("/api/articles", params={"q": "banjir"}).json()
    assert body["order"] == "relevance_recent" and body["ranked_within"] == 1000
    assert body["rows"][0]["id"] in {f"bulk-{i:05d}" for i in range(1500, BULK, 250)}
    filtered = bulk.get("/api/articles", params={"q": "banjir", "outlet": "detik.com"}).json()
    assert filtered["order"] == "added" and filtered["rows"][0]["id"] == "bulk-02497"
    narrow = bulk.get("/api/articles", params={"q": "bandang"}).json()
    assert narrow["order"] == "relevance" and len(narrow["rows"]) == BULK // 250
