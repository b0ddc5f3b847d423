"""The actor knowledge base: who is who, with codes and dated offices, loaded from YAML data files.

The shipped files live in ``kabar/actors/data/`` (format in its README.md); a user file in the same
format is laid over them (same id replaces, new ids add). :func:`load_kb` validates everything,
builds the alias matcher and caches the result, so a process pays for it once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kabar.actors.matcher import AliasMatcher, Hit, fold_alias

DATA_DIR = Path(__file__).parent / "data"
SHIPPED_FILES = ("countries.yaml", "international.yaml", "indonesia.yaml", "places.yaml",
                 "people_world.yaml", "people_indonesia.yaml", "roles.yaml")  # fmt: skip
SECTORS = frozenset((
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "BUS", "MED", "EDU", "LAB", "CVL", "REL",
    "NGO", "UNO",
))  # fmt: skip
SPECIAL_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "UNK"})
NAME_KINDS = frozenset({"country", "org", "person", "place"})
ROLE_KINDS = frozenset({"role", "institution", "rank", "honorific", "modifier"})
KINDS = NAME_KINDS | ROLE_KINDS
_PREFIX_KIND = {"country": "country", "org": "org", "person": "person", "place": "place",
                "role": "role", "rank": "rank", "honorific": "honorific", "modifier": "modifier"}  # fmt: skip
_ID_RE = re.compile(r"^[a-z]+:[A-Za-z0-9._#-]+$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CODE_RE = re.compile(r"^([A-Z]{3})(?: ([A-Z]{3}))?$")


class KnowledgeBaseError(ValueError):
    """The knowledge-base data is invalid; ``problems`` lists every problem found, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid actor data:\n  " + "\n  ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Office:
    """A dated role: ``start`` inclusive, ``end`` the first day out of office (None: still in it)."""

    title: str
    code: str
    start: str | None = None
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        """Whether the office was held on ``day`` (YYYY-MM-DD)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: a country, organisation, person, place or role noun."""

    id: str
    kind: str
    name: str
    code: str | None = None  # the actor code (name kinds); None for role nouns
    en: str | None = None
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    roles: tuple[Office, ...] = ()
    sector: str | None = None  # role nouns: the sector they give
    country: str | None = None  # role nouns: the one country the title exists in
    fixed: bool = False  # role nouns: own sector beats the organisation's
    regional: bool = False  # organisations that take a place name after them
    generic: bool = False  # organisations that a following country name specialises
    field: bool = False  # regional organisations that take a field name too ("Dinas Sosial ...")
    exact: bool = False  # match every alias in exact case
    alone: bool = True  # role nouns: an actor by itself ("warga"), or only with more ("militer Rusia")
    relational: bool = False  # role nouns: "pengacara X" is X's lawyer, not X
    source: str = "shipped"

    @property
    def country_code(self) -> str | None:
        """The ``CCC`` part of the code (or the role noun's country)."""
        return self.code.split()[0] if self.code else self.country

    @property
    def code_sector(self) -> str | None:
        """The ``SEC`` part of the code, or the role noun's sector."""
        if self.code:
            parts = self.code.split()
            return parts[1] if len(parts) > 1 else None
        return self.sector

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(slots=True)
class KnowledgeBase:
    """Validated entries, the alias matcher over them, and dated-office look-ups."""

    entries: dict[str, Entry]
    matcher: AliasMatcher
    by_name: dict[str, list[str]] = field(default_factory=dict)  # casefolded alias → ids

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def find(self, text: str) -> list[Hit]:
        """Every alias in ``text``, leftmost longest."""
        return self.matcher.find(text)

    def lookup(self, name: str) -> list[Entry]:
        """Entries one of whose names is ``name`` (any case)."""
        ids = self.by_name.get(fold_alias(name).casefold(), [])
        return [self.entries[i] for i in ids]

    def office_at(self, person: Entry | str, day: str | None) -> Office | None:
        """The office ``person`` held on ``day``; with no day, the first office still held."""
        entry = self.entries.get(person) if isinstance(person, str) else person
        return office_at(entry, day) if entry else None

    def code_at(self, entry: Entry, day: str | None) -> str:
        """The entry's code on ``day``: the current office's code, else the entry's own."""
        office = office_at(entry, day)
        return office.code if office else (entry.code or "UNK")


