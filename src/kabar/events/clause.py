"""The clause around a trigger, and the actor mentions in its positions (subject, object, agent ...).

Indonesian word order does most of the work: the subject stands before the verb and the object
after it; a passive (``di-``) verb takes its agent right after it or after ``oleh``; a noun
(``kunjungan``, ``penangkapan``) takes its possessor right after it and its target after a
preposition. Actor mentions come from the actor linker; apposition chains ("Presiden Rusia Vladimir
Putin") count as one actor (the person), coordinations ("S dan DP") as several. Verbs are told by
the language layer's POS tags when it gives them, else by their prefix (me-, ber-, di-).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kabar.events.document import QUOTE_CHARS, SentenceView, Slot
from kabar.events.lexicon import Lexicon, Sense
from kabar.model import Actor

DIRECT_GAP = 4
"""Words that may stand between a verb and its direct object ("memberikan sebuah kado kepada")."""
AGENT_GAP = 3
"""Words that may stand between a passive verb and its agent ("ditahan penyidik X")."""
VERB_REACH = 14
"""How far after a verb its target may stand ("mengembalikan uang ... sebesar Rp 13 triliun kepada X")."""
NOUN_REACH = 8
"""How far after a noun its target may stand ("perbantuan TNI kepada Kejaksaan")."""
PHRASE_REACH = 3
"""How far before a mention a preposition makes it part of a phrase ("di bawah kepemimpinan X")."""

# Words that look like verbs to the prefix test but are not.
NOT_VERBS = frozenset(
    [
        "menteri",
        "media",
        "merdeka",
        "mereka",
        "berita",
        "berbagai",
        "beberapa",
        "bersama",
        "besar",
        "berat",
        "benar",
        "bertahun",
        "berkas",
        "berkala",
        "bersih",
        "beras",
        "bersangkutan",
        "berlaku",
        "memang",
        "melalui",
        "menurut",
        "mengenai",
        "meski",
        "meskipun",
        "medan",
        "metode",
        "mekanisme",
        "memori",
        "mesin",
        "menu",
        "meja",
        "menit",
        "merek",
        "merah",
        "melati",
        "mental",
        "menara",
        "dinas",
        "direktur",
        "diri",
        "dirinya",
        "dimana",
        "dini",
        "dia",
        "dialog",
        "diskusi",
        "digital",
        "dimensi",
        "diaspora",
        "diplomat",
        "diplomasi",
        "dinasti",
        "dividen",
        "dinamika",
        "distribusi",
        "disiplin",
        "diet",
        "direksi",
        "diskon",
        "distrik",
        "divisi",
        "dinding",
        "dingin",
        "dirut",
        "dibanding",
        "dibandingkan",
        "bersamaan",
        "berdasarkan",
        "beserta",
        "berikut",
        "berikutnya",
        "berupa",
        "beragam",
        "bersifat",
    ]
)
VERB_PREFIXES = ("me", "ber", "di")


@dataclass(slots=True)
class Clause:
    """Token bounds of a trigger's clause: ``left <= i < right``."""

    left: int
    right: int


def is_verb(sentence: SentenceView, i: int) -> bool:
    """Whether word ``i`` is a verb: by POS tag when the language layer gave one, else by its prefix."""
    if sentence.pos:
        return sentence.pos[i].startswith("VB")
    word = sentence.words[i]
    if i > 0 and sentence.tokens[i].text[:1].isupper():
        return False  # a capitalised word inside a sentence is a name or a title ("Menkeu")
    return len(word) > 4 and word.startswith(VERB_PREFIXES) and word not in NOT_VERBS and word.isalpha()


def is_boundary(sentence: SentenceView, i: int, lexicon: Lexicon) -> bool:
    word = sentence.words[i]
    if word in lexicon.boundaries:
        return True
    if word == "," and i + 1 < len(sentence.words) and sentence.words[i + 1] in lexicon.speaker_cues:
        return True
    return i in sentence.edges


def clause_of(sentence: SentenceView, first: int, last: int, lexicon: Lexicon) -> Clause:
    """The clause around tokens ``first..last``: up to boundary words, quote marks, reporting cues."""
    quoted = sentence.quoted[first]
    left = first
    while left > 0 and not is_boundary(sentence, left - 1, lexicon) and sentence.quoted[left - 1] == quoted:
        left -= 1
    right = last + 1
    n = len(sentence.words)
    while right < n and not is_boundary(sentence, right, lexicon) and sentence.quoted[right] == quoted:
        right += 1
    return Clause(left, right)


def clause_text(sentence: SentenceView, clause: Clause) -> str:
    """The clause's words joined with spaces and padded, for phrase look-ups (" kata x ")."""
    return " " + " ".join(sentence.words[clause.left : clause.right]) + " "


def has_phrase(text: str, phrases: tuple[str, ...] | frozenset[str]) -> bool:
    return any(f" {p} " in text for p in phrases)


