"""Link the people, organisations and countries an article names to actors with codes.

:func:`link_actors` reads one article in five steps:

1. cut the text into units (:mod:`kabar.actors.units`): knowledge-base matches, capitalised names,
   NER hints;
2. group them into phrases (:mod:`kabar.actors.phrases`): "Menteri Luar Negeri AS Antony Blinken",
   "juru bicara Kremlin, Dmitry Peskov", "Kejaksaan Negeri (Kejari) Sidoarjo";
3. a phrase that ends in a name is a person with a title (the organisations in the title are
   actors too); one that does not is an organisation, country or role ("Pemerintah Indonesia",
   "warga Korea Utara"); a title written after a name ("Nopriansyah selaku Kepala Dinas PUPR
   OKU") is that person's, and so is a title followed by "itu"/"tersebut" ("Waka Komisi Hukum DPR
   itu") when it fits the person named last;
4. a capitalised name with no title is a person only with evidence (:mod:`kabar.actors.evidence`),
   as the short form of a person already named ("Kim" → Kim Jong Un), or next to a person in a
   list ("Sri Afrianis dan Dudy Agung Trisna");
5. codes: a known person's office on the publication date, else the title's, else the article's
   home country (the country it names most) with CVL for a private person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kabar.actors.evidence import is_person, person_like
from kabar.actors.kb import Entry, KnowledgeBase, load_kb, normalise_day
from kabar.actors.lexicon import DEMONSTRATIVES, TITLE_WORDS
from kabar.actors.phrases import HEADS, NAMES, TitleCode, chains, read_title
from kabar.actors.units import Unit, scan
from kabar.model import Actor, Article, Entity, Mention

_APPOSITIVE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?"
    r"(?:,[ \t]*|[ \t]+(?:selaku|sebagai|yang merupakan|yang juga|yang menjabat(?: sebagai)?)[ \t]+)"
)
_LIST_BEFORE = re.compile(r"(?:,|,? dan|,? serta)[ \t]*$")
_LIST_AFTER = re.compile(r"[ \t]*(?:,|,? dan|,? serta)[ \t]*")
_NEXT_WORD = re.compile(r"[ \t]*(\w+)")
_COUNTRY_KINDS = frozenset({"country", "org", "person", "place"})
_NO_COUNTRY = frozenset({"UNK", "IGO", "NGO", "MNC"})
_TITLED = HEADS | {"org", "rank", "honorific"}


@dataclass(slots=True)
class _Group:
    """One actor being built: its mentions, the titles seen with it, what the knowledge base says."""

    kind: str
    entry: Entry | None = None
    names: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    titles: list[TitleCode] = field(default_factory=list)
    code: str | None = None  # fixed code (organisations and roles)
    titled: bool = False  # a title was seen, even one that says nothing ("Direktur")
    _words: set[str] | None = None

    def add(self, text: str, start: int, end: int, *, named: bool = True) -> None:
        """A mention; ``named=False`` for a description ("Waka Komisi Hukum DPR itu"), not a name."""
        if (start, end) not in self.spans:
            self.spans.append((start, end))
            if named:
                self.names.append(text[start:end])
                self._words = None

    @property
    def first(self) -> int:
        return min(s for s, _ in self.spans)

    def words(self) -> set[str]:
        """Every word of every name the actor goes by (cached until a name is added)."""
        if self._words is None:
            names = [*self.names, *(self.entry.names() if self.entry is not None else ())]
            self._words = {w.strip(".").casefold() for n in names for w in n.split()}
        return self._words


def link_actors(
    text: str,
    *,
    pub_date: str | None = None,
    entities: Sequence[Entity] = (),
    sentences: Sequence[tuple[int, int]] | None = None,
    kb: KnowledgeBase | None = None,
) -> list[Actor]:
    """The actors of one article, each with its mentions (offsets into ``text``).

    Args:
        text: the clean article text.
        pub_date: publication date (``YYYY-MM-DD…``); offices are read on that day.
        entities: NER spans (PER, ORG, LOC), optional hints.
        sentences: sentence spans, optional; phrases never cross a sentence start.
        kb: the knowledge base (default: the shipped one, see :func:`~kabar.actors.kb.load_kb`).

    Example:
        >>> [(a.name, a.code) for a in link_actors("Kata juru bicara Kremlin, Dmitry Peskov.")]
        [('Dmitry Peskov', 'RUS GOV')]
    """
    kb = kb or load_kb()
    units = scan(text, kb, entities)
    starts = [s for s, _ in sentences] if sentences else []
    builder = _Builder(text, kb, normalise_day(pub_date), _home_country(units), set(starts))
    for phrase in chains(text, units, starts):
        builder.add_phrase(phrase)
    builder.resolve_names()
    return builder.actors()


def link_article(article: Article, kb: KnowledgeBase | None = None) -> Article:
    """Set ``article.actors`` from its text, publication date and entities; returns the article."""
    article.actors = link_actors(article.text, pub_date=article.pub_date, entities=article.entities, kb=kb)
    return article


def _home_country(units: list[Unit]) -> str | None:
    """The country the article is about: the one its known names belong to most often (IDN on a tie)."""
    counts: Counter[str] = Counter()
    for unit in units:
        if unit.entry is not None and unit.kind in _COUNTRY_KINDS:
            country = unit.entry.country_code
            if country and country not in _NO_COUNTRY:
                counts[country] += 1
    if not counts:
        return None
    best = max(counts.values())
    return "IDN" if counts.get("IDN") == best else counts.most_common(1)[0][0]


class _Builder:
    def __init__(
        self, text: str, kb: KnowledgeBase, day: str | None, home: str | None, starts: set[int]
    ) -> None:
        self.text = text
        self.sentence_starts = starts
        self.kb = kb
        self.day = day
        self.home = home
        self.groups: dict[str, _Group] = {}
        self.pending: list[Unit] = []
        self.last_named: tuple[Unit, _Group | None] | None = None  # the name that closed the last phrase
        self._people: list[_Group] | None = None  # person actors, listed once names are resolved

    # --- phrases -----------------------------------------------------------------------------------

    def add_phrase(self, phrase: list[Unit]) -> None:
        phrase, repeats = _collapse(phrase) if len(phrase) > 1 else (phrase, [])
        if self.last_named is not None and self._appositive(phrase):
            return
        self.last_named = None
        last = phrase[-1]
        if len(phrase) == 1 and repeats:  # "Amerika Serikat (AS)": two mentions of one actor
            for unit in phrase + repeats:
                self._add_single(unit)
        elif last.kind in NAMES or last.kind == "acronym":
            self._add_named(phrase[:-1], last)
        elif len(phrase) == 1:
            self._add_single(last)
        elif not self._described(phrase):
            self._add_compound(phrase)
            self._add_title_orgs(phrase)

    def _add_named(self, title: list[Unit], name: Unit) -> None:
        titled = any(u.kind in _TITLED for u in title)
        if titled:
            fitted = self._introduced(title, name)
            if fitted is None:
                return
            name = fitted
        if name.kind == "person" and name.entry is not None:
            group = self._group(f"kb:{name.entry.id}", "person", name.entry)
        elif titled or (name.kind == "name" and self._checked(name)):
            group = self._person_group(self.text[name.start : name.end])
        else:
            self.pending.append(name)
            self.last_named = (name, None)
            return
        group.add(self.text, name.start, name.end)
        if titled:
            group.titled = True
            group.titles.append(read_title(title))
            self._add_title_orgs(title)
        self.last_named = (name, group)

    def _introduced(self, title: list[Unit], name: Unit) -> Unit | None:
        """The person's name a title introduces, or None when the phrase names no person (it is then
        recorded as what it is: a role and a place, a body with its own name, a title alone)."""
        if self._genitive(title, name):  # "mahasiswa Unud", "dosen FISIP"
            self._add_compound(title)
            self._add_named([], name)
            return None
        if name.kind != "name":
            return name
        name = self._strip_title_words(name)
        if name.start >= name.end or not person_like(self._words(name)):
            self._add_compound(title)  # "Menko Bidang Kemaritiman": no name after the title
            return None
        head = next((u for u in title if u.kind in HEADS), None)
        if head is not None and head.kind == "institution":  # "lembaga survei IndoStrategi"
            self._add_compound([*title, name], kind="organisation")
            return None
        return name

    def _genitive(self, title: list[Unit], name: Unit) -> bool:
        """A class noun before one word ("warga Bandung") or an acronym names a place or body."""
        if name.kind == "acronym":
            return True
        head = next((u for u in title if u.kind in HEADS), None)
        if head is None or head.entry is None or not head.entry.fixed or head is not title[-1]:
            return False
        return " " not in self.text[name.start : name.end]

    def _strip_title_words(self, name: Unit) -> Unit:
        """Drop the words that continue the title ("Direktur Riset Ali Noer Zaman" → Ali Noer Zaman)."""
        start = name.start
        for word in re.finditer(r"\S+", self.text[name.start : name.end]):
            if word.group() not in TITLE_WORDS:
                break
            start = name.start + word.end()
        while start < name.end and self.text[start] == " ":
            start += 1
        return Unit(start, name.end, name.kind, name.entry, person=name.person)

    def _add_single(self, unit: Unit) -> None:
        if unit.kind in ("country", "org") and unit.entry is not None:
            key = f"kb:{unit.entry.id}" if self._plain_alias(unit) else self._org_key(unit)
            group = self._group(key, "organisation" if unit.kind == "org" else "country", unit.entry)
            group.add(self.text, unit.start, unit.end)
        elif unit.kind == "org" or unit.kind in HEADS:
            self._add_compound([unit])
        elif unit.kind in ("name", "acronym"):
            self.pending.append(unit)

    def _add_title_orgs(self, title: list[Unit]) -> None:
        """The organisations named inside a title are actors too ("Kasi Humas Polres Metro Depok")."""
        for k, unit in enumerate(title):
            followed_by_country = k + 1 < len(title) and title[k + 1].kind == "country"
            if unit.kind == "org" and not followed_by_country:
                self._add_single(unit)

    def _add_compound(self, phrase: list[Unit], kind: str | None = None) -> None:
        """A phrase without a person: an organisation or a role ("Kementerian Luar Negeri Korea Utara")."""
        if not any(u.kind in HEADS or u.kind in ("org", "country") for u in phrase):
            self.pending.extend(u for u in phrase if u.kind in ("name", "acronym"))
            return
        only = phrase[0].entry if len(phrase) == 1 else None
        one_role_noun = only is not None and only.kind in HEADS  # it carries its own sector and country
        title = TitleCode(only.country, only.sector) if one_role_noun and only else read_title(phrase)
        if not title.informative and not any(u.kind in ("org", "country") for u in phrase):
            return
        if len(phrase) == 1 and phrase[0].entry is not None and not phrase[0].entry.alone:
            return
        heads = [u for u in phrase if u.kind in HEADS]
        kind = kind or ("role" if heads and heads[0].kind == "role" else "organisation")
        start = phrase[0].start
        end = self._close_bracket(start, phrase[-1].end)
        name = self.text[start:end]
        code = title.code(self.home)
        entry = next((u.entry for u in phrase if u.kind == "org" and u.entry), None) if not heads else None
        if entry is not None and entry.country_code != code.split()[0]:
            entry = None  # "Kementerian Luar Negeri Korea Utara" is not Indonesia's ministry
        group = self._group(f"{kind}:{name.casefold()}", kind, entry)
        group.code = code
        group.add(self.text, start, end)

    def _close_bracket(self, start: int, end: int) -> int:
        """The end of a phrase that opened a bracket ("… (Kemendikdasmen") is after its closing one."""
        opened = self.text.count("(", start, end) > self.text.count(")", start, end)
        return end + 1 if opened and self.text.startswith(")", end) else end

    def _appositive(self, phrase: list[Unit]) -> bool:
        """A title right after a name ("Dmitry Peskov, juru bicara Kremlin") is that person's."""
        lead = next((u for u in phrase if u.kind != "modifier"), phrase[0])
        if self.last_named is None or phrase[-1].kind in NAMES or lead.kind not in ("role", "rank"):
            return False
        unit, group = self.last_named
        if not _APPOSITIVE.fullmatch(self.text[unit.end : phrase[0].start]):
            return False
        if group is None:
            if unit.kind != "name" or unit not in self.pending:
                return False
            self.pending.remove(unit)
            group = self._person_group(self.text[unit.start : unit.end])
            group.add(self.text, unit.start, unit.end)
        group.titled = True
        group.titles.append(read_title(phrase))
        self._add_title_orgs(phrase)
        self.last_named = None
        return True

    def _described(self, phrase: list[Unit]) -> bool:
        """A role with "itu"/"tersebut" ("Waka Komisi Hukum DPR itu") describes the person named last."""
        head = next((u for u in phrase if u.kind in HEADS), None)
        nxt = _NEXT_WORD.match(self.text, phrase[-1].end)
        if head is None or head.kind != "role" or not nxt or nxt.group(1).lower() not in DEMONSTRATIVES:
            return False
        if head.entry is not None and (head.entry.relational or head.entry.fixed):
            return False
        title = read_title(phrase)
        group = self._recent_person(phrase[0].start, title)
        if group is None:
            return False
        group.titled = True
        group.titles.append(title)
        group.add(self.text, phrase[0].start, phrase[-1].end, named=False)
        self._add_title_orgs(phrase)
        return True

    def _recent_person(self, before: int, title: TitleCode) -> _Group | None:
        """The person named last before ``before`` that the title fits (a known one: same code)."""
        best: tuple[int, _Group] | None = None
        for group in self.groups.values():
            if group.kind != "person" or not group.spans:
                continue
            last = max((s for s, _ in group.spans if s < before), default=-1)
            if last >= 0 and self._fits(group, title) and (best is None or last > best[0]):
                best = (last, group)
        return best[1] if best else None

    def _fits(self, group: _Group, title: TitleCode) -> bool:
        code = self._code(group).split()
        if title.country is not None and code[0] not in (title.country, "UNK"):
            return False
        return group.entry is None or title.sector is None or code[1:] == [title.sector]

    def _plain_alias(self, unit: Unit) -> bool:
        """Whether the unit is exactly one of its entry's names (not extended by a place)."""
        return unit.entry is not None and unit.end == unit.alias_end

    def _org_key(self, unit: Unit) -> str:
        return f"organisation:{self.text[unit.start : unit.end].casefold()}"

    def _group(self, key: str, kind: str, entry: Entry | None) -> _Group:
        if key not in self.groups:
            self.groups[key] = _Group(kind, entry)
        return self.groups[key]

    def _person_group(self, name: str) -> _Group:
        key = f"person:{name.casefold()}"
        if key not in self.groups and self._people is not None:
            self._people.append(self._group(key, "person", None))
        return self._group(key, "person", None)

    # --- names without a title ---------------------------------------------------------------------

    def resolve_names(self) -> None:
        """Pending names: full names with evidence, short forms of people named, lists, then merges."""
        later: list[Unit] = []
        for unit in self.pending:
            full = unit.kind == "name" and len(self._words(unit)) >= 2
            if full and self._checked(unit):
                self._person_group(self._span(unit)).add(self.text, unit.start, unit.end)
            else:
                later.append(unit)
        rest: list[Unit] = []
        for unit in later:
            group = self._short_form_of(unit)
            if group is None and self._checked(unit):
                group = self._person_group(self._span(unit))
            if group is None:
                rest.append(unit)
            else:
                group.add(self.text, unit.start, unit.end)
        self._add_listed(rest)
        self._merge_short_forms()

    def _checked(self, unit: Unit) -> bool:
        """:func:`~kabar.actors.evidence.is_person`, asked once per unit."""
        if unit.checked:
            return False
        unit.checked = True
        return is_person(self.text, unit, self.sentence_starts)

    def _span(self, unit: Unit) -> str:
        return self.text[unit.start : unit.end]

    def _words(self, unit: Unit) -> list[str]:
        return self._span(unit).split()

    def _short_form_of(self, unit: Unit) -> _Group | None:
        """The person already named whose name holds every word of ``unit`` (the nearest before it)."""
        words = {w.strip(".").casefold() for w in self._words(unit)}
        if unit.kind != "name" or not words or any(len(w) < 3 for w in words):
            return None
        found: list[tuple[int, _Group]] = []
        for group in self._people_with(next(iter(words))):
            if group.spans and words <= group.words():
                before = [s for s, _ in group.spans if s < unit.start]
                found.append((unit.start - max(before) if before else 10**9 + group.first, group))
        return min(found, key=lambda f: f[0])[1] if found else None

    def _people_with(self, word: str) -> list[_Group]:
        """The person actors one of whose names holds ``word`` (people are few: a scan is enough)."""
        if self._people is None:
            self._people = [g for g in self.groups.values() if g.kind == "person"]
        return [g for g in self._people if word in g.words()]

    def _add_listed(self, units: list[Unit]) -> None:
        """Names listed with a person ("Sri Afrianis dan Dudy Agung Trisna") are people too."""
        ends = {e: s for g in self.groups.values() if g.kind == "person" for s, e in g.spans}
        starts = {s for g in self.groups.values() if g.kind == "person" for s, _ in g.spans}
        changed = True
        while changed and units:
            changed = False
            for unit in list(units):
                before = _LIST_BEFORE.search(self.text, max(0, unit.start - 8), unit.start)
                after = _LIST_AFTER.match(self.text, unit.end)
                listed = (before and before.start() in ends) or (after and after.end() in starts)
                if listed and person_like(self._words(unit)):
                    self._person_group(self._span(unit)).add(self.text, unit.start, unit.end)
                    ends[unit.end], starts = unit.start, starts | {unit.start}
                    units.remove(unit)
                    changed = True

    def _merge_short_forms(self) -> None:
        """An unknown person whose every word is in a longer person's name is that person ("Kim")."""
        unknown = [g for g in self.groups.values() if g.kind == "person" and g.entry is None and g.spans]
        for group in sorted(unknown, key=lambda g: len(g.words())):
            words = group.words()
            targets = [
                g for g in self.groups.values()
                if g is not group and g.kind == "person" and g.spans and words < g.words()
            ]  # fmt: skip
            if targets:
                target = min(targets, key=lambda g: abs(g.first - group.first))
                for start, end in group.spans:
                    target.add(self.text, start, end)
                target.titles.extend(group.titles)
                target.titled = target.titled or group.titled
                group.spans.clear()

    # --- result ------------------------------------------------------------------------------------

    def actors(self) -> list[Actor]:
        groups = sorted((g for g in self.groups.values() if g.spans), key=lambda g: g.first)
        result = []
        for number, group in enumerate(groups, start=1):
            entry = group.entry
            mentions = [Mention(self.text[s:e], s, e) for s, e in sorted(group.spans)]
            result.append(Actor(
                id=f"a{number}", name=self._name(group), code=self._code(group),
                kb_id=entry.id if entry else None, qid=entry.qid if entry else None,
                kind=group.kind, mentions=mentions,
            ))  # fmt: skip
        return result

    def _name(self, group: _Group) -> str:
        entry = group.entry
        if group.kind == "person":
            names = [n for n in set(group.names) if n[:1].isupper()] or group.names
            if entry is not None:
                canonical = _words(entry.name)
                if all(_words(n) <= canonical for n in names):
                    return entry.name
            return max(names, key=lambda n: (len(n.split()), len(n)))
        if group.kind == "country" and entry is not None:
            return entry.name
        spelled = [n for n in group.names if n != n.upper()]
        if spelled:
            return max(spelled, key=len)
        return entry.name if entry is not None else group.names[0]

    def _code(self, group: _Group) -> str:
        if group.code is not None:
            return group.code
        entry = group.entry
        if entry is not None and entry.kind != "person":
            return entry.code or "UNK"
        titles = [t for t in group.titles if t.informative]
        if entry is not None:
            office = self.kb.office_at(entry, self.day)
            if office is not None:
                return office.code
            told = [t for t in titles if t.sector and not t.former]
            return told[0].code(entry.country_code) if told else entry.code or "UNK"
        if titles:
            return titles[0].code(self.home)
        if group.titled:
            return self.home or "UNK"
        return f"{self.home} CVL" if self.home else "UNK"


def _collapse(phrase: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """Drop the bracketed short forms that repeat the unit before them; return them apart."""
    kept: list[Unit] = []
    repeats: list[Unit] = []
    for unit in phrase:
        if kept and unit.entry is not None and unit.entry is kept[-1].entry:
            repeats.append(unit)
        else:
            kept.append(unit)
    return kept, repeats


def _words(name: str) -> set[str]:
    return {w.casefold() for w in name.split()}
