"""Quote benchmark: detection and attribution on the dev gold, PFSA-ID statement spans, speed.

1. ``shared/gold/dev/events-quotes.jsonl``: the quote stage runs on each gold ``text`` with the gold
   ``pub_date`` (after the language and actor stages when they are available) and is scored with
   ``shared/eval/score_events.py --json`` (``quote_f1``, ``quote_attr_f1``).
2. PFSA-ID dev (``shared/data/quotes/pfsa-dev.docs.jsonl`` + ``pfsa-dev.gold.jsonl``): direct quotes
   only (PFSA annotates statements in quote marks), scored with ``score_events.py``'s ``quote_f1``
   and with a stricter token-span F1 (tokens inside predicted vs gold statement spans).
3. Speed: quotes and documents per second of the quote stage alone, and its share of the
   document pipeline's time (clean → events) on the same texts when the other stages run.

Prints the figures and writes ``benchmarks/results/quotes.json``; exits 0 with a message when
``../shared`` is absent.

usage: python benchmarks/quotes.py [--no-stages] [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.common import SHARED, read_jsonl, run_scorer, save_results, write_jsonl  # noqa: E402
from kabar.model import Article, Quote, to_dict  # noqa: E402
from kabar.quotes import extract_quotes  # noqa: E402

GOLD = SHARED / "gold" / "dev" / "events-quotes.jsonl"
PFSA_DOCS = SHARED / "data" / "quotes" / "pfsa-dev.docs.jsonl"
PFSA_GOLD = SHARED / "data" / "quotes" / "pfsa-dev.gold.jsonl"
SCORER = SHARED / "eval" / "score_events.py"
Row = dict[str, Any]
Stage = Callable[[Article], Any]


def score(pred: list[Row], gold_path: Path, tmp: Path) -> dict[str, Any]:
    """``score_events.py --json`` on predictions written to ``tmp``."""
    pred_path = write_jsonl(tmp / f"pred-{gold_path.stem}.jsonl", pred)
    return run_scorer("score_events.py", pred_path, gold_path)


def upstream_stages() -> tuple[list[str], Stage | None]:
    """The language and actor stages when they are importable and their models are built."""
    names: list[str] = []
    steps: list[Stage] = []
    analyze_text = _stage("kabar.language", "analyze_text", "Presiden Joko Widodo tiba di Tokyo.")
    if analyze_text is not None:

        def language(article: Article) -> Any:
            analysis = analyze_text(article.text)
            article.language, article.entities = analysis.language, list(analysis.entities)
            return analysis

        names.append("language")
        steps.append(language)
    link_actors = _stage("kabar.actors", "link_actors", "Presiden Joko Widodo tiba di Tokyo.")
    if link_actors is not None:

        def actors(article: Article) -> Any:
            article.actors = link_actors(article.text, pub_date=article.pub_date, entities=article.entities)

        names.append("actors")
        steps.append(actors)

    def run(article: Article) -> Any:
        analysis = None
        for step in steps:
            result = step(article)
            analysis = result if result is not None else analysis
        return analysis

    return names, (run if steps else None)


def _stage(module: str, name: str, probe: str) -> Callable[..., Any] | None:
    """A stage function that imports and runs on a probe sentence, else ``None`` (with a note)."""
    try:
        func = getattr(importlib.import_module(module), name)
        func(probe)
        return cast(Callable[..., Any], func)
    except Exception as exc:  # not built yet: run without it
        print(f"note: {module}.{name} unavailable ({type(exc).__name__}: {str(exc)[:80]})")
        return None


def quote_row(quote: Quote) -> Row:
    row = to_dict(quote)
    if quote.speaker is not None:
        row["speaker"] = {"name": quote.speaker.name, "code": quote.speaker.code}
    return row


def gold_dev(tmp: Path, upstream: Stage | None) -> tuple[dict[str, Any], list[Article]]:
    rows = read_jsonl(GOLD)
    preds, articles = [], []
    for row in rows:
        article = Article(id=row["id"], origin="gold", hash="", text=row["text"])
        article.pub_date, article.outlet = row.get("pub_date"), row.get("outlet")
        analysis = upstream(article) if upstream else None
        article.quotes = extract_quotes(article, analysis)
        articles.append(article)
        preds.append({"id": row["id"], "quotes": [quote_row(q) for q in article.quotes], "events": []})
    figures = score(preds, GOLD, tmp)
    keep = ("quote_precision", "quote_recall", "quote_f1", "quote_attr_f1", "gold_quotes")
    return {k: figures[k] for k in keep}, articles


def pfsa(tmp: Path) -> dict[str, Any]:
    docs = read_jsonl(PFSA_DOCS)
    gold = {row["id"]: row for row in read_jsonl(PFSA_GOLD)}
    preds, spans = [], {"tp": 0, "pred": 0, "gold": 0}
    for doc in docs:
        article = Article(id=doc["id"], origin="pfsa", hash="", text=doc["raw"], outlet=doc.get("outlet"))
        direct = [q for q in extract_quotes(article) if q.kind == "direct"]
        preds.append({"id": doc["id"], "quotes": [quote_row(q) for q in direct], "events": []})
        _token_overlap(article.text, direct, [q["text"] for q in gold[doc["id"]]["quotes"]], spans)
    figures = score(preds, PFSA_GOLD, tmp)
    p = spans["tp"] / spans["pred"] if spans["pred"] else 0.0
    r = spans["tp"] / spans["gold"] if spans["gold"] else 0.0
    return {
        "pfsa_quote_precision": figures["quote_precision"], "pfsa_quote_recall": figures["quote_recall"],
        "pfsa_quote_f1": figures["quote_f1"],
        "pfsa_token_span_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "pfsa_gold_statements": figures["gold_quotes"],
    }  # fmt: skip


_TOKEN = re.compile(r"\w+")


def _token_overlap(text: str, quotes: list[Quote], gold_texts: list[str], counts: dict[str, int]) -> None:
    """Word tokens inside predicted direct-quote spans versus inside gold statement spans (marks and
    punctuation ignored): the stricter span measure."""
    gold_cover: set[int] = set()
    pos = 0
    for span in gold_texts:
        at = text.find(span, pos)
        if at < 0:
            at = text.find(span)
        if at < 0:
            continue
        gold_cover.update(m.start() for m in _TOKEN.finditer(text, at, at + len(span)))
        pos = at + len(span)
    pred_cover: set[int] = set()
    for q in quotes:
        if q.start is not None and q.end is not None:
            pred_cover.update(m.start() for m in _TOKEN.finditer(text, q.start, q.end))
    counts["tp"] += len(gold_cover & pred_cover)
    counts["pred"] += len(pred_cover)
    counts["gold"] += len(gold_cover)


def speed(articles: list[Article], repeat: int) -> dict[str, Any]:
    """Quote-stage throughput on the gold texts (with their actors when the linker ran)."""
    n_quotes, started = 0, time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            n_quotes += len(extract_quotes(article))
    seconds = time.perf_counter() - started
    docs = len(articles) * repeat
    return {
        "quotes_per_second": round(n_quotes / seconds, 1),
        "docs_per_second": round(docs / seconds, 1),
        "ms_per_doc": round(1000 * seconds / docs, 3),
    }


def pipeline_share(rows: list[Row]) -> dict[str, Any]:
    """Each document-level stage's time per document (clean → events, as the pipeline runs them)
    and the quote stage's time over the sum of the others. A stage that fails (not built yet) is
    left out and named, so the share then covers only the stages that ran."""
    from kabar.model import SourceDocument
    from kabar.pipeline import DOCUMENT_STAGES, Work

    spent: dict[str, float] = {name: 0.0 for name, _ in DOCUMENT_STAGES}
    failed: set[str] = set()
    for row in rows:
        source = SourceDocument(id=row["id"], origin="bench", raw=row["text"], pub_date=row.get("pub_date"))
        work = Work(source, Article.from_source(source))
        for name, stage in DOCUMENT_STAGES:
            started = time.perf_counter()
            try:
                stage(work, None)
            except Exception:
                failed.add(name)
            spent[name] += time.perf_counter() - started
    per_doc = {name: round(1000 * t / len(rows), 3) for name, t in spent.items() if name not in failed}
    others = sum(v for k, v in per_doc.items() if k != "quotes")
    return {
        "stage_ms_per_doc": per_doc,
        "stages_failed": sorted(failed) or "none",
        "quote_share_of_other_stages": round(per_doc.get("quotes", 0.0) / others, 4) if others else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-stages", action="store_true", help="run the quote stage alone (no NER/actors)")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the gold texts for timing")
    args = parser.parse_args()
    for path in (GOLD, SCORER):
        if not path.exists():
            print(f"skipped: needs {path}")
            return
    names, upstream = ([], None) if args.no_stages else upstream_stages()
    figures: dict[str, Any] = {"upstream_stages": names or "none"}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        dev, articles = gold_dev(tmp, upstream)
        figures.update(dev)
        if PFSA_DOCS.exists() and PFSA_GOLD.exists():
            figures.update(pfsa(tmp))
    figures.update(speed(articles, args.repeat))
    figures.update(pipeline_share(read_jsonl(GOLD)))
    save_results("quotes", figures)


if __name__ == "__main__":
    main()
