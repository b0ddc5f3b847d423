"""Group units into phrases ("juru bicara Kremlin, Dmitry Peskov") and read a code off a title.

A phrase is a run of units joined only by glue: spaces and brackets; a comma before the name
that closes a title; a few lower-case words between a role noun and its name ("pengamat
kebijakan publik dan politik nasional Nasky …", "pemohon bernama Daniel"); "dan" between two role
nouns; "di"/"dari"/"asal" between a role noun and a place; "untuk" between two countries or
bodies ("Dubes RI untuk Rusia"). A name is always the end of a phrase.

A title is read head first, the way Indonesian builds it:

1. the head is the first role or institution noun ("juru bicara", "pemerintah");
2. the country is the first country written, or the first known organisation's country (a
   generic one, "Kementerian Luar Negeri", takes the country written after it), or the head's
   own country (Kapolri → IDN); without any, the caller's default;
3. the sector is the head's when it is fixed ("warga", "pengamat"), else the organisation's
   (KPK → JUD), else the next role noun's, else a rank's (Kombes → COP), else the head's own;
   two coordinated heads with different sectors give none ("pejabat dan pakar Amerika" → USA).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kabar.actors.lexicon import FILLER_OK, FILLER_STOP
from kabar.actors.units import Unit

HEADS = frozenset({"role", "institution"})
TITLE_KINDS = frozenset({"role", "institution", "rank", "honorific", "modifier", "org", "country", "place"})
NAMES = frozenset({"person", "name"})
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_SPACE_BRACKETS = re.compile(r"(?:[ \t()]|\b[IVXL]+\b|\b\d{1,3}\b)*")  # "Komisi III DPR"
_BRACKETED_ACRONYM = re.compile(r"[ \t]*\([A-Z0-9.&/-]{1,12}\)[ \t]*")
_WORD = re.compile(r"[a-z][a-z-]*")
_VERB_PREFIX = re.compile(r"^(?:me|ber|di|ter|per)")
_FORMER = frozenset({"mantan", "eks", "bekas"})


@dataclass(slots=True)
class TitleCode:
    """What a title says: country (None: not written) and sector (None: not written)."""

    country: str | None
    sector: str | None
    former: bool = False

    def code(self, default_country: str | None) -> str:
        """The ``CCC`` or ``CCC SEC`` code, with ``default_country`` where the title names none."""
        country = self.country or default_country or "UNK"
        sector = self.sector
        if (sector == "UNO" and country != "IGO") or (country == "IGO" and sector not in (None, "UNO")):
            sector = None  # UNO goes only with IGO, and IGO takes no other sector
        return f"{country} {sector}" if sector else country

    @property
    def informative(self) -> bool:
        return self.country is not None or self.sector is not None


def chains(text: str, units: list[Unit], breaks: Iterable[int] = ()) -> list[list[Unit]]:
    """The phrases of an article, in order; ``breaks`` are sentence starts no phrase crosses."""
    stops = sorted(set(breaks))
    out: list[list[Unit]] = []
    current: list[Unit] = []
    k = 0
    for unit in units:
        while k < len(stops) and stops[k] <= unit.start:
            if current and current[-1].end <= stops[k]:
                out.append(current)
                current = []
            k += 1
        if current and glued(text, current, unit):
            current.append(unit)
        else:
            if current:
                out.append(current)
            current = [unit]
    if current:
        out.append(current)
    return out


def glued(text: str, chain: list[Unit], nxt: Unit) -> bool:
    """Whether ``nxt`` continues the phrase ``chain`` (see the module docstring)."""
    prev = chain[-1]
    if nxt.start - prev.end > 64:  # no glue is that long: the common case, decided without slicing
        return False
    gap = text[prev.end : nxt.start]
    if "\n" in gap:
        return False
    if prev.kind == "person" or (prev.kind in ("name", "acronym") and not _mid_title(chain, nxt, gap)):
        return False
    if prev.entry is not None and prev.entry.relational and nxt.kind in NAMES:
        return bool(_COMMA.fullmatch(gap))  # "pengacara Nikita" is Nikita's lawyer
    if _SPACE_BRACKETS.fullmatch(gap) or _BRACKETED_ACRONYM.fullmatch(gap):
        return (prev.kind in TITLE_KINDS or prev.kind == "name") and _joins(prev, nxt, gap, chain)
    if _COMMA.fullmatch(gap):
        return nxt.kind in NAMES | {"rank", "honorific"} and _has_head(chain) and prev.kind in TITLE_KINDS
    return _filler(gap, prev, nxt, chain)


def _joins(prev: Unit, nxt: Unit, gap: str, chain: list[Unit]) -> bool:
    """Two names of bodies side by side are one phrase only as "generic body + country"
    ("Kementerian Luar Negeri Korea Utara") or "sub-unit + body" ("Direktorat … Polda Metro Jaya")."""
    if prev.entry is not None and prev.entry is nxt.entry:
        return "(" in gap  # "Korea Utara (Korut)": the short form in brackets
    if prev.kind == "country" and nxt.kind in ("country", "org"):
        return nxt.kind == "org" and _has_head(chain)
    if prev.kind == "org" and nxt.kind == "country":
        return prev.entry is None or prev.entry.generic
    if prev.kind == "org" and nxt.kind == "org":
        return prev.entry is not nxt.entry and "(" not in gap
    return True


def _mid_title(chain: list[Unit], nxt: Unit, gap: str) -> bool:
    """A name inside a title ("Kepala Seksi Penerangan Hukum Kejati …") when a title goes on after it."""
    if not _has_head(chain[:-1]):
        return False
    if nxt.kind in NAMES:
        return bool(_BRACKETED_ACRONYM.fullmatch(gap))
    return nxt.kind in ("org", "country", "place", "role", "rank") and bool(_SPACE_BRACKETS.fullmatch(gap))


def _has_head(chain: list[Unit]) -> bool:
    return any(u.kind in HEADS or u.kind in ("org", "rank", "honorific") for u in chain)


def _filler(gap: str, prev: Unit, nxt: Unit, chain: list[Unit]) -> bool:
    words = gap.split()
    if not 1 <= len(words) <= 6 or not all(_WORD.fullmatch(w) for w in words):
        return False
    if len(words) == 1:
        word = words[0]
        if word == "dan" and prev.kind == "role" and nxt.kind == "role":
            return True
        if word in ("di", "dari", "asal") and prev.kind in HEADS and nxt.kind in ("country", "place"):
            return True
        if word == "untuk" and prev.kind in ("country", "org") and nxt.kind in ("country", "org"):
            return _has_head(chain)
    if prev.kind not in HEADS or nxt.kind not in NAMES:
        return False
    return all(w in FILLER_OK or (w not in FILLER_STOP and not _VERB_PREFIX.match(w)) for w in words)


def read_title(title: list[Unit]) -> TitleCode:
    """The country and sector a title gives (see the module docstring)."""
    heads = [u for u in title if u.kind in HEADS]
    head = heads[0] if heads else None
    after = title[title.index(head) + 1 :] if head else title
    country, org = _anchor(after)
    if country is None and head is not None and head.entry is not None:
        country = head.entry.country
    if country is None:
        country = next((u.entry.country_code for u in title if u.kind == "place" and u.entry), None)
        country = None if country == "UNK" else country
    sector = _sector(head, heads, after, org)
    former = any(u.kind == "modifier" and _first_word(u) in _FORMER for u in title)
    return TitleCode(country, sector, former)


def _first_word(unit: Unit) -> str:
    return unit.entry.name.split()[0].lower() if unit.entry else ""


def _anchor(units: list[Unit]) -> tuple[str | None, Unit | None]:
    """The title's country and the organisation whose sector it takes."""
    known = [u for u in units if u.kind in ("country", "org") and u.entry is not None]
    orgs = [u for u in units if u.kind == "org"]
    if not known:
        return None, orgs[0] if orgs else None
    first = known[0]
    country = first.entry.country_code if first.entry else None
    if first.kind == "country":
        same = [o for o in orgs if o.entry is None or o.entry.generic or o.entry.country_code == country]
        return country, same[0] if same else None
    rest = known[1:]
    if first.entry is not None and first.entry.generic and rest and rest[0].kind == "country":
        country = rest[0].entry.country_code if rest[0].entry else country
    return country, first


def _sector(head: Unit | None, heads: list[Unit], after: list[Unit], org: Unit | None) -> str | None:
    if head is not None and head.entry is not None and head.entry.fixed:
        sectors = {h.entry.sector for h in heads if h.entry is not None and h.entry.fixed}
        return head.entry.sector if len(sectors) == 1 else None
    if len({h.entry.sector for h in heads if h.entry is not None and h.entry.sector}) > 1:
        return None
    if org is not None:
        return org.entry.code_sector if org.entry is not None else org.sector
    for unit in after:
        if unit.kind in HEADS and unit.entry is not None and unit.entry.sector:
            return unit.entry.sector
    ranks = [u.entry.sector for u in after if u.kind == "rank" and u.entry is not None and u.entry.sector]
    if ranks:
        return ranks[0]
    return head.entry.sector if head is not None and head.entry is not None else None
