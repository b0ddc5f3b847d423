"""What every benchmark shares: where ../shared/ is, and how figures are printed and saved."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "results"


def need_shared(*parts: str) -> Path:
    """A path under ../shared/, or exit cleanly (status 0) saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        print(f"skipped: needs ../shared/{'/'.join(parts)}")
        sys.exit(0)
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def run_scorer(scorer: str, pred_path: Path, gold_path: Path) -> dict[str, Any]:
    """``../shared/eval/<scorer> PRED GOLD --json``: its figures, without the scorer's own name."""
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / scorer), str(pred_path), str(gold_path), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    figures.pop("scorer", None)
    return figures


def save_results(name: str, figures: dict[str, Any]) -> Path:
    """Print the figures and write them to benchmarks/results/<name>.json with the run's context."""
    for key, value in figures.items():
        print(f"{key:>36}: {value}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
               "python": platform.python_version(), "machine": platform.machine(), **figures}  # fmt: skip
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return path
