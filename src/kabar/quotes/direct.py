"""Direct quotes: a pair of quote marks with its reporting clause.

One record per pair of marks, as the gold records split quotes (``“A,” kata dia. “B,” tambahnya.``
gives two; ``“A,” kata dia. “B.”`` gives two with the same speaker). The reporting clause is
looked for after the closing mark (``,” kata X``, ``,” ujarnya``, ``,” Peskov menambahkan``), then
before the opening one (``X mengatakan: “…”``, ``Kata dia, “…”``, a sentence ending in ``:``);
a sentence wholly in quotes with no cue goes to the speaker before it. Titles in marks
(``bertajuk “…”``) and scare quotes are no quotes. Single marks count only with a post cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.quotes import marks
from kabar.quotes.lexicon import PASSIVE_CUES, SPEECH_VERBS, TITLE_INTRODUCERS, WEAK_POST_CUES
from kabar.quotes.marks import QuoteSpan
from kabar.quotes.phrases import Phrase, after_cue, subject_before
from kabar.quotes.records import POST_CUE, Claim, Layout, Span, cue_phrase
from kabar.quotes.segment import Word, words

_MIN_CUELESS_WORDS = 6
_MIN_INLINE_WORDS = 3


def direct_claims(layout: Layout) -> tuple[list[Claim], list[Span]]:
    """The attributed direct quotes, and the ``(open, close)`` spans they take."""
    claims: list[Claim] = []
    taken: list[Span] = []
    last: tuple[QuoteSpan, Claim] | None = None
    for quote in layout.quotes:
        claim = direct_claim(layout, quote)
        if claim is None and last is not None and _continues(layout, last[0], quote):
            claim = _make_direct(layout, quote, None, None, [], context=True)
            claim.cue = last[1].cue
        if claim is not None:
            claims.append(claim)
            taken.append((quote.open, quote.close))
        last = (quote, claim) if claim is not None else None
    claims.extend(_single_claims(layout, taken))
    return claims, taken


def direct_claim(layout: Layout, quote: QuoteSpan) -> Claim | None:
    """A quote-marked span with its reporting clause, or ``None`` for scare quotes and titles."""
    text = layout.text
    if not marks.quote_text(text, quote).strip(" ,") or _titled(layout, quote):
        return None
    s, e = layout.sentence_at(max(quote.close - 1, quote.open))
    claim = _post_cue(layout, quote, words(text, quote.close, e), (quote.close, e))
    if claim is None:
        s0, _ = layout.sentence_at(quote.open)
        claim = _pre_cue(layout, quote, s0)
    if claim is None:
        claim = _cueless(layout, quote, s, e)
    return claim


def _titled(layout: Layout, quote: QuoteSpan) -> bool:
    """A title or a name in marks (``bertema “Idul Fitri Momentum Hijrah”``), not a quote."""
    before = words(layout.text, max(0, quote.open - 40), quote.open)
    return bool(before) and before[-1].lower in TITLE_INTRODUCERS


def _make_direct(layout: Layout, quote: QuoteSpan, cue: Word | None, phrase: Phrase | None,
                 frames: list[Span], context: bool = False) -> Claim:  # fmt: skip
    body = marks.quote_text(layout.text, quote)
    trimmed = body.rstrip(" ,")
    pieces = [(s, e) for s, e in quote.pieces if e > s] or [(quote.start, quote.end)]
    start, end = pieces[0][0], pieces[-1][1] - (len(body) - len(trimmed))
    at = cue.start if cue is not None else quote.open
    return Claim(start, end, trimmed, "direct", cue.text if cue else None, at, phrase, frames, context)


def _post_cue(layout: Layout, quote: QuoteSpan, ws: list[Word], frame: Span) -> Claim | None:
    """``“…,” kata X`` / ``“…,” ujarnya`` / ``“…,” Peskov menambahkan``."""
    i = 1 if ws and ws[0].text in ",." else 0
    found = _cue_after(ws, i) if i < len(ws) else None
    if found is None:
        return None
    cue, phrase, context = found
    return _make_direct(layout, quote, cue, phrase, [frame], context=context)


def _cue_after(ws: list[Word], i: int) -> tuple[Word, Phrase | None, bool] | None:
    """The cue at ``ws[i]`` with its speaker phrase, and whether the speaker comes from context."""
    cue = ws[i]
    if cue.lower in {"sambil", "seraya", "sembari"} and i + 1 < len(ws) and ws[i + 1].lower in SPEECH_VERBS:
        return ws[i + 1], None, True
    if cue.lower in {"menurut", "menurutnya"}:
        found = _cue_first([*ws[i:], Word(",", cue.end, cue.end)]) if cue.lower == "menurut" else None
        return cue, found[1] if found else Phrase(cue.start, cue.end, "pronoun"), False
    match = POST_CUE.fullmatch(cue.text)
    if match is not None:
        phrase = cue_phrase(match, cue, ws[i + 1 :])
        if phrase is None and match.group("base").lower() in WEAK_POST_CUES:
            return None
        return cue, phrase, phrase is None
    return _named_then_verb(ws, i)


def _named_then_verb(ws: list[Word], i: int) -> tuple[Word, Phrase | None, bool] | None:
    """``“…,” Peskov menambahkan``: a name right after the quote, then a speech verb."""
    if not ws[i].capitalised:
        return None
    for j in range(i + 1, min(len(ws), i + 8)):
        if ws[j].lower in SPEECH_VERBS:
            phrase = subject_before(ws[i:j])
            if phrase is None or _clause_follows(ws[j + 1 :]):
                return None
            return ws[j], phrase, False
        if ws[j].text in ",.;":
            break
    return None


def _clause_follows(rest: Sequence[Word]) -> bool:
    """A reported clause after the verb (``…”, Muhammadun menyampaikan, Idul Fitri adalah …``):
    the verb starts an indirect quote of its own rather than closing the quote before it."""
    if not rest or rest[0].lower not in {",", "bahwa", ":"}:
        return False
    return len([w for w in rest if w.text[:1].isalpha() and not w.capitalised]) >= 3


def _pre_cue(layout: Layout, quote: QuoteSpan, s: int) -> Claim | None:
    """``X mengatakan: “…”``, ``Kata dia, “…”``, or a paragraph before ending in ``mengatakan:``."""
    text = layout.text
    ws = words(text, s, quote.open)
    if not ws:
        ws, s = _lead_in(layout, quote.open)
        if not ws or ws[-1].text != ":":
            return None
    found = _speech_frame(ws) or _cue_first(ws)
    if found is None:
        return None
    cue, phrase = found
    return _make_direct(layout, quote, cue, phrase, [(s, quote.open)])


def _lead_in(layout: Layout, pos: int) -> tuple[list[Word], int]:
    """The sentence before ``pos`` (in this paragraph or the one before)."""
    before = [span for span in layout.sentences if span[1] <= pos]
    if not before:
        return [], pos
    s, e = before[-1]
    return words(layout.text, s, e), s


def _speech_frame(ws: list[Word]) -> tuple[Word, Phrase] | None:
    """A speech verb ending the words (up to ``,``/``:``/``bahwa``) with its subject before it."""
    j = len(ws)
    while j and ws[j - 1].lower in {",", ":", "bahwa", "-", "—"}:
        j -= 1
    if not j or ws[j - 1].lower not in SPEECH_VERBS:
        return None
    phrase = subject_before(ws[: j - 1])
    return None if phrase is None else (ws[j - 1], phrase)


def _cue_first(ws: list[Word]) -> tuple[Word, Phrase] | None:
    """``Kata dia, “…”`` / ``Menurut X, “…”``: a cue opening the words, a comma closing them."""
    if len(ws) < 2 or ws[-1].text not in ",:":
        return None
    head = ws[0]
    match = POST_CUE.fullmatch(head.text)
    if match is not None:
        phrase = cue_phrase(match, head, ws[1:-1])
    elif head.lower in {"menurut", "menurutnya"}:
        phrase = (
            Phrase(head.start, head.end, "pronoun") if head.lower.endswith("nya") else after_cue(ws[1:-1])
        )
    else:
        return None
    return None if phrase is None else (head, phrase)


def _cueless(layout: Layout, quote: QuoteSpan, s: int, e: int) -> Claim | None:
    """A quote with no cue of its own: inside a reporting sentence (``… disebutkan “…” …``), or a
    whole sentence in quotes that goes to the speaker before it."""
    text = layout.text
    before = words(text, s, quote.open)
    inline = len(text[quote.start : quote.end].split()) >= _MIN_INLINE_WORDS
    if inline and before and (before[-1].lower in PASSIVE_CUES or before[-1].lower in SPEECH_VERBS):
        verb = before[-1]
        phrase = subject_before(before[:-1]) if verb.lower in SPEECH_VERBS else None
        return _make_direct(layout, quote, verb, phrase, [(s, e)])
    n_words = len(text[quote.start : quote.end].split())
    tail = text[quote.close : e].strip(" .,!?")
    head = text[s : quote.open].strip()
    if n_words >= _MIN_CUELESS_WORDS and not tail and not head:
        return _make_direct(layout, quote, None, None, [], context=True)
    return None


def _continues(layout: Layout, before: QuoteSpan, quote: QuoteSpan) -> bool:
    """``“A,” kata dia. “B.”``: a quote that is the whole sentence right after an attributed one
    goes on with its speaker (one record per pair of marks, as the gold splits them)."""
    _, end = layout.sentence_at(max(before.close - 1, before.open))
    s, e = layout.sentence_at(quote.open)
    text = layout.text
    if text[end : quote.open].strip() or s != quote.open:
        return False
    return not text[quote.close : e].strip(" .,!?") and len(text[quote.start : quote.end].split()) >= 2


def _single_claims(layout: Layout, taken: list[Span]) -> list[Claim]:
    """``‘…,’ kata dia``: single-mark quotes count only with a post cue."""
    text, out = layout.text, []
    for lo, hi in layout.paragraphs:
        for quote in marks.single_quotes(text, lo, hi):
            if any(o <= quote.open < c for o, c in taken):
                continue
            _, e = layout.sentence_at(quote.close - 1)
            claim = _post_cue(layout, quote, words(text, quote.close, e), (quote.close, e))
            if claim is not None and claim.cue is not None and not claim.context:
                out.append(claim)
                taken.append((quote.open, quote.close))
    return out
