"""The pair model: how likely an article belongs to a candidate story.

Features follow Miranda et al. (2018), "Multilingual Clustering of Streaming News": TF-IDF cosine
similarities between the article and the story centroid for several views (title, lead, body,
names, numbers) plus time, combined by logistic regression trained on (article, candidate story)
pairs of hand-clustered news (:mod:`kabar.stories.training`). The article joins the most likely
candidate when its probability reaches the model's threshold, and opens a new story otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

FEATURES = (
    "title", "body", "names", "numbers", "overlap", "fact_conflicts",
    "title_recent", "body_recent", "numbers_recent", "overlap_recent",
)  # fmt: skip
"""The cosines of the four views; the share of the article's retrieval weight the story holds; the
share of shared figure contexts whose figures differ (discounted below three contexts); and four of
those similarities decayed by ``exp(-days)`` between the article and the story's span, so that time
only ever strengthens textual evidence and never stands in for it."""


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic regression over :data:`FEATURES` with a decision threshold.

    Args:
        weights: one coefficient per feature, in :data:`FEATURES` order.
        bias: the intercept.
        threshold: the probability from which an article joins its best candidate story.
    """

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


DEFAULT_MODEL = PairModel(
    weights=(0.5352, -1.3987, 0.6574, 0.8734, 0.7476, -4.1982, 4.2404, 4.339, 3.3134, 3.5546),
    bias=-3.597,
    threshold=0.2,
)
"""Trained on the story-clustering development set by ``benchmarks/stories.py --train`` (its
``trained_on_all``: :func:`kabar.stories.training.train` with the regularisation of
:data:`kabar.stories.training.C`)."""
