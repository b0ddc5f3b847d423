"""Untrusted article text never becomes markup; strict headers everywhere; the token guards every request."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from kabar.serve import ServeError, create_app, run
from kabar.serve.app import is_loopback
from tests.serve.conftest import HTML, assert_error
from tests.serve.corpus import XSS_ACTOR, XSS_OUTLET, XSS_STORY

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "kabar" / "serve" / "templates"


class Markup(HTMLParser):
    """Every element, attribute and script the browser would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def inert(html: str) -> Markup:
    """Parse a page and check nothing in it can run script."""
    page = Markup()
    page.feed(html)
    for tag, attrs in page.tags:
        assert tag not in ("iframe", "object", "embed", "base", "img"), tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": None}, attrs
        for name in ("href", "src", "action", "xlink:href"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
    assert "<svg onload" not in html and "<img src=x" not in html and "<script>alert" not in html
    return page


XSS_PAGES = [
    "/articles/xss-1",
    "/?q=alert",
    "/?q=javascript",
    f"/?outlet={quote(XSS_OUTLET)}",
    "/quotes?q=klik",
    "/events?category=THREATEN",
    f"/actors/{quote(XSS_ACTOR, safe='')}",
    "/actors/org:polda-%3Cx%3E",
    "/actors",
    "/actors?q=%3Cscript%3E",
    f"/stories/{quote(XSS_STORY, safe='')}",
    "/stories",
    "/threads/t-%3Ci%3Ex%3C%2Fi%3E",
    "/threads",
    "/outlets",
    "/?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "/?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "/?since=%3Cscript%3E",
    "/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/docs",
    "/quotes?speaker=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
]


@pytest.mark.parametrize("path", XSS_PAGES)
def test_xss_corpus_renders_inert(client: TestClient, path: str) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code in (200, 400, 404, 422), response.text
    assert response.headers["content-type"].startswith("text/html")
    inert(response.text)


def test_xss_article_text_is_shown_as_text(client: TestClient) -> None:
    page = inert(client.get("/articles/xss-1", headers=HTML).text)
    text = "".join(page.text)
    assert '<script>alert("xss")</script>' in text and "&lt;b&gt;tebal" in text and XSS_ACTOR in text
    assert "</mark><script>alert(7)</script>" in text
    assert ("a", {"href": "javascript:alert(6)"}) not in page.tags


def test_xss_values_stay_data_in_json(client: TestClient) -> None:
    article = client.get("/api/articles/xss-1").json()["article"]
    assert article["title"].startswith("<script>") and article["outlet"] == XSS_OUTLET
    assert client.get("/api/articles/xss-1").headers["content-type"] == "application/json"


def test_templates_never_mark_data_safe() -> None:
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text("utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, template.name


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/rusia-1",
        "/api/articles",
        "/api/nothing",
        "/static/app.css",
        "/openapi.json",
        "/api/quotes.csv",
    ],
)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path, headers=HTML).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert "default-src 'none'" in csp and "base-uri 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer" and headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in (
        "/",
        "/articles/rusia-1",
        "/stories/s-banjir",
        "/actors/country:PRK",
        "/threads/t-semenanjung",
        "/outlets",
        "/docs",
    ):
        page = Markup()
        page.feed(client.get(path, headers=HTML).text)
        assert all(attrs.get("src") for tag, attrs in page.tags if tag == "script"), path
        assert not [t for t, a in page.tags if "style" in a or t == "style"], path


# -- the token -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guarded(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path, token="s3cret;token"))


def test_token_required_everywhere(guarded: TestClient) -> None:
    for path in ("/", "/api/articles", "/openapi.json", "/docs", "/static/app.css", "/api/articles.csv"):
        response = guarded.get(path)
        assert_error(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert "content-security-policy" in response.headers
    assert guarded.get("/", headers=HTML).status_code == 401


def test_token_by_header_query_or_cookie(guarded: TestClient) -> None:
    assert guarded.get("/api/articles", headers={"authorization": "Bearer s3cret;token"}).status_code == 200
    assert_error(guarded.get("/api/articles", headers={"authorization": "Bearer wrong"}), 401)
    first = guarded.get("/api/articles", params={"token": "s3cret;token", "q": "banjir"})
    assert first.status_code == 200 and first.json()["rows"]
    assert "token" not in (first.json()["next"] or "")
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    fresh = TestClient(guarded.app)
    assert fresh.get("/api/articles").status_code == 401
    fresh.cookies.set("kabar_token", guarded.cookies.get("kabar_token") or "")
    assert fresh.get("/api/articles").status_code == 200


def test_binding_beyond_loopback_needs_a_token(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KABAR_TOKEN", raising=False)
    with pytest.raises(ServeError, match="token"):
        run(store_path, host="0.0.0.0", port=0)
    with pytest.raises(ServeError, match="no store"):
        run(store_path.parent / "missing.db")
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
