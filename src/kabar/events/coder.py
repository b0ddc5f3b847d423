"""The event coder: triggers, roles, status, mode and date, one record per distinct event.

:class:`EventCoder` reads one article in four steps:

1. **triggers** (:mod:`kabar.events.triggers`): the words of each sentence that name an event, from
   the pattern dictionary (``data/patterns.yaml``), plus appraisals ("menilai X berhasil") and
   obligations a speaker puts on someone ("X harus ...");
2. **roles** (:mod:`kabar.events.roles`): source and target from the clause's structure, pronouns
   and quote speakers (:mod:`kabar.events.references <kabar.events.reference>`);
3. **status, mode, date** (:mod:`kabar.events.status`, :mod:`kabar.events.dating`);
4. **one record per event** (:mod:`kabar.events.records`): suspects' acts are alleged, dates
   follow their source, and the same category, source and target on compatible dates is one event.

A bare speech act ("kata Peskov") triggers nothing: reporting verbs are not in the dictionary.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kabar.events.clause import Clause, clause_of, has_phrase, in_phrase, is_verb
from kabar.events.dating import BACK_REFERENCE, Dater
from kabar.events.document import DocView, SentenceView, Slot, build_view
from kabar.events.lexicon import Lexicon, Sense, load_lexicon
from kabar.events.records import Coded, inherit_dates, merge, suspects_alleged
from kabar.events.reference import References
from kabar.events.roles import RoleReader
from kabar.events.status import status_of
from kabar.events.triggers import Trigger, find_triggers
from kabar.model import Actor, Article, Event, EventStatus

QUOTED_WINDOW = 4
NOT_SUBJECT = frozenset({"yang", "itu", "ini", "tersebut", ","})
NOT_ACTIONS = frozenset({"sesuai", "ada", "jelas", "benar", "diakui", "dicatat", "diingat", "dipahami"})
NEGATIONS = frozenset({"tidak", "tak", "belum", "kurang", "bukan"})
BASE_CONFIDENCE = {
    "active": 0.75,
    "passive": 0.7,
    "bare": 0.65,
    "nominal": 0.6,
    "appraisal": 0.5,
    "modal": 0.4,
}
FALLBACK_PENALTY = {
    "subject": 0.0,
    "agent": 0.0,
    "genitive": 0.0,
    "prep": 0.0,
    "pronoun": 0.05,
    "speaker": 0.05,
    "reporter": 0.1,
    "none": 0.0,
}


@dataclass(slots=True)
class Candidate:
    """An event found in one sentence, before it is split into source-target pairs."""

    category: str
    mode: str | None
    status: EventStatus
    sources: list[Actor]
    targets: list[Actor]
    sentence: SentenceView
    first: int
    last: int
    form: str
    how: str = "subject"
    reciprocal: bool = False
    target_optional: bool = False


class EventCoder:
    """Codes the events of one article at a time (no state across articles).

    Args:
        lexicon: the pattern dictionary and cue lists (the shipped one by default).
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def code(self, article: Article, analysis: object = None) -> list[Event]:
        """The events of ``article``, one per distinct event, in text order."""
        return [c.event for c in self.candidates(article, analysis)]

    def candidates(self, article: Article, analysis: object = None) -> list[Coded]:
        """The merged events with their evidence (what :meth:`code` returns, plus features)."""
        if not article.text:
            return []
        view = build_view(article, analysis)
        refs = References(view, self.lexicon)
        dater = Dater(article.text, article.pub_date)
        coded: list[Coded] = []
        for sentence in view.sentences:
            if not sentence.slots and not any(sentence.quoted):
                continue  # no actor named and nobody quoted: nobody to act
            for candidate in self.sentence_candidates(sentence, refs):
                coded.extend(self._events(candidate, view, dater, refs))
        return merge(inherit_dates(suspects_alleged(coded, view)))

    # --- 1. triggers and 2. roles ----------------------------------------------------------------

    def sentence_candidates(self, sentence: SentenceView, refs: References) -> list[Candidate]:
        out = []
        reader = RoleReader(self.lexicon, refs)
        for trigger in find_triggers(sentence, self.lexicon):
            candidate = self._from_trigger(sentence, trigger, reader)
            if candidate is not None:
                out.append(candidate)
        out.extend(self._appraisals(sentence, refs))
        out.extend(self._modals(sentence, refs))
        return out

    def _from_trigger(self, sentence: SentenceView, trigger: Trigger, reader: RoleReader) -> Candidate | None:
        sense, clause = trigger.sense, trigger.clause
        roles = reader.read(sentence, trigger)
        reciprocal = self._reciprocal(sentence, trigger)
        if not roles.sources or (not roles.targets and not (sense.target_optional or reciprocal)):
            return None
        reporter = reader.refs.reporter(sentence, trigger.first, clause)
        status = status_of(
            sentence, clause.left, trigger.first, self.lexicon, reporter, roles.sources, roles.targets
        )
        mode = _mode(sense, _outside(sentence, clause, trigger))
        sources, targets = roles.sources, roles.targets
        if sense.category == "CONSULT":
            sources, targets = _visitor_first(sentence, clause, sources, targets)
        return Candidate(
            sense.category,
            mode,
            status,
            sources,
            targets,
            sentence,
            trigger.first,
            trigger.last,
            sense.form,
            roles.how,
            reciprocal,
            sense.target_optional,
        )

    def _reciprocal(self, sentence: SentenceView, trigger: Trigger) -> bool:
        words = set(sentence.words[max(0, trigger.first - 1) : trigger.last + 1])
        return bool(words & self.lexicon.reciprocal)

    # --- appraisals and obligations --------------------------------------------------------------

    def _appraisals(self, sentence: SentenceView, refs: References) -> list[Candidate]:
        out = []
        lex = self.lexicon
        for i, word in enumerate(sentence.words):
            if word not in lex.appraisal_verbs or sentence.slot_at(i) is not None:
                continue
            clause = clause_of(sentence, i, i, lex)
            found = self._appraisal_at(sentence, i, clause, refs)
            if found is not None:
                out.append(found)
        out.extend(self._quoted_appraisals(sentence, refs))
        return out

    def _appraisal_at(
        self, sentence: SentenceView, i: int, clause: Clause, refs: References
    ) -> Candidate | None:
        lex = self.lexicon
        after = [s for s in sentence.slots if s.first > i and s.last < clause.right + 6]
        if sentence.words[i] == "menurut":
            if not after or after[0].first != i + 1:
                return None
            sources, after = [after[0].actor], after[1:]
        else:
            sources = RoleReader(lex, refs).subject(sentence, i, clause)[0]
        if not sources or not after or after[0].first - i > 8:
            return None
        return self._evaluation(sentence, after[0], sources, "appraisal")

    def _quoted_appraisals(self, sentence: SentenceView, refs: References) -> list[Candidate]:
        """A speaker's own judgement of an actor inside a quote ("reformasi Korlantas Polri berjalan
        sukses"): the evaluative word must follow the actor closely."""
        out = []
        for slot in sentence.slots:
            if not sentence.quoted[slot.first]:
                continue
            speaker = refs.speaker_at(sentence, slot.first)
            if speaker is None or speaker.id == slot.actor.id:
                continue
            found = self._evaluation(sentence, slot, [speaker], "appraisal", QUOTED_WINDOW)
            if found is not None:
                out.append(found)
        return out

    def _evaluation(
        self, sentence: SentenceView, slot: Slot, sources: list[Actor], form: str, window: int = 0
    ) -> Candidate | None:
        """SUPPORT or ACCUSE from ``sources`` to the actor of ``slot`` when an evaluative word follows it."""
        lex = self.lexicon
        stop = min(len(sentence.words), slot.last + 1 + (window or lex.appraisal_window))
        following = [s.first for s in sentence.slots if s.first > slot.last]
        stop = min([stop, *following[:1]])
        words = sentence.words[slot.last + 1 : stop]
        if window == QUOTED_WINDOW:
            words = _predicate(words, lex.copulas)
        text = " " + " ".join(words) + " "
        if any(w in NEGATIONS for w in words):
            return None  # "tidak berhasil" is not praise, and not plainly criticism either
        category, mode = None, None
        if has_phrase(text, lex.positive):
            category, mode = "SUPPORT", None
        for phrase, negative_mode in lex.negative:
            if f" {phrase} " in text:
                category, mode = "ACCUSE", negative_mode
                break
        targets = [slot.actor]
        if category is None or any(s.id == slot.actor.id for s in sources):
            return None
        return Candidate(
            category, mode, "fact", sources, targets, sentence, slot.first, slot.last, form, "subject"
        )

    def _modals(self, sentence: SentenceView, refs: References) -> list[Candidate]:
        out = []
        lex = self.lexicon
        for i, word in enumerate(sentence.words):
            if word not in lex.modal_words:
                continue
            before = [s for s in sentence.slots if s.last < i and i - s.last <= lex.modal_window]
            if not before or in_phrase(sentence, before[-1], lex):
                continue
            slot = before[-1]
            between = sentence.words[slot.last + 1 : i]
            if any(is_verb(sentence, k) for k in range(slot.last + 1, i)) or set(between) & NOT_SUBJECT:
                continue  # "anak yang harus belajar", "biaya itu harus": the actor is not told to act
            following = sentence.words[i + 1] if i + 1 < len(sentence.words) else ""
            if (following.startswith("di") and is_verb(sentence, i + 1)) or following in NOT_ACTIONS:
                continue  # "harus ditingkatkan", "harus sesuai": no act asked of anyone
            clause = clause_of(sentence, i, i, lex)
            speaker = (
                refs.reporter(sentence, i, clause) if sentence.quoted[i] or slot.first > clause.left else None
            )
            if speaker is None or speaker.id == slot.actor.id:
                continue
            out.append(
                Candidate(
                    "REQUEST", None, "fact", [speaker], [slot.actor], sentence, i, i, "modal", "speaker"
                )
            )
        return out

    # --- 3. dates and events ---------------------------------------------------------------------

    def _events(self, candidate: Candidate, view: DocView, dater: Dater, refs: References) -> list[Coded]:
        sentence = candidate.sentence
        offset = sentence.tokens[candidate.first].start
        quote = refs.quote_at(offset)
        said = quote.date if quote is not None else None
        when, source = dater.date_for(
            (sentence.start, sentence.end), _date_context(view, sentence), offset, said
        )
        confidence = BASE_CONFIDENCE.get(candidate.form, 0.5) - FALLBACK_PENALTY.get(candidate.how, 0.1)
        out = []
        for src, tgt in pairs(candidate):
            event = Event(
                src.ref(),
                tgt.ref() if tgt is not None else None,
                candidate.category,
                candidate.mode,
                when.value,
                when.precision,
                candidate.status,
                sentence.text,
                sentence.start,
                sentence.end,
                when.is_publication,
                round(confidence, 3),
            )
            out.append(Coded(event, source, offset, features=features(candidate, source, src, tgt)))
        return out


