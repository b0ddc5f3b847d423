"""Properties over any text: no crash, offsets slice back, ids and codes well formed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.actors import link_actors

WORDS = st.sampled_from(
    [
        "Presiden",
        "Rusia",
        "Vladimir",
        "Putin",
        "kata",
        "juru",
        "bicara",
        "Kremlin",
        ",",
        ".",
        "(",
        ")",
        "AS",
        "as",
        "Korut",
        "dia",
        "Budi",
        "Santoso",
        "mengatakan",
        "warga",
        "Kejari",
        "Sidoarjo",
        "dan",
        "selaku",
        "Kepala",
        "Dinas",
        "KPK",
        "itu",
        "tersebut",
        "\n",
        "“",
        "”",
        "Jokowi",
        "İstanbul",
        "Đà",
    ]
)
CODE = re.compile(r"^(?:[A-Z]{3})(?: [A-Z]{3})?$")


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from([None, "2019-01-01", "2025-10-20"]))
def test_any_text_links_cleanly(words: list[str], pub_date: str | None) -> None:
    text = " ".join(words)
    actors = link_actors(text, pub_date=pub_date)
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    for actor in actors:
        assert CODE.match(actor.code), actor.code
        assert actor.mentions
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for actor in link_actors(text):
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
