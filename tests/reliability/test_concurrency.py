"""Readers during an ingest, and two ingests on one store at once."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from kabar.sample import sample_inputs
from kabar.store import Store
from tests.reliability.crash import fingerprint, ingest_command, run_to_completion


@pytest.mark.slow
def test_readers_are_not_blocked_by_an_ingest(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    Store(db).close()  # schema in place before readers start
    writer = subprocess.Popen(ingest_command(sample_inputs(), db), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)  # fmt: skip
    slowest, reads = 0.0, 0
    with Store(db) as reader:
        while writer.poll() is None:
            started = time.perf_counter()
            reader.search("Kim OR Putin OR banjir", limit=50)
            reader.stats()
            slowest = max(slowest, time.perf_counter() - started)
            reads += 1
    assert writer.wait() == 0
    assert reads > 0
    assert slowest < 2.0  # WAL: readers never wait for the writer's transaction


@pytest.mark.slow
def test_two_ingests_at_once_serialise_safely(tmp_path: Path) -> None:
    inputs = sample_inputs()
    run_to_completion(inputs, tmp_path / "clean.db")
    db = tmp_path / "both.db"
    first = subprocess.Popen(ingest_command(inputs, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = subprocess.Popen(ingest_command(inputs, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert first.wait(timeout=600) == 0, first.stderr.read() if first.stderr else ""
    assert second.wait(timeout=600) == 0, second.stderr.read() if second.stderr else ""
    got, expected = fingerprint(db), fingerprint(tmp_path / "clean.db")
    assert got["ids"] == expected["ids"]
    assert got["duplicate_hashes"] == 0 and got["integrity"] == "ok"
