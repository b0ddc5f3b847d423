"""Dates in Indonesian and English news text: mentions, publication dates, weekday-checked years.

Shared by cleaning (publication dates) and events (event dates). Every pattern lives in this
module; the Indonesian formats are hand-written regexes because they are frequent and regular:

* ``Kamis (14/9/2023)``, ``pada Jumat (10/11/2023)``, ``Selasa (20/1)``, ``(30/4)``
* ``14 September 2023``, ``Kamis, 14 September 2023 10:15 WIB``, ``21/02/2024, 07:05 WIB``
* ``September 2023``, ``November 2023 lalu``, ``tahun 2019``
* ``kemarin``, ``hari ini``, ``pekan lalu``, ``tahun lalu``, ``Senin lalu`` (need a reference date)
* English: ``November 19, 2019 at 8:59 pm``, ``Nov. 19, 2019``, ``18 NOV 2019``, ``last week``

A day and month without a year take the year from the reference date; with a weekday
(``Selasa (20/1)``) the year is the one near the reference in which that day is that weekday.
Nothing here touches the network; dateparser is only a last resort in :func:`parse_pub_date`.

Example::

    >>> [m.iso() for m in find_dates("Rabu (21/2/2024) dan Selasa (20/1)", date(2026, 2, 1))]
    ['2024-02-21', '2026-01-20']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

__all__ = [
    "MONTHS", "TIMEZONES", "WEEKDAYS", "DateMention", "find_dates", "parse_pub_date",
    "publication_date", "reporting_date", "weekday_year",
]  # fmt: skip

Precision = Literal["day", "month", "year"]

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
    "agst": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11,
    "des": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

TIMEZONES: dict[str, str] = {
    "wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
    "z": "+00:00", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "est": "-05:00",
    "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00", "pdt": "-07:00",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text.

    Args:
        start, end: character offsets of the mention in the searched text.
        text: the mention as written.
        value: the date (the first day of the month or year for coarser precisions).
        precision: ``day``, ``month`` or ``year``.
        hour, minute: the time of day when the mention gives one.
        tz: the UTC offset (``+07:00``) when the mention names a zone (WIB, WITA, WIT ...).
        relative: the value was worked out from the reference date (``kemarin``, ``(20/1)``).
        approximate: the mention is vaguer than its precision (``pekan lalu``).
    """

    start: int
    end: int
    text: str
    value: date
    precision: Precision
    hour: int | None = None
    minute: int | None = None
    tz: str | None = None
    relative: bool = False
    approximate: bool = False

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def iso(self, default_tz: str | None = None) -> str:
        """ISO 8601: ``2023-09-14T10:15:00+07:00`` with a time and a zone, else the date part.

        A time without a known zone is dropped rather than written as a naive datetime.
        """
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        tz = self.tz or default_tz
        if self.hour is None or tz is None:
            return self.value.isoformat()
        return f"{self.value.isoformat()}T{self.hour:02d}:{self.minute or 0:02d}:00{tz}"


