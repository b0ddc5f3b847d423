"""Settings with their defaults: where the store lives and the limits that protect a batch.

Every limit can be changed from the command line or the environment; the README's "Limits" table
lists them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024


def default_db_path() -> Path:
    """``$KABAR_DB``, else ``$XDG_DATA_HOME/kabar/kabar.db`` (``~/.local/share/kabar/kabar.db``)."""
    if env := os.environ.get("KABAR_DB"):
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kabar" / "kabar.db"


def default_user_actors_path() -> Path:
    """The user's own actor entries, merged over the shipped knowledge base."""
    if env := os.environ.get("KABAR_ACTORS"):
        return Path(env)
    return default_db_path().parent / "actors.yaml"


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one input may cost. Inputs over a limit are skipped with the reason."""

    max_file_bytes: int = 50 * MiB  # a single .txt/.html file
    max_record_bytes: int = 10 * MiB  # one JSONL line or one WARC record
    max_decompressed_bytes: int = 2048 * MiB  # a whole .gz/.warc.gz stream
    max_line_chars: int = 200_000  # longer lines are cut before cleaning
    html_timeout_s: float = 10.0  # per-page extraction budget

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by ``KABAR_MAX_FILE_MB`` and ``KABAR_MAX_RECORD_MB`` when set."""
        values: dict[str, int] = {}
        if mb := os.environ.get("KABAR_MAX_FILE_MB"):
            values["max_file_bytes"] = int(float(mb) * MiB)
        if mb := os.environ.get("KABAR_MAX_RECORD_MB"):
            values["max_record_bytes"] = int(float(mb) * MiB)
        return cls(**values)
