"""Stories benchmark: story clustering, duplicate detection, and clustering speed as the store grows.

1. **Clustering** of ``../shared/gold/dev/clusters-dev.jsonl`` (read its README) in date order by a fresh
   index, scored by ``../shared/eval/score_clusters.py --json`` (pairwise and BCubed). The shipped
   model is scored on the whole set; then, to show how much of that is fitted to the set, the model is
   trained (pairs, logistic regression, threshold) on each half of the window and scored on the other.
2. **Duplicates**: recall on the exact duplicates of ``../shared/data/news/detik-2025.jsonl`` and on
   near-duplicate probes made from every detik article (new title plus one or two of: a sentence
   dropped, a sentence from another article added, page furniture added, a few words changed); false
   duplicates are matches between articles of different gold stories of the clusters set.
3. **Speed**: articles per second (CPU time of this process) of :meth:`StoryIndex.assign` over the next
   1,000 articles once the index holds 10k and 100k articles, in a SQLite file committed every 1,000.
   The stream repeats the news corpora with perturbation (shuffled sentences, word substitutions)
   at a constant 150 articles a day, so what grows is the store, not the daily volume.

Prints the figures and writes ``benchmarks/results/stories.json``; exits 0 with a message when the
shared folder is absent. ``--train`` prints the model fitted on the whole dev set, for
``src/kabar/stories/model.py``; ``--quick`` measures speed at 2k and 10k articles instead.

usage: python benchmarks/stories.py [--quick] [--train] [--skip-speed]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.common import need_shared, read_jsonl, run_scorer, save_results, write_jsonl  # noqa: E402
from kabar.dedup import DuplicateIndex  # noqa: E402
from kabar.model import Article  # noqa: E402
from kabar.stories import DEFAULT_MODEL, StoryIndex  # noqa: E402
from kabar.stories.training import cluster, describe, fit, replay, tune_threshold  # noqa: E402

Row = dict[str, Any]
FURNITURE = (
    "SCROLL TO CONTINUE WITH CONTENT",
    "Baca juga: Harga cabai rawit naik menjelang akhir pekan",
    'Simak Video "Antrean warga di pasar murah pagi ini"',
    "(Foto: ilustrasi/dok. redaksi)",
    "ADVERTISEMENT",
)
PER_DAY = 150


def language_guesser() -> Callable[[str], str | None]:
    """The pipeline's language identifier when it is built, else no language (all compared)."""
    try:
        from kabar.language.langid import identify_language

        identify_language("Uji bahasa.")
        return identify_language
    except Exception:  # the language stage is optional here
        return lambda text: None


# -- 1. clustering ---------------------------------------------------------------------------------


def dev_articles(rows: list[Row]) -> list[Article]:
    guess = language_guesser()
    ordered = sorted(rows, key=lambda r: r["date"])
    return [
        Article(id=r["id"], origin="dev", hash="", outlet=r["outlet"], title=r["title"], text=r["text"],
                pub_date=r["date"], language=guess(f"{r['title']}. {r['text'][:1000]}"))
        for r in ordered
    ]  # fmt: skip


def official_scores(pred: dict[str, str], gold_rows: list[Row]) -> dict[str, float]:
    """``score_clusters.py --json`` on a prediction over ``gold_rows``."""
    with tempfile.TemporaryDirectory() as folder:
        pred_path = write_jsonl(Path(folder, "pred.jsonl"), ({"id": i, "story": s} for i, s in pred.items()))
        gold_path = write_jsonl(
            Path(folder, "gold.jsonl"), ({"id": r["id"], "story": r["story"]} for r in gold_rows)
        )
        return run_scorer("score_clusters.py", pred_path, gold_path)


