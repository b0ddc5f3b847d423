"""Benchmark of the language layer: NER F1, POS accuracy, tagging speed.

    .venv/bin/python benchmarks/language.py [--articles N]

* NER entity-level F1 on the IDNer-news-2k dev split and the NERGrit validation split, scored
  by ``../shared/eval/score_ner.py`` on the output of :func:`kabar.language.tag_conll`;
* POS accuracy on the BaPOS validation split (full tags, and tags without their B-/I- prefix);
* tokens per second on one core for tokenize + sentence split + POS + NER over detik articles.

Prints the figures and writes ``benchmarks/results/language.json``. Exits 0 with a message when
``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
RESULTS = ROOT / "benchmarks" / "results" / "language.json"
NER_SETS = {
    "idner_dev": DATA / "ner/idner-news-2k/dev.txt",
    "nergrit_valid": DATA / "ner/nergrit_ner-grit/valid_preprocess.txt",
}
POS_VALID = DATA / "pos/bapos_pos-idn/valid_preprocess.txt"
NEWS = DATA / "news/detik-2025.jsonl"

sys.path.insert(0, str(ROOT / "src"))

from kabar.language import load_taggers, split_sentences, tag_conll  # noqa: E402
from kabar.language.conll import read_conll  # noqa: E402
from kabar.language.taggers import load_domain_guesser, tag_sentences  # noqa: E402


def ner_scores(tmp: Path) -> dict[str, dict[str, object]]:
    """F1 per NER set, from score_ner.py, plus the domain the NER picked for the file."""
    out: dict[str, dict[str, object]] = {}
    for name, gold in NER_SETS.items():
        pred = tmp / f"{name}.pred"
        tag_conll(gold, pred, task="ner")
        words = [t for s in read_conll(gold) for t in s.tokens]
        scored = subprocess.run(
            [sys.executable, str(SHARED / "eval/score_ner.py"), str(pred), str(gold), "--json"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        figures = json.loads(scored.stdout)
        figures.pop("scorer", None)
        out[name] = {**figures, "domain": load_domain_guesser().guess(words)}
    return out


def pos_scores(tmp: Path) -> dict[str, float]:
    """Token accuracy of the POS tagger on the BaPOS validation split."""
    pred_path = tmp / "pos.pred"
    tag_conll(POS_VALID, pred_path, task="pos")
    gold = [t for s in read_conll(POS_VALID) for t in s.tags]
    pred = [t for s in read_conll(pred_path) for t in s.tags]
    right = sum(p == g for p, g in zip(pred, gold, strict=True))
    bare = sum(p.split("-")[-1] == g.split("-")[-1] for p, g in zip(pred, gold, strict=True))
    return {"accuracy": round(right / len(gold), 4), "accuracy_bare": round(bare / len(gold), 4),
            "tokens": len(gold)}  # fmt: skip


def speed(articles: int) -> dict[str, float]:
    """Tokens per second for tokenize + split + POS + NER on ``articles`` detik bodies.

    Timed in CPU seconds of this process (one core; other work on the machine does not count),
    with wall-clock seconds beside them.
    """
    texts = [json.loads(line)["raw"] for line in NEWS.open(encoding="utf-8")][:articles]
    taggers = load_taggers()
    tag_sentences([["Presiden", "tiba", "."]], taggers)  # load everything before timing
    cpu, wall = time.process_time(), time.perf_counter()
    tokens = 0
    for text in texts:
        words = [[t.text for t in sent.tokens] for sent in split_sentences(text)]
        tag_sentences(words, taggers)
        tokens += sum(len(w) for w in words)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "tokens": tokens, "cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
        "tokens_per_second": round(tokens / cpu), "tokens_per_wall_second": round(tokens / wall),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="detik articles timed")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {SHARED} is absent")
        return
    with tempfile.TemporaryDirectory() as tmp:
        results = {"ner": ner_scores(Path(tmp)), "pos": pos_scores(Path(tmp)),
                   "speed": speed(args.articles)}  # fmt: skip
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for name, figures in results["ner"].items():
        print(f"NER {name:<14} F1 {figures['f1']:.4f}  P {figures['precision']:.4f}  "
              f"R {figures['recall']:.4f}  (model: {figures['domain']})")  # fmt: skip
    pos = results["pos"]
    print(f"POS bapos_valid    accuracy {pos['accuracy']:.4f}  (bare tags {pos['accuracy_bare']:.4f})")
    sp = results["speed"]
    print(f"speed              {sp['tokens_per_second']:,.0f} tokens/s "
          f"({sp['tokens']:,} tokens in {sp['cpu_seconds']} CPU s, {sp['wall_seconds']} wall s; "
          "tokenize+split+POS+NER, one core)")  # fmt: skip
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
