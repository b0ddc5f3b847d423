r"""Indirect quotes: the reported clause of a sentence without a direct quote.

One per sentence, from the first frame that fits: ``Menurut X, …`` (and ``… menurut X …``);
``…, kata X`` / ``Sebab, kata dia, …`` / ``Kata X, …`` without marks; ``X (juga) <speech verb>
(bahwa) …`` with a speaker subject (verbs that usually take a noun object report only when a
clause follows); the passive ``… disebutkan …`` / ``… disebut-sebut …``. Reported speech runs on
into the next sentence of its paragraph when that sentence is no claim of its own.

Sentences that name a speaker without quoting them are :class:`~kabar.quotes.records.Anchor`\ s:
they date the speaker ("Hal itu disampaikan Nasky …, Senin (20/10)") and give pronouns an antecedent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kabar.quotes.lexicon import (
    CLAUSE_AUXILIARIES,
    DELIVERED,
    NARRATION_OPENERS,
    NEGATIONS,
    OBJECT_VERBS,
    PASSIVE_CUES,
    PRONOUNS,
    REPORT_PASSIVES,
    RUN_ON_CUES,
    SPEECH_VERBS,
)
from kabar.quotes.phrases import Phrase, after_cue, subject_before
from kabar.quotes.records import POST_CUE, POST_FORMS, Anchor, Claim, Layout, Span, cue_phrase
from kabar.quotes.segment import Word, alternation, words

_ANY_CUE = POST_FORMS | SPEECH_VERBS | PASSIVE_CUES | {"menurut", "menurutnya", "memberi"}
_ANY_CUE_RE = re.compile(r"\b" + alternation(_ANY_CUE | REPORT_PASSIVES) + r"\b", re.I)
_CLAUSE_MARKERS = frozenset({",", ":", "bahwa", "agar", "supaya", "untuk", "kalau", "jika"})
_PASSIVE_BLOCKERS = frozenset({"yang", "seperti", "sebagaimana", "telah", "sudah", "pernah", "sebagai",
                               "akan", "dapat", "bisa", "tidak", "belum", "juga"})  # fmt: skip
_MIN_CLAUSE_WORDS = 2


def indirect_claims(layout: Layout, taken: list[Span]) -> tuple[dict[int, Claim], list[Anchor]]:
    """Indirect quotes by sentence index, and the report clauses, of sentences without a quote."""
    by_sentence: dict[int, Claim] = {}
    anchors: list[Anchor] = []
    for idx, (s, e) in enumerate(layout.sentences):
        if any(o < e and c > s for o, c in taken) or not _ANY_CUE_RE.search(layout.text, s, e):
            continue
        ws = words(layout.text, s, e)
        claim = indirect_claim(layout.text, ws, (s, e))
        anchor = report_anchor(ws, (s, e)) or (None if claim else subject_anchor(ws, (s, e)))
        if claim is not None:
            by_sentence[idx] = claim
        if anchor is not None:
            anchors.append(anchor)
    return by_sentence, anchors


def leads(layout: Layout, by_sentence: dict[int, Claim], taken: list[Span]) -> None:
    """``Pemohon bernama Daniel … Dia meminta …``: a pronoun subject may point at the subject of
    the sentence before, when that sentence is no quote (the speaker stage checks for a person)."""
    for idx, claim in by_sentence.items():
        phrase = claim.phrase
        if phrase is None or phrase.kind != "pronoun" or phrase.start > claim.start or idx == 0:
            continue
        s, e = layout.sentences[idx - 1]
        if idx - 1 not in by_sentence and not any(o < e and c > s for o, c in taken):
            claim.lead = (s, e)


def run_on(layout: Layout, by_sentence: dict[int, Claim], taken: list[Span], anchored: set[Span]) -> None:
    """Reported speech goes on into the next sentence of its paragraph when that one is no claim
    of its own and does not turn to narration ("Menurutnya, A. Tak terkecuali B." is one claim)."""
    text, sents = layout.text, layout.sentences
    for idx, claim in by_sentence.items():
        if (claim.cue or "").lower() not in RUN_ON_CUES or idx + 1 >= len(sents) or idx + 1 in by_sentence:
            continue
        s, e = sents[idx + 1]
        if (s, e) in anchored or any(o < e and c > s for o, c in taken):
            continue
        if layout.paragraph_at(s) != layout.paragraph_at(claim.start):
            continue
        following = [w.lower for w in words(text, s, e)]
        if not following or following[0] in NARRATION_OPENERS or _speaks(following):
            continue
        end = e
        while end > s and text[end - 1] in " .":
            end -= 1
        claim.end, claim.text = end, text[claim.start : end]


def indirect_claim(text: str, ws: list[Word], sent: Span) -> Claim | None:
    """The reported clause of one sentence without a direct quote, or ``None``."""
    if len(ws) < 4 or not any(w.lower in _ANY_CUE for w in ws):
        return None
    for finder in (_menurut, _unquoted_post_cue, _speech_verb, _passive):
        claim = finder(text, ws, sent)
        if claim is not None:
            return claim
    return None


def _clause(text: str, ws: Sequence[Word]) -> tuple[int, int, str] | None:
    """The clause spanned by ``ws`` without its final punctuation, if long enough."""
    ws = list(ws)
    while ws and ws[0].text in ",:;-—":
        ws = ws[1:]
    while ws and ws[-1].text in ".,;:!?":
        ws.pop()
    if len([w for w in ws if w.text[:1].isalnum()]) < _MIN_CLAUSE_WORDS:
        return None
    start, end = ws[0].start, ws[-1].end
    return start, end, text[start:end]


def _indirect(
    text: str, clause: Sequence[Word], cue: Word, phrase: Phrase | None, sent: Span
) -> Claim | None:
    got = _clause(text, clause)
    if got is None:
        return None
    start, end, body = got
    frames = [(sent[0], start), (end, sent[1])]
    return Claim(start, end, body, "indirect", cue.text, cue.start, phrase, frames)


def _menurut(text: str, ws: list[Word], sent: Span) -> Claim | None:
    """``Menurut X, …`` / ``Menurutnya, …`` / ``… menurut X …``."""
    for i, w in enumerate(ws):
        if w.lower == "menurutnya":
            phrase: Phrase | None = Phrase(w.start, w.end, "pronoun")
            k = i + 1
        elif w.lower == "menurut":
            k = _comma_after(ws, i + 1, limit=12)
            k = _appositive_end(ws, i + 1, k) if k else 0
            phrase = _zone_phrase(ws[i + 1 : k]) if k else after_cue(ws[i + 1 :])
        else:
            continue
        if phrase is None or _negated(ws, i):
            return None
        if _opens_clause(ws, i) and k and k < len(ws):
            return _indirect(text, ws[k:], w, phrase, sent)
        if i > 2 and ws[i - 1].text == "," and _ends_after(ws, phrase):
            return _indirect(text, ws[: i - 1], w, phrase, sent)
        return _indirect(text, [x for x in ws if not phrase.start <= x.start < phrase.end and x is not w],
                         w, phrase, sent)  # fmt: skip
    return None


def _appositive_end(ws: list[Word], start: int, k: int) -> int:
    """``Menurut ahli gizi di New York, Robin DeCicco, …``: the comma after a name in apposition to
    a description, else ``k`` (the first comma)."""
    if all(w.capitalised for w in ws[start:k]) or ws[start].lower in PRONOUNS:
        return k
    j = _comma_after(ws, k + 1, limit=6)
    name = ws[k + 1 : j] if j else []
    return j if len(name) >= 2 and all(w.text[:1].isupper() for w in name) else k


def _zone_phrase(zone: list[Word]) -> Phrase | None:
    """The speaker phrase between ``Menurut`` and the clause."""
    if len(zone) == 1 and zone[0].lower in PRONOUNS:
        return Phrase(zone[0].start, zone[0].end, "pronoun")
    return subject_before(zone) if zone and not any(w.text[:1].isdigit() for w in zone[:1]) else None


def _comma_after(ws: list[Word], i: int, limit: int) -> int:
    for k in range(i, min(len(ws), i + limit)):
        if ws[k].text == ",":
            return k
    return 0


def _opens_clause(ws: list[Word], i: int) -> bool:
    """The cue starts the sentence, or follows only a connective and a comma (``Namun, menurut …``)."""
    return i == 0 or (i <= 3 and ws[i - 1].text == ",")


def _ends_after(ws: list[Word], phrase: Phrase) -> bool:
    rest = [w for w in ws if w.start >= phrase.end]
    return all(w.text in ".!?" for w in rest)


def _negated(ws: list[Word], i: int) -> bool:
    return any(w.lower in NEGATIONS for w in ws[max(0, i - 2) : i])


def _unquoted_post_cue(text: str, ws: list[Word], sent: Span) -> Claim | None:
    """``…, kata X.`` / ``Sebab, kata dia, …`` / ``Kata Ali, …`` without quote marks."""
    for i, w in enumerate(ws):
        if w.lower not in POST_FORMS or not (i == 0 or ws[i - 1].text == ","):
            continue
        match = POST_CUE.fullmatch(w.text)
        if match is None:
            continue
        phrase = cue_phrase(match, w, ws[i + 1 :])
        if phrase is None:
            continue
        after = [x for x in ws[i + 1 :] if x.start >= phrase.end]
        if after and after[0].text == "," and len(after) > 3:
            return _indirect(text, after[1:], w, phrase, sent)
        if all(x.text in ".!?" for x in after) and i > 2:
            return _indirect(text, _drop_lead(ws[: i - 1]), w, phrase, sent)
    return None


def _drop_lead(ws: list[Word]) -> list[Word]:
    """A clause without a leading ``Namun,``-style connective."""
    if len(ws) > 2 and ws[1].text == "," and ws[0].lower in {"namun", "tetapi", "tapi", "jadi", "nah"}:
        return ws[2:]
    return ws


def _speech_verb(text: str, ws: list[Word], sent: Span) -> Claim | None:
    """``X (juga) mengatakan (bahwa) …``: the first speech verb with a speaker subject."""
    for i, w in enumerate(ws):
        low = w.lower
        if low == "memberi" and i + 1 < len(ws) and ws[i + 1].lower == "tahu":
            low, rest = "memberi tahu", ws[i + 2 :]
        else:
            rest = ws[i + 1 :]
        if low not in SPEECH_VERBS or (i and ws[i - 1].lower == "yang"):
            continue
        if low in OBJECT_VERBS and not _takes_clause(rest):
            continue
        if low == "menyampaikan" and rest and rest[0].lower in DELIVERED:
            continue
        phrase = subject_before(ws[:i])
        if phrase is None or _refers_back(rest):
            continue
        rest = _skip_circumstance(rest)
        while rest and rest[0].lower in {",", ":", "bahwa", "kalau"}:
            rest = rest[1:]
        claim = _indirect(text, rest, w, phrase, sent)
        if claim is not None:
            if low == "memberi tahu":
                claim.cue = text[w.start : ws[i + 1].end]
            return claim
    return None


_BACK_REFERENCES = {("hal", "itu"), ("hal", "tersebut"), ("hal", "ini"), ("itu",), ("ini",), ("tersebut",)}


def _refers_back(rest: Sequence[Word]) -> bool:
    """``Peskov mengungkapkan hal itu saat menjawab wartawan``: the verb's object is what was
    quoted before, and the rest is circumstance, not a new statement (unless ``bahwa`` follows)."""
    lowered = [w.lower for w in rest[:2]]
    if tuple(lowered) not in _BACK_REFERENCES and tuple(lowered[:1]) not in _BACK_REFERENCES:
        return False
    return not any(w.lower == "bahwa" for w in rest[:8])


def _skip_circumstance(rest: list[Word]) -> list[Word]:
    """``mengatakan pada Rabu (21/2) bahwa …``: the day or place between the verb and ``bahwa``
    belongs to the reporting clause, not to what was said."""
    k = next((j for j, w in enumerate(rest[:10]) if w.lower == "bahwa"), None)
    if not k:
        return rest
    lead = rest[:k]
    dated = any(w.text[:1].isdigit() for w in lead)
    if dated or lead[0].lower in {"pada", "di", "dalam", "saat", "kepada", "ketika", ","}:
        return rest[k:]
    return rest


def _speaks(lowered: Sequence[str]) -> bool:
    """A sentence with a speaker of its own: a pronoun subject or a reporting word (not one in a
    relative clause: "… KUHP yang dengan tegas menyatakan …")."""
    for k, w in enumerate(lowered):
        if w in NARRATION_OPENERS:
            return True
        reporting = w in SPEECH_VERBS or w in PASSIVE_CUES or w in REPORT_PASSIVES
        if reporting and "yang" not in lowered[max(0, k - 3) : k]:
            return True
    return False


def _takes_clause(rest: Sequence[Word]) -> bool:
    """An object verb reports when a clause follows: a marker right after it, or an auxiliary
    soon after its object ("mengapresiasi Kejagung telah berperan …")."""
    if not rest:
        return False
    if rest[0].lower in _CLAUSE_MARKERS:
        return True
    return any(w.lower in CLAUSE_AUXILIARIES for w in rest[1:7])


def _passive(text: str, ws: list[Word], sent: Span) -> Claim | None:
    """``… disebutkan …`` / ``… disebut-sebut …``: the sentence is the claim; a named agent
    right after the cue (``disebutkan Afifuddin,``) is the speaker."""
    for i, w in enumerate(ws):
        if w.lower not in PASSIVE_CUES or (i and ws[i - 1].lower in _PASSIVE_BLOCKERS):
            continue
        phrase = None
        if i + 1 < len(ws) and ws[i + 1].text[:1].isupper():
            k = _comma_after(ws, i + 1, limit=8)
            phrase = after_cue(ws[i + 1 : k] if k else ws[i + 1 :])
        if phrase is None and i == 0:
            return None  # "Disebutkan …" opening a sentence cites a document, not a speaker
        return _indirect(text, _drop_lead(ws), w, phrase, sent)
    return None


def subject_anchor(ws: list[Word], sent: Span) -> Anchor | None:
    """The named subject of a speech verb whose clause is too short to quote ("Mardani Ali Sera
    mengapresiasi KPU."): the speaker a following "Menurutnya" refers to."""
    for i, w in enumerate(ws):
        if w.lower in SPEECH_VERBS and i:
            phrase = subject_before(ws[:i])
            if phrase is not None and phrase.kind == "name":
                return Anchor(phrase, sent)
    return None


def report_anchor(ws: list[Word], sent: Span) -> Anchor | None:
    """``Hal itu disampaikan Nasky …``: a report clause that names its speaker."""
    for i, w in enumerate(ws):
        if w.lower in REPORT_PASSIVES and i + 1 < len(ws):
            phrase = after_cue(ws[i + 1 :])
            if phrase is not None and phrase.kind == "name":
                return Anchor(phrase, sent)
            if phrase is None and i <= 3 and ws[0].lower in {"hal", "pernyataan", "penjelasan", "keterangan"}:
                return Anchor(None, sent)
    return None
