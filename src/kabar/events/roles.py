"""Who is the source and who the target of a trigger, form by form.

* **active** ("Putin memberikan kado kepada Kim"): the subject is the source; the direct object, the
  actor after a target preposition, or the subject of a ``bahwa`` clause is the target;
* **reverse** ("Nopriansyah menerima uang dari Fauzi"): the subject is the target, the actor after
  ``dari`` the source;
* **passive** ("Nikita ditahan penyidik Polda"): the subject is the target, the agent after the verb
  (or after ``oleh``) the source;
* **nominal** ("kunjungan Kim ke Rusia", "Kejari melakukan penahanan terhadap S"): the possessor or,
  when a verb governs the noun, the clause's subject is the source; the actor after a preposition the
  target; "kerja sama antara A dan B" is A with B; a noun fronted before the main clause ("Usai
  pembicaraan dengan Park Jin, Blinken ...") takes the main clause's subject.

A subject the clause does not name comes from a pronoun (nearer than any name), the quote's speaker
("kami", or no subject at all inside a quote), or, for a passive without agent, the person reporting
it ("Made mengatakan ayah korban tengah diperiksa"). Symmetric acts ("bertemu", "sepakat") with
several subjects and no target pair the first subject with the others, or the subject with the actor
after "bersama" ("Pemkot bersama DPRD menggelar rapat"). A verb opening the sentence before a comma
takes the main clause's subject ("Bekerja sama dengan X, Y menggelar ..."); "pihak X" is X.
"""

from __future__ import annotations

from dataclasses import dataclass

from kabar.events.clause import (
    NOUN_REACH,
    Clause,
    agent,
    chain,
    genitive,
    group_left,
    group_right,
    head,
    in_phrase,
    is_verb,
    nearest_prep,
    obj,
    prep_actor,
    prep_group,
    subject_slot,
)
from kabar.events.document import SentenceView, Slot
from kabar.events.lexicon import Lexicon
from kabar.events.reference import References
from kabar.events.triggers import Trigger
from kabar.model import Actor

ADVERBS = frozenset(
    {
        "kembali",
        "juga",
        "telah",
        "sudah",
        "akan",
        "pun",
        "segera",
        "terus",
        "lagi",
        "tengah",
        "sedang",
        "masih",
        "langsung",
        "resmi",
        "secara",
        "pernah",
        "sempat",
        "baru",
    }
)
MANNER = frozenset({"dengan", "sambil", "seraya", "sembari"})
BARE_SUBJECTS = frozenset({"pelaku", "korban", "tersangka", "terdakwa", "petugas", "oknum", "orang", "pihak"})
PURPOSE = frozenset({"untuk", "agar", "supaya", "guna"})
FUNCTION_WORDS = frozenset({"yang", "untuk", "dan", "bahwa", "jadi", "ya", "pun", "itu", "ini", "maka"})
RECEIVING = frozenset({"menerima", "mendapat", "mendapatkan", "memperoleh", "meraih", "dijatuhi", "dikenai"})
"""Verbs whose subject receives the event the noun names: "X mendapat teguran dari Y" is Y's act on X."""
OFFICIAL_ACTS = frozenset({"ACCUSE", "COERCE", "SANCTION"})
AUTHORITIES = frozenset({"COP", "JUD", "GOV", "MIL"})
"""A passive without agent ("ayah korban tengah diperiksa") is the act of the authority reporting it
only for official acts, and only when the reporter speaks for police, courts, government or army."""
GOVERNORS = frozenset({"rangka", "bentuk", "berupa", "upaya", "untuk", "guna", "sebagai", "terus"})
"""Words that put a noun under the clause's verb ("... dalam rangka dukungan pengamanan")."""
CARRIERS = frozenset(
    {"surat", "keputusan", "sk", "perintah", "instruksi", "edaran", "sebuah", "suatu", "sejumlah",
     "beberapa", "berbagai", "serangkaian", "rangkaian", "dua", "tiga", "empat", "lima"}
)  # fmt: skip
"""Words between a light verb and the event noun it governs: a count or the document carrying it."""
PARTNER = frozenset({"dengan", "bersama"})
FRONTING = frozenset(
    {"usai", "seusai", "setelah", "sesudah", "selepas", "sebelum", "saat", "ketika", "dalam"}
)


