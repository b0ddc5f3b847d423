"""Story clustering partitioned by language and time window, merged at the window edges.

The in-process :class:`kabar.stories.StoryIndex` is online: each article joins a story of its
language within ``WINDOW_DAYS`` of its date or opens one. Stories are thus local in language and
time, which makes the corpus partitionable:

1. **route** (map, per shard): each article with text goes to the partition of its language and
   its window of ``window_days`` (undated articles to one partition per language); an article in
   the last ``WINDOW_DAYS`` of a window also goes, as an *overlap* copy, to the next window;
2. **cluster** (reduce, per partition): a fresh in-process index assigns the partition's articles
   in date order (input order within a day) -- overlap copies first, as they are the earliest;
3. **merge** (driver): an overlap article has a story in both windows; the two are one story
   (union-find, the earlier window's id wins), and so are their threads.

With the whole corpus in one partition this *is* the in-process index run in date order. Across
partitions, term statistics start afresh in each window and threads meet only through stories
that cross a window edge (see docs/scale.md).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kabar.bulk.layout import work_dir, write_table
from kabar.bulk.reading import shard_articles
from kabar.bulk.spill import read_partition
from kabar.dedup.dates import day_number, iso_day
from kabar.executors import Executor
from kabar.model import Article, to_dict
from kabar.stories import StoryIndex
from kabar.stories import store as story_store
from kabar.stories.index import WINDOW_DAYS

DEFAULT_WINDOW_DAYS = 30.0
RECORDS = pa.schema(
    [("seq", pa.int64()), ("overlap", pa.bool_()), ("day", pa.float64()), ("article", pa.string())]
)
Node = tuple[str, str]  # (partition, story or thread id)


@dataclass(frozen=True, slots=True)
class RouteJob:
    root: str
    key: str
    ordinal: int
    window_days: float
    duplicates: dict[int, str]  # row -> duplicate_of


@dataclass(frozen=True, slots=True)
class ClusterJob:
    root: str
    partition: str


@dataclass(frozen=True, slots=True)
class Assignment:
    seq: int
    overlap: bool
    day: float
    story: str
    thread: str | None


@dataclass(slots=True)
class Clustered:
    """A partition's result: its assignments and the title of each story it opened."""

    partition: str
    assignments: list[Assignment]
    titles: dict[str, str]


def partition_names(language: str | None, day: float | None, window_days: float) -> list[tuple[str, bool]]:
    """The partitions an article goes to: ``(name, is_overlap_copy)``."""
    lang = re.sub(r"[^a-z0-9_]", "_", (language or "xx").lower()) or "xx"
    if day is None:
        return [(f"{lang}~undated", False)]
    window = math.floor(day / window_days)
    names = [(f"{lang}~{window:07d}", False)]
    if day >= (window + 1) * window_days - WINDOW_DAYS:
        names.append((f"{lang}~{window + 1:07d}", True))
    return names


def route(jobs: list[RouteJob], _: object = None) -> list[list[str]]:
    """Map: spill each shard's articles (with text) to their partitions; return the partitions used."""
    return [_route(job) for job in jobs]


def _route(job: RouteJob) -> list[str]:
    root = Path(job.root)
    rows: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for row, article in enumerate(shard_articles(root, job.key, corpus=False)):
        if not article.text:
            continue
        article.duplicate_of = job.duplicates.get(row)
        day = day_number(article.pub_date)
        record = json.dumps(to_dict(story_view(article)), ensure_ascii=False, separators=(",", ":"))
        for name, overlap in partition_names(article.language, day, job.window_days):
            rows[name].append({"seq": (job.ordinal << 32) | row, "overlap": overlap,
                               "day": math.nan if day is None else day, "article": record})  # fmt: skip
    for name, records in rows.items():
        write_table(
            work_dir(root, "stories", f"p{name}", f"{job.key}.parquet"),
            pa.Table.from_pylist(records, RECORDS),
        )
    return sorted(rows)


def story_view(article: Article) -> Article:
    """The article as far as story clustering reads it: no paragraphs, quotes or actor mentions
    (they are most of a record, and a reducer holds its whole partition)."""
    return Article(
        id=article.id,
        origin=article.origin,
        hash=article.hash,
        title=article.title,
        text=article.text,
        outlet=article.outlet,
        language=article.language,
        pub_date=article.pub_date,
        duplicate_of=article.duplicate_of,
        entities=article.entities,
        events=article.events,
        actors=[replace(actor, mentions=[]) for actor in article.actors],
    )


def cluster(jobs: list[ClusterJob], _: object = None) -> list[Clustered]:
    """Reduce: the in-process story index over one partition's articles in date order."""
    return [_cluster(job) for job in jobs]


