"""Quote marks: where direct quotes open and close, in every mark style real scrapes use.

Straight ``"``, curly ``“ ”``, guillemets ``« »`` and low ``„`` are one family; a mark's role comes
from where it stands (space before and a word after: opening; a word or punctuation before and a
space after: closing), and a mark with spaces on both sides (Kompas's tokenised ``” Saya … , ”``)
alternates. A closing mark followed by a reporting word (``,” kata``) closes every level, which
handles the nested mixed marks of ``"Putin memberi Kim senapan “berkualitas terbaik,” kata …``.

A paragraph that opens a quote and never closes it continues into the next paragraph when that
one opens with a mark again (the print convention for multi-paragraph quotes). Single marks
(``‘ ’`` and ``'``) are scare quotes and apostrophes far more often than quotes; they count only
around a reporting word (``‘…,’ kata dia``), which :mod:`kabar.quotes.direct` checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kabar.quotes.lexicon import POST_CUES

DOUBLE_MARKS = '"“”«»„‟〝〞＂'
SINGLE_MARKS = "‘’'‚‛"
_OPENERS = "“«„‟〝"
_CLOSERS = "»〞"
_SPACE_BEFORE = " \t\n\r\u00a0([{—–-/"
_CLOSE_AFTER = " \t\n\r\u00a0,.;:!?)]}…—–-/"

_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_INNER_CUE = re.compile(
    r",\s*(?:" + "|".join(sorted(POST_CUES, key=len, reverse=True)) + r")(?:nya\b|\b\s+\w)"
)
_DOUBLE = re.compile("[" + re.escape(DOUBLE_MARKS) + "]")
_SINGLE = re.compile("[" + re.escape(SINGLE_MARKS) + "]")
_CUE_AFTER = re.compile(
    r"\s*[,.]?\s*(?:" + "|".join(sorted(POST_CUES, key=len, reverse=True)) + r")(?:nya)?\b", re.I
)


@dataclass(slots=True)
class QuoteSpan:
    """A direct quote found by its marks.

    Attributes:
        open: offset of the opening mark.
        close: offset just after the closing mark (the paragraph end when it never closes).
        start, end: the quoted words (marks and surrounding spaces excluded).
        pieces: ``(start, end)`` of each paragraph's part; one piece unless the quote runs on.
        closed: whether a closing mark was found.
        single: the quote uses single marks (``‘…’``).
    """

    open: int
    close: int
    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True
    single: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line-separated paragraph, spaces trimmed."""
    spans, pos = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def role(text: str, i: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` for the mark at ``i`` within the paragraph ``[lo, hi)``."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    opens = before in _SPACE_BEFORE and after not in _CLOSE_AFTER
    closes = before not in " \t\n\r\u00a0" and (after in _CLOSE_AFTER or after in DOUBLE_MARKS)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    mark = text[i]
    if mark in _OPENERS and not closes:
        return "open"
    if mark in _CLOSERS:
        return "close"
    return "either"


def _cue_follows(text: str, i: int, hi: int) -> bool:
    return _CUE_AFTER.match(text, i + 1, hi) is not None


def scan_paragraph(text: str, lo: int, hi: int) -> tuple[list[QuoteSpan], int | None]:
    """Double-mark quotes of one paragraph; also the offset of a quote left open at its end.

    A quote whose closing mark the scrape lost ends at a reporting word inside it
    (``"Dengan adanya amnesti …, tambah Anto, yang …``) or where a new quote opens a sentence.
    """
    found: list[QuoteSpan] = []
    depth, opened = 0, -1
    for match in _DOUBLE.finditer(text, lo, hi):
        i = match.start()
        kind = role(text, i, lo, hi)
        if kind == "either":
            kind = "close" if depth or _cue_follows(text, i, hi) else "open"
        if kind == "open":
            if depth and _starts_sentence(text, i, opened):
                found.append(_unclosed(text, opened, i))
                depth = 0
            if depth == 0:
                opened = i
            depth += 1
            continue
        if depth == 0:
            continue  # a stray closing mark
        depth = 0 if _cue_follows(text, i, hi) else depth - 1
        if depth == 0:
            found.append(_span(text, opened, i + 1, i))
    if depth:
        cue = _INNER_CUE.search(text, opened, hi)
        if cue is not None:
            found.append(_span(text, opened, cue.start(), cue.start(), closed=False))
            return found, None
    return found, (opened if depth else None)


def _starts_sentence(text: str, i: int, opened: int) -> bool:
    """An opening mark right after a sentence end, while a quote is open: a new quote (the open
    one lost its closing mark), not a nested one."""
    before = text[opened + 1 : i].rstrip()
    return len(before) > 1 and before[-1] in ".!?"


def _unclosed(text: str, opened: int, next_open: int) -> QuoteSpan:
    """A quote that never closes before the next one opens: up to a reporting word inside it,
    else up to the next quote."""
    cue = _INNER_CUE.search(text, opened, next_open)
    end = cue.start() if cue is not None else next_open
    return _span(text, opened, end, end, closed=False)


def _span(text: str, open_at: int, close_at: int, inner_end: int, closed: bool = True) -> QuoteSpan:
    start, end = _trim(text, open_at + 1, inner_end)
    return QuoteSpan(open_at, close_at, start, end, [(start, end)], closed)


def find_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every double-mark quote of ``text`` in order, multi-paragraph quotes joined."""
    paras = paras if paras is not None else paragraphs(text)
    out: list[QuoteSpan] = []
    pending: QuoteSpan | None = None
    for lo, hi in paras:
        if pending is not None:
            if hi > lo and text[lo] in DOUBLE_MARKS and role(text, lo, lo, hi) != "close":
                pending = _continue(text, pending, lo, hi, out)
                continue
            out.append(pending)
            pending = None
        spans, left_open = scan_paragraph(text, lo, hi)
        out.extend(spans)
        if left_open is not None:
            pending = _span(text, left_open, hi, hi, closed=False)
    if pending is not None:
        out.append(pending)
    return out


def _continue(text: str, pending: QuoteSpan, lo: int, hi: int, out: list[QuoteSpan]) -> QuoteSpan | None:
    """Run an open quote on into the paragraph at ``[lo, hi)``, which opens with a mark again."""
    spans, left_open = scan_paragraph(text, lo, hi)
    first = spans[0] if spans and spans[0].open == lo else None
    if first is not None:  # the run-on quote closes in this paragraph
        pending.pieces.append((first.start, first.end))
        pending.end, pending.close, pending.closed = first.end, first.close, True
        out.append(pending)
        out.extend(spans[1:])
        return None if left_open is None else _span(text, left_open, hi, hi, closed=False)
    start, end = _trim(text, lo + 1, hi)
    pending.pieces.append((start, end))
    pending.end, pending.close = end, hi
    out.extend(spans)
    return pending


def quote_text(text: str, quote: QuoteSpan) -> str:
    """The quoted words: the text between the marks, paragraph breaks kept, inner marks dropped
    only where a continued paragraph reopens the quote."""
    if len(quote.pieces) == 1:
        return text[quote.start : quote.end]
    return "\n\n".join(text[s:e] for s, e in quote.pieces if e > s)


def single_quotes(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """Single-mark quotes (``‘…’``, ``'…'``) within ``[lo, hi)``: an opening mark after a space and a
    closing mark before a space or punctuation; apostrophes inside words never count."""
    out: list[QuoteSpan] = []
    opened = -1
    for match in _SINGLE.finditer(text, lo, hi):
        i = match.start()
        kind = role(text, i, lo, hi)
        if kind == "open" and opened < 0:
            opened = i
        elif kind == "close" and opened >= 0:
            span = _span(text, opened, i + 1, i)
            span.single = True
            out.append(span)
            opened = -1
    return out