def office_at(person: Entry, day: str | None) -> Office | None:
    """The first of ``person``'s offices current on ``day`` (YYYY-MM-DD, longer strings cut).

    Without a day, the first office that has no end date (the current one as far as the data knows).
    """
    when = normalise_day(day)
    for office in person.roles:
        if (office.end is None) if when is None else office.holds_on(when):
            return office
    return None


def normalise_day(day: str | None) -> str | None:
    """``YYYY-MM-DD`` from a date or datetime string, or None when it is not one."""
    if not day or len(day) < 10 or not _DATE_RE.match(day[:10]):
        return None
    return day[:10]


def valid_code(code: object, countries: Iterable[str]) -> bool:
    """Whether ``code`` is ``CCC`` or ``CCC SEC`` with a known country and sector (UNO only with IGO)."""
    if not isinstance(code, str) or not (m := _CODE_RE.match(code)):
        return False
    ccc, sec = m.groups()
    if ccc not in SPECIAL_COUNTRIES and ccc not in set(countries):
        return False
    return sec is None or (sec in SECTORS and (sec != "UNO" or ccc == "IGO"))


# --- reading and validating -------------------------------------------------------------------------


def read_entries(path: Path) -> list[dict[str, Any]]:
    """The raw entries of one YAML file: a list of mappings (or a mapping with an ``entries`` list)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []
    if isinstance(data, dict):
        data = data.get("entries") or []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise KnowledgeBaseError([f"{path}: expected a list of entries (mappings)"])
    return data


def build_entries(raw: list[dict[str, Any]], *, source: str = "shipped") -> list[Entry]:
    """Entries from raw mappings, each checked on its own; raises with every problem found."""
    problems: list[str] = []
    entries: list[Entry] = []
    for item in raw:
        entry = _entry(item, source, problems)
        if entry is not None:
            entries.extend([entry, *_minister_roles(item, entry)])
    if problems:
        raise KnowledgeBaseError(problems)
    return entries


def validate(entries: list[Entry]) -> None:
    """Checks across entries: unique ids, known country codes, no alias claimed by two entries."""
    problems: list[str] = []
    countries = {e.code.split()[0] for e in entries if e.kind == "country" and e.code}
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(f"{entry.id}: duplicate id")
        seen.add(entry.id)
        problems.extend(_code_problems(entry, countries))
    problems.extend(_alias_clashes(entries))
    if problems:
        raise KnowledgeBaseError(problems)


def _entry(item: Mapping[str, Any], source: str, problems: list[str]) -> Entry | None:
    entry_id = item.get("id")
    if not isinstance(entry_id, str) or not _ID_RE.match(entry_id):
        problems.append(f"{entry_id!r}: id must look like 'kind:slug'")
        return None
    kind = item.get("kind") or item.get("type") or _PREFIX_KIND.get(entry_id.split(":")[0])
    name = item.get("name")
    bad = _field_problems(item, kind, name)
    if bad:
        problems.extend(f"{entry_id}: {p}" for p in bad)
        return None
    assert isinstance(kind, str) and isinstance(name, str)
    return Entry(
        id=entry_id, kind=kind, name=name, code=item.get("code"), en=item.get("en"),
        aliases=_aliases(item), qid=item.get("qid"), roles=_offices(item.get("roles") or []),
        sector=item.get("sector"), country=item.get("country"), fixed=bool(item.get("fixed")),
        regional=bool(item.get("regional")), generic=bool(item.get("generic")),
        field=bool(item.get("field")), exact=bool(item.get("exact")),
        alone=item.get("alone", True) is not False, relational=bool(item.get("relational")),
        source=source,
    )  # fmt: skip


FIELDS = frozenset((
    "id", "kind", "type", "name", "en", "aliases", "metonyms", "minister", "code", "qid", "roles",
    "sector", "country", "fixed", "regional", "generic", "field", "exact", "alone", "relational",
))  # fmt: skip


def _field_problems(item: Mapping[str, Any], kind: object, name: object) -> list[str]:
    problems = [f"unknown field {key!r} (quote names that hold a comma)" for key in item if key not in FIELDS]
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    if not isinstance(name, str) or not name.strip():
        problems.append("needs a name")
    for key in ("aliases", "metonyms", "minister"):
        values = item.get(key) or []
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"{key} must be a list of names (quote words YAML reads as true/false)")
    if kind in NAME_KINDS and not item.get("code"):
        problems.append("needs a code")
    if kind in ROLE_KINDS and item.get("sector") not in SECTORS | {None}:
        problems.append(f"unknown sector {item.get('sector')!r}")
    qid = item.get("qid")
    if qid is not None and not (isinstance(qid, str) and _QID_RE.match(qid)):
        problems.append(f"qid {qid!r} is not a Wikidata id (Q123)")
    problems.extend(_role_problems(item.get("roles") or []))
    return problems


def _role_problems(roles: object) -> list[str]:
    if not isinstance(roles, list):
        return ["roles must be a list"]
    problems = []
    for role in roles:
        if not isinstance(role, dict) or not isinstance(role.get("title"), str) or not role.get("code"):
            problems.append(f"role {role!r} needs a title and a code")
            continue
        if set(role) - {"title", "code", "start", "end"}:
            problems.append(f"role {role['title']!r}: unknown fields (quote titles that hold a comma)")
        start, end = _day(role.get("start"), "start"), _day(role.get("end"), "start")
        if start == "?" or end == "?":
            problems.append(f"role {role['title']!r}: dates are YYYY-MM-DD, YYYY-MM or YYYY")
        elif start and end and end <= start:
            problems.append(f"role {role['title']!r}: ends ({end}) before it starts ({start})")
    return problems


def _day(value: object, _which: str) -> str | None:
    """A comparable day for a start or end date; '?' when the value is not a date."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not _DATE_RE.match(text):
        return "?"
    day = (text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10]
    try:
        date.fromisoformat(day)
    except ValueError:
        return "?"
    return day


