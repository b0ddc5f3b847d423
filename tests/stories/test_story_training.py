"""Training the pair model: reproducible, with the regularisation chosen by cross-validation."""

from __future__ import annotations

import inspect

import pytest

from kabar.model import Article
from kabar.stories import DEFAULT_MODEL, FEATURES, training


def test_the_shipped_model_has_a_weight_per_feature() -> None:
    assert len(DEFAULT_MODEL.weights) == len(FEATURES)
    assert 0.0 < DEFAULT_MODEL.threshold < 1.0


def test_fitting_uses_the_cross_validated_regularisation() -> None:
    assert inspect.signature(training.fit).parameters["c"].default == training.C
    assert inspect.signature(training.train).parameters["c"].default == training.C


def next_day_prices() -> list[Article]:
    """Rice prices at Cipinang on the next two days: the same template, other figures, other stories."""
    rows = [
        ("r4", "2024-02-21T09:00:00+07:00", "Harga Beras di Pasar Induk Cipinang Turun Jadi Rp15.500 per Kilogram",
         "Harga beras medium di Pasar Induk Beras Cipinang turun menjadi Rp15.500 per kilogram pada Rabu "
         "(21/2/2024). Pedagang menyebut pasokan dari Jawa Tengah mulai masuk. Stok beras di gudang pasar "
         "tercatat 25.000 ton."),
        ("r5", "2024-02-22T09:00:00+07:00", "Harga Beras di Pasar Induk Cipinang Turun Lagi Jadi Rp15.000",
         "Harga beras medium di Pasar Induk Beras Cipinang turun lagi menjadi Rp15.000 per kilogram pada "
         "Kamis (22/2/2024). Pasokan dari Jawa Tengah bertambah. Stok beras di gudang pasar tercatat 27.000 ton."),
    ]  # fmt: skip
    return [Article(id=i, origin="test", hash="", outlet="kabarsatu.id", pub_date=d, title=t, text=x,
                    language="id") for i, d, t, x in rows]  # fmt: skip


def test_training_is_reproducible(corpus: list[Article], gold: dict[str, str]) -> None:
    pytest.importorskip("sklearn")
    corpus = sorted([*corpus, *next_day_prices()], key=lambda a: a.pub_date or "")
    gold = {**gold, "r4": "rice-21", "r5": "rice-22"}
    pairs = training.replay(corpus, gold)
    assert pairs.expected == 6 and pairs.retrieved == 6  # every later member meets its story
    assert 0 in pairs.labels and 1 in pairs.labels
    first, second = training.fit(pairs), training.fit(training.replay(corpus, gold))
    assert first == second
    weaker = training.fit(pairs, c=0.1)
    assert sum(map(abs, weaker.weights)) < sum(map(abs, first.weights))  # C is the inverse strength
    model = training.train(corpus, gold)
    assert training.score(training.cluster(corpus, model), gold)["bcubed_f1"] == 1.0
