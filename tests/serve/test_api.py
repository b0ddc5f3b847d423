"""The JSON API, endpoint by endpoint, over the hand-written store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.serve.conftest import assert_error
from tests.serve.corpus import LIMUSIN


def ids(response: object) -> list[str]:
    body = response.json()  # type: ignore[attr-defined]
    assert body["ok"] is True, body
    return [row["id"] for row in body["rows"]]


# -- articles ------------------------------------------------------------------------------------------


def test_search_finds_words_phrases_and_prefixes(client: TestClient) -> None:
    assert set(ids(client.get("/api/articles", params={"q": "limusin"}))) == {"rusia-1"}
    assert set(ids(client.get("/api/articles", params={"q": '"Kampung Melayu"'}))) == {
        "banjir-1",
        "banjir-2",
        "banjir-3",
    }
    assert "banjir-2" in ids(client.get("/api/articles", params={"q": "mengung*"}))
    assert set(ids(client.get("/api/articles", params={"q": "banjir NOT dapur"}))) == {
        "banjir-1",
        "banjir-3",
        "xss-1",
    }


def test_search_rows_carry_snippet_highlights(client: TestClient) -> None:
    row = client.get("/api/articles", params={"q": "limusin"}).json()["rows"][0]
    assert row["title"].startswith("Putin") and row["outlet"] == "kompas.com" and row["story"] == "s-limusin"
    start, end = row["highlights"][0]
    assert row["snippet"][start:end].lower() == "limusin"
    assert "\x02" not in row["snippet"]


def test_search_filters(client: TestClient) -> None:
    get = lambda **p: set(ids(client.get("/api/articles", params=p)))  # noqa: E731
    assert get(q="banjir", outlet="detik.com") == {"banjir-2"}
    assert get(since="2024-03") == {"rusia-2", "rusia-3"}
    assert get(until="2024-01-02") == {"banjir-1", "banjir-2"}
    assert get(since="2024-01-03", until="2024-01-05") == {"banjir-3", "xss-1"}
    assert get(actor="person:dmitry-peskov") == {"rusia-1", "rusia-2"}
    assert get(category="accuse") == {"rusia-1"}
    assert get(story="s-kunjungan") == {"rusia-2", "rusia-3"}
    assert get(thread="t-semenanjung", q="Vostochny") == {"rusia-1", "rusia-2", "rusia-3"}
    assert get(language="en") == set()


def test_search_without_query_lists_newest_first(client: TestClient) -> None:
    found = ids(client.get("/api/articles"))
    assert found[:3] == ["rusia-3", "rusia-2", "rusia-1"]
    assert ids(client.get("/api/articles", params={"sort": "oldest"}))[0] == "banjir-1"


def test_search_pages_with_next_link(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 3}).json()
    assert first["more"] is True and len(first["rows"]) == 3 and first["limit"] == 3
    second = client.get(first["next"]).json()
    assert second["offset"] == 3 and not set(ids_of(first)) & set(ids_of(second))


def ids_of(body: dict[str, object]) -> list[str]:
    return [r["id"] for r in body["rows"]]  # type: ignore[attr-defined,index]


def test_search_facets(client: TestClient) -> None:
    facets = client.get("/api/articles", params={"q": "banjir", "facets": "true"}).json()["facets"]
    assert {f["value"] for f in facets["outlet"]} >= {"kompas.com", "detik.com", "tempo.co"}
    assert {"value": "2024-01", "count": 4} in facets["month"]
    assert any(f["value"] == "person:pramono-anung" and f["count"] == 3 for f in facets["actor"])
    assert any(f["value"] == "AID" for f in facets["category"])
    assert facets["sampled"] is False


def test_article_by_id_has_everything_with_offsets(client: TestClient) -> None:
    body = client.get("/api/articles/rusia-1").json()
    a = body["article"]
    assert a["text"] == LIMUSIN and a["byline"][0]["name"] == "Rina Wulandari"
    q = a["quotes"][0]
    assert a["text"][q["start"] : q["end"]] == q["text"] and q["speaker"]["name"] == "Dmitry Peskov"
    for e in a["events"]:
        assert a["text"][e["start"] : e["end"]] == e["sentence"]
    mention = a["actors"][2]["mentions"][1]
    assert a["text"][mention["start"] : mention["end"]] == "Peskov"
    assert a["entities"][0]["label"] == "PER"
    assert body["story"] == {"id": "s-limusin", "articles": 1}


def test_article_ids_with_slashes_and_suffixes(client: TestClient) -> None:
    assert client.get("/api/articles/xss%202%2F%3Cb%3E.json").json()["article"]["title"] == "Id <aneh>"
    assert client.get("/articles/rusia-1.json").json()["article"]["id"] == "rusia-1"


def test_unknown_article_is_404(client: TestClient) -> None:
    assert "tidak-ada" in assert_error(client.get("/api/articles/tidak-ada"), 404)["error"]


# -- quotes --------------------------------------------------------------------------------------------


def test_quotes_by_speaker_and_text(client: TestClient) -> None:
    rows = client.get("/api/quotes", params={"speaker": "person:dmitry-peskov"}).json()["rows"]
    assert [r["article_id"] for r in rows] == ["rusia-2", "rusia-1"]
    assert rows[1]["via"] == "Channel News Asia" and rows[1]["date"] == "2024-02-21"
    by_text = client.get("/api/quotes", params={"q": "dapur umum"}).json()["rows"]
    assert [r["speaker_name"] for r in by_text] == ["Pramono Anung"]
    assert client.get("/api/quotes", params={"q": "100%_"}).json()["rows"] == []


def test_quotes_by_article_story_outlet_and_date(client: TestClient) -> None:
    get = lambda **p: [r["article_id"] for r in client.get("/api/quotes", params=p).json()["rows"]]  # noqa: E731
    assert get(article="banjir-2") == ["banjir-2"]
    assert sorted(get(story="s-banjir")) == ["banjir-1", "banjir-2"]
    assert get(outlet="tempo.co") == ["rusia-2"]
    assert get(since="2024-02-21", until="2024-02-21") == ["rusia-1"]


# -- actors --------------------------------------------------------------------------------------------


def test_actor_list_and_filters(client: TestClient) -> None:
    rows = client.get("/api/actors").json()["rows"]
    keys = [r["key"] for r in rows]
    assert keys[0] in (
        "person:kim-jong-un",
        "person:vladimir-putin",
        "person:dmitry-peskov",
        "person:pramono-anung",
    )
    pramono = next(r for r in rows if r["key"] == "person:pramono-anung")
    assert pramono["articles"] == 3 and pramono["code"] == "IDN GOV"
    assert [r["key"] for r in client.get("/api/actors", params={"q": "peskov"}).json()["rows"]] == [
        "person:dmitry-peskov"
    ]
    assert {r["key"] for r in client.get("/api/actors", params={"code": "prk"}).json()["rows"]} == {
        "person:kim-jong-un",
        "country:PRK",
    }


def test_actor_record(client: TestClient) -> None:
    body = client.get("/api/actors/person:dmitry-peskov").json()
    actor = body["actor"]
    assert actor["name"] == "Dmitry Peskov" and actor["codes"] == ["RUS GOV"]
    assert {a["alias"] for a in actor["aliases"]} == {"Dmitry Peskov", "Peskov"}
    assert body["quote_count"] == 2 and len(body["quotes"]) == 2
    assert {c["key"] for c in body["co_actors"]} >= {"person:vladimir-putin", "person:kim-jong-un"}


def test_actor_events_both_ways_and_dyads(client: TestClient) -> None:
    body = client.get("/api/actors/country:PRK").json()
    assert [e["category"] for e in body["events_as_source"]] == ["ACCUSE", "AID"]
    assert [e["source_name"] for e in body["events_as_target"]] == ["Antony Blinken"]
    dyads = {d["dyad"]: d["events"] for d in body["dyads"]}
    assert dyads == {"PRK-USA": 1, "PRK-RUS": 1, "USA-PRK": 1}
    months = {m["month"]: (m["as_source"], m["as_target"]) for m in body["months"]}
    assert months == {"2023-11": (1, 1), "2024-02": (1, 0)}
    partners = {(p["key"], p["direction"]) for p in body["partners"]}
    assert ("country:RUS", "out") in partners and ("person:antony-blinken", "in") in partners


def test_actor_record_has_its_knowledge_base_entry(client: TestClient) -> None:
    kb = client.get("/api/actors/person:vladimir-putin").json()["actor"]["kb"]
    if kb is not None:  # the shipped knowledge base knows Putin
        assert kb["id"] == "person:vladimir-putin" and kb["name"] == "Vladimir Putin" and kb["offices"]


def test_actor_by_name_resolves_to_its_knowledge_base_id(client: TestClient) -> None:
    assert client.get("/api/actors/Vladimir%20Putin").json()["actor"]["key"] == "person:vladimir-putin"


def test_actor_without_knowledge_base_id_by_name(client: TestClient) -> None:
    body = client.get("/api/actors/Pemerintah%20Provinsi%20DKI%20Jakarta").json()
    assert body["source_count"] == 2 and body["actor"]["kb_id"] is None


def test_unknown_actor_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/actors/person:nobody"), 404)


# -- events --------------------------------------------------------------------------------------------


def test_events_filters(client: TestClient) -> None:
    def get(**params: str) -> list[tuple[str, int]]:
        return [(r["article_id"], r["idx"]) for r in client.get("/api/events", params=params).json()["rows"]]

    assert get(category="ACCUSE") == [("rusia-1", 3), ("rusia-1", 1)]
    assert get(dyad="rus-prk") == [("rusia-1", 0)]
    assert get(actor="person:kim-jong-un") == [("rusia-2", 0), ("rusia-1", 0)]
    assert get(source="country:PRK", target="country:RUS") == [("rusia-1", 2)]
    assert get(status="intent") == [("rusia-2", 0)]
    assert get(since="2024-03") == [("rusia-2", 0)]
    assert len(get(story="s-banjir")) == 2 and get(outlet="tempo.co", category="AID") == [("banjir-3", 0)]


def test_events_rows_carry_article_and_offsets(client: TestClient) -> None:
    row = client.get("/api/events", params={"dyad": "RUS-PRK"}).json()["rows"][0]
    assert row["source_name"] == "Vladimir Putin" and row["target_code"] == "PRK GOV"
    assert LIMUSIN[row["start"] : row["end"]] == row["sentence"] and row["outlet"] == "kompas.com"


def test_events_as_plover_jsonl(client: TestClient) -> None:
    import json

    response = client.get(
        "/api/events", params={"format": "plover", "category": "AID", "source": "country:PRK"}
    )
    assert response.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == 1
    r = records[0]
    assert r["event_id"] == "rusia-1#2" and r["event_type"] == "AID" and r["event_mode"] == "military"
    assert (
        r["actor"]["country"] == "PRK"
        and r["actor"]["name"] == "Korea Utara"
        and r["actor"]["sector"] == "GOV"
    )
    assert (
        r["recipient"]["country"] == "RUS"
        and r["event_status"] == "alleged"
        and r["event_date"] == "2023-11-10"
    )
    assert r["article"]["outlet"] == "kompas.com" and r["evidence"].startswith("Menteri Luar Negeri")


# -- stories, threads, coverage ------------------------------------------------------------------------


def test_story_list(client: TestClient) -> None:
    rows = client.get("/api/stories").json()["rows"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["s-banjir"]["articles"] == 3 and by_id["s-banjir"]["first_date"] == "2024-01-02"
    assert [r["id"] for r in client.get("/api/stories", params={"q": "limusin"}).json()["rows"]] == [
        "s-limusin"
    ]
    assert [
        r["id"]
        for r in client.get("/api/stories", params={"outlet": "tempo.co", "since": "2024-03"}).json()["rows"]
    ] == ["s-kunjungan"]


def test_story_timeline(client: TestClient) -> None:
    story = client.get("/api/stories/s-banjir").json()["story"]
    assert (
        story["kind"] == "story"
        and story["first_date"] == "2024-01-02"
        and story["last_date"] == "2024-01-03"
    )
    assert [a["id"] for a in story["articles"]] == ["banjir-1", "banjir-2", "banjir-3"]
    assert [(o["outlet"], o["lag_hours"]) for o in story["outlets"]] == [
        ("kompas.com", 0.0),
        ("detik.com", 3.58),
        ("tempo.co", 28.83),
    ]
    assert [e["date"] for e in story["events"]] == ["2024-01-02", "2024-01-03"]


def test_story_coverage_and_global_coverage(client: TestClient) -> None:
    rows = client.get("/api/stories/s-kunjungan/coverage").json()["rows"]
    assert [(r["outlet"], r["lag_hours"]) for r in rows] == [("tempo.co", 0.0), ("detik.com", 1.5)]
    every = client.get("/api/coverage", params={"outlet": "detik.com"}).json()["rows"]
    assert {r["story"] for r in every} == {"s-banjir", "s-kunjungan"}


def test_thread_list_and_timeline(client: TestClient) -> None:
    threads = {r["id"]: r for r in client.get("/api/threads").json()["rows"]}
    assert threads["t-semenanjung"]["stories"] == 2
    thread = client.get("/api/threads/t-semenanjung").json()["thread"]
    assert [s["id"] for s in thread["stories"]] == ["s-limusin", "s-kunjungan"]
    assert len(thread["articles"]) == 3 and {e["category"] for e in thread["events"]} == {
        "AID",
        "ACCUSE",
        "CONSULT",
    }


def test_unknown_story_and_thread_are_404(client: TestClient) -> None:
    assert_error(client.get("/api/stories/s-nope"), 404)
    assert_error(client.get("/api/threads/t-nope"), 404)
    assert_error(client.get("/api/threads/s-banjir"), 404)


def test_outlets(client: TestClient) -> None:
    rows = {r["outlet"]: r for r in client.get("/api/outlets").json()["rows"]}
    assert rows["kompas.com"]["articles"] == 2 and rows["kompas.com"]["first_reports"] == 2
    assert rows["detik.com"]["stories"] == 2 and rows["detik.com"]["median_lag_hours"] == 2.5


# -- meta ----------------------------------------------------------------------------------------------


def test_api_index_and_openapi(client: TestClient) -> None:
    index = client.get("/api").json()
    assert index["counts"]["articles"] == 8 and index["links"]["events"] == "/api/events"
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/actors",
        "/api/actors/{key}",
        "/api/events",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/coverage",
        "/api/threads",
        "/api/threads/{thread_id}",
        "/api/outlets",
        "/api/coverage",
    ):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert params >= {
        "q",
        "outlet",
        "since",
        "until",
        "language",
        "actor",
        "category",
        "story",
        "limit",
        "offset",
        "format",
    }


def test_docs_page_is_served_without_cdn(client: TestClient) -> None:
    page = client.get("/docs", headers={"accept": "text/html"})
    assert page.status_code == 200 and "/api/articles" in page.text and "/openapi.json" in page.text
    assert "cdn" not in page.text.lower() and '<script src="http' not in page.text
