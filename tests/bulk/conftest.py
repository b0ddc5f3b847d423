from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.executors.ray_support import ray_executor_session


@pytest.fixture(scope="session")
def ray_executor() -> Iterator[Any]:
    yield from ray_executor_session()
