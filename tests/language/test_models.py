"""The shipped models load and tag sentences written for these tests (no ../shared needed)."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from kabar.language import analyze_text, load_taggers, tag_ner, tag_pos
from kabar.model import Entity

SENTENCE = "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo."


def test_shipped_models_tag_a_sentence() -> None:
    result = analyze_text(SENTENCE)
    found = {(e.text, e.label) for e in result.entities}
    assert ("Joko Widodo", "PER") in found
    assert ("Tokyo", "LOC") in found
    for entity in result.entities:
        assert isinstance(entity, Entity)
        assert SENTENCE[entity.start : entity.end] == entity.text


def test_analysis_has_language_sentences_and_pos() -> None:
    text = "Menteri Keuangan Sri Mulyani tiba di Jakarta, Senin (3/6).\n\nIa lalu menggelar rapat."
    result = analyze_text(text)
    assert result.language == "id"
    assert len(result.sentences) == 2
    first = result.sentences[0]
    assert len(first.pos) == len(first.tokens) == len(first.ner)
    assert first.pos[0] in {"NNP", "NN"}
    assert dict(zip([t.text for t in first.tokens], first.pos, strict=True))["di"] == "IN"
    assert {"PER", "LOC"} <= {e.label for e in result.entities}


def test_organisation_and_places() -> None:
    words = ["Komisi", "Pemberantasan", "Korupsi", "(", "KPK", ")", "memeriksa", "Bupati", "Bogor",
             "di", "Jakarta", "."]  # fmt: skip
    tags = tag_ner(words)
    assert tags[0] == "B-ORG" and tags[4] == "B-ORG"
    assert tags[words.index("Jakarta")] == "B-LOC"
    assert len(tag_pos(words)) == len(words)


def test_models_are_loaded_once() -> None:
    assert load_taggers() is load_taggers()


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in analyze_text(text).entities]


def test_works_in_worker_processes() -> None:
    result = analyze_text(SENTENCE)
    assert pickle.loads(pickle.dumps(result)) == result
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        remote = pool.submit(_entities, SENTENCE).result(timeout=120)
    assert remote == [(e.text, e.label) for e in result.entities]


def test_empty_and_odd_text() -> None:
    assert analyze_text("").entities == []
    assert analyze_text("   \n\n ").sentences == []
    assert analyze_text("!!! ??? …").entities == []
