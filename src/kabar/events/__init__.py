"""Stage 6, events: who did what to whom and when, coded with PLOVER.

Not built yet (issue "Events"): a PLOVER coder with status, event dates and cross-article dedup.
Until then this stage returns no events rather than guessing.
"""

from __future__ import annotations

from typing import Any

from kabar.model import Article, Event


def extract_events(article: Article, analysis: Any = None) -> list[Event]:
    """Events of one article. Pass-through for now: returns an empty list."""
    return []
