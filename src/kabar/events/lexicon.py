"""The event coder's Indonesian word lists, loaded once from ``data/patterns.yaml`` and ``data/cues.yaml``.

A :class:`Sense` is one way a word or phrase names an event (``ditahan`` → COERCE arrest, passive);
:class:`Lexicon` indexes the senses by their first word and holds the cue lists the coder reads a
clause with. Phrases are matched word by word in lower case; ``…`` in a phrase skips up to
:data:`GAP` words (``menetapkan … tersangka``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from kabar.model import PLOVER_CATEGORIES

Form = Literal["active", "passive", "nominal", "bare"]
Role = Literal["source", "target"]

DATA = Path(__file__).parent / "data"
FORMS: tuple[Form, ...] = ("active", "passive", "nominal", "bare")
GAP = 6
"""How many words ``…`` in a phrase may skip."""
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Sense:
    """One way a phrase names an event.

    Args:
        category: the PLOVER root category.
        mode: the PLOVER mode, or ``None``.
        form: ``active`` (subject is the source), ``passive`` (subject is the target), ``nominal``
            (a noun), ``bare`` (a bare verb after a pronoun: "kita hargai").
        words: the phrase, lower case, word by word; ``…`` is a gap.
        prep: words that introduce the target after the trigger.
        source_prep: words that introduce the source after the trigger.
        reverse: the subject of the active form is the target ("menerima bantuan dari X").
        genitive: the role of a nominal's possessor ("kunjungan Kim": source).
        context: the sense needs one of these words in its clause.
        not_context: the sense never applies with one of these words in its clause.
        modes: words in the clause that set the mode.
        target_optional: the category may lack a target.
        agent_after_oleh: a passive whose agent only ever follows ``oleh`` ("jadi tersangka").
        symmetric: the act is mutual ("bertemu", "sepakat"): several subjects and no target make the
            first the source and the others targets.
    """

    category: str
    mode: str | None
    form: Form
    words: tuple[str, ...]
    prep: frozenset[str] = frozenset()
    source_prep: frozenset[str] = frozenset()
    reverse: bool = False
    genitive: Role = "source"
    context: tuple[str, ...] = ()
    not_context: tuple[str, ...] = ()
    modes: tuple[tuple[str, str], ...] = ()
    target_optional: bool = False
    symmetric: bool = False
    agent_after_oleh: bool = False

    @property
    def length(self) -> int:
        """Words the phrase names (gaps not counted): longer phrases win over their prefixes."""
        return sum(1 for w in self.words if w != ELLIPSIS)


@dataclass(frozen=True, slots=True)
class StatusCues:
    """The cue words of one status: near the trigger (``words``) or anywhere before it (``embedding``)."""

    window: int
    words: frozenset[str]
    embedding: frozenset[str]


@dataclass(slots=True)
class Lexicon:
    """Senses indexed by first word, and the cue lists of ``cues.yaml``."""

    senses: dict[str, list[Sense]] = field(default_factory=dict)
    status: dict[str, StatusCues] = field(default_factory=dict)
    past_markers: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    speaker_cues: frozenset[str] = frozenset()
    appraisal_verbs: frozenset[str] = frozenset()
    appraisal_window: int = 7
    positive: tuple[str, ...] = ()
    negative: tuple[tuple[str, str], ...] = ()  # (phrase, mode)
    modal_words: frozenset[str] = frozenset()
    modal_window: int = 3
    prepositions: frozenset[str] = frozenset()
    boundaries: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    third_person: frozenset[str] = frozenset()
    plural: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()

    def candidates(self, word: str) -> list[Sense]:
        """The senses whose phrase starts with ``word`` (lower case), longest phrase first."""
        return self.senses.get(word, [])


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def _phrases(values: Any) -> tuple[str, ...]:
    return tuple(" ".join(_words(str(v))) for v in values or [])


def _senses(entry: dict[str, Any]) -> list[Sense]:
    category = entry["category"]
    if category not in PLOVER_CATEGORIES:
        raise ValueError(f"patterns.yaml: unknown PLOVER category {category!r}")
    common: dict[str, Any] = {
        "category": category,
        "mode": entry.get("mode"),
        "prep": frozenset(_phrases(entry.get("prep"))),
        "source_prep": frozenset(_phrases(entry.get("source_prep"))),
        "reverse": bool(entry.get("reverse", False)),
        "genitive": entry.get("genitive", "source"),
        "context": _phrases(entry.get("context")),
        "not_context": _phrases(entry.get("not_context")),
        "modes": tuple((" ".join(_words(k)), str(v)) for k, v in (entry.get("modes") or {}).items()),
        "target_optional": bool(entry.get("target_optional", False)),
        "symmetric": bool(entry.get("symmetric", False)),
        "agent_after_oleh": bool(entry.get("agent_after_oleh", False)),
    }
    return [
        Sense(form=form, words=_words(str(phrase)), **common)
        for form in FORMS
        for phrase in entry.get(form) or []
    ]


def _status(data: dict[str, Any]) -> dict[str, StatusCues]:
    return {
        name: StatusCues(
            int(cues.get("window", 3)),
            frozenset(_phrases(cues.get("words"))),
            frozenset(_phrases(cues.get("embedding"))),
        )
        for name, cues in data.items()
    }


def _negative(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((phrase, mode) for mode, phrases in data.items() for phrase in _phrases(phrases))


def _read(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    lexicon = Lexicon()
    for entry in _read("patterns.yaml"):
        for sense in _senses(entry):
            lexicon.senses.setdefault(sense.words[0], []).append(sense)
    for senses in lexicon.senses.values():
        senses.sort(key=lambda s: (-s.length, not s.context))
    _add_cues(lexicon, _read("cues.yaml"))
    return lexicon


def _add_cues(lexicon: Lexicon, cues: dict[str, Any]) -> None:
    def words(key: str, data: dict[str, Any] = cues) -> frozenset[str]:
        return frozenset(_phrases(data.get(key)))

    lexicon.status = _status(cues["status"])
    lexicon.past_markers = words("past_markers")
    lexicon.speech_verbs = words("speech_verbs")
    lexicon.speaker_cues = words("speaker_cues")
    appraisal = cues["appraisal"]
    lexicon.appraisal_verbs = words("verbs", appraisal)
    lexicon.appraisal_window = int(appraisal.get("window", 7))
    lexicon.positive = _phrases(appraisal.get("positive"))
    lexicon.negative = _negative(appraisal.get("negative") or {})
    lexicon.modal_words = words("words", cues["modal"])
    lexicon.modal_window = int(cues["modal"].get("window", 3))
    lexicon.prepositions = words("prepositions") | lexicon.speaker_cues  # "jelas Risal" is no subject
    lexicon.boundaries = words("boundaries")
    lexicon.coordinators = words("coordinators")
    pronouns = cues["pronouns"]
    lexicon.first_person = words("first", pronouns)
    lexicon.third_person = words("third", pronouns)
    lexicon.plural = words("plural", pronouns)
    lexicon.reciprocal = words("reciprocal")
    lexicon.light_verbs = words("light_verbs")
    lexicon.copulas = words("copulas")
