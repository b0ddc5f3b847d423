"""Exact and near duplicates, lineage, different stories kept apart, persistence."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from dedup_texts import WIRE, price_report
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import schema_tables

from kabar.dedup import DuplicateIndex, normalize_text, schema_sql, text_hash
from kabar.model import Article

Make = Callable[..., Article]


def test_a_new_text_has_no_match(make: Make) -> None:
    assert DuplicateIndex().add(make("a", WIRE)) is None


def test_reformatted_copy_under_another_title_is_exact(make: Make) -> None:
    index = DuplicateIndex()
    index.add(make("a", WIRE, title="Putin Hadiahkan Aurus untuk Kim"))
    copy = make("b", "  " + WIRE.upper().replace(", ", " , ") + "\n", title="Kim Terima Mobil dari Putin")
    match = index.add(copy)
    assert match is not None
    assert (match.kind, match.similarity, match.original, match.duplicate_of) == ("exact", 1.0, "a", "a")


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("Kedua pemimpin bertemu terakhir kali di Kosmodrom Vostochny", ""),
        lambda t: t + " Baca juga: Harga cabai naik di pasar induk. SCROLL TO CONTINUE WITH CONTENT",
        lambda t: t.replace("memberikan", "menghadiahkan").replace("menyebut", "mengatakan")
        .replace("sejumlah", "beberapa"),
        lambda t: "JAKARTA, KOMPAS - " + t.replace("mewah", "premium", 1),
    ],
    ids=["sentence dropped", "furniture added", "words changed", "dateline and a word"],
)  # fmt: skip
def test_edited_wire_copies_are_near_duplicates(make: Make, edit: Callable[[str], str]) -> None:
    index = DuplicateIndex()
    index.add(make("a", WIRE))
    match = index.add(make("b", edit(WIRE), title="Judul lain"))
    assert match is not None
    assert (match.kind, match.original, match.matched) == ("near", "a", "a")
    assert 0.7 <= match.similarity < 1.0


def test_same_template_reports_of_different_days_are_not_duplicates(make: Make) -> None:
    index = DuplicateIndex()
    days = [
        ("Kamis", "naik", "21.000", "2.095.000", "2.074.000", "1.940.000"),
        ("Sabtu", "naik", "7.000", "2.095.000", "2.088.000", "1.940.000"),
        ("Senin", "turun", "7.000", "2.088.000", "2.095.000", "1.933.000"),
    ]
    for i, day in enumerate(days):
        assert index.add(make(f"d{i}", price_report(*day), pub_date=f"2025-09-{11 + i}")) is None


def test_different_stories_are_never_merged(make: Make) -> None:
    index = DuplicateIndex()
    other = ("Gunung Marapi di Sumatera Barat meletus pada Minggu sore dan melontarkan abu setinggi tiga "
             "kilometer. Petugas menutup jalur pendakian dan meminta warga menjauh dari kawah.")  # fmt: skip
    assert index.add(make("a", WIRE)) is None
    assert index.add(make("b", other)) is None
    assert index.add(make("c", WIRE[: len(WIRE) // 3])) is None  # a third of a text is not a copy of it


def test_an_earlier_copy_arriving_later_becomes_the_original(make: Make) -> None:
    index = DuplicateIndex()
    index.add(make("late", WIRE, pub_date="2024-02-21T10:00"))
    index.add(make("later", WIRE + " Simak video berikut.", pub_date="2024-02-22"))
    match = index.add(make("early", WIRE.lower(), pub_date="2024-02-20T08:00"))
    assert match is not None
    assert match.original == "early" and match.duplicate_of is None
    assert set(match.relinked) == {"late", "later"}
    assert index.original_of("later") == "early"
    copy = index.match("late")
    assert copy is not None and copy.duplicate_of == "early"
    group = index.group("later")
    assert group is not None and group.members == ("early", "late", "later")


def test_ties_keep_the_first_seen_as_original(make: Make) -> None:
    index = DuplicateIndex()
    index.add(make("first", WIRE, pub_date="2024-02-20"))
    match = index.add(make("second", WIRE, pub_date="2024-02-20"))
    assert match is not None and match.original == "first" and match.relinked == ()


def test_undated_copies_never_become_the_original(make: Make) -> None:
    index = DuplicateIndex()
    index.add(make("dated", WIRE, pub_date="2024-02-20"))
    match = index.add(make("undated", WIRE, pub_date=None))
    assert match is not None and match.original == "dated"


def test_the_syndication_source_is_carried(make: Make) -> None:
    index = DuplicateIndex()
    index.add(make("a", WIRE, syndicated_from="Antara"))
    match = index.add(make("b", WIRE))
    assert match is not None and match.syndicated_from == "Antara"


def test_adding_twice_is_idempotent(make: Make) -> None:
    index = DuplicateIndex()
    index.add(make("a", WIRE))
    first = index.add(make("b", WIRE))
    assert index.add(make("b", WIRE)) == first
    assert index.add(make("a", WIRE)) is not None  # the original now reports the copy it has
    assert len(index) == 2


def test_empty_texts_are_not_indexed(make: Make) -> None:
    index = DuplicateIndex()
    assert index.add(make("a", "")) is None
    assert index.add(make("b", " ... ")) is None
    assert len(index) == 0


def test_state_survives_reopening(make: Make) -> None:
    conn = sqlite3.connect(":memory:")
    DuplicateIndex(conn).add(make("a", WIRE, pub_date="2024-02-21"))
    conn.commit()
    reopened = DuplicateIndex(conn)
    assert "a" in reopened
    match = reopened.add(make("b", WIRE.replace("mewah", "premium"), pub_date="2024-02-20"))
    assert match is not None and match.kind == "near" and match.relinked == ("a",)
    assert DuplicateIndex(conn).original_of("a") == "b"


def test_schema_is_prefixed_and_rerunnable() -> None:
    tables, created = schema_tables(schema_sql())
    assert tables and all(t.startswith("dedup_") for t in tables)
    assert all(m.startswith("dedup_") for m in created)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from([" ", "  ", "\n", ", ", ". ", " - "]), min_size=1, max_size=40), st.booleans()
)
def test_spacing_punctuation_and_case_never_change_the_hash(separators: list[str], upper: bool) -> None:
    words = WIRE.split()
    noisy = "".join(w + separators[i % len(separators)] for i, w in enumerate(words))
    noisy = noisy.upper() if upper else noisy
    assert text_hash(noisy) == text_hash(WIRE)
    assert normalize_text(noisy) == normalize_text(WIRE)


def test_detik_exact_duplicates_are_all_found(shared: Path) -> None:
    rows = [json.loads(line) for line in (shared / "data/news/detik-2025.jsonl").open(encoding="utf-8")]
    groups: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        groups[row["raw"].strip()].add(row["id"])
    index = DuplicateIndex()
    for row in rows:
        index.add(
            Article(id=row["id"], origin="detik", hash="", text=row["raw"], pub_date=row.get("pub_date"))
        )
    for members in groups.values():
        originals = {index.original_of(m) for m in members}
        assert len(originals) == 1, members
