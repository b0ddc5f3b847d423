"""Event triggers: the words of a sentence that name an event, each with the sense it has there.

Phrases are matched left to right, longest first; a sense that needs a context word applies only
when its clause has one, and beats a sense without context; words inside an actor's name never
trigger ("Komisi Pemberantasan Korupsi"). A bare verb ("hargai") counts only after a pronoun, an
actor or ``yang`` ("kita hargai", "yang Gedung Putih peringatkan").
"""

from __future__ import annotations

from dataclasses import dataclass

from kabar.events.clause import Clause, clause_of, clause_text, has_phrase
from kabar.events.document import SentenceView
from kabar.events.lexicon import ELLIPSIS, GAP, Lexicon, Sense


@dataclass(slots=True)
class Trigger:
    """A sense found at tokens ``first..last`` (inclusive), with its clause. ``head`` is the last
    token of the phrase's first part: a phrase with a gap ("menetapkan … tersangka") has its object
    inside the gap, so the object is read from there."""

    sense: Sense
    first: int
    last: int
    clause: Clause
    head: int = -1

    def __post_init__(self) -> None:
        if self.head < 0:
            self.head = self.last


def _word_at(sentence: SentenceView, i: int, word: str) -> bool:
    return sentence.words[i] == word or sentence.bases[i] == word


def match_phrase(sentence: SentenceView, i: int, words: tuple[str, ...]) -> list[int] | None:
    """The token indices the literal words of ``words`` match from token ``i`` (gaps skipped), or ``None``."""
    n = len(sentence.words)
    pos = i
    k = 0
    matched: list[int] = []
    while k < len(words):
        word = words[k]
        if word == ELLIPSIS:
            nxt = words[k + 1]
            found = next((j for j in range(pos, min(n, pos + GAP + 1)) if _word_at(sentence, j, nxt)), None)
            if found is None:
                return None
            matched.append(found)
            pos, k = found + 1, k + 2
            continue
        if pos >= n or not _word_at(sentence, pos, word):
            return None
        matched.append(pos)
        pos, k = pos + 1, k + 1
    return matched


def _bare_ok(sentence: SentenceView, i: int, lexicon: Lexicon) -> bool:
    if i == 0:
        return False
    prev = sentence.words[i - 1]
    pronouns = lexicon.first_person | lexicon.third_person
    return prev in pronouns or prev == "yang" or sentence.slot_at(i - 1) is not None


def _applies(sense: Sense, text: str) -> bool:
    if sense.not_context and has_phrase(text, sense.not_context):
        return False
    return not sense.context or has_phrase(text, sense.context)


def _inside_actor(sentence: SentenceView, tokens: list[int]) -> bool:
    return any(sentence.slot_at(j) is not None for j in tokens)


def _head(matched: list[int]) -> int:
    """The last index of the first run of consecutive tokens."""
    head = matched[0]
    for index in matched[1:]:
        if index != head + 1:
            break
        head = index
    return head


def best_trigger(sentence: SentenceView, i: int, lexicon: Lexicon) -> Trigger | None:
    """The best sense starting at token ``i``: longest phrase, then one whose context matched."""
    keys = [sentence.words[i]] + ([sentence.bases[i]] if sentence.bases[i] != sentence.words[i] else [])
    found: list[tuple[int, bool, Trigger]] = []
    for key in keys:
        for sense in lexicon.candidates(key):
            matched = match_phrase(sentence, i, sense.words)
            if matched is None or _inside_actor(sentence, matched):
                continue
            last = matched[-1]
            head = _head(matched)
            if sense.form == "bare" and not _bare_ok(sentence, i, lexicon):
                continue
            clause = clause_of(sentence, i, last, lexicon)
            if _applies(sense, clause_text(sentence, clause)):
                found.append((sense.length, bool(sense.context), Trigger(sense, i, last, clause, head)))
    if not found:
        return None
    found.sort(key=lambda f: (-f[0], not f[1]))
    return found[0][2]


def _in_denial(sentence: SentenceView, trigger: Trigger, lexicon: Lexicon) -> bool:
    """Whether the trigger is the object of a denial ("menolak tuduhan", "membantah tudingan"):
    the denial marks what follows as negated; it names no accusation of its own."""
    for phrase in lexicon.status["negated"].embedding:
        words = tuple(phrase.split())
        start = trigger.last + 1 - len(words)
        if len(words) > 1 and start >= 0 and tuple(sentence.words[start : trigger.last + 1]) == words:
            return True
    return False


def find_triggers(sentence: SentenceView, lexicon: Lexicon) -> list[Trigger]:
    """The triggers of one sentence, left to right, none overlapping."""
    out = []
    i = 0
    while i < len(sentence.words):
        trigger = best_trigger(sentence, i, lexicon)
        if trigger is None:
            i += 1
            continue
        if not _in_denial(sentence, trigger, lexicon):
            out.append(trigger)
        i = trigger.last + 1
    return out
