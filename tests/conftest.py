"""Shared fixtures. Data under ../shared/ is read in place; tests that need it skip without it."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from kabar.store.schema import execute_script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or a clean skip when that data is not on this machine."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)}")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kabar.db"


def schema_tables(sql: str) -> tuple[set[str], list[str]]:
    """A corpus stage's schema run twice on a fresh database (it must be rerunnable): the tables it
    made and the names its ``IF NOT EXISTS`` clauses create."""
    conn = sqlite3.connect(":memory:")
    for _ in range(2):
        execute_script(conn, sql)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return tables, re.findall(r"EXISTS (\w+)", sql)
