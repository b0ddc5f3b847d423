"""HTML pages: trafilatura then the line cleaner, with a time limit per page."""

from __future__ import annotations

from kabar.clean import clean_html, clean_source
from kabar.clean.html import html_lines
from kabar.model import SourceDocument

PARAGRAPHS = [
    "Jakarta, Kabar Uji - Pemerintah kota meresmikan taman baca baru di kawasan padat penduduk pada "
    "Kamis (6/6/2024) untuk memperluas akses buku bagi anak-anak.",
    "Taman baca itu menyediakan sekitar dua ribu judul buku yang dapat dipinjam tanpa biaya oleh warga "
    "yang tinggal di sekitar lokasi.",
    "Pengelola berencana menambah koleksi buku cerita bergambar dan menggelar kelas mendongeng setiap "
    "akhir pekan bagi anak usia sekolah dasar.",
    "Warga menyambut baik kehadiran taman baca tersebut karena selama ini perpustakaan terdekat berada "
    "cukup jauh dari permukiman mereka.",
]
PAGE = f"""<html><head><title>Taman Baca Baru Dibuka untuk Anak-anak</title>
<meta property="og:title" content="Taman Baca Baru Dibuka untuk Anak-anak">
<meta property="og:site_name" content="Kabar Uji">
</head><body>
<nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/olahraga">Olahraga</a></nav>
<article><h1>Taman Baca Baru Dibuka untuk Anak-anak</h1>
<p class="byline">Penulis: Rina Kartika</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])}
<p>Baca juga: Perpustakaan Keliling Sambangi Sekolah di Pinggiran Kota</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])}
<p>Bagikan</p></article>
<footer>Copyright © 2024 Kabar Uji. All rights reserved.</footer>
</body></html>"""


def test_html_page_body_and_metadata() -> None:
    result = clean_html(PAGE, url="https://www.kabaruji.com/read/1", timeout_s=0)
    assert result.paragraphs == PARAGRAPHS
    assert result.title == "Taman Baca Baru Dibuka untuk Anak-anak"
    assert result.outlet == "kabaruji.com"
    assert result.dateline == "Jakarta"
    assert result.pub_date == "2024-06-06"


def test_timeout_gives_empty_body_with_a_note_and_the_worker_recovers() -> None:
    slow = clean_html(PAGE, url="https://kabaruji.com/1", timeout_s=0.000_001)
    assert slow.paragraphs == []
    assert any("exceeded" in note for note in slow.notes)
    again = clean_html(PAGE, url="https://kabaruji.com/1", timeout_s=60)
    assert again.paragraphs == PARAGRAPHS


def test_not_html_at_all() -> None:
    result = clean_html("\x00\x01 not a page", timeout_s=0)
    assert result.paragraphs == []
    assert result.notes


def test_clean_source_dispatches_on_kind() -> None:
    source = SourceDocument(id="1", origin="t", raw=PAGE, kind="html", url="https://kabaruji.com/1")
    assert clean_source(source).paragraphs == PARAGRAPHS
    text = SourceDocument(id="2", origin="t", raw="\n".join(PARAGRAPHS), outlet="kabaruji.com")
    result = clean_source(text)
    assert result.paragraphs == PARAGRAPHS and result.outlet == "kabaruji.com"


def test_html_lines_is_a_naive_dump() -> None:
    lines = html_lines(PAGE)
    assert "Beranda Nasional Olahraga" in lines and PARAGRAPHS[0] in lines
    assert not any("<" in line for line in lines)
