"""Crash safety at volume: SIGKILL `kabar ingest` at random points, rerun, compare with a clean run.

usage: python benchmarks/crash.py [--kills N] [--seed S] [--max-delay SECONDS]

Runs ``tests.reliability.crash.kill_and_rerun`` (the helper behind
``tests/reliability/test_crash_safety.py``) on the bundled sample corpus: each of ``--kills`` rounds
starts ``kabar ingest`` into a fresh store, kills it with SIGKILL after a random delay drawn from
0.2 s to ``--max-delay``, runs ``PRAGMA integrity_check`` on what the killed run left, reruns the
ingest to completion and compares the store with the one a clean run produced (row counts of every
table, the stored ids, duplicate hashes, the integrity check, the per-outlet document counts).

``--max-delay`` defaults to the wall time of one uninterrupted ingest measured just before (a probe
run), so the kills spread over the whole run instead of landing after it has finished. The probe
also records when the store file appears and when the first batch is committed; the kill delays are
replayed from the seed to estimate how many kills fell before the store opened, between opening and
the first commit, and while batches were being committed.

Prints and writes ``benchmarks/results/crash.json``: kills (and how many found ingest still running),
articles and rows lost or duplicated after the rerun, integrity failures (after the kill and after
the rerun), mismatching rounds, seconds. Target: 0 lost, 0 duplicated, 0 integrity failures, 0
mismatches.
"""

from __future__ import annotations

import argparse
import inspect
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability import crash

from benchmarks.common import save_results
from kabar.sample import sample_inputs

MIN_DELAY = 0.2  # the helper's lower bound for a kill delay


@dataclass(slots=True)
class Probe:
    """One uninterrupted ingest, timed: when the store file appeared, when the first batch was
    visible, when the process ended (seconds from its start)."""

    store_opened: float | None = None
    first_commit: float | None = None
    finished: float = 0.0


