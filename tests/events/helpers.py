"""Inline fixtures for the event tests: articles whose actors are given by hand, so the coder is
tested on its own (the actor linker has its own tests)."""

from __future__ import annotations

import re

from kabar.events import extract_events
from kabar.model import Actor, ActorRef, Article, Event, Mention, Quote

# surface form -> (full name, code, kind); several forms of one name are one actor
ACTORS: dict[str, tuple[str, str, str]] = {
    "Vladimir Putin": ("Vladimir Putin", "RUS GOV", "person"),
    "Putin": ("Vladimir Putin", "RUS GOV", "person"),
    "Kim Jong Un": ("Kim Jong Un", "PRK GOV", "person"),
    "Kim": ("Kim Jong Un", "PRK GOV", "person"),
    "Rusia": ("Rusia", "RUS GOV", "country"),
    "Moskow": ("Rusia", "RUS GOV", "country"),
    "Korea Utara": ("Korea Utara", "PRK GOV", "country"),
    "Korut": ("Korea Utara", "PRK GOV", "country"),
    "Pyongyang": ("Korea Utara", "PRK GOV", "country"),
    "Antony Blinken": ("Antony Blinken", "USA GOV", "person"),
    "Blinken": ("Antony Blinken", "USA GOV", "person"),
    "Amerika Serikat": ("Amerika Serikat", "USA GOV", "country"),
    "Washington": ("Amerika Serikat", "USA GOV", "country"),
    "Ukraina": ("Ukraina", "UKR GOV", "country"),
    "Jepang": ("Jepang", "JPN GOV", "country"),
    "Israel": ("Israel", "ISR GOV", "country"),
    "Hamas": ("Hamas", "PSE REB", "organisation"),
    "Palestina": ("Palestina", "PSE", "country"),
    "KPK": ("Komisi Pemberantasan Korupsi", "IDN JUD", "organisation"),
    "Polda Riau": ("Polda Riau", "IDN COP", "organisation"),
    "Kejari Bantul": ("Kejaksaan Negeri Bantul", "IDN JUD", "organisation"),
    "Bawaslu": ("Badan Pengawas Pemilu", "IDN GOV", "organisation"),
    "Siti Rahma": ("Siti Rahma", "IDN LEG", "person"),
    "Siti": ("Siti Rahma", "IDN LEG", "person"),
    "Budi Santoso": ("Budi Santoso", "IDN GOV", "person"),
    "Budi": ("Budi Santoso", "IDN GOV", "person"),
    "Joko Prasetyo": ("Joko Prasetyo", "IDN CVL", "person"),
    "Joko": ("Joko Prasetyo", "IDN CVL", "person"),
    "Rina Wulandari": ("Rina Wulandari", "IDN BUS", "person"),
    "Rina": ("Rina Wulandari", "IDN BUS", "person"),
    "buruh": ("buruh", "IDN LAB", "role"),
    "warga": ("warga", "IDN CVL", "role"),
    "TNI": ("Tentara Nasional Indonesia", "IDN MIL", "organisation"),
    "Partai Maju": ("Partai Maju", "IDN PTY", "organisation"),
    "Dmitry Peskov": ("Dmitry Peskov", "RUS GOV", "person"),
    "Peskov": ("Dmitry Peskov", "RUS GOV", "person"),
}


def link(text: str, forms: dict[str, tuple[str, str, str]] | None = None) -> list[Actor]:
    """Actors with a mention at every occurrence of one of their surface forms (longest first)."""
    forms = forms or ACTORS
    actors: dict[str, Actor] = {}
    taken: list[tuple[int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        name, code, kind = forms[form]
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            actor = actors.setdefault(name, Actor(f"a{len(actors) + 1}", name, code, kind=kind))
            actor.mentions.append(Mention(match.group(), match.start(), match.end()))
    for actor in actors.values():
        actor.mentions.sort(key=lambda m: m.start)
    return list(actors.values())


def article(text: str, pub_date: str | None = "2024-02-21", speaker: str | None = None) -> Article:
    """An article over ``text`` with its actors linked by hand; ``speaker`` (a surface form) says
    every quotation in it."""
    doc = Article(id="t", origin="test", hash="", text=text, pub_date=pub_date, outlet="Uji")
    doc.actors = link(text)
    if speaker is not None:
        doc.quotes = _quotes(doc, speaker)
    return doc


def _quotes(doc: Article, speaker: str) -> list[Quote]:
    name = ACTORS[speaker][0]
    actor = next(a for a in doc.actors if a.name == name)
    ref = ActorRef(actor.name, actor.code, actor.id)
    return [
        Quote(m.group(1), "direct", ref, "kata", start=m.start(1), end=m.end(1))
        for m in re.finditer(r"[“\"]([^”\"]+)[”\"]", doc.text)
    ]


def events(text: str, pub_date: str | None = "2024-02-21", speaker: str | None = None) -> list[Event]:
    return extract_events(article(text, pub_date, speaker))


def triples(found: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """(category, source name, target name) of each event."""
    return {
        (e.category, e.source.name if e.source else None, e.target.name if e.target else None) for e in found
    }


def one(found: list[Event], category: str) -> Event:
    matching = [e for e in found if e.category == category]
    assert len(matching) == 1, (
        f"expected one {category} event, got {[(e.category, e.source, e.target) for e in found]}"
    )
    return matching[0]