def _offices(roles: list[dict[str, Any]]) -> tuple[Office, ...]:
    return tuple(
        Office(r["title"], r["code"], _day(r.get("start"), "start"), _day(r.get("end"), "end")) for r in roles
    )


def _aliases(item: Mapping[str, Any]) -> tuple[str, ...]:
    """Aliases and metonyms, plus the plain-ASCII and unhyphenated variants of people's names."""
    names = [item["name"], *(item.get("aliases") or []), *(item.get("metonyms") or [])]
    kind = item.get("kind") or item.get("type") or "role"
    person_role = kind == "role" and str(item["id"]).startswith("role:")
    variants: list[str] = []
    for name in names:
        variants.append(fold_alias(name))
        if person_role and name.islower():
            variants.append(fold_alias(name) + "nya")  # "asistennya", "kuasa hukumnya"
        if ", dan " in name:
            variants.append(fold_alias(name.replace(", dan ", " dan ")))  # no serial comma
        variants.append(fold_alias(_ascii(name)))
        if str(item.get("id", "")).startswith("person:") and "-" in name:
            variants.append(fold_alias(re.sub(r"-(\w)", lambda m: " " + m.group(1).upper(), name)))
    unique = list(dict.fromkeys(v for v in variants if v))
    return tuple(v for v in unique if v != item["name"])


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _minister_roles(item: Mapping[str, Any], org: Entry) -> list[Entry]:
    """A ministry's ``minister`` titles ("Menlu") as a role noun with the ministry's country and sector."""
    titles = item.get("minister") or []
    if not titles or not org.code:
        return []
    aliases = _aliases({"id": "role:", "kind": "minister", "name": titles[0], "aliases": titles[1:]})
    return [Entry(
        id=f"{org.id}#minister", kind="role", name=titles[0], aliases=aliases,
        sector=org.code_sector, country=org.country_code, source=org.source,
    )]  # fmt: skip


