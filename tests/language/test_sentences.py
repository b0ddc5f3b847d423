"""Sentence-splitter cases on Indonesian news strings written for these tests."""

from __future__ import annotations

import pytest

from kabar.language.sentences import sentence_spans, split_sentences


def sents(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rapat dipimpin Dr. Siti Rahayu di Jl. Merdeka No. 5. Hasilnya diumumkan besok.",
            ["Rapat dipimpin Dr. Siti Rahayu di Jl. Merdeka No. 5.", "Hasilnya diumumkan besok."],
        ),
        (
            "Tulisan Eko P. Gultom dimuat kemarin. Banyak yang membacanya.",
            ["Tulisan Eko P. Gultom dimuat kemarin.", "Banyak yang membacanya."],
        ),
        (
            "Ia membeli sayur, buah, dll. Setelah itu ia pulang.",
            ["Ia membeli sayur, buah, dll.", "Setelah itu ia pulang."],
        ),
        (
            "Ia membeli sayur, buah, dll. di pasar pagi.",
            ["Ia membeli sayur, buah, dll. di pasar pagi."],
        ),
        (
            "Surat itu a.n. Kepala Dinas. Isinya singkat.",
            ["Surat itu a.n. Kepala Dinas.", "Isinya singkat."],
        ),
        (
            "Saham PT Sinar Abadi Tbk. turun 2,5 persen. Investor cemas.",
            ["Saham PT Sinar Abadi Tbk. turun 2,5 persen.", "Investor cemas."],
        ),
        (
            "Harga naik menjadi Rp 12.500. Pedagang mengeluh.",
            ["Harga naik menjadi Rp 12.500.", "Pedagang mengeluh."],
        ),
        (
            "Gempa terjadi pukul 10.15 WIB. Warga panik.",
            ["Gempa terjadi pukul 10.15 WIB.", "Warga panik."],
        ),
    ],
)
def test_abbreviations_and_numbers(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Kami sudah siap. Semua relawan berjaga,” kata Ketua RT Budi. Warga lega.",
            ["“Kami sudah siap. Semua relawan berjaga,” kata Ketua RT Budi.", "Warga lega."],
        ),
        (
            '"Harga beras naik. Kami kesulitan," ujar Siti, pedagang pasar. Ia berharap bantuan.',
            ['"Harga beras naik. Kami kesulitan," ujar Siti, pedagang pasar.', "Ia berharap bantuan."],
        ),
        (
            "“Apakah ini adil?” tanya dia. Tidak ada yang menjawab.",
            ["“Apakah ini adil?” tanya dia.", "Tidak ada yang menjawab."],
        ),
        (
            "Ia menyebut hasilnya ‘luar biasa.’ Timnya bersorak.",
            ["Ia menyebut hasilnya ‘luar biasa.’", "Timnya bersorak."],
        ),
        (
            "«Kami menolak. Titik,» tegas juru bicara itu.",
            ["«Kami menolak. Titik,» tegas juru bicara itu."],
        ),
        (
            "Menurut dia, “Pemilu harus jujur.” Lalu ia pergi.",
            ["Menurut dia, “Pemilu harus jujur.”", "Lalu ia pergi."],
        ),
    ],
)
def test_quotes(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    text = "“Kami akan terus berjuang. Kami tidak akan mundur. Rakyat bersama kami."
    assert len(sents(text)) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Judul Berita Tanpa Titik\nIsi berita dimulai di sini.",
        "Paragraf satu selesai tanpa titik\n\nParagraf dua juga",
        "Baris satu\r\nBaris dua",
    ],
)
def test_line_breaks_end_sentences(text: str) -> None:
    assert len(sents(text)) == 2


def test_numbered_heading_is_not_split() -> None:
    assert sents("1. Harga BBM naik lagi\n2. Warga protes") == ["1. Harga BBM naik lagi", "2. Warga protes"]


def test_question_and_ellipsis() -> None:
    assert sents("Siapa yang salah? Tidak jelas... Semua diam!") == [
        "Siapa yang salah?", "Tidak jelas...", "Semua diam!",
    ]  # fmt: skip


def test_spans_match_text() -> None:
    text = "  Presiden tiba pukul 09.00 WIB.  “Kami siap,” katanya.\n\nSelesai. "
    for start, end in sentence_spans(text):
        assert text[start:end] == text[start:end].strip()
        assert text[start:end]
    for sent in split_sentences(text):
        for tok in sent.tokens:
            assert text[tok.start : tok.end] == tok.text
            assert sent.start <= tok.start < tok.end <= sent.end
