"""The two real scrapes in ../shared/seeds: furniture gone, body kept, metadata found.

The seed texts are read in place at test time (they belong to their publishers); expectations
below name only the furniture and a few short facts about each page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.clean import clean_dump
from kabar.model import Byline
from tests.conftest import shared_path

IDN_SEED = "000_efad89659f516c06.txt"
TRIBUN_SEED = "002_f1c0a0fef9fd3cfc.txt"


def _seed(name: str) -> str:
    path: Path = shared_path("seeds", name)
    return path.read_text("utf-8")


def _norm(text: str) -> str:
    return " ".join(text.split())


IDN_FURNITURE = [
    "Baca artikel IDN Times lainnya di IDN App", "For", "You", "sputnikglobe.com/Artem Geodakyan",
    "sputnikglobe.com/Vladimir Smirnov", "Share", "Editor’s Picks", "Topics", "Editorial Team",
    "Sonya Michaella", "EditorSonya Michaella", "Follow Us",
]  # fmt: skip
TRIBUN_FURNITURE = ["Penulis: Hasiolan Eko P Gultom", "Kirim Komentar"]


@pytest.mark.parametrize(("name", "furniture"), [(IDN_SEED, IDN_FURNITURE), (TRIBUN_SEED, TRIBUN_FURNITURE)])
def test_every_furniture_line_is_gone(name: str, furniture: list[str]) -> None:
    result = clean_dump(_seed(name))
    kept = {_norm(p) for p in result.paragraphs}
    for line in furniture:
        assert _norm(line) not in kept
    assert not any(p.startswith(("Baca juga", "Isi komentar")) for p in result.paragraphs)


@pytest.mark.parametrize("name", [IDN_SEED, TRIBUN_SEED])
def test_title_is_removed_from_the_body_wherever_it_repeats(name: str) -> None:
    result = clean_dump(_seed(name))
    assert result.title
    assert _norm(result.title) not in {_norm(p) for p in result.paragraphs}
    assert result.title in _seed(name)


@pytest.mark.parametrize("name", [IDN_SEED, TRIBUN_SEED])
def test_every_body_line_is_kept(name: str) -> None:
    """Every line that reads as a sentence of the article, and the crossheads, survive."""
    raw = _seed(name)
    result = clean_dump(raw)
    kept = {_norm(p) for p in result.paragraphs}
    first_body = next(i for i, line in enumerate(raw.splitlines()) if " - " in line and len(line) > 80)
    footer = {"Kirim Komentar", "Share"}
    body_lines = []
    for line in raw.splitlines()[first_body:]:
        if _norm(line) in footer:
            break
        body_lines.append(_norm(line))
    expected = [line for line in body_lines if line and not line.startswith(("Baca juga", "sputnikglobe"))]
    assert expected, "the seed changed shape"
    assert [line for line in expected if line not in kept] == []


def test_idn_times_metadata() -> None:
    result = clean_dump(_seed(IDN_SEED))
    assert result.outlet == "idntimes.com"
    assert result.dateline == "Jakarta"
    assert result.paragraphs[0].startswith("Jakarta, IDN Times - ")  # the dateline stays in the text
    assert result.pub_date == "2024-02-21"
    assert Byline("Sonya Michaella", "Editor") in result.byline
    assert result.syndicated_from == "Channel News Asia"
    assert "1. Hubungan Korut dengan Rusia makin kuat" in result.paragraphs  # numbered crosshead


def test_tribunnews_metadata() -> None:
    result = clean_dump(_seed(TRIBUN_SEED))
    assert result.outlet == "tribunnews.com"
    assert result.dateline is None  # "TRIBUNNEWS.COM -" names no place
    assert result.paragraphs[0].startswith("TRIBUNNEWS.COM - ")
    assert result.pub_date == "2023-09-14"
    assert result.byline == [Byline("Hasiolan Eko P Gultom", "Penulis")]
    assert result.syndicated_from == "BBC"
    assert "Amerika Gerah" in result.paragraphs  # short crosshead


def test_removed_lines_carry_reasons() -> None:
    removed = dict(clean_dump(_seed(TRIBUN_SEED)).removed)
    assert removed["Penulis: Hasiolan Eko P Gultom"] == "byline"
    assert removed["Kirim Komentar"] == "comment"
    assert any(reason == "related" for line, reason in removed.items() if line.startswith("Baca juga"))


def test_seeds_glued_together_split_at_the_footer() -> None:
    """A scrape where the next page's title follows "Follow Us" on the same line."""
    glued = _seed(IDN_SEED).rstrip("\n") + _seed(TRIBUN_SEED)
    result = clean_dump(glued)
    assert not any(p.startswith("Follow Us") for p in result.paragraphs)
    assert any(line == "Follow Us" for line, _ in result.removed)
