"""The output contract's seed example, run through the stages before the coder (shared data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kabar import actors, clean, quotes
from kabar.events import extract_events
from kabar.model import Article, Event, SourceDocument
from tests.conftest import shared_path

SEED = "000_efad89659f516c06.txt"


def _analysis(text: str) -> Any:
    """The language layer's analysis when its models are built, else ``None`` (the coder then
    splits sentences itself)."""
    try:
        from kabar import language

        return language.analyze_text(text)
    except (AttributeError, FileNotFoundError, OSError):
        return None


def _seed_article(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    source = SourceDocument(id=path.stem, origin=str(path), raw=raw)
    article = Article.from_source(source)
    result = clean.clean_source(source, None)
    article.text, article.pub_date = result.text, source.pub_date or result.pub_date
    analysis = _analysis(article.text)
    article.entities = list(getattr(analysis, "entities", []) or [])
    article.actors = actors.link_actors(article.text, pub_date=article.pub_date, entities=article.entities)
    article.quotes = quotes.extract_quotes(article, analysis)
    article.events = extract_events(article, analysis)
    return article


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    return _seed_article(shared_path("seeds", SEED)).events


def _find(found: list[Event], category: str, source: str, target: str) -> Event:
    for event in found:
        if (event.category, event.source and event.source.name, event.target and event.target.name) == (
            category,
            source,
            target,
        ):
            return event
    pytest.fail(f"no {category} {source} -> {target} in {[(e.category, e.source, e.target) for e in found]}")


def test_putin_gives_kim_a_limousine(seed_events: list[Event]) -> None:
    event = _find(seed_events, "AID", "Vladimir Putin", "Kim Jong Un")
    assert event.status == "fact"
    assert (event.source.code, event.target.code) == ("RUS GOV", "PRK GOV")


def test_blinken_accuses_north_korea(seed_events: list[Event]) -> None:
    event = _find(seed_events, "ACCUSE", "Antony Blinken", "Korea Utara")
    assert (event.mode, event.date, event.date_precision, event.status) == (
        "allege",
        "2023-11-10",
        "day",
        "fact",
    )
    assert (event.source.code, event.target.code) == ("USA GOV", "PRK GOV")


def test_the_alleged_arms_supply(seed_events: list[Event]) -> None:
    event = _find(seed_events, "AID", "Korea Utara", "Rusia")
    assert (event.mode, event.date, event.status) == ("military", "2023-11-10", "alleged")
    assert (event.source.code, event.target.code) == ("PRK GOV", "RUS GOV")


def test_north_korea_calls_blinken_provocative(seed_events: list[Event]) -> None:
    event = _find(seed_events, "ACCUSE", "Korea Utara", "Antony Blinken")
    assert event.status == "fact"


def test_the_spokesmans_words_are_no_event(seed_events: list[Event]) -> None:
    """Peskov only speaks ("kata juru bicara Kremlin, Dmitry Peskov"): no event has him as a side
    except the intent he states for Russia in his own words."""
    peskov = [
        e for e in seed_events if "Dmitry Peskov" in (e.source and e.source.name, e.target and e.target.name)
    ]
    assert all(e.category == "AGREE" and e.status == "intent" for e in peskov)


def test_offsets_give_the_evidence(seed_events: list[Event]) -> None:
    text = _seed_article(shared_path("seeds", SEED)).text
    assert all(text[e.start : e.end] == e.sentence for e in seed_events)
