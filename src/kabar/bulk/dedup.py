"""MinHash dedup as band-bucket grouping, with the in-process index's results.

The in-process :class:`kabar.dedup.DuplicateIndex` takes documents in input order: a document whose
normalised text hash was seen is an exact copy of the first with that hash; otherwise it is a near
copy of the most similar earlier document sharing an LSH band that reaches the threshold without a
fact conflict; a copy joins its match's group, whose original is the earliest by date. Here the
same decisions are made in parallel steps, with ``seq`` (shard ordinal, row) as the input order:

1. **signatures** (map, per shard): normalised hash, MinHash signature (kabar.dedup's shingles,
   permutations, seed and band keys), fact map and day of every document with words; hashes and
   band keys spilled by partition, signatures kept per shard for random access;
2. **exact** (reduce, per hash partition): within a hash, every document after the first is an
   exact copy of the first; exact copies take no part in the LSH (as in the index);
3. **bands** (reduce, per band partition): documents sharing a band key give candidate pairs
   (later, earlier), spilled by the later document;
4. **verify** (reduce, per document partition): each document's candidates in input order, the
   best similarity that passes the fact test (ties to the earliest), as the index decides;
5. **groups** (driver): every copy points at an earlier document, so a pass in input order finds
   each group's root (union-find); the group's original is its earliest document by date.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from datasketch import MinHash

from kabar.bulk.layout import table_path, work_dir, write_table
from kabar.bulk.spill import hash_partition, read_partition, spill
from kabar.dedup import NEAR_THRESHOLD, text_hash
from kabar.dedup.dates import day_number
from kabar.dedup.index import NUM_PERM, SEED, SHINGLE, band_keys
from kabar.dedup.text import fact_conflicts, fact_map, shingles, words
from kabar.executors import Executor

SHARD_BITS = 32
DIGESTS = pa.schema(
    [("part", pa.uint64()), ("digest", pa.string()), ("seq", pa.int64()), ("day", pa.float64())]
)
BANDS = pa.schema([("key", pa.int64()), ("seq", pa.int64())])
PAIRS = pa.schema([("later", pa.int64()), ("earlier", pa.int64())])
DOCS = pa.schema([("row", pa.int64()), ("day", pa.float64()), ("facts", pa.string())])


@dataclass(frozen=True, slots=True)
class Job:
    """One map or reduce task: the dataset, the shard (map) or partition (reduce), the layout."""

    root: str
    keys: tuple[str, ...]  # shard keys by ordinal
    partitions: int
    index: int  # shard ordinal (map) or partition (reduce)


def seq_of(ordinal: int, row: int) -> int:
    return (ordinal << SHARD_BITS) | row


def split_seq(seq: int) -> tuple[int, int]:
    return seq >> SHARD_BITS, seq & ((1 << SHARD_BITS) - 1)


# -- 1. signatures -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _permutations() -> Any:
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def signature(tokens: list[str]) -> np.ndarray:
    """The MinHash signature of a token list, as :class:`kabar.dedup.DuplicateIndex` computes it."""
    minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme="affine32")
    minhash.update_batch(list(shingles(tokens, SHINGLE)))
    return np.asarray(minhash.hashvalues)


def sign_shards(jobs: list[Job], _: object = None) -> list[int]:
    """Map: signatures, hashes and band keys of each shard's documents; returns documents signed."""
    return [sign_shard(job) for job in jobs]


def sign_shard(job: Job) -> int:
    root, key = Path(job.root), job.keys[job.index]
    table = pq.read_table(table_path(root, "articles", key), columns=["row", "text", "pub_date"])
    rows, days, facts, sigs, digests, seqs = [], [], [], [], [], []
    for row, text, pub_date in zip(*(table[c].to_pylist() for c in ("row", "text", "pub_date")), strict=True):
        tokens = words(text or "")
        if not tokens:
            continue
        day = day_number(pub_date)
        rows.append(row)
        days.append(math.nan if day is None else day)
        facts.append(json.dumps(fact_map(tokens), ensure_ascii=False, separators=(",", ":")))
        sigs.append(signature(tokens))
        digests.append(text_hash(text))
        seqs.append(seq_of(job.index, row))
    _write_docs(root, key, rows, days, facts, sigs)
    _spill_keys(job, digests, seqs, days, sigs)
    return len(rows)


