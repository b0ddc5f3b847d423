"""Article URLs from RSS/Atom feeds (feedparser) and XML sitemaps, sitemap indexes included."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass

import feedparser
from lxml import etree

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class Discovered:
    url: str
    published: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Sitemap:
    """A parsed sitemap: article URLs, or (for a sitemap index) the URLs of more sitemaps."""

    pages: list[Discovered]
    children: list[str]


def parse_feed(body: bytes) -> list[Discovered]:
    """Entries of an RSS or Atom feed (their links, dates and titles)."""
    parsed = feedparser.parse(body)
    found = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            found.append(
                Discovered(str(link), entry.get("published") or entry.get("updated"), entry.get("title"))
            )
    return found


def parse_sitemap(body: bytes) -> Sitemap:
    """A urlset (with ``news:`` extensions) or a sitemap index; gzipped bodies are accepted."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError, zlib.error):
            return Sitemap([], [])
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                             huge_tree=False, recover=True))  # fmt: skip
    except etree.XMLSyntaxError:
        return Sitemap([], [])
    if root is None:
        return Sitemap([], [])
    if root.tag == f"{_SITEMAP_NS}sitemapindex":
        return Sitemap([], [loc for loc in _texts(root, f"{_SITEMAP_NS}sitemap/{_SITEMAP_NS}loc")])
    pages = []
    for url in root.iter(f"{_SITEMAP_NS}url"):
        loc = url.findtext(f"{_SITEMAP_NS}loc")
        if not loc:
            continue
        news = url.find(f"{_NEWS_NS}news")
        published = news.findtext(f"{_NEWS_NS}publication_date") if news is not None else None
        title = news.findtext(f"{_NEWS_NS}title") if news is not None else None
        pages.append(Discovered(loc.strip(), published or url.findtext(f"{_SITEMAP_NS}lastmod"), title))
    return Sitemap(pages, [])


def _texts(root: etree._Element, path: str) -> list[str]:
    return [e.text.strip() for e in root.findall(path) if e.text and e.text.strip()]
