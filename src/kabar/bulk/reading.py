"""Reading a dataset back: its finished shards, their tables, the articles they hold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kabar.bulk.layout import marker_path, read_json, table_path
from kabar.bulk.tables import SHARD_TABLES, rebuild_articles, table_schema
from kabar.model import Article, SkippedInput


def dataset_info(root: Path) -> dict[str, Any]:
    """The ``_dataset.json`` of a dataset directory (empty when there is none)."""
    path = root / "_dataset.json"
    info: dict[str, Any] = read_json(path) if path.exists() else {}
    return info


def finished_shards(root: Path) -> list[str]:
    """Keys of the finished shards: in the order of the last run's plan, then any others by name."""
    done = {p.stem for p in (root / "_done").glob("*.json")}
    planned = [k for k in dataset_info(root).get("shards", []) if k in done]
    return planned + sorted(done - set(planned))


def shard_tables(root: Path, key: str, tables: tuple[str, ...] = SHARD_TABLES) -> dict[str, pa.Table]:
    return {t: pq.read_table(table_path(root, t, key), schema=table_schema(t)) for t in tables}


def shard_corpus(root: Path, key: str) -> pa.Table | None:
    path = table_path(root, "corpus", key)
    return pq.read_table(path, schema=table_schema("corpus")) if path.exists() else None


def shard_articles(root: Path, key: str, *, corpus: bool = True) -> list[Article]:
    """The articles of one finished shard, with their corpus-level fields when ``corpus``."""
    tables = shard_tables(root, key, tuple(t for t in SHARD_TABLES if t != "skips"))
    return rebuild_articles(tables, shard_corpus(root, key) if corpus else None)


def shard_skips(root: Path, key: str) -> list[SkippedInput]:
    rows = pq.read_table(table_path(root, "skips", key), schema=table_schema("skips")).to_pylist()
    return [SkippedInput(**row) for row in rows]


def read_articles(root: str | Path) -> Iterator[Article]:
    """Every article of a dataset, shard by shard in input order, with duplicate_of, story and thread."""
    root = Path(root)
    for key in finished_shards(root):
        yield from shard_articles(root, key)


def read_skips(root: str | Path) -> Iterator[SkippedInput]:
    """Every input the run skipped, with its reason."""
    root = Path(root)
    for key in finished_shards(root):
        yield from shard_skips(root, key)


def shard_marker(root: Path, key: str) -> dict[str, Any]:
    marker: dict[str, Any] = read_json(marker_path(root, key))
    return marker
