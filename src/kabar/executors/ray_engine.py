"""The Ray executor: the same batch functions on a pool of Ray actors, local or on a cluster.

Ray is an optional dependency (``pip install 'kabar[ray]'``); this module imports it only when an
executor is made. Each actor holds one CPU, keeps the ``shared`` value it was last given (sent once
through the object store, not with every batch) and runs one batch at a time; batches go to the
least busy actor and results come back in input order.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from kabar.executors.base import BaseExecutor, BatchFn, EngineUnavailable, R, T

INSTALL_HINT = "the Ray engine needs Ray, which is not installed: pip install 'kabar[ray]'"


def import_ray() -> Any:
    """The ``ray`` module, or :class:`EngineUnavailable` with the install command."""
    try:
        import ray
    except ImportError:
        raise EngineUnavailable(INSTALL_HINT) from None
    return ray


def local_init_options(workers: int) -> dict[str, Any]:
    """``ray.init`` options for a private local instance: no dashboard, loopback only, quiet."""
    return {
        "num_cpus": max(1, workers), "include_dashboard": False, "log_to_driver": False,
        "logging_level": logging.WARNING, "configure_logging": False,
        "_node_ip_address": "127.0.0.1",
    }  # fmt: skip


def start_ray(address: str | None = None, workers: int = 2, **options: Any) -> bool:
    """Connect to ``address``, or start a local instance; ``False`` when Ray was already running."""
    ray = import_ray()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage reports leave the machine
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING, **options)
    else:
        ray.init(**{**local_init_options(workers), **options})
    return True


class BatchWorker:
    """The actor: runs batch functions with the shared value it was last sent."""

    def __init__(self) -> None:
        self.key: str | None = None
        self.shared: Any = None

    def run(self, fn: BatchFn[Any, Any], batch: list[Any], box: list[Any]) -> list[Any]:
        key, ref = box  # boxed so that Ray passes the reference instead of resolving it each time
        if key != self.key:
            self.shared = import_ray().get(ref) if ref is not None else None
            self.key = key
        return fn(batch, self.shared)


class RayExecutor(BaseExecutor):
    """Batches run on ``workers`` Ray actors (one CPU each).

    Args:
        address: a running cluster (``"auto"``, ``"ray://host:10001"``, ``"host:6379"``); ``None``
            starts a local instance with ``num_cpus=workers`` (or joins the one already started
            in this process, e.g. by a test fixture).
        workers: actors, each running one batch at a time.
        in_flight: batches queued per actor ahead of the one being yielded (bounds memory).
        init_options: extra ``ray.init`` options (a ``runtime_env`` for a remote cluster, say).

    Raises:
        EngineUnavailable: when Ray is not installed.
    """

    name = "ray"

    def __init__(
        self, address: str | None = None, workers: int = 2, *, in_flight: int = 2,
        init_options: dict[str, Any] | None = None,
    ) -> None:  # fmt: skip
        self.ray = import_ray()
        self.workers = max(1, workers)
        self.in_flight = max(1, in_flight)
        self.address = address
        self._owns_ray = start_ray(address, self.workers, **(init_options or {}))
        self._actors: list[Any] = []
        self._shared: Any = None
        self._box: list[Any] = [None, None]

    def _pool(self) -> list[Any]:
        if not self._actors:
            remote = self.ray.remote(num_cpus=1, max_restarts=2, max_task_retries=2)(BatchWorker)
            self._actors = [remote.remote() for _ in range(self.workers)]
        return self._actors

    def _boxed(self, shared: Any) -> list[Any]:
        if shared is None:
            return [None, None]
        if shared is not self._shared:
            ref = self.ray.put(shared)
            self._shared, self._box = shared, [ref.hex(), ref]
        return self._box

    def map_batches(
        self, fn: BatchFn[T, R], batches: Iterable[list[T]], *, shared: Any = None
    ) -> Iterator[list[R]]:
        actors, box = self._pool(), self._boxed(shared)
        busy: list[set[Any]] = [set() for _ in actors]
        pending: deque[Any] = deque()
        limit = len(actors) * self.in_flight
        for batch in batches:
            self._forget_finished(busy)
            slot = min(range(len(actors)), key=lambda i: len(busy[i]))
            ref = actors[slot].run.remote(fn, batch, box)
            busy[slot].add(ref)
            pending.append(ref)
            if len(pending) >= limit:
                yield self.ray.get(pending.popleft())
        while pending:
            yield self.ray.get(pending.popleft())

    def _forget_finished(self, busy: list[set[Any]]) -> None:
        running = [ref for refs in busy for ref in refs]
        if not running:
            return
        done, _ = self.ray.wait(running, num_returns=len(running), timeout=0)
        for refs in busy:
            refs.difference_update(done)

    def close(self) -> None:
        for actor in self._actors:
            self.ray.kill(actor)
        self._actors = []
        self._shared, self._box = None, [None, None]
        if self._owns_ray and self.ray.is_initialized():
            self.ray.shutdown()
        self._owns_ray = False

    def __repr__(self) -> str:
        return f"RayExecutor(address={self.address!r}, workers={self.workers})"