def _cluster(job: ClusterJob) -> Clustered:
    table = read_partition(Path(job.root), "stories", job.partition, RECORDS)
    keys = table.select(["seq", "overlap", "day"]).to_pylist()
    order = sorted(range(len(keys)), key=lambda i: _date_order(keys[i]))
    texts = table.column("article")  # decoded one at a time: the partition stays in Arrow's memory
    index = StoryIndex()
    stories = [index.assign(Article.from_dict(json.loads(texts[i].as_py()))) for i in order]
    threads = {story: index.thread_of(story) for story in set(stories)}
    index.flush()
    titles = {story: _title(index, story) for story in threads}
    assignments = [Assignment(keys[i]["seq"], keys[i]["overlap"], keys[i]["day"], s, threads[s])
                   for i, s in zip(order, stories, strict=True)]  # fmt: skip
    return Clustered(job.partition, assignments, titles)


def _date_order(key: dict[str, Any]) -> tuple[bool, float, int]:
    """Dated articles by day (undated last), then in input order."""
    day = key["day"]
    return math.isnan(day), 0.0 if math.isnan(day) else day, key["seq"]


def _title(index: StoryIndex, story_id: str) -> str:
    row = story_store.story_row(index.conn, story_id)
    return str(row["title"] or "") if row is not None else ""


class UnionFind:
    """Union-find over (partition, id) nodes; the root is the node of the earliest partition."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, node: Node) -> Node:
        path = []
        while self.parent.get(node, node) != node:
            path.append(node)
            node = self.parent[node]
        for step in path:
            self.parent[step] = node
        return node

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


@dataclass(slots=True)
class StoryResult:
    """Per article seq ``(story, thread)``; per story its summary row."""

    links: dict[int, tuple[str, str | None]]
    stories: list[dict[str, Any]]


def merge(parts: Iterable[Clustered]) -> StoryResult:
    """Join the partitions' stories (and threads) that share an article at a window edge."""
    parts = list(parts)
    stories, threads = UnionFind(), UnionFind()
    homes: dict[int, tuple[str, Assignment]] = {}
    copies: list[tuple[str, Assignment]] = []
    for part in parts:
        for a in part.assignments:
            if a.overlap:
                copies.append((part.partition, a))
            else:
                homes[a.seq] = (part.partition, a)
    for partition, copy in copies:
        home_partition, home = homes[copy.seq]
        stories.union((home_partition, home.story), (partition, copy.story))
        if home.thread and copy.thread:
            threads.union((home_partition, home.thread), (partition, copy.thread))
    story_names, thread_names = (
        _names(stories, homes.values(), "story"),
        _names(threads, homes.values(), "thread"),
    )
    links = {seq: (story_names[stories.find((p, a.story))],
                   thread_names[threads.find((p, a.thread))] if a.thread else None)
             for seq, (p, a) in homes.items()}  # fmt: skip
    titles = {(part.partition, story): title for part in parts for story, title in part.titles.items()}
    return StoryResult(links, _summaries(homes, links, stories, story_names, titles))


def _names(forest: UnionFind, homes: Iterable[tuple[str, Assignment]], field: str) -> dict[Node, str]:
    """A unique public id per root: its own id, suffixed with its partition if another root has it."""
    roots = sorted({forest.find((p, getattr(a, field))) for p, a in homes if getattr(a, field)})
    taken: set[str] = set()
    names = {}
    for partition, ident in roots:
        names[(partition, ident)] = ident if ident not in taken else f"{ident}@{partition}"
        taken.add(ident)
    return names


def _summaries(
    homes: dict[int, tuple[str, Assignment]], links: dict[int, tuple[str, str | None]], forest: UnionFind,
    names: dict[Node, str], titles: dict[Node, str],
) -> list[dict[str, Any]]:  # fmt: skip
    by_story: defaultdict[str, list[Assignment]] = defaultdict(list)
    roots: dict[str, Node] = {}
    for seq, (partition, a) in homes.items():
        name = links[seq][0]
        by_story[name].append(a)
        roots[name] = forest.find((partition, a.story))
    rows = []
    for name, members in sorted(by_story.items()):
        days = [a.day for a in members if not math.isnan(a.day)]
        rows.append({
            "story": name, "thread": links[members[0].seq][1], "language": roots[name][0].split("~")[0],
            "title": titles.get(roots[name], ""), "first_date": iso_day(min(days)) if days else None,
            "last_date": iso_day(max(days)) if days else None, "size": len(members),
        })  # fmt: skip
    return rows


def cluster_stories(
    executor: Executor, root: Path, keys: list[str], duplicates: dict[str, dict[int, str]],
    window_days: float = DEFAULT_WINDOW_DAYS,
) -> StoryResult:  # fmt: skip
    """Route, cluster per partition, merge: story and thread of every article with text."""
    jobs = [[RouteJob(str(root), key, i, window_days, duplicates.get(key, {}))] for i, key in enumerate(keys)]
    names = sorted({name for result in executor.map_batches(route, jobs) for used in result for name in used})
    clustered = executor.map_batches(cluster, [[ClusterJob(str(root), name)] for name in names])
    return merge(part for result in clustered for part in result)


def read_records(path: Path) -> list[dict[str, Any]]:
    """The routed records of one spill file (for inspection and tests)."""
    rows: list[dict[str, Any]] = pq.read_table(path, schema=RECORDS).to_pylist()
    return rows