def _predicate(words: list[str], copulas: frozenset[str]) -> list[str]:
    """The words right after an actor that can predicate it: copulas and adverbs, then one word
    or two ("berjalan sukses", "sangat profesional"); anything else ends the judgement."""
    out = []
    for word in words:
        out.append(word)
        if word not in copulas:
            break
    return out


def _visitor_first(
    sentence: SentenceView, clause: Clause, sources: list[Actor], targets: list[Actor]
) -> tuple[list[Actor], list[Actor]]:
    """A meeting is coded from the visitor to the host: when the clause places it in a country
    ("di Rusia", "ke Timur Jauh Rusia") and only the source belongs there, the sides swap."""
    host = None
    for slot in sentence.slots:
        before = sentence.words[max(clause.left, slot.first - 3) : slot.first]
        located = clause.left <= slot.first < clause.right and ("di" in before or "ke" in before)
        if located and slot.actor.kind in ("country", "place"):
            host = slot.actor.code.split(" ")[0]
    if host is None or len(sources) != 1 or len(targets) != 1:
        return sources, targets
    home = sources[0].code.split(" ")[0]
    away = targets[0].code.split(" ")[0]
    if home == host and away != host:
        return targets, sources
    return sources, targets


def _date_context(view: DocView, sentence: SentenceView) -> list[tuple[int, int]]:
    """The sentences that may date an event of ``sentence``: its paragraph, and the sentence after
    the paragraph when that one points back at it ("Hal itu diungkap Prabowo ..., Senin (20/10) lalu")."""
    paragraph = [s for s in view.sentences if s.paragraph == sentence.paragraph]
    spans = [(s.start, s.end) for s in paragraph]
    after = paragraph[-1].index + 1
    if after < len(view.sentences) and BACK_REFERENCE.match(view.sentences[after].text):
        spans.append((view.sentences[after].start, view.sentences[after].end))
    return spans