def _write_docs(
    root: Path, key: str, rows: list[int], days: list[float], facts: list[str], sigs: list[Any]
) -> None:
    folder = work_dir(root, "dedup", "docs")
    folder.mkdir(parents=True, exist_ok=True)
    write_table(folder / f"{key}.parquet", pa.table({"row": rows, "day": days, "facts": facts}, schema=DOCS))
    matrix = np.stack(sigs) if sigs else np.zeros((0, NUM_PERM), dtype=np.uint64)
    np.save(folder / f"{key}.npy", matrix)


def _spill_keys(job: Job, digests: list[str], seqs: list[int], days: list[float], sigs: list[Any]) -> None:
    root, key = Path(job.root), job.keys[job.index]
    heads = np.array([int(d[:16], 16) for d in digests], dtype=np.uint64)
    table = pa.table({"part": heads, "digest": digests, "seq": seqs, "day": days}, schema=DIGESTS)
    spill(root, "dedup-exact", key, table, hash_partition(heads, job.partitions), job.partitions)
    band_rows = [(band, seq) for seq, sig in zip(seqs, sigs, strict=True) for band in band_keys(sig)]
    bands = np.array(band_rows, dtype=np.int64).reshape(-1, 2)
    table = pa.table({"key": bands[:, 0], "seq": bands[:, 1]}, schema=BANDS)
    spill(root, "dedup-bands", key, table, hash_partition(bands[:, 0].view(np.uint64), job.partitions),
          job.partitions)  # fmt: skip


# -- 2. exact copies ---------------------------------------------------------------------------


def exact_copies(jobs: list[Job], _: object = None) -> list[list[tuple[int, int, float, float]]]:
    """Reduce: ``(copy, first, copy's day, first's day)`` for every exact copy of a partition."""
    return [_exact(job) for job in jobs]


def _exact(job: Job) -> list[tuple[int, int, float, float]]:
    table = read_partition(Path(job.root), "dedup-exact", job.index, DIGESTS).sort_by(
        [("digest", "ascending"), ("seq", "ascending")]
    )
    found = []
    first: tuple[str, int, float] | None = None
    for digest, seq, day in zip(*(table[c].to_pylist() for c in ("digest", "seq", "day")), strict=True):
        if first is not None and digest == first[0]:
            found.append((seq, first[1], day, first[2]))
        else:
            first = (digest, seq, day)
    return found


# -- 3. candidate pairs ------------------------------------------------------------------------


def candidate_pairs(jobs: list[Job], _: object = None) -> list[int]:
    """Reduce: pairs (later, earlier) sharing a band key, spilled by the later document."""
    return [_pairs(job) for job in jobs]


