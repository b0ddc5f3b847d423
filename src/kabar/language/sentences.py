"""Sentence splitter for Indonesian news, working on :func:`~kabar.language.tokenize.tokenize` output.

Rules, in order:

* a line break between two tokens always ends a sentence (paragraphs and headlines);
* ``.``, ``?``, ``!``, ``...`` and ``…`` end a sentence, together with the closing quotes and
  brackets right after them, unless the next token starts in lower case or is a comma-like mark
  (``“Kami siap,” kata dia.`` and ``“Siapa?” tanya dia.`` stay whole);
* no sentence ends inside a quotation that is closed later in the same paragraph, so a quote of
  several sentences stays with its reporting clause (``“A. B,” kata X.`` is one sentence);
* abbreviations (``Dr.``, ``Jl.``, ``P.``) never end a sentence, except the few that often close
  one (``dll.``, ``dkk.``, ``Tbk.``) when a capitalised word follows;
* the dot of a list number (``1. Hubungan ...``) ends nothing, nor does a terminator glued to
  the next word (``PMK.10/2017``); repeated terminators (``?”.``) stay with their sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kabar.language.lexicon import SENTENCE_FINAL_ABBREVIATIONS
from kabar.language.tokenize import Token, tokenize

OPENERS = {"“": "“", "‘": "‘", "«": "«", "„": "“", "‚": "‘", "‹": "‹"}
CLOSERS = {"”": "“", "’": "‘", "»": "«", "›": "‹"}
TOGGLES = {'"': '"', "'": "'"}
QUOTES = frozenset(OPENERS) | frozenset(CLOSERS) | frozenset(TOGGLES)
CLOSING_BRACKETS = frozenset(")]}")
CONTINUATION = frozenset(",;:)]}%")
TERMINAL_CHARS = frozenset(".?!…")
LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029", "\x85")


@dataclass(slots=True)
class Sentence:
    """A sentence: its character span in the source text, its text and its tokens."""

    start: int
    end: int
    text: str
    tokens: list[Token]


def split_sentences(text: str, tokens: Sequence[Token] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences; ``tokens`` may be passed when already computed.

    >>> [s.text for s in split_sentences("“Saya siap. Kami menang,” kata dia. Lalu pulang.")]
    ['“Saya siap. Kami menang,” kata dia.', 'Lalu pulang.']
    """
    toks = list(tokenize(text) if tokens is None else tokens)
    out: list[Sentence] = []
    for para in _paragraphs(text, toks):
        for first, last in _split_paragraph(text, para):
            start, end = para[first].start, para[last].end
            out.append(Sentence(start, end, text[start:end], para[first : last + 1]))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` character span of every sentence of ``text``."""
    return [(s.start, s.end) for s in split_sentences(text)]


def _paragraphs(text: str, tokens: list[Token]) -> list[list[Token]]:
    paras: list[list[Token]] = []
    current: list[Token] = []
    prev_end = 0
    for tok in tokens:
        if current and _has_line_break(text, prev_end, tok.start):
            paras.append(current)
            current = []
        current.append(tok)
        prev_end = tok.end
    if current:
        paras.append(current)
    return paras


def _has_line_break(text: str, start: int, end: int) -> bool:
    if end - start == 1:
        return text[start] in LINE_BREAKS
    gap = text[start:end]
    return any(brk in gap for brk in LINE_BREAKS)


def _quote_roles(text: str, para: list[Token]) -> dict[int, str]:
    """Whether each quote token opens (``"open"``) or closes (``"close"``) a quotation."""
    roles: dict[int, str] = {}
    for i, tok in enumerate(para):
        if tok.text not in QUOTES:
            continue
        glued_left = tok.start > 0 and not text[tok.start - 1].isspace()
        glued_right = tok.end < len(text) and not text[tok.end].isspace()
        if glued_right and not glued_left:
            roles[i] = "open"
        elif glued_left and not glued_right:
            roles[i] = "close"
        elif tok.text in OPENERS:
            roles[i] = "open"
        elif tok.text in CLOSERS:
            roles[i] = "close"
        else:
            roles[i] = "toggle"
    return roles


def _family(mark: str) -> str:
    return OPENERS.get(mark) or CLOSERS.get(mark) or TOGGLES.get(mark, mark)


def _closed_quotes(text: str, para: list[Token]) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Token index pairs (open, close) of the quotations closed within the paragraph."""
    roles = _quote_roles(text, para)
    stack: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for i, role in roles.items():
        fam = _family(para[i].text)
        open_idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == fam), None)
        if role == "open" or (role == "toggle" and open_idx is None):
            stack.append((i, fam))
            roles[i] = "open"
        elif open_idx is not None:
            spans.append((stack[open_idx][0], i))
            del stack[open_idx:]
            roles[i] = "close"
    return spans, roles


def _split_paragraph(text: str, para: list[Token]) -> list[tuple[int, int]]:
    spans, roles = _closed_quotes(text, para)
    inside = _inside_quotes(spans, len(para))
    bounds: list[tuple[int, int]] = []
    first = 0
    n = len(para)
    i = 0
    while i < n:
        last = _sentence_end(para, roles, i, first)
        if last is not None and last + 1 < n and not inside[last] and _starts_new(para, i, last):
            bounds.append((first, last))
            first = last + 1
            i = last + 1
            continue
        i += 1
    if first < n:
        bounds.append((first, n - 1))
    return bounds


def _inside_quotes(spans: list[tuple[int, int]], n: int) -> list[bool]:
    """Per token: True when a sentence may not end right after it (an open quote goes on)."""
    inside = [False] * n
    for open_idx, close_idx in spans:
        for k in range(open_idx, close_idx):
            inside[k] = True
    return inside


def _sentence_end(para: list[Token], roles: dict[int, str], i: int, first: int) -> int | None:
    """If token ``i`` can end a sentence begun at token ``first``, the index of its last token."""
    tok = para[i]
    if tok.kind == "abbrev":
        return i if _final_abbreviation(para, i) else None
    if tok.kind != "punct" or not TERMINAL_CHARS.issuperset(tok.text):
        return None
    if tok.text == "." and _numbered_heading(para, i, first):
        return None
    last = i
    while last + 1 < len(para) and _closes(para, roles, last + 1):
        last += 1
    return last


def _closes(para: list[Token], roles: dict[int, str], k: int) -> bool:
    tok = para[k]
    return roles.get(k) == "close" or (tok.text in CLOSING_BRACKETS and tok.start == para[k - 1].end)


def _final_abbreviation(para: list[Token], i: int) -> bool:
    text = para[i].text
    if text in SENTENCE_FINAL_ABBREVIATIONS:
        return True
    return text.count(".") > 1 and i > 0 and para[i - 1].text == ","


def _numbered_heading(para: list[Token], i: int, first: int) -> bool:
    """``1.`` opening a sentence: a list number, not a sentence of its own."""
    return i == first + 1 and para[first].kind == "number" and para[first].end == para[i].start


def _starts_new(para: list[Token], i: int, last: int) -> bool:
    """Whether the token after ``last`` can open a new sentence."""
    nxt_tok = para[last + 1]
    nxt = nxt_tok.text
    if nxt in CONTINUATION or nxt[0].islower() or TERMINAL_CHARS.issuperset(nxt):
        return False
    if nxt_tok.start == para[last].end and nxt[0].isalnum():
        return False  # "34/PMK.10/2017": no space, no new sentence
    if para[i].kind == "abbrev":
        return nxt[0].isupper() or nxt in QUOTES
    return True