@dataclass(slots=True)
class Roles:
    """The actors on each side of a trigger, and how the source was found."""

    sources: list[Actor]
    targets: list[Actor]
    how: str  # subject, agent, genitive, pronoun, speaker, reporter, fronted, none


class RoleReader:
    """Reads sources and targets in the sentences of one article."""

    def __init__(self, lexicon: Lexicon, refs: References) -> None:
        self.lex = lexicon
        self.refs = refs

    def read(self, sentence: SentenceView, trigger: Trigger) -> Roles:
        sense = trigger.sense
        if sense.form == "passive":
            roles = self._passive(sentence, trigger)
        elif sense.form == "nominal":
            roles = self._nominal(sentence, trigger)
        elif sense.reverse:
            roles = self._reverse(sentence, trigger)
        else:
            roles = self._active(sentence, trigger)
        if sense.symmetric and len(roles.sources) > 1 and not roles.targets:
            roles = Roles(roles.sources[:1], roles.sources[1:], roles.how)
        ids = {a.id for a in roles.sources}
        return Roles(roles.sources, [a for a in roles.targets if a.id not in ids], roles.how)

    # --- forms -----------------------------------------------------------------------------------

    def _active(self, sentence: SentenceView, trigger: Trigger) -> Roles:
        targets, _ = obj(sentence, trigger.head, trigger.clause, trigger.sense, self.lex)
        targets = targets or self._object_pronoun(sentence, trigger)
        sources, how = self.subject(sentence, trigger.first, trigger.clause)
        if not sources:
            sources, how = self._missing(sentence, trigger)
        if not sources:
            sources = self._participle(sentence, trigger)
            how = "fronted" if sources else how
        if sources and not targets and trigger.sense.symmetric:
            targets = self._comitative(sentence, trigger)
        return Roles(sources, targets, how)

    def _reverse(self, sentence: SentenceView, trigger: Trigger) -> Roles:
        targets, _ = self.subject(sentence, trigger.first, trigger.clause)
        sources = prep_actor(sentence, trigger.last, trigger.clause, trigger.sense.source_prep, self.lex)
        return Roles(sources, targets, "subject")

    def _passive(self, sentence: SentenceView, trigger: Trigger) -> Roles:
        clause, sense = trigger.clause, trigger.sense
        targets = (
            [] if sense.agent_after_oleh else prep_actor(sentence, trigger.last, clause, sense.prep, self.lex)
        )
        if not targets:
            targets, _ = self.subject(sentence, trigger.first, clause)
        if sense.agent_after_oleh:
            sources = prep_actor(sentence, trigger.last, clause, frozenset({"oleh"}), self.lex)
        else:
            sources = agent(sentence, trigger.last, clause, self.lex)
        if sources:
            return Roles(sources, targets, "agent")
        sources, how = self._missing(sentence, trigger, passive=True)
        return Roles(sources, targets, how)

    def _nominal(self, sentence: SentenceView, trigger: Trigger) -> Roles:
        sense, clause, lex = trigger.sense, trigger.clause, self.lex
        owner = genitive(sentence, trigger.last, clause)
        owners = group_right(sentence, owner, clause.right, lex) if owner is not None else []
        after = owner.last if owner else trigger.last
        targets, prep = prep_group(sentence, after, clause, sense.prep, lex, NOUN_REACH)
        if sense.reverse:
            sources = owners or prep_actor(sentence, trigger.last, clause, sense.source_prep, lex)
            return Roles(sources, self.subject(sentence, trigger.first, clause)[0], "genitive")
        if _governor(sentence, trigger.first, clause) in RECEIVING:
            sources = owners or prep_actor(sentence, trigger.last, clause, frozenset({"dari", "oleh"}), lex)
            return Roles(sources, self.subject(sentence, trigger.first, clause)[0], "genitive")
        if owners and sense.genitive == "source":
            if not targets and len(owners) > 1:
                return Roles(owners[:1], owners[1:], "genitive")
            return Roles(owners, targets, "genitive")
        if prep == "antara" and len(targets) == 1 and not owners:
            targets = targets + self._partner(sentence, after, clause)
        if prep == "antara" and len(targets) > 1 and not owners:
            return Roles(targets[:1], targets[1:], "genitive")
        return self._with_source(sentence, trigger, targets or owners)

    def _with_source(self, sentence: SentenceView, trigger: Trigger, targets: list[Actor]) -> Roles:
        clause = trigger.clause
        sources = prep_actor(sentence, trigger.last, clause, frozenset({"oleh"}), self.lex)
        if sources:
            return Roles(sources, targets, "agent")
        if _governed(sentence, trigger.first, clause, self.lex) or self._pronoun_before(sentence, trigger):
            sources, how = self.subject(sentence, trigger.first, clause)
            if sources:
                return Roles(sources, targets, how)
        fronted = self._fronted(sentence, trigger)
        if fronted:
            return Roles(fronted, targets, "fronted")
        sources, how = self._missing(sentence, trigger)
        return Roles(sources, targets, how)

    # --- positions -------------------------------------------------------------------------------

    def subject(self, sentence: SentenceView, first: int, clause: Clause) -> tuple[list[Actor], str]:
        """The subject before token ``first``: a name, or a pronoun standing nearer than any name."""
        manner = self._manner_verb(sentence, first, clause)
        if manner is not None:
            return self.subject(sentence, manner, clause)
        if self._bare_noun_subject(sentence, first, clause):
            return [], "none"
        slot = subject_slot(sentence, first, clause, self.lex)
        while slot is not None and self._object_of_coordinated_verb(sentence, slot, first):
            slot = subject_slot(sentence, slot.first - 1, clause, self.lex)
        if slot is not None and self._controlled_by_object(sentence, slot, first):
            slot = None
        pronoun = self._pronoun_index(sentence, first, clause.left)
        if pronoun is not None and (slot is None or pronoun > slot.last):
            actors = self.refs.pronoun_actors(sentence, pronoun)
            if actors and not self._reported_between(sentence, pronoun, first):
                return actors, "pronoun"
            return [], "none"
        if slot is not None and not self._reported_between(sentence, slot.last, first):
            return group_left(sentence, slot, clause.left, self.lex), "subject"
        return [], "none"

    def _object_of_coordinated_verb(self, sentence: SentenceView, slot: Slot, first: int) -> bool:
        """Whether the name is the object of an earlier verb the trigger is coordinated with:
        in "mengedukasi publik serta mengajak netizen" the public does not invite anyone."""
        i = first - 1
        while i > slot.last and sentence.words[i] in ADVERBS:
            i -= 1
        if i <= slot.last or sentence.words[i] not in ("dan", "serta", "lalu", "kemudian", ","):
            return False
        return slot.first > 0 and is_verb(sentence, slot.first - 1)

    def _manner_verb(self, sentence: SentenceView, first: int, clause: Clause) -> int | None:
        """The verb a manner phrase hangs on ("menutup pernyataannya dengan mengapresiasi",
        "melakukan penganiayaan dengan cara memukul"): its subject is the trigger's."""
        i = first - 1
        while i >= clause.left and sentence.words[i] in ADVERBS:
            i -= 1
        if i >= clause.left and sentence.words[i] == "cara":
            i -= 1
        if i < clause.left or sentence.words[i] not in MANNER:
            return None
        return next((k for k in range(i - 1, clause.left - 1, -1) if is_verb(sentence, k)), None)

    def _bare_noun_subject(self, sentence: SentenceView, first: int, clause: Clause) -> bool:
        """Whether an unlinked person noun stands as subject right before the trigger (or its light
        verb): "diduga pelaku melakukan penganiayaan" has its subject, even if nobody is named."""
        i = first - 1
        while i >= clause.left and (
            sentence.words[i] in ADVERBS or sentence.bases[i] in self.lex.light_verbs
        ):
            i -= 1
        return i >= clause.left and sentence.slot_at(i) is None and sentence.words[i] in BARE_SUBJECTS

    def _controlled_by_object(self, sentence: SentenceView, slot: Slot, first: int) -> bool:
        """Whether the trigger's subject is the object of a verb between them: in "Wali memerintahkan
        Kepala BPM untuk menindaklanjuti", the Kepala BPM follows up, not the Wali."""
        purpose = first - 1
        while purpose > slot.last and sentence.words[purpose] in ADVERBS:
            purpose -= 1
        if purpose <= slot.last or sentence.words[purpose] not in PURPOSE:
            return False  # only "untuk"/"agar" right before the trigger opens a controlled clause
        verbs = [i for i in range(slot.last + 1, purpose) if is_verb(sentence, i)]
        return (
            bool(verbs)
            and verbs[-1] < purpose - 1
            and not self._only_function_words(sentence, verbs[-1] + 1, purpose)
        )

    def _reported_between(self, sentence: SentenceView, after: int, first: int) -> bool:
        """Whether a reporting verb and a subject of its own stand between a name and the trigger:
        in "Trump menyebut beberapa negara telah menawarkan ...", Trump does not offer anything."""
        for i in range(after + 1, first):
            if sentence.words[i] in self.lex.speech_verbs and is_verb(sentence, i):
                return not self._only_function_words(sentence, i + 1, first)
        return False

    def _only_function_words(self, sentence: SentenceView, start: int, stop: int) -> bool:
        cues = {w for c in self.lex.status.values() for w in c.words}
        for word in sentence.words[start:stop]:
            if word in ADVERBS or word in cues or not word[:1].isalpha() or word in FUNCTION_WORDS:
                continue
            return False
        return True

    def _pronoun_index(self, sentence: SentenceView, first: int, left: int) -> int | None:
        pronouns = self.lex.first_person | self.lex.third_person
        for i in range(first - 1, left - 1, -1):
            if sentence.words[i] in pronouns and sentence.slot_at(i) is None:
                return i
        return None

    def _object_pronoun(self, sentence: SentenceView, trigger: Trigger) -> list[Actor]:
        """ "memberi tahu pada saya", "mendukung keputusan saya" inside a quote: the speaker."""
        stop = min(trigger.clause.right, trigger.last + 4)
        for i in range(trigger.last + 1, stop):
            if sentence.words[i] in self.lex.first_person and sentence.quoted[i]:
                speaker = self.refs.speaker_at(sentence, i)
                return [speaker] if speaker is not None else []
        return []

    def _missing(
        self, sentence: SentenceView, trigger: Trigger, passive: bool = False
    ) -> tuple[list[Actor], str]:
        """A source the clause does not name: the quote's speaker, or for a passive without agent
        the person reporting it."""
        speaker = self.refs.speaker_at(sentence, trigger.first)
        if speaker is not None and sentence.quoted[trigger.first] and self._zero_subject(sentence, trigger):
            return [speaker], "speaker"
        if passive and trigger.sense.category in OFFICIAL_ACTS:
            reporter = self.refs.reporter(sentence, trigger.first, trigger.clause)
            if reporter is not None and reporter.code.split(" ")[-1] in AUTHORITIES:
                return [reporter], "reporter"
        return [], "none"

    def _zero_subject(self, sentence: SentenceView, trigger: Trigger) -> bool:
        """Whether the clause before the trigger holds no subject of its own (only adverbs,
        auxiliaries and cue words), so that the speaker is its agent: "Menjatuhkan sanksi ..."
        yes, "diduga pelaku melakukan penganiayaan" no."""
        return self._only_function_words(sentence, trigger.clause.left, trigger.first)

    def _pronoun_before(self, sentence: SentenceView, trigger: Trigger) -> bool:
        """Whether a subject pronoun stands right before a noun used as a verb ("kita kerja sama
        dengan ...", "kami koordinasi dengan ..."), not itself inside a phrase ("bagi kami")."""
        i = trigger.first - 1
        while i >= trigger.clause.left and sentence.words[i] in ADVERBS:
            i -= 1
        pronouns = self.lex.first_person | self.lex.third_person
        if i < trigger.clause.left or sentence.words[i] not in pronouns:
            return False
        return i == 0 or sentence.words[i - 1] not in self.lex.prepositions

    def _partner(self, sentence: SentenceView, after: int, clause: Clause) -> list[Actor]:
        """The second side of "antara A dengan B" ("kerja sama antara Kodam dengan Kejati")."""
        slots = [s for s in sentence.slots if s.first > after and s.last < clause.right]
        for slot in slots:
            if nearest_prep(sentence, after + 1, slot, self.lex) != "antara":
                continue
            end = chain(sentence, slot)[-1].last
            for other in slots:
                near = other.first > end and other.first - end <= 3
                if near and nearest_prep(sentence, end + 1, other, self.lex) in PARTNER:
                    return group_right(sentence, other, clause.right, self.lex)
            return []
        return []

    def _comitative(self, sentence: SentenceView, trigger: Trigger) -> list[Actor]:
        """The partner of a mutual act named with the subject ("Pemkot bersama DPRD menggelar rapat",
        "Kim bersama Putin meninjau ..."): the actor right after "bersama" just before the trigger."""
        left = trigger.clause.left
        i = trigger.first - 1
        while i >= left and sentence.words[i] in ADVERBS:
            i -= 1
        slot = sentence.slot_at(i) if i >= left else None
        if slot is None:
            return []
        first = chain(sentence, slot)[0].first
        if first - 1 < left or sentence.words[first - 1] not in ("bersama", "beserta"):
            return []
        return [head(chain(sentence, slot)).actor]

    def _participle(self, sentence: SentenceView, trigger: Trigger) -> list[Actor]:
        """The main clause's subject for a verb opening the sentence before a comma ("Bekerja sama
        dengan X, Pertamina menggelar ..."): the name right after the comma, followed by a verb."""
        if any(w not in ADVERBS for w in sentence.words[: trigger.first]):
            return []
        return self._main_subject(sentence, trigger)

    def _fronted(self, sentence: SentenceView, trigger: Trigger) -> list[Actor]:
        """The main clause's subject for a noun fronted before it ("Usai pembicaraan dengan X, Y ...")."""
        left = trigger.clause.left
        if left == 0 or sentence.words[left - 1] not in FRONTING:
            return []
        return self._main_subject(sentence, trigger)

    def _main_subject(self, sentence: SentenceView, trigger: Trigger) -> list[Actor]:
        comma = next(
            (i for i in range(trigger.last + 1, len(sentence.words)) if sentence.words[i] == ","), None
        )
        if comma is None:
            return []
        for slot in sentence.slots:
            if slot.first > comma and not in_phrase(sentence, slot, self.lex):
                verb_follows = any(is_verb(sentence, k) for k in range(slot.last + 1, slot.last + 4)
                                   if k < len(sentence.words))  # fmt: skip
                return group_right(sentence, slot, len(sentence.words), self.lex) if verb_follows else []
        return []


def _governor(sentence: SentenceView, first: int, clause: Clause) -> str | None:
    """The word governing a noun at token ``first`` (adverbs, counts and the document that carries
    the act skipped: "menerbitkan surat keputusan pemecatan", "mengeluarkan tiga imbauan"), without
    its clitic."""
    i = first - 1
    while i >= clause.left and (sentence.words[i] in ADVERBS or sentence.words[i] in CARRIERS):
        i -= 1
    return sentence.bases[i] if i >= clause.left else None


def _governed(sentence: SentenceView, first: int, clause: Clause, lexicon: Lexicon) -> bool:
    """Whether a light verb governs the noun ("melakukan penahanan", "mengagendakan pemeriksaan"):
    only then is the clause's subject the noun's agent ("AS mengkritik kerja sama" is not)."""
    word = _governor(sentence, first, clause)
    return word is not None and (word in lexicon.light_verbs or word in GOVERNORS)
