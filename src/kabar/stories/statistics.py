"""The document frequencies of every view, kept in a base table plus a log of changes.

Each :meth:`TermStatistics.write` appends one row holding the current counts of the terms changed
since the previous one (a few milliseconds for hundreds of documents); every :data:`MERGE_EVERY`
rows, or on :meth:`TermStatistics.merge`, the changed terms are written into ``story_df`` and the
log is cleared.
Opening reads the base table and replays the log, so no write is ever lost between merges.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from kabar.stories import store
from kabar.stories.vectors import DocumentFrequency

MERGE_EVERY = 16


class TermStatistics:
    """One :class:`DocumentFrequency` per view, loaded from and written to the ``story_df*`` tables."""

    def __init__(self, conn: sqlite3.Connection, views: Iterable[str]) -> None:
        self.conn = conn
        tables = store.read_df(conn)
        docs = store.read_meta(conn).get("docs", {})
        self.views = {v: DocumentFrequency(tables.get(v, {}), docs.get(v, 0)) for v in views}
        self.unmerged: dict[str, set[str]] = {v: set() for v in self.views}
        self.logs = 0
        for entry in store.read_df_log(conn):
            self._replay(store.decode_state(entry))

    def __getitem__(self, view: str) -> DocumentFrequency:
        return self.views[view]

    def write(self) -> None:
        """Log the counts changed since the last write; merge when the log is long."""
        counts = {v: df.take_dirty() for v, df in self.views.items()}
        if any(counts.values()):
            docs = {v: df.docs for v, df in self.views.items()}
            store.append_df_log(self.conn, store.encode_state({"docs": docs, "counts": counts}))
            self.logs += 1
            for view, changed in counts.items():
                self.unmerged[view].update(changed)
        if self.logs >= MERGE_EVERY:
            self.merge()

    def merge(self) -> None:
        """Write every term changed since the last merge into ``story_df`` and clear the log."""
        self.write_pending()
        rows = ((v, t, self.views[v].df[t]) for v, terms in self.unmerged.items() for t in terms)
        store.write_df(self.conn, rows)
        store.write_meta(self.conn, {"docs": {v: df.docs for v, df in self.views.items()}})
        store.clear_df_log(self.conn)
        self.unmerged = {v: set() for v in self.views}
        self.logs = 0

    def write_pending(self) -> None:
        for view, df in self.views.items():
            self.unmerged[view].update(df.take_dirty())

    def _replay(self, entry: dict[str, Any]) -> None:
        """Apply one log row: the counts it holds, and the document totals at that point."""
        counts_by_view: dict[str, dict[str, int]] = entry["counts"]
        for view, counts in counts_by_view.items():
            if view in self.views:
                df = self.views[view].df
                for term, count in counts.items():
                    df[term] = count
                self.unmerged[view].update(counts)
        for view, docs in entry["docs"].items():
            if view in self.views:
                self.views[view].set_docs(int(docs))
        self.logs += 1
