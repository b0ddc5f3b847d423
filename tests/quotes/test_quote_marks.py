"""Direct quotes in every mark style real scrapes use, nested and across paragraphs."""

from __future__ import annotations

import pytest

from kabar.quotes.marks import find_quotes, paragraphs, quote_text
from tests.quotes.helpers import quotes, speakers

STYLES = [
    '"Harga beras sudah turun," kata Budi Santoso.',
    "“Harga beras sudah turun,” kata Budi Santoso.",
    "«Harga beras sudah turun,» kata Budi Santoso.",
    "„Harga beras sudah turun,“ kata Budi Santoso.",
    "” Harga beras sudah turun, ” kata Budi Santoso.",
    "‘Harga beras sudah turun,’ kata Budi Santoso.",
    "'Harga beras sudah turun,' kata Budi Santoso.",
    '“Harga beras sudah turun," kata Budi Santoso.',
    '"Harga beras sudah turun,"kata Budi Santoso.',
]


@pytest.mark.parametrize("text", STYLES)
def test_every_mark_style(text: str) -> None:
    found = quotes(text)
    assert [(q.text, q.kind, q.cue) for q in found] == [("Harga beras sudah turun", "direct", "kata")]
    assert speakers(found) == ["Budi Santoso"]
    q = found[0]
    assert text[q.start : q.end] == q.text


def test_nested_mixed_marks_end_at_the_cue() -> None:
    text = '"Menteri menyebut panen tahun ini “yang terbaik,” kata juru bicara kementerian, Sari Dewi.'
    found = quotes(text)
    assert len(found) == 1
    assert found[0].text == "Menteri menyebut panen tahun ini “yang terbaik"
    assert speakers(found) == ["Sari Dewi"]


def test_inner_single_quotes_stay_inside() -> None:
    text = "“Warga bilang ‘cukup sudah’ kepada kami,” ujar Lurah Tono."
    found = quotes(text)
    assert [q.text for q in found] == ["Warga bilang ‘cukup sudah’ kepada kami"]


def test_quote_of_several_sentences() -> None:
    text = "“Kami sudah siap. Semua petugas berjaga. Tidak ada yang libur,” kata Kapolres Andi Wijaya."
    found = quotes(text)
    assert found[0].text == "Kami sudah siap. Semua petugas berjaga. Tidak ada yang libur"
    assert speakers(found) == ["Andi Wijaya"]


def test_quote_running_over_paragraphs() -> None:
    text = (
        "“Jembatan ini dibangun sejak tahun lalu. Warga sudah lama menunggu.\n\n"
        "“Mulai besok jembatan bisa dilalui kendaraan roda empat,” kata Bupati Rina Kartika."
    )
    found = quotes(text)
    assert len(found) == 1
    assert found[0].text.startswith("Jembatan ini dibangun")
    assert found[0].text.endswith("kendaraan roda empat")
    assert "“" not in found[0].text
    assert speakers(found) == ["Rina Kartika"]


def test_paragraphs_and_spans() -> None:
    text = "Satu.\n\n“Dua,” kata dia.\nTiga."
    assert [text[s:e] for s, e in paragraphs(text)] == ["Satu.", "“Dua,” kata dia.", "Tiga."]
    spans = find_quotes(text)
    assert [quote_text(text, q) for q in spans] == ["Dua,"]


def test_scare_quotes_and_titles_are_no_quotes() -> None:
    text = (
        "Warga menyebut kebijakan itu sebagai 'pasal karet'. "
        "Acara bertajuk “Desa Kita” digelar di balai desa. "
        'Pemerintah menamai program itu "Sekolah Rakyat" sejak awal tahun.'
    )
    assert [q for q in quotes(text) if q.kind == "direct"] == []


def test_apostrophes_inside_words_are_no_marks() -> None:
    text = "“Pak Mu'ti hadir pada Jum'at pagi,” kata panitia acara, Dewi Lestari."
    found = quotes(text)
    assert [q.text for q in found] == ["Pak Mu'ti hadir pada Jum'at pagi"]


def test_lost_closing_mark_ends_at_the_cue_inside() -> None:
    text = '"Dengan amnesti itu komunikasi politik akan lebih mudah, tambah pengamat Anto Sudarto, dosen UI.'
    found = quotes(text)
    assert [(q.text, q.cue) for q in found] == [
        ("Dengan amnesti itu komunikasi politik akan lebih mudah", "tambah")
    ]
    assert speakers(found) == ["Anto Sudarto"]


def test_new_quote_opening_a_sentence_ends_the_unclosed_one() -> None:
    text = (
        '"Kita butuh pemimpin yang negarawan. Bukan sekadar wakil partai. '
        '"Soal nama calon, tunggu revisi undang-undang," tutup pengamat politik Riko Noviantoro.'
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "Kita butuh pemimpin yang negarawan. Bukan sekadar wakil partai.",
        "Soal nama calon, tunggu revisi undang-undang",
    ]
    assert speakers(found)[1] == "Riko Noviantoro"
