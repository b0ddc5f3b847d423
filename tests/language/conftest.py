"""Shared paths for the language tests: ``../shared`` beside the repository, when present."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The shared folder; the test is skipped when it is absent."""
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent")
    return SHARED
