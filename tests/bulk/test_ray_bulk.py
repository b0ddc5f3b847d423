"""A bulk run on Ray writes the same dataset as on the local executor (Ray in local mode)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from kabar.bulk import finished_shards, write_dataset
from kabar.bulk.documents import clean_sources
from kabar.executors import LocalExecutor
from kabar.sample import sample_inputs
from tests.conftest import SHARED

TABLES = ("articles", "actors", "quotes", "events", "skips", "corpus")


def _same_dataset(local: Path, ray: Path) -> None:
    keys = finished_shards(local)
    assert keys == finished_shards(ray)
    for table in TABLES:
        for key in keys:
            assert pq.read_table(ray / table / f"{key}.parquet").equals(
                pq.read_table(local / table / f"{key}.parquet")
            )
    stories = "stories/stories.parquet"
    assert pq.read_table(ray / stories).equals(pq.read_table(local / stories))


def _inputs(tmp_path: Path) -> list[str]:
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))  # none without ../shared
    return [*(str(p) for p in sample_inputs()), *seeds, str(tmp_path / "missing.txt")]


def test_full_pipeline_same_dataset(ray_executor: Any, tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    with LocalExecutor(2) as local:
        expected = write_dataset(inputs, tmp_path / "local", executor=local)
    got = write_dataset(inputs, tmp_path / "ray", executor=ray_executor)
    assert (got.engine, got.documents, got.skipped) == ("ray", expected.documents, expected.skipped)
    assert (got.duplicates, got.stories) == (expected.duplicates, expected.stories)
    _same_dataset(tmp_path / "local", tmp_path / "ray")


def test_corpus_stages_same_dataset(ray_executor: Any, tmp_path: Path) -> None:
    news = SHARED / "data" / "news" / "detik-2025.jsonl"
    inputs = [str(p) for p in sample_inputs()]
    if news.exists():  # 300 real articles, exact copies among them
        part = tmp_path / "detik-part.jsonl"
        part.write_text("".join(news.read_text("utf-8").splitlines(keepends=True)[:300]), "utf-8")
        inputs.append(str(part))
    options: dict[str, Any] = {"process": clean_sources, "shard_docs": 100, "window_days": 30}
    expected = write_dataset(inputs, tmp_path / "local", **options)
    got = write_dataset(inputs, tmp_path / "ray", executor=ray_executor, **options)
    assert got.duplicates == expected.duplicates > 0
    _same_dataset(tmp_path / "local", tmp_path / "ray")
