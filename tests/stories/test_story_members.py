"""Comparing an article with a story's best-matching member as well as with its centroid."""

from __future__ import annotations

import math
import sqlite3

from kabar.model import Article
from kabar.stories import FEATURES, StoryIndex
from kabar.stories.state import MEMBER_LIMIT, StoryState
from kabar.stories.vectors import DocumentFrequency, doc_vector, dot, unit_vector

FLOOD = ("Pompa air di Kampung Melayu rusak sehingga banjir merendam rumah warga setinggi satu meter. "
         "Petugas membuka posko pengungsian di masjid dekat bantaran sungai.")  # fmt: skip
OTHER = ("Harga cabai rawit di pasar tradisional naik menjelang akhir pekan karena pasokan dari petani "
         "berkurang setelah hujan deras. Pedagang mengeluhkan pembeli yang sepi.")  # fmt: skip


def article(id_: str, day: str, title: str, text: str) -> Article:
    return Article(id=id_, origin="test", hash="", outlet="kabarsatu.id", title=title, text=text,
                   pub_date=day, language="id")  # fmt: skip


def test_unit_vectors_keep_the_heaviest_terms_and_have_norm_one_when_whole() -> None:
    df = DocumentFrequency()
    for bag in ({"banjir": 1.0, "pompa": 1.0}, {"banjir": 1.0, "cabai": 1.0}, {"harga": 1.0}):
        df.add(bag.keys())
    bag = {"banjir": 2.0, "pompa": 1.0, "posko": 1.0}
    idfs = df.idfs(bag)
    whole = unit_vector(doc_vector(bag, df, None, idfs), dict(zip(bag, idfs, strict=True)), 10)
    assert math.isclose(dot(whole, whole), 1.0)
    top = unit_vector(doc_vector(bag, df, None, idfs), dict(zip(bag, idfs, strict=True)), 2)
    assert len(top) == 2 and all(top[t] == whole[t] for t in top)
    assert dot(top, whole) == dot(whole, top) < 1.0


def test_stories_keep_their_latest_members_through_the_store() -> None:
    story = StoryState("s-a", "id", 1.0, 1.0)
    for i in range(MEMBER_LIMIT + 2):
        story.add_member({f"kata{i}": 1.0})
    assert len(story.members) == MEMBER_LIMIT and story.members[0] == {"kata2": 1.0}
    assert StoryState.from_row(story.row()).members == story.members


def test_an_article_is_scored_against_its_closest_member() -> None:
    stories = StoryIndex(sqlite3.connect(":memory:"))
    stories.assign(article("a", "2024-01-02", "Banjir rendam Kampung Melayu", FLOOD))
    stories.assign(article("b", "2024-01-02", "Banjir rendam Kampung Melayu", OTHER), story="s-a")
    (candidate,) = stories.candidates(article("c", "2024-01-03", "Banjir Kampung Melayu", FLOOD))
    features = dict(zip(FEATURES, candidate.features, strict=True))
    assert features["body_member"] > 0.9 > features["body"]  # the centroid is diluted, the member is not


def test_members_survive_reopening() -> None:
    conn = sqlite3.connect(":memory:")
    first = StoryIndex(conn)
    first.assign(article("a", "2024-01-02", "Banjir rendam Kampung Melayu", FLOOD))
    first.close()
    probe = article("c", "2024-01-03", "Banjir Kampung Melayu", FLOOD)
    (before,) = first.candidates(probe)
    (after,) = StoryIndex(conn).candidates(probe)
    assert after.features == before.features and after.features[FEATURES.index("body_member")] > 0.9