def probe(inputs: list[Path], workdir: Path) -> Probe:
    db = workdir / "probe.db"
    result = Probe()
    started = time.perf_counter()
    process = subprocess.Popen(
        crash.ingest_command(inputs, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while process.poll() is None:
        now = time.perf_counter() - started
        if result.store_opened is None and db.exists():
            result.store_opened = now
        if result.store_opened is not None and result.first_commit is None and _articles(db) > 0:
            result.first_commit = now
        time.sleep(0.02)
    result.finished = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"the probe ingest failed with status {process.returncode}")
    return result


def _articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or locked for a moment


@dataclass(slots=True)
class Tally:
    """What the reruns left compared with the clean store."""

    rounds: int = 0
    lost_articles: int = 0
    duplicated_articles: int = 0
    unexpected_articles: int = 0
    lost_rows: dict[str, int] = field(default_factory=dict)
    duplicated_rows: dict[str, int] = field(default_factory=dict)
    integrity_failures_after_rerun: int = 0

    def add(self, expected: dict[str, Any], got: dict[str, Any]) -> None:
        self.rounds += 1
        want, have = set(expected["ids"]), list(got["ids"])
        self.lost_articles += len(want - set(have))
        self.unexpected_articles += len(set(have) - want)
        self.duplicated_articles += len(have) - len(set(have))
        self.duplicated_articles += max(0, got["duplicate_hashes"] - expected["duplicate_hashes"])
        for table, count in expected["counts"].items():
            difference = got["counts"][table] - count
            if difference < 0:
                self.lost_rows[table] = self.lost_rows.get(table, 0) - difference
            elif difference > 0:
                self.duplicated_rows[table] = self.duplicated_rows.get(table, 0) + difference
        if got["integrity"] != "ok":
            self.integrity_failures_after_rerun += 1


def run(inputs: list[Path], workdir: Path, kills: int, seed: int, max_delay: float) -> dict[str, Any]:
    """``kill_and_rerun`` with every fingerprint it takes recorded: the first is the clean store's,
    each later one a store rerun after a kill."""
    fingerprints: list[dict[str, Any]] = []
    real_fingerprint = crash.fingerprint

    def recording(db: Path) -> dict[str, object]:
        fingerprint = real_fingerprint(db)
        fingerprints.append(fingerprint)
        return fingerprint

    started = time.perf_counter()
    with mock.patch.object(crash, "fingerprint", side_effect=recording):
        report = crash.kill_and_rerun(inputs, workdir, kills, seed=seed, max_delay=max_delay)
    seconds = time.perf_counter() - started
    tally = Tally()
    for got in fingerprints[1:]:
        tally.add(fingerprints[0], got)
    after_kill = [m for m in report.mismatches if "integrity after kill" in m]
    mismatched_rounds = {m.split(":", 1)[0] for m in report.mismatches}
    return {
        "kills": report.kills,
        "killed_mid_run": report.killed_mid_run,
        "reruns_compared": tally.rounds,
        "lost_articles": tally.lost_articles,
        "duplicated_articles": tally.duplicated_articles,
        "unexpected_articles": tally.unexpected_articles,
        "lost_rows": sum(tally.lost_rows.values()),
        "duplicated_rows": sum(tally.duplicated_rows.values()),
        "lost_rows_by_table": tally.lost_rows,
        "duplicated_rows_by_table": tally.duplicated_rows,
        "integrity_failures_after_kill": len(after_kill),
        "integrity_failures_after_rerun": tally.integrity_failures_after_rerun,
        "integrity_failures": len(after_kill) + tally.integrity_failures_after_rerun,
        "mismatched_rounds": len(mismatched_rounds),
        "mismatches": report.mismatches[:20],
        "clean_store": {"articles": len(fingerprints[0]["ids"]), **fingerprints[0]["counts"]},
        "seconds": round(seconds, 1),
        "seconds_per_kill": round(seconds / max(report.kills, 1), 2),
    }


def kill_phases(timing: Probe, kills: int, seed: int, max_delay: float) -> dict[str, int]:
    """Where the kill delays fell on the probe's timeline (an estimate: each run's pace varies).
    Replays the helper's draws: ``random.Random(seed)``, one ``uniform(0.2, max_delay)`` per round."""
    rng = random.Random(seed)
    delays = [rng.uniform(MIN_DELAY, max_delay) for _ in range(kills)]
    opened = timing.store_opened if timing.store_opened is not None else timing.finished
    committed = timing.first_commit if timing.first_commit is not None else timing.finished
    return {
        "before_store_opened": sum(d < opened for d in delays),
        "before_first_commit": sum(opened <= d < committed for d in delays),
        "while_committing": sum(committed <= d < timing.finished for d in delays),
        "after_finish": sum(d >= timing.finished for d in delays),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--max-delay", type=float, help="seconds (default: one measured ingest's wall time)")
    args = parser.parse_args()
    inputs = sample_inputs()
    with tempfile.TemporaryDirectory(prefix="kabar-crash-") as tmp:
        timing = probe(inputs, Path(tmp))
        max_delay = args.max_delay or round(max(timing.finished, MIN_DELAY + 0.1), 2)
        print(f"probe ingest: {timing}; kills after {MIN_DELAY}-{max_delay} s", flush=True)
        figures = run(inputs, Path(tmp), args.kills, args.seed, max_delay)
    figures = {
        "inputs": len(inputs),
        "batch_size": _batch_size(),
        "seed": args.seed,
        "max_delay_s": max_delay,
        "probe_ingest": {
            "store_opened_s": _round(timing.store_opened),
            "first_commit_s": _round(timing.first_commit),
            "finished_s": round(timing.finished, 2),
        },
        "kill_delays_estimated": kill_phases(timing, args.kills, args.seed, max_delay),
        **figures,
    }
    save_results("crash", figures)
    failed = figures["mismatched_rounds"] or figures["lost_articles"] or figures["duplicated_articles"]
    sys.exit(1 if failed or figures["integrity_failures"] else 0)


def _batch_size() -> int:
    default: int = inspect.signature(crash.ingest_command).parameters["batch_size"].default
    return default


def _round(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


if __name__ == "__main__":
    main()
