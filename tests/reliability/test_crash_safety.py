"""Crash safety: an ingest killed with SIGKILL loses nothing and duplicates nothing once rerun."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.sample import sample_inputs
from tests.reliability.crash import kill_and_rerun


@pytest.mark.slow
def test_sigkill_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    report = kill_and_rerun(sample_inputs(), tmp_path, kills=3, seed=7, max_delay=4.0)
    assert report.mismatches == []
    assert report.kills == 3
