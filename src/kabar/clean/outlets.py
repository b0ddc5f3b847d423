"""Which outlet a page comes from: its URL's host, its dateline, or the furniture it signs with."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
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
# the names that hold no other name: a page holds some outlet name only if it holds one of these
_NAME_CORES = tuple(n for n in _NAME_KEYS if not any(o != n and o in n for o in _NAME_KEYS))
_SHORT_LINE = 80  # signatures stand on short lines
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
    parts = _dateline(paragraph)
    return None if parts is None else parts[:2]


def dateline_name(paragraph: str) -> str | None:
    """The name after the place in a dateline when it is no outlet the lexicon knows
    (``Sukabumi, Kabar Uji -`` gives ``Kabar Uji``): an outlet's name, or a region's (``Ohio``)."""
    parts = _dateline(paragraph)
    return None if parts is None else parts[2]


def _dateline(paragraph: str) -> tuple[str | None, str | None, str | None] | None:
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    place: str | None = None
    outlet: str | None = None
    named: str | None = None  # an outlet name not in the lexicon ("Sukabumi, Kabar Uji -")
    for part in _head_parts(match.group("head")):
        found = outlet_from_name(part)
        if found is not None:
            outlet = outlet or found
        elif place is None and _place_like(part):
            place = part.title() if part.isupper() else part
        elif place is not None and named is None and _place_like(part):
            named = part
        else:
            return None
    if place is None and outlet is None:
        return None
    return place, outlet, named


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


def detect_outlet(
    lines: Iterable[str], url: str | None = None, *, keys: Sequence[str] | None = None
) -> str | None:
    """The outlet of a page: its URL host, else the outlet of a dateline, else a signature.

    A signature is an outlet name or domain on a short line (``Baca artikel IDN Times lainnya``,
    ``dan ikuti WhatsApp channel mediaindonesia.com``); the most frequent one wins. Failing
    those, the copyright line tells: the domain on it (``© 2024 beritapagi.net``), else the name
    a dateline gives (``Jakarta, Warta Nusantara -``) when the copyright line names it too.

    ``keys`` are the lines lower-cased (``Line.key``), when the caller has them: lower-casing a
    page again costs more than all the rest.
    """
    from_host = host_outlet(url)
    if from_host:
        return from_host
    texts = list(lines)
    short = [i for i, line in enumerate(texts) if len(line) <= _SHORT_LINE]
    named: str | None = None
    for line in texts:
        if len(line) > _SHORT_LINE and _dash_early(line):
            parts = _dateline(line)
            if parts is not None and parts[1] is not None:
                return parts[1]
            named = named or (parts[2] if parts is not None else None)
    joined = "\n".join([texts[i] for i in short])
    lowered = "\n".join([keys[i] for i in short]) if keys is not None else joined.lower()
    return _signature(joined, lowered) or _copyright_outlet(lowered, named)


def _dash_early(line: str) -> bool:
    """A dateline's dash within the first 70 characters (any dash character first: no regex call)."""
    head = line[:70]
    return ("-" in head or "–" in head or "—" in head) and _DASH.search(line, 0, 70) is not None


def _signature(joined: str, lowered: str) -> str | None:
    if not any(name in lowered for name in _NAME_CORES):
        return None  # the common case, decided by plain substring search before any regex
    signatures: Counter[str] = Counter()
    for name in _NAMES.findall(joined):
        if name.islower() and "." not in name:
            continue  # "antara", "tempo", "kompas" are also plain words
        domain = outlet_from_name(name)
        if domain:
            signatures[domain] += 1
    return signatures.most_common(1)[0][0] if signatures else None


_COPYRIGHT = ("©", "copyright", "hak cipta")
_DOMAIN_IN = re.compile(
    r"(?<![\w.@/-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|id|co|net|org|news|tv)(?:\.[a-z]{2})?\b(?![.-]?\w)"
)


def _copyright_outlet(lowered: str, named: str | None) -> str | None:
    """The outlet a page's copyright line names: its domain, or the dateline's ``named`` outlet."""
    for marker in _COPYRIGHT:
        at = lowered.find(marker)
        while at >= 0:
            start, end = lowered.rfind("\n", 0, at) + 1, lowered.find("\n", at)
            line = lowered[start : end if end >= 0 else len(lowered)]
            domain = _DOMAIN_IN.search(line)
            if domain is not None:
                return host_outlet(domain.group())
            if named is not None and _brand_like(named) and named.lower() in line:
                return named
            at = lowered.find(marker, at + 1) if end >= 0 else -1
    return None


def _brand_like(name: str) -> bool:
    return "." not in name and len(name) > 3
