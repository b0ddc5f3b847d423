"""Publication dates as sortable day numbers.

``pub_date`` strings come in several shapes (``2025-09-12``, ``2025-10-22T1:45:00+07:00``,
``2025-10-22 13:45``). Both corpus stages only need to order documents and measure gaps in days,
so a date becomes a float: the proleptic Gregorian ordinal of the day plus the fraction of the day
in the outlet's own local time (the offset is ignored: outlets of one corpus share a time zone).
"""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2}))?")


def day_number(pub_date: str | None) -> float | None:
    """Days since 0001-01-01 (fractional with a time of day), or ``None`` when unreadable.

    Example:
        >>> day_number("2025-09-12T18:00:00+07:00") - day_number("2025-09-12")
        0.75
    """
    if not pub_date:
        return None
    found = _DATE.match(pub_date.strip())
    if found is None:
        return None
    year, month, day, hour, minute = found.groups()
    try:
        ordinal = date(int(year), int(month), int(day)).toordinal()
    except ValueError:
        return None
    fraction = (int(hour) * 60 + int(minute)) / 1440 if hour is not None else 0.0
    return ordinal + min(fraction, 0.999)


def iso_day(day: float | None) -> str | None:
    """The ``YYYY-MM-DD`` date of a day number."""
    return date.fromordinal(int(day)).isoformat() if day is not None else None
