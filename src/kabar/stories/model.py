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
    weights=(0.6128, -0.7229, 0.3071, 1.0435, 0.856, -2.729, 3.0987, 3.1372, 2.4768, 2.6167),
    bias=-3.6151,
    threshold=0.2,
)
"""Trained on the story-clustering development set (see ``benchmarks/stories.py --train``)."""
