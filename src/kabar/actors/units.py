"""Cut an article into units: knowledge-base matches, capitalised name candidates, NER hints.

A unit is a span with a kind: the kind of the knowledge-base entry it matched (country, org,
person, place, role, institution, rank, honorific, modifier), ``name`` for a run of capitalised
words the knowledge base does not know, ``acronym`` for an unknown all-capital word, and ``org``
without an entry for an unknown organisation recognised by a keyword ("Lembaga …", "… Institute").
The steps, in order:

1. knowledge-base aliases, leftmost longest;
2. capitalised runs outside them, cut at words that are never names and at acronyms;
3. a capitalised role noun right after a name is part of it ("Andi Wirawan Putra"), a capitalised
   body noun before a name names a body ("Partai Contoh Raya"), and "X alias Y" is one name;
4. a regional institution takes the place name after it ("Polres" + "Metro Depok");
5. an acronym in brackets right after a name is that name's short form and is dropped;
6. NER entities, when given, replace the capitalised-name guesses they overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.actors.kb import Entry, KnowledgeBase
from kabar.actors.lexicon import NOT_NAME, ORG_FIRST_WORDS, ORG_LAST_WORDS, PLACE_HEADS, PLACE_TAILS
from kabar.actors.matcher import trie_pattern
from kabar.model import Entity

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:[-.][\w'’]+)*\.?"
_LINK = r"(?:bin|binti|van|von|de|der|da|dos|del|al|el|la|le)"
_NOT_NAME = trie_pattern(NOT_NAME)
# A run of capitalised words that does not open with a word that is never a name.
NAME_RUN = re.compile(rf"(?<![\w'’.-])(?!{_NOT_NAME}(?![\w'’-])){_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP})*")
_TOKEN = re.compile(r"\S+")
_PAREN_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?")


@dataclass(slots=True)
class Unit:
    """A span of the article with what it is."""

    start: int
    end: int
    kind: str
    entry: Entry | None = None
    sector: str | None = None  # an unknown organisation's sector, from its keyword
    person: bool = False  # the NER said this name is a person's
    checked: bool = False  # the linker already looked for evidence that this name is a person's
    alias_end: int = -1  # where the knowledge-base alias ended, before a place was added to it

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def scan(text: str, kb: KnowledgeBase, entities: Sequence[Entity] = ()) -> list[Unit]:
    """The units of ``text``, in order, not overlapping."""
    entries = kb.entries
    known = [
        Unit(h.start, h.end, e.kind, e, alias_end=h.end) for h in kb.find(text) if (e := entries.get(h.key))
    ]
    names = _name_units(text, known)
    units = _names_over_roles(text, sorted(known + names, key=lambda u: u.start))
    units = _join_aliases(text, units)
    units = _extend_regional(text, units)
    units = _drop_bracketed_short_forms(text, units)
    if entities:  # the NER may tag a short form again (often ORG): drop it again
        units = _drop_bracketed_short_forms(text, _apply_entities(text, units, entities))
    return units


def _names_over_roles(text: str, units: list[Unit]) -> list[Unit]:
    """In "Andi Wirawan Putra" or "Nadia Putri", a capitalised role noun after a name is part of it."""
    out: list[Unit] = []
    joining = False  # the name just took a role noun in: a name piece right after it joins too
    for unit in units:
        prev = out[-1] if out else None
        spaced = prev is not None and text[prev.end : unit.start] == " " and text[unit.start].isupper()
        if (
            prev is not None
            and spaced
            and prev.kind == "name"
            and (unit.kind in _NAME_LIKE_ROLES or (joining and unit.kind == "name"))
        ):
            joining = unit.kind != "name"
            out[-1] = _name_unit(text, [(prev.start, prev.end), (unit.start, unit.end)])[0]
            continue
        joining = False
        if _relational_name(text, unit):  # "kata Putri": a capitalised "putri" inside a sentence is a name
            unit = Unit(unit.start, unit.end, "name")
        if prev is not None and spaced and unit.kind == "name" and _named_body(text, prev):
            out[-1] = Unit(prev.start, unit.end, "org", sector=prev.entry.sector if prev.entry else None)
            continue  # "Partai Contoh Raya", "Universitas Contoh": a body with its own name
        out.append(unit)
    return out


def _relational_name(text: str, unit: Unit) -> bool:
    if unit.entry is None or not unit.entry.relational or not text[unit.start].isupper():
        return False
    before = text[max(0, unit.start - 4) : unit.start].rstrip()
    return bool(before) and before[-1] not in '.!?"“”\n:' and " " not in text[unit.start : unit.end]


def _named_body(text: str, unit: Unit) -> bool:
    return unit.kind == "institution" and text[unit.start].isupper()


_NAME_LIKE_ROLES = frozenset({"role", "institution", "modifier"})


def _join_aliases(text: str, units: list[Unit]) -> list[Unit]:
    """Join "X alias Y" ("M Fauzi alias Pablo") into one name."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if prev and prev.kind == unit.kind == "name" and text[prev.end : unit.start] == " alias ":
            prev.end = unit.end
        else:
            out.append(unit)
    return out


