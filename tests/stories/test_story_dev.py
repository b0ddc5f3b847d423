"""Story clustering on the hand-clustered development set (skipped without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

from kabar.model import Article
from kabar.stories.training import cluster, score

FLOORS = {"bcubed_f1": 0.91, "pairwise_f1": 0.74}
"""Floors under the figures ``benchmarks/stories.py`` reports, so a regression fails here."""


def test_dev_clustering_stays_above_its_floors(shared: Path) -> None:
    rows = [json.loads(line) for line in (shared / "gold/dev/clusters-dev.jsonl").open(encoding="utf-8")]
    rows.sort(key=lambda r: r["date"])
    articles = [
        Article(id=r["id"], origin="dev", hash="", outlet=r["outlet"], title=r["title"], text=r["text"],
                pub_date=r["date"], language="en" if r["outlet"].startswith("en.") else "id")
        for r in rows
    ]  # fmt: skip
    scores = score(cluster(articles), {r["id"]: r["story"] for r in rows})
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, (name, scores)
