"""The bundled sample corpus: raw text dumps written by the kabar team.

Original Indonesian sentences reporting real, documented events (the Russia–North Korea thread of
2023–2024 and some unrelated Indonesian stories) under invented outlet names, each outlet with its
own site furniture. ``manifest.json`` records each file's outlet, title, date and story.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SAMPLE_DIR = Path(__file__).parent / "dumps"


def sample_inputs() -> list[Path]:
    """The sample's text dumps, in a stable order."""
    return sorted(SAMPLE_DIR.glob("*.txt"))


def manifest() -> list[dict[str, Any]]:
    """One entry per sample file: outlet, domain, title, pub_date, story, wire_copy_of, topic."""
    data: list[dict[str, Any]] = json.loads((Path(__file__).parent / "manifest.json").read_text("utf-8"))
    return data
