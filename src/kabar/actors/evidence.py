"""Is a capitalised name with no title a person's? The clues the text around it gives.

A name is a person's when the NER says so, when a reporting word or a passive verb stands before
it ("kata Dave", "diadukan Sri Afrianis"), when a verb follows it ("Bernad mengatakan"), or when an
age in brackets follows it ("RN (30)"). A single word that opens a sentence needs more than a
verb ("Pemilik mengaku …" is no one's name): the caller tries it as a short form instead. An
unknown acronym is a person only after "inisial", "tersangka" … or before an age.
"""

from __future__ import annotations

import re

from kabar.actors.lexicon import (
    ADVERBS,
    CUES_BEFORE,
    INITIALS_CUES,
    NOT_PERSON,
    ORG_FIRST_WORDS,
    VERBS_AFTER,
)
from kabar.actors.units import Unit

_AGE = re.compile(r"[ \t]*\(\d{1,3}\)")
_WORD_BEFORE = re.compile(r"([\w'-]+)[ \t,]*$")
_NEXT_WORDS = re.compile(r"[ \t]*([a-z]+)(?:[ \t]+([a-z]+))?")
_VERB = re.compile(r"(?:me|mem|men|meng|meny|ber)[a-z]{3,}")
_PASSIVE = re.compile(r"di[a-z]{3,}(?:kan|i)|di(?:tahan|tangkap|periksa|gugat|lapor|adukan|tuntut)")
_SENTENCE_END = frozenset('.!?"“”\n')
# Abstract nouns ("Pembangunan", "Kependudukan", "Perkembangan") are never part of a person's name.
_ABSTRACT_NOUN = re.compile(r"(?:Pem|Pen|Peng|Peny|Per|Pe|Ke)[a-z]{3,}an")


def word_before(text: str, start: int) -> str:
    """The word just before ``start`` (commas and spaces skipped), lower-cased."""
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1).lower() if match else ""


def opens_sentence(text: str, start: int, sentence_starts: set[int]) -> bool:
    if start in sentence_starts:
        return True
    before = text[max(0, start - 8) : start].rstrip(" \t")
    return (start < 8 and not before) or (bool(before) and before[-1] in _SENTENCE_END)


def verb_after(text: str, end: int) -> bool:
    """Whether a verb (after an optional adverb) follows ``end``: "Rano juga mengatakan"."""
    match = _NEXT_WORDS.match(text, end)
    if not match:
        return False
    first, second = match.group(1), match.group(2) or ""
    if first in ADVERBS:
        first = second
    return bool(_VERB.fullmatch(first)) or first in VERBS_AFTER


def person_like(words: list[str]) -> bool:
    """Whether these words could be a person's name: no place, body or abstract-noun words."""
    return not any(w in NOT_PERSON or w in ORG_FIRST_WORDS or _ABSTRACT_NOUN.fullmatch(w) for w in words)


def is_person(text: str, unit: Unit, sentence_starts: set[int]) -> bool:
    """Whether the untitled name ``unit`` is a person's (see the module docstring)."""
    if unit.person:
        return True
    single = unit.end - unit.start < 40 and " " not in text[unit.start : unit.end]
    if single and unit.kind == "name" and opens_sentence(text, unit.start, sentence_starts):
        return False  # "Pemilik mengaku …": a capitalised first word is no one's name by itself
    before = word_before(text, unit.start)
    aged = bool(_AGE.match(text, unit.end))
    if unit.kind == "acronym":
        return before in INITIALS_CUES or aged
    words = text[unit.start : unit.end].split()
    if not person_like(words):
        return False
    if before in CUES_BEFORE or aged or _PASSIVE.fullmatch(before):
        return True
    return verb_after(text, unit.end)
