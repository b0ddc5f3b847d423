"""Regex tokenizer for Indonesian news text.

One compiled pattern finds every token; whitespace between tokens is skipped, and every
non-space character ends up in exactly one token. Offsets always index into the input text
(``text[token.start:token.end] == token.text``).

What stays one token: abbreviations from a closed list (``dll.``, ``Jl.``, ``Tbk.``), dotted
abbreviations (``a.n.``, ``S.H.``, ``M.Si.``), single-letter initials (``P.`` in
``Eko P. Gultom``), numbers with separators (``75.000``, ``5,95``, ``21/2/2024``, ``10.15``),
currency signs (``US$``), URLs, bare domains, e-mail addresses, handles and hashtags, and hyphen or
apostrophe joined words (``negara-negara``, ``Jokowi-Ahok``, ``COVID-19``, ``Jum'at``). ``Rp`` is
split from a number glued to it (``Rp1,2`` gives ``Rp`` and ``1,2``), as the training corpora do.
Clitics (``-nya``, ``-lah``, ``-kah``, ``-pun``) stay on their word and are recorded in
:attr:`Token.clitic`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kabar.language.lexicon import (
    ABBREVIATIONS,
    CLITIC_EXCEPTIONS,
    CLITIC_WORDS_CAPITALISED,
    TLDS,
)

TokenKind = Literal["word", "number", "abbrev", "url", "email", "handle", "punct"]

CLITICS = ("nya", "lah", "kah", "pun")
_CLITIC_ENDINGS = CLITICS + tuple(c.upper() for c in CLITICS)


@dataclass(slots=True)
class Token:
    """One token: its text, character offsets into the source text and what kind it is.

    ``clitic`` names the clitic (``"nya"``, ``"lah"``, ``"kah"``, ``"pun"``) a word ends with, if any;
    the clitic stays part of ``text``.
    """

    text: str
    start: int
    end: int
    kind: TokenKind = "word"
    clitic: str | None = None


def _abbreviation_pattern() -> str:
    names = sorted(ABBREVIATIONS, key=len, reverse=True)
    return r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")\.(?![\w])"


_URL_TAIL = r"[^\s<>\"“”‘’«»]*[^\s<>\"“”‘’«».,;:!?)\]'}]"
_TOKEN_RE = re.compile(
    "|".join(
        [
            rf"(?P<url>(?:https?://|www\.){_URL_TAIL}"
            rf"|(?<![\w@.])[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*"
            rf"\.(?i:{'|'.join(TLDS)})(?![\w-])(?:/{_URL_TAIL})?)",
            r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})",
            r"(?P<handle>(?<!\w)[@#][^\W_][\w]*(?:\.\w+)*)",
            rf"(?P<abbrev>{_abbreviation_pattern()}"
            r"|(?<![\w.])[A-Za-z]{1,3}\.(?:[A-Za-z]{1,3}\.)+(?!\w)"
            r"|(?<![\w.])[A-Z]\.(?!\w))",
            r"(?P<money>(?<![\w])(?:Rp|RM|US|S|A|HK|NZ)?\$|(?<!\w)Rp(?=\d))",
            r"(?P<number>\d+(?:[.,:/]\d+)*)",
            r"(?P<word>[^\W\d_]\w*(?:[-‐'’][^\W_]+)*|_+)",
            r"(?P<punct>\.{2,}|[?!]+|-{2,}|\S)",
        ]
    )
)

_ZERO_WIDTH = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _clitic(word: str) -> str | None:
    """The clitic a word ends with, if it is one (``bukunya`` -> ``nya``; ``sekolah`` -> None)."""
    if len(word) < 6 or not word.endswith(_CLITIC_ENDINGS) or word.isupper():
        return None
    low = word.lower()
    if low in CLITIC_EXCEPTIONS:
        return None
    clitic = low[-3:]
    if word[0].isupper() and clitic != "nya" and low not in CLITIC_WORDS_CAPITALISED:
        return None
    return clitic


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with character offsets; whitespace and zero-width marks are skipped.

    >>> [t.text for t in tokenize("Harganya Rp1,2 triliun, kata Dr. Budi.")]
    ['Harganya', 'Rp', '1,2', 'triliun', ',', 'kata', 'Dr.', 'Budi', '.']
    """
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "word":
            append(Token(value, match.start(), match.end(), "word", _clitic(value)))
        elif kind == "punct":
            if value not in _INVISIBLE:
                append(Token(value, match.start(), match.end(), "punct"))
        else:
            kind = "word" if kind == "money" else kind
            append(Token(value, match.start(), match.end(), kind))  # type: ignore[arg-type]
    return tokens


def strip_invisible(text: str) -> str:
    """``text`` without zero-width characters (for comparisons; offsets change)."""
    return text.translate(_ZERO_WIDTH)
