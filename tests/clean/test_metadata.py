"""Bylines, datelines, outlets and syndication sources, line by line."""

from __future__ import annotations

import pytest

from kabar.clean.metadata import find_dateline, parse_byline, signed_byline
from kabar.clean.outlets import (
    dateline_name,
    detect_outlet,
    host_outlet,
    outlet_display_name,
    outlet_from_name,
)
from kabar.model import Byline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Penulis: Rina Kartika", [Byline("Rina Kartika", "Penulis")]),
        ("Editor : Maya Sari", [Byline("Maya Sari", "Editor")]),
        ("EditorMaya Sari", [Byline("Maya Sari", "Editor")]),
        (
            "Reporter: Andi Saputra | Editor: Maya Sari",
            [Byline("Andi Saputra", "Reporter"), Byline("Maya Sari", "Editor")],
        ),
        ("Laporan Wartawan Kabaruji.com, Andi Saputra", [Byline("Andi Saputra", "Reporter")]),
        (
            "Penulis: Rina Kartika, Dodi Hermawan",
            [Byline("Rina Kartika", "Penulis"), Byline("Dodi Hermawan", "Penulis")],
        ),
        ("By John Doe | Special to the Daily", [Byline("John Doe", None)]),
        ("Oleh karena itu warga diminta waspada", []),
        ("Editorial Team", []),
        ("Editor’s Picks", []),
    ],
)
def test_parse_byline(line: str, expected: list[Byline]) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Jakarta, IDN Times - Presiden meresmikan jalan tol baru.", ("Jakarta", "idntimes.com")),
        ("TRIBUNNEWS.COM, JAKARTA - Komisi memanggil saksi.", ("Jakarta", "tribunnews.com")),
        ("TRIBUNNEWS.COM - Presiden meresmikan jalan tol baru.", (None, "tribunnews.com")),
        ("JAKARTA, KOMPAS.com - Hujan deras mengguyur ibu kota.", ("Jakarta", "kompas.com")),
        ("Surabaya (ANTARA) - Harga beras stabil pekan ini.", ("Surabaya", "antaranews.com")),
        ("BUFFALO, N.Y. — Hours before the game, the coach spoke.", ("Buffalo", None)),
        ("Presiden meresmikan jalan tol baru di Jawa Tengah - kata menteri.", (None, None)),
    ],
)
def test_find_dateline(paragraph: str, expected: tuple[str | None, str | None]) -> None:
    assert find_dateline(paragraph) == expected


def test_outlets() -> None:
    assert host_outlet("https://news.detik.com/berita/d-1") == "detik.com"
    assert host_outlet("https://www.republika.co.id/x") == "republika.co.id"
    assert host_outlet("not a url") is None
    assert outlet_from_name("TRIBUNNEWS.COM") == "tribunnews.com"
    assert outlet_from_name("IDN Times") == "idntimes.com"
    assert outlet_from_name("TRIBUNJOGJA.COM") == "tribunjogja.com"
    assert outlet_display_name("idntimes.com") == "IDN Times"
    assert detect_outlet(["Beranda", "Baca artikel IDN Times lainnya di IDN App"]) == "idntimes.com"
    assert detect_outlet(["harga turun di antara dua pasar"]) is None  # "antara" is a word too


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Anisa Rahma - beritaPagi News", [Byline("Anisa Rahma", None)]),
        ("Danu Wicaksono - detikNews", [Byline("Danu Wicaksono", None)]),
        ("Tim Redaksi - kabarUji", []),  # a desk, not a person
        ("Jakarta - Jawa Barat", None),  # no brand: not a signed line
        ("Jokowi Resmikan Jalan Tol Baru - Kompas.com", None),  # a headline signed by its site
    ],
)
def test_signed_byline(line: str, expected: list[Byline] | None) -> None:
    assert signed_byline(line) == expected


def test_report_credit_names_the_outlet_first() -> None:
    assert parse_byline("Laporan Wartawan Kabar Harian, Jemmy Lumowa") == [Byline("Jemmy Lumowa", "Reporter")]


def test_dateline_name() -> None:
    opening = "Jakarta, Warta Nusantara - Presiden meresmikan jalan tol baru."
    assert dateline_name(opening) == "Warta Nusantara"
    assert dateline_name("Jakarta, IDN Times - Presiden meresmikan jalan tol baru.") is None  # known outlet
    assert dateline_name("CLEVELAND, Ohio — The team won again.") == "Ohio"  # a region: callers confirm
    long_opening = "CLEVELAND, Ohio — The team won again on Sunday night, the coach said after the game."
    assert detect_outlet([long_opening]) is None
