"""Actor linking on the dev gold: are the gold speakers and event actors found, with the right code?

For every quote speaker and event source/target in ``../shared/gold/dev/events-quotes.jsonl``, the
linker runs on the article ``text`` with its ``pub_date``; the gold actor is matched to the linked
actor whose name (or, failing that, one of whose mentions) has the same surname or at least half
of the gold name's words. Figures, per gold occurrence:

* ``matched_share``: gold actors that found a linked actor;
* ``country_accuracy``: of the matched, the code's country part right;
* ``code_accuracy``: of the matched, the whole code right;
* ``ms_per_document`` and ``ms_per_3kb``: linking CPU time (best of ``--repeat`` passes; CPU time
  rather than wall time, which other processes on a shared machine inflate);
  ``matcher_ms_per_3kb``: the alias matcher alone, the floor (and a gauge of how loaded the machine
  was: about 0.18 ms on an idle one).

Targets on unseen gold: country >= 95 % of matched, full code >= 85 %; linking < 1 ms per 3 KB.
Prints the figures and writes ``benchmarks/results/actors.json`` (figures only, no gold text);
``--verbose`` lists the misses. Exits 0 with a message when ``../shared`` is absent.

usage: python benchmarks/actors.py [--repeat N] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.common import need_shared, save_results  # noqa: E402
from kabar.actors import link_actors, load_kb  # noqa: E402
from kabar.model import Actor  # noqa: E402

GOLD = ("gold", "dev", "events-quotes.jsonl")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def words(name: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(name)]


def similarity(gold: str, candidate: str, person: bool) -> float:
    """Share of the gold name's words in the candidate; 1.0 for a person with the same surname."""
    g, c = words(gold), words(candidate)
    if not g or not c:
        return 0.0
    if person and len(g[-1]) > 2 and g[-1] == c[-1]:
        return 1.0
    return len(set(g) & set(c)) / len(set(g))


def best_match(gold_name: str, actors: list[Actor]) -> Actor | None:
    """The actor whose name matches best (ties: the first); mentions are tried when names fail."""
    for texts in (lambda a: [a.name], lambda a: [m.text for m in a.mentions]):
        scored = [
            (max(similarity(gold_name, t, a.kind == "person") for t in texts(a)), a)
            for a in actors if texts(a)
        ]  # fmt: skip
        scored = [(s, a) for s, a in scored if s >= 0.5]
        if scored:
            return max(scored, key=lambda sa: sa[0])[1]
    return None


def gold_actors(doc: dict[str, Any]) -> list[dict[str, str]]:
    refs = [q["speaker"] for q in doc.get("quotes") or []]
    refs += [e[side] for e in doc.get("events") or [] for side in ("source", "target")]
    return [r for r in refs if r and r.get("name")]


def score(docs: list[dict[str, Any]], linked: list[list[Actor]], verbose: bool) -> dict[str, Any]:
    total = matched = country = code = 0
    for doc, actors in zip(docs, linked, strict=True):
        for ref in gold_actors(doc):
            total += 1
            actor = best_match(ref["name"], actors)
            if actor is None:
                if verbose:
                    print(f"  miss  {doc['id']}: {ref['name']!r} {ref['code']}")
                continue
            matched += 1
            country += actor.code.split()[0] == ref["code"].split()[0]
            code += actor.code == ref["code"]
            if verbose and actor.code != ref["code"]:
                got = f"{actor.code} ({actor.name!r})"
                print(f"  code  {doc['id']}: {ref['name']!r} gold {ref['code']} got {got}")
    return {
        "gold_actors": total,
        "matched_share": round(matched / total, 4) if total else 0.0,
        "country_accuracy": round(country / matched, 4) if matched else 0.0,
        "code_accuracy": round(code / matched, 4) if matched else 0.0,
    }


def timed(docs: list[dict[str, Any]], repeat: int) -> tuple[list[list[Actor]], float]:
    best = float("inf")
    linked: list[list[Actor]] = []
    for _ in range(repeat):
        start = time.process_time()  # CPU time: steadier than wall time on a shared machine
        linked = [link_actors(d["text"], pub_date=d.get("pub_date")) for d in docs]
        best = min(best, time.process_time() - start)
    return linked, best


def matcher_seconds(docs: list[dict[str, Any]], repeat: int) -> float:
    """CPU time of the alias matcher alone over every text: the floor linking cannot go under."""
    kb = load_kb()
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            kb.find(doc["text"])
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing passes (the best is kept)")
    parser.add_argument("--verbose", action="store_true", help="list misses and wrong codes")
    args = parser.parse_args()
    path = need_shared(*GOLD)
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    start = time.perf_counter()
    load_kb()
    load_seconds = time.perf_counter() - start
    linked, seconds = timed(docs, max(args.repeat, 1))
    kilobytes = sum(len(d["text"].encode("utf-8")) for d in docs) / 1024
    figures = {
        "documents": len(docs),
        **score(docs, linked, args.verbose),
        "ms_per_document": round(seconds / len(docs) * 1000, 3),
        "ms_per_3kb": round(seconds / kilobytes * 3 * 1000, 3),
        "matcher_ms_per_3kb": round(matcher_seconds(docs, max(args.repeat, 1)) / kilobytes * 3 * 1000, 3),
        "kb_load_seconds": round(load_seconds, 2),
        "command": "python benchmarks/actors.py",
    }
    save_results("actors", figures)


if __name__ == "__main__":
    main()
