"""In-memory state of stories and threads, and its row form in the ``story_*`` tables."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

from kabar.stories.store import decode_state, encode_state
from kabar.stories.text import VIEWS
from kabar.stories.vectors import Centroid

CENTROID_LIMITS = {"title": 60, "body": 300, "names": 60, "numbers": 60}
FACT_LIMIT = 300


def new_centroids() -> dict[str, Centroid]:
    return {view: Centroid(limit=CENTROID_LIMITS[view]) for view in VIEWS}


@dataclass(slots=True)
class StoryState:
    """A story as the index keeps it: centroids per view, time span, publishers, posting terms."""

    id: str
    language: str
    first_day: float
    last_day: float
    title: str = ""
    size: int = 0
    thread: str | None = None
    publishers: dict[str, int] = field(default_factory=dict)
    centroids: dict[str, Centroid] = field(default_factory=new_centroids)
    terms: set[str] = field(default_factory=set)
    facts: dict[str, set[str]] = field(default_factory=dict)
    days: list[float] = field(default_factory=list)

    def add_facts(self, facts: dict[str, set[str]]) -> None:
        """Remember the figures the story gives in each context (the first :data:`FACT_LIMIT` contexts)."""
        for context, values in facts.items():
            known = self.facts.get(context)
            if known is not None:
                known |= values
            elif len(self.facts) < FACT_LIMIT:
                self.facts[context] = set(values)

    def compare_facts(self, facts: dict[str, set[str]]) -> tuple[int, int]:
        """How many of the article's contexts agree with the story's figures, and how many conflict."""
        agree = conflict = 0
        for context, values in facts.items():
            known = self.facts.get(context)
            if known is not None:
                if known & values:
                    agree += 1
                else:
                    conflict += 1
        return agree, conflict

    def add_day(self, day: float) -> None:
        """Record a member's publication day (distinct days, sorted)."""
        i = bisect.bisect_left(self.days, day)
        if i == len(self.days) or self.days[i] != day:
            self.days.insert(i, day)
        self.first_day, self.last_day = self.days[0], self.days[-1]

    def gap(self, day: float) -> float:
        """Days between ``day`` and the nearest member's publication day.

        Nearest member rather than the story's span: a copy republished months later must not make
        the story close to everything in between.
        """
        days = self.days
        i = bisect.bisect_left(days, day)
        after = days[i] - day if i < len(days) else math.inf
        before = day - days[i - 1] if i else math.inf
        return min(after, before) if days else 0.0

    def row(self) -> tuple[Any, ...]:
        state = {
            "publishers": self.publishers,
            "centroids": {view: c.counts for view, c in self.centroids.items()},
            "terms": list(self.terms),
            "facts": self.facts,
            "days": self.days,
        }
        return (self.id, self.language, self.thread, self.first_day, self.last_day, self.size,
                self.title, encode_state(state))  # fmt: skip

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> StoryState:
        story_id, language, thread, first_day, last_day, size, title, blob = row
        state = decode_state(blob)
        centroids = new_centroids()
        for view, counts in state["centroids"].items():
            centroids[view].counts = counts
        return cls(
            story_id, language, first_day, last_day, title or "", size, thread,
            state["publishers"], centroids, set(state["terms"]),
            state["facts"], state["days"],
        )  # fmt: skip


@dataclass(slots=True)
class ThreadState:
    """A thread: stories linked by shared names and keywords, with no time limit."""

    id: str
    language: str
    first_day: float
    last_day: float
    stories: int = 0
    names: dict[str, float] = field(default_factory=dict)
    keywords: dict[str, float] = field(default_factory=dict)
    label: str = ""

    def row(self) -> tuple[Any, ...]:
        state = {"names": self.names, "keywords": self.keywords}
        return (self.id, self.language, self.first_day, self.last_day, self.stories, self.label,
                encode_state(state))  # fmt: skip

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> ThreadState:
        thread_id, language, first_day, last_day, stories, label, blob = row
        state = decode_state(blob)
        return cls(thread_id, language, first_day, last_day, stories, state["names"], state["keywords"],
                   label or "")  # fmt: skip
