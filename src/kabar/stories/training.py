"""Training and scoring the pair model on hand-clustered articles.

The index is replayed over the articles in order with the gold clustering forced
(:meth:`StoryIndex.assign` with ``story=``), so every article meets the candidate stories it would
meet online; each (article, candidate) pair is an example, positive when the candidate is the
article's gold story. A logistic regression is fitted on the examples, and its decision threshold
is chosen by running the index online over the same articles and maximising the mean of BCubed and
pairwise F1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from kabar.model import Article
from kabar.stories.index import StoryIndex
from kabar.stories.model import DEFAULT_MODEL, FEATURES, PairModel

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))
C = 3.0
"""Inverse regularisation strength of the logistic regression, chosen by cross-validation on the
development set (train on one half of its window, score on the other, and on odd against even days):
mean held-out pairwise F1 0.625 and 0.790 at 1.0, 0.667 and 0.795 at 3.0, 0.647 and 0.790 at 10.0,
0.491 and 0.721 at 0.3. The features are similarities in [0, 1], so useful weights are large."""


@dataclass(slots=True)
class Pairs:
    """Training examples: pair features, labels, and how often the gold story was retrieved."""

    features: list[tuple[float, ...]]
    labels: list[int]
    retrieved: int = 0
    expected: int = 0


def replay(
    articles: Sequence[Article], gold: Mapping[str, str], background: Sequence[Article] = (),
) -> Pairs:  # fmt: skip
    """The (article, candidate story) examples met when replaying the gold clustering."""
    index = primed(background)
    pairs = Pairs([], [])
    seen: set[str] = set()
    for article in articles:
        story = gold[article.id]
        candidates = index.candidates(article)
        pairs.expected += story in seen
        pairs.retrieved += any(c.story == story for c in candidates)
        for candidate in candidates:
            pairs.features.append(candidate.features)
            pairs.labels.append(int(candidate.story == story))
        index.assign(article, story=story)
        seen.add(story)
    return pairs


def fit(pairs: Pairs, c: float = C) -> PairModel:
    """A logistic regression over the pairs (threshold 0.5 until :func:`tune_threshold`)."""
    from sklearn.linear_model import LogisticRegression

    regression = LogisticRegression(C=c, max_iter=2000)
    regression.fit(pairs.features, pairs.labels)
    weights = tuple(round(float(w), 4) for w in regression.coef_[0])
    return PairModel(weights, round(float(regression.intercept_[0]), 4), 0.5)


def primed(background: Sequence[Article] = (), model: PairModel = DEFAULT_MODEL) -> StoryIndex:
    """A fresh in-memory index whose term statistics have seen ``background``."""
    index = StoryIndex(model=model)
    for article in background:
        index.observe(article)
    return index


def cluster(
    articles: Sequence[Article], model: PairModel = DEFAULT_MODEL, background: Sequence[Article] = (),
) -> dict[str, str]:  # fmt: skip
    """Online clustering of the articles in order: article id to story id."""
    index = primed(background, model)
    return {article.id: index.assign(article) for article in articles}


def tune_threshold(
    articles: Sequence[Article], gold: Mapping[str, str], model: PairModel,
    background: Sequence[Article] = (), thresholds: Sequence[float] = THRESHOLDS,
) -> tuple[PairModel, dict[float, dict[str, float]]]:  # fmt: skip
    """The model with the threshold that maximises the mean of BCubed and pairwise F1 (ties: lower)."""
    scores = {t: score(cluster(articles, replace(model, threshold=t), background), gold) for t in thresholds}
    best = max(thresholds, key=lambda t: (round(scores[t]["bcubed_f1"] + scores[t]["pairwise_f1"], 4), -t))
    return replace(model, threshold=best), scores


def train(
    articles: Sequence[Article], gold: Mapping[str, str], background: Sequence[Article] = (), c: float = C,
) -> PairModel:  # fmt: skip
    """Fit the pair model and tune its threshold on one set of articles."""
    model, _ = tune_threshold(articles, gold, fit(replay(articles, gold, background), c), background)
    return model


def score(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Pairwise and BCubed precision, recall and F1 (as ``score_clusters.py`` computes them)."""
    pred = {i: pred.get(i, f"__single__{i}") for i in gold}
    gold_sets, pred_sets = _clusters(gold), _clusters(pred)
    both = Counter((gold[i], pred[i]) for i in gold)
    tp = sum(n * (n - 1) // 2 for n in both.values())
    pp = sum(len(m) * (len(m) - 1) // 2 for m in pred_sets.values())
    gp = sum(len(m) * (len(m) - 1) // 2 for m in gold_sets.values())
    bp = sum(len(gold_sets[gold[i]] & pred_sets[pred[i]]) / len(pred_sets[pred[i]]) for i in gold) / len(gold)
    br = sum(len(gold_sets[gold[i]] & pred_sets[pred[i]]) / len(gold_sets[gold[i]]) for i in gold) / len(gold)
    return {
        "pairwise_precision": _ratio(tp, pp), "pairwise_recall": _ratio(tp, gp),
        "pairwise_f1": _ratio(2 * tp, pp + gp), "bcubed_precision": bp, "bcubed_recall": br,
        "bcubed_f1": _ratio(2 * bp * br, bp + br), "stories": float(len(pred_sets)),
    }  # fmt: skip


def _clusters(labels: Mapping[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for doc, label in labels.items():
        groups[label].add(doc)
    return groups


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def describe(model: PairModel) -> str:
    """The model as Python source, for pasting into :mod:`kabar.stories.model`."""
    weights = ", ".join(f"{w:g}" for w in model.weights)
    names = ", ".join(FEATURES)
    return f"PairModel(weights=({weights}), bias={model.bias:g}, threshold={model.threshold:g})  # {names}"
