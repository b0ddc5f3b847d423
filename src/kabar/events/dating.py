"""The day an event happened, resolved against the publication date.

In order: a date written in the event's sentence (the one nearest the trigger: "Pada Jumat
(10/11/2023)", "sejak 4 Maret 2025", "November 2023 lalu", "tahun lalu", "kemarin"); a date written
elsewhere in its paragraph; the day the article reports from (:func:`kabar.dates.reporting_date`:
"Senin (20/10) lalu"); and only then the publication date, flagged ``date_is_publication``.

Conventions of the gold: a month or a year is given as its first day with precision ``month`` or
``year`` ("tahun lalu" → ``2023-01-01``, year); a vague span ("pekan lalu", "belum lama ini") is the
month it falls in. Two forms :func:`kabar.dates.find_dates` leaves to its callers are read here: a
bare weekday ("yang dimulai pada Selasa" → the last Tuesday on or before the reference day) and a
document number's year ("Nomor 731 Tahun 2025" is no event date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kabar.dates import INDONESIAN_WEEKDAY, WEEKDAYS, DateMention, find_dates, parse_pub_date, reporting_date
from kabar.model import DatePrecision

_BARE_WEEKDAY = re.compile(
    rf"\b(?:pada|hari|sejak|setiap|tiap)\s+(?P<wd>{INDONESIAN_WEEKDAY})\b"
    r"(?!\s*(?:\(|,?\s*\d|lalu|depan|kemarin|pagi|siang|sore|malam\s*\())",
    re.I,
)
_VAGUE_PAST = re.compile(
    r"\b(?:belum lama ini|baru-baru ini|beberapa waktu (?:lalu|lalu)|beberapa hari (?:lalu|terakhir)|"
    r"akhir-akhir ini|bulan ini|pekan ini|minggu ini)\b",
    re.I,
)
_STARTS_WITH_WEEKDAY = re.compile(rf"{INDONESIAN_WEEKDAY}\b", re.I)
BACK_REFERENCE = re.compile(
    r"^\W*(?:hal (?:itu|tersebut|ini)|pernyataan (?:itu|tersebut|ini)|keterangan (?:itu|tersebut)|"
    r"hal senada|permintaan (?:itu|tersebut))\b",
    re.I,
)
"""A sentence that opens by pointing back at the one before ("Hal itu disampaikan ... Senin (20/10)")."""
_DOC_NUMBER = re.compile(r"(?:nomor|no\.?|nomer)\s+[\w/.-]+\s+tahun\s+$", re.I)


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date (ISO day), its precision and whether it is the publication date."""

    value: str | None
    precision: DatePrecision | None
    is_publication: bool = False

    @classmethod
    def of(cls, day: date, precision: DatePrecision) -> EventDate:
        if precision == "year":
            day = date(day.year, 1, 1)
        elif precision == "month":
            day = date(day.year, day.month, 1)
        return cls(day.isoformat(), precision)


def reference_day(pub_date: str | None, text: str) -> date | None:
    """The day relative dates resolve against: the publication day, else the reporting day."""
    if pub_date:
        try:
            return date.fromisoformat(pub_date[:10])
        except ValueError:
            parsed = parse_pub_date(pub_date, use_dateparser=False)
            if parsed:
                return date.fromisoformat(parsed[:10])
    found = reporting_date(text)
    return found.value if found is not None else None


def _usable(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 30) : mention.start]
    return not (mention.precision == "year" and _DOC_NUMBER.search(before))


def _extra(text: str, ref: date) -> list[DateMention]:
    """Bare weekdays and vague spans, which :func:`find_dates` does not read."""
    out = []
    for match in _BARE_WEEKDAY.finditer(text):
        weekday = WEEKDAYS[match["wd"].lower().replace("’", "'")]
        back = (ref.weekday() - weekday) % 7
        out.append(
            DateMention(
                match.start("wd"),
                match.end(),
                match.group(),
                ref - timedelta(days=back),
                "day",
                relative=True,
            )
        )
    for match in _VAGUE_PAST.finditer(text):
        out.append(DateMention(match.start(), match.end(), match.group(), ref, "month", relative=True))
    return out


