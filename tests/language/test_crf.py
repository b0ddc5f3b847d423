"""The numpy CRF decoder: exact Viterbi, word-table reuse, save/load, domain collapse."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from kabar.language import crf
from kabar.language.crf import CrfModel, collapse_domain, viterbi_batch
from kabar.language.features import FeatureCache, sequence_features


def _brute_force(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    n, labels = emissions.shape
    best: tuple[float, list[int]] | None = None
    for path in itertools.product(range(labels), repeat=n):
        score = emissions[0, path[0]] + sum(
            transitions[path[i - 1], path[i]] + emissions[i, path[i]] for i in range(1, n)
        )
        if best is None or score > best[0]:
            best = (float(score), list(path))
    assert best is not None
    return best[1]


def test_viterbi_is_exact() -> None:
    rng = np.random.default_rng(7)
    transitions = rng.normal(size=(3, 3)).astype(np.float32)
    emissions = sorted((rng.normal(size=(n, 3)).astype(np.float32) for n in (1, 4, 2, 5, 3)), key=len)
    assert viterbi_batch(emissions, transitions) == [_brute_force(e, transitions) for e in emissions]


def _toy_model() -> CrfModel:
    attrs = ["w=budi", "title", "-1:w=presiden", "+1:w=tiba", "b"]
    weights = np.array([[0, 2, 0], [0, 1, 0.5], [0, 1.5, 0], [0, 0.5, 0], [1, 0, 0]], dtype=np.float32)
    transitions = np.array([[0, 0, -1], [0, 0, 1], [0, -2, 0]], dtype=np.float32)
    return CrfModel(["O", "B-PER", "I-PER"], attrs, weights, transitions)


def _reference(model: CrfModel, words: list[str], cache: FeatureCache) -> list[str]:
    """Decode from CRFsuite-style attribute strings, the way training sees the sentence."""
    items = sequence_features(words, cache)
    emissions = np.stack([model.weights[model.rows(it)].sum(axis=0) for it in items])
    return [model.labels[i] for i in viterbi_batch([emissions], model.transitions)[0]]


def test_cached_scores_equal_attribute_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    model, cache = _toy_model(), FeatureCache({})
    sentences = [["Presiden", "Budi", "tiba", "."], ["Budi"], ["kata", "Budi", "Santoso"]]
    expected = [_reference(model, s, cache) for s in sentences]
    assert model.tag_many(sentences, cache) == expected
    monkeypatch.setattr(crf, "WORD_TABLE_LIMIT", 2)  # the word table starts afresh between calls
    assert [model.tag(s, cache) for s in sentences] == expected
    assert model.tag([], cache) == []


def test_save_load_round_trip(tmp_path: Path) -> None:
    model = _toy_model()
    model.save(tmp_path / "m.bin")
    loaded = CrfModel.load(tmp_path / "m.bin")
    assert loaded.labels == model.labels
    assert loaded.index == model.index
    assert np.array_equal(loaded.weights, model.weights)
    assert np.array_equal(loaded.transitions, model.transitions)


def test_collapse_domain_adds_the_domain_copy() -> None:
    attrs = ["w=x", "@a|w=x", "@b|w=x", "@a|w=y"]
    weights = np.array([[1, 0], [2, 0], [5, 0], [0, 3]], dtype=np.float32)
    joint = CrfModel(["O", "B-LOC"], attrs, weights, np.zeros((2, 2), dtype=np.float32))
    one = collapse_domain(joint, "@a|")
    assert sorted(one.index) == ["w=x", "w=y"]
    assert one.weights[one.index["w=x"]].tolist() == [3, 0]
    assert one.weights[one.index["w=y"]].tolist() == [0, 3]
