"""A linear-chain CRF at run time: weights exported from CRFsuite, decoding in numpy.

CRFsuite trains the models (:mod:`kabar.language.train`); its weights are exported to a small
numpy archive (:func:`export_crfsuite`, :meth:`CrfModel.save`; the ``.bin`` files in
``models/``). At run time :class:`CrfModel` scores a sentence the
way CRFsuite does (a position's score for a label is the sum of the weights of its attributes;
transitions between labels are scored by a matrix; Viterbi picks the best sequence), but:

* a word type's weights are summed once, in each of its five roles (itself, left and right
  neighbour, two to the left and right; see :mod:`kabar.language.features`), and kept in a
  table, so scoring a sentence is a few array look-ups;
* many sentences are decoded at once (Viterbi vectorised over a batch), so the Python loop runs
  once per position of the longest sentence, not once per token.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kabar.language.features import BOS, EOS, FeatureCache

ROLES = ("", "-1:", "+1:", "-2:", "+2:")
BATCH = 64
WORD_TABLE_LIMIT = 50_000  # word types kept (a POS row is 800 bytes); then the table starts afresh


class CrfModel:
    """Label weights per attribute plus a transition matrix, with per-word score caching."""

    def __init__(self, labels: list[str], attrs: list[str], weights: np.ndarray,
                 transitions: np.ndarray) -> None:  # fmt: skip
        self.labels = labels
        self.index = {a: i for i, a in enumerate(attrs)}
        # one extra all-zero row, for attributes the model does not know
        self.weights = np.vstack([weights, np.zeros((1, len(labels)), dtype=np.float32)])
        self.transitions = transitions.astype(np.float32)
        self._missing = len(attrs)
        self._reset_words()

    def _reset_words(self) -> None:
        self._word_ids: dict[str, int] = {}
        self._table = np.zeros((1024, 5, len(self.labels)), dtype=np.float32)

    @classmethod
    def load(cls, path: Path) -> CrfModel:
        """Read a model written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            labels = [str(x) for x in data["labels"]]
            attrs = str(data["attrs"]).split("\n") if data["attrs"].size else []
            dense = np.zeros((len(attrs), len(labels)), dtype=np.float32)
            dense[data["rows"], data["cols"]] = data["values"].astype(np.float32)
            return cls(labels, attrs, dense, data["transitions"])

    def save(self, path: Path) -> None:
        """Write the model as a compressed numpy archive (sparse weights), whatever the suffix."""
        attrs = sorted(self.index, key=self.index.__getitem__)
        rows, cols = np.nonzero(self.weights[: self._missing])
        with open(path, "wb") as handle:
            np.savez_compressed(
                handle, labels=np.array(self.labels), attrs=np.array("\n".join(attrs)),
                rows=rows.astype(np.int32), cols=cols.astype(np.int16),
                values=self.weights[rows, cols], transitions=self.transitions,
            )  # fmt: skip

    def rows(self, attrs: Sequence[str]) -> list[int]:
        """Weight-row indices of attribute names (unknown ones point at a zero row)."""
        get = self.index.get
        missing = self._missing
        return [get(a, missing) for a in attrs]

    def _word_ids_of(self, words: Sequence[str], cache: FeatureCache) -> list[int]:
        """The rows of the word types' summed weights (shape (5, labels)) in the word table; new
        types get theirs computed together, in one reduction over all their attributes."""
        get = self._word_ids.get
        ids = [get(w, -1) for w in words]
        if -1 in ids:
            new = list(dict.fromkeys(w for w, i in zip(words, ids, strict=True) if i == -1))
            self._add_words(new, cache)
            get = self._word_ids.get
            ids = [get(w, -1) for w in words]
        return ids

    def _add_words(self, words: list[str], cache: FeatureCache) -> None:
        first = len(self._word_ids)
        while first + len(words) > len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        index, missing = self.index.get, self._missing
        rows: list[int] = []
        starts: list[int] = []
        for word in words:
            feats = cache.get(word)
            for role, group in zip(
                ROLES, (feats.own, feats.near, feats.near, feats.far, feats.far), strict=True
            ):
                starts.append(len(rows))
                rows += [index(role + f, missing) for f in group] or [missing]  # the zero row
        sums = np.add.reduceat(self.weights[np.array(rows, dtype=np.intp)], starts, axis=0)
        self._table[first : first + len(words)] = sums.reshape(len(words), len(ROLES), -1)
        self._word_ids.update(zip(words, range(first, first + len(words)), strict=True))

    def emissions(self, sentences: Sequence[Sequence[str]], cache: FeatureCache,
                  extras: Sequence[Sequence[Sequence[str]]] | None = None) -> np.ndarray:  # fmt: skip
        """Per token of all ``sentences`` (concatenated), the score of each label."""
        if len(self._word_ids) >= WORD_TABLE_LIMIT:
            self._reset_words()  # only between calls: ids taken below stay valid
        padded: list[str] = []
        positions: list[int] = []
        for words in sentences:
            padded += (BOS, BOS)
            positions.extend(range(len(padded), len(padded) + len(words)))
            padded += words
            padded += (EOS, EOS)
        ids = np.array(self._word_ids_of(padded, cache), dtype=np.intp)  # may grow the table
        table = self._table[ids]
        at = np.array(positions, dtype=np.intp)
        scores = table[at, 0] + table[at - 1, 1] + table[at + 1, 2] + table[at - 2, 3] + table[at + 2, 4]
        if extras is not None:
            self._add_extras(scores, extras)
        return scores

    def _add_extras(self, scores: np.ndarray, extras: Sequence[Sequence[Sequence[str]]]) -> None:
        rows: list[int] = []
        at: list[int] = []
        get = self.index.get
        missing = self._missing
        i = 0
        for sentence in extras:
            for attrs in sentence:
                for a in attrs:
                    rows.append(get(a, missing))
                    at.append(i)
                i += 1
        if rows:
            np.add.at(scores, np.array(at, dtype=np.intp), self.weights[np.array(rows, dtype=np.intp)])

    def tag(self, words: Sequence[str], cache: FeatureCache,
            extra: Sequence[Sequence[str]] | None = None) -> list[str]:  # fmt: skip
        """The best label sequence for one sentence."""
        return self.tag_many([words], cache, None if extra is None else [extra])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]], cache: FeatureCache,
                 extras: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[str]]:  # fmt: skip
        """The best label sequence for each sentence, decoded in length-sorted batches."""
        if not sentences:
            return []
        scores = self.emissions(sentences, cache, extras)
        starts = np.cumsum([0] + [len(s) for s in sentences])
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        out: list[list[str]] = [[] for _ in sentences]
        labels = self.labels
        for b in range(0, len(order), BATCH):
            batch = [k for k in order[b : b + BATCH] if len(sentences[k])]
            if batch:
                paths = viterbi_batch([scores[starts[k] : starts[k + 1]] for k in batch], self.transitions)
                for k, path in zip(batch, paths, strict=True):
                    out[k] = [labels[i] for i in path]
        return out


