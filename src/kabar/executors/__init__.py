"""Executors: where the document-level stages (and the corpus stages' parallel parts) run.

The stage functions are the same everywhere; an executor only decides where batches run.

* :class:`LocalExecutor` (the default): inline with ``workers=1``, else a pool of spawned processes.
* :class:`RayExecutor`: Ray actors on a local Ray instance or an existing cluster
  (``pip install 'kabar[ray]'``; without Ray, asking for it raises :class:`EngineUnavailable`
  with the install command, and nothing else in kabar needs Ray).

Both implement :class:`Executor`: ``map_batches(fn, batches, shared=None)`` yields
``fn(batch, shared)`` for each batch in input order, with a bounded number of batches in flight;
``map(fn, items, shared=None, chunksize=4)`` is the flattened per-item form.
"""

from __future__ import annotations

from typing import Any

from kabar.executors.base import BaseExecutor, BatchFn, EngineUnavailable, Executor, chunked
from kabar.executors.local import LocalExecutor
from kabar.executors.ray_engine import RayExecutor  # imports ray only when one is made

__all__ = [
    "ENGINES", "BaseExecutor", "BatchFn", "EngineUnavailable", "Executor", "LocalExecutor",
    "RayExecutor", "chunked", "make_executor", "ray_available",
]  # fmt: skip

ENGINES = ("local", "ray")


def make_executor(
    engine: str = "local", workers: int = 1, *, address: str | None = None, **options: Any
) -> Executor:
    """The executor for an engine name (``local`` or ``ray``).

    Raises:
        EngineUnavailable: ``ray`` asked for without Ray installed.
        ValueError: an unknown engine name.
    """
    if engine == "local":
        if address:
            raise ValueError("--address is for the Ray engine")
        return LocalExecutor(workers, **options)
    if engine == "ray":
        return RayExecutor(address, workers, **options)
    raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def ray_available() -> bool:
    """Whether the Ray engine can be used here."""
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True
