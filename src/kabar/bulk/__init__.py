"""Bulk runs: the whole pipeline over sharded inputs into a Parquet dataset, and back into a store.

* :func:`write_dataset` (behind ``kabar analyze --engine ray|local --out-dir DIR``) reads inputs
  as shards (one per file; large JSONL files cut into runs of lines), learns the per-outlet
  boilerplate as a grouped aggregation, runs the document-level stages shard by shard on an
  executor, then dedup (band-bucket grouping) and story clustering (partitioned by language and
  time window) over the whole dataset. Each shard ends with a completion marker, so a rerun skips
  finished shards. Tables: ``articles``, ``actors``, ``quotes``, ``events``, ``skips`` (one file
  per shard), ``corpus`` (duplicate_of, story, thread per article) and ``stories``.
* :func:`load_dataset` (behind ``kabar load DIR``) imports a dataset into the SQLite store,
  idempotently by content hash.
* :func:`read_articles` / :func:`read_skips` read a dataset back as model records.

See ``docs/scale.md`` for the layout, the costs and the limits.
"""

from __future__ import annotations

from kabar.bulk.load import LoadReport, load_dataset
from kabar.bulk.reading import finished_shards, read_articles, read_skips
from kabar.bulk.shards import Shard, plan_shards
from kabar.bulk.tables import table_schema
from kabar.bulk.writer import BulkReport, write_dataset

__all__ = [
    "BulkReport", "LoadReport", "Shard", "finished_shards", "load_dataset", "plan_shards", "read_articles",
    "read_skips", "table_schema", "write_dataset",
]  # fmt: skip