def clustering_figures(rows: list[Row], train: bool) -> dict[str, Any]:
    articles = dev_articles(rows)
    gold = {r["id"]: r["story"] for r in rows}
    started = time.process_time()
    pred = cluster(articles)
    seconds = time.process_time() - started
    figures: dict[str, Any] = {
        "dev": official_scores(pred, rows),
        "dev_docs_per_s": round(len(articles) / seconds),
    }
    middle = sorted(r["date"] for r in rows)[len(rows) // 2]
    halves = {"first": [a for a in articles if (a.pub_date or "") < middle],
              "second": [a for a in articles if (a.pub_date or "") >= middle]}  # fmt: skip
    for name, test in halves.items():
        other = halves["second" if name == "first" else "first"]
        model = tuned(other, {a.id: gold[a.id] for a in other})
        held_out = {r["id"] for r in rows if r["id"] in {a.id for a in test}}
        test_rows = [r for r in rows if r["id"] in held_out]
        figures[f"cv_test_{name}_half"] = {
            "trained_on_other_half": official_scores(cluster(test, model), test_rows),
            "model": describe(model),
            "shipped_model": official_scores(cluster(test), test_rows),
        }
    if train:
        figures["trained_on_all"] = describe(tuned(articles, gold))
    return figures


def tuned(articles: list[Article], gold: dict[str, str]) -> Any:
    model, _ = tune_threshold(articles, gold, fit(replay(articles, gold)))
    return model


# -- 2. duplicates ---------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def perturb(text: str, others: list[str], vocabulary: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """A near copy of ``text``: one or two edits of the kinds a syndicating outlet makes."""
    parts = sentences(text)
    kinds = rng.sample(["drop", "add", "furniture", "words"], rng.choice([1, 2]))
    for kind in kinds:
        if kind == "drop" and len(parts) > 3:
            parts.pop(rng.randrange(1, len(parts)))
        elif kind == "add":
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(sentences(rng.choice(others)) or ["-"]))
        elif kind == "furniture":
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(FURNITURE))
        elif kind == "words":
            parts = change_words(parts, vocabulary, rng, 3)
    return " ".join(parts), kinds


def change_words(parts: list[str], vocabulary: list[str], rng: random.Random, count: int) -> list[str]:
    parts = list(parts)
    for _ in range(count):
        i = rng.randrange(len(parts))
        words = parts[i].split()
        plain = [k for k, w in enumerate(words) if w.isalpha()]
        if plain:
            words[rng.choice(plain)] = rng.choice(vocabulary)
            parts[i] = " ".join(words)
    return parts


def dedup_figures(detik: list[Row], dev_rows: list[Row]) -> dict[str, Any]:
    rng = random.Random(20250901)
    index = DuplicateIndex()
    started = time.process_time()
    for row in detik:
        index.add(Article(id=row["id"], origin="detik", hash="", title=row["title"], text=row["raw"],
                          pub_date=row.get("pub_date")))  # fmt: skip
    seconds = time.process_time() - started
    groups: dict[str, list[str]] = {}
    for row in detik:
        groups.setdefault(row["raw"].strip(), []).append(row["id"])
    copies = [(ids[0], other) for ids in groups.values() if len(ids) > 1 for other in ids[1:]]
    exact = sum(index.original_of(a) == index.original_of(b) for a, b in copies)
    vocabulary = [w for row in detik[:200] for w in row["raw"].split() if w.isalpha() and len(w) > 3]
    texts = [row["raw"] for row in detik]
    found, kinds_seen, kinds_found = 0, Counter[str](), Counter[str]()
    for row in detik:
        text, kinds = perturb(row["raw"], texts, vocabulary, rng)
        probe = Article(id="probe-" + row["id"], origin="probe", hash="", title="Judul lain: " + row["title"],
                        text=text, pub_date=row.get("pub_date"))  # fmt: skip
        match = index.add(probe)
        hit = match is not None and index.original_of(match.matched) == index.original_of(row["id"])
        found += hit
        kinds_seen.update(kinds)
        kinds_found.update(kinds if hit else [])
    false, dev_matches = false_duplicates(dev_rows)
    return {
        "exact_copies": len(copies), "exact_recall": round(exact / max(1, len(copies)), 4),
        "near_probes": len(detik), "near_recall": round(found / len(detik), 4),
        "near_recall_by_edit": {k: round(kinds_found[k] / n, 4) for k, n in sorted(kinds_seen.items())},
        "dev_matches": dev_matches, "false_duplicates_across_stories": false,
        "dedup_docs_per_s": round(len(detik) / seconds),
    }  # fmt: skip