def _name_units(text: str, known: list[Unit]) -> list[Unit]:
    starts = [u.start for u in known]
    ends = {u.start: u.end for u in known}
    units: list[Unit] = []
    for run in NAME_RUN.finditer(text):
        start, end = run.span()
        if ends.get(start, -1) >= end:
            continue  # the whole run is one known name: the common case
        for part in _outside(start, end, known, starts):
            units.extend(_split_names(text, *part))
    return units


def _outside(start: int, end: int, known: list[Unit], starts: list[int]) -> list[tuple[int, int]]:
    """The parts of [start, end) that no known unit covers."""
    parts = []
    i = max(bisect_left(starts, start) - 1, 0)
    pos = start
    while i < len(known) and known[i].start < end:
        unit = known[i]
        if unit.end > pos:
            if unit.start > pos:
                parts.append((pos, unit.start))
            pos = max(pos, unit.end)
        i += 1
    if pos < end:
        parts.append((pos, end))
    return parts


def _split_names(text: str, start: int, end: int) -> list[Unit]:
    """Name candidates in a capitalised stretch: cut at words that are never names, trimmed."""
    piece = text[start:end]
    if " " not in piece and "\t" not in piece:  # one word, the common case
        word = piece.rstrip(".,;:")
        if not word or word in NOT_NAME or not word[0].isupper():
            return []
        return _name_unit(text, [(start, start + len(word) + _initial_dot(piece))])
    units = []
    current: list[tuple[int, int]] = []
    for token in _TOKEN.finditer(text, start, end):
        word = token.group().rstrip(".,;:")
        if word in NOT_NAME or (not word[:1].isupper() and not current):
            units.extend(_name_unit(text, current))
            current = []
        elif len(word) >= 3 and word.isupper():  # "PUPR", "OKU5": an acronym never sits in a name
            units.extend(_name_unit(text, current))
            units.extend(_name_unit(text, [(token.start(), token.start() + len(word))]))
            current = []
        else:
            dot = _initial_dot(token.group())
            current.append((token.start(), token.start() + len(word) + dot))
            if token.group().endswith(".") and not dot:  # "OKU4. Nopriansyah": a sentence ended
                units.extend(_name_unit(text, current))
                current = []
    units.extend(_name_unit(text, current))
    return units


def _initial_dot(token: str) -> int:
    """Keep the dot of an initial or short form ("M.", "Jr."), not a sentence's full stop."""
    core = token.rstrip(".,;:")
    short = len(core) == 1 or (len(core) <= 3 and not core.isupper())
    return 1 if token.startswith(core + ".") and short and core[:1].isupper() else 0


def _name_unit(text: str, tokens: list[tuple[int, int]]) -> list[Unit]:
    while tokens and not text[tokens[-1][0]].isupper():
        tokens = tokens[:-1]  # a trailing connector ("bin") is not part of the name
    if not tokens:
        return []
    start, end = tokens[0][0], tokens[-1][1]
    words = text[start:end].split()
    if len(words) == 1 and len(words[0]) > 1 and words[0].replace("-", "").isupper():
        return [Unit(start, end, "acronym")]
    sector = _org_sector(words)
    if sector is not False:
        return [Unit(start, end, "org", sector=sector if isinstance(sector, str) else None)]
    return [Unit(start, end, "name")]


def _org_sector(words: list[str]) -> str | bool | None:
    """The sector an organisation keyword gives, None for a keyword without one, False for no keyword."""
    if len(words) < 2:
        return False
    if words[0] in ORG_FIRST_WORDS:
        return ORG_FIRST_WORDS[words[0]]
    return ORG_LAST_WORDS.get(words[-1].rstrip("."), False)


# --- regional institutions ------------------------------------------------------------------------


