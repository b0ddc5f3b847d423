"""URL canonicalisation: one URL per article, whatever the feed or sitemap called it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|ref|ref_src|source|src|"
                       r"page_from|tracking|cmpid|rss|amp|outputType|from)$", re.I)  # fmt: skip
_MOBILE_HOST = re.compile(r"^(m|mobile|amp)\.")
_AMP_PATH = re.compile(r"(/amp/?$|^/amp/|\.amp$|/amp(?=/))")


def canonical_url(url: str) -> str:
    """The canonical form of an article URL.

    Lower-case scheme and host (the scheme itself kept: some sites serve only http), ``www.``,
    mobile (``m.``) and AMP
    variants mapped to the desktop page, tracking parameters and fragments dropped, the
    remaining query sorted.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = _MOBILE_HOST.sub("", host).removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    path = _AMP_PATH.sub("/", parts.path or "/")
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((parts.scheme.lower(), host + port, path, urlencode(query), ""))


def host_of(url: str) -> str:
    """The host a politeness limit applies to (host and port, lower-case)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host
