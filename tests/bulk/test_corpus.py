"""The corpus-level stages of a bulk run equal the in-process indexes.

Documents are only cleaned here (``clean_sources``), so these tests exercise dedup and stories on
real text whatever state the annotation stages are in.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kabar.bulk import read_articles, write_dataset
from kabar.bulk.documents import clean_sources
from kabar.bulk.stories import Assignment, Clustered, merge, partition_names
from kabar.dedup import DuplicateIndex
from kabar.dedup.dates import day_number
from kabar.model import Article, to_dict
from kabar.sample import sample_inputs
from kabar.stories import StoryIndex
from tests.conftest import shared_path


def _lineage_case(folder: Path) -> Path:
    """A later input that is an earlier-dated near copy: it becomes its group's original."""
    text = sample_inputs()[0].read_text("utf-8")
    changed = text.replace(" dan ", " serta ", 2)
    rows = [{"id": "asli", "raw": text, "pub_date": "2024-01-05", "outlet": "a"},
            {"id": "lain", "raw": sample_inputs()[5].read_text("utf-8"), "pub_date": "2024-01-04"},
            {"id": "salinan", "raw": changed, "pub_date": "2024-01-03", "outlet": "b"},
            {"id": "persis", "raw": text.upper(), "pub_date": "2024-01-06", "outlet": "c"}]  # fmt: skip
    path = folder / "lineage.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    return [str(shared_path("data", "news", "detik-2025.jsonl")), str(_lineage_case(folder))]


@pytest.fixture(scope="module")
def one_window(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one-window")
    write_dataset(corpus, out, process=clean_sources, shard_docs=300, window_days=1e6)
    return out


def test_dedup_equals_the_in_process_index(one_window: Path) -> None:
    articles = list(read_articles(one_window))
    index = DuplicateIndex()
    for article in articles:
        if article.text:
            index.add(article)
    expected = {a.id: _duplicate_of(index, a) for a in articles}
    assert {a.id: a.duplicate_of for a in articles} == expected
    assert sum(1 for v in expected.values() if v) >= 5  # detik holds exact copies
    assert expected["asli"] == expected["persis"] == "salinan"
    assert expected["salinan"] is None


def _duplicate_of(index: DuplicateIndex, article: Article) -> str | None:
    original = index.original_of(article.id) if article.text else None
    return None if original in (None, article.id) else original


def test_stories_in_one_window_equal_the_in_process_index_in_date_order(one_window: Path) -> None:
    articles = [a for a in read_articles(one_window) if a.text]
    dated = sorted(enumerate(articles), key=lambda p: (_day(p[1]) is None, _day(p[1]) or 0.0, p[0]))
    index = StoryIndex()
    expected: dict[str, str] = {}
    for _, article in dated:
        copy = Article.from_dict(to_dict(article))
        copy.story = copy.thread = None
        expected[article.id] = index.assign(copy)
    undated = {a.id for a in articles if _day(a) is None}
    assert not undated  # detik and the lineage case are dated: one partition
    assert {a.id: a.story for a in articles} == expected
    assert {a.id: a.thread for a in articles} == {a.id: index.thread_of(expected[a.id]) for a in articles}


def _day(article: Article) -> float | None:
    return day_number(article.pub_date)


def test_windows_merge_into_consistent_stories(corpus: list[str], tmp_path: Path) -> None:
    write_dataset(corpus, tmp_path, process=clean_sources, shard_docs=300, window_days=14)
    articles = [a for a in read_articles(tmp_path) if a.text]
    assert all(a.story for a in articles)
    stories = pq.read_table(tmp_path / "stories" / "stories.parquet").to_pylist()
    assert sum(s["size"] for s in stories) == len(articles)
    by_story = {s["story"]: s for s in stories}
    assert {a.story for a in articles} == set(by_story)
    for article in articles:
        assert article.thread == by_story[article.story]["thread"]


def test_partition_names() -> None:
    day = day_number("2024-03-30")
    assert day is not None
    window = math.floor(day / 30)
    edge = (window + 1) * 30 - 1
    assert partition_names("id", edge, 30) == [(f"id~{window:07d}", False), (f"id~{window + 1:07d}", True)]
    assert partition_names(None, None, 30) == [("xx~undated", False)]


def test_merge_joins_stories_across_a_window_edge() -> None:
    a, b = ("s-a", "t-a"), ("s-b", "t-b")
    left = Clustered("id~0000001", [Assignment(1, False, 10.0, *a), Assignment(2, False, 29.0, *b)], {})
    right = Clustered(
        "id~0000002",
        [
            Assignment(2, True, 29.0, *b),
            Assignment(3, False, 31.0, *b),
            Assignment(4, False, 32.0, "s-a", "t-x"),
        ],
        {},
    )
    result = merge([left, right])
    assert result.links[3] == ("s-b", "t-b")
    assert result.links[4][0] == "s-a@id~0000002"  # same id, another story: kept apart
    sizes = {s["story"]: s["size"] for s in result.stories}
    assert sizes == {"s-a": 1, "s-b": 2, "s-a@id~0000002": 1}
