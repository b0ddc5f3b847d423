"""kabar.dates: Indonesian and English date mentions, publication dates, weekday-checked years."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.dates import find_dates, parse_pub_date, publication_date, reporting_date, weekday_year

REF = date(2026, 2, 1)  # a Sunday


def one(text: str, reference: date | None = REF) -> tuple[str, str, str]:
    [mention] = find_dates(text, reference)
    return mention.text, mention.iso(), mention.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis (14/9/2023)", ("Kamis (14/9/2023)", "2023-09-14", "day")),
        ("kata dia pada Jumat (10/11/2023).", ("Jumat (10/11/2023)", "2023-11-10", "day")),
        ("14 September 2023", ("14 September 2023", "2023-09-14", "day")),
        ("sejak 4 Mar 2025 silam", ("4 Mar 2025", "2025-03-04", "day")),
        ("pada 17 Agt 2025", ("17 Agt 2025", "2025-08-17", "day")),
        ("pada 17 Ags 2025", ("17 Ags 2025", "2025-08-17", "day")),
        ("tanggal 2 Okt 2024", ("2 Okt 2024", "2024-10-02", "day")),
        ("30 Des 2024", ("30 Des 2024", "2024-12-30", "day")),
        ("September 2023", ("September 2023", "2023-09", "month")),
        ("pada November 2023 lalu", ("November 2023", "2023-11", "month")),
        ("sejak tahun 1998", ("1998", "1998", "year")),
        ("November 19, 2019", ("November 19, 2019", "2019-11-19", "day")),
        ("Tuesday, Nov. 19, 2019, in Buffalo", ("Tuesday, Nov. 19, 2019", "2019-11-19", "day")),
        ("18 NOV 2019", ("18 NOV 2019", "2019-11-18", "day")),
        ("2023-09-14", ("2023-09-14", "2023-09-14", "day")),
    ],
)
def test_absolute_mentions(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, None) == expected


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("(30/4)", "2026-04-30"),
        ("kemarin", "2026-01-31"),
        ("hari ini", "2026-02-01"),
        ("besok", "2026-02-02"),
        ("pekan lalu", "2026-01-25"),
        ("bulan lalu", "2026-01"),
        ("tahun lalu", "2025"),
        ("tahun depan", "2027"),
        ("Senin lalu", "2026-01-26"),
        ("Jumat lalu", "2026-01-30"),
        ("yesterday", "2026-01-31"),
        ("last week", "2026-01-25"),
    ],
)
def test_relative_mentions_need_and_use_the_reference(text: str, iso: str) -> None:
    [mention] = find_dates(text, REF)
    assert mention.iso() == iso
    assert mention.relative
    assert find_dates(text) == []


def test_pekan_lalu_is_approximate() -> None:
    [mention] = find_dates("pekan lalu", REF)
    assert mention.approximate


def test_weekday_decides_the_year() -> None:
    # 20 January is a Tuesday in 2026, not in 2024 or 2025.
    [mention] = find_dates("Selasa (20/1)", date(2025, 12, 30))
    assert mention.iso() == "2026-01-20"
    assert mention.relative
    [mention] = find_dates("Senin (20/1)", date(2025, 3, 1))
    assert mention.iso() == "2025-01-20"
    assert weekday_year(20, 1, 1, date(2026, 5, 1)) == date(2026, 1, 20)
    assert weekday_year(20, 1, 1, date(2024, 3, 1)) is None  # no Tuesday 20/1 within a year


def test_weekday_mismatch_falls_back_to_the_nearest_year() -> None:
    [mention] = find_dates("Rabu (20/1)", date(2026, 1, 25))  # 20/1/2026 is a Tuesday: a typo
    assert mention.iso() == "2026-01-20"


def test_year_less_mentions_are_skipped_without_a_reference() -> None:
    assert find_dates("Selasa (20/1) dan (30/4)") == []


def test_times_and_zones() -> None:
    [m] = find_dates("Kamis, 14 September 2023 10:15 WIB")
    assert (m.hour, m.minute, m.tz, m.iso()) == (10, 15, "+07:00", "2023-09-14T10:15:00+07:00")
    [m] = find_dates("21/02/2024, 07:05 WIB")
    assert m.iso() == "2024-02-21T07:05:00+07:00"
    [m] = find_dates("Selasa, 10 Juni 2024 pukul 14.30 WITA")
    assert m.iso() == "2024-06-10T14:30:00+08:00"
    [m] = find_dates("1 Juli 2024 08:00 WIT")
    assert m.iso() == "2024-07-01T08:00:00+09:00"
    [m] = find_dates("11/20/2019 01:14 PM")
    assert (m.value, m.hour) == (date(2019, 11, 20), 13)
    [m] = find_dates("22/10/2025 06:59")
    assert m.iso() == "2025-10-22" and m.iso("+07:00") == "2025-10-22T06:59:00+07:00"


def test_numbers_that_are_not_dates() -> None:
    assert find_dates("naik 8.925,47 poin atau 1.410.000.000 porsi, skor 3,35") == []
    assert find_dates("sebanyak 2019 orang datang") == []
    assert find_dates("they may 2020 differ") == []


def test_mentions_are_ordered_and_do_not_overlap() -> None:
    text = "Rabu (21/2/2024) lalu, lalu pada 14 September 2023 dan November 2023."
    mentions = find_dates(text, REF)
    assert [m.text for m in mentions] == ["Rabu (21/2/2024)", "14 September 2023", "November 2023"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 14 September 2023 10:15 WIB", "2023-09-14T10:15:00+07:00"),
        ("21/02/2024, 07:05 WIB", "2024-02-21T07:05:00+07:00"),
        ("Rabu (21/2/2024)", "2024-02-21"),
        ("PUBLISHED: November 19, 2019 at 8:59 pm", "2019-11-19"),
        ("2023-09-14T10:15:00+07:00", "2023-09-14T10:15:00+07:00"),
        ("tidak ada tanggal di sini", None),
    ],
)
def test_parse_pub_date(text: str, expected: str | None) -> None:
    assert parse_pub_date(text) == expected


def test_parse_pub_date_default_zone_and_reference() -> None:
    assert parse_pub_date("22/10/2025 06:59", default_tz="+07:00") == "2025-10-22T06:59:00+07:00"
    assert parse_pub_date("Selasa (20/1)", datetime(2026, 1, 21, 9, 0)) == "2026-01-20"


def test_reporting_date_is_the_latest_weekday_date_near_the_first() -> None:
    text = (
        "Kebakaran terjadi Sabtu (18/10/2025) malam. Polisi memberi keterangan Senin (20/10/2025). "
        "Sidang dijadwalkan Rabu (14/1/2026)."
    )
    mention = reporting_date(text)
    assert mention is not None and mention.iso() == "2025-10-20"
    assert reporting_date("Harga naik 14 September 2023.") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2090, 12, 31))))
def test_any_text_gives_valid_mentions(text: str, reference: date | None) -> None:
    for mention in find_dates(text, reference):
        assert text[mention.start : mention.end] == mention.text
        assert mention.precision in ("day", "month", "year")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reporting convention wins over a schedule written out
        (
            "Sidang putusan dijadwalkan pada Senin, 27 Oktober 2025 pukul 10.00 WIB. "
            '"Kami siap," kata hakim di Semarang, Selasa (21/10/2025).',
            "2025-10-21",
        ),
        # a date announced as ahead counts only when nothing else does
        ("Jembatan ditutup mulai besok, Minggu (19/10). Disampaikan Sabtu (18/10/2025).", "2025-10-18"),
        ("Rapat diundur ke Rabu 3 September 2025 mendatang, kata dia, Jumat (29/8/2025).", "2025-08-29"),
        ("Pencairan dana dilakukan mulai Senin, 20 Oktober 2025, kata menteri.", "2025-10-20"),
        # a date the text calls today
        ("Dibuka Sabtu (6/9/2025). Laman diakses mulai hari ini, Minggu 7 September 2025.", "2025-09-07"),
        # a parenthesised date with its year needs no weekday; a glued weekday still counts
        ("kata analis kepada wartawan (20/10/2025).", "2025-10-20"),
        ("kata Suratno saat dikonfirmasi detikJatengSelasa (21/10/2025) malam.", "2025-10-21"),
        # events before the report: the latest date near the first still wins
        ("Kebakaran terjadi Sabtu (18/10/2025) malam. Polisi menjelaskan Senin (20/10/2025).", "2025-10-20"),
        ("Harga naik 14 September 2023.", None),
    ],
)
def test_publication_date(text: str, expected: str | None) -> None:
    mention = publication_date(text)
    assert (mention.iso() if mention else None) == expected


def test_publication_date_of_a_story_headlined_today_is_its_event() -> None:
    text = (
        '"Tahap 2 untuk tersangka dilaksanakan pada Kamis, 5 Juni 2025," kata Kabid Humas dalam '
        "keterangannya, Senin (2/6/2025)."
    )
    plain = publication_date(text)
    assert plain is not None and plain.iso() == "2025-06-02"
    today = publication_date(text, headline="Hari Ini Tersangka Diserahkan ke Kejaksaan")
    assert today is not None and today.iso() == "2025-06-05"


def test_glued_weekday_is_read_but_not_inside_a_word() -> None:
    [mention] = find_dates("dihubungidetikcomSenin (20/10/2025)")
    assert mention.text == "Senin (20/10/2025)"
    assert [m.text for m in find_dates("berlangsung seminggu (7/8/2025)")] == ["(7/8/2025)"]
