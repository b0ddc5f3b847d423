"""``write_dataset``: the whole pipeline over sharded inputs into a Parquet dataset, restartable.

1. plan the shards (one per input file; large JSONL files cut into runs of lines);
2. learn the per-outlet boilerplate statistics over all shards (grouped aggregation), unless the
   statistics of exactly these shards are already in the directory;
3. process every shard without a completion marker (document-level stages), writing its tables;
4. run the corpus-level stages over every finished shard (dedup, then stories) and write the
   ``corpus`` and ``stories`` tables.

A rerun skips finished shards; the corpus stages run again when any shard was added.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from kabar import clean
from kabar.bulk import boilerplate as learning
from kabar.bulk import dedup
from kabar.bulk.documents import ProcessFn, ShardJob, run_shards
from kabar.bulk.layout import marker_path, read_json, table_path, work_dir, write_json, write_table
from kabar.bulk.reading import dataset_info, finished_shards, shard_marker
from kabar.bulk.shards import DEFAULT_SHARD_DOCS, Shard, plan_shards
from kabar.bulk.stories import DEFAULT_WINDOW_DAYS, StoryResult, cluster_stories
from kabar.bulk.tables import SHARD_TABLES, to_table
from kabar.config import Limits
from kabar.executors import Executor, make_executor

FORMAT = 1


@dataclass(slots=True)
class BulkReport:
    """What a bulk run did; every input is in ``documents`` or ``skipped`` (the ``skips`` table)."""

    engine: str
    workers: int
    shards: int = 0
    resumed: int = 0  # shards finished by an earlier run
    processed: int = 0  # documents processed by this run
    documents: int = 0  # documents in the dataset
    skipped: int = 0
    duplicates: int = 0
    stories: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    work_bytes: int = 0  # intermediate files of the corpus stages, at their largest (removed after)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def summary(self) -> str:
        resumed = f" ({self.resumed} already done)" if self.resumed else ""
        return (f"{self.documents} documents in {self.shards} shards{resumed}, {self.skipped} skipped, "
                f"{self.duplicates} duplicates, {self.stories} stories; {self.processed} processed "
                f"in {self.seconds:.1f} s on {self.engine} x{self.workers}")  # fmt: skip


@contextmanager
def _timed(report: BulkReport, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.stages[stage] = round(report.stages.get(stage, 0.0) + time.perf_counter() - started, 3)


def write_dataset(
    inputs: Iterable[str | Path], out_dir: str | Path, *, engine: str = "local", workers: int = 1,
    address: str | None = None, executor: Executor | None = None, limits: Limits | None = None,
    shard_docs: int = DEFAULT_SHARD_DOCS, partitions: int | None = None,
    window_days: float = DEFAULT_WINDOW_DAYS, batch_size: int = 64, process: ProcessFn | None = None,
    on_shard: Callable[[dict[str, Any]], None] | None = None,
) -> BulkReport:  # fmt: skip
    """Analyse inputs as one corpus into a Parquet dataset in ``out_dir`` (see :mod:`kabar.bulk`).

    Args:
        engine: ``local`` or ``ray`` (ignored when ``executor`` is given).
        workers: processes (local) or actors (Ray).
        address: a Ray cluster to join; ``None`` starts a local Ray instance.
        executor: an executor to use instead of making one (it is not closed).
        shard_docs: lines per shard when a JSONL file is cut.
        partitions: partitions of the corpus stages' shuffles (default ``max(4, 2 * workers)``).
        window_days: the time window story clustering is partitioned by.
        process: the document-level batch function (module-level, e.g.
            :func:`kabar.bulk.documents.clean_sources`); default: every document-level stage.
        on_shard: called with each shard's completion marker as it finishes.

    Raises:
        EngineUnavailable: the Ray engine without Ray installed.
    """
    started = time.perf_counter()
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    limits = limits or Limits.from_env()
    own = executor is None
    executor = executor or make_executor(engine, workers, address=address)
    report = BulkReport(executor.name, executor.workers)
    partitions = partitions or max(4, 2 * executor.workers)
    try:
        with _timed(report, "plan"):
            shards = plan_shards(inputs, shard_docs)
            keys = _record_plan(root, shards, window_days)
        pending = [s for s in shards if not marker_path(root, s.key).exists()]
        report.shards, report.resumed = len(shards), len(shards) - len(pending)
        if pending:
            jobs = [ShardJob(s, str(root), limits, batch_size, process) for s in pending]
            _process(executor, root, shards, jobs, limits, partitions, report, on_shard)
        _corpus(executor, root, keys, partitions, window_days, report)
    finally:
        if own:
            executor.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _process(
    executor: Executor, root: Path, shards: list[Shard], jobs: list[ShardJob], limits: Limits,
    partitions: int, report: BulkReport, on_shard: Callable[[dict[str, Any]], None] | None,
) -> None:  # fmt: skip
    with _timed(report, "boilerplate"):
        stats = _boilerplate(executor, root, shards, limits, partitions)
    with _timed(report, "documents"):
        for markers in executor.map_batches(run_shards, [[job] for job in jobs], shared=stats):
            for marker in markers:
                report.processed += marker["documents"]
                if on_shard:
                    on_shard(marker)


def _record_plan(root: Path, shards: list[Shard], window_days: float) -> list[str]:
    """Drop the output of shards whose input file changed; record the shard order; return all keys."""
    planned = {s.key for s in shards}
    sources = {s.source for s in shards}
    for key in finished_shards(root):
        if key not in planned and shard_marker(root, key).get("source") in sources:
            _drop_shard(root, key)
    earlier = [
        k for k in dataset_info(root).get("shards", []) if k not in planned and marker_path(root, k).exists()
    ]
    keys = earlier + [s.key for s in shards]
    write_json(root / "_dataset.json", {"format": FORMAT, "window_days": window_days, "shards": keys})
    return keys


def _drop_shard(root: Path, key: str) -> None:
    marker_path(root, key).unlink(missing_ok=True)
    for table in (*SHARD_TABLES, "corpus"):
        table_path(root, table, key).unlink(missing_ok=True)


def _fingerprint(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()


def _boilerplate(
    executor: Executor, root: Path, shards: list[Shard], limits: Limits, partitions: int
) -> clean.OutletBoilerplate:
    """The statistics of exactly these shards: read back if stored, else learned and stored."""
    path = root / "_boilerplate.json"
    fingerprint = _fingerprint(sorted(s.key for s in shards))
    if path.exists():
        saved = read_json(path)
        if saved.get("fingerprint") == fingerprint:
            return clean.OutletBoilerplate.from_rows(saved["docs"], saved["lines"])
    shutil.rmtree(work_dir(root, learning.STAGE), ignore_errors=True)
    stats = learning.learn(executor, shards, root, limits, partitions)
    shutil.rmtree(work_dir(root, learning.STAGE), ignore_errors=True)
    docs, lines = stats.to_rows()
    write_json(path, {"fingerprint": fingerprint, "docs": docs, "lines": lines})
    return stats


def _corpus(
    executor: Executor, root: Path, keys: list[str], partitions: int, window_days: float, report: BulkReport
) -> None:
    """Dedup and stories over every finished shard, unless done for exactly these shards."""
    finished = [k for k in keys if marker_path(root, k).exists()]
    report.documents = sum(shard_marker(root, k)["documents"] for k in finished)
    report.skipped = sum(shard_marker(root, k)["skipped"] for k in finished)
    fingerprint = _fingerprint(finished, window_days)
    marker = root / "_corpus.json"
    if marker.exists() and (saved := read_json(marker)).get("fingerprint") == fingerprint:
        report.duplicates, report.stories = saved["duplicates"], saved["stories"]
        return
    marker.unlink(missing_ok=True)
    shutil.rmtree(work_dir(root), ignore_errors=True)
    with _timed(report, "dedup"):
        duplicates = _duplicates(executor, root, finished, partitions)
    with _timed(report, "stories"):
        stories = cluster_stories(executor, root, finished, duplicates, window_days)
    with _timed(report, "corpus-write"):
        _write_corpus(root, finished, duplicates, stories)
    report.work_bytes = sum(p.stat().st_size for p in work_dir(root).rglob("*") if p.is_file())
    shutil.rmtree(work_dir(root), ignore_errors=True)
    report.duplicates = sum(len(rows) for rows in duplicates.values())
    report.stories = len(stories.stories)
    write_json(
        marker, {"fingerprint": fingerprint, "duplicates": report.duplicates, "stories": report.stories}
    )


def _duplicates(
    executor: Executor, root: Path, keys: list[str], partitions: int
) -> dict[str, dict[int, str]]:
    """Per shard key, ``{row: id of the original}`` for every copy."""
    originals = dedup.find_duplicates(executor, root, keys, partitions)
    ids = _ids(root, keys, set(originals.values()))
    result: dict[str, dict[int, str]] = {}
    for seq, original in originals.items():
        ordinal, row = dedup.split_seq(seq)
        result.setdefault(keys[ordinal], {})[row] = ids[original]
    return result


def _ids(root: Path, keys: list[str], seqs: set[int]) -> dict[int, str]:
    wanted: dict[int, list[int]] = {}
    for seq in seqs:
        ordinal, row = dedup.split_seq(seq)
        wanted.setdefault(ordinal, []).append(row)
    ids = {}
    for ordinal, rows in wanted.items():
        column = pq.read_table(table_path(root, "articles", keys[ordinal]), columns=["id"])["id"].to_pylist()
        ids.update({dedup.seq_of(ordinal, row): column[row] for row in rows})
    return ids


def _write_corpus(
    root: Path, keys: list[str], duplicates: dict[str, dict[int, str]], stories: StoryResult
) -> None:
    for ordinal, key in enumerate(keys):
        column = pq.read_table(table_path(root, "articles", key), columns=["id"])["id"].to_pylist()
        copies = duplicates.get(key, {})
        rows = []
        for row, article_id in enumerate(column):
            story, thread = stories.links.get(dedup.seq_of(ordinal, row), (None, None))
            rows.append({"row": row, "article_id": article_id, "duplicate_of": copies.get(row),
                         "story": story, "thread": thread})  # fmt: skip
        write_table(table_path(root, "corpus", key), to_table("corpus", rows))
    write_table(root / "stories" / "stories.parquet", to_table("stories", stories.stories))
