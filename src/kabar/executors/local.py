"""The local executor: inline with one worker, a pool of spawned processes with more."""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kabar.executors.base import BaseExecutor, BatchFn, R, T

_cached: tuple[str | None, Any] = (None, None)


def _call(fn: BatchFn[Any, Any], batch: list[Any], token: str | None, path: str | None) -> list[Any]:
    """Run ``fn`` in a worker with the shared value named by ``token`` (read from ``path`` once)."""
    global _cached
    if token is None:
        return fn(batch, None)
    if _cached[0] != token:
        _cached = (token, pickle.loads(Path(path or "").read_bytes()))
    return fn(batch, _cached[1])


class LocalExecutor(BaseExecutor):
    """Batches run inline (``workers=1``) or in ``workers`` spawned processes.

    Args:
        workers: processes; 1 runs every batch in the calling process.
        in_flight: batches queued per worker ahead of the one being yielded (bounds memory).

    The pool starts on first use and lives until :meth:`close`. ``shared`` is pickled once to a
    private temporary file; each process reads it on its first batch and keeps it while the same
    object is passed again.
    """

    name = "local"

    def __init__(self, workers: int = 1, *, in_flight: int = 2) -> None:
        self.workers = max(1, workers)
        self.in_flight = max(1, in_flight)
        self._pool: Any = None
        self._shared: Any = None
        self._token: str | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def map_batches(
        self, fn: BatchFn[T, R], batches: Iterable[list[T]], *, shared: Any = None
    ) -> Iterator[list[R]]:
        if self.workers == 1:
            return (fn(batch, shared) for batch in batches)
        return self._pooled(fn, batches, shared)

    def _pooled(self, fn: BatchFn[T, R], batches: Iterable[list[T]], shared: Any) -> Iterator[list[R]]:
        pool, token, path = self._start(), *self._publish(shared)
        pending: deque[Any] = deque()
        limit = self.workers * self.in_flight
        for batch in batches:
            pending.append(pool.apply_async(_call, (fn, batch, token, path)))
            if len(pending) >= limit:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def _start(self) -> Any:
        if self._pool is None:
            self._pool = multiprocessing.get_context("spawn").Pool(self.workers)
        return self._pool

    def _publish(self, shared: Any) -> tuple[str | None, str | None]:
        """A token and file for ``shared`` (written once per distinct object)."""
        if shared is None:
            return None, None
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="kabar-shared-")
        if shared is not self._shared:
            self._shared, self._token = shared, uuid.uuid4().hex
            (Path(self._tmp.name) / self._token).write_bytes(pickle.dumps(shared, pickle.HIGHEST_PROTOCOL))
        return self._token, str(Path(self._tmp.name) / str(self._token))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._shared = self._token = None

    def __repr__(self) -> str:
        return f"LocalExecutor(workers={self.workers})"
