"""Language identification on short samples written for these tests."""

from __future__ import annotations

import pytest

from kabar.language import identify_language, identify_language_scored, identify_paragraphs


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah akan menaikkan harga bahan bakar minyak mulai pekan depan, kata menteri.",
        "Polisi menangkap dua tersangka pencurian sepeda motor di Kabupaten Bogor kemarin.",
        "Bank Indonesia menahan suku bunga acuan karena inflasi masih terkendali.",
        "Warga bisa mendaftar secara daring tanpa biaya, tetapi kuotanya terbatas.",
        "Beliau mengatakan bahwa daripada menunggu, lebih baik warga boleh mendaftar sekarang.",
    ],
)
def test_indonesian(text: str) -> None:
    assert identify_language(text) == "id"


@pytest.mark.parametrize(
    "text",
    [
        "Kerajaan akan memperuntukkan wang tambahan kerana ramai rakyat memerlukan bantuan.",
        "Pihak berkuasa tempatan berkata bahawa sebarang perhimpunan haram akan disekat.",
        "Jurucakap syarikat itu berkata kakitangan akan menerima bonus selepas mesyuarat.",
    ],
)
def test_malay(text: str) -> None:
    assert identify_language(text) == "ms"


@pytest.mark.parametrize(
    "text",
    [
        "The central bank kept its policy rate unchanged on Wednesday, citing stable inflation.",
        "Police arrested two suspects after the robbery, a spokesman said.",
    ],
)
def test_english(text: str) -> None:
    assert identify_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    ["Die Regierung hat die Steuern erhöht, sagte der Minister am Montag.", "", "   ", "12345 !!!"],
)
def test_other(text: str) -> None:
    assert identify_language(text) == "other"


def test_a_chinese_surname_is_no_malay_evidence() -> None:
    text = "Menurut Wang, pemerintah daerah harus segera membangun jembatan baru di desa itu."
    assert identify_language(text) == "id"


def test_scores_and_paragraphs() -> None:
    guess = identify_language_scored("Presiden meresmikan jalan tol baru di Sumatera Selatan.")
    assert guess.language == "id"
    assert 0.5 < guess.score <= 1.0
    text = "Harga cabai naik tajam di pasar tradisional.\n\nPrices rose sharply at the market."
    found = identify_paragraphs(text)
    assert [g.language for _, _, g in found] == ["id", "en"]
    assert text[found[1][0] : found[1][1]] == "Prices rose sharply at the market."
