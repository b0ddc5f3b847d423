"""The views story clustering compares: words, figures, names, headlines."""

from __future__ import annotations

import pytest

from kabar.model import Article, Entity
from kabar.stories.text import article_views, capitalised_spans, clean_title, numbers, publisher, scan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("harga naik menjadi Rp1,929 juta per gram", ["1.929e+06"]),
        ("harga naik menjadi Rp1.929.000 per gram", ["1.929e+06"]),
        ("dijual Rp 16 ribu per kilogram", ["16000"]),
        ("anggaran Rp200 triliun", ["2e+14"]),
        ("inflasi 2,31 persen", ["2.31%"]),
        ("inflasi 2,31% pada Agustus", ["2.31%"]),
        ("pada Rabu (13/9/2023) dan tahun 2024", []),
        ("kursi ke-3 dan 12 orang", []),
    ],
)
def test_figures_have_one_canonical_form(text: str, expected: list[str]) -> None:
    assert numbers(text) == expected


def test_english_figures_use_the_other_separators() -> None:
    assert numbers("a price of 1,929,000 rupiah, up 2.5 percent", english=True) == ["1.929e+06", "2.5%"]


def test_figures_keep_the_two_words_before_them() -> None:
    found = scan("Emas Antam naik Rp21.000 menjadi Rp2.095.000 per gram.")
    assert found.figures == [("naik rp", "21000"), ("menjadi rp", "2.095e+06")]


def test_content_words_drop_function_words_days_and_clitics() -> None:
    assert scan("Menurut dia, harga beras naik pada Senin karena pasokannya berkurang.").words == [
        "harga", "beras", "naik", "pasokan", "berkurang",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        ("Harga Emas Naik Lagi |Republika Online", "ekonomi.republika.co.id", "Harga Emas Naik Lagi"),
        ("Harga Emas Naik Lagi : Okezone Economy", "economy.okezone.com", "Harga Emas Naik Lagi"),
        ("Mendagri: Stabilitas harga pangan prioritas", "antaranews.com",
         "Mendagri: Stabilitas harga pangan prioritas"),
    ],
)  # fmt: skip
def test_clean_title_drops_the_outlet_tail(title: str, outlet: str, expected: str) -> None:
    assert clean_title(title, outlet) == expected


def test_publisher_is_the_distinctive_part_of_the_domain() -> None:
    assert publisher("jogja.antaranews.com") == "antaranews"
    assert publisher("www.tempo.co") == "tempo"
    assert publisher(None) == ""


def test_capitalised_runs_stand_in_for_names() -> None:
    text = "Kemarin Presiden Joko Widodo meninjau Pasar Johar. Ia didampingi Wali Kota Semarang, Senin."
    assert capitalised_spans(text) == ["presiden joko widodo", "pasar johar", "wali kota semarang"]


def test_given_entities_replace_the_capitalised_runs() -> None:
    text = "Presiden Joko Widodo datang."
    article = Article(id="x", origin="t", hash="", title="Jokowi di Semarang", text=text,
                      entities=[Entity("Joko Widodo", "PER", 8, 19)])  # fmt: skip
    assert list(article_views(article).names) == ["joko widodo"]
