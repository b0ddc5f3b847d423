"""Shared helpers for the quote tests: an article from an inline text, quotes as tuples."""

from __future__ import annotations

from kabar.model import Actor, Article, Mention, Quote
from kabar.quotes import extract_quotes


def article(text: str, pub_date: str | None = "2024-02-21", actors: list[Actor] | None = None) -> Article:
    return Article(id="t", origin="test", hash="", text=text, pub_date=pub_date, actors=actors or [])


def quotes(text: str, pub_date: str | None = "2024-02-21", actors: list[Actor] | None = None) -> list[Quote]:
    return extract_quotes(article(text, pub_date, actors))


def speakers(found: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in found]


def actor(actor_id: str, name: str, code: str, kind: str, text: str, *forms: str) -> Actor:
    """An actor with a mention at every place one of ``forms`` is written in ``text``."""
    mentions = []
    for form in forms:
        start = text.find(form)
        while start >= 0:
            mentions.append(Mention(form, start, start + len(form)))
            start = text.find(form, start + 1)
    return Actor(actor_id, name, code, kind=kind, mentions=mentions)
