"""The sources file: which outlets to collect from, and how politely.

YAML, documented in the README ("Collecting news") and shown by ``sources.example.yaml``::

    user_agent: "kabar/0.1 (research; contact: you@example.org)"
    defaults: {delay: 1.0, concurrency: 1, timeout: 20, max_bytes: 5000000, retries: 3}
    outlets:
      - name: Contoh News
        feeds: [https://contoh.id/rss]
        sitemaps: [https://contoh.id/sitemap_news.xml]
        urls: [https://contoh.id/berita/1]
        url_files: [more-urls.txt]
        include: ["/berita/"]        # optional: only article URLs matching one of these regexes
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_USER_AGENT = "kabar/0.1 (+https://pypi.org/project/kabar/; news research crawler)"


class SourcesError(ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Politeness:
    delay: float = 1.0  # seconds between the starts of two requests to one host
    concurrency: int = 1  # requests in flight to one host
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    retries: int = 3
    max_redirects: int = 5


@dataclass(slots=True)
class Outlet:
    name: str
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    include: list[re.Pattern[str]] = field(default_factory=list)

    def wants(self, url: str) -> bool:
        return not self.include or any(p.search(url) for p in self.include)


@dataclass(slots=True)
class Sources:
    outlets: list[Outlet]
    politeness: Politeness = field(default_factory=Politeness)
    user_agent: str = DEFAULT_USER_AGENT


def load_sources(path: Path) -> Sources:
    """Read and check a sources file."""
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SourcesError(f"{path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise SourcesError(f"{path}: expected a mapping with an 'outlets' list")
    politeness = _politeness(path, data.get("defaults") or {})
    outlets = [_outlet(path, i, entry) for i, entry in enumerate(data["outlets"])]
    return Sources(outlets, politeness, str(data.get("user_agent") or DEFAULT_USER_AGENT))


def _politeness(path: Path, values: dict[str, Any]) -> Politeness:
    known = set(Politeness.__dataclass_fields__)
    unknown = set(values) - known
    if unknown:
        raise SourcesError(f"{path}: unknown defaults {sorted(unknown)}; known: {sorted(known)}")
    try:
        defaults = Politeness()
        return Politeness(**{k: type(getattr(defaults, k))(v) for k, v in values.items()})
    except (TypeError, ValueError) as exc:
        raise SourcesError(f"{path}: bad defaults: {exc}") from None


def _outlet(path: Path, index: int, entry: Any) -> Outlet:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise SourcesError(f"{path}: outlet #{index + 1} needs a 'name'")
    urls = list(entry.get("urls") or [])
    for name in entry.get("url_files") or []:
        file = (path.parent / name).resolve()
        try:
            urls += [line.strip() for line in file.read_text("utf-8").splitlines() if line.strip()
                     and not line.startswith("#")]  # fmt: skip
        except OSError as exc:
            raise SourcesError(f"{path}: url file {name}: {exc.strerror}") from None
    try:
        include = [re.compile(p) for p in entry.get("include") or []]
    except re.error as exc:
        raise SourcesError(f"{path}: outlet {entry['name']}: bad include pattern: {exc}") from None
    return Outlet(str(entry["name"]), list(entry.get("feeds") or []), list(entry.get("sitemaps") or []),
                  urls, include)  # fmt: skip
