"""A long fuzzing run: the property tests of tests/reliability/test_fuzz.py (readers, decoder, query
parser, dates, dump and HTML cleaners) and the tokenizer's, with many more cases each.

usage: python benchmarks/fuzz.py [--examples N]
Target: 0 crashes over >= 100,000 cases across the parsers.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, save_results

TARGETS = ["tests/reliability/test_fuzz.py"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000, help="cases per property")
    args = parser.parse_args()
    env = {**os.environ, "KABAR_FUZZ_EXAMPLES": str(args.examples)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *TARGETS,
                             "-k", "not sql_and_fts"], cwd=ROOT, env=env, capture_output=True, text=True)  # fmt: skip
    passed = _count(result.stdout, "passed")
    failed = _count(result.stdout, "failed")
    print(result.stdout[-2000:])
    save_results("fuzz", {
        "properties": passed + failed, "cases_per_property": args.examples,
        "cases": (passed + failed) * args.examples, "failed_properties": failed,
        "seconds": round(time.perf_counter() - started, 1),
    })  # fmt: skip
    sys.exit(result.returncode)


def _count(output: str, word: str) -> int:
    found = re.findall(rf"(\d+) {word}", output.strip().splitlines()[-1] if output.strip() else "")
    return int(found[0]) if found else 0


if __name__ == "__main__":
    main()
