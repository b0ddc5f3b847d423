"""Where things live in a dataset directory.

::

    DIR/_dataset.json              what wrote it: settings, shard keys in input order
    DIR/_done/<shard>.json         completion marker of one shard, with its counts
    DIR/_boilerplate.json          the per-outlet boilerplate statistics the shards were cleaned with
    DIR/articles/<shard>.parquet   one row per article (document-level fields)
    DIR/actors|quotes|events/<shard>.parquet   one row per record, with article_row and article_id
    DIR/skips/<shard>.parquet      inputs not processed, with the reason
    DIR/corpus/<shard>.parquet     per article: duplicate_of, story, thread (corpus-level stages)
    DIR/stories/stories.parquet    one row per story
    DIR/_corpus.json               marker of the corpus stages (which shards they covered)
    DIR/_work/                     intermediate partitions of the corpus stages (removed after)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


def table_path(root: Path, table: str, key: str) -> Path:
    return root / table / f"{key}.parquet"


def marker_path(root: Path, key: str) -> Path:
    return root / "_done" / f"{key}.json"


def work_dir(root: Path, *parts: str) -> Path:
    return root.joinpath("_work", *parts)


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically (a reader sees the old file or the whole new one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    tmp.replace(path)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def write_table(path: Path, table: pa.Table) -> None:
    """Write one Parquet file atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(path)


def read_table(path: Path, columns: list[str] | None = None) -> pa.Table:
    return pq.read_table(path, columns=columns)


class TableWriter:
    """Row groups appended to one Parquet file, renamed into place on :meth:`close`."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path, self.schema = path, schema
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self._writer: pq.ParquetWriter | None = None
        self.rows = 0

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self._writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))
        self.rows += len(rows)

    def close(self) -> None:
        if self._writer is None:
            write_table(self.path, self.schema.empty_table())
            return
        self._writer.close()
        self.tmp.replace(self.path)