# --- actor chains and coordination -----------------------------------------------------------------


def _apposition(sentence: SentenceView, a: Slot, b: Slot) -> bool:
    """Whether two neighbouring mentions name one actor ("Presiden Rusia Vladimir Putin")."""
    between = sentence.tokens[a.last + 1 : b.first]
    words = [t.text for t in between]
    if all(w in "()" or (w[:1].isupper() and w.lower() not in ("dan", "serta")) for w in words):
        return True
    return words == [","] and b.actor.kind == "person" and a.actor.kind != "person"


def chain(sentence: SentenceView, slot: Slot) -> list[Slot]:
    """The apposition chain a mention belongs to, in order."""
    index = sentence.slots.index(slot)
    first = last = index
    while first > 0 and _apposition(sentence, sentence.slots[first - 1], sentence.slots[first]):
        first -= 1
    while last + 1 < len(sentence.slots) and _apposition(
        sentence, sentence.slots[last], sentence.slots[last + 1]
    ):
        last += 1
    return sentence.slots[first : last + 1]


def head(slots: list[Slot]) -> Slot:
    """The actor a chain stands for: its (last) person, else its last mention."""
    people = [s for s in slots if s.actor.kind == "person"]
    return people[-1] if people else slots[-1]


def _coordinated(sentence: SentenceView, a: Slot, b: Slot, lexicon: Lexicon) -> bool:
    between = sentence.words[a.last + 1 : b.first]
    if not between or len(between) > 4:
        return False
    joins = [w for w in between if w in lexicon.coordinators]
    others = [w for w in between if w not in lexicon.coordinators]
    return bool(joins) and len(others) <= 1 and not any(w in lexicon.prepositions for w in others)


CLOSING_JOINS = frozenset({"dan", "serta", "atau", "maupun", "&"})


def _closed_list(sentence: SentenceView, slots: list[Slot]) -> bool:
    """Whether mentions (in text order) form a list: one joined by commas alone is none
    ("Belakangan, Prabowo ..."); a list has a closing ``dan``/``serta`` between two members."""
    return len(slots) < 2 or any(
        CLOSING_JOINS & set(sentence.words[a.last + 1 : b.first]) for a, b in itertools.pairwise(slots)
    )


def group_right(sentence: SentenceView, slot: Slot, right: int, lexicon: Lexicon) -> list[Actor]:
    """The actor of ``slot`` and those coordinated after it ("S dan DP"), before token ``right``."""
    current = chain(sentence, slot)
    members = [current]
    while True:
        index = sentence.slots.index(current[-1])
        if index + 1 >= len(sentence.slots):
            break
        nxt = sentence.slots[index + 1]
        if nxt.last >= right or not _coordinated(sentence, current[-1], nxt, lexicon):
            break
        current = chain(sentence, nxt)
        members.append(current)
    if not _closed_list(sentence, [m[-1] for m in members]):
        members = members[:1]
    return _unique([head(m).actor for m in members])


def group_left(sentence: SentenceView, slot: Slot, left: int, lexicon: Lexicon) -> list[Actor]:
    """The actor of ``slot`` and those coordinated before it ("Putin dan Kim saling ...")."""
    current = chain(sentence, slot)
    members = [current]
    while True:
        index = sentence.slots.index(current[0])
        if index == 0:
            break
        prev = sentence.slots[index - 1]
        if prev.first < left or not _coordinated(sentence, prev, current[0], lexicon):
            break
        if in_phrase(sentence, prev, lexicon):
            break
        current = chain(sentence, prev)
        members.insert(0, current)
    if not _closed_list(sentence, [m[-1] for m in members]):
        members = members[-1:]
    return _unique([head(m).actor for m in members])


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for actor in actors:
        if actor.id not in seen:
            seen.add(actor.id)
            out.append(actor)
    return out


# --- positions -------------------------------------------------------------------------------------


def in_phrase(
    sentence: SentenceView, slot: Slot, lexicon: Lexicon, skip: frozenset[str] = frozenset()
) -> bool:
    """Whether a preposition just before the mention puts it inside a phrase ("menurut Putin")."""
    i = slot.first - 1
    reach = 0
    while i >= 0 and reach < PHRASE_REACH:
        word = sentence.words[i]
        if word in lexicon.prepositions and word not in skip:
            return True
        if sentence.slot_at(i) is not None or word in QUOTE_CHARS or is_verb(sentence, i):
            return False
        if word in (",", "dan", "serta"):
            return False
        i -= 1
        reach += 1
    return False


def nearest_prep(sentence: SentenceView, start: int, slot: Slot, lexicon: Lexicon) -> str | None:
    """The preposition closest before ``slot`` after token ``start``, unless a verb comes between."""
    for i in range(slot.first - 1, start - 1, -1):
        word = sentence.words[i]
        if word in lexicon.prepositions:
            return word
        if i > start and is_verb(sentence, i):
            return "<verb>"
    return None


