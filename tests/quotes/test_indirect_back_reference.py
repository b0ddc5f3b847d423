"""A speech verb whose object points back at an earlier quote reports no new statement."""

from __future__ import annotations

from kabar.model import Article
from kabar.quotes import extract_quotes


def _quotes(text: str) -> list[str]:
    return [q.text for q in extract_quotes(Article(id="x", origin="-", hash="", text=text))]


def test_hal_itu_is_not_a_new_statement() -> None:
    text = (
        '"Senapan itu produksi kita," kata juru bicara Kremlin Dmitry Peskov.\n\n'
        "Peskov mengungkapkan hal itu saat menjawab pertanyaan wartawan, Kamis (14/9/2023)."
    )
    assert _quotes(text) == ["Senapan itu produksi kita"]


def test_hal_itu_followed_by_bahwa_still_reports() -> None:
    text = (
        "Peskov menegaskan hal itu, bahwa kerja sama kedua negara tidak diarahkan ke negara ketiga mana pun."
    )
    assert any("kerja sama kedua negara" in q for q in _quotes(text))
