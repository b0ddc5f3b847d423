"""One local Ray instance per test session, shared by tests/executors and tests/bulk.

Each of those folders' conftest declares a session fixture over :func:`ray_executor_session`; the
first to run starts Ray (``num_cpus=2``) and one :class:`RayExecutor` with two actors, the other
reuses them, and the owner shuts Ray down at the end of the session. Without Ray the tests that
need it skip with the install command.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

_state: dict[str, Any] = {}


def ray_executor_session() -> Iterator[Any]:
    pytest.importorskip("ray", reason="the Ray engine needs Ray: pip install 'kabar[ray]'")
    from kabar.executors import RayExecutor

    owner = "executor" not in _state
    if owner:
        _state["executor"] = RayExecutor(workers=2)  # starts a local instance with num_cpus=2
    try:
        yield _state["executor"]
    finally:
        if owner:
            _state.pop("executor").close()
