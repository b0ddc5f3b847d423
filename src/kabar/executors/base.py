"""What every executor offers: ordered, bounded, batch-wise map of a picklable function."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

BatchFn = Callable[[list[T], Any], list[R]]
"""A batch function: ``fn(batch, shared) -> results``, one result per item or one per batch.

It must be importable by name (a module-level function) so worker processes can unpickle it.
``shared`` is the value given to :meth:`Executor.map_batches` (``None`` when none was given).
"""


class EngineUnavailable(RuntimeError):
    """An engine was asked for that this installation cannot provide (the message says how to fix it)."""


class Executor(Protocol):
    """Runs a batch function over batches, in worker processes or inline, results in input order."""

    name: str
    workers: int

    def map_batches(
        self, fn: BatchFn[T, R], batches: Iterable[list[T]], *, shared: Any = None
    ) -> Iterator[list[R]]:
        """``fn(batch, shared)`` for every batch, yielded in input order.

        Batches are read lazily and only a bounded number are in flight, so an endless stream of
        batches runs in bounded memory. ``shared`` is sent to each worker once, not with every batch.
        """
        ...

    def map(
        self, fn: BatchFn[T, R], items: Iterable[T], *, shared: Any = None, chunksize: int = 4
    ) -> list[R]:
        """``fn`` over ``items`` cut into chunks of ``chunksize``; the results flattened, in order."""
        ...

    def close(self) -> None:
        """Stop the workers this executor started."""
        ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


class BaseExecutor:
    """The parts every executor shares: :meth:`map` over :meth:`map_batches`, context management."""

    name = "base"
    workers = 1

    def map_batches(
        self, fn: BatchFn[T, R], batches: Iterable[list[T]], *, shared: Any = None
    ) -> Iterator[list[R]]:
        raise NotImplementedError

    def map(
        self, fn: BatchFn[T, R], items: Iterable[T], *, shared: Any = None, chunksize: int = 4
    ) -> list[R]:
        results: list[R] = []
        for part in self.map_batches(fn, chunked(items, chunksize), shared=shared):
            results.extend(part)
        return results

    def close(self) -> None:
        return None

    def __enter__(self) -> BaseExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk
