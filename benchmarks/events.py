"""Event coder benchmark: PLOVER events on the development gold, speech-act probes, speed.

Runs the document stages that exist (language → actors → quotes → events) on the gold ``text``
with the gold ``pub_date`` of ``../shared/gold/dev/events-quotes.jsonl``, scores the events with
``shared/eval/score_events.py --json`` (event_f1: category + source and target country;
event_full_f1: full actor codes; date_accuracy: matched events whose gold date is a day), counts
predicted and gold events per category, checks that bare speech acts ("kata X") give no event,
and times each stage. Prints the figures and writes ``benchmarks/results/events.json``; exits 0
with a message when the shared folder is absent.

usage: python benchmarks/events.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.common import need_shared, read_jsonl, run_scorer, save_results, write_jsonl  # noqa: E402
from kabar.events.coder import Coded, EventCoder  # noqa: E402
from kabar.model import Article, to_dict  # noqa: E402

Row = dict[str, Any]
STAGES = ("language", "actors", "quotes", "events")


def _stage(name: str) -> Callable[[Article, Any], Any] | None:
    """The stage function of ``name`` when its package provides it yet, else ``None``."""
    try:
        if name == "language":
            from kabar import language

            analyze = language.analyze_text
            analyze("Uji.")  # fails here when the models are not built
            return lambda article, _: analyze(article.text)
        if name == "actors":
            from kabar import actors

            link = actors.link_actors
            return lambda a, analysis: link(a.text, pub_date=a.pub_date, entities=a.entities)
        if name == "quotes":
            from kabar import quotes

            return quotes.extract_quotes
    except (ImportError, AttributeError, FileNotFoundError, OSError) as exc:
        print(f"note: stage {name} not usable ({type(exc).__name__}: {exc}); running without it")
    return None


def run_stages(
    rows: list[Row], coded: list[list[Coded]] | None = None
) -> tuple[list[Article], dict[str, float], list[str]]:
    """Articles through the stages that exist, with the seconds each stage took in total; the
    coder's events with their evidence go to ``coded`` when given."""
    language, link, quote = _stage("language"), _stage("actors"), _stage("quotes")
    coder = EventCoder()
    seconds = dict.fromkeys(STAGES, 0.0)
    articles = []
    for row in rows:
        article = Article(
            id=row["id"],
            origin="gold",
            hash="",
            url=row.get("url"),
            outlet=row.get("outlet"),
            title=row.get("title"),
            text=row["text"],
            pub_date=row.get("pub_date"),
        )
        analysis = None
        started = time.perf_counter()
        if language is not None:
            analysis = language(article, None)
            article.entities = list(getattr(analysis, "entities", []))
        seconds["language"] += time.perf_counter() - started
        started = time.perf_counter()
        article.actors = link(article, analysis) if link is not None else []
        seconds["actors"] += time.perf_counter() - started
        started = time.perf_counter()
        article.quotes = quote(article, analysis) if quote is not None else []
        seconds["quotes"] += time.perf_counter() - started
        started = time.perf_counter()
        found = coder.candidates(article, analysis)  # what extract_events returns, with evidence
        article.events = [c.event for c in found]
        seconds["events"] += time.perf_counter() - started
        articles.append(article)
        if coded is not None:
            coded.append(found)
    used = [name for name, stage in zip(STAGES, (language, link, quote, True), strict=True) if stage]
    return articles, seconds, used


def filter_cv(
    articles: list[Article], coded: list[list[Coded]], rows: list[Row], gold_path: Path
) -> dict[str, Any]:
    """Would a learned filter over the coder's events help? Leave-one-article-out: a logistic
    regression (C=1, keep at probability >= 0.5, settings fixed beforehand) trained on the other
    articles' events, labelled by whether they match a gold event, filters the held-out article's."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [_labels(found, row) for found, row in zip(coded, rows, strict=True)]
    kept: list[Article] = []
    for i, article in enumerate(articles):
        x_train = [c.features for j, found in enumerate(coded) if j != i for c in found]
        y_train = [y for j, ys in enumerate(labels) if j != i for y in ys]
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=1.0, max_iter=2000).fit(vectorizer.fit_transform(x_train), y_train)
        keep = list(coded[i])
        if keep:
            probs = model.predict_proba(vectorizer.transform([c.features for c in keep]))[:, 1]
            keep = [c for c, p in zip(keep, probs, strict=True) if p >= 0.5]
        kept.append(Article(id=article.id, origin="cv", hash="", events=[c.event for c in keep]))
    filtered = score(kept, gold_path)
    return {"method": "logistic regression over the coder's events, leave-one-article-out, C=1, p>=0.5",
            "event_f1": filtered["event_f1"], "event_full_f1": filtered["event_full_f1"],
            "predicted_events": sum(len(a.events) for a in kept)}  # fmt: skip


def _country(actor: Any) -> str:
    return (actor.code if actor else "").split(" ")[0]


def _labels(found: list[Coded], row: Row) -> list[int]:
    """1 for each coded event that the scorer's rule matches to a gold event, else 0."""
    labels = [0] * len(found)
    for gold in row.get("events") or []:
        key = (gold["category"], _code(gold.get("source")), _code(gold.get("target")))
        for j, c in enumerate(found):
            if (
                not labels[j]
                and (c.event.category, _country(c.event.source), _country(c.event.target)) == key
            ):
                labels[j] = 1
                break
    return labels


