"""Read-only access to a kabar store for the server: one connection per thread, time budgets.

The server never writes: every connection is opened ``mode=ro`` with ``query_only`` on, so an
ingest can run beside it (WAL). Each worker thread keeps its own connection; a streamed export
takes a connection of its own for as long as it streams. Aggregates that scan the whole store
(outlet and actor lists) are cached per *generation*, which changes whenever articles are added.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

T = TypeVar("T")

GENERATION_CHECK_SECONDS = 5.0
CACHE_ENTRIES = 256


class QueryTimeout(Exception):
    """A query ran past its time budget."""


class Database:
    """The store file, opened read-only, shared by all requests of one server process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}")
        self._local = threading.local()
        self._cache: dict[str, tuple[int, float, Any]] = {}  # key: (generation, computed at, value)
        self._generation = (-1, 0.0)
        self._lock = threading.Lock()

    def connect(self) -> sqlite3.Connection:
        """A new read-only connection (the caller closes it)."""
        uri = f"file:{quote(str(self.path))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        # Pages come through a shared memory map (up to 2 GB of the file); each of the many thread
        # connections keeps only a small private cache for what lies beyond it.
        conn.execute("PRAGMA mmap_size = 2147418112")
        conn.execute("PRAGMA cache_size = -8000")
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.connect()
        return conn

    @contextmanager
    def dedicated(self) -> Iterator[sqlite3.Connection]:
        """A connection of its own, for a cursor that outlives one request handler (exports)."""
        conn = self.connect()
        try:
            yield conn
        finally:
            conn.close()

    def has_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return row.fetchone() is not None

    def generation(self) -> int:
        """A number that changes when articles are added or replaced (checked every few seconds)."""
        value, checked = self._generation
        now = time.monotonic()
        if now - checked > GENERATION_CHECK_SECONDS:
            row = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()
            value = int(row[0])
            self._generation = (value, now)
        return value

    def cached(self, key: str, compute: Callable[[], T], max_age: float = 0.0) -> T:
        """``compute()``, remembered until the store's generation changes; with ``max_age``, kept
        that many seconds even when it does (for aggregates too costly to redo on every ingest batch).
        """
        generation, now = self.generation(), time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and (hit[0] == generation or now - hit[1] < max_age):
            return hit[2]
        value = compute()
        with self._lock:
            if len(self._cache) >= CACHE_ENTRIES:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = (generation, now, value)
        return value


@contextmanager
def budget(conn: sqlite3.Connection, seconds: float | None) -> Iterator[None]:
    """Abort the statements run inside after ``seconds`` with :class:`QueryTimeout`."""
    if seconds is None:
        yield
        return
    deadline = time.perf_counter() + seconds
    conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"the query took longer than {seconds:g} s") from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