def viterbi_batch(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """Best label path of each emission matrix (n_i, L), all decoded together.

    The matrices must come sorted by length (shortest first): at each position only the
    sentences still running (a suffix of the batch) are scored.
    """
    lengths = np.array([len(e) for e in emissions])
    size, longest, n_labels = len(emissions), int(lengths.max()), transitions.shape[0]
    em = np.zeros((size, longest, n_labels), dtype=np.float32)
    for k, e in enumerate(emissions):
        em[k, : len(e)] = e
    back = np.zeros((size, longest, n_labels), dtype=np.intp)
    score = em[:, 0].copy()
    to_from = np.ascontiguousarray(transitions.T)
    first = np.searchsorted(lengths, np.arange(longest), side="right")  # first sentence longer than t
    for t in range(1, longest):
        live = int(first[t])
        cand = score[live:, None, :] + to_from  # (batch, to, from)
        back[live:, t] = cand.argmax(axis=2)
        score[live:] = cand.max(axis=2) + em[live:, t]  # the maximum is the value at the argmax
    return _backtrack(back, score.argmax(axis=1), lengths)


def _backtrack(back: np.ndarray, last: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    size, longest = back.shape[:2]
    paths = np.zeros((size, longest), dtype=np.intp)
    rows = np.arange(size)
    paths[rows, lengths - 1] = last
    for t in range(longest - 1, 0, -1):
        live = lengths > t
        prev = back[rows, t, paths[rows, t]]
        paths[live, t - 1] = prev[live]
    return [paths[k, : lengths[k]].tolist() for k in range(size)]


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Best label path through one emission matrix (n, L)."""
    return viterbi_batch([emissions], transitions)[0]


def export_crfsuite(model_path: Path) -> CrfModel:
    """A :class:`CrfModel` holding the weights of a CRFsuite model file."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    tagger.close()
    labels = sorted(info.labels, key=lambda name: int(info.labels[name]))
    label_idx = {name: i for i, name in enumerate(labels)}
    attrs = sorted({attr for attr, _ in info.state_features})
    attr_idx = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (attr, label), w in info.state_features.items():
        weights[attr_idx[attr], label_idx[label]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (src, dst), w in info.transitions.items():
        trans[label_idx[src], label_idx[dst]] = w
    return CrfModel(labels, attrs, weights, trans)


def collapse_domain(model: CrfModel, prefix: str) -> CrfModel:
    """One domain's model from a model trained with domain-prefixed feature copies: every
    attribute's weights plus those of its ``prefix`` copy; other domains' copies are dropped."""
    weights: dict[str, np.ndarray] = {}
    for attr, row in model.index.items():
        if attr.startswith("@"):
            if not attr.startswith(prefix):
                continue
            attr = attr[len(prefix) :]
        vec = model.weights[row]
        weights[attr] = weights[attr] + vec if attr in weights else vec.copy()
    attrs = sorted(a for a, w in weights.items() if np.any(w))
    dense = np.stack([weights[a] for a in attrs]) if attrs else np.zeros((0, len(model.labels)))
    return CrfModel(model.labels, attrs, dense.astype(np.float32), model.transitions)
