"""Fixtures for the duplicate-index tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kabar.model import Article

SHARED = Path(os.environ.get("KABAR_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))


@pytest.fixture
def make() -> Callable[..., Article]:
    def make_article(
        article_id: str, text: str, pub_date: str | None = "2024-02-20", **fields: object
    ) -> Article:
        return Article(id=article_id, origin="test", hash="", text=text, pub_date=pub_date, **fields)  # type: ignore[arg-type]

    return make_article


@pytest.fixture
def shared() -> Path:
    """``../shared`` beside the repository; the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED
