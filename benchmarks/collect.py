"""Collector throughput against a loopback news site, politeness limits lifted.

usage: python benchmarks/collect.py [--articles N]
Target: >= 20 pages per second. A second run on the unchanged site must fetch no article.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.collect.site import NewsSite

from benchmarks.common import save_results
from kabar.collect import collect
from kabar.collect.sources import Outlet, Politeness, Sources
from kabar.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    lifted = Politeness(delay=0.0, concurrency=16, timeout=5.0, retries=1)
    with NewsSite(articles=args.articles) as site, tempfile.TemporaryDirectory() as tmp:
        outlet = Outlet("bench", sitemaps=[f"{site.base}/sitemap-index.xml"], feeds=[f"{site.base}/rss.xml"])
        sources = Sources([outlet], lifted, "kabar-bench/1.0")
        with Store(Path(tmp) / "k.db") as store:
            started = time.perf_counter()
            first = collect(sources, store, Path(tmp) / "warc", threads=16, ingest_pages=False)
            fetch_seconds = time.perf_counter() - started
            second = collect(sources, store, Path(tmp) / "warc", threads=16, ingest_pages=False)
    save_results("collect", {
        "articles_on_site": args.articles,
        "pages_fetched": first.fetched,
        "seconds": round(fetch_seconds, 2),
        "pages_per_second": round(first.fetched / fetch_seconds, 1),
        "second_run_article_fetches": second.fetched,
    })  # fmt: skip


if __name__ == "__main__":
    main()