def _outside(sentence: SentenceView, clause: Clause, trigger: Trigger) -> str:
    """The clause's words without the trigger's own ("gencatan senjata" is no arms deal)."""
    words = [
        *sentence.words[clause.left : trigger.first],
        "|",
        *sentence.words[trigger.last + 1 : clause.right],
    ]
    return " " + " ".join(words) + " "


def _mode(sense: Sense, text: str) -> str | None:
    for word, mode in sense.modes:
        if f" {word} " in text:
            return mode
    return sense.mode


def pairs(candidate: Candidate) -> list[tuple[Actor, Actor | None]]:
    """One (source, target) pair per actor on each side; a reciprocal act ("saling") both ways."""
    sources, targets = candidate.sources, candidate.targets
    if candidate.reciprocal and not targets and len(sources) > 1:
        return [(a, b) for a, b in itertools.permutations(sources, 2)]
    if candidate.reciprocal and targets:
        found = [(s, t) for s in sources for t in targets] + [(t, s) for s in sources for t in targets]
        return [(a, b) for a, b in found if a.id != b.id]
    if not targets:
        return [(s, None) for s in sources] if candidate.target_optional else []
    return [(s, t) for s in sources for t in targets if s.id != t.id and not own_state(s, t)]


def own_state(a: Actor, b: Actor) -> bool:
    """Whether one side is the other's own country ("Putin ... Rusia", "Kemlu Korut ... Korea Utara"):
    a body acting on its own state is no event between the two."""
    country_a, country_b = a.code.split(" ")[0], b.code.split(" ")[0]
    return country_a == country_b and "country" in (a.kind, b.kind)


