"""The document-level work of a bulk run: one task per shard, written where it ran.

A shard task reads its part of the input, runs :func:`kabar.pipeline.process_document` on each
document (with the corpus's boilerplate statistics), writes the shard's tables, then its completion
marker. Memory stays bounded by the batch size: rows go to Parquet row groups batch by batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kabar import clean
from kabar.bulk.layout import TableWriter, marker_path, table_path, write_json
from kabar.bulk.shards import Shard, read_shard
from kabar.bulk.tables import SHARD_TABLES, article_rows, skip_row, table_schema
from kabar.config import Limits
from kabar.ingest import Item
from kabar.model import Article, SkippedInput, SourceDocument
from kabar.pipeline import DOCUMENT_STAGES, Work

ProcessFn = Callable[[list[SourceDocument], "clean.OutletBoilerplate | None"], list[Article]]


@dataclass(frozen=True, slots=True)
class ShardJob:
    """What a worker needs to process one shard."""

    shard: Shard
    root: str
    limits: Limits
    batch_size: int = 64
    process: ProcessFn | None = None  # a module-level function; None: every document-level stage


def process_sources(
    sources: list[SourceDocument], boilerplate: clean.OutletBoilerplate | None
) -> list[Article]:
    """Every document-level stage over a batch; a failure leaves a note on its article (batch fn)."""
    return [_safe_process(source, boilerplate, None) for source in sources]


def clean_sources(
    sources: list[SourceDocument], boilerplate: clean.OutletBoilerplate | None
) -> list[Article]:
    """Only the cleaning stage (text and metadata, no annotations): a cheap pass for a text backfill."""
    return [_safe_process(source, boilerplate, ("clean",)) for source in sources]


def run_stages(
    source: SourceDocument, boilerplate: clean.OutletBoilerplate | None, names: tuple[str, ...] | None = None
) -> Article:
    """The pipeline's document-level stages (those in ``names``, else all) on one source."""
    work = Work(source, Article.from_source(source))
    for name, stage in DOCUMENT_STAGES:
        if names is None or name in names:
            stage(work, boilerplate)
    return work.article


def _safe_process(
    source: SourceDocument, boilerplate: clean.OutletBoilerplate | None, names: tuple[str, ...] | None
) -> Article:
    """As :func:`kabar.pipeline.process_document`, with a failure noted on the article."""
    try:
        return run_stages(source, boilerplate, names)
    except Exception as exc:
        article = Article.from_source(source)
        article.notes.append(f"processing failed: {type(exc).__name__}: {exc}")
        return article


def run_shards(jobs: list[ShardJob], boilerplate: clean.OutletBoilerplate | None) -> list[dict[str, Any]]:
    """Process shards and return their markers (batch fn for an executor)."""
    return [process_shard(job, boilerplate) for job in jobs]


def process_shard(job: ShardJob, boilerplate: clean.OutletBoilerplate | None) -> dict[str, Any]:
    """Process one shard, write its tables and its completion marker; return the marker."""
    started = time.perf_counter()
    root, key = Path(job.root), job.shard.key
    writers = {t: TableWriter(table_path(root, t, key), table_schema(t)) for t in SHARD_TABLES}
    row = 0
    for docs, skips in _batches(read_shard(job.shard, job.limits), job.batch_size):
        writers["skips"].write([skip_row(s) for s in skips])
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in SHARD_TABLES if t != "skips"}
        for article in (job.process or process_sources)(docs, boilerplate):
            for table, more in article_rows(row, article).items():
                rows[table].extend(more)
            row += 1
        for table, batch_rows in rows.items():
            writers[table].write(batch_rows)
    for writer in writers.values():
        writer.close()
    marker = {
        "shard": key, "source": job.shard.source, "start": job.shard.start, "lines": job.shard.lines,
        "documents": row, "skipped": writers["skips"].rows,
        "rows": {t: w.rows for t, w in writers.items()}, "seconds": round(time.perf_counter() - started, 3),
    }  # fmt: skip
    write_json(marker_path(root, key), marker)
    return marker


def _batches(items: Iterable[Item], size: int) -> Iterator[tuple[list[SourceDocument], list[SkippedInput]]]:
    docs: list[SourceDocument] = []
    skips: list[SkippedInput] = []
    for item in items:
        if isinstance(item, SkippedInput):
            skips.append(item)
        else:
            docs.append(item)
        if len(docs) + len(skips) >= size:
            yield docs, skips
            docs, skips = [], []
    if docs or skips:
        yield docs, skips