def _code(actor: dict[str, Any] | None) -> str:
    return ((actor or {}).get("code") or "").split(" ")[0]


def score(articles: list[Article], gold_path: Path) -> dict[str, Any]:
    records = (
        {"id": a.id, "quotes": [to_dict(q) for q in a.quotes], "events": [to_dict(e) for e in a.events]}
        for a in articles
    )
    with tempfile.TemporaryDirectory() as tmp:
        return run_scorer("score_events.py", write_jsonl(Path(tmp) / "pred.jsonl", records), gold_path)


def agreement(articles: list[Article], rows: list[Row]) -> dict[str, Any]:
    """Status and mode agreement on the events the scorer's rule matches (category, source and target
    country; first unmatched prediction per gold event, as score_events.py does)."""
    matched = status_ok = mode_ok = 0
    for article, row in zip(articles, rows, strict=True):
        used: set[int] = set()
        for gold in row.get("events") or []:
            key = (gold["category"], _code(gold.get("source")), _code(gold.get("target")))
            for j, event in enumerate(article.events):
                if j not in used and (event.category, _country(event.source), _country(event.target)) == key:
                    used.add(j)
                    matched += 1
                    status_ok += event.status == gold.get("status")
                    mode_ok += event.mode == gold.get("mode")
                    break
    return {"matched_events": matched, "status_accuracy": round(status_ok / matched, 4) if matched else 0.0,
            "mode_accuracy": round(mode_ok / matched, 4) if matched else 0.0}  # fmt: skip


def per_category(articles: list[Article], rows: list[Row]) -> dict[str, dict[str, int]]:
    predicted = Counter(e.category for a in articles for e in a.events)
    gold = Counter(e["category"] for r in rows for e in r.get("events") or [])
    return {c: {"predicted": predicted[c], "gold": gold[c]} for c in sorted(set(predicted) | set(gold))}


PROBE_TEMPLATES = (
    '"Kami sudah menyampaikan pandangan kami," {cue} {name}, Senin (2/6/2025).',
    "{name} mengatakan hal itu kepada wartawan di Jakarta, Senin (2/6/2025).",
    "Hal itu disampaikan {name} dalam keterangan tertulis, Senin (2/6/2025).",
    "Menurut {name}, situasinya masih dipantau.",
)


def speech_probes(rows: list[Row]) -> dict[str, int]:
    """Bare speech acts built from the gold's own speakers and cues: each must give no event."""
    from kabar import actors
    from kabar.events import extract_events

    probes = 0
    found = 0
    for row in rows:
        for quote in row.get("quotes") or []:
            speaker = (quote.get("speaker") or {}).get("name")
            if not speaker:
                continue
            for template in PROBE_TEMPLATES:
                text = template.format(cue=quote.get("cue") or "kata", name=speaker)
                article = Article(id="probe", origin="probe", hash="", text=text, pub_date="2025-06-02")
                article.actors = actors.link_actors(text, pub_date=article.pub_date)
                found += len(extract_events(article))
                probes += 1
    return {"speech_probes": probes, "speech_probe_events": found}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N gold articles")
    args = parser.parse_args()
    gold_path = need_shared("gold", "dev", "events-quotes.jsonl")
    need_shared("eval", "score_events.py")
    rows = read_jsonl(gold_path)[: args.limit or None]
    coded: list[list[Coded]] = []
    articles, seconds, used = run_stages(rows, coded)
    if args.limit:
        gold_path = Path(tempfile.mkdtemp()) / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    figures: dict[str, Any] = {
        "documents": len(rows),
        "stages_run": used,
        "note": "dev gold; the pattern dictionary was written while reading it, so these are in-sample",
    }
    figures.update(score(articles, gold_path))
    figures["predicted_events"] = sum(len(a.events) for a in articles)
    figures.update(agreement(articles, rows))
    figures.update(speech_probes(rows))
    other = sum(v for k, v in seconds.items() if k != "events")
    figures["seconds_per_stage"] = {k: round(v, 4) for k, v in seconds.items()}
    figures["events_share_of_pipeline"] = round(seconds["events"] / other, 4) if other else None
    figures["documents_per_second"] = round(len(rows) / seconds["events"], 1) if seconds["events"] else None
    figures["events_per_second"] = (
        round(figures["predicted_events"] / seconds["events"], 1) if seconds["events"] else None
    )
    figures["per_category"] = per_category(articles, rows)
    figures["learned_filter_cv"] = filter_cv(articles, coded, rows, gold_path)
    save_results("events", figures)


if __name__ == "__main__":
    main()
