"""Per-outlet boilerplate statistics as a grouped aggregation over shards.

Map (one task per shard): count every document's distinct normalised lines per outlet, exactly as
:func:`kabar.pipeline.learn_boilerplate` does, and spill the ``(outlet, line hash, count)`` rows
by line-hash partition. Reduce (one task per partition): sum the counts per ``(outlet, line hash)``
and keep only the rows that can make a line boilerplate (``count >= max(2, min_share * documents)``
for an outlet with at least ``min_documents`` documents). The cleaner's decisions are therefore the
same as with the full in-process statistics, while the merged statistics stay small: the rare lines
(almost every line of article text) never reach the driver.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kabar import clean
from kabar.bulk.shards import Shard, read_shard
from kabar.bulk.spill import hash_partition, read_partition, spill
from kabar.config import Limits
from kabar.executors import Executor
from kabar.model import SourceDocument

STAGE = "boilerplate"
SCHEMA = pa.schema([("outlet", pa.string()), ("line", pa.uint64()), ("count", pa.int64())])
DocRow = tuple[str, int]
LineRow = tuple[str, str, int]


@dataclass(frozen=True, slots=True)
class CountJob:
    shard: Shard
    root: str
    limits: Limits
    partitions: int


@dataclass(frozen=True, slots=True)
class MergeJob:
    root: str
    partition: int
    thresholds: dict[str, float]


def count_shards(jobs: list[CountJob], _: object = None) -> list[list[DocRow]]:
    """Map: count the lines of each shard's documents; spill them; return the document counts."""
    return [count_shard(job) for job in jobs]


def count_shard(job: CountJob) -> list[DocRow]:
    stats = clean.OutletBoilerplate()
    for item in read_shard(job.shard, job.limits):
        if isinstance(item, SourceDocument):
            clean.observe_source(stats, item)
    docs, lines = stats.to_rows()
    hashes = np.fromiter((int(digest, 16) for _, digest, _ in lines), dtype=np.uint64, count=len(lines))
    table = pa.table({
        "outlet": pa.array([outlet for outlet, _, _ in lines], pa.string()),
        "line": pa.array(hashes, pa.uint64()),
        "count": pa.array([count for _, _, count in lines], pa.int64()),
    })  # fmt: skip
    spill(Path(job.root), STAGE, job.shard.key, table, hash_partition(hashes, job.partitions), job.partitions)
    return docs


def merge_partitions(jobs: list[MergeJob], _: object = None) -> list[list[LineRow]]:
    """Reduce: summed counts of one partition, only the rows that can make a line boilerplate."""
    return [merge_partition(job) for job in jobs]


def merge_partition(job: MergeJob) -> list[LineRow]:
    table = read_partition(Path(job.root), STAGE, job.partition, SCHEMA)
    if table.num_rows == 0 or not job.thresholds:
        return []
    table = table.filter(pc.is_in(table["outlet"], pa.array(list(job.thresholds), pa.string())))
    summed = table.group_by(["outlet", "line"]).aggregate([("count", "sum")])
    floor = pa.array([job.thresholds[o] for o in summed["outlet"].to_pylist()], pa.float64())
    kept = summed.filter(pc.greater_equal(summed["count_sum"], floor))
    columns = (kept[name].to_pylist() for name in ("outlet", "line", "count_sum"))
    return [(outlet, f"{line:016x}", count) for outlet, line, count in zip(*columns, strict=True)]


def thresholds(documents: Counter[str], settings: clean.OutletBoilerplate) -> dict[str, float]:
    """Per outlet that can have boilerplate, the count from which a line may be boilerplate."""
    return {
        outlet: max(2.0, settings.min_share * count)
        for outlet, count in documents.items()
        if count >= settings.min_documents
    }


def learn(
    executor: Executor, shards: list[Shard], root: Path, limits: Limits, partitions: int
) -> clean.OutletBoilerplate:
    """The corpus's boilerplate statistics (pruned to what the cleaner can use)."""
    settings = clean.OutletBoilerplate()
    jobs = [[CountJob(s, str(root), limits, partitions)] for s in shards if s.skip is None]
    documents: Counter[str] = Counter()
    for result in executor.map_batches(count_shards, jobs):
        for rows in result:
            documents.update(dict(rows))
    limit = thresholds(documents, settings)
    merges = [[MergeJob(str(root), p, limit)] for p in range(partitions)]
    lines = [
        row for result in executor.map_batches(merge_partitions, merges) for rows in result for row in rows
    ]
    return clean.OutletBoilerplate.from_rows(
        sorted(documents.items()), sorted(lines), min_documents=settings.min_documents,
        min_share=settings.min_share, protect_chars=settings.protect_chars,
    )  # fmt: skip
