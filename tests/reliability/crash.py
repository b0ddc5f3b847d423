"""SIGKILL `kabar ingest` at random points; after each kill a rerun must leave the store exactly as a
clean run does. Used by the test suite (a few kills) and by benchmarks/crash.py (many)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

TABLES = ("articles", "entities", "actor_mentions", "quotes", "events", "outlet_docs", "outlet_lines")


def ingest_command(inputs: list[Path], db: Path, batch_size: int = 3) -> list[str]:
    return [sys.executable, "-m", "kabar", "ingest", *map(str, inputs), "--db", str(db),
            "--batch-size", str(batch_size)]  # fmt: skip


def run_to_completion(inputs: list[Path], db: Path) -> None:
    subprocess.run(ingest_command(inputs, db), check=True, capture_output=True, timeout=600)


def fingerprint(db: Path) -> dict[str, object]:
    """Row counts, the set of stored ids and hashes, and the integrity check of a store."""
    conn = sqlite3.connect(db)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
        dupes = conn.execute("SELECT count(*) - count(DISTINCT hash) FROM articles").fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        doc_total = conn.execute("SELECT coalesce(sum(documents), 0) FROM outlet_docs").fetchone()[0]
    finally:
        conn.close()
    return {"counts": counts, "ids": ids, "duplicate_hashes": dupes, "integrity": integrity,
            "outlet_documents": doc_total}  # fmt: skip


@dataclass
class KillReport:
    kills: int = 0
    killed_mid_run: int = 0
    mismatches: list[str] = field(default_factory=list)


def kill_and_rerun(
    inputs: list[Path], workdir: Path, kills: int, seed: int = 0, max_delay: float = 6.0
) -> KillReport:
    """``kills`` rounds of: fresh store, ingest killed after a random delay, rerun, compare."""
    rng = random.Random(seed)
    clean_db = workdir / "clean.db"
    run_to_completion(inputs, clean_db)
    expected = fingerprint(clean_db)
    report = KillReport()
    for round_number in range(kills):
        db = workdir / f"killed-{round_number}.db"
        process = subprocess.Popen(
            ingest_command(inputs, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, max_delay))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            report.killed_mid_run += 1
        process.wait()
        report.kills += 1
        if db.exists():
            integrity = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok":
                report.mismatches.append(f"round {round_number}: integrity after kill: {integrity}")
        run_to_completion(inputs, db)
        got = fingerprint(db)
        if got != expected:
            report.mismatches.append(f"round {round_number}: {_diff(expected, got)}")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return report


def _diff(expected: dict[str, object], got: dict[str, object]) -> str:
    return "; ".join(
        f"{k}: expected {expected[k]!r:.120} got {got[k]!r:.120}" for k in expected if expected[k] != got[k]
    )
