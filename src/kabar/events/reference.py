"""Who a pronoun, a quote's "kami" or a missing subject stands for.

* ``saya``/``kami``/``kita`` inside a quote: the quote's speaker (from ``Article.quotes``, else the
  mention after the reporting word: ``," kata Dave``);
* ``ia``/``dia``/``mereka``/``pihaknya``: the actor linker's ``resolve_reference(phrase, position,
  actors)`` when the actors package has it, else the last person named before;
* no subject at all: the quote's speaker, else the reporter of the sentence ("Made mengatakan ...
  tengah diperiksa"), else nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from kabar.actors import resolve_reference
from kabar.events.clause import Clause, is_verb
from kabar.events.document import DocView, SentenceView
from kabar.events.lexicon import Lexicon
from kabar.model import Actor, Quote

Resolver = Callable[[str, int, list[Actor]], Any]


class References:
    """Pronoun and speaker resolution over one article."""

    def __init__(self, view: DocView, lexicon: Lexicon) -> None:
        self.view = view
        self.lexicon = lexicon
        mentions = sorted(((m.start, a) for a in view.article.actors for m in a.mentions), key=lambda x: x[0])
        self._starts = [s for s, _ in mentions]
        self._mentions = mentions
        quotes = sorted((q for q in view.article.quotes if q.start is not None), key=lambda q: q.start or 0)
        self._quotes: list[Quote] = quotes
        self._quote_starts = [q.start or 0 for q in quotes]

    # --- quotes ----------------------------------------------------------------------------------

    def quote_at(self, offset: int) -> Quote | None:
        """The quote whose text covers ``offset``, if the quotes stage found one."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        while i >= 0:
            quote = self._quotes[i]
            if (quote.start or 0) <= offset < (quote.end or 0):
                return quote
            if (quote.end or 0) < offset - 2000:
                break
            i -= 1
        return None

    def speaker_at(self, sentence: SentenceView, token: int) -> Actor | None:
        """Who says the words at ``token``: the quote's speaker, else the reporting clause's."""
        quote = self.quote_at(sentence.tokens[token].start)
        if quote is not None and quote.speaker is not None and quote.speaker.actor in self.view.actors:
            return self.view.actors[quote.speaker.actor]
        if sentence.quoted[token]:
            return self._cue_speaker(sentence)
        return None

    def _cue_speaker(self, sentence: SentenceView) -> Actor | None:
        """Stop-gap when the quotes stage gave nothing: the mention after ``kata``/``ujar``."""
        for i, word in enumerate(sentence.words):
            if word in self.lexicon.speaker_cues and not sentence.quoted[i]:
                after = [s for s in sentence.slots if s.first > i]
                if after and after[0].first - i <= 4:
                    return after[0].actor
                return self.resolve(word, sentence.tokens[i].start)
        return None

    def reporter(self, sentence: SentenceView, token: int, clause: Clause) -> Actor | None:
        """The speaker whose words contain the trigger: quote speaker or ``X mengatakan`` subject."""
        speaker = self.speaker_at(sentence, token)
        if speaker is not None:
            return speaker
        for i in range(clause.left - 1, -1, -1):
            if sentence.words[i] in self.lexicon.speech_verbs and is_verb(sentence, i):
                before = [s for s in sentence.slots if s.last < i]
                return before[-1].actor if before else self.pronoun_before(sentence, i)
        return None

    def _reporting_subject(self, sentence: SentenceView, token: int) -> Actor | None:
        """The named subject of the reporting verb just before ``token`` ("Tito mengatakan pihaknya
        ..."): the verb at most five words before, the name right before the verb."""
        for i in range(token - 1, max(-1, token - 6), -1):
            if sentence.slot_at(i) is not None:
                return None
            if sentence.words[i] in self.lexicon.speech_verbs and is_verb(sentence, i):
                before = [s for s in sentence.slots if s.last < i]
                if before and i - before[-1].last <= 3:
                    return self.view.actors.get(before[-1].actor.id, before[-1].actor)
                return None
        return None

    # --- pronouns --------------------------------------------------------------------------------

    def pronoun_before(self, sentence: SentenceView, token: int, left: int = 0) -> Actor | None:
        """The actor a pronoun between ``left`` and ``token`` stands for, if there is one."""
        for i in range(token - 1, left - 1, -1):
            word = sentence.words[i]
            if word in self.lexicon.first_person and sentence.quoted[i]:
                return self.speaker_at(sentence, i)
            if word in self.lexicon.third_person:
                return self.resolve(word, sentence.tokens[i].start)
        return None

    def pronoun_actors(self, sentence: SentenceView, i: int) -> list[Actor]:
        """The actors the pronoun at token ``i`` stands for ("mereka" may be several)."""
        word = sentence.words[i]
        offset = sentence.tokens[i].start
        if word in self.lexicon.first_person and (
            sentence.quoted[i] or word not in self.lexicon.third_person
        ):
            speaker = self.speaker_at(sentence, i) if sentence.quoted[i] else None
            return [speaker] if speaker is not None else []
        if word in self.lexicon.first_person:  # "pihaknya" outside a quote: the side of who reports it
            reporter = self._reporting_subject(sentence, i)
            if reporter is not None:
                return [reporter]
        if word in self.lexicon.plural:
            return self.last_pair(offset)
        found = self.resolve(word, offset)
        return [found] if found is not None else []

    def last_pair(self, offset: int) -> list[Actor]:
        """The two different people, countries or bodies named last before ``offset`` (for "mereka")."""
        i = bisect.bisect_left(self._starts, offset) - 1
        found: list[Actor] = []
        while i >= 0 and offset - self._starts[i] < 1500 and len(found) < 2:
            actor = self._mentions[i][1]
            actor = self.view.actors.get(actor.id, actor)
            if actor.kind in ("person", "country", "organisation") and actor not in found:
                found.append(actor)
            i -= 1
        return found[::-1] if len(found) == 2 else []

    def resolve(self, phrase: str, offset: int) -> Actor | None:
        """A third-person pronoun at ``offset``: the linker's resolution, else the last person named."""
        found = self._linker(phrase, offset)
        found = found or self.last_person(offset)
        return self.view.actors.get(found.id, found) if found is not None else None

    def _linker(self, phrase: str, offset: int) -> Actor | None:
        try:
            found = resolve_reference(phrase, offset, list(self.view.article.actors))
        except (ValueError, TypeError, KeyError, IndexError):  # a phrase the linker cannot read: give up
            return None
        if isinstance(found, Actor):
            return found
        actor_id = getattr(found, "actor", None) or getattr(found, "id", None)
        return self.view.actors.get(actor_id) if isinstance(actor_id, str) else None

    def last_person(self, offset: int) -> Actor | None:
        """The person (else any actor) named last before ``offset``."""
        i = bisect.bisect_left(self._starts, offset) - 1
        fallback = None
        while i >= 0 and offset - self._starts[i] < 1500:
            actor = self._mentions[i][1]
            if actor.kind == "person":
                return actor
            fallback = fallback or actor
            i -= 1
        return fallback
