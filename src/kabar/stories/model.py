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
    "title_recent", "body_recent", "numbers_recent", "overlap_recent", "body_member",
)  # fmt: skip
"""The cosines of the four views; the share of the article's retrieval weight the story holds; the
share of shared figure contexts whose figures differ (discounted below three contexts); and four of
those similarities decayed by ``exp(-days)`` between the article and the story's span, so that time
only ever strengthens textual evidence and never stands in for it; and the body cosine of the story's
best-matching member (of its latest :data:`kabar.stories.state.MEMBER_LIMIT`), as Miranda et al.
compare an article with a cluster's members as well as its centroid. Next to the time-decayed
similarities its fitted weight is negative, like the centroid's body cosine before it: text alike
without closeness in time speaks for a recurring topic, not the same happening."""


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
    weights=(0.67, 0.0074, 0.9131, 0.882, 1.3172, -3.7929, 3.9302, 4.5564, 3.2492, 3.699, -2.8046),
    bias=-3.6902,
    threshold=0.2,
)
"""Trained on the story-clustering development set by ``benchmarks/stories.py --train`` (its
``trained_on_all``: :func:`kabar.stories.training.train` with the regularisation of
:data:`kabar.stories.training.C`)."""
