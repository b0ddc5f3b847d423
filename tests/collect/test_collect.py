"""The collector against a real HTTP server on loopback serving a fixture site."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kabar.collect import collect, load_sources
from kabar.collect.fetch import Fetcher
from kabar.collect.sources import Outlet, Politeness, Sources, SourcesError
from kabar.collect.urls import canonical_url
from kabar.ingest import read_inputs
from kabar.model import SourceDocument
from kabar.store import Store
from tests.collect.site import NewsSite

FAST = Politeness(delay=0.0, concurrency=4, timeout=1.0, retries=2, max_bytes=1_000_000)


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with NewsSite() as running:
        yield running


def _sources(site: NewsSite, politeness: Politeness = FAST) -> Sources:
    outlet = Outlet(
        "Contoh Warta", feeds=[f"{site.base}/rss.xml"], sitemaps=[f"{site.base}/sitemap-index.xml"]
    )
    return Sources([outlet], politeness, "kabar-test/1.0")


def test_canonical_urls() -> None:
    assert (
        canonical_url("HTTP://WWW.Contoh.id/berita/1/?utm_source=x&b=2&a=1#top")
        == "http://contoh.id/berita/1?a=1&b=2"
    )
    assert canonical_url("https://m.contoh.id/berita/1/amp") == "https://contoh.id/berita/1"
    assert canonical_url("https://amp.contoh.id/amp/berita/1") == "https://contoh.id/berita/1"
    assert canonical_url("http://127.0.0.1:8080/a?fbclid=1") == "http://127.0.0.1:8080/a"


def test_first_run_collects_everything_allowed(site: NewsSite, tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        report = collect(_sources(site), store, tmp_path / "warc", ingest_pages=False)
    assert site.requests["/private/rahasia"] == 0  # robots.txt forbids it
    assert report.discovered == 11  # 3 feed articles + 5 feed oddities + 3 sitemap articles (amp = /berita/1)
    assert report.fetched == 8  # 6 articles, the 429-then-200 page, the redirect chain's final page
    reasons = dict(report.failed + report.skipped)
    assert reasons[canonical_url(f"{site.base}/private/rahasia")] == "forbidden by robots.txt"
    assert "over the 1000000-byte limit" in reasons[canonical_url(f"{site.base}/files/besar.bin")]
    assert "Timeout" in reasons[canonical_url(f"{site.base}/berita/lambat")]
    assert site.requests["/berita/429"] == 2  # retried after the 429
    docs = [d for d in read_inputs([tmp_path / "warc"]) if isinstance(d, SourceDocument)]
    assert len(docs) == 8
    assert f"{site.base}/berita/baru" in {d.url for d in docs}  # the redirect chain's final URL


def test_second_run_fetches_no_article(site: NewsSite, tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        collect(_sources(site), store, tmp_path / "warc", ingest_pages=False)
        before = dict(site.requests)
        report = collect(_sources(site), store, tmp_path / "warc", ingest_pages=False)
    assert report.fetched == 0 and report.new == 0
    article_paths = [p for p in site.requests if p.startswith("/berita/") and p != "/berita/lambat"]
    assert all(site.requests[p] == before[p] for p in article_paths)
    assert site.requests["/rss.xml"] == 2  # asked again, conditionally (answered 304)


def test_warc_is_readable_by_warcio(site: NewsSite, tmp_path: Path) -> None:
    warcio = pytest.importorskip("warcio.archiveiterator")
    with Store(tmp_path / "k.db") as store:
        report = collect(_sources(site), store, tmp_path / "warc", ingest_pages=False)
    kinds: dict[str, int] = {}
    for name in report.warc_files:
        with open(name, "rb") as handle:
            for record in warcio.ArchiveIterator(handle):
                kinds[record.rec_type] = kinds.get(record.rec_type, 0) + 1
                record.content_stream().read()
    assert kinds["response"] == kinds["request"] > 10


def test_politeness_limits_requests_per_host(site: NewsSite, tmp_path: Path) -> None:
    polite = Politeness(delay=0.05, concurrency=1, timeout=1.0, retries=1)
    fetcher = Fetcher(polite, "kabar-test/1.0")
    started = time.monotonic()
    with Store(tmp_path / "k.db") as store:
        collect(_sources(site, polite), store, tmp_path / "warc", ingest_pages=False, fetcher=fetcher,
                threads=8)  # fmt: skip
    assert max(h.max_in_flight for h in fetcher._hosts.values()) == 1
    requests = sum(site.requests.values())
    assert time.monotonic() - started >= 0.05 * (requests - 1) * 0.9


def test_sources_file(tmp_path: Path) -> None:
    (tmp_path / "urls.txt").write_text("# daftar\nhttps://contoh.id/a\n\nhttps://contoh.id/b\n", "utf-8")
    path = tmp_path / "sources.yaml"
    path.write_text("user_agent: uji/1.0\ndefaults: {delay: 2, concurrency: 3}\noutlets:\n"
                    "  - name: Contoh\n    feeds: [https://contoh.id/rss]\n    url_files: [urls.txt]\n"
                    "    include: ['/berita/']\n", "utf-8")  # fmt: skip
    sources = load_sources(path)
    assert sources.user_agent == "uji/1.0" and sources.politeness.delay == 2.0
    assert sources.politeness.concurrency == 3
    assert sources.outlets[0].urls == ["https://contoh.id/a", "https://contoh.id/b"]
    assert sources.outlets[0].wants("https://contoh.id/berita/1") and not sources.outlets[0].wants(
        "https://contoh.id/x"
    )
    path.write_text("outlets: [{feeds: []}]\n", "utf-8")
    with pytest.raises(SourcesError, match="needs a 'name'"):
        load_sources(path)
    path.write_text("defaults: {speed: 9}\noutlets: []\n", "utf-8")
    with pytest.raises(SourcesError, match="unknown defaults"):
        load_sources(path)


def test_shipped_example_sources_load() -> None:
    from kabar.collect import example_sources_path

    sources = load_sources(example_sources_path())
    assert len(sources.outlets) >= 10
