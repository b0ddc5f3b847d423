"""Which NER domain a CoNLL file is closest to: naive Bayes over its lower-cased words.

The NER has one model per annotation style it was trained on (``news``: IDNer-news-2k,
``nergrit``: NERGrit). Running text from news goes to the news model; for a CoNLL file of
unknown origin, :class:`DomainGuesser` compares the file's words with each training corpus and
picks the closer one.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kabar.language.conll import TaggedSentence


@dataclass(slots=True)
class DomainGuesser:
    """Per domain, a log probability for each known word and one for unknown words."""

    logprobs: dict[str, dict[str, float]]
    unknown: dict[str, float]

    @classmethod
    def fit(cls, corpora: dict[str, list[TaggedSentence]], min_count: int = 2) -> DomainGuesser:
        """Add-one smoothed unigram models of each domain's training sentences."""
        counts = {d: Counter(w.lower() for s in sents for w in s.tokens) for d, sents in corpora.items()}
        vocab = sorted({w for c in counts.values() for w, n in c.items() if n >= min_count})
        logprobs: dict[str, dict[str, float]] = {}
        unknown: dict[str, float] = {}
        for domain, c in counts.items():
            total = sum(c[w] for w in vocab) + len(vocab) + 1
            logprobs[domain] = {w: round(math.log((c[w] + 1) / total), 3) for w in vocab}
            unknown[domain] = round(math.log(1 / total), 3)
        return cls(logprobs, unknown)

    def scores(self, words: Iterable[str]) -> dict[str, float]:
        """Mean log probability of ``words`` under each domain."""
        totals = dict.fromkeys(self.logprobs, 0.0)
        n = 0
        for word in words:
            low = word.lower()
            n += 1
            for domain, table in self.logprobs.items():
                totals[domain] += table.get(low, self.unknown[domain])
        return {d: t / max(n, 1) for d, t in totals.items()}

    def guess(self, words: Sequence[str], default: str = "news") -> str:
        """The domain whose words ``words`` resemble most (``default`` when there are none)."""
        if not words:
            return default
        scores = self.scores(words)
        return max(scores, key=scores.__getitem__)

    def save(self, path: Path) -> None:
        """Write as JSON (words sorted, so that rebuilding gives the same file)."""
        data = {"logprobs": self.logprobs, "unknown": self.unknown}
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> DomainGuesser:
        """Read a guesser written by :meth:`save`."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["logprobs"], data["unknown"])
