"""Fixtures for the serving tests: a small hand-written store, a bulk store, and their clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kabar.serve import create_app
from tests.serve.corpus import build_bulk_store, build_indexed_store, build_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "kabar.db")


@pytest.fixture(scope="session")
def bulk_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bulk_store(tmp_path_factory.mktemp("bulk") / "bulk.db")


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store whose story, event and quote indexes ran (the ``story_*``, ``event_*``, ``quote_*`` tables)."""
    path = build_indexed_store(tmp_path_factory.mktemp("indexed") / "indexed.db")
    with TestClient(create_app(path)) as c:
        yield c


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as c:
        yield c


@pytest.fixture(scope="session")
def bulk(bulk_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(bulk_path)) as c:
        yield c


HTML = {"accept": "text/html"}


def assert_error(response: object, status: int) -> dict[str, object]:
    """The one error shape: ok false, a message, a list of errors, the status repeated."""
    body = response.json()  # type: ignore[attr-defined]
    assert response.status_code == status, body  # type: ignore[attr-defined]
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"]
    return body  # type: ignore[no-any-return]
