"""Distributional word clusters: words that occur between the same neighbours share a cluster.

Built once from the project's corpora (:func:`build_clusters`): each frequent lower-cased word is
described by how often each frequent word stands just left and just right of it; the counts are
turned into positive PMI, reduced with a truncated SVD and grouped with k-means at two sizes. A
word's cluster id is ``CCFFF``: two digits of the coarse cluster, three of the fine one. The
taggers use them to treat unseen words like seen words of the same kind.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

COARSE = 64
FINE = 600


def load_clusters(path: Path) -> dict[str, str]:
    """Word -> cluster id, from a gzipped ``word<TAB>id`` file; empty when the file is absent."""
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        pairs = (line.rstrip("\n").split("\t") for line in handle)
        return {word: cid for word, cid in pairs}


def save_clusters(clusters: dict[str, str], path: Path) -> None:
    """Write word -> cluster id as a gzipped TSV, sorted, reproducibly (fixed gzip mtime)."""
    data = "".join(f"{w}\t{c}\n" for w, c in sorted(clusters.items())).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(data)


def build_clusters(
    sentences: Iterable[list[str]], *, seed: int = 0, min_count: int = 3, contexts: int = 3000
) -> dict[str, str]:
    """Cluster the words of ``sentences`` (lists of lower-cased tokens); see the module docstring."""
    sents = [s for s in sentences if s]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    matrix = _context_matrix(sents, vocab, contexts)
    vectors = _embed(matrix, seed)
    coarse = _kmeans(vectors, COARSE, seed)
    fine = _kmeans(vectors, FINE, seed)
    return {w: f"{coarse[i]:02d}{fine[i]:03d}" for i, w in enumerate(vocab)}


def _context_matrix(sents: list[list[str]], vocab: list[str], contexts: int) -> Any:
    from scipy.sparse import coo_matrix

    row_of = {w: i for i, w in enumerate(vocab)}
    col_of = {w: i for i, w in enumerate(vocab[:contexts])}
    rows: list[int] = []
    cols: list[int] = []
    for sent in sents:
        padded = ["<s>", *sent, "</s>"]
        for i in range(1, len(padded) - 1):
            r = row_of.get(padded[i])
            if r is None:
                continue
            for offset, side in ((-1, 0), (1, contexts + 1)):
                c = col_of.get(padded[i + offset], contexts)
                rows.append(r)
                cols.append(side + c)
    data = np.ones(len(rows), dtype=np.float64)
    shape = (len(vocab), 2 * (contexts + 1))
    return coo_matrix((data, (rows, cols)), shape=shape).tocsr()


def _embed(matrix: Any, seed: int) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    coo.data = np.maximum(pmi, 0.0)
    svd = TruncatedSVD(n_components=80, random_state=seed)
    reduced = svd.fit_transform(coo.tocsr())
    return normalize(reduced)


def _kmeans(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    from sklearn.cluster import MiniBatchKMeans

    model = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096)
    return model.fit_predict(vectors)
