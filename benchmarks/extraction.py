"""Cleaner benchmark: text dumps, HTML pages, Indonesian gold, metadata accuracy and speed.

Runs :func:`kabar.clean.clean_dump` and :func:`kabar.clean.clean_html` on the development sets in
``../shared`` (or ``$KABAR_SHARED``), scores them with ``shared/eval/score_extraction.py`` and
``score_lines.py``, prints the figures and writes them to ``benchmarks/results/extraction.json``.
Exits 0 with a message when the shared folder is absent.

usage: python benchmarks/extraction.py [--quick] [--no-html]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.common import SHARED, read_jsonl, run_scorer, write_jsonl  # noqa: E402
from kabar.clean import OutletBoilerplate, clean_dump, clean_html  # noqa: E402
from kabar.clean.html import extract_main  # noqa: E402

EXTRACTION = SHARED / "data" / "extraction"
RESULTS = ROOT / "benchmarks" / "results" / "extraction.json"
Row = dict[str, Any]


def score(scorer: str, pred: list[Row], gold: list[Row], tmp: Path) -> dict[str, Any]:
    """Run a shared scorer with ``--json`` on predictions and gold written to ``tmp``."""
    pred_path = write_jsonl(tmp / f"pred-{len(list(tmp.iterdir()))}.jsonl", pred)
    gold_path = write_jsonl(tmp / f"gold-{len(list(tmp.iterdir()))}.jsonl", gold)
    return run_scorer(scorer, pred_path, gold_path)


def norm_title(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def dumps_dev(tmp: Path) -> dict[str, Any]:
    """(a) English-heavy text dumps, one page per site: the single-document cleaner alone."""
    rows = read_jsonl(EXTRACTION / "dumps-dev.jsonl")
    gold = read_jsonl(EXTRACTION / "dumps-dev.gold.jsonl")
    pred = [{"id": r["id"], "text": clean_dump(r["raw"], url=r.get("url")).text} for r in rows]
    raw = [{"id": r["id"], "text": r["raw"]} for r in rows]
    return {"cleaner": score("score_extraction.py", pred, gold, tmp),
            "raw_dump": score("score_extraction.py", raw, gold, tmp)}  # fmt: skip


def html_dev(tmp: Path) -> dict[str, Any]:
    """(b) the same pages as HTML: trafilatura alone (precision-favoured and balanced), and
    trafilatura + the line cleaner (the default, balanced, and precision-favoured)."""
    truth = json.loads((EXTRACTION / "html-dev.ground-truth.json").read_text(encoding="utf-8"))
    gold = [{"id": key, "body": value["articleBody"]} for key, value in truth.items()]
    runs: dict[str, list[Row]] = {
        name: []
        for name in (
            "trafilatura_alone_precision",
            "trafilatura_alone_balanced",
            "cleaner",
            "cleaner_precision_mode",
        )
    }
    for key, value in truth.items():
        html = gzip.decompress((EXTRACTION / "html-dev" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        url = value.get("url")
        for name, precision in (("trafilatura_alone_precision", True), ("trafilatura_alone_balanced", False)):
            extracted = extract_main(html, url=url, timeout_s=0, favor_precision=precision) or {}
            runs[name].append({"id": key, "text": extracted.get("text") or ""})
        runs["cleaner"].append({"id": key, "text": clean_html(html, url=url, timeout_s=0).text})
        precise = clean_html(html, url=url, timeout_s=0, favor_precision=True)
        runs["cleaner_precision_mode"].append({"id": key, "text": precise.text})
    return {name: score("score_extraction.py", pred, gold, tmp) for name, pred in runs.items()}


def fundus_id(tmp: Path) -> dict[str, Any]:
    """(c) three Indonesian pages: heavy-furniture dumps and their HTML, with metadata accuracy."""
    rows = read_jsonl(EXTRACTION / "fundus-id-dumps.jsonl")
    gold = {g["id"]: g for g in read_jsonl(EXTRACTION / "fundus-id-dumps.gold.jsonl")}
    results = [clean_dump(r["raw"], url=r.get("url")) for r in rows]
    htmls = [_fundus_html(r["id"]) for r in rows]
    pred = [{"id": r["id"], "text": res.text} for r, res in zip(rows, results, strict=True)]
    html_pred = [{"id": r["id"], "text": h.text if h else ""} for r, h in zip(rows, htmls, strict=True)]
    gold_rows = [{"id": i, "body": g["body"]} for i, g in gold.items()]
    return {
        "dumps": score("score_extraction.py", pred, gold_rows, tmp),
        "dumps_metadata": _metadata_accuracy(rows, results, gold),
        "html": score("score_extraction.py", html_pred, gold_rows, tmp),
        "html_metadata": _metadata_accuracy(rows, [h for h in htmls if h], gold),
    }


def _fundus_html(doc_id: str) -> Any:
    path = EXTRACTION / "fundus-id" / f"{doc_id}.html.gz"
    if not path.exists():
        return None
    meta_path = EXTRACTION / "fundus-id" / f"meta_{doc_id.split('_', 1)[1]}.info.json"
    url = None
    if meta_path.exists():
        url = next(iter(json.loads(meta_path.read_text()).values()), {}).get("url")
    return clean_html(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), url=url, timeout_s=0)


def _metadata_accuracy(rows: list[Row], results: list[Any], gold: dict[str, Row]) -> dict[str, Any]:
    title = title_norm = date_ok = author_ok = 0
    for row, res in zip(rows, results, strict=False):
        g = gold[row["id"]]
        title += (res.title or "").strip() == g["title"].strip()
        title_norm += norm_title(res.title) == norm_title(g["title"])
        date_ok += bool(res.pub_date) and res.pub_date[:10] == g["pub_date"][:10]
        names = {b.name.lower() for b in res.byline}
        author_ok += all(a.lower() in names for a in g.get("authors") or [])
    n = len(results) or 1
    return {"documents": len(results), "title_exact": title / n, "title_normalised": title_norm / n,
            "pub_date_day": date_ok / n, "authors_found": author_ok / n}  # fmt: skip


def events_gold(tmp: Path) -> dict[str, Any]:
    """(d) the hand-cleaned Indonesian gold: body F1, line scores, title and date accuracy."""
    rows = read_jsonl(SHARED / "gold" / "dev" / "events-quotes.jsonl")
    results = [clean_dump(r["raw"], url=r.get("url")) for r in rows]
    pred = [{"id": r["id"], "text": res.text} for r, res in zip(rows, results, strict=True)]
    gold_body = [{"id": r["id"], "body": r["text"]} for r in rows]
    gold_lines = [{"id": r["id"], "text": r["text"], "boilerplate_lines": _lines(r)} for r in rows]
    out = {
        "extraction": score("score_extraction.py", pred, gold_body, tmp),
        "lines": score("score_lines.py", pred, gold_lines, tmp),
        "seed_furniture_left": _seed_furniture_left(rows, results),
    }
    out.update(_title_date_rates(rows, results))
    return out


def _lines(row: Row) -> list[str]:
    value = row.get("boilerplate_lines") or []
    if isinstance(value, str):  # a few gold rows store the list as its Python repr
        import ast

        value = ast.literal_eval(value)
    return list(value)


def _seed_furniture_left(rows: list[Row], results: list[Any]) -> list[str]:
    left = []
    for row, res in zip(rows, results, strict=True):
        if not row["id"].startswith("seed-"):
            continue
        kept = {" ".join(p.split()) for p in res.paragraphs}
        body = {" ".join(p.split()) for p in row["text"].split("\n")}
        left += [f"{row['id']}: {line}" for line in _lines(row) if " ".join(line.split()) in kept - body]
    return left


def _title_date_rates(rows: list[Row], results: list[Any]) -> dict[str, Any]:
    titled = [(r, res) for r, res in zip(rows, results, strict=True) if r.get("title")]
    stated = [(r, res) for r, res in titled if " ".join(r["title"].split()) in " ".join(r["raw"].split())]
    dated = [(r, res) for r, res in zip(rows, results, strict=True) if r.get("pub_date")]
    date_stated = [(r, res) for r, res in dated if _states_date(r["raw"], r["pub_date"])]
    return {
        "title_exact_all": _rate(titled, lambda r, res: res.title == r["title"]),
        "title_exact_where_in_raw": _rate(stated, lambda r, res: res.title == r["title"]),
        "pub_date_day_all": _rate(dated, _same_day),
        "pub_date_day_where_stated": _rate(date_stated, _same_day),
    }


def _same_day(row: Row, res: Any) -> bool:
    return bool(res.pub_date) and res.pub_date[:10] == row["pub_date"][:10]


def _states_date(raw: str, iso: str) -> bool:
    """Whether the raw text writes the gold day with its year (``21/2/2024``, ``21 Februari 2024``)."""
    from kabar.dates import find_dates

    return any(m.precision == "day" and m.value.isoformat() == iso[:10] for m in find_dates(raw))


def _rate(pairs: list[Any], ok: Callable[[Row, Any], bool]) -> dict[str, Any]:
    hits = sum(1 for r, res in pairs if ok(r, res))
    return {"documents": len(pairs), "rate": hits / len(pairs) if pairs else None}


def detik_dates(limit: int | None) -> dict[str, Any]:
    """Publication day on detik.com articles whose body states it (the metadata date is gold)."""
    path = SHARED / "data" / "news" / "detik-2025.jsonl"
    if not path.exists():
        return {}
    rows = [r for r in read_jsonl(path) if r.get("pub_date")][:limit]
    stated = [r for r in rows if _states_date(r["raw"], r["pub_date"])]
    hits = sum(
        1
        for r in stated
        if (clean_dump(r["raw"], url=r.get("url")).pub_date or "")[:10] == r["pub_date"][:10]
    )
    return {
        "documents": len(rows),
        "stating_the_day": len(stated),
        "pub_date_day": hits / len(stated) if stated else None,
    }


def outlet_learning(limit: int | None) -> dict[str, Any]:
    """Per-outlet learning on detik.com: which lines the statistics learn as boilerplate, and how
    many removals they add to what the lexicon and line shapes already remove."""
    path = SHARED / "data" / "news" / "detik-2025.jsonl"
    if not path.exists():
        return {}
    rows = read_jsonl(path)[:limit]
    boilerplate = OutletBoilerplate()
    for row in rows:
        boilerplate.observe("detik.com", row["raw"])
    learned = {line.strip() for row in rows for line in row["raw"].splitlines()
               if line.strip() and boilerplate.is_boilerplate("detik.com", line)}  # fmt: skip
    extra = sum(
        reason == "outlet"
        for row in rows
        for _, reason in clean_dump(row["raw"], outlet="detik.com", boilerplate=boilerplate).removed
    )
    return {"documents": len(rows), "learned_lines": sorted(learned)[:10], "removals_beyond_lexicon": extra}


def speed(seconds: float = 3.0) -> dict[str, Any]:
    """(e) text dumps cleaned per second of this process's CPU time (one core, so other load on
    the machine does not count), on dumps-dev and on the Indonesian gold's raw texts."""
    out: dict[str, Any] = {}
    sets = {
        "dumps_dev": EXTRACTION / "dumps-dev.jsonl",
        "indonesian_gold": SHARED / "gold" / "dev" / "events-quotes.jsonl",
    }
    for name, path in sets.items():
        raws = [r["raw"] for r in read_jsonl(path)]
        done, started = 0, time.process_time()
        while time.process_time() - started < seconds:
            for raw in raws:
                clean_dump(raw)
            done += len(raws)
        elapsed = time.process_time() - started
        out[name] = {
            "dumps": done, "cpu_seconds": round(elapsed, 2), "dumps_per_second": round(done / elapsed, 1),
            "mean_dump_chars": round(sum(map(len, raws)) / len(raws)),
        }  # fmt: skip
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="skip HTML, outlet learning and the long speed run"
    )
    parser.add_argument("--no-html", action="store_true", help="skip the HTML sets")
    args = parser.parse_args()
    if not EXTRACTION.exists():
        print(f"shared data not found at {SHARED}; nothing to benchmark")
        return 0
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        figures["dumps_dev"] = dumps_dev(tmp)
        if not (args.quick or args.no_html):
            figures["html_dev"] = html_dev(tmp)
        figures["fundus_id"] = fundus_id(tmp) if not (args.quick or args.no_html) else {}
        figures["indonesian_gold"] = events_gold(tmp)
    figures["detik_pub_dates"] = detik_dates(None if not args.quick else 200)
    if not args.quick:
        figures["outlet_learning_detik"] = outlet_learning(None)
    figures["speed"] = speed(1.0 if args.quick else 5.0)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if not args.quick:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
