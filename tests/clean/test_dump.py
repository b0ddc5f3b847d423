"""The text-dump cleaner on small pages written for these tests (original sentences)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kabar.clean import clean_dump
from kabar.clean.lines import normalize_space

TITLE = "Warga Desa Sukamaju Gotong Royong Bangun Jembatan Bambu"
BODY = [
    "Sukabumi, Kabar Uji - Ratusan warga Desa Sukamaju bergotong royong membangun jembatan bambu "
    "di atas sungai yang memisahkan dua dusun, Senin (3/6/2024).",
    "Jembatan lama hanyut terbawa arus deras pekan lalu sehingga anak-anak harus memutar jauh untuk "
    "berangkat ke sekolah.",
    "\u201cKami tidak mau menunggu terlalu lama, jadi semua orang turun tangan,\u201d kata kepala desa "
    "kepada wartawan di lokasi.",
    "Bahan bambu dikumpulkan dari kebun warga dan pengerjaannya ditargetkan selesai dalam tiga hari.",
]


def page(*furniture_and_body: str) -> str:
    return "\n".join(furniture_and_body)


def article(extra_inside: list[str] | None = None) -> list[str]:
    body = list(BODY)
    if extra_inside:
        body[2:2] = extra_inside
    return body


def test_clean_page_keeps_body_and_finds_title() -> None:
    result = clean_dump(page("Beranda", "Nasional", TITLE, "Penulis: Rina Kartika", *BODY, "Bagikan"))
    assert result.paragraphs == BODY
    assert result.text == "\n\n".join(BODY)
    assert result.title == TITLE
    assert result.dateline == "Sukabumi"
    assert result.pub_date == "2024-06-03"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Baca juga: Harga Cabai di Pasar Induk Turun Menjelang Akhir Pekan", "related"),
        ("Simak juga Video 'Banjir Rob Rendam Jalan Pesisir'", "related"),
        ("Lihat juga: Lima Tips Menyimpan Bambu agar Tahan Lama", "related"),
        ("SCROLL TO CONTINUE WITH CONTENT", "ad"),
        ("ADVERTISEMENT", "ad"),
        ("ANTARA FOTO/Budi Santoso", "credit"),
        ("contohfoto.com/Dewi Lestari", "credit"),
        ("Dok. Humas Pemkab", "credit"),
        ("Foto: Istimewa", "credit"),
        ("[Gambas:Video 20detik]", "embed"),
    ],
)
def test_inline_furniture_goes_without_breaking_the_body(line: str, reason: str) -> None:
    result = clean_dump(page(TITLE, *article([line])))
    assert result.paragraphs == BODY
    assert (line, reason) in result.removed


@pytest.mark.parametrize(
    "footer",
    [
        ["Share", "Tweet", "Follow Us"],
        ["Kirim Komentar", "Isi komentar sepenuhnya adalah tanggung jawab pengguna dan diatur dalam UU ITE."],
        ["Halaman 1 2 3 Selanjutnya"],
        ["Tags:", "# jembatan bambu", "# gotong royong"],
        ["Baca artikel Kabar Uji lainnya di aplikasi", "Download aplikasi Kabar Uji sekarang juga"],
        ["Copyright © 2024 Kabar Uji. All rights reserved."],
        [
            "Berita Terkait",
            "Jalan Desa Rusak Parah Usai Diguyur Hujan Dua Hari",
            "Warga Tanam Pohon di Bantaran",
        ],
    ],
)
def test_page_footers_are_dropped(footer: list[str]) -> None:
    result = clean_dump(page(TITLE, *BODY, *footer))
    assert result.paragraphs == BODY


def test_syndication_line_is_removed_and_recorded() -> None:
    line = "Artikel ini telah tayang di Contoh.com dengan judul Warga Bangun Jembatan Bambu"
    result = clean_dump(page(TITLE, *BODY, line))
    assert result.paragraphs == BODY
    assert result.syndicated_from == "Contoh.com"
    assert (line, "syndication") in result.removed


def test_citing_phrase_gives_the_source() -> None:
    body = [
        *BODY[:2],
        "Hal serupa terjadi di desa tetangga, dikutip dari Warta Pagi, Selasa (4/6/2024).",
        *BODY[2:],
    ]
    assert clean_dump(page(TITLE, *body)).syndicated_from == "Warta Pagi"


def test_crossheads_lists_and_quotes_are_kept() -> None:
    body = [
        BODY[0], BODY[1], "1. Bambu dari kebun sendiri", BODY[2], "Gotong Royong",
        "Warga membagi pekerjaan menjadi beberapa kelompok:", "- memotong bambu", "- mengikat rangka",
        BODY[3],
    ]  # fmt: skip
    result = clean_dump(page(TITLE, *body, "Share"))
    assert result.paragraphs == body


def test_list_closing_the_article_is_kept() -> None:
    items = ["Dusun Satu: 120 warga", "Dusun Dua: 95 warga", "Dusun Tiga: 80 warga"]
    result = clean_dump(page(TITLE, *BODY, "Berikut jumlah warga yang ikut bekerja per dusun.", *items))
    assert result.paragraphs[-3:] == items


def test_bylines_with_roles() -> None:
    result = clean_dump(page(
        TITLE, "Laporan Wartawan Kabaruji.com, Andi Saputra", *BODY, "Editor: Maya Sari", "EditorMaya Sari",
    ))  # fmt: skip
    names = {(b.name, b.role) for b in result.byline}
    assert ("Andi Saputra", "Reporter") in names
    assert ("Maya Sari", "Editor") in names
    assert result.paragraphs == BODY


def test_repeated_title_is_removed_twice() -> None:
    result = clean_dump(page(TITLE, "Ringkasan singkat tentang jembatan bambu warga", TITLE, *BODY))
    assert result.title == TITLE
    assert [r for r in result.removed if r[1] == "title"] == [(TITLE, "title"), (TITLE, "title")]
    assert result.paragraphs == BODY


def test_given_title_wins() -> None:
    result = clean_dump(page("Judul Lain di Menu", *BODY), title="Judul dari Pemanggil")
    assert result.title == "Judul dari Pemanggil"
    assert result.paragraphs == BODY


def test_page_of_furniture_only_has_empty_body_and_a_note() -> None:
    result = clean_dump(page("Beranda", "Nasional", "Share", "Follow Us", "Kirim Komentar", "Login"))
    assert result.paragraphs == []
    assert result.text == ""
    assert "empty body: page is all furniture" in result.notes
    assert len(result.removed) == 6


def test_empty_input() -> None:
    result = clean_dump("   \n\n")
    assert result.paragraphs == []
    assert result.notes


def test_dump_without_title_still_yields_body() -> None:
    result = clean_dump(page(*BODY))
    assert result.title is None
    assert result.paragraphs == BODY


def test_outlet_from_url_and_from_signature() -> None:
    assert clean_dump(page(*BODY), url="https://news.contoh.co.id/a/1").outlet == "contoh.co.id"
    signed = page("Baca artikel IDN Times lainnya di IDN App", *BODY)
    assert clean_dump(signed).outlet == "idntimes.com"
    assert clean_dump(page(*BODY), outlet="kabaruji.com").outlet == "kabaruji.com"


def test_unzoned_time_on_an_indonesian_page_is_wib() -> None:
    result = clean_dump(page(TITLE, "Rina Kartika", "03/06/2024, 14:05", *BODY))
    assert result.pub_date == "2024-06-03T14:05:00+07:00"
    assert ("Rina Kartika", None) in {(b.name, b.role) for b in result.byline}


def test_long_line_without_newline_is_bounded() -> None:
    raw = ("Kalimat panjang yang terus diulang tanpa ganti baris sama sekali, " * 1600)[:100_000]
    started = time.perf_counter()
    result = clean_dump(raw)
    assert time.perf_counter() - started < 2.0
    assert result.paragraphs and len(result.paragraphs[0]) > 90_000


def test_ten_thousand_repeated_lines_are_bounded() -> None:
    raw = "\n".join(["Menu Utama", BODY[1]] * 5_000)
    started = time.perf_counter()
    result = clean_dump(raw)
    assert time.perf_counter() - started < 2.0
    assert result.paragraphs == [BODY[1]]


def test_pathological_punctuation_is_bounded() -> None:
    raw = "\n".join(["(" * 5000 + "1/2/" * 3000, "Jakarta, " * 5000 + "-", "#" * 20000, "a.b" * 10000])
    started = time.perf_counter()
    clean_dump(raw)
    assert time.perf_counter() - started < 2.0


_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400)
_lines = st.lists(
    st.one_of(
        _text, st.sampled_from([*BODY, TITLE, "Share", "Baca juga: Berita Lain", "Editor: Maya Sari", ""])
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_any_input_cleans_without_error_and_paragraphs_come_from_it(lines: list[str]) -> None:
    raw = "\n".join(lines)
    result = clean_dump(raw)
    source = normalize_space(raw)
    for paragraph in result.paragraphs:
        assert paragraph
        assert paragraph in source
    assert result.text == "\n\n".join(result.paragraphs)


def test_caption_between_credit_and_dateline_goes() -> None:
    caption = "Warga memikul batang bambu menuju tepi sungai di Desa Sukamaju, Senin (3/6/2024)."
    result = clean_dump(page(TITLE, "Penulis: Rina Kartika", "Dok. Humas Pemkab", caption, *BODY))
    assert result.paragraphs == BODY
    assert (caption, "credit") in result.removed


@pytest.mark.parametrize(
    "line",
    [
        "KCNA via Reuters",
        "Warga meninjau jembatan bambu yang baru selesai dibangun di Desa Sukamaju. (KABAR UJI/DEWI LESTARI)",
    ],
)
def test_agency_credits_and_signed_captions_go(line: str) -> None:
    result = clean_dump(page(TITLE, line, *BODY))
    assert result.paragraphs == BODY
    assert result.title == TITLE


def test_name_signed_with_the_brand_is_a_byline_not_the_title() -> None:
    signed, dated = "Rina Kartika - kabarUji News", "Senin, 03 Jun 2024 10:15 WIB"
    result = clean_dump(page("Beranda", TITLE, signed, dated, *BODY))
    assert result.title == TITLE
    assert ("Rina Kartika", None) in {(b.name, b.role) for b in result.byline}
    assert result.pub_date == "2024-06-03T10:15:00+07:00"


def test_unknown_outlet_from_its_copyright_line() -> None:
    footer = "© 2024 Kabar Uji. Hak cipta dilindungi."
    assert clean_dump(page(TITLE, *BODY, footer)).outlet == "Kabar Uji"  # the dateline's name, signed below
    signed = page(TITLE, *BODY, "Kabar Uji © 2024 kabaruji.net. Semua hak dilindungi.")
    assert clean_dump(signed).outlet == "kabaruji.net"
    assert clean_dump(page(TITLE, *BODY)).outlet is None  # a dateline name alone may be a region


def test_date_from_the_opening_paragraph_when_the_page_has_no_date_line() -> None:
    opening = (
        "Seoul, Kabar Uji - Warga Desa Sukamaju menyelesaikan jembatan bambu. Kepala desa, dalam "
        "keterangannya pada Kamis (6/6/2024), menyebut pengerjaan rampung lebih cepat dari target."
    )
    result = clean_dump(page(TITLE, opening, *BODY[1:]))
    assert result.pub_date == "2024-06-06"


def test_promo_lines_with_the_outlets_channels_go() -> None:
    promo = (
        "Simak breaking news dan berita pilihan Kabar Uji langsung di ponselmu. "
        "Gabung saluran WhatsApp Kabar Uji."
    )
    result = clean_dump(page(TITLE, promo, *BODY))
    assert result.paragraphs == BODY
    assert (promo, "promo") in result.removed
