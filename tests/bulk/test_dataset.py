"""The bulk dataset on the sample corpus: every input accounted for, restartable, loadable."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kabar import clean
from kabar.bulk import load_dataset, plan_shards, read_articles, read_skips, table_schema, write_dataset
from kabar.bulk.documents import clean_sources, process_sources
from kabar.bulk.shards import read_shard
from kabar.config import Limits
from kabar.ingest import read_inputs
from kabar.model import SourceDocument, to_dict
from kabar.pipeline import learn_boilerplate
from kabar.sample import sample_inputs
from kabar.store import Store


def _inputs(tmp_path: Path) -> list[str]:
    return [*(str(p) for p in sample_inputs()), str(tmp_path / "missing.txt")]


def test_every_input_is_processed_or_skipped(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    report = write_dataset(_inputs(tmp_path), out)
    assert report.shards == len(sample_inputs()) + 1
    assert (report.documents, report.skipped) == (len(sample_inputs()), 1)
    assert [s.reason for s in read_skips(out)] == ["no such file or directory"]
    assert len(list((out / "_done").glob("*.json"))) == report.shards
    marker = json.loads(next((out / "_done").glob("*.json")).read_text())
    assert {"documents", "skipped", "rows", "source"} <= set(marker)
    for table in ("articles", "actors", "quotes", "events", "skips", "corpus"):
        files = sorted((out / table).glob("*.parquet"))
        assert len(files) == report.shards
        assert pq.read_schema(files[0]).equals(table_schema(table), check_metadata=False)
    assert pq.read_table(out / "stories" / "stories.parquet").num_rows == report.stories


def test_dataset_holds_what_the_pipeline_gives(tmp_path: Path) -> None:
    write_dataset(_inputs(tmp_path), tmp_path / "ds")
    sources = [i for i in read_inputs(sample_inputs()) if isinstance(i, SourceDocument)]
    expected = [to_dict(a) for a in process_sources(sources, learn_boilerplate(sources))]
    got = [to_dict(a) for a in read_articles(tmp_path / "ds")]
    for record in expected + got:
        for name in ("duplicate_of", "story", "thread"):
            record.pop(name)
    assert got == expected


def test_rerun_skips_finished_shards_and_redoes_a_changed_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sample_inputs()[:6]:
        (inputs / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "ds"
    first = write_dataset([str(inputs)], out, process=clean_sources)
    again = write_dataset([str(inputs)], out, process=clean_sources)
    assert (again.resumed, again.processed, again.documents) == (6, 0, 6)
    assert again.stages.keys() == {"plan"}
    changed = sorted(inputs.iterdir())[0]
    changed.write_text(changed.read_text("utf-8") + "\nTambahan.\n", "utf-8")
    third = write_dataset([str(inputs)], out, process=clean_sources)
    assert (third.resumed, third.processed, third.documents) == (5, 1, 6)
    assert len(list((out / "_done").glob("*.json"))) == first.shards == 6
    assert len(list(read_articles(out))) == 6


def test_an_interrupted_run_resumes_with_the_same_statistics(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    write_dataset(_inputs(tmp_path), out, process=clean_sources)
    saved = (out / "_boilerplate.json").read_text()
    done = [m for m in sorted((out / "_done").glob("*.json")) if json.loads(m.read_text())["documents"]]
    for marker in done[:10]:
        marker.unlink()
    report = write_dataset(_inputs(tmp_path), out, process=clean_sources)
    assert (report.processed, report.documents) == (10, len(sample_inputs()))
    assert (out / "_boilerplate.json").read_text() == saved


def test_boilerplate_aggregation_keeps_every_decision(tmp_path: Path) -> None:
    write_dataset(_inputs(tmp_path), tmp_path / "ds", process=clean_sources)
    saved = json.loads((tmp_path / "ds" / "_boilerplate.json").read_text())
    bulk = clean.OutletBoilerplate.from_rows(saved["docs"], saved["lines"])
    full = learn_boilerplate(read_inputs(sample_inputs()))
    assert bulk.documents == full.documents
    settings = clean.OutletBoilerplate()
    for outlet, counts in full.lines.items():
        documents = full.documents[outlet]
        usable = documents >= settings.min_documents
        for digest, count in counts.items():
            keep = usable and count >= max(2, settings.min_share * documents)
            assert (
                (bulk.lines[outlet].get(digest) == count)
                if keep
                else digest not in bulk.lines.get(outlet, {})
            )


def test_split_jsonl_reads_as_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": p.stem, "raw": p.read_text("utf-8"), "outlet": "contoh"})
        for p in sample_inputs()[:8]
    ]
    lines[3:3] = ["", "{not json", "[1, 2]"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    shards = plan_shards([path], shard_docs=3)
    assert len(shards) == 4
    split = [to_dict(item) for shard in shards for item in read_shard(shard, Limits())]
    assert split == [to_dict(item) for item in read_inputs([path])]


def test_load_is_idempotent(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    report = write_dataset(_inputs(tmp_path), out, process=clean_sources)
    with Store(tmp_path / "kabar.db") as store:
        first = load_dataset(out, store)
        second = load_dataset(out, store)
        stats = store.stats()
        skips = store.conn.execute("SELECT count(*) FROM skips").fetchone()[0]
        stored = store.get(sample_inputs()[0].stem)
    assert (first.loaded, first.skipped) == (report.documents, 1)
    assert (second.loaded, second.unchanged, second.skipped) == (0, report.documents, 0)
    assert stats["articles"] == report.documents
    assert skips == 1
    assert stored is not None
    assert to_dict(stored) == to_dict(next(a for a in read_articles(out) if a.id == stored.id))


def test_unknown_engine(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        write_dataset(_inputs(tmp_path), tmp_path / "ds", engine="spark")
