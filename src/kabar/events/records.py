"""One record per event in an article, and what the article as a whole says about each.

After the coder has read every sentence:

1. **suspects' acts are alleged**: what a person the article names as a suspect ("tersangka",
   "terdakwa", "pelaku", or the target of an accusation) is said to have done is a charge, not a fact;
2. **dates follow their source**: an event the text dates only by the article's own day takes the
   date of the same source's last dated event before it;
3. **the same event told twice is one record**: the same category, source and target on compatible
   dates (equal, one inside the other's month or year, or one only a fallback), kept with the better
   evidence and the more precise date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kabar.events.document import DocView
from kabar.events.index import actor_key
from kabar.model import Event


@dataclass(slots=True)
class Coded:
    """A finished event with what merging needs to know about its date and evidence."""

    event: Event
    date_from: str  # sentence, paragraph, reporting, publication
    position: int
    mentions: int = 1
    features: dict[str, float] = field(default_factory=dict)


DATE_FALLBACKS = frozenset({"paragraph", "reporting", "publication"})
WEAK_DATES = frozenset({"reporting", "publication"})


SUSPECT_WORDS = frozenset({"tersangka", "terdakwa", "terduga", "pelaku", "terpidana", "tertuduh"})
LEGAL_ACTS = frozenset({"ACCUSE", "COERCE", "SANCTION"})


def suspects(coded: list[Coded], view: DocView) -> set[str]:
    """The actors the article names as suspects: accused by someone, or called "tersangka",
    "terdakwa", "pelaku" right before their name."""
    found = {
        actor_key(c.event.target) for c in coded if c.event.category == "ACCUSE" and c.event.mode == "allege"
    }
    for sentence in view.sentences:
        for slot in sentence.slots:
            before = sentence.words[max(0, slot.first - 3) : slot.first]
            if SUSPECT_WORDS & set(before):
                found.add(actor_key(slot.actor.ref()))
    found.discard("-")
    return found


def suspects_alleged(coded: list[Coded], view: DocView) -> list[Coded]:
    """What a suspect is said to have done is alleged until a court decides: the news reports the
    charge ("Korban dianiaya ibu tiri", the suspect; "Nopriansyah menerima uang", the accused)."""
    accused = suspects(coded, view)
    for item in coded:
        event = item.event
        if event.status == "fact" and event.category not in LEGAL_ACTS and actor_key(event.source) in accused:
            event.status = "alleged"
    return coded


def inherit_dates(coded: list[Coded]) -> list[Coded]:
    """An event the text dates only by the article's own day takes the date of the same source's
    last dated event before it: an actor's statements in a story stay on the day they were made
    ("Usai pembicaraan dengan Park Jin, Blinken juga mengatakan ..." after "Pada Jumat (10/11/2023),
    ... Blinken menuduh ...")."""
    last: dict[str, Coded] = {}
    for item in coded:
        key = actor_key(item.event.source)
        if item.date_from in WEAK_DATES and key in last:
            donor = last[key].event
            item.event.date, item.event.date_precision = donor.date, donor.date_precision
            item.event.date_is_publication = False
            item.date_from = "inherited"
        elif item.date_from not in WEAK_DATES and item.event.date_precision == "day":
            last[key] = item
    return coded


def _compatible(a: Coded, b: Coded) -> bool:
    if a.date_from in DATE_FALLBACKS or b.date_from in DATE_FALLBACKS:
        return True
    da, db = a.event.date or "", b.event.date or ""
    if da == db:
        return True
    pa, pb = a.event.date_precision, b.event.date_precision
    coarse = {"year": 4, "month": 7, "day": 10}
    width = min(coarse.get(pa or "day", 10), coarse.get(pb or "day", 10))
    return da[:width] == db[:width]


def _key(coded: Coded) -> tuple[str, str, str]:
    event = coded.event
    return event.category, actor_key(event.source), actor_key(event.target)


def merge(coded: list[Coded]) -> list[Coded]:
    """One record per distinct event: the same category, source and target on compatible dates."""
    kept: list[Coded] = []
    by_key: dict[tuple[str, str, str], list[Coded]] = {}
    for item in coded:
        same = next((k for k in by_key.get(_key(item), []) if _compatible(k, item)), None)
        if same is None:
            kept.append(item)
            by_key.setdefault(_key(item), []).append(item)
            continue
        _absorb(same, item)
    return kept


def _absorb(kept: Coded, other: Coded) -> None:
    """Fold a second telling of an event into the first: the better date, more confidence."""
    kept.mentions += 1
    event = kept.event
    if kept.date_from in DATE_FALLBACKS and other.date_from not in DATE_FALLBACKS:
        event.date, event.date_precision = other.event.date, other.event.date_precision
        event.date_is_publication = False
        kept.date_from = other.date_from
    if other.event.confidence > event.confidence:
        event.sentence, event.start, event.end = other.event.sentence, other.event.start, other.event.end
        event.status, event.mode = other.event.status, other.event.mode or event.mode
    event.confidence = round(min(0.95, max(event.confidence, other.event.confidence) + 0.05), 3)


__all__ = ["Coded", "actor_key", "inherit_dates", "merge", "suspects", "suspects_alleged"]
