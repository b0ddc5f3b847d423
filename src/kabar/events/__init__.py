"""Stage 6, events: who did what to whom and when, coded with the 16 PLOVER root categories.

Requires ``Article.text`` and ``Article.actors`` (the actor linker's mentions), and reads
``Article.quotes`` (speakers), ``Article.pub_date`` and the language layer's sentences when the
pipeline passes them; returns ``Article.events``. A document-level stage: no state across articles.

* :mod:`kabar.events.coder` is the coder (:class:`EventCoder`), driven by the Indonesian pattern
  dictionary in ``data/patterns.yaml`` and the cue lists in ``data/cues.yaml``;
* :mod:`kabar.events.index` is the corpus-level part (:class:`EventIndex`): the same event across
  articles and outlets, run after dedup and story clustering, in input order, with the store's
  connection; it sets ``Event.canonical``;
* :mod:`kabar.events.export` streams events from the store (:func:`query_events`) and writes PLOVER
  JSON lines, flat JSON lines and CSV.

The dictionary is the coder: a learned filter over its output was tried on the development gold
(``benchmarks/events.py``, leave-one-article-out) and gave no measurable gain, so none ships.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kabar.events.coder import EventCoder
from kabar.events.export import COLUMNS, export_csv, export_jsonl, export_plover, query_events
from kabar.events.index import EventCluster, EventIndex, create_tables, schema_sql
from kabar.model import Article, Event

__all__ = [
    "COLUMNS",
    "EventCluster",
    "EventCoder",
    "EventIndex",
    "create_tables",
    "export_csv",
    "export_jsonl",
    "export_plover",
    "extract_events",
    "query_events",
    "schema_sql",
]


@lru_cache(maxsize=1)
def _coder() -> EventCoder:
    return EventCoder()


def extract_events(article: Article, analysis: Any = None) -> list[Event]:
    """The events of one article, one record per distinct event, in text order.

    Args:
        article: an article with ``text`` and ``actors`` (and ``quotes``, ``pub_date`` if known).
        analysis: the language layer's analysis of ``article.text`` (its sentences are reused).
    """
    return _coder().code(article, analysis)