def mentions_in(text: str, ref: date | None) -> list[DateMention]:
    """The date mentions of a sentence that can date an event, in order."""
    found = [m for m in find_dates(text, ref) if _usable(text, m)]
    if ref is not None:
        taken = [(m.start, m.end) for m in found]
        found += [m for m in _extra(text, ref) if not any(s < m.end and m.start < e for s, e in taken)]
    return sorted(found, key=lambda m: m.start)


def to_event_date(mention: DateMention) -> EventDate:
    precision: DatePrecision = "month" if mention.approximate else mention.precision
    return EventDate.of(mention.value, precision)


def nearest(mentions: list[DateMention], offset: int) -> DateMention | None:
    """The mention closest to ``offset`` (a character offset in the same text)."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: (min(abs(m.start - offset), abs(m.end - offset)), m.start))


class Dater:
    """Event dates for one article: sentence, paragraph, reporting day, publication day."""

    def __init__(self, text: str, pub_date: str | None) -> None:
        self.text = text
        self.ref = reference_day(pub_date, text)
        self.pub = date.fromisoformat(pub_date[:10]) if pub_date and _iso_day(pub_date) else None
        reported = reporting_date(text, self.ref)
        self.reporting = reported.value if reported is not None else None
        if self.reporting is not None and self.pub is not None and self.reporting > self.pub:
            self.reporting = None  # an announced day ("akan digelar Senin (27/10)") reports nothing yet
        self._cache: dict[tuple[int, int], list[DateMention]] = {}

    def mentions(self, start: int, end: int) -> list[DateMention]:
        """Date mentions in ``text[start:end]``, offsets into the whole text."""
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = [_shift(m, start) for m in mentions_in(self.text[start:end], self.ref)]
        return self._cache[key]

    def date_for(
        self, sentence: tuple[int, int], context: list[tuple[int, int]], offset: int, said: str | None = None
    ) -> tuple[EventDate, str]:
        """The date of an event stated at ``offset`` in ``sentence``, and where it came from
        (``sentence``, ``quote``, ``paragraph``, ``reporting`` or ``publication``).

        ``said`` is the day of the quote the event is told in, when the quotes stage knows it.
        ``context`` holds the spans of the sentences around it that may date it (its paragraph, and
        a next sentence that refers back to it: "Hal itu disampaikan ..., Senin (20/10)"). A day
        written before the event's sentence counts; after it, only a reporting-style day (written
        with its weekday); neither when it lies after the reference day.
        """
        found = nearest(self.mentions(*sentence), offset)
        if found is not None:
            return to_event_date(found), "sentence"
        if said and _iso_day(said):
            return EventDate(said[:10], "day"), "quote"
        nearby = [
            m
            for span in context
            if span != sentence
            for m in self.mentions(*span)
            if self._reporting(m) or (span[1] <= sentence[0] and self._settled(m))
        ]
        found = nearest(nearby, offset)
        if found is not None:
            return to_event_date(found), "paragraph"
        if self.reporting is not None:
            return EventDate.of(self.reporting, "day"), "reporting"
        if self.pub is not None:
            return EventDate(self.pub.isoformat(), "day", True), "publication"
        return EventDate(None, None), "publication"

    def _settled(self, mention: DateMention) -> bool:
        """A day already past, written before the event's sentence in its paragraph ("tertanggal
        5 Mei 2025. Dalam Telegram tersebut, ...")."""
        return (
            mention.precision == "day"
            and not mention.approximate
            and (self.ref is None or mention.value <= self.ref)
        )

    def _reporting(self, mention: DateMention) -> bool:
        if mention.precision != "day" or mention.approximate:
            return False
        if self.ref is not None and mention.value > self.ref:
            return False
        return _STARTS_WITH_WEEKDAY.match(mention.text) is not None


def _iso_day(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _shift(mention: DateMention, by: int) -> DateMention:
    return DateMention(
        mention.start + by,
        mention.end + by,
        mention.text,
        mention.value,
        mention.precision,
        mention.hour,
        mention.minute,
        mention.tz,
        mention.relative,
        mention.approximate,
    )
