"""[corpus] Per-outlet boilerplate learned from line repetition across an outlet's documents."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kabar.clean.lines import sentence_like

__all__ = ["OutletBoilerplate"]

DocRow = tuple[str, int]  # (outlet, documents observed)
LineRow = tuple[str, str, int]  # (outlet, line_hash, documents the line appeared in)

_DIGITS = re.compile(r"\d")
_NOT_WORD = re.compile(r"[^\w]+")


def normalise_line(line: str) -> str:
    """The form lines are counted in: lower case, digits as 0, punctuation and spacing dropped
    (as CCNet does), so "Senin (3/6)" and "Senin (4/6)" share a form."""
    return _NOT_WORD.sub(" ", _DIGITS.sub("0", line.lower())).strip()


def line_hash(line: str) -> str:
    """A stable 64-bit hash (hex) of a line's normalised form, the key rows are stored under."""
    return hashlib.blake2b(normalise_line(line).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class OutletBoilerplate:
    """**Corpus-level component**: the lines an outlet repeats across its documents.

    CCNet-style: every document's distinct normalised lines are hashed and counted per outlet.
    Once an outlet has ``min_documents`` documents, a line seen in at least ``min_share`` of them
    is that outlet's boilerplate (menus, footers, promos, disclaimers) and the cleaner drops it
    from new documents of the outlet. A long, sentence-like line (``protect_chars`` or more) is
    never boilerplate for repeating alone: syndicated or duplicated articles repeat real text.

    Kept across runs as rows: ``to_rows()`` gives ``(docs, lines)`` with ``docs`` as
    ``(outlet, documents)`` and ``lines`` as ``(outlet, line_hash, count)``; ``from_rows`` and
    ``merge_rows`` read them back. The state is plain dicts, so it pickles to worker processes.

    Args:
        min_documents: documents an outlet needs before any of its lines count as boilerplate.
        min_share: share of the outlet's documents a line must appear in.
        protect_chars: sentence-like lines at least this long are never boilerplate.

    Example::

        bp = OutletBoilerplate()
        for doc in batch:
            bp.observe(doc.outlet, doc.raw)
        result = clean_dump(raw, outlet="detik.com", boilerplate=bp)
    """

    def __init__(self, min_documents: int = 5, min_share: float = 0.3, protect_chars: int = 100) -> None:
        self.min_documents = min_documents
        self.min_share = min_share
        self.protect_chars = protect_chars
        self.documents: Counter[str] = Counter()
        self.lines: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def observe(self, outlet: str, raw: str) -> None:
        """Count the distinct normalised lines of one document of ``outlet``."""
        hashes = {line_hash(line) for line in raw.splitlines() if line.strip()}
        self.documents[outlet] += 1
        self.lines[outlet].update(hashes)

    def observe_lines(self, outlet: str, lines: Iterable[str]) -> None:
        """Like :meth:`observe` for a document already split into lines (HTML pages)."""
        self.observe(outlet, "\n".join(lines))

    def is_boilerplate(self, outlet: str | None, line: str) -> bool:
        """True when ``line`` repeats across enough of ``outlet``'s documents to be furniture."""
        if outlet is None:
            return False
        documents = self.documents.get(outlet, 0)
        if documents < self.min_documents:
            return False
        count = self.lines[outlet].get(line_hash(line), 0) if outlet in self.lines else 0
        if count < 2 or count < self.min_share * documents:
            return False
        return not (len(line) >= self.protect_chars and sentence_like(line))

    def share(self, outlet: str, line: str) -> float:
        """The share of ``outlet``'s documents ``line`` appeared in (0 when none were seen)."""
        documents = self.documents.get(outlet, 0)
        counts = self.lines.get(outlet)
        return counts.get(line_hash(line), 0) / documents if documents and counts else 0.0

    def to_rows(self, min_count: int = 1) -> tuple[list[DocRow], list[LineRow]]:
        """``(docs, lines)`` rows for storage; ``min_count`` drops rarer lines to save space."""
        docs = sorted(self.documents.items())
        lines = [
            (outlet, digest, count)
            for outlet, counts in sorted(self.lines.items())
            for digest, count in counts.items()
            if count >= min_count
        ]
        return docs, lines

    @classmethod
    def from_rows(
        cls, docs: Iterable[DocRow], lines: Iterable[LineRow], *, min_documents: int = 5,
        min_share: float = 0.3, protect_chars: int = 100,
    ) -> OutletBoilerplate:  # fmt: skip
        """Statistics rebuilt from :meth:`to_rows` output (settings as in the constructor)."""
        made = cls(min_documents, min_share, protect_chars)
        made.merge_rows(docs, lines)
        return made

    def merge_rows(self, docs: Iterable[DocRow], lines: Iterable[LineRow]) -> None:
        """Add stored counts to these (statistics from another run or another worker)."""
        for outlet, count in docs:
            self.documents[outlet] += int(count)
        for outlet, digest, count in lines:
            self.lines[outlet][digest] += int(count)

    def outlets(self) -> list[str]:
        """Outlets with at least one observed document."""
        return sorted(self.documents)

    def __repr__(self) -> str:
        return f"OutletBoilerplate(outlets={len(self.documents)}, documents={sum(self.documents.values())})"
