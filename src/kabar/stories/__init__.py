"""Stage 8, stories (corpus-level): story clustering across outlets, threads and timelines.

Requires ``Article.title``, ``text``, ``pub_date``, ``outlet`` and ``language`` (and reads
``entities``, ``actors``, ``events`` and ``duplicate_of`` when present); the caller assigns
``Article.story`` from :meth:`StoryIndex.assign` and ``Article.thread`` from
:meth:`StoryIndex.thread_of`. The stage sees the articles of a corpus one after another and keeps
an incremental index in the ``story_*`` tables of a SQLite connection or in memory. See
:mod:`kabar.stories.index`.
"""

from __future__ import annotations

from kabar.stories.index import Candidate, Story, StoryIndex
from kabar.stories.model import DEFAULT_MODEL, FEATURES, PairModel
from kabar.stories.store import create_tables, schema_sql
from kabar.stories.timeline import (
    OutletReport,
    Timeline,
    TimelineArticle,
    TimelineEvent,
    TimelineStory,
)

__all__ = [
    "DEFAULT_MODEL",
    "FEATURES",
    "Candidate",
    "OutletReport",
    "PairModel",
    "Story",
    "StoryIndex",
    "Timeline",
    "TimelineArticle",
    "TimelineEvent",
    "TimelineStory",
    "create_tables",
    "schema_sql",
]
