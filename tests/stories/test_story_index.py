"""Story clustering, threads, timelines and persistence on the original fixture corpus."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import schema_tables

from kabar.model import Article
from kabar.stories import StoryIndex, index, schema_sql


def partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for doc, label in labels.items():
        groups[label].add(doc)
    return {frozenset(g) for g in groups.values()}


def assign_all(stories: StoryIndex, articles: list[Article]) -> dict[str, str]:
    return {a.id: stories.assign(a) for a in articles}


def test_fixture_stories_are_recovered(corpus: list[Article], gold: dict[str, str]) -> None:
    assert partition(assign_all(StoryIndex(), corpus)) == partition(gold)


def test_story_ids_name_the_first_article(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assigned = assign_all(stories, corpus)
    assert assigned["a1"] == assigned["a3"] == "s-a1"
    story = stories.story("s-a1")
    assert story is not None
    assert story.articles == ("a1", "a2", "a3")
    assert (story.first_date, story.last_date, story.size) == ("2023-09-13", "2023-09-13", 3)


def test_assigning_twice_changes_nothing(corpus: list[Article]) -> None:
    stories = StoryIndex()
    first = assign_all(stories, corpus)
    assert assign_all(stories, corpus) == first
    story = stories.story("s-a1")
    assert story is not None and story.size == 3


def test_other_languages_open_their_own_stories(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assign_all(stories, corpus)
    english = dataclasses.replace(corpus[0], id="a1-en", language="en")
    assert stories.assign(english) == "s-a1-en"


def test_a_duplicate_joins_its_originals_story(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assign_all(stories, corpus)
    copy = Article(id="copy", origin="test", hash="", title="Sepak bola", text="Teks pendek lain sekali.",
                   pub_date="2024-03-27", language="id", duplicate_of="s1")  # fmt: skip
    assert stories.assign(copy) == "s-s1"


def test_a_known_story_can_be_forced(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assert stories.assign(corpus[0], story="gold-1") == "gold-1"
    assert stories.assign(corpus[1], story="gold-1") == "gold-1"


def test_threads_join_stories_months_apart(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assigned = assign_all(stories, corpus)
    summit, aurus, rice = (stories.thread_of(assigned[i]) for i in ("a1", "b1", "r1"))
    assert summit is not None and summit == aurus
    assert rice not in {summit, None}
    timeline = stories.timeline(summit)
    assert timeline is not None and timeline.kind == "thread"
    assert [s.id for s in timeline.stories] == ["s-a1", "s-b1"]
    assert "putin" in timeline.label or "kim" in timeline.label


def test_threads_use_actor_names_when_given(corpus: list[Article]) -> None:
    from kabar.model import Actor

    for article in corpus:
        if article.id[0] in "ab":
            article.actors = [Actor("x1", "Vladimir Putin", "RUSGOV"), Actor("x2", "Kim Jong Un", "PRKGOV"),
                              Actor("x3", "Rusia", "RUS"), Actor("x4", "Korea Utara", "PRK")]  # fmt: skip
    stories = StoryIndex()
    assigned = assign_all(stories, corpus)
    assert stories.thread_of(assigned["a1"]) == stories.thread_of(assigned["b1"])
    label = stories.timeline(stories.thread_of(assigned["a1"]) or "")
    assert label is not None and "vladimir putin" in label.label


def test_story_timeline_orders_articles_and_first_reports(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assign_all(stories, corpus)
    timeline = stories.timeline("s-a1")
    assert timeline is not None and timeline.kind == "story"
    assert [a.id for a in timeline.articles] == ["a1", "a2", "a3"]
    assert [(o.outlet, o.first_reported, o.first_article) for o in timeline.outlets] == [
        ("kabarsatu.id", "2023-09-13T10:00:00+07:00", "a1"),
        ("wartanusa.co.id", "2023-09-13T15:30:00+07:00", "a2"),
        ("harianpagi.com", "2023-09-13T20:00:00+07:00", "a3"),
    ]
    [meeting] = timeline.events
    assert (meeting.category, meeting.source, meeting.target, meeting.date) == (
        "CONSULT", "Vladimir Putin", "Kim Jong Un", "2023-09-13",
    )  # fmt: skip
    assert meeting.articles == ("a1", "a2", "a3")
    assert [o.outlet for o in meeting.outlets] == ["kabarsatu.id", "wartanusa.co.id", "harianpagi.com"]
    assert timeline.as_dict()["events"][0]["outlets"][0]["first_article"] == "a1"


def test_thread_timeline_orders_events_across_stories(corpus: list[Article]) -> None:
    stories = StoryIndex()
    assign_all(stories, corpus)
    thread = stories.thread_of("s-a1")
    timeline = stories.timeline(thread or "")
    assert timeline is not None
    assert [e.category for e in timeline.events] == ["CONSULT", "AID"]
    assert [e.date for e in timeline.events] == ["2023-09-13", "2024-02-18"]
    assert timeline.first_date == "2023-09-13" and timeline.last_date == "2024-02-20"
    assert [a.id for a in timeline.articles][:3] == ["a1", "a2", "a3"]
    assert stories.timeline("t-unknown") is None


def test_schema_is_prefixed_and_rerunnable() -> None:
    tables, created = schema_tables(schema_sql())
    assert tables and all(t.startswith("story_") for t in tables)
    assert all(m.startswith("story_") for m in created)


def test_state_survives_reopening(corpus: list[Article]) -> None:
    reference = assign_all(StoryIndex(), corpus)
    conn = sqlite3.connect(":memory:")
    first = StoryIndex(conn)
    assigned = assign_all(first, corpus[:6])
    first.close()
    conn.commit()
    second = StoryIndex(conn)
    assert assign_all(second, corpus[:6]) == assigned  # idempotent after reopening
    assigned.update(assign_all(second, corpus[6:]))
    assert assigned == reference
    assert second.thread_of("s-b1") == second.thread_of("s-a1")
    story = StoryIndex(conn).story("s-a1")  # a third instance reads what the second flushed
    assert story is not None and story.size == 3


def test_flush_without_close_is_enough_to_reopen(corpus: list[Article]) -> None:
    conn = sqlite3.connect(":memory:")
    first = StoryIndex(conn)
    assign_all(first, corpus[:6])
    first.flush()
    second = StoryIndex(conn)
    assert second.df["body"].docs == 6
    assert partition(assign_all(second, corpus)) == partition(assign_all(StoryIndex(), corpus))


def test_older_articles_find_evicted_stories(corpus: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "FLUSH_EVERY", 1)  # flush and evict after every article
    stories = StoryIndex()
    late = next(a for a in corpus if a.id == "a3")
    assigned = assign_all(stories, [a for a in corpus if a.id != "a3"])
    assert "s-a1" not in stories.stories  # evicted: months older than the latest article
    assert stories.assign(late) == assigned["a1"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(split=st.integers(min_value=0, max_value=12))
def test_reopening_anywhere_gives_the_same_stories(corpus: list[Article], split: int) -> None:
    reference = partition(assign_all(StoryIndex(), corpus))
    conn = sqlite3.connect(":memory:")
    first = StoryIndex(conn)
    assigned = assign_all(first, corpus[:split])
    first.close()
    assigned.update(assign_all(StoryIndex(conn), corpus[split:]))
    assert partition(assigned) == reference


def test_a_late_duplicate_joins_its_originals_evicted_story(
    corpus: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "FLUSH_EVERY", 1)
    stories = StoryIndex()
    assign_all(stories, corpus)
    assert "s-a1" not in stories.stories
    copy = Article(id="a1-copy", origin="test", hash="", title="Salinan", text="Teks lain.",
                   pub_date="2024-06-01", language="id", duplicate_of="a2")  # fmt: skip
    assert stories.assign(copy) == "s-a1"
    story = stories.story("s-a1")
    assert story is not None and story.size == 4 and story.articles[-1] == "a1-copy"
