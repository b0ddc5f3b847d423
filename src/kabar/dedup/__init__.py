"""Stage 7, dedup (corpus-level): exact and near-duplicate detection with lineage.

Requires ``Article.text`` (and reads ``id``, ``pub_date``, ``outlet``, ``syndicated_from``); the
caller assigns ``Article.duplicate_of`` from the returned :class:`DuplicateMatch`. The stage sees the
articles of a corpus one after another and keeps an incremental index of them, in the ``dedup_*``
tables of a SQLite connection or in memory. See :mod:`kabar.dedup.index`.
"""

from __future__ import annotations

from kabar.dedup.index import (
    NEAR_THRESHOLD,
    DuplicateGroup,
    DuplicateIndex,
    DuplicateMatch,
    create_tables,
    schema_sql,
)
from kabar.dedup.text import normalize_text, text_hash

__all__ = [
    "NEAR_THRESHOLD",
    "DuplicateGroup",
    "DuplicateIndex",
    "DuplicateMatch",
    "create_tables",
    "normalize_text",
    "schema_sql",
    "text_hash",
]