def _sector(actor: Actor | None) -> str:
    parts = actor.code.split(" ") if actor is not None else []
    return parts[1] if len(parts) > 1 else "none"


def features(candidate: Candidate, date_from: str, source: Actor, target: Actor | None) -> dict[str, float]:
    """What the event filter (:mod:`kabar.events.filter`) reads about one coded event."""
    sentence = candidate.sentence
    same = target is not None and source.code.split(" ")[0] == target.code.split(" ")[0]
    return {
        f"form={candidate.form}": 1.0,
        f"how={candidate.how}": 1.0,
        f"cat={candidate.category}": 1.0,
        f"status={candidate.status}": 1.0,
        f"date={date_from}": 1.0,
        f"src_kind={source.kind}": 1.0,
        f"tgt_kind={target.kind if target else 'none'}": 1.0,
        f"src_sec={_sector(source)}": 1.0,
        f"tgt_sec={_sector(target)}": 1.0,
        "same_country": float(same),
        "quoted": float(sentence.quoted[candidate.first]),
        "pairs": float(len(candidate.sources) * max(1, len(candidate.targets))),
        "position": min(1.0, sentence.index / 30),
        f"word={sentence.bases[candidate.first]}": 1.0,
    }


__all__ = ["Candidate", "Coded", "EventCoder", "features", "pairs"]