def false_duplicates(rows: list[Row]) -> tuple[int, int]:
    """Matches between articles of different gold stories, and all matches, on the clusters set."""
    index = DuplicateIndex()
    story = {r["id"]: r["story"] for r in rows}
    false = matches = 0
    for row in sorted(rows, key=lambda r: r["date"]):
        match = index.add(Article(id=row["id"], origin="dev", hash="", title=row["title"], text=row["text"],
                                  pub_date=row["date"]))  # fmt: skip
        if match is not None:
            matches += 1
            false += story[match.matched] != story[row["id"]]
    return false, matches


# -- 3. speed --------------------------------------------------------------------------------------


def stream(corpus: list[Row], seed: int = 7) -> Iterator[Article]:
    """Endless perturbed articles at :data:`PER_DAY` a day: shuffled sentences, substituted words."""
    rng = random.Random(seed)
    vocabulary = [w for row in corpus[:300] for w in row["raw"].split() if w.isalpha() and len(w) > 3]
    start = date(2020, 1, 1)
    n = 0
    while True:
        for row in rng.sample(corpus, len(corpus)):
            parts = sentences(row["raw"])
            rng.shuffle(parts)
            text = " ".join(change_words(parts, vocabulary, rng, 5)) if parts else row["raw"]
            day = start + timedelta(days=n // PER_DAY)
            stamp = f"{day.isoformat()}T{(n * 7) % 24:02d}:00"
            yield Article(id=f"syn-{n}", origin="speed", hash="", outlet=row.get("outlet"),
                          title=row["title"], text=text, pub_date=stamp, language="id")  # fmt: skip
            n += 1


def speed_figures(corpus: list[Row], sizes: tuple[int, ...], batch: int = 1000) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    articles = stream(corpus)
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder, "stories.db"))
        stories = StoryIndex(conn)
        held = 0
        for size in sizes:
            while held < size:
                for article in [next(articles) for _ in range(min(batch, size - held))]:
                    stories.assign(article)
                held = min(size, held + batch)
                stories.flush()
                conn.commit()
            timed = [next(articles) for _ in range(batch)]
            started = time.process_time()
            for article in timed:
                stories.assign(article)
            stories.flush()
            conn.commit()
            seconds = time.process_time() - started
            held += batch
            figures[f"docs_per_s_at_{size // 1000}k"] = round(batch / seconds)
            figures[f"stories_in_memory_at_{size // 1000}k"] = len(stories.stories)
        conn.close()
    first, last = (figures[f"docs_per_s_at_{s // 1000}k"] for s in (sizes[0], sizes[-1]))
    figures["speed_ratio_last_to_first"] = round(last / first, 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="speed at 2k and 10k articles")
    parser.add_argument("--train", action="store_true", help="print the model trained on the whole dev set")
    parser.add_argument("--skip-speed", action="store_true", help="no speed measurement")
    args = parser.parse_args()
    dev_rows = read_jsonl(need_shared("gold", "dev", "clusters-dev.jsonl"))
    news = need_shared("data", "news")
    detik = read_jsonl(news / "detik-2025.jsonl")
    figures: dict[str, Any] = {"clustering": clustering_figures(dev_rows, args.train)}
    figures["duplicates"] = dedup_figures(detik, dev_rows)
    if not args.skip_speed:
        corpus = [r for f in sorted(news.glob("*.jsonl")) for r in read_jsonl(f) if r.get("raw")]
        figures["speed"] = speed_figures(corpus, (2_000, 10_000) if args.quick else (10_000, 100_000))
    figures["shipped_model"] = describe(replace(DEFAULT_MODEL))
    save_results("stories", figures)


if __name__ == "__main__":
    main()
