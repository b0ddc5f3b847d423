"""Who said it: speaker phrases resolved to actors, pronouns to the speaker before them.

Resolution order for a named phrase: an actor of ``article.actors`` with a mention inside the
phrase (a person preferred, the last one named: ``juru bicara Kremlin, Dmitry Peskov`` → Peskov,
not Kremlin); then a PER entity of the NER inside it; then the name the phrase itself gives
(:func:`kabar.quotes.names.name_in`), in its fullest form in the article, with code ``UNK``.

Pronouns (``dia``, ``ujarnya``) and descriptions (``kementerian tersebut``) go to the most recent
fitting speaker: the actor linker's ``resolve_reference`` when it has one, else the last speaker
whose name holds the description's head word, else the last speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

from kabar.actors import resolve_reference
from kabar.model import Actor, ActorRef, Entity
from kabar.quotes.lexicon import ORG_WORDS, PLACE_WORDS, TITLES
from kabar.quotes.names import fullest_name, name_in, titled
from kabar.quotes.phrases import Phrase
from kabar.quotes.records import Claim

UNKNOWN_CODE = "UNK"
_PERSON_KINDS = frozenset({"person", "per"})
_ROLE_KINDS = frozenset({"role"})
_PRONOUN_WINDOW = 3
_SUBJECT_REACH = 60  # characters from a sentence start within which its subject is named

Resolver = Callable[[str, int, list[Actor]], Any]


class Speakers:
    """Resolves the claims of one article in text order (pronouns need the speakers before)."""

    def __init__(self, text: str, actors: Sequence[Actor] = (), entities: Sequence[Entity] = ()) -> None:
        self.text = text
        self.actors = list(actors)
        spans = sorted((m.start, m.end, a) for a in self.actors for m in a.mentions)
        self._starts = [s for s, _, _ in spans]
        self._mentions = spans
        self._people = sorted((e.start, e.end) for e in entities if e.label in ("PER", "PERSON"))
        self.history: list[tuple[int, ActorRef]] = []
        self._fullest: dict[str, str] = {}
        self._resolve_reference = resolve_reference if self.actors else None

    def resolve(self, claim: Claim) -> ActorRef | None:
        """The speaker of ``claim``; remembered as the latest speaker when found."""
        if claim.lead is not None:
            subject = self._subject_of(claim.lead)
            if subject is not None:
                ref = self._ref(subject)
                self.history.append((claim.at, ref))
                return ref
        return self.resolve_phrase(claim.phrase, claim.at, claim.context)

    def _subject_of(self, sentence: tuple[int, int]) -> Actor | None:
        """A person the linker found at the start of a sentence (its subject)."""
        start = sentence[0]
        lo = bisect.bisect_left(self._starts, start)
        for s, _, actor in self._mentions[lo:]:
            if s >= min(sentence[1], start + _SUBJECT_REACH):
                break
            if (actor.kind or "").lower() in _PERSON_KINDS:
                return actor
        return None

    def resolve_phrase(self, phrase: Phrase | None, at: int, context: bool = False) -> ActorRef | None:
        """The speaker a phrase names at offset ``at``; ``None`` with ``context`` is the last one."""
        if phrase is None:
            ref = self.last(at) if context else None
        elif phrase.kind == "pronoun":
            ref = self.last(at, person=True)
        elif phrase.kind == "description":
            ref = self.described(phrase, at)
        else:
            ref = self.named(phrase)
        if ref is not None:
            self.history.append((at, ref))
        return ref

    def named(self, phrase: Phrase) -> ActorRef | None:
        found = self._actor_in(phrase.start, phrase.end)
        name = name_in(phrase.text(self.text))
        if found is not None:
            actor, mention_end = found
            if not self._named_after(phrase, mention_end, name):
                return self._ref(actor)
        person = self._person_in(phrase.start, phrase.end)
        if person is not None:
            name = self.text[person[0] : person[1]]
        return self._by_name(self._fullest_name(name))

    def _named_after(self, phrase: Phrase, mention_end: int, name: str) -> bool:
        """A person's name written after the actor found (a title actor such as "Direktur Riset
        IPS" before "Arman Salam" that the linker left unlinked)."""
        at = self.text.rfind(name, phrase.start, phrase.end)
        return at >= mention_end and any(t[:1].isupper() for t in name.split())

    def described(self, phrase: Phrase, at: int) -> ActorRef | None:
        """``kementerian tersebut``, ``Doktor Ilmu Politik UI tersebut``: the linker's coreference
        when it points at a body, a named person or someone already quoted; else the last speaker
        whose name holds the head word; else the last speaker (a person for a person's title)."""
        resolved = self._coreference(phrase)
        if resolved is not None:
            return self._ref(resolved)
        found = self._actor_in(phrase.start, phrase.end)
        if found is not None and self._spoke(found[0]):
            return self._ref(found[0])
        head = phrase.text(self.text).split()[0].lower()
        for _, ref in reversed(self.history):
            if head in ref.name.lower().split():
                return ref
        return self.last(at, person=head not in ORG_WORDS and head not in PLACE_WORDS)

    def _coreference(self, phrase: Phrase) -> Actor | None:
        if self._resolve_reference is None:
            return None
        found = self._resolve_reference(phrase.text(self.text), phrase.start, self.actors)
        if not isinstance(found, Actor):
            return None
        kind = (found.kind or "").lower()
        return found if kind in ("organisation", "country", "person") or self._spoke(found) else None

    def _spoke(self, actor: Actor) -> bool:
        return any(actor.id == ref.actor for _, ref in self.history)

    def last(self, at: int, person: bool = False) -> ActorRef | None:
        """The speaker before ``at``: the latest resolved one (with ``person``, the latest person
        among the last few: "ujarnya" after a ministry's statement is the official quoted before),
        else the last person named."""
        if self.history:
            recent = [ref for _, ref in self.history[-_PRONOUN_WINDOW:]]
            people = [ref for ref in recent if self._personlike(ref)] if person else []
            return (people or recent)[-1]
        named = [a for _, _, a in self._mentions[: bisect.bisect_left(self._starts, at)] if _is_person(a)]
        return self._ref(named[-1]) if named else None

    def _personlike(self, ref: ActorRef) -> bool:
        """A speaker that is a person (or a person's office), not a body, country or place."""
        actor = next((a for a in self.actors if a.id == ref.actor), None) if ref.actor else None
        if actor is not None:
            return _is_person(actor) or (actor.kind or "").lower() in _ROLE_KINDS
        words = ref.name.split()
        if len(words) == 1 and words[0].isupper():
            return False
        lowered = {w.strip("(),.").lower() for w in words}
        return bool(lowered & TITLES) or not lowered & (ORG_WORDS | PLACE_WORDS)

    def _ref(self, actor: Actor) -> ActorRef:
        """The actor as a speaker, a person under the fullest name the article gives them."""
        ref = actor.ref()
        if _is_person(actor):
            ref.name = self._fullest_name(actor.name)
        return ref

    def _fullest_name(self, name: str) -> str:
        if name not in self._fullest:
            self._fullest[name] = fullest_name(self.text, name)
        return self._fullest[name]

    def _actor_in(self, start: int, end: int) -> tuple[Actor, int] | None:
        """The actor named in ``[start, end)`` (a person before a role or body, the last named)
        with the end of its mention."""
        lo = bisect.bisect_left(self._starts, start)
        inside = [(a, e) for s, e, a in self._mentions[lo:] if s < end and e <= end and self._fits(a, s, e)]
        for kinds in (_PERSON_KINDS, _ROLE_KINDS, None):
            pick = [(a, e) for a, e in inside if kinds is None or (a.kind or "").lower() in kinds]
            if pick:
                return pick[-1]
        return None

    def _fits(self, actor: Actor, start: int, end: int) -> bool:
        """A person's mention shares a word with the person's name (a written name, not a title
        or pronoun, that shares none was grouped with the wrong person)."""
        mention = self.text[start:end]
        if not _is_person(actor) or not mention[:1].isupper() or all(titled(t) for t in mention.split()):
            return True  # a title ("Politikus PKB") may stand for the person
        return bool(_tokens(mention) & _tokens(actor.name))

    def _person_in(self, start: int, end: int) -> tuple[int, int] | None:
        inside = [(s, e) for s, e in self._people if s >= start and e <= end]
        return inside[-1] if inside else None

    def _by_name(self, name: str) -> ActorRef:
        """A speaker without an actor; one seen before under a fuller name is reused."""
        tokens = _tokens(name)
        for _, ref in reversed(self.history):
            if tokens and tokens <= _tokens(ref.name) and (ref.code == UNKNOWN_CODE or ref.actor is None):
                return ref
        return ActorRef(name, UNKNOWN_CODE)


def _tokens(name: str) -> set[str]:
    return {t.strip("().,").lower() for t in name.split()} - {""}


def _is_person(actor: Actor) -> bool:
    return (actor.kind or "").lower() in _PERSON_KINDS
