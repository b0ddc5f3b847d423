"""The TF-IDF helpers of story clustering: given IDFs change nothing, thread ranking, window filtering."""

from __future__ import annotations

import math

from kabar.model import Article
from kabar.stories import StoryIndex
from kabar.stories.text import article_views
from kabar.stories.threads import ThreadIndex
from kabar.stories.vectors import LOG1, Centroid, DocumentFrequency, doc_vector

BAGS = [
    {"banjir": 1.0, "kampung": 1.0, "melayu": 1.69, "pompa": 1.0},
    {"banjir": 2.1, "pompa": 1.0, "warga": 1.0, "mengungsi": 1.0, "posko": 1.0},
    {"harga": 1.0, "cabai": 1.69, "pasar": 1.0},
]


def statistics() -> DocumentFrequency:
    df = DocumentFrequency()
    for bag in BAGS * 3:
        df.add(bag.keys())
    return df


def test_idfs_are_the_idf_of_each_term_in_order() -> None:
    df = statistics()
    terms = ["banjir", "cabai", "tidak-pernah-dilihat"]
    assert df.idfs(terms) == [df.idf(t) for t in terms]
    assert df.idfs(terms)[2] == df.base - LOG1[0]


def test_doc_vector_with_given_idfs_is_the_same() -> None:
    df = statistics()
    for bag in BAGS:
        for limit in (None, 2):
            plain, given = doc_vector(bag, df, limit), doc_vector(bag, df, limit, df.idfs(bag))
            assert list(plain.weights.items()) == list(given.weights.items())
            assert plain.norm == given.norm
    kept = doc_vector(BAGS[1], df, 2)
    assert len(kept.weights) == 2 and "banjir" in kept.weights  # the heaviest terms
    assert math.isclose(kept.norm, math.sqrt(sum(w * w / df.idf(t) ** 2 for t, w in kept.weights.items())))


def test_centroid_add_with_given_idfs_is_the_same() -> None:
    df = statistics()
    plain, given = Centroid(limit=4), Centroid(limit=4)
    for bag in BAGS:
        plain.add(bag, df)
        given.add(bag, df, df.idfs(bag))
        assert plain.counts == given.counts
        assert plain.norm(df) == given.norm(df)
    fresh = Centroid()
    fresh.add(BAGS[0], df)
    assert math.isclose(fresh.cosine(doc_vector(BAGS[0], df), df), 1.0)


def test_thread_top_ranks_by_weight_times_idf_keeping_ties_in_order() -> None:
    df = statistics()
    threads = ThreadIndex(df, df)
    weights = {"pompa": 1.0, "posko": 1.0, "banjir": 3.0, "warga": 1.0, "cabai": 0.5}
    expected = sorted(weights, key=lambda t: weights[t] * df.idf(t), reverse=True)
    for n in (1, 2, 3, 5, 9):
        assert threads._top(weights, df, n) == expected[:n]


def article(article_id: str, day: str, title: str, text: str) -> Article:
    return Article(id=article_id, origin="test", hash="", outlet=f"{article_id}.id", title=title, text=text,
                   pub_date=day, language="id")  # fmt: skip


def test_stories_beyond_the_window_are_not_candidates() -> None:
    stories = StoryIndex(window_days=3)
    text = "Pompa air di Kampung Melayu rusak sehingga banjir merendam rumah warga setinggi satu meter."
    stories.assign(article("a", "2024-01-02", "Banjir rendam Kampung Melayu", text))
    near = stories.candidates(article("b", "2024-01-04", "Banjir Kampung Melayu belum surut", text))
    far = stories.candidates(article("c", "2024-01-09", "Banjir Kampung Melayu belum surut", text))
    assert [c.story for c in near] == ["s-a"]
    assert far == []


def test_join_uses_the_idfs_of_preparation() -> None:
    stories = StoryIndex()
    first = article("a", "2024-01-02", "Banjir rendam Kampung Melayu", "Banjir merendam Kampung Melayu.")
    doc = stories.prepare(first)
    views = article_views(first)
    assert doc.idfs == {v: stories.df[v].idfs(views.view(v)) for v in doc.idfs}
