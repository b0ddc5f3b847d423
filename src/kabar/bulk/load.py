"""``load_dataset``: a bulk dataset into the SQLite store, idempotently.

Articles whose content hash is already stored are counted as unchanged and left alone, so loading
twice (or loading a dataset that overlaps an ingest) adds nothing twice. A shard's skips are added
with the first load that sees the shard. With ``index=True`` (the default) each new article is also
added to the store's duplicate and story indexes (its story replayed as the dataset assigned it), so
later ``kabar ingest`` runs deduplicate and cluster against the loaded articles.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kabar import dedup, stories
from kabar.bulk.reading import finished_shards, shard_articles, shard_skips
from kabar.executors import chunked
from kabar.model import Article
from kabar.store import Store

COMMAND = "load"


@dataclass(slots=True)
class LoadReport:
    shards: int = 0
    loaded: int = 0
    unchanged: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"shards": self.shards, "loaded": self.loaded, "unchanged": self.unchanged,
                "skipped": self.skipped, "seconds": round(self.seconds, 3)}  # fmt: skip

    def summary(self) -> str:
        return (f"{self.loaded} articles loaded, {self.unchanged} already stored, {self.skipped} skips "
                f"from {self.shards} shards in {self.seconds:.1f} s")  # fmt: skip


class _Indexes:
    def __init__(self, store: Store) -> None:
        self.duplicates = dedup.DuplicateIndex(store.conn)
        self.stories = stories.StoryIndex(store.conn)

    def add(self, article: Article) -> None:
        if article.text:
            self.duplicates.add(article)
            if article.story:
                self.stories.assign(article, story=article.story)


def load_dataset(root: str | Path, store: Store, *, batch_size: int = 500, index: bool = True) -> LoadReport:
    """Import every finished shard of a dataset into ``store`` (one transaction per batch)."""
    started = time.perf_counter()
    root = Path(root)
    report = LoadReport()
    seen = loaded_shards(store)
    run_id = store.start_run(COMMAND)
    indexes = _Indexes(store) if index else None
    keys = finished_shards(root)
    for key in keys:
        for batch in chunked(shard_articles(root, key), batch_size):
            with store.transaction():
                _put(store, batch, report, indexes)
        if key not in seen:
            skips = shard_skips(root, key)
            with store.transaction():
                store.put_skips(run_id, skips)
            report.skipped += len(skips)
        report.shards += 1
    report.seconds = time.perf_counter() - started
    with store.transaction():
        store.finish_run(run_id, {**report.as_dict(), "dataset": str(root), "shard_keys": keys})
    return report


def _put(store: Store, batch: list[Article], report: LoadReport, indexes: _Indexes | None) -> None:
    for article in batch:
        if store.known_hash(article.hash):
            report.unchanged += 1
            continue
        store.put_article(article)
        if indexes is not None:
            indexes.add(article)
        report.loaded += 1
    if indexes is not None:
        indexes.stories.flush()


def loaded_shards(store: Store) -> set[str]:
    """Shard keys that earlier loads into this store finished."""
    keys: set[str] = set()
    rows = store.conn.execute("SELECT report FROM runs WHERE command = ? AND report IS NOT NULL", (COMMAND,))
    for (text,) in rows:
        keys.update(json.loads(text).get("shard_keys", []))
    return keys
