"""The bundled sample corpus: every file's title, date and outlet recovered, and no site furniture left.

The sample (``kabar.sample``) is the team's own text, so the furniture is read off the files here:
lines an outlet repeats across its files (menus, footers, promos, bylines, tags), teaser and credit
shapes, photo captions, and everything under a related-stories or tags heading.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise
from typing import Any

import pytest

from kabar.clean import CleanResult, OutletBoilerplate, clean_dump, clean_source, observe_source
from kabar.model import SourceDocument
from kabar.sample import SAMPLE_DIR, manifest

ENTRIES = manifest()
IDS = [entry["file"][:3] for entry in ENTRIES]

# Furniture by shape: teasers, video promos, source notes, editors' initials ...
TEASERS = re.compile(r"^(?:Baca|Lihat|Simak) (?:juga|Video)\b|^Sumber:|^\(\w+/\w+\)$", re.IGNORECASE)
# ... and photo credits, alone or closing a caption ("(AFP/SPUTNIK)", "KCNA via Reuters")
CREDITS = re.compile(
    r"^(?:FOTO/|Foto:|Dok\. )|^Lihat Foto$| via \w+$|\((?:[A-Z][A-Z .]*/)+[A-Z][A-Z .]*\)$"
    r"|^[A-Z.]+/[A-Z][a-z]+ [A-Z][a-z]+$",
    re.IGNORECASE,
)
DASH = re.compile(r" [-—] ")
# Headings under which nothing is the article's own (related stories, tags, comments)
CLOSERS = ("Berita Terkait", "Tag", "Tags", "Tag:", "Kirim Komentar", "Komentar")


def _raw(entry: dict[str, Any]) -> str:
    return (SAMPLE_DIR / entry["file"]).read_text("utf-8")


def _lines(entry: dict[str, Any]) -> list[str]:
    return [" ".join(line.split()) for line in _raw(entry).splitlines() if line.strip()]


@cache
def _outlet_lines() -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for entry in ENTRIES:
        counts.setdefault(entry["outlet"], Counter()).update(set(_lines(entry)))
    return counts


def furniture(entry: dict[str, Any]) -> set[str]:
    """The lines of a sample file that are not its article (its title excepted)."""
    lines = _lines(entry)
    repeated = {line for line, n in _outlet_lines()[entry["outlet"]].items() if n >= 2}
    found = {line for line in lines if line in repeated or TEASERS.search(line) or CREDITS.search(line)}
    found |= set(lines[: lines.index(entry["title"])])  # masthead and menus
    top = lines.index(entry["title"]) + 5
    closer = next(i for i, line in enumerate(lines) if line in CLOSERS and i > top)
    found |= set(lines[closer:])
    found |= _captions(lines)
    return found - {entry["title"]}


def _captions(lines: list[str]) -> set[str]:
    """A photo's caption: the line after its credit, where the article's dateline does not start."""
    return {
        line for previous, line in pairwise(lines)
        if CREDITS.search(previous) and not DASH.search(line[:60]) and line.endswith(".")
    }  # fmt: skip


@cache
def _learned() -> OutletBoilerplate:
    """Per-outlet statistics over the whole sample, as ``kabar ingest --sample`` learns them."""
    boilerplate = OutletBoilerplate()
    for source in _sources():
        observe_source(boilerplate, source)
    return boilerplate


def _sources() -> list[SourceDocument]:
    return [SourceDocument(e["file"], e["file"], _raw(e)) for e in ENTRIES]


def _results(entry: dict[str, Any]) -> list[CleanResult]:
    """The file cleaned alone and cleaned with the sample's learned boilerplate."""
    source = next(s for s in _sources() if s.id == entry["file"])
    return [clean_dump(source.raw), clean_source(source, _learned())]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_title_date_and_outlet_are_recovered(entry: dict[str, Any]) -> None:
    for result in _results(entry):
        assert result.title == entry["title"]
        assert result.pub_date is not None and result.pub_date[:10] == entry["pub_date"]
        assert result.outlet in (entry["domain"], entry["outlet"])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_no_furniture_survives(entry: dict[str, Any]) -> None:
    unwanted = furniture(entry) | {entry["title"]}
    for result in _results(entry):
        assert [p for p in result.paragraphs if p in unwanted] == []


DATELINE = re.compile(r"^[\w.]+(?: [\w.]+)*(?: \(\w+\))?(?:, [\w.]+(?: [\w.]+)*)? [-—] ")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_article_starts_at_its_dateline_or_standfirst(entry: dict[str, Any]) -> None:
    """Nothing above the standfirst and the dateline paragraph is kept, and the dateline is."""
    for result in _results(entry):
        assert any(DATELINE.match(p) for p in result.paragraphs[:2]), result.paragraphs[0][:80]


def test_headlines_repeated_in_related_lists_do_not_become_titles() -> None:
    """A headline several of an outlet's pages list under "Berita Terkait" is learned as the
    outlet's boilerplate; on its own page it is still the title."""
    boilerplate = _learned()
    shared = [e for e in ENTRIES if boilerplate.is_boilerplate(e["outlet"], e["title"])]
    assert shared, "the sample no longer repeats a headline in related lists"
    for entry in shared:
        assert _results(entry)[1].title == entry["title"]


def test_furniture_is_found_in_every_file() -> None:
    """The definition above keeps finding what it should (guards the other tests against a vacuous pass)."""
    for entry in ENTRIES:
        found = furniture(entry)
        assert len(found) >= 15
        assert not any(DATELINE.match(line) and len(line) > 100 for line in found), entry["file"]
