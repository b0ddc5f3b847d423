"""Bylines, datelines, outlets and syndication sources, line by line."""

from __future__ import annotations

import pytest

from kabar.clean.metadata import find_dateline, parse_byline
from kabar.clean.outlets import detect_outlet, host_outlet, outlet_display_name, outlet_from_name
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
