"""Stage 5, quotes: who said what, when, and taken from where.

Not built yet (issue "Quotes"): direct and indirect quotes with speakers, cues, ``via`` and dates.
Until then this stage returns no quotes rather than guessing.
"""

from __future__ import annotations

from typing import Any

from kabar.model import Article, Quote


def extract_quotes(article: Article, analysis: Any = None) -> list[Quote]:
    """Quotes of one article. Pass-through for now: returns an empty list."""
    return []
