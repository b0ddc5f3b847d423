"""The records the quote finders share: claims, report anchors and the article's layout.

A :class:`Claim` is a quote before its speaker is resolved: the reported words, the cue, the
phrase that names the speaker and the spans of the reporting clause (where ``via`` and the date
are read). An :class:`Anchor` is a report clause that dates a speaker without being a quote.
:class:`Layout` is the article cut into paragraphs, direct-quote spans and sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kabar.model import QuoteKind
from kabar.quotes import marks
from kabar.quotes.lexicon import POST_CUES
from kabar.quotes.marks import QuoteSpan
from kabar.quotes.phrases import Phrase, after_cue
from kabar.quotes.segment import Word, sentences

Span = tuple[int, int]

POST_CUE = re.compile(
    r"(?P<base>" + "|".join(sorted(POST_CUES, key=len, reverse=True)) + r")(?P<nya>nya)?", re.I
)
"""A post cue as one word: ``kata``, ``ujarnya`` (``base`` and the ``nya`` suffix)."""
POST_FORMS = POST_CUES | {cue + "nya" for cue in POST_CUES}


@dataclass(slots=True)
class Claim:
    """A quote found in the text, its speaker not yet resolved.

    Attributes:
        start, end: the reported words in the article text.
        text: the reported words (marks dropped; a run-on quote's paragraphs joined).
        kind: ``direct`` or ``indirect``.
        cue: the reporting word as written, or ``None`` for a quote attributed by context.
        at: offset of the cue (or of the quote when it has none), for ordering and pronouns.
        phrase: the words naming the speaker; ``None`` with ``context`` for "the speaker before".
        frames: spans of the reporting clause, where ``via`` and the date are read.
        context: the speaker is whoever spoke last (a cue-less quote).
        lead: for a pronoun subject, the sentence before, whose subject it may refer to.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None
    at: int
    phrase: Phrase | None
    frames: list[Span] = field(default_factory=list)
    context: bool = False
    lead: Span | None = None


@dataclass(slots=True)
class Anchor:
    """A report clause that names a speaker and the day without being a quote itself
    ("Hal itu disampaikan Nasky …, Senin (20/10)"); without a phrase it is about the speaker
    before it ("Hal itu disampaikan dalam jumpa pers, Senin (20/10)")."""

    phrase: Phrase | None
    frame: Span

    @property
    def at(self) -> int:
        return self.phrase.start if self.phrase is not None else self.frame[0]


@dataclass(slots=True)
class Layout:
    """The article cut up: paragraphs, direct-quote spans and sentences (all offsets)."""

    text: str
    paragraphs: list[Span]
    quotes: list[QuoteSpan]
    sentences: list[Span]

    @classmethod
    def of(cls, text: str) -> Layout:
        paras = marks.paragraphs(text)
        quotes = marks.find_quotes(text, paras)
        bounds = [(q.open, q.close) for q in quotes]
        sents = [s for lo, hi in paras for s in sentences(text, lo, hi, bounds)]
        return cls(text, paras, quotes, sents)

    def sentence_at(self, pos: int) -> Span:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def paragraph_at(self, pos: int) -> Span:
        for lo, hi in self.paragraphs:
            if lo <= pos < hi:
                return lo, hi
        return pos, pos


def cue_phrase(match: re.Match[str], cue: Word, rest: Sequence[Word]) -> Phrase | None:
    """The speaker phrase of a post cue: the cue itself for ``ujarnya``, else the words after it."""
    if match.group("nya"):
        return Phrase(cue.start, cue.end, "pronoun")
    return after_cue(rest)
