from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from kabar.executors import EngineUnavailable, LocalExecutor, chunked, make_executor


def scaled(batch: list[int], shared: int | None) -> list[int]:
    return [item * (shared or 1) for item in batch]


def batch_sum(batch: list[int], shared: object) -> list[int]:
    return [sum(batch)]


@pytest.mark.parametrize("workers", [1, 2])
def test_map_batches_keeps_input_order(workers: int) -> None:
    batches = [list(range(i, i + 3)) for i in range(0, 60, 3)]
    with LocalExecutor(workers) as executor:
        assert list(executor.map_batches(scaled, batches, shared=10)) == [
            [x * 10 for x in b] for b in batches
        ]
        assert executor.map(scaled, range(25), chunksize=4) == list(range(25))
        assert executor.map(batch_sum, range(10), chunksize=5) == [10, 35]


def test_a_new_shared_value_reaches_the_workers() -> None:
    with LocalExecutor(2) as executor:
        assert executor.map(scaled, [1, 2, 3], shared=2, chunksize=1) == [2, 4, 6]
        assert executor.map(scaled, [1, 2, 3], shared=3, chunksize=1) == [3, 6, 9]


def test_batches_are_read_lazily() -> None:
    pulled = []

    def source() -> Iterator[list[int]]:
        for i in range(1000):
            pulled.append(i)
            yield [i]

    with LocalExecutor(2, in_flight=2) as executor:
        results = executor.map_batches(scaled, source())
        assert next(results) == [0]
        assert len(pulled) <= 2 * 2 + 1


def test_chunked() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_unknown_engine_and_misplaced_address() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        make_executor("spark")
    with pytest.raises(ValueError, match="Ray engine"):
        make_executor("local", address="auto")


def test_ray_engine_without_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    with pytest.raises(EngineUnavailable) as failure:
        make_executor("ray", 2)
    message = str(failure.value)
    assert "\n" not in message
    assert "pip install 'kabar[ray]'" in message


def test_kabar_imports_without_ray() -> None:
    code = (
        "import sys; sys.modules['ray'] = None\n"
        "import kabar.pipeline, kabar.executors, kabar.bulk, kabar.cli\n"
        "from kabar.executors import ray_available; assert not ray_available()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
