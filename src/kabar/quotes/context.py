"""Where a quote was taken from (``via``) and the day it was said (``date``).

Both are read from the quote's reporting clause only, never from the quoted words: ``"…," kata
Peskov, dikutip dari Channel News Asia, Rabu (21/2/2024).`` gives ``Channel News Asia`` and
``2024-02-21``. A quote whose clause names no day takes the day of the same speaker's other
quotes (the gold dates a speaker's statements in one article alike: the "ujarnya" after
"kata X, Rabu (…)" was said that Wednesday), or of a report clause naming that speaker ("Hal itu
disampaikan Nasky …, Senin (20/10)"). ``via`` is never inherited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kabar.dates import find_dates
from kabar.quotes.lexicon import NOT_OUTLETS, VIA_VERBS

Span = tuple[int, int]

_BRANDS = (
    r"(?:detik|kumparan|tempo|kompas|tribun|okezone|liputan|antara|suara|merdeka|viva|idn|sindo"
    r"|inews|cnbc|cnn)"
)
_OUTLET = rf"(?:[A-Z0-9][\w.&'’-]*|{_BRANDS}[\w.&-]*)"
_VIA = re.compile(
    r"(?<![\w])(?i:" + "|".join(re.escape(v) for v in sorted(VIA_VERBS, key=len, reverse=True)) + r")"
    r"[ \u00a0]*(?i:laman[ \u00a0]+|situs[ \u00a0]+|media[ \u00a0]+|kantor berita[ \u00a0]+)?"
    rf"(?P<via>{_OUTLET}(?:[ \u00a0]+(?:{_OUTLET}|of|the|dan|&))*)"
)
_WEEKDAY = re.compile(r"(?i)\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\b")
_PERIOD = re.compile(r"(?i)\b(?:sejak|hingga|sampai|mulai|dari|berlaku)\s+(?:tanggal\s+)?$")
_TRAILING = re.compile(r"(?:[ \u00a0]+(?:of|the|dan|&))+$")


def find_via(text: str, frames: Sequence[Span]) -> str | None:
    """The outlet a reporting clause names, if any."""
    for start, end in frames:
        for match in _VIA.finditer(text, start, end):
            via = _TRAILING.sub("", match.group("via")).rstrip(".,")
            if via and via.split()[0].lower() not in NOT_OUTLETS:
                return via
    return None


@dataclass(frozen=True, slots=True)
class Said:
    """When a reporting clause says a statement was made.

    Attributes:
        day: the day (ISO ``YYYY-MM-DD``), or ``None``.
        vague: the clause dates it only to a month or a year ("pada November 2023 lalu"), so it
            takes no day from the speaker's other statements either.
    """

    day: str | None
    vague: bool = False


def when_said(text: str, frames: Sequence[Span], reference: date | None, strict: bool = False) -> Said:
    """The day a reporting clause gives: a weekday date (``Rabu (21/2/2024)``) or a relative one
    (``kemarin``) first, then (unless ``strict``) any other day that does not start a period
    ("sejak 10 Oktober")."""
    plain: str | None = None
    vague = False
    for start, end in frames:
        if end <= start:
            continue
        chunk = text[start:end]
        for mention in find_dates(chunk, reference):
            if mention.precision != "day" or mention.approximate:
                vague = True
                continue
            spoken = mention.relative and not any(ch.isdigit() for ch in mention.text)  # "kemarin"
            if spoken or _WEEKDAY.search(chunk, max(0, mention.start - 14), mention.end):
                return Said(mention.value.isoformat())
            if plain is None and not _PERIOD.search(chunk, max(0, mention.start - 12), mention.start):
                plain = mention.value.isoformat()
    if plain is not None and not strict:
        return Said(plain)
    return Said(None, vague)


def reference_date(pub_date: str | None) -> date | None:
    """The article's publication day, for dates without a year and relative ones."""
    if not pub_date:
        return None
    try:
        return date.fromisoformat(pub_date[:10])
    except ValueError:
        return None
