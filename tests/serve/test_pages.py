"""The web pages: content, highlighting, charts, JSON twins, language, and the story index path."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kabar.serve.highlight import Span, highlighted, segments
from tests.serve.conftest import HTML

PAGES = [
    "/",
    "/?q=banjir",
    "/?q=banjir&outlet=detik.com&since=2024-01",
    "/articles/rusia-1",
    "/quotes",
    "/actors",
    "/actors/country:PRK",
    "/events",
    "/events?dyad=RUS-PRK",
    "/stories",
    "/stories/s-banjir",
    "/threads",
    "/threads/t-semenanjung",
    "/outlets",
    "/docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_has_a_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<meta name="viewport"' in page.text and "/static/app.css" in page.text
    base, _, query = path.partition("?")
    suffixed = f"{base}.json?{query}" if base != "/" else f"/?{query}&format=json"
    for twin in (client.get(suffixed), client.get(path, headers={"accept": "application/json"})):
        assert twin.status_code == 200 and twin.json()["ok"] is True


def test_search_page_shows_hits_facets_and_downloads(client: TestClient) -> None:
    page = client.get("/", params={"q": "banjir"}, headers=HTML).text
    assert "Banjir Rendam Kampung Melayu" in page and "<mark>Banjir</mark>" in page
    assert 'class="facets"' in page and "actor=person%3Apramono-anung" in page
    assert "/api/articles.csv?q=banjir" in page


def test_article_page_highlights_quote_with_its_speaker(client: TestClient) -> None:
    page = client.get("/articles/rusia-1", headers=HTML).text
    assert '<mark class="hl-quote" title="Dmitry Peskov">Pemimpin Kim sangat menyukai mobil ini' in page
    assert '<a class="speaker" href="/actors/person%3Admitry-peskov">Dmitry Peskov</a>' in page
    assert '<a class="hl-actor" href="/actors/person%3Avladimir-putin"' in page
    assert 'class="hl-event" title="AID: Vladimir Putin → Kim Jong Un"' in page
    assert 'href="https://kompas.example/putin-limusin"' in page


def test_story_page_has_timeline_and_coverage(client: TestClient) -> None:
    page = client.get("/stories/s-banjir", headers=HTML).text
    assert "<svg" in page and 'class="dot"' in page and 'class="diamond"' in page
    assert "kompas.com" in page and "28.83" in page


def test_actor_page_has_dyads_network_and_timeline(client: TestClient) -> None:
    page = client.get("/actors/country:PRK", headers=HTML).text
    assert "PRK–RUS" in page and "/events?dyad=PRK-RUS" in page
    assert 'class="chart network"' in page and 'class="bar up"' in page
    assert 'href="/actors/person%3Aantony-blinken"' in page


def test_language_switch(client: TestClient) -> None:
    assert ">Cari<" in client.get("/", headers=HTML).text
    assert ">Search<" in client.get("/", headers={**HTML, "accept-language": "en-GB,en;q=0.9"}).text
    assert ">Cari<" in client.get("/", headers={**HTML, "accept-language": "fr, id;q=0.5, en;q=0.4"}).text
    chosen = client.get("/", params={"lang": "en"}, headers=HTML)
    assert ">Search<" in chosen.text and "kabar_lang=en" in chosen.headers["set-cookie"]
    assert ">Search<" in client.get("/stories", headers=HTML).text
    client.cookies.clear()


def test_empty_form_fields_are_ignored(client: TestClient) -> None:
    page = client.get("/?q=banjir&outlet=&category=&since=&until=&sort=relevance", headers=HTML)
    assert page.status_code == 200 and "Banjir Rendam Kampung Melayu" in page.text


def test_accept_json_on_a_page(client: TestClient) -> None:
    body = client.get("/stories/s-banjir", headers={"accept": "application/json"}).json()
    assert body["story"]["id"] == "s-banjir"


def test_static_assets_are_served_from_the_package(client: TestClient) -> None:
    for path, kind in (("/static/app.css", "text/css"), ("/static/app.js", "javascript")):
        response = client.get(path)
        assert response.status_code == 200 and kind in response.headers["content-type"]


# -- highlighting --------------------------------------------------------------------------------------


def test_segments_nest_and_cover_the_text() -> None:
    text = "Kata Peskov: mobil bagus. Selesai."
    found = [
        Span(0, 25, "event", "e"),
        Span(13, 24, "quote", "q", None, "q0"),
        Span(5, 11, "actor", "a", "/actors/p"),
    ]
    parts = segments(text, found, {"q0": {"name": "Peskov", "href": "/actors/p"}})
    assert "".join(p.text for p in parts) == text
    quoted = [p for p in parts if p.quote]
    assert "".join(p.text for p in quoted) == "mobil bagus" and all(p.event for p in quoted)
    assert [p.speaker for p in parts if p.speaker] == [{"name": "Peskov", "href": "/actors/p"}]
    assert next(p for p in parts if p.actor).text == "Peskov"


def test_bad_offsets_are_skipped_and_quotes_without_offsets_are_found() -> None:
    record = {
        "text": "Dia berkata: cukup.",
        "quotes": [{"text": "cukup", "speaker": None}, {"text": "x", "start": 50, "end": 60}],
        "events": [{"category": "AID", "start": 5, "end": 2}],
        "actors": [],
    }
    parts = highlighted(record)
    assert [p.text for p in parts if p.quote] == ["cukup"] and not [p for p in parts if p.event]


# -- with the corpus-level indexes' tables -------------------------------------------------------------


def test_timelines_from_the_story_index(indexed: TestClient) -> None:
    listed = indexed.get("/api/stories").json()["rows"]
    assert listed and all("first_date" in r and "articles" in r for r in listed)
    story = indexed.get("/api/articles/banjir-1").json()["article"]["story"]
    assert story in [r["id"] for r in listed]
    body = indexed.get(f"/api/stories/{story}").json()["story"]
    assert "banjir-1" in [a["id"] for a in body["articles"]] and body["outlets"][0]["lag_hours"] == 0.0
    assert indexed.get(f"/stories/{story}", headers=HTML).status_code == 200
    thread = indexed.get("/api/threads").json()["rows"][0]["id"]
    assert indexed.get(f"/api/threads/{thread}").json()["thread"]["kind"] == "thread"


def test_canonical_quotes_who_repeated_whom(indexed: TestClient) -> None:
    rows = indexed.get("/api/quotes/canonical").json()["rows"]
    top = rows[0]
    assert (
        top["occurrences"] == 2
        and top["speaker_name"] == "Dmitry Peskov"
        and top["first_article"] == "rusia-2"
    )
    one = indexed.get(f"/api/quotes/canonical/{top['id']}").json()["quote"]
    assert [r["article_id"] for r in one["reports"]] == ["rusia-2", "rusia-4"]
    page = indexed.get(f"/quotes/canonical/{top['id']}", headers=HTML)
    assert page.status_code == 200 and "antaranews.com" in page.text
    by_speaker = indexed.get("/api/quotes/canonical", params={"speaker": "person:dmitry-peskov"}).json()[
        "rows"
    ]
    assert {r["first_article"] for r in by_speaker} == {"rusia-1", "rusia-2"}
    assert len(indexed.get("/api/quotes/canonical.csv").text.splitlines()) == len(rows) + 1
    quotes = indexed.get("/api/quotes", params={"canonical": top["id"]}).json()["rows"]
    assert {q["article_id"] for q in quotes} == {"rusia-2", "rusia-4"}


def test_canonical_quotes_without_the_index(client: TestClient) -> None:
    assert client.get("/api/quotes/canonical").json()["rows"] == []
    assert client.get("/api/quotes/canonical/x").status_code == 404


def test_events_carry_cross_article_clusters(indexed: TestClient) -> None:
    import json

    rows = indexed.get("/api/events", params={"category": "AID"}).json()["rows"]
    assert all(r["canonical"] and "reports" in r for r in rows)
    lines = indexed.get("/api/events", params={"format": "plover"}).text.splitlines()
    assert all(json.loads(line)["event_id"] for line in lines)