def _trie(words: Any) -> str:
    """A regex alternation with shared prefixes factored out (``jan(?:uari|uary)?``): the regex
    engine tries far fewer branches than with a flat ``januari|january|jan``."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


_MON = rf"(?P<mon>{_trie(MONTHS)})\.?"
INDONESIAN_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad)"
"""An Indonesian weekday name as a regex (case-insensitive use)."""
_WD_ID = rf"(?P<wdr>{INDONESIAN_WEEKDAY})"
_WD_EN = r"(?P<wde>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TIME = (
    r"(?:\s*,?\s*(?:pukul|pkl\.?|jam|at|\||-|–)?\s*(?P<H>[012]?\d)[:.](?P<M>[0-5]\d)(?::[0-5]\d)?(?!\d)"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?(?:\s*(?P<tz>WIB|WITA|WIT|UTC|GMT|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT)"
    r"\b(?P<tzoff>[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)
_YEAR = r"(?P<y>(?:19|20)\d{2})"
# "[0-3]?\d" written to start with a digit class, so the regex engine skips to the next digit
# instead of trying every position of the text
_DAY = r"\d(?:(?<=[0-3])\d)?"

# Every pattern starts on a digit, a parenthesis or a month name, so scanning stays cheap; a
# weekday or a cue word before the match is found by looking back (_WEEKDAY_BEFORE, _YEAR_CUE).
# Overlapping matches go to the longest, then the earliest.
_PATTERNS: dict[str, re.Pattern[str]] = {
    "iso": re.compile(
        r"(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:[T ](?P<H>[012]\d):(?P<M>[0-5]\d)(?::\d{2}(?:\.\d+)?)?(?P<z>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
    ),
    "paren": re.compile(r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)"),
    "day_month": re.compile(rf"(?P<d>{_DAY})\s+{_MON}(?:\s+{_YEAR})?(?![\w-]){_TIME}", re.I),
    "month_first": re.compile(
        rf"(?=[adfjmnosADFJMNOS])\b{_MON}(?:\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?)?\s+{_YEAR}\b(?![-/.]\d){_TIME}",
        re.I,
    ),
    "numeric": re.compile(
        rf"(?P<a>{_DAY})(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d{{2}})(?![\d/]){_TIME}",
        re.I,
    ),
    "year": re.compile(r"(?P<y>(?:19|20)\d{2})(?![\w-]|[.,/]\d)"),
}
_RELATIVE = re.compile(
    r"(?=[bhklmnpstyBHKLMNPSTY])\b"
    r"(?P<rel>kemarin(?: lusa)?|hari ini|besok|lusa|tadi malam|semalam|yesterday|today|tomorrow"
    r"|(?:pekan|minggu|bulan|tahun) (?:lalu|kemarin|depan|ini)|(?:last|next|this) (?:week|month|year))\b"
    rf"|\b{_WD_ID} (?P<dir>lalu|kemarin|depan)\b|\b(?P<dire>last|next) {_WD_EN}\b",
    re.I,
)
# a capitalised Indonesian weekday may be glued to the word before it where a scraper dropped
# the space around a link ("dikonfirmasi detikJatengSelasa (21/10/2025)")
_WEEKDAY_BEFORE = re.compile(
    rf"(?:(?<!\w)(?P<wd>{_trie(WEEKDAYS)})|(?<=[a-z])(?P<glued>(?-i:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu)))"
    r"\.?\s*,?\s*$",
    re.I,
)
_YEAR_CUE = re.compile(r"(?<!\w)(?:tahun|pada|sejak|hingga|sampai|awal|akhir|in|since)\s+$", re.I)


def find_dates(
    text: str, reference: date | datetime | None = None, *, dayfirst: bool = True
) -> list[DateMention]:
    """Every date mention in ``text``, in order, overlapping matches resolved to the longest.

    Args:
        text: any text (a sentence, a paragraph, a whole article).
        reference: the date the text was written (usually its publication date). Needed for
            relative mentions (``kemarin``, ``Senin lalu``) and mentions without a year
            (``Selasa (20/1)``); those are skipped when it is ``None``.
        dayfirst: read ambiguous numeric dates (``05/06/2024``) as day/month; a 12-hour time
            (``01:14 PM``) switches that mention to month/day.

    Returns:
        list[DateMention]: the mentions sorted by position.
    """
    ref = reference.date() if isinstance(reference, datetime) else reference
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS.items():
        for match in pattern.finditer(text):
            if _glued(match, kind):
                continue
            mention = _BUILDERS[kind](match, ref, dayfirst)
            if mention is not None:
                found.append(mention)
    if ref is not None:
        for match in _RELATIVE.finditer(text):
            mention = _build_relative(match, ref)
            if mention is not None:
                found.append(mention)
    return _non_overlapping(found)


# A match that continues a longer token ("112 Mei", "v1.2.2024", "A2019") is no date; checked
# here rather than as a lookbehind, which would slow every pattern's scan.
_GLUE_BEFORE = {"iso": "/.-", "day_month": ".,/", "numeric": ".,/", "year": ".,/-"}


def _glued(match: re.Match[str], kind: str) -> bool:
    start = match.start()
    if start == 0 or kind not in _GLUE_BEFORE:
        return False
    before = match.string[start - 1]
    return before.isalnum() or before == "_" or before in _GLUE_BEFORE[kind]


def _non_overlapping(mentions: list[DateMention]) -> list[DateMention]:
    """Drop mentions inside longer ones (one sweep, so long texts stay linear)."""
    mentions.sort(key=lambda m: (m.start, m.start - m.end))
    taken: list[DateMention] = []
    for m in mentions:
        if taken and m.start < taken[-1].end:
            if m.end - m.start > taken[-1].end - taken[-1].start:
                taken[-1] = m
            continue
        taken.append(m)
    return taken


def reporting_date(text: str, reference: date | datetime | None = None) -> DateMention | None:
    """The day a news text reports from: the latest date written with its weekday
    (``Kamis (14/9/2023)``, ``Kamis, 14 September 2023``) within two weeks of the first one.

    Indonesian news dates what it reports this way; an article published on the 21st may open
    with what happened on the 18th, and mention an event years ahead, hence the window.
    Cheaper than :func:`find_dates` (two patterns only).
    """
    ref = reference.date() if isinstance(reference, datetime) else reference
    mentions: list[DateMention] = []
    for kind in ("paren", "day_month"):
        for match in _PATTERNS[kind].finditer(text):
            if _glued(match, kind) or _weekday_before(match)[0] is None:
                continue
            mention = _BUILDERS[kind](match, ref, True)
            if mention is not None:
                mentions.append(mention)
    return _latest_near_first(mentions)


_REPORTING_WINDOW_DAYS = 14


def publication_date(
    text: str, reference: date | datetime | None = None, *, headline: str | None = None
) -> DateMention | None:
    """The day a news text was published, read from its body: :func:`reporting_date` over the
    mentions most likely to date the report itself, taken in this order:

    1. a date the text calls today (``diakses mulai hari ini, Minggu 7 September 2025``);
    2. dates in the reporting convention, a weekday with the day in parentheses (``kata dia,
       Minggu (31/8/2025)``; with its year, ``kepada wartawan (20/10/2025)`` counts too);
    3. dates written out with their weekday (``Senin, 25 Agustus 2025``).

    A date announced as ahead counts only when no other does: ``mulai besok, Minggu (19/10)``,
    ``pada Selasa, 26 Agustus 2025 besok``, ``diundur ke Rabu 3 September 2025 mendatang``.
    Schedules tend to be written out (``sidang putusan pada Senin, 27 Oktober 2025 pukul 10.00
    WIB``), hence the parenthesised form first.

    A ``headline`` (or URL) saying the news happens today (``Hari Ini Nikita Mirzani Diserahkan
    ke Kejaksaan``) dates the story by that event: the latest date, however it is written, as
    :func:`reporting_date` reads it.
    """
    if headline and _TODAY.search(headline):
        return reporting_date(text, reference)
    ref = reference.date() if isinstance(reference, datetime) else reference
    pools: list[list[DateMention]] = [[], [], [], []]  # today, parenthesised, written out, ahead
    for kind in ("paren", "day_month"):
        for match in _PATTERNS[kind].finditer(text):
            dated = _weekday_before(match)[0] is not None or (kind == "paren" and match["y"])
            if _glued(match, kind) or not dated:
                continue
            mention = _BUILDERS[kind](match, ref, True)
            if mention is not None:
                pools[_publication_rank(text, mention, kind)].append(mention)
    return next((_latest_near_first(pool) for pool in pools if pool), None)


def _publication_rank(text: str, mention: DateMention, kind: str) -> int:
    before = text[max(0, mention.start - 30) : mention.start]
    if _TODAY_BEFORE.search(before):
        return 0
    if _AHEAD_BEFORE.search(before) or _AHEAD_AFTER.match(text, mention.end, mention.end + 20):
        return 3
    return 1 if kind == "paren" else 2


def _latest_near_first(mentions: list[DateMention]) -> DateMention | None:
    if not mentions:
        return None
    first = min(mentions, key=lambda m: m.start)
    limit = first.value + timedelta(days=_REPORTING_WINDOW_DAYS)
    return max((m for m in mentions if m.value <= limit), key=lambda m: (m.value, -m.start))


# Words that announce the date next to them as ahead of the report: just before it
# ("mulai", "besok,", "terhitung sejak", "dijadwalkan pada") or just after it ("mendatang").
_AHEAD_BEFORE = re.compile(
    r"(?<!\w)(?:besok|lusa|mulai|terhitung(?: sejak| mulai)?|dijadwalkan|rencananya|direncanakan|"
    r"diundur|ditunda|nanti)(?: (?:pada|tanggal|hari|ke))?[\s,]*$",
    re.I,
)
_TODAY = re.compile(r"(?<![^\W_])(?:hari[ -]ini|today)(?![^\W_])", re.I)
_TODAY_BEFORE = re.compile(r"(?<!\w)(?:hari ini|today)(?: (?:pada|tanggal))?[\s,]*$", re.I)
_AHEAD_AFTER = re.compile(r"[\s,]*(?:mendatang|besok|lusa|nanti)(?!\w)", re.I)


def weekday_year(day: int, month: int, weekday: int, reference: date) -> date | None:
    """The date ``day/month`` within about half a year of ``reference`` that falls on ``weekday``.

    ``weekday`` counts from Monday = 0. ``None`` when there is none (a typo in the page, more
    likely than a date a year away): the caller then takes the nearest year whatever its weekday.
    """
    candidates = [
        d for d in _dates_near(day, month, reference)
        if d.weekday() == weekday and abs((d - reference).days) <= _WEEKDAY_WINDOW_DAYS
    ]  # fmt: skip
    return min(candidates, key=lambda d: abs((d - reference).days)) if candidates else None


_WEEKDAY_WINDOW_DAYS = 200


def _dates_near(day: int, month: int, reference: date) -> list[date]:
    out = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        value = _safe_date(year, month, day)
        if value is not None:
            out.append(value)
    return out


def _nearest_year(day: int, month: int, reference: date) -> date | None:
    candidates = _dates_near(day, month, reference)
    return min(candidates, key=lambda d: abs((d - reference).days)) if candidates else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _resolve_day(
    day: int, month: int, year: int | None, weekday: int | None, ref: date | None
) -> tuple[date, bool] | None:
    """The date and whether it was inferred from the reference."""
    if year is not None:
        value = _safe_date(year, month, day)
        return (value, False) if value else None
    if ref is None:
        return None
    value = weekday_year(day, month, weekday, ref) if weekday is not None else None
    value = value or _nearest_year(day, month, ref)
    return (value, True) if value else None


def _time(match: re.Match[str]) -> tuple[int | None, int | None, str | None]:
    groups = match.groupdict()
    if not groups.get("H"):
        return None, None, None
    hour, minute = int(groups["H"]), int(groups["M"])
    ampm = (groups.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None, None, None
    return hour, minute, _zone(groups.get("tz"), groups.get("tzoff"))


def _zone(name: str | None, offset: str | None) -> str | None:
    if not name:
        return None
    if offset:  # "GMT+7"
        sign, digits = offset[0], offset[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    return TIMEZONES.get(name.lower())


def _mention(
    match: re.Match[str], value: date, precision: Precision, start: int | None = None, end: int | None = None,
    **extra: Any,
) -> DateMention:  # fmt: skip
    start = match.start() if start is None else start
    end = match.end() if end is None else end
    return DateMention(start, end, match.string[start:end], value, precision, **extra)


def _weekday_before(match: re.Match[str]) -> tuple[int | None, int]:
    """The weekday written just before a match (``Kamis (14/9)``, ``Kamis, 14 September``) and
    where the mention then starts."""
    start = match.start()
    window = match.string[max(0, start - 16) : start]
    found = _WEEKDAY_BEFORE.search(window)
    if found is None:
        return None, start
    name = found.group("wd") or found.group("glued")
    return WEEKDAYS[name.lower()], start - len(window) + found.start()


def _month(match: re.Match[str]) -> int | None:
    """The month of a named-month match; a lower-case English ``may`` is a verb, not a month."""
    name = match.group("mon")
    if name[0].islower() and name.lower() in ("may", "mar", "jan", "des"):
        return None
    return MONTHS[name.lower()]


def _build_iso(match: re.Match[str], ref: date | None, dayfirst: bool) -> DateMention | None:
    value = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if value is None:
        return None
    hour = int(match["H"]) if match["H"] else None
    minute = int(match["M"]) if match["M"] else None
    tz = _iso_zone(match["z"]) if match["z"] else None
    return _mention(match, value, "day", hour=hour, minute=minute, tz=tz)


def _iso_zone(text: str) -> str:
    if text == "Z":
        return "+00:00"
    digits = text[1:].replace(":", "")
    return f"{text[0]}{digits[:2]}:{digits[2:4]}"


def _build_paren(match: re.Match[str], ref: date | None, dayfirst: bool) -> DateMention | None:
    weekday, start = _weekday_before(match)
    resolved = _resolve_day(int(match["d"]), int(match["m"]), _full_year(match["y"]), weekday, ref)
    if resolved is None:
        return None
    return _mention(match, resolved[0], "day", start=start, relative=resolved[1])


def _build_day_month(match: re.Match[str], ref: date | None, dayfirst: bool) -> DateMention | None:
    month = _month(match)
    if month is None:
        return None
    weekday, start = _weekday_before(match)
    resolved = _resolve_day(int(match["d"]), month, _full_year(match["y"]), weekday, ref)
    if resolved is None:
        return None
    hour, minute, tz = _time(match) if match["y"] else (None, None, None)
    end = match.end() if hour is not None else match.end("y" if match["y"] else "mon")
    return _mention(
        match, resolved[0], "day", start, end, hour=hour, minute=minute, tz=tz, relative=resolved[1]
    )


def _build_month_first(match: re.Match[str], ref: date | None, dayfirst: bool) -> DateMention | None:
    month = _month(match)
    if month is None:
        return None
    if match["d"] is None:
        return _mention(match, date(int(match["y"]), month, 1), "month", end=match.end("y"))
    value = _safe_date(int(match["y"]), month, int(match["d"]))
    if value is None:
        return None
    _, start = _weekday_before(match)
    hour, minute, tz = _time(match)
    end = match.end() if hour is not None else match.end("y")
    return _mention(match, value, "day", start, end, hour=hour, minute=minute, tz=tz)


def _build_numeric(match: re.Match[str], ref: date | None, dayfirst: bool) -> DateMention | None:
    a, b, year = int(match["a"]), int(match["b"]), _full_year(match["y"])
    if year is None or (len(match["y"]) == 2 and match["sep"] == "."):
        return None  # "10.15.30" reads better as a clock than as a date
    twelve_hour = bool(match["ampm"])
    day, month = (a, b) if (dayfirst and not twelve_hour) or a > 12 else (b, a)
    if month > 12:
        day, month = month, day
    value = _safe_date(year, month, day)
    if value is None:
        return None
    hour, minute, tz = _time(match)
    end = match.end() if hour is not None else match.end("y")
    return _mention(match, value, "day", end=end, hour=hour, minute=minute, tz=tz)


def _build_year(match: re.Match[str], ref: date | None, dayfirst: bool) -> DateMention | None:
    start = match.start()
    if not _YEAR_CUE.search(match.string[max(0, start - 10) : start]):
        return None  # a bare four-digit number is more often a count than a year
    return _mention(match, date(int(match["y"]), 1, 1), "year")


_RELATIVE_DAYS = {
    "kemarin lusa": -2, "kemarin": -1, "hari ini": 0, "besok": 1, "lusa": 2, "tadi malam": -1,
    "semalam": -1, "yesterday": -1, "today": 0, "tomorrow": 1,
}  # fmt: skip
_PAST = {"lalu", "kemarin", "last"}
_FUTURE = {"depan", "next"}


def _build_relative(match: re.Match[str], ref: date) -> DateMention | None:
    if match["rel"]:
        return _relative_word(match, match["rel"].lower(), ref)
    name = match["wdr"] or match["wde"]
    direction = (match["dir"] or match["dire"]).lower()
    weekday = WEEKDAYS[name.lower().replace("’", "'")]
    return _mention(match, _step_to_weekday(ref, weekday, direction), "day", relative=True)


def _step_to_weekday(ref: date, weekday: int, direction: str) -> date:
    """The nearest ``weekday`` strictly before (lalu, last) or after (depan, next) ``ref``."""
    step = -1 if direction in _PAST else 1
    value = ref + timedelta(days=step)
    while value.weekday() != weekday:
        value += timedelta(days=step)
    return value


def _relative_word(match: re.Match[str], word: str, ref: date) -> DateMention | None:
    if word in _RELATIVE_DAYS:
        return _mention(match, ref + timedelta(days=_RELATIVE_DAYS[word]), "day", relative=True)
    first, second = word.split(" ")
    unit, direction = (second, first) if first in ("last", "next", "this") else (first, second)
    step = -1 if direction in _PAST else (1 if direction in _FUTURE else 0)
    if unit in ("pekan", "minggu", "week"):
        if unit == "minggu" and match.group(0)[0].isupper() and match.start() > 0 and direction != "ini":
            # "Minggu lalu" capitalised mid-sentence is last Sunday, not last week
            return _mention(match, _step_to_weekday(ref, 6, direction), "day", relative=True)
        return _mention(match, ref + timedelta(days=7 * step), "day", relative=True, approximate=True)
    if unit in ("bulan", "month"):
        month_index = ref.year * 12 + ref.month - 1 + step
        return _mention(match, date(month_index // 12, month_index % 12 + 1, 1), "month", relative=True)
    return _mention(match, date(ref.year + step, 1, 1), "year", relative=True)


_BUILDERS = {
    "iso": _build_iso, "paren": _build_paren, "day_month": _build_day_month,
    "month_first": _build_month_first, "numeric": _build_numeric, "year": _build_year,
}  # fmt: skip


def parse_pub_date(
    text: str, reference: date | datetime | None = None, *, default_tz: str | None = None,
    use_dateparser: bool = True,
) -> str | None:  # fmt: skip
    """The publication date a short text (a page's date line, a metadata value) states, as ISO 8601.

    Args:
        text: e.g. ``"Kamis, 14 September 2023 10:15 WIB"``, ``"21/02/2024, 07:05 WIB"``,
            ``"PUBLISHED: November 19, 2019 at 8:59 pm"``, ``"2023-09-14T10:15:00+07:00"``.
        reference: resolves mentions without a year (``Selasa (20/1)``) and relative ones.
        default_tz: the offset to assume when a time is given without a zone (``+07:00`` for an
            Indonesian outlet); without one such a time is dropped and only the date returned.
        use_dateparser: try dateparser on a short text the patterns miss (slow; relative
            phrases then resolve against ``reference`` or today).

    Returns:
        str | None: ``2023-09-14T10:15:00+07:00`` (a time and a zone known) or ``2023-09-14``.
    """
    for mention in find_dates(text, reference, dayfirst=True):
        if mention.precision == "day" and not mention.approximate:
            return mention.iso(default_tz)
    if use_dateparser and len(text) <= 80 and any(ch.isdigit() for ch in text):
        return _dateparser_fallback(text, reference, default_tz)
    return None


def _dateparser_fallback(text: str, reference: date | datetime | None, default_tz: str | None) -> str | None:
    """dateparser for the formats the patterns above miss; it runs offline (no network use)."""
    import dateparser  # slow to import, so only when needed

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    if reference is not None:
        base = reference if isinstance(reference, datetime) else datetime(*reference.timetuple()[:3])
        settings["RELATIVE_BASE"] = base
    try:
        parsed = dateparser.parse(text, languages=["id", "en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a miss is not a failure
        return None
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    if parsed.tzinfo is not None:
        return parsed.isoformat(timespec="seconds")
    return parsed.date().isoformat()
