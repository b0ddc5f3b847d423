"""One article as the event coder reads it: sentences, words, actor mentions, quotes, paragraphs.

Built from the language layer's analysis when the pipeline passes it (sentences with tokens), else
from :func:`kabar.language.sentences.split_sentences`; actor mentions come from ``Article.actors``
and quote speakers from ``Article.quotes``. Every offset indexes into ``Article.text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from kabar.language.sentences import split_sentences
from kabar.language.tokenize import Token
from kabar.model import Actor, Article

QUOTE_CHARS = frozenset('"“”„«»')


@dataclass(slots=True)
class Slot:
    """An actor mention inside one sentence, as token indices ``first..last`` (inclusive)."""

    actor: Actor
    first: int
    last: int
    start: int
    end: int


@dataclass(slots=True)
class SentenceView:
    """A sentence with its tokens, their lower-case words and the actor mentions inside it."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    words: list[str]
    bases: list[str]  # words without their clitic ("memberikannya" → "memberikan")
    paragraph: int
    pos: list[str] = field(default_factory=list)  # POS tags when the language layer gave them
    slots: list[Slot] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)  # per token: inside quoted speech
    edges: set[int] = field(default_factory=set)  # token indices of the speech quote marks

    def slot_at(self, token: int) -> Slot | None:
        for slot in self.slots:
            if slot.first <= token <= slot.last:
                return slot
        return None


@dataclass(slots=True)
class DocView:
    """The sentences of an article and what the coder needs across them."""

    article: Article
    sentences: list[SentenceView]
    actors: dict[str, Actor]  # by id, each mapped to its canonical actor (see canonical_actors)


def _base(token: Token) -> str:
    word = token.text.lower()
    if token.clitic and word.endswith(token.clitic):
        return word[: -len(token.clitic)]
    return word


def _sentence_spans(text: str, analysis: Any) -> list[tuple[int, int, list[Token], list[str]]]:
    sentences = getattr(analysis, "sentences", None)
    if sentences:
        return [(s.start, s.end, list(s.tokens), list(getattr(s, "pos", None) or [])) for s in sentences]
    return [(s.start, s.end, s.tokens, []) for s in split_sentences(text)]


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
SPEECH_END = frozenset(",.!?…")
INLINE_WORDS = 6
"""A quotation of at most this many words that does not end in punctuation is a name or a scare
quote ("dengan rasa terima kasih"), not speech: it neither ends a clause nor has a speaker."""


def _quote_pairs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index pairs (open, close) of the quotations in a sentence; an unclosed one runs to the end."""
    pairs = []
    open_at: int | None = None
    for i, tok in enumerate(tokens):
        if tok.text not in QUOTE_CHARS:
            continue
        opening = tok.text in OPENING or (tok.text == '"' and open_at is None)
        if opening and tok.text not in CLOSING:
            if open_at is None:
                open_at = i
        elif open_at is not None:
            pairs.append((open_at, i))
            open_at = None
        elif not pairs:
            pairs.append((-1, i))  # closes a quotation opened in an earlier sentence
    if open_at is not None:
        pairs.append((open_at, len(tokens)))
    return pairs


def _speech(tokens: list[Token], start: int, end: int) -> bool:
    inner = [t for t in tokens[max(0, start + 1) : end] if t.kind != "punct"]
    ends_in_punct = end - 1 > start and tokens[end - 1].text in SPEECH_END
    return ends_in_punct or start < 0 or end >= len(tokens) or len(inner) > INLINE_WORDS


def _quoted(tokens: list[Token]) -> tuple[list[bool], set[int]]:
    """Per token, whether it stands inside quoted speech; and the indices of the speech quote marks."""
    flags = [False] * len(tokens)
    edges: set[int] = set()
    for start, end in _quote_pairs(tokens):
        if not _speech(tokens, start, end):
            continue
        edges.update(k for k in (start, end) if 0 <= k < len(tokens))
        for k in range(max(0, start + 1), min(end, len(tokens))):
            flags[k] = True
    return flags, edges


def build_view(article: Article, analysis: Any = None) -> DocView:
    """The coder's view of ``article``: sentences with their mentions, quotes and speakers."""
    text = article.text
    para_starts = _paragraph_starts(text)
    sentences = []
    for index, (start, end, tokens, pos) in enumerate(_sentence_spans(text, analysis)):
        sentence = SentenceView(
            index,
            start,
            end,
            text[start:end],
            tokens,
            [t.text.lower() for t in tokens],
            [_base(t) for t in tokens],
            bisect.bisect_right(para_starts, start) - 1,
            pos if len(pos) == len(tokens) else [],
        )
        sentence.quoted, sentence.edges = _quoted(tokens)
        sentences.append(sentence)
    canonical = canonical_actors(article.actors)
    _place_mentions(article.actors, sentences, canonical)
    return DocView(article, sentences, canonical)


def canonical_actors(actors: list[Actor]) -> dict[str, Actor]:
    """Each actor's id mapped to the actor it is another name of, by the same article.

    Stop-gap until the actor linker merges them itself: a person named by part of another person's
    name ("Nasky" and "Nasky Putra Tandjung") and two actors with one name are one actor here.
    """
    out: dict[str, Actor] = {}
    by_name: dict[str, Actor] = {}
    people = [a for a in actors if a.kind == "person"]
    for actor in actors:
        key = actor.name.lower()
        target = by_name.setdefault(key, actor)
        if actor.kind == "person":
            words = set(key.split())
            fuller = [
                p
                for p in people
                if p is not actor
                and words < set(p.name.lower().split())
                and p.code.split(" ")[0] == actor.code.split(" ")[0]
            ]
            if len(fuller) == 1:
                target = fuller[0]
        out[actor.id] = target
    return out


def _place_mentions(actors: list[Actor], sentences: list[SentenceView], canonical: dict[str, Actor]) -> None:
    """Attach every actor mention to its sentence; a mention inside a longer one is dropped."""
    starts = [s.start for s in sentences]
    spans = sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda x: (x[0], -x[1]))
    last_end = -1
    for start, end, actor in spans:
        if start < last_end:
            continue
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end > sentences[index].end:
            continue
        slot = _slot(sentences[index], canonical[actor.id], start, end)
        if slot is not None:
            sentences[index].slots.append(slot)
            last_end = end


def _slot(sentence: SentenceView, actor: Actor, start: int, end: int) -> Slot | None:
    first = last = None
    for i, tok in enumerate(sentence.tokens):
        if tok.end > start and tok.start < end:
            first = i if first is None else first
            last = i
    if first is None or last is None:
        return None
    return Slot(actor, first, last, start, end)
