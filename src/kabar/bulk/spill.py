"""Partitioned intermediate files: the shuffle between the map and reduce steps of a corpus stage.

A map task (one per shard) splits its rows by a partition number and writes one small Parquet
file per non-empty partition under ``_work/<stage>/p<partition>/<shard>.parquet``; a reduce task
(one per partition) reads its directory. The shuffle goes through the dataset directory, so it
works the same on the local and the Ray executor (on a cluster the directory must be shared) and
never holds more than one partition in a reducer's memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from kabar.bulk.layout import work_dir, write_table


def partition_dir(root: Path, stage: str, partition: int | str) -> Path:
    return work_dir(root, stage, f"p{partition}")


def spill(root: Path, stage: str, key: str, table: pa.Table, parts: np.ndarray, partitions: int) -> None:
    """Write ``table``'s rows to their partitions (``parts[i]`` is row ``i``'s partition)."""
    for partition, rows in split(table, parts, partitions):
        write_table(partition_dir(root, stage, partition) / f"{key}.parquet", rows)


def split(table: pa.Table, parts: np.ndarray, partitions: int) -> Iterator[tuple[int, pa.Table]]:
    """The non-empty row subsets of ``table`` by partition."""
    if table.num_rows == 0:
        return
    order = np.argsort(parts, kind="stable")
    bounds = np.searchsorted(parts[order], np.arange(partitions + 1))
    for partition in range(partitions):
        lo, hi = int(bounds[partition]), int(bounds[partition + 1])
        if hi > lo:
            yield partition, table.take(pa.array(order[lo:hi]))


def read_partition(root: Path, stage: str, partition: int | str, schema: pa.Schema) -> pa.Table:
    """Every map task's rows of one partition, in shard-key order (empty when there are none)."""
    files = sorted(partition_dir(root, stage, partition).glob("*.parquet"))
    if not files:
        return schema.empty_table()
    return pa.concat_tables([pq.read_table(f, schema=schema) for f in files])


def hash_partition(values: np.ndarray, partitions: int) -> np.ndarray:
    """A partition number per unsigned 64-bit hash value."""
    return (values.astype(np.uint64) % np.uint64(partitions)).astype(np.int64)
