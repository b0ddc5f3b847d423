"""Which outlet a page comes from: its URL's host, its dateline, or the furniture it signs with."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from kabar.clean.lexicon import COMPOUND_SUFFIXES, OUTLET_DISPLAY, OUTLET_NAMES

__all__ = ["detect_outlet", "host_outlet", "outlet_display_name", "outlet_from_name"]

_NAMES = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(n) for n in sorted(OUTLET_NAMES, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|id|co|net|org|news|tv)(?:\.[a-z]{2})?$")
# "Jakarta, IDN Times -", "TRIBUNNEWS.COM, JAKARTA -", "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -"
DATELINE = re.compile(
    r"^(?P<head>[A-Za-z][\w.&'’ ]{0,40}?(?:\s*\([\w.&' ]{2,30}\))?(?:,\s*[A-Za-z][\w.&'’ ]{0,40}?){0,2})"
    r"\s*(?:--?|–|—)\s+(?=\S)"
)


_NAME_KEYS = tuple(OUTLET_NAMES)
_DASH = re.compile(r"\s(?:--?|–|—)\s")


def host_outlet(url: str | None) -> str | None:
    """The registrable domain of ``url`` (``news.detik.com`` → ``detik.com``), or ``None``."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if ".".join(labels[-2:]) in COMPOUND_SUFFIXES else 2
    return ".".join(labels[-keep:])


def outlet_from_name(name: str) -> str | None:
    """The canonical domain for an outlet name as pages sign it (``IDN Times``, ``TRIBUNNEWS.COM``)."""
    key = " ".join(name.lower().strip(" .,-()").split())
    if key in OUTLET_NAMES:
        return OUTLET_NAMES[key]
    if _DOMAIN.match(key):
        return host_outlet(key)
    if key.startswith("tribun") and " " not in key:  # the Tribun network signs TRIBUNJOGJA.COM etc.
        return f"{key}.com" if "." not in key else key
    return None


def outlet_display_name(outlet: str) -> str:
    """A display name for a canonical outlet domain (``idntimes.com`` → ``IDN Times``)."""
    return OUTLET_DISPLAY.get(outlet, outlet)


def dateline_parts(paragraph: str) -> tuple[str | None, str | None] | None:
    """``(place, outlet)`` of a dateline opening ``paragraph``, or ``None`` when there is none."""
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    place: str | None = None
    outlet: str | None = None
    named = False  # an outlet name not in the lexicon ("Sukabumi, Kabar Uji -")
    for part in _head_parts(match.group("head")):
        found = outlet_from_name(part)
        if found is not None:
            outlet = outlet or found
        elif place is None and _place_like(part):
            place = part.title() if part.isupper() else part
        elif place is not None and not named and _place_like(part):
            named = True
        else:
            return None
    if place is None and outlet is None:
        return None
    return place, outlet


def _head_parts(head: str) -> list[str]:
    parts: list[str] = []
    for piece in head.split(","):
        inner = re.match(r"^(.*?)\s*\(([^)]*)\)$", piece.strip())
        parts.extend([inner.group(1), inner.group(2)] if inner else [piece.strip()])
    return [p for p in parts if p]


def _place_like(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 3:
        return False
    return all(w[0].isupper() for w in words)


def detect_outlet(lines: Iterable[str], url: str | None = None) -> str | None:
    """The outlet of a page: its URL host, else the outlet of a dateline, else a signature.

    A signature is an outlet name or domain on a short line (``Baca artikel IDN Times lainnya``,
    ``dan ikuti WhatsApp channel mediaindonesia.com``); the most frequent one wins.
    """
    from_host = host_outlet(url)
    if from_host:
        return from_host
    short: list[str] = []
    for line in lines:
        if len(line) <= 80:
            short.append(line)
        elif _DASH.search(line, 0, 70):
            parts = dateline_parts(line)
            if parts is not None and parts[1] is not None:
                return parts[1]
    joined = "\n".join(short)
    lowered = joined.lower()
    if not any(name in lowered for name in _NAME_KEYS):
        return None  # the common case, decided by plain substring search before any regex
    signatures: Counter[str] = Counter()
    for name in _NAMES.findall(joined):
        if name.islower() and "." not in name:
            continue  # "antara", "tempo", "kompas" are also plain words
        domain = outlet_from_name(name)
        if domain:
            signatures[domain] += 1
    return signatures.most_common(1)[0][0] if signatures else None
