"""The duplicate index: exact and near-duplicate detection with lineage.

A corpus-level stage: it sees the articles of a corpus one after another and keeps an index of
everything it has seen, so each new article is compared with the whole store at a cost that does
not grow with it (one hash lookup, one LSH probe of a few dozen band keys, a check of the few
candidates found).

1. **Exact copies** share the hash of their normalised body (case, punctuation and spacing
   ignored). Titles are not part of it: a copy under another headline is still a copy.
2. **Near copies** (wire copies with a dropped or added sentence, page furniture, a few words
   changed) are found with MinHash over word 3-shingles (datasketch) and banded LSH. A candidate is
   a copy when the estimated Jaccard similarity reaches :data:`NEAR_THRESHOLD` *and* the two texts
   give no different facts in the same place (:func:`kabar.dedup.text.fact_conflicts`), which keeps
   same-template reports of different days (daily gold prices) apart.
3. **Lineage.** Copies form a group whose *original* is the earliest by ``pub_date`` (undated last,
   ties to the first seen). When an earlier copy arrives later, the returned match lists the ids
   that now point to it (:attr:`DuplicateMatch.relinked`).

All state lives in ``dedup_*`` tables (:func:`schema_sql`) of the given ``sqlite3`` connection and is
read and written row by row as articles are added; ``conn=None`` uses a private in-memory database.
The index never commits: the caller commits with its own rows, so both stay consistent.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import MinHash

from kabar.dedup.dates import day_number
from kabar.dedup.text import FactMap, fact_conflicts, fact_map, shingles, text_hash, words
from kabar.model import Article
from kabar.store.schema import execute_script

MatchKind = Literal["exact", "near"]

NUM_PERM = 128
BANDS, ROWS = 32, 4  # a pair at Jaccard 0.7 is a candidate with probability 0.9998
SHINGLE = 3
NEAR_THRESHOLD = 0.7
"""Estimated Jaccard similarity of word 3-shingles from which a candidate is a near copy."""
SEED = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS dedup_docs (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    pub_date TEXT,
    day REAL,
    outlet TEXT,
    syndicated_from TEXT,
    grp INTEGER NOT NULL,
    matched INTEGER,
    similarity REAL,
    kind TEXT,
    signature BLOB,
    facts TEXT
);
CREATE INDEX IF NOT EXISTS dedup_docs_hash ON dedup_docs(hash);
CREATE INDEX IF NOT EXISTS dedup_docs_grp ON dedup_docs(grp);
CREATE TABLE IF NOT EXISTS dedup_groups (grp INTEGER PRIMARY KEY, original INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dedup_bands (
    key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)
) WITHOUT ROWID;
"""


def schema_sql() -> str:
    """The ``dedup_*`` tables and indexes (``CREATE ... IF NOT EXISTS``, safe to run again)."""
    return SCHEMA


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the ``dedup_*`` tables inside the caller's transaction, if missing."""
    execute_script(conn, SCHEMA)


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """What :meth:`DuplicateIndex.add` found for an article that has copies in the store.

    Attributes:
        article: id of the article added.
        original: id of its group's original after the addition (the article itself when it is
            the earliest copy).
        matched: id of the stored document it matched.
        similarity: estimated Jaccard similarity to ``matched`` (1.0 for an exact copy).
        kind: ``"exact"`` (same normalised body) or ``"near"``.
        syndicated_from: the syndication source named by any copy of the group, if any.
        relinked: ids whose original changed to this article (a lineage update), else empty.
    """

    article: str
    original: str
    matched: str
    similarity: float
    kind: MatchKind
    syndicated_from: str | None = None
    relinked: tuple[str, ...] = ()

    @property
    def duplicate_of(self) -> str | None:
        """The value for ``Article.duplicate_of``: the original, or ``None`` if this is it."""
        return None if self.original == self.article else self.original


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """An original and its copies, earliest first."""

    original: str
    members: tuple[str, ...]
    syndicated_from: str | None


@dataclass(slots=True)
class _Doc:
    seq: int
    id: str
    day: float | None
    grp: int