def _extend_regional(text: str, units: list[Unit]) -> list[Unit]:
    """A regional institution takes the place (and, for some, the field) written after it."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        out.append(unit)
        i += 1
        if unit.kind == "org" and unit.entry is not None and unit.entry.regional:
            i = _absorb_place(text, unit, units, i)
    return out


def _absorb_place(text: str, org: Unit, units: list[Unit], i: int) -> int:
    """Extend ``org`` over the place after it; returns the index of the next unit to keep."""
    gap = _PAREN_GAP.match(text, org.end)
    pos = gap.end() if gap else org.end
    if i < len(units) and units[i].kind == "org" and units[i].start == pos and units[i].entry is org.entry:
        i += 1  # "Kejaksaan Negeri (Kejari) Sidoarjo": the bracketed short form goes with it
        gap = _PAREN_GAP.match(text, units[i - 1].end)
        pos = gap.end() if gap else pos
    if i >= len(units) or units[i].start != pos:
        return i
    nxt = units[i]
    if nxt.kind == "place":
        org.end = nxt.end
        return _absorb_tail(text, org, units, i + 1)
    if nxt.kind not in ("name", "org", "acronym") or nxt.entry is not None:
        return i
    return _absorb_name_part(text, org, units, i)


def _absorb_tail(text: str, org: Unit, units: list[Unit], i: int) -> int:
    """After a known place, a direction word ("Lampung" + "Tengah") belongs to it."""
    if i < len(units) and units[i].kind == "name" and units[i].start == org.end + 1:
        words = list(_TOKEN.finditer(text, units[i].start, units[i].end))
        taken = 0
        while taken < len(words) and words[taken].group() in PLACE_TAILS:
            taken += 1
        if taken:
            return _cut(org, units, i, words, taken)
    return i


def _absorb_name_part(text: str, org: Unit, units: list[Unit], i: int) -> int:
    words = list(_TOKEN.finditer(text, units[i].start, units[i].end))
    texts = [w.group() for w in words]
    taken = 0
    if org.entry is not None and org.entry.field:
        heads = [k for k, w in enumerate(texts) if w in PLACE_HEADS]
        taken = heads[0] if heads else (len(texts) if len(texts) <= 2 else 0)
    if taken < len(texts):
        taken = _place_words(texts, taken)
    return _cut(org, units, i, words, taken) if taken else i


def _place_words(texts: list[str], k: int) -> int:
    """How far a place name starting at word ``k`` reaches (see the module docstring)."""
    rest = len(texts) - k
    if texts[k] in PLACE_HEADS or texts[k] == "Metro":
        k = min(k + 2, len(texts))
    elif rest == 1 or rest >= 3:
        k += 1
    else:
        return k  # two words left: more likely a person's name than a place and a one-word name
    while k < len(texts) and texts[k] in PLACE_TAILS:
        k += 1
    return k


def _cut(org: Unit, units: list[Unit], i: int, words: list[re.Match[str]], taken: int) -> int:
    org.end = words[taken - 1].end()
    if taken >= len(words):
        return i + 1
    units[i] = Unit(words[taken].start(), units[i].end, "name")
    return i


# --- brackets and NER -------------------------------------------------------------------------------


def _drop_bracketed_short_forms(text: str, units: list[Unit]) -> list[Unit]:
    """Drop an unknown initialism in brackets after a unit: its short form ("Ferlan Juliansyah (FJ)"),
    whether the scan found it as an acronym or the NER tagged it (often ORG)."""
    out: list[Unit] = []
    for unit in units:
        if (
            _initialism(text, unit) and out and unit.start >= 1 and text[unit.start - 1] == "("
            and text.startswith(")", unit.end) and not text[out[-1].end : unit.start - 1].strip()
        ):  # fmt: skip
            continue
        out.append(unit)
    return out


def _initialism(text: str, unit: Unit) -> bool:
    if unit.kind == "acronym":
        return True
    short = text[unit.start : unit.end]
    return unit.entry is None and short.isupper() and " " not in short


def _apply_entities(text: str, units: list[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """NER spans override capitalised-name guesses: PER marks a person, ORG an organisation, LOC a place.

    Knowledge-base matches inside an entity are kept ("Presiden" in a PER span "Presiden Joko");
    the rest of the span replaces the name candidates it overlaps.
    """
    for ent in entities:
        kind = _ENTITY_KINDS.get(ent.label.split("-")[-1][:3])
        if kind is None:
            continue
        overlapping = [u for u in units if u.start < ent.end and ent.start < u.end]
        known = [u for u in overlapping if u.entry is not None]
        if kind != "name" and known:
            continue  # the knowledge base already knows what this is
        guesses = {id(u) for u in overlapping if u.entry is None}
        if guesses:  # by identity: comparing units field by field costs more than the rest here
            units = [u for u in units if id(u) not in guesses]
        starts = [u.start for u in known]
        for start, end in _outside(ent.start, ent.end, known, starts):
            piece = text[start:end].strip()
            if piece:
                start += text[start:end].index(piece)
                units.append(_entity_unit(text, start, start + len(piece), kind))
        units.sort(key=lambda u: u.start)
    return units


_ENTITY_KINDS = {"PER": "name", "ORG": "org", "LOC": "place", "GPE": "place"}


def _entity_unit(text: str, start: int, end: int, kind: str) -> Unit:
    if kind == "name":
        return Unit(start, end, "name", person=True)
    if kind == "org":
        sector = _org_sector(text[start:end].split())
        return Unit(start, end, "org", sector=sector if isinstance(sector, str) else None)
    return Unit(start, end, "place")
