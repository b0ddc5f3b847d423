"""Serving: a read-only REST API and web UI over a kabar store.

``create_app(db_path, token=None)`` builds the FastAPI application; ``run(db_path, host, port, token)``
serves it with uvicorn (``kabar serve``). API under ``/api`` (JSON, paginated, every list also as
CSV/JSONL), server-rendered pages beside it (each also as JSON), OpenAPI at ``/openapi.json`` and
``/docs``. See :mod:`kabar.serve.app`.
"""

from __future__ import annotations

from kabar.serve.app import ServeError, create_app, run

__all__ = ["ServeError", "create_app", "run"]
