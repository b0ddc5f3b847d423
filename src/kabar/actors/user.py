"""The user's own knowledge-base file: add one entry, import many, look a name up.

The file is YAML in the shipped format (see ``kabar/actors/data/README.md``) and is laid over the
shipped entries when loaded with ``load_kb(user_path)``: an entry with a shipped id replaces it,
a new id adds one. Every change is validated before the file is written (atomically), so a bad
entry leaves the file as it was and raises :class:`~kabar.actors.kb.KnowledgeBaseError`.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kabar.actors.kb import (
    KnowledgeBaseError,
    build_entries,
    load_kb,
    merge,
    read_entries,
    shipped_entries,
    validate_overlay,
)  # fmt: skip

_LIST_FIELDS = ("aliases", "metonyms", "minister")
_ROLE_COLUMNS = ("role_title", "role_code", "role_start", "role_end")
_FLAG_FIELDS = ("fixed", "regional", "generic", "field", "exact", "alone", "relational")


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: ids added, ids that replaced an entry already in the user file."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One knowledge-base entry as ``kabar actor NAME`` shows it, with its code on a date."""

    id: str
    kind: str
    name: str
    code: str
    office: str | None
    qid: str | None
    aliases: tuple[str, ...]
    source: str


def add_entry(user_path: Path, entry: Mapping[str, Any], *, replace: bool = False) -> str:
    """Add one entry to the user file (created if missing); returns its id.

    Args:
        user_path: the user knowledge-base file.
        entry: a mapping in the data-file format; ``id`` may be left out when ``kind`` and
            ``name`` are given (``person`` + "Budi Santoso" → ``person:budi-santoso``).
        replace: replace an entry of the same id already in the user file instead of failing.

    Example:
        >>> add_entry(Path("actors.yaml"), {"kind": "person", "name": "Budi Santoso", "code": "IDN CVL"})
        ... # doctest: +SKIP
        'person:budi-santoso'
    """
    item = _with_id(dict(entry))
    current = read_user_entries(user_path)
    if not replace and any(e.get("id") == item["id"] for e in current):
        raise KnowledgeBaseError([f"{item['id']}: already in {user_path} (use replace to overwrite)"])
    _save(user_path, _upsert(current, [item]))
    return str(item["id"])


def import_entries(user_path: Path, source: Path, *, replace: bool = True) -> ImportReport:
    """Import a YAML file (data-file format) or a CSV file into the user file.

    A CSV has a header row with ``id`` (or ``kind``), ``name``, ``code`` and any of ``en``,
    ``aliases`` (separated by ``|`` or ``;``), ``qid``, ``sector``, ``country``, and for dated offices
    ``role_title``, ``role_code``, ``role_start``, ``role_end``; rows with the same id are one entry
    with several offices.
    """
    items = _read_csv(source) if source.suffix.lower() == ".csv" else read_entries(source)
    items = _merge_rows([_with_id(dict(item)) for item in items])
    current = read_user_entries(user_path)
    known = {e.get("id") for e in current}
    clashes = [str(i["id"]) for i in items if i["id"] in known]
    if clashes and not replace:
        raise KnowledgeBaseError([f"{i}: already in {user_path}" for i in clashes])
    _save(user_path, _upsert(current, items))
    added = tuple(str(i["id"]) for i in items if i["id"] not in known)
    return ImportReport(added=added, replaced=tuple(clashes))


def read_user_entries(user_path: Path) -> list[dict[str, Any]]:
    """The raw entries of the user file ([] when it does not exist yet)."""
    path = Path(user_path).expanduser()
    return read_entries(path) if path.exists() else []


def find_actor(name: str, *, date: str | None = None, user_path: Path | None = None) -> list[ActorInfo]:
    """Knowledge-base entries called ``name`` (any case), else those whose names hold all its words.

    The code is the one current on ``date`` (YYYY-MM-DD; default: the current office as far as the
    data knows).
    """
    kb = load_kb(user_path)
    found = kb.lookup(name)
    if not found:
        words = set(name.casefold().split())
        found = [e for e in kb.entries.values() if any(words <= set(n.casefold().split()) for n in e.names())]
    result = []
    for entry in found:
        office = kb.office_at(entry, date)
        code = office.code if office else entry.code or entry.sector or ""
        result.append(ActorInfo(
            id=entry.id, kind=entry.kind, name=entry.name, code=code,
            office=office.title if office else None, qid=entry.qid, aliases=entry.aliases,
            source=entry.source,
        ))  # fmt: skip
    return result


# --- helpers --------------------------------------------------------------------------------------


def slug(text: str) -> str:
    """``budi-santoso`` from "Budi Santoso": ASCII, lower case, hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _with_id(item: dict[str, Any]) -> dict[str, Any]:
    if not item.get("id"):
        kind, name = item.get("kind"), item.get("name")
        if not kind or not name:
            raise KnowledgeBaseError([f"{item!r}: needs an id, or a kind and a name"])
        item["id"] = f"{kind}:{slug(str(name))}"
    ordered = {"id": item["id"], **item}  # the id first, as in the shipped files
    return {k: v for k, v in ordered.items() if v not in (None, "", [])}


def _upsert(current: list[dict[str, Any]], items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    table = {str(e.get("id")): e for e in current}
    for item in items:
        table[str(item["id"])] = item
    return list(table.values())


def _save(user_path: Path, entries: list[dict[str, Any]]) -> None:
    """Validate the entries over the shipped ones, then write the file atomically."""
    path = Path(user_path).expanduser()
    built = build_entries(entries, source=str(path))
    validate_overlay(merge(list(shipped_entries()), built), {e.id for e in built})
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, default_flow_style=False)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def _read_csv(source: Path) -> list[dict[str, Any]]:
    with source.open(encoding="utf-8-sig", newline="") as handle:
        return [_csv_row(row) for row in csv.DictReader(handle)]


def _csv_row(row: Mapping[str, str | None]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for key, value in row.items():
        value = (value or "").strip()
        if not key or not value or key in _ROLE_COLUMNS:
            continue
        if key in _LIST_FIELDS:
            item[key] = [v.strip() for v in re.split(r"[|;]", value) if v.strip()]
        elif key in _FLAG_FIELDS:
            item[key] = value.lower() in ("1", "true", "yes", "ya")
        else:
            item[key] = value
    role = {k.removeprefix("role_"): (row.get(k) or "").strip() for k in _ROLE_COLUMNS}
    if role["title"]:
        item["roles"] = [{k: v for k, v in role.items() if v}]
    return item


def _merge_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the same id become one entry; their offices are kept in row order."""
    merged: dict[str, dict[str, Any]] = {}
    for item in items:
        key = str(item["id"])
        if key in merged:
            merged[key].setdefault("roles", []).extend(item.get("roles") or [])
        else:
            merged[key] = item
    return list(merged.values())
