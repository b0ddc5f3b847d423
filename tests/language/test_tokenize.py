"""Tokenizer cases on Indonesian news strings written for these tests."""

from __future__ import annotations

import pytest

from kabar.language.tokenize import tokenize


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ia membeli beras, gula, dll. di pasar.", ["dll."]),
        ("Rapat dihadiri Dr. Siti dan Prof. Bambang.", ["Dr.", "Prof."]),
        ("Kantornya di Jl. Merdeka No. 12, Kec. Gambir.", ["Jl.", "No.", "Kec."]),
        ("Warga Kab. Bogor dan H. Ahmad serta Hj. Aminah hadir.", ["Kab.", "H.", "Hj."]),
        ("Saham PT Maju Jaya Tbk. naik.", ["Tbk."]),
        ("Surat itu a.n. Budi Santoso, S.H., M.Si. dikirim.", ["a.n.", "S.H.", "M.Si."]),
        ("Ir. Sutami dan St. Yohanes, dkk. serta Bpk. Rudi", ["Ir.", "St.", "dkk.", "Bpk."]),
        ("Kepada yth. Bapak Camat, surat tsb. sudah dikirim.", ["yth.", "tsb."]),
        ("Penulis: Hasiolan Eko P. Gultom", ["P."]),
    ],
)
def test_abbreviations_stay_whole(text: str, expected: list[str]) -> None:
    toks = texts(text)
    for abbreviation in expected:
        assert abbreviation in toks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harga cabai Rp 75.000 per kilogram.", ["Rp", "75.000"]),
        ("Inflasi naik 5,95 persen.", ["5,95", "persen"]),
        ("Dana Rp1,2 triliun cair.", ["Rp", "1,2", "triliun"]),
        ("Ekspor US$ 1,5 miliar.", ["US$", "1,5", "miliar"]),
        ("Rapat digelar Rabu (21/2/2024).", ["(", "21/2/2024", ")"]),
        ("Kamis (30/4) pukul 10.15 WIB.", ["(", "30/4", ")", "pukul", "10.15", "WIB", "."]),
        ("Suku bunga 5,75%.", ["5,75", "%", "."]),
    ],
)
def test_numbers_money_dates(text: str, expected: list[str]) -> None:
    toks = texts(text)
    start = toks.index(expected[0])
    assert toks[start : start + len(expected)] == expected


def test_parenthesised_acronym() -> None:
    assert texts("Korea Utara (Korut) menembakkan rudal.")[:5] == ["Korea", "Utara", "(", "Korut", ")"]


@pytest.mark.parametrize("quote", ['"', "“", "”", "‘", "’", "«", "»", "'"])
def test_quote_marks_are_tokens(quote: str) -> None:
    toks = texts(f"Ia berkata {quote}cukup{quote} kemarin.")
    assert toks.count(quote) == 2
    assert "cukup" in toks


@pytest.mark.parametrize(
    ("word", "clitic"),
    [
        ("rumahnya", "nya"), ("pergilah", "lah"), ("apakah", "kah"), ("meskipun", "pun"),
        ("Kewenangannya", "nya"), ("Apakah", "kah"), ("sekolah", None), ("masalah", None),
        ("hanya", None), ("punya", None), ("Abdullah", None), ("langkah", None), ("rumpun", None),
    ],
)  # fmt: skip
def test_clitics_attached_and_marked(word: str, clitic: str | None) -> None:
    [tok] = tokenize(word)
    assert tok.text == word
    assert tok.clitic == clitic


@pytest.mark.parametrize(
    "word", ["negara-negara", "Jokowi-Ahok", "Rusia-Korut", "COVID-19", "ke-3", "H-1", "Jum'at",
             "besar-besaran"],
)  # fmt: skip
def test_hyphenated_words_stay_whole(word: str) -> None:
    assert texts(f"Kata {word} di sini.") == ["Kata", word, "di", "sini", "."]


@pytest.mark.parametrize(
    ("text", "token", "kind"),
    [
        ("Baca di https://contoh.co.id/berita/1?a=2. Lalu", "https://contoh.co.id/berita/1?a=2", "url"),
        ("Foto: contohfoto.com/Budi Santoso", "contohfoto.com/Budi", "url"),
        ("CONTOHBERITA.COM - Presiden", "CONTOHBERITA.COM", "url"),
        ("Kirim ke redaksi.berita@contoh.co.id segera.", "redaksi.berita@contoh.co.id", "email"),
        ("Akun @kemenkeuRI dan tagar #Pemilu2024 ramai.", "@kemenkeuRI", "handle"),
        ("Akun @kemenkeuRI dan tagar #Pemilu2024 ramai.", "#Pemilu2024", "handle"),
    ],
)
def test_urls_emails_handles(text: str, token: str, kind: str) -> None:
    found = {t.text: t.kind for t in tokenize(text)}
    assert found.get(token) == kind


def test_offsets_index_the_text() -> None:
    text = "  “Harga BBM naik,” kata Menteri ESDM\u00a0Bahlil di Jakarta, Senin (3/6).\n\nRp1,2 T  "
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_zero_width_characters_are_skipped() -> None:
    assert texts("Jakarta\u200b - Presiden") == ["Jakarta", "-", "Presiden"]
