"""Properties of the stage on arbitrary texts made of news-like pieces: it never fails, and every
quote's offsets point at its words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.quotes import extract_quotes
from tests.quotes.helpers import article

PIECES = [
    "“", "”", '"', "‘", "’", "'", "«", "»", ", ", ". ", "\n\n", "kata", "ujarnya", "ucap dia",
    "Menurut", "mengatakan", "bahwa", "Budi Santoso", "Kepala Dinas", "harga beras naik", "Rabu (21/2/2024)",
    "dikutip dari", "BBC", "disebutkan", "kementerian tersebut", "dia", " ", "Namun,",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_offsets_point_at_the_words(parts: list[str]) -> None:
    text = " ".join(parts)
    for quote in extract_quotes(article(text)):
        assert quote.start is not None and quote.end is not None
        assert 0 <= quote.start <= quote.end <= len(text)
        if "\n\n" not in quote.text:
            assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "indirect")
        assert quote.text.strip()


def test_empty_article() -> None:
    assert extract_quotes(article("")) == []
