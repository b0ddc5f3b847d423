"""What every benchmark shares: where ../shared/ is, and how figures are printed and saved."""

from __future__ import annotations

import json
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "results"


def need_shared(*parts: str) -> Path:
    """A path under ../shared/, or exit cleanly (status 0) saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        print(f"skipped: needs ../shared/{'/'.join(parts)}")
        sys.exit(0)
    return path


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
