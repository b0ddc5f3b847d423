"""The seed articles split into whole sentences (read from ../shared at test time)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kabar.language import split_sentences
from kabar.language.lexicon import ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS

OPEN_CLOSE = (("“", "”"), ("«", "»"))


def _seed_texts(shared: Path) -> list[str]:
    paths = sorted((shared / "seeds").glob("*.txt"))
    if not paths:
        pytest.skip("no seed articles")
    return [p.read_text(encoding="utf-8") for p in paths]


def test_no_sentence_is_broken_inside_a_quote(shared: Path) -> None:
    for text in _seed_texts(shared):
        for sent in split_sentences(text):
            for opening, closing in OPEN_CLOSE:
                # a quotation closed later in the paragraph must be closed in the same sentence
                if sent.text.count(opening) > sent.text.count(closing):
                    rest = text[sent.end :].split("\n", 1)[0]
                    assert closing not in rest, sent.text


def test_no_sentence_ends_at_an_abbreviation(shared: Path) -> None:
    single = ABBREVIATIONS - {a.rstrip(".") for a in SENTENCE_FINAL_ABBREVIATIONS}
    for text in _seed_texts(shared):
        for sent in split_sentences(text):
            last = sent.tokens[-1].text
            assert last.rstrip(".") not in single or not last.endswith(".") or sent.end == len(text)
            assert not re.fullmatch(r"[A-Z]\.", last), sent.text


def test_reporting_clauses_stay_with_their_quote(shared: Path) -> None:
    for text in _seed_texts(shared):
        for sent in split_sentences(text):
            assert not re.match(r"(kata|ujar|ucap|tutur|jelas|tegas)\b", sent.text), sent.text