def _pairs(job: Job) -> int:
    root = Path(job.root)
    table = read_partition(root, "dedup-bands", job.index, BANDS)
    keys, seqs = table["key"].to_numpy(), table["seq"].to_numpy()
    keep = ~np.isin(seqs, np.load(work_dir(root, "dedup", "copies.npy")))
    keys, seqs = keys[keep], seqs[keep]
    order = np.lexsort((seqs, keys))
    keys, seqs = keys[order], seqs[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    later: list[np.ndarray] = []
    earlier: list[np.ndarray] = []
    for lo, hi in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
        bucket = np.unique(seqs[lo:hi])
        i, j = np.triu_indices(len(bucket), k=1)
        later.append(bucket[j])
        earlier.append(bucket[i])
    if not later:
        return 0
    pairs = pa.table({"later": np.concatenate(later), "earlier": np.concatenate(earlier)}, schema=PAIRS)
    parts = _doc_partition(pairs["later"].to_numpy(), job.partitions)
    spill(root, "dedup-pairs", f"b{job.index}", pairs, parts, job.partitions)
    return pairs.num_rows


def _doc_partition(seqs: np.ndarray, partitions: int) -> np.ndarray:
    mixed = (seqs.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(17)  # spread the shards
    return hash_partition(mixed, partitions)


# -- 4. verification ---------------------------------------------------------------------------


class _Signatures:
    """Random access to the signatures, days and fact maps of the signed documents."""

    def __init__(self, root: Path, keys: tuple[str, ...]) -> None:
        self.folder, self.keys = work_dir(root, "dedup", "docs"), keys
        self.meta: dict[int, tuple[np.ndarray, np.ndarray, list[str]]] = {}
        self.sigs: dict[int, np.ndarray] = {}

    def _load(self, ordinal: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
        if ordinal not in self.meta:
            table = pq.read_table(self.folder / f"{self.keys[ordinal]}.parquet")
            self.meta[ordinal] = (
                table["row"].to_numpy(),
                table["day"].to_numpy(),
                table["facts"].to_pylist(),
            )
            self.sigs[ordinal] = np.load(self.folder / f"{self.keys[ordinal]}.npy", mmap_mode="r")
        return self.meta[ordinal]

    def position(self, seq: int) -> tuple[int, int]:
        ordinal, row = split_seq(seq)
        rows = self._load(ordinal)[0]
        return ordinal, int(np.searchsorted(rows, row))

    def signature(self, seq: int) -> np.ndarray:
        ordinal, pos = self.position(seq)
        return np.asarray(self.sigs[ordinal][pos])

    def day(self, seq: int) -> float:
        ordinal, pos = self.position(seq)
        return float(self.meta[ordinal][1][pos])

    def facts(self, seq: int) -> dict[str, list[str]]:
        ordinal, pos = self.position(seq)
        facts: dict[str, list[str]] = json.loads(self.meta[ordinal][2][pos])
        return facts


def verify(jobs: list[Job], _: object = None) -> list[list[tuple[int, int, float, float, float]]]:
    """Reduce: per document of a partition, its near copy match ``(later, earlier, similarity, days)``."""
    return [_verify(job, NEAR_THRESHOLD) for job in jobs]


def _verify(job: Job, threshold: float) -> list[tuple[int, int, float, float, float]]:
    table = read_partition(Path(job.root), "dedup-pairs", job.index, PAIRS)
    if table.num_rows == 0:
        return []
    pairs = np.unique(np.stack([table["later"].to_numpy(), table["earlier"].to_numpy()], axis=1), axis=0)
    docs = _Signatures(Path(job.root), job.keys)
    seqs = np.unique(pairs)
    matrix = np.stack([docs.signature(int(s)) for s in seqs])
    a, b = np.searchsorted(seqs, pairs[:, 0]), np.searchsorted(seqs, pairs[:, 1])
    similarity = (matrix[a] == matrix[b]).mean(axis=1)
    best: dict[int, tuple[int, float]] = {}
    for (later, earlier), sim in zip(pairs.tolist(), similarity.tolist(), strict=True):
        if sim < threshold or (later in best and sim <= best[later][1]):
            continue  # pairs come sorted by (later, earlier): ties go to the earliest, as in the index
        if fact_conflicts(docs.facts(later), docs.facts(earlier)) == 0:
            best[later] = (earlier, sim)
    return [(later, e, s, docs.day(later), docs.day(e)) for later, (e, s) in best.items()]


# -- 5. groups ---------------------------------------------------------------------------------


def originals(links: Iterable[tuple[int, int, float, float]]) -> dict[int, int]:
    """For every document of a group of copies other than its original, the original's seq.

    ``links`` are ``(copy, matched, copy's day, matched's day)``; ``matched`` is always earlier in
    input order, so roots are found in one pass in input order.
    """
    parent: dict[int, int] = {}
    days: dict[int, float] = {}
    for seq, matched, day, matched_day in links:
        parent[seq] = matched
        days[seq], days[matched] = day, matched_day
    root: dict[int, int] = {}
    for seq in sorted(parent):
        root[seq] = root.get(parent[seq], parent[seq])
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for seq, top in root.items():
        groups[top].append(seq)
    result: dict[int, int] = {}
    for top, members in groups.items():
        first = min([top, *members], key=lambda s: _order(s, days[s]))
        result.update({s: first for s in [top, *members] if s != first})
    return result


def _order(seq: int, day: float) -> tuple[bool, float, int]:
    """Lineage order: earliest publication first, undated last, ties to the first seen."""
    undated = math.isnan(day)
    return (undated, 0.0 if undated else day, seq)


def find_duplicates(executor: Executor, root: Path, keys: list[str], partitions: int) -> dict[int, int]:
    """``{seq: original seq}`` for every document that is a copy, over the whole dataset."""
    shared = tuple(keys)
    maps = [[Job(str(root), shared, partitions, i)] for i in range(len(keys))]
    reduces = [[Job(str(root), shared, partitions, p)] for p in range(partitions)]
    for _ in executor.map_batches(sign_shards, maps):
        pass
    exact = [link for part in executor.map_batches(exact_copies, reduces) for links in part for link in links]
    copies = np.array(sorted(link[0] for link in exact), dtype=np.int64)
    np.save(work_dir(root, "dedup", "copies.npy"), copies)
    for _ in executor.map_batches(candidate_pairs, reduces):
        pass
    near = [
        (m[0], m[1], m[3], m[4]) for part in executor.map_batches(verify, reduces) for ms in part for m in ms
    ]
    return originals([*exact, *near])
