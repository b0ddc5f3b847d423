"""The web UI in a real browser: Debian's Chromium driven by Playwright, against a loopback server.

Skips cleanly without the ``playwright`` package or without ``/usr/bin/chromium`` (``playwright
install`` is not used: the browser is the system one). Screenshots of each page are kept under
``test-artifacts/screenshots/`` (gitignored).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

CHROMIUM = os.environ.get("KABAR_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

if not shutil.which(CHROMIUM):
    pytest.skip(f"needs Chromium at {CHROMIUM}", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    import uvicorn

    from kabar.serve import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        except Exception as exc:  # a broken browser install is an environment problem, not a failure
            pytest.skip(f"cannot start Chromium: {exc}")
        yield chromium
        chromium.close()


class Watched:
    """A page that records dialogs (an alert means script ran) and console errors (CSP violations)."""

    def __init__(self, browser: Any, base: str, width: int = 1280) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True, locale="id-ID"
        )
        self.page = self.context.new_page()
        self.base = base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def web(browser: Any, base_url: str) -> Iterator[Watched]:
    watched = Watched(browser, base_url)
    yield watched
    assert watched.dialogs == [], "script ran: " + ", ".join(watched.dialogs)
    assert watched.errors == [], watched.errors
    watched.close()


def test_search_article_speaker_story_and_actor(web: Watched) -> None:
    page = web.open("/")
    page.fill("input[name=q]", "limusin")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=limusin*")
    hit = page.locator("ol.hits a", has_text="Putin Hadiahkan Limusin")
    sync_api.expect(hit).to_be_visible()
    web.shot("1-search")

    hit.click()
    page.wait_for_url("**/articles/rusia-1")
    quote = page.locator("#article-text mark.hl-quote").first
    sync_api.expect(quote).to_contain_text("Pemimpin Kim sangat menyukai mobil ini")
    speaker = page.locator("#article-text a.speaker")
    sync_api.expect(speaker).to_have_text("Dmitry Peskov")
    sync_api.expect(page.locator("#article-text a.hl-actor", has_text="Vladimir Putin")).to_be_visible()
    web.shot("2-article")

    page.click("article header a[href^='/stories/']")
    page.wait_for_url("**/stories/s-limusin")
    sync_api.expect(page.locator("svg.chart circle.dot")).to_have_count(1)
    sync_api.expect(page.locator("svg.chart path.diamond")).to_have_count(4)
    web.shot("3-story")

    page.go_back()
    page.click("article header a[href^='/threads/']")
    page.wait_for_url("**/threads/t-semenanjung")
    sync_api.expect(page.locator("svg.chart rect.bar")).to_have_count(2)
    web.shot("4-thread")

    page.go_back()
    page.wait_for_url("**/articles/rusia-1")
    page.locator("#article-text a.speaker").click()
    page.wait_for_url("**/actors/person%3Admitry-peskov")
    sync_api.expect(page.locator("h1")).to_have_text("Dmitry Peskov")
    sync_api.expect(page.locator("ul.quotes blockquote")).to_have_count(2)
    web.shot("5-actor")


def test_story_timeline_by_outlet(web: Watched) -> None:
    page = web.open("/stories/s-banjir")
    sync_api.expect(page.locator("svg.chart circle.dot")).to_have_count(3)
    sync_api.expect(page.locator("#coverage tbody tr")).to_have_count(3)
    web.shot("6-story-timeline")


def test_csv_export_downloads(web: Watched) -> None:
    page = web.open("/?q=banjir")
    with page.expect_download() as info:
        page.click("p.downloads a:text('CSV')")
    download = info.value
    assert download.suggested_filename == "articles.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8"))))
    assert {r["id"] for r in rows} == {"banjir-1", "banjir-2", "banjir-3", "xss-1"}
    web.shot("7-search-export")


def test_highlight_layers_toggle(web: Watched) -> None:
    page = web.open("/articles/rusia-1")
    text = page.locator("#article-text")
    page.uncheck("input[data-layer=quote]")
    sync_api.expect(text).to_have_class("text hide-quote")
    sync_api.expect(page.locator("#article-text a.speaker")).to_be_hidden()


@pytest.mark.parametrize(
    "path",
    [
        "/articles/xss-1",
        "/?q=alert",
        "/actors",
        "/outlets",
        "/stories",
        "/quotes?q=klik",
        "/?q=%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_xss_corpus_runs_no_script(web: Watched, path: str) -> None:
    page = web.open(path)
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("window.__xss === undefined")
    if path == "/articles/xss-1":
        sync_api.expect(page.locator("h1")).to_contain_text('<script>alert("xss")</script>')
        web.shot("8-xss-article")


def test_phone_layout(browser: Any, base_url: str) -> None:
    phone = Watched(browser, base_url, width=390)
    try:
        for path, name in (
            ("/?q=banjir", "9-phone-search"),
            ("/articles/rusia-1", "10-phone-article"),
            ("/actors/country:PRK", "11-phone-actor"),
        ):
            page = phone.open(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 400, f"{path} scrolls sideways ({width}px)"
            phone.shot(name)
        assert phone.dialogs == [] and phone.errors == []
    finally:
        phone.close()
