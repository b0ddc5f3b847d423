"""One error shape everywhere (datasette's): malformed queries and parameters are 400/422, never 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import HTML, assert_error


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "(banjir",
        "banjir)",
        "AND",
        "banjir OR",
        "NOT",
        "()",
        "x" * 1001,
        "OR OR banjir",
        "banjir AND (OR)",
    ],
)
def test_malformed_search_queries_are_400(client: TestClient, query: str) -> None:
    body = assert_error(client.get("/api/articles", params={"q": query}), 400 if len(query) <= 1000 else 422)
    assert "query" in body["error"] or "q" in body["error"]


@pytest.mark.parametrize(
    "query",
    [
        "banjir*",
        '"Kampung Melayu"*',
        "Jong-un",
        "75.000",
        "B-52",
        "a:b",
        "col:banjir",
        "NEAR(a b)",
        "'",
        "\\",
        "^banjir",
        "%",
        "banjir -dapur",
        "ü",
        "🙂",
    ],
)
def test_awkward_but_readable_queries_answer_200(client: TestClient, query: str) -> None:
    response = client.get("/api/articles", params={"q": query})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert_error(response, 400)


@pytest.mark.parametrize(
    ("path", "params", "status", "word"),
    [
        ("/api/articles", {"limit": "0"}, 422, "limit"),
        ("/api/articles", {"limit": "abc"}, 422, "limit"),
        ("/api/articles", {"limit": "5000"}, 400, "limit"),
        ("/api/articles", {"offset": "-1"}, 422, "offset"),
        ("/api/articles", {"since": "kemarin"}, 422, "since"),
        ("/api/articles", {"since": "2024-13"}, 400, "since"),
        ("/api/articles", {"until": "2024-02-30"}, 400, "until"),
        ("/api/articles", {"category": "DANCE"}, 422, "category"),
        ("/api/articles", {"sort": "random"}, 422, "sort"),
        ("/api/articles", {"format": "xml"}, 422, "format"),
        ("/api/events", {"dyad": "RUSSIA"}, 422, "dyad"),
        ("/api/events", {"status": "maybe"}, 422, "status"),
        ("/api/quotes", {"kind": "loud"}, 422, "kind"),
        ("/api/actors", {"code": "R<S"}, 422, "code"),
        ("/api/articles/rusia-1", {"format": "csv"}, 400, "format"),
    ],
)
def test_bad_parameters(
    client: TestClient, path: str, params: dict[str, str], status: int, word: str
) -> None:
    assert word in assert_error(client.get(path, params=params), status)["error"]


def test_not_found_everywhere_has_the_shape(client: TestClient) -> None:
    for path in (
        "/api/nothing",
        "/api/articles/nope",
        "/api/actors/nope",
        "/api/stories/nope",
        "/nothing.json",
    ):
        assert_error(client.get(path), 404)


def test_method_not_allowed_has_the_shape(client: TestClient) -> None:
    assert_error(client.post("/api/articles"), 405)


def test_pages_render_errors_as_html_but_json_when_asked(client: TestClient) -> None:
    page = client.get("/articles/nope", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "nope" in page.text
    assert_error(client.get("/articles/nope.json", headers=HTML), 404)
    assert_error(client.get("/articles/nope", headers={"accept": "application/json"}), 404)
    bad = client.get("/", params={"q": '"open'}, headers=HTML)
    assert bad.status_code == 400 and "double quote" in bad.text


def test_fts_errors_past_the_translator_are_400(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import kabar.serve.queries as queries

    monkeypatch.setattr(queries, "to_fts", lambda q: "banjir AND")  # what FTS5 would refuse
    assert "fts5" in assert_error(client.get("/api/articles", params={"q": "banjir"}), 400)["error"]


def test_exports_fail_cleanly_before_streaming(client: TestClient) -> None:
    assert_error(client.get("/api/articles.csv", params={"q": "(banjir"}), 400)