def _code_problems(entry: Entry, countries: set[str]) -> list[str]:
    codes = [entry.code] if entry.code else []
    codes += [office.code for office in entry.roles]
    problems = [f"{entry.id}: invalid code {c!r}" for c in codes if not valid_code(c, countries)]
    if entry.kind in ROLE_KINDS and entry.country and not valid_code(entry.country, countries):
        problems.append(f"{entry.id}: invalid country {entry.country!r}")
    return problems


def _alias_clashes(entries: list[Entry]) -> list[str]:
    owners: dict[tuple[str, bool], str] = {}
    problems = []
    for entry in entries:
        for alias in entry.names():
            key = _match_key(alias, entry)
            other = owners.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(f"{entry.id}: alias {alias!r} is also an alias of {other}")
    return problems


# --- matching rules -----------------------------------------------------------------------------------


def is_exact(alias: str, entry: Entry) -> bool:
    """Whether ``alias`` is matched only as written (see data/README.md, "Case")."""
    if entry.exact or (entry.kind == "place" and " " not in alias):
        return True
    if entry.kind in ROLE_KINDS:
        return alias.isupper() and len(alias) <= 5
    words = alias.split()
    if len(words) == 1:
        return len(alias) < 5 or alias.isupper()
    return all(w.isupper() or len(w) <= 3 for w in words)


def _match_key(alias: str, entry: Entry) -> tuple[str, bool]:
    exact = is_exact(alias, entry)
    return (alias if exact else alias.lower(), exact)


def build_kb(entries: list[Entry]) -> KnowledgeBase:
    """The knowledge base over validated entries; later entries win an alias both claim."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    for entry in entries:
        for alias in entry.names():
            (exact if is_exact(alias, entry) else folded)[alias] = entry.id
            ids = by_name.setdefault(alias.casefold(), [])
            if entry.id not in ids:
                ids.append(entry.id)
    table = {e.id: e for e in entries}
    return KnowledgeBase(entries=table, matcher=AliasMatcher(exact, folded), by_name=by_name)


def merge(shipped: list[Entry], user: list[Entry]) -> list[Entry]:
    """The shipped entries with the user's laid over them: same id replaces, new ids add."""
    replaced = {e.id for e in user}
    return [e for e in shipped if e.id not in replaced] + user


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[Entry, ...]:
    """Every shipped entry, read and validated once per process."""
    raw = [item for name in SHIPPED_FILES for item in read_entries(DATA_DIR / name)]
    entries = build_entries(raw)
    validate(entries)
    return tuple(entries)


def load_kb(user_path: Path | None = None) -> KnowledgeBase:
    """The shipped knowledge base, with the user file at ``user_path`` laid over it when it exists.

    Cached: the same user file (same modification time) gives the same object.
    """
    if user_path is None or not Path(user_path).exists():
        return _load(None, 0.0)
    path = Path(user_path).expanduser().resolve()
    return _load(str(path), path.stat().st_mtime)


@lru_cache(maxsize=4)
def _load(user_path: str | None, _mtime: float) -> KnowledgeBase:
    entries = list(shipped_entries())
    if user_path is not None:
        user = build_entries(read_entries(Path(user_path)), source=user_path)
        entries = merge(entries, user)
        validate_overlay(entries, {e.id for e in user})
    return build_kb(entries)


def validate_overlay(entries: list[Entry], user_ids: set[str]) -> None:
    """Code checks for the user's entries; their aliases may shadow shipped ones on purpose."""
    countries = {e.code.split()[0] for e in entries if e.kind == "country" and e.code}
    problems = [p for e in entries if e.id in user_ids for p in _code_problems(e, countries)]
    if problems:
        raise KnowledgeBaseError(problems)