class DuplicateIndex:
    """Exact and near-duplicate detection over a growing corpus, with lineage.

    Args:
        conn: a ``sqlite3`` connection to keep the index in (tables are created if missing);
            ``None`` keeps it in a private in-memory database.
        threshold: the estimated Jaccard similarity from which a candidate is a near copy.

    Example:
        >>> index = DuplicateIndex()
        >>> first = Article(id="a", origin="-", hash="", text="Harga beras naik lagi hari ini.")
        >>> index.add(first) is None
        True
        >>> copy = Article(id="b", origin="-", hash="", text="HARGA BERAS NAIK LAGI, HARI INI!")
        >>> index.add(copy).duplicate_of
        'a'
    """

    def __init__(self, conn: sqlite3.Connection | None = None, threshold: float = NEAR_THRESHOLD) -> None:
        self.conn = conn if conn is not None else sqlite3.connect(":memory:")
        self.threshold = threshold
        self._permutations = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
        create_tables(self.conn)

    def add(self, article: Article) -> DuplicateMatch | None:
        """Index ``article`` and return the copy it is of, or ``None`` when it is new.

        Adding an id already indexed changes nothing and returns its current state.
        """
        if self._doc(article.id) is not None:
            return self.match(article.id)
        normal = words(article.text)
        if not normal:
            return None
        digest = text_hash(article.text)
        exact = self._exact(digest)
        if exact is not None:
            seq = self._insert(article, digest, exact, 1.0, "exact", None, None)
            return self._lineage(seq, article.id)
        signature = self._signature(normal)
        facts = fact_map(normal)
        near, similarity = self._nearest(signature, facts)
        seq = self._insert(article, digest, near, similarity, "near", signature, facts)
        self._add_bands(seq, signature)
        return self._lineage(seq, article.id) if near is not None else None

    def match(self, doc_id: str) -> DuplicateMatch | None:
        """The current state of an indexed document: its match, or ``None`` if it has no copies."""
        row = self.conn.execute(
            "SELECT d.seq, d.grp, m.id, d.similarity, d.kind FROM dedup_docs d "
            "LEFT JOIN dedup_docs m ON m.seq = d.matched WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        seq, _, matched, similarity, kind = row
        group = self.group(doc_id)
        if group is None or len(group.members) < 2:
            return None
        if matched is None:  # the first of its group: report the copy that matched it
            matched, similarity, kind = self._first_copy(seq)
        return DuplicateMatch(doc_id, group.original, matched, similarity, kind, group.syndicated_from)

    def group(self, doc_id: str) -> DuplicateGroup | None:
        """The duplicate group of an indexed document (its original and every copy)."""
        doc = self._doc(doc_id)
        if doc is None:
            return None
        members = self._members(doc.grp)
        sources = [s for (s,) in self.conn.execute(
            "SELECT syndicated_from FROM dedup_docs WHERE grp = ? AND syndicated_from IS NOT NULL "
            "ORDER BY seq", (doc.grp,))]  # fmt: skip
        return DuplicateGroup(members[0].id, tuple(m.id for m in members), sources[0] if sources else None)

    def original_of(self, doc_id: str) -> str | None:
        """The id of the original of an indexed document (itself when it is the original)."""
        group = self.group(doc_id)
        return group.original if group is not None else None

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM dedup_docs").fetchone()[0])

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self._doc(doc_id) is not None

    # -- matching -------------------------------------------------------------------------------

    def _exact(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT seq FROM dedup_docs WHERE hash = ? LIMIT 1", (digest,)).fetchone()
        return int(row[0]) if row else None

    def _signature(self, tokens: list[str]) -> np.ndarray:
        minhash = MinHash(num_perm=NUM_PERM, permutations=self._permutations, scheme="affine32")
        minhash.update_batch(list(shingles(tokens, SHINGLE)))
        return np.asarray(minhash.hashvalues)

    def _nearest(self, signature: np.ndarray, facts: FactMap) -> tuple[int | None, float | None]:
        """The most similar stored document that passes both tests, with its similarity."""
        best: tuple[int | None, float | None] = (None, None)
        for seq, blob, facts_json in self._candidates(signature):
            similarity = float(np.mean(np.frombuffer(blob, dtype=signature.dtype) == signature))
            if similarity < self.threshold or (best[1] is not None and similarity <= best[1]):
                continue
            if fact_conflicts(facts, json.loads(facts_json)) == 0:
                best = (seq, similarity)
        return best

    def _candidates(self, signature: np.ndarray) -> list[tuple[int, bytes, str]]:
        keys = band_keys(signature)
        marks = ",".join("?" * len(keys))
        return self.conn.execute(
            "SELECT seq, signature, facts FROM dedup_docs WHERE seq IN "
            f"(SELECT DISTINCT seq FROM dedup_bands WHERE key IN ({marks}))",
            keys,
        ).fetchall()

    # -- rows -----------------------------------------------------------------------------------

    def _insert(
        self, article: Article, digest: str, matched: int | None, similarity: float | None,
        kind: MatchKind, signature: np.ndarray | None, facts: FactMap | None,
    ) -> int:  # fmt: skip
        grp = self._grp(matched) if matched is not None else None
        cursor = self.conn.execute(
            "INSERT INTO dedup_docs (id, hash, pub_date, day, outlet, syndicated_from, grp, matched, "
            "similarity, kind, signature, facts) VALUES (?, ?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?)",
            (
                article.id, digest, article.pub_date, day_number(article.pub_date), article.outlet,
                article.syndicated_from, matched, similarity if matched is not None else None,
                kind if matched is not None else None,
                signature.tobytes() if signature is not None else None,
                json.dumps(facts, ensure_ascii=False, separators=(",", ":")) if facts is not None else None,
            ),
        )  # fmt: skip
        seq = int(cursor.lastrowid or 0)
        if grp is None:
            grp = seq
            self.conn.execute("INSERT INTO dedup_groups (grp, original) VALUES (?, ?)", (seq, seq))
        self.conn.execute("UPDATE dedup_docs SET grp = ? WHERE seq = ?", (grp, seq))
        return seq

    def _add_bands(self, seq: int, signature: np.ndarray) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO dedup_bands (key, seq) VALUES (?, ?)",
            [(key, seq) for key in band_keys(signature)],
        )

    def _lineage(self, seq: int, doc_id: str) -> DuplicateMatch | None:
        """Make the new document the original when it is the earliest copy; report the match."""
        grp = self._grp(seq)
        original = self._original(grp)
        new = self._doc(doc_id)
        assert new is not None
        relinked: tuple[str, ...] = ()
        if _order(new) < _order(original):
            self.conn.execute("UPDATE dedup_groups SET original = ? WHERE grp = ?", (seq, grp))
            relinked = tuple(m.id for m in self._members(grp) if m.seq != seq)
        match = self.match(doc_id)
        return _with_relinked(match, relinked)

    def _first_copy(self, seq: int) -> tuple[str, float, MatchKind]:
        row = self.conn.execute(
            "SELECT id, similarity, kind FROM dedup_docs WHERE matched = ? ORDER BY seq LIMIT 1", (seq,)
        ).fetchone()
        if row is None:  # matched only through another copy: report the group's first copy
            row = self.conn.execute(
                "SELECT id, similarity, kind FROM dedup_docs WHERE grp = (SELECT grp FROM dedup_docs "
                "WHERE seq = ?) AND matched IS NOT NULL ORDER BY seq LIMIT 1",
                (seq,),
            ).fetchone()
        return str(row[0]), float(row[1]), row[2]

    def _doc(self, doc_id: str) -> _Doc | None:
        row = self.conn.execute("SELECT seq, id, day, grp FROM dedup_docs WHERE id = ?", (doc_id,)).fetchone()
        return _Doc(*row) if row else None

    def _grp(self, seq: int) -> int:
        return int(self.conn.execute("SELECT grp FROM dedup_docs WHERE seq = ?", (seq,)).fetchone()[0])

    def _original(self, grp: int) -> _Doc:
        row = self.conn.execute(
            "SELECT d.seq, d.id, d.day, d.grp FROM dedup_groups g JOIN dedup_docs d ON d.seq = g.original "
            "WHERE g.grp = ?",
            (grp,),
        ).fetchone()
        return _Doc(*row)

    def _members(self, grp: int) -> list[_Doc]:
        """The group's documents, original first, then the copies in lineage order."""
        original = self._original(grp)
        rows = self.conn.execute("SELECT seq, id, day, grp FROM dedup_docs WHERE grp = ?", (grp,))
        others = sorted((_Doc(*row) for row in rows if row[0] != original.seq), key=_order)
        return [original, *others]


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (the band number is hashed in, so keys never collide)."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def _order(doc: _Doc) -> tuple[bool, float, int]:
    """Lineage order: earliest publication first, undated last, ties to the first seen."""
    return (doc.day is None, doc.day or 0.0, doc.seq)


def _with_relinked(match: DuplicateMatch | None, relinked: Iterable[str]) -> DuplicateMatch | None:
    if match is None:
        return None
    return DuplicateMatch(
        match.article, match.original, match.matched, match.similarity, match.kind,
        match.syndicated_from, tuple(relinked),
    )  # fmt: skip
