"""The Ray executor against the local one: same functions, same records (Ray in local mode)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from kabar.bulk.documents import process_sources
from kabar.executors import LocalExecutor
from kabar.ingest import read_inputs
from kabar.model import SourceDocument, to_dict
from kabar.pipeline import learn_boilerplate, process_document
from kabar.sample import sample_inputs
from tests.conftest import shared_path


def offset(batch: list[int], shared: int | None) -> list[int]:
    return [item + (shared or 0) for item in batch]


@pytest.fixture(scope="module", autouse=True)
def _pickle_this_module_by_value() -> None:
    ray = pytest.importorskip("ray")
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # Ray workers cannot import tests/


def test_order_and_shared_values(ray_executor: Any) -> None:
    batches = [[i, i + 1] for i in range(0, 40, 2)]
    assert list(ray_executor.map_batches(offset, batches, shared=100)) == [
        [x + 100 for x in b] for b in batches
    ]
    assert ray_executor.map(offset, range(9), shared=1, chunksize=2) == list(range(1, 10))
    assert ray_executor.map(offset, range(3)) == [0, 1, 2]


def _records(ray_executor: Any, inputs: list[Path]) -> None:
    sources = [item for item in read_inputs(inputs) if isinstance(item, SourceDocument)]
    boilerplate = learn_boilerplate(sources)
    with LocalExecutor() as local:  # the default local executor (a pool is compared in tests/bulk)
        expected = [to_dict(a) for a in local.map(process_sources, sources, shared=boilerplate)]
    on_ray = [to_dict(a) for a in ray_executor.map(process_sources, sources, shared=boilerplate)]
    assert len(on_ray) == len(sources)
    assert on_ray == expected
    inline = _inline(sources, boilerplate)
    if inline is not None:  # the document stages run (else each article says why they failed)
        assert expected == inline


def _inline(sources: list[SourceDocument], boilerplate: Any) -> list[dict[str, Any]] | None:
    try:
        return [to_dict(process_document(source, boilerplate)) for source in sources]
    except Exception:
        return None


def test_sample_corpus_same_records(ray_executor: Any) -> None:
    _records(ray_executor, sample_inputs())


def test_seeds_same_records(ray_executor: Any) -> None:
    _records(ray_executor, sorted(shared_path("seeds").glob("*.txt")))
