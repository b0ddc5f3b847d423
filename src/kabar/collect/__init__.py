"""Collect: fetch news from live sites (feeds, sitemaps, URL lists), archive it as WARC, ingest it.

A run discovers article URLs from each outlet's feeds and sitemaps, canonicalises them, skips what
earlier runs collected, fetches the rest politely (robots.txt, per-host limits, conditional
requests, retries), writes every exchange to rotating WARC files, and ingests the new pages with
the same pipeline as ``kabar ingest``. What was fetched, and why anything failed, is kept in the
store (``collect_urls``, ``collect_feeds``) so the next run picks up where this one stopped.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kabar.collect.archive import WarcArchive
from kabar.collect.discover import Discovered, parse_feed, parse_sitemap
from kabar.collect.fetch import Fetched, Fetcher
from kabar.collect.sources import Outlet, Sources, SourcesError, load_sources
from kabar.collect.urls import canonical_url
from kabar.store import Store

__all__ = ["CollectReport", "SourcesError", "collect", "example_sources_path", "load_sources", "watch"]


def example_sources_path() -> Path:
    """The shipped example sources file (major Indonesian outlets; check it before use)."""
    return Path(__file__).parent / "sources.example.yaml"


_HTML = ("text/html", "application/xhtml+xml")
_MAX_SITEMAPS = 500
_MAX_ATTEMPTS = 5


@dataclass(slots=True)
class CollectReport:
    discovered: int = 0
    new: int = 0
    already_collected: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    ingested: int = 0
    warc_files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "discovered": self.discovered, "new": self.new, "already_collected": self.already_collected,
            "fetched": self.fetched, "not_modified": self.not_modified, "ingested": self.ingested,
            "failed": [{"url": u, "reason": r} for u, r in self.failed],
            "skipped": [{"url": u, "reason": r} for u, r in self.skipped],
            "warc_files": self.warc_files, "seconds": round(self.seconds, 2),
        }  # fmt: skip

    def summary(self) -> str:
        return (f"{self.discovered} discovered ({self.new} new, {self.already_collected} already collected),"
                f" {self.fetched} fetched, {self.not_modified} not modified, {len(self.failed)} failed,"
                f" {len(self.skipped)} skipped, {self.ingested} ingested in {self.seconds:.1f} s")  # fmt: skip


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def collect(
    sources: Sources, store: Store, warc_dir: Path, *, threads: int = 8, ingest_pages: bool = True,
    fetcher: Fetcher | None = None,
) -> CollectReport:  # fmt: skip
    """One collection run over every outlet of ``sources``; see the module docstring."""
    started = time.perf_counter()
    report = CollectReport()
    fetcher = fetcher or Fetcher(sources.politeness, sources.user_agent)
    with WarcArchive(warc_dir) as archive:
        for outlet in sources.outlets:
            _remember(store, outlet, _discover(outlet, fetcher, archive, store), report)
        pending = _pending(store)
        with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
            fetches = pool.map(lambda row: fetcher.fetch(row[0], etag=row[2], last_modified=row[3]), pending)
            for (url, *_), fetched in zip(pending, fetches, strict=True):
                _record(store, archive, url, fetched, report)
        report.warc_files = [str(p) for p in archive.files]
    if ingest_pages and report.fetched:
        from kabar.pipeline import ingest

        report.ingested = ingest(store, report.warc_files).processed
    report.seconds = time.perf_counter() - started
    return report


def _discover(outlet: Outlet, fetcher: Fetcher, archive: WarcArchive, store: Store) -> list[Discovered]:
    found = [Discovered(url) for url in outlet.urls]
    for feed in outlet.feeds:
        body = _fetch_listing(feed, fetcher, archive, store)
        found += parse_feed(body) if body else []
    queue, seen = list(outlet.sitemaps), set[str]()
    while queue and len(seen) < _MAX_SITEMAPS:
        sitemap_url = queue.pop(0)
        if sitemap_url in seen:
            continue
        seen.add(sitemap_url)
        body = _fetch_listing(sitemap_url, fetcher, archive, store)
        if body:
            sitemap = parse_sitemap(body)
            found += sitemap.pages
            queue += sitemap.children
    return [d for d in found if outlet.wants(d.url)]


def _fetch_listing(url: str, fetcher: Fetcher, archive: WarcArchive, store: Store) -> bytes | None:
    """A feed or sitemap, conditionally: None when unchanged since the last run or unreachable."""
    row = store.conn.execute("SELECT etag, last_modified FROM collect_feeds WHERE url = ?", (url,)).fetchone()
    fetched = fetcher.fetch(
        url, etag=row["etag"] if row else None, last_modified=row["last_modified"] if row else None
    )
    for exchange in fetched.exchanges:
        archive.write(exchange)
    if not fetched.ok:
        return None
    store.conn.execute(
        "INSERT INTO collect_feeds (url, etag, last_modified, fetched_at) VALUES (?,?,?,?) ON CONFLICT(url)"
        " DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
        " fetched_at = excluded.fetched_at", (url, fetched.etag, fetched.last_modified, _now()))  # fmt: skip
    return fetched.body


def _remember(store: Store, outlet: Outlet, found: list[Discovered], report: CollectReport) -> None:
    urls = dict.fromkeys(canonical_url(d.url) for d in found)
    report.discovered += len(urls)
    with store.transaction():
        for url in urls:
            state = store.conn.execute("SELECT state FROM collect_urls WHERE url = ?", (url,)).fetchone()
            if state is None:
                report.new += 1
                store.conn.execute("INSERT INTO collect_urls (url, outlet, state, discovered_at) VALUES (?,?,?,?)",
                                   (url, outlet.name, "discovered", _now()))  # fmt: skip
            elif state["state"] in ("fetched", "skipped", "forbidden"):
                report.already_collected += 1


def _pending(store: Store) -> list[tuple[str, str, str | None, str | None]]:
    rows = store.conn.execute(
        "SELECT url, outlet, etag, last_modified FROM collect_urls"
        " WHERE state IN ('discovered', 'failed') AND attempts < ? ORDER BY discovered_at, url",
        (_MAX_ATTEMPTS,),
    )
    return [(r["url"], r["outlet"], r["etag"], r["last_modified"]) for r in rows]


def _record(store: Store, archive: WarcArchive, url: str, fetched: Fetched, report: CollectReport) -> None:
    for exchange in fetched.exchanges:
        archive.write(exchange)
    state, reason = _outcome(fetched)
    if state == "fetched":
        report.fetched += 1
    elif state == "not-modified":
        report.not_modified += 1
        state = "fetched"
    elif state in ("skipped", "forbidden"):
        report.skipped.append((url, reason or state))
    else:
        report.failed.append((url, reason or "failed"))
    with store.transaction():
        store.conn.execute(
            "UPDATE collect_urls SET state = ?, reason = ?, final_url = ?, http_status = ?, etag = ?,"
            " last_modified = ?, attempts = attempts + 1, fetched_at = ? WHERE url = ?",
            (
                state,
                reason,
                fetched.final_url,
                fetched.status,
                fetched.etag,
                fetched.last_modified,
                _now(),
                url,
            ),
        )


def _outcome(fetched: Fetched) -> tuple[str, str | None]:
    if fetched.error == "forbidden by robots.txt":
        return "forbidden", fetched.error
    if fetched.not_modified:
        return "not-modified", None
    if fetched.error:
        return "failed", fetched.error
    if not fetched.content_type.startswith(_HTML):
        return "skipped", f"not HTML ({fetched.content_type or 'no content type'})"
    return "fetched", None


def watch(run: Any, every_seconds: float, rounds: int | None = None) -> Iterator[CollectReport]:
    """Repeat ``run()`` every ``every_seconds`` (``rounds`` times, or until interrupted)."""
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        yield run()
        done += 1
        if rounds is None or done < rounds:
            time.sleep(max(0.0, every_seconds - (time.monotonic() - started)))