RELATIVE_SKIP = frozenset(
    {"juga", "telah", "sudah", "akan", "pernah", "sempat", "tengah", "sedang", "kembali"}
)


def subject_slot(sentence: SentenceView, first: int, clause: Clause, lexicon: Lexicon) -> Slot | None:
    """The mention standing as subject before token ``first`` in the clause (not inside a phrase);
    before ``yang`` it is the head of the relative clause ("kepada penegak hukum yang mengembalikan")."""
    i = first - 1
    while i > clause.left and sentence.words[i] in RELATIVE_SKIP:
        i -= 1
    if i > clause.left and sentence.words[i] == "yang":
        head_slot = sentence.slot_at(i - 1)
        if head_slot is not None:
            return head_slot
    for slot in reversed(sentence.slots):
        if slot.last >= first or slot.first < clause.left:
            continue
        if not in_phrase(sentence, slot, lexicon):
            return slot
    return None


def _after(sentence: SentenceView, last: int, clause: Clause) -> list[Slot]:
    return [s for s in sentence.slots if s.first > last and s.last < clause.right]


COMPLEMENTIZERS = frozenset({"bahwa", "agar", "supaya"})
"""Words opening a clause whose subject is the target, when the sense lists them among its
prepositions: "memperingatkan bahwa ... Moskow", "meminta agar TNI" (but "mengingatkan bahwa" is
only speech)."""


def obj(
    sentence: SentenceView, last: int, clause: Clause, sense: Sense, lexicon: Lexicon
) -> tuple[list[Actor], str]:
    """The target after an active verb: its direct object, the actor after a target preposition, or
    the subject of a ``bahwa``/``agar`` clause ("memperingatkan bahwa ... Moskow")."""
    after = _after(sentence, last, clause)
    opener = sentence.words[last + 1] if last + 1 < len(sentence.words) else ""
    if opener in COMPLEMENTIZERS:
        if opener in sense.prep and after:
            return group_right(sentence, after[0], clause.right, lexicon), "complement"
        return [], "none"  # "mengingatkan bahwa ...": what follows is said, not asked of anyone
    for slot in after:
        if slot.first - last > VERB_REACH:
            break
        if slot.actor.kind == "place" and not sense.prep & {"ke", "di"}:
            continue
        prep = nearest_prep(sentence, last + 1, slot, lexicon)
        direct = slot.first - last - 1 <= DIRECT_GAP and "," not in sentence.words[last + 1 : slot.first]
        if prep is None and direct:
            return group_right(sentence, slot, clause.right, lexicon), "object"
        if prep is not None and prep in sense.prep:
            return group_right(sentence, slot, clause.right, lexicon), "prep"
        if prep is None or prep == "<verb>":
            return [], "none"
    return [], "none"


def prep_actor(
    sentence: SentenceView, last: int, clause: Clause, preps: frozenset[str], lexicon: Lexicon
) -> list[Actor]:
    """The first actor after one of ``preps`` following token ``last``."""
    return prep_group(sentence, last, clause, preps, lexicon)[0]


def prep_group(
    sentence: SentenceView,
    last: int,
    clause: Clause,
    preps: frozenset[str],
    lexicon: Lexicon,
    reach: int = 99,
) -> tuple[list[Actor], str | None]:
    """The first actors after one of ``preps`` following token ``last`` (at most ``reach`` words
    on), and that preposition."""
    for slot in _after(sentence, last, clause):
        if slot.first - last > reach:
            break
        prep = nearest_prep(sentence, last + 1, slot, lexicon)
        if prep is not None and prep in preps:
            return group_right(sentence, slot, clause.right, lexicon), prep
    return [], None


def agent(sentence: SentenceView, last: int, clause: Clause, lexicon: Lexicon) -> list[Actor]:
    """The agent of a passive verb: right after it ("ditahan penyidik X") or after ``oleh``."""
    for slot in _after(sentence, last, clause):
        prep = nearest_prep(sentence, last + 1, slot, lexicon)
        if prep == "oleh" or (prep is None and slot.first - last - 1 <= AGENT_GAP):
            return group_right(sentence, slot, clause.right, lexicon)
    return []


def genitive(sentence: SentenceView, last: int, clause: Clause) -> Slot | None:
    """A mention right after a noun: its possessor ("kunjungan Kim", "penangkapan terhadap" is not)."""
    after = _after(sentence, last, clause)
    if not after:
        return None
    slot = after[0]
    gap = sentence.words[last + 1 : slot.first]
    if not gap:
        return slot
    titled = sentence.tokens[last + 1].text[:1].isupper() or gap[0] in ("para", "sang")
    return (
        slot if len(gap) == 1 and gap[0][:1].isalpha() and gap[0] not in ("dan", "yang") and titled else None
    )
