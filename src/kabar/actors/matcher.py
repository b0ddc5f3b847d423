"""Find every knowledge-base alias in a text in one pass: a trie compiled into a regular expression.

The aliases are folded into a character trie and written out as one regular expression, so the
matcher is a single C-level scan whatever the number of aliases, and the alternation at each
trie node tries longer continuations first, which makes every match the longest alias starting
there. Two patterns are built: one for aliases matched exactly as written ("AS", "MA", "Puan") and
one for aliases matched in any case ("Kementerian Luar Negeri"); their hits are merged leftmost
longest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

# Same-length substitutions applied to the text before matching, so that offsets stay valid.
_FOLDS = (("’", "'"), ("‘", "'"), ("`", "'"), ("\u00a0", " "), ("–", "-"), ("‑", "-"))
_END = ""  # trie key marking the end of an alias

Trie = dict[str, "Trie"]


class Hit(NamedTuple):
    """One alias found in a text: the span and the key (entry id) the alias belongs to."""

    start: int
    end: int
    key: str


def fold_text(text: str) -> str:
    """Typographic quotes, dashes and no-break spaces made plain; the length never changes."""
    for char, plain in _FOLDS:
        if char in text:
            text = text.replace(char, plain)
    return text


def fold_alias(alias: str) -> str:
    """The form an alias is indexed under: folded as :func:`fold_text`, spaces single."""
    return " ".join(fold_text(alias).split())


def _trie(words: Iterable[str]) -> Trie:
    root: Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return root


def _pattern(node: Trie) -> str:
    """The regular expression for a trie node; longer continuations are tried first."""
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression (no anchors) matching exactly ``words``, longest first."""
    return _pattern(_trie(words))


def _compile(words: Iterable[str], flags: int) -> re.Pattern[str] | None:
    tree = _trie(words)
    if not tree:
        return None
    # An alias must not start or end inside a word ("AS" is not in "KASUS", "Iran" not in "Irani").
    return re.compile(r"(?<!\w)" + _pattern(tree) + r"(?!\w)", flags)


class AliasMatcher:
    """Leftmost-longest matching of many aliases, some case-sensitive and some not.

    One pattern over the lower-cased text finds every candidate; a candidate whose alias is
    case-sensitive is kept only when the text has it exactly as written. When it does not ("antara"
    for the news agency "Antara"), the few aliases that could still match there are tried anchored.

    Args:
        exact: alias → key, matched as written.
        folded: alias → key, matched in any case.

    Example:
        >>> m = AliasMatcher({"AS": "country:USA"}, {"rusia": "country:RUS"})
        >>> [(h.start, h.end, h.key) for h in m.find("Rusia dan AS, bukan as")]
        [(0, 5, 'country:RUS'), (10, 12, 'country:USA')]
    """

    def __init__(self, exact: Mapping[str, str], folded: Mapping[str, str]) -> None:
        self._exact = dict(exact)
        self._folded = {alias.lower(): key for alias, key in folded.items()}
        self._cased: dict[str, dict[str, str]] = {}  # lower-cased exact alias → {alias: key}
        for alias, key in self._exact.items():
            self._cased.setdefault(alias.lower(), {})[alias] = key
        self._all = [*self._folded, *self._cased]
        self._any = _compile(self._all, 0)  # run over lower-cased text: much faster than IGNORECASE
        self._any_i: re.Pattern[str] | None = None
        self._exact_re = _compile(self._exact, 0)
        self._folded_re = _compile(self._folded, re.IGNORECASE)

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits, leftmost first, the longest where two start at the same place."""
        if self._any is None:
            return []
        plain = fold_text(text)
        lower = plain.lower()
        if len(lower) == len(plain):
            matches = self._any.finditer(lower)
        else:  # a character whose lower case is longer (İ): match in any case on the text itself
            self._any_i = self._any_i or _compile(self._all, re.IGNORECASE)
            matches = self._any_i.finditer(plain) if self._any_i else iter(())
        hits: list[Hit] = []
        for m in matches:
            start, end = m.span()
            if hits and start < hits[-1].end:
                continue  # inside a hit found while recovering from a case mismatch
            key = self._key(plain[start:end])
            if key is not None:
                hits.append(Hit(start, end, key))
            else:  # "yen Jepang" for the exact "Yen Jepang": what else starts here, or inside it?
                hits.extend(self._recover(plain, start, end))
        return hits

    def _recover(self, text: str, start: int, end: int) -> list[Hit]:
        """Hits in ``text[start:end]``, a stretch whose longest candidate failed its case check."""
        hits: list[Hit] = []
        pos = start
        while pos < end:
            found = self._anchored(text, pos)
            if found is not None:
                hits.append(Hit(pos, found[0], found[1]))
                pos = found[0]
            else:
                pos += 1
        return hits

    def _key(self, matched: str) -> str | None:
        low = matched.lower()
        key = self._folded.get(low)
        if key is None and (cased := self._cased.get(low)):
            key = cased.get(matched)
        return key

    def _anchored(self, text: str, start: int) -> tuple[int, str] | None:
        """The longest alias that really matches at ``start`` once case is taken into account."""
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            return None  # not at the start of a word
        best: tuple[int, str] | None = None
        if self._exact_re and (m := self._exact_re.match(text, start)):
            best = (m.end(), self._exact[m.group()])
        if self._folded_re and (m := self._folded_re.match(text, start)) and (not best or m.end() > best[0]):
            best = (m.end(), self._folded[m.group().lower()])
        return best
