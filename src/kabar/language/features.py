"""Features of the POS and NER taggers.

Most features belong to a word type, not to a position: the word itself, its shape, its
prefixes and suffixes, its Indonesian affixes, its word cluster. A word's features are split in
three groups, computed once per word and cached:

* ``own``: what the token at position *i* contributes to position *i*;
* ``near``: what it contributes, prefixed ``-1:``/``+1:``, to its neighbours at *i*±1;
* ``far``: what it contributes, prefixed ``-2:``/``+2:``, at *i*±2.

Because every feature is one of these (plus a few position features such as the gazetteer
matches and, for the NER, the POS tags), the tagger can sum a word's feature weights once per
word type and reuse the sums (see :mod:`kabar.language.crf`). Training builds the same
features as strings for CRFsuite with :func:`sequence_features`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

BOS = "<S>"
EOS = "</S>"

_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'",
                            "’": "'", "‚": "'", "…": "...", "–": "-", "—": "-"})  # fmt: skip
_DIGIT_RE = re.compile(r"\d")
_SHAPE_RE = [(re.compile(r"[A-Z]+"), "X"), (re.compile(r"[a-z]+"), "x"), (re.compile(r"\d+"), "d")]

_PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "be", "di", "ter", "peng", "peny", "pem",
             "pen", "per", "pe", "ke", "se")  # fmt: skip
_SUFFIXES = ("kannya", "annya", "kan", "an", "nya", "lah", "kah", "pun", "i")


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """A word type's features: ``own`` at its position, ``near`` at i±1, ``far`` at i±2."""

    own: tuple[str, ...]
    near: tuple[str, ...]
    far: tuple[str, ...]


def normalise(word: str) -> str:
    """The form features see: typographic quotes and dashes unified, an abbreviation's final
    dot dropped (``Dr.`` -> ``Dr``), as in the training corpora."""
    word = word.translate(_QUOTE_MAP)
    if len(word) > 1 and word.endswith(".") and not word.startswith("."):
        return word[:-1]
    return word


def shape(word: str) -> str:
    """A short word shape: ``Jokowi`` -> ``Xx``, ``COVID-19`` -> ``X-d``, ``75.000`` -> ``d.d``."""
    out = word
    for pattern, repl in _SHAPE_RE:
        out = pattern.sub(repl, out)
    return out[:6]


def affix(low: str) -> str:
    """The Indonesian prefix and suffix a lower-case word seems to carry (``dibangunkan`` ->
    ``di_kan``); ``-`` when none. Only for words long enough to have a stem left over."""
    if len(low) < 5 or not low.isalpha():
        return "-"
    pre = next((p for p in _PREFIXES if low.startswith(p) and len(low) - len(p) >= 3), "")
    rest = low[len(pre) :]
    suf = next((s for s in _SUFFIXES if rest.endswith(s) and len(rest) - len(s) >= 3), "")
    return f"{pre}_{suf}" if pre or suf else "-"


def word_features(word: str, clusters: dict[str, str]) -> WordFeatures:
    """The cached-per-type features of one token text (see the module docstring)."""
    if word in (BOS, EOS):
        return WordFeatures((), (f"w={word}",), (f"w={word}",))
    norm = normalise(word)
    low = _DIGIT_RE.sub("0", norm.lower())
    shp = shape(norm)
    cluster = clusters.get(norm.lower(), "?")
    flags = _flags(word, norm)
    own = [f"w={low}", f"sh={shp}", f"c={cluster}", f"c4={cluster[:4]}", "b", *flags]
    if len(low) > 3:
        own += [f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}", f"s3={low[-3:]}",
                f"s4={low[-4:]}", f"af={affix(low)}"]  # fmt: skip
    if not norm.islower() and norm.isalpha():
        own.append(f"W={norm}")  # case-sensitive identity: "Bali" the island, "bali" the word
    near = [f"w={low}", f"sh={shp}", f"c={cluster}", *flags]
    if len(low) > 3:
        near.append(f"s3={low[-3:]}")
    far = [f"w={low}", f"c4={cluster[:4]}"]
    return WordFeatures(tuple(own), tuple(near), tuple(far))


def _flags(word: str, norm: str) -> list[str]:
    flags: list[str] = []
    if norm[:1].isupper():
        flags.append("title" if not norm.isupper() or len(norm) == 1 else "upper")
    if word.endswith(".") and len(word) > 1:
        flags.append("abbr")
    if "-" in norm[1:-1]:
        left, _, right = norm.partition("-")
        flags.append("redup" if left.lower() == right.lower() else "hyph")
    if any(ch.isdigit() for ch in norm):
        flags.append("digit")
    return flags


class FeatureCache:
    """Word features computed once per word type (bounded; cleared when full)."""

    def __init__(self, clusters: dict[str, str], limit: int = 100_000) -> None:
        self.clusters = clusters
        self.limit = limit
        self._cache: dict[str, WordFeatures] = {}

    def get(self, word: str) -> WordFeatures:
        feats = self._cache.get(word)
        if feats is None:
            if len(self._cache) >= self.limit:
                self._cache.clear()
            feats = word_features(word, self.clusters)
            self._cache[word] = feats
        return feats


def sequence_features(
    words: Sequence[str], cache: FeatureCache, extra: Sequence[Sequence[str]] | None = None
) -> list[list[str]]:
    """CRFsuite attributes for every position of a sentence (training and reference tagging)."""
    padded = [BOS, BOS, *words, EOS, EOS]
    feats = [cache.get(w) for w in padded]
    out: list[list[str]] = []
    for i in range(2, len(padded) - 2):
        item = list(feats[i].own)
        item += ["-1:" + f for f in feats[i - 1].near]
        item += ["+1:" + f for f in feats[i + 1].near]
        item += ["-2:" + f for f in feats[i - 2].far]
        item += ["+2:" + f for f in feats[i + 2].far]
        if extra is not None:
            item += extra[i - 2]
        out.append(item)
    return out


def pos_context_features(tags: Sequence[str]) -> list[list[str]]:
    """NER position features from the POS tags of a sentence: own, previous and next tag."""
    n = len(tags)
    return [
        [f"t={tags[i]}", f"-1:t={tags[i - 1] if i else BOS}", f"+1:t={tags[i + 1] if i + 1 < n else EOS}"]
        for i in range(n)
    ]
