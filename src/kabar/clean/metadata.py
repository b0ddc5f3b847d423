"""Article metadata found in a dump's lines: title, bylines, dateline, syndication, publication date."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from kabar.clean.lexicon import BYLINE_ROLES, FUNCTION_WORDS, SYNDICATION_CUES
from kabar.clean.lines import BODY, FURNITURE, Line
from kabar.clean.outlets import dateline_parts, outlet_from_name
from kabar.dates import parse_pub_date, publication_date
from kabar.model import Byline

_ROLE = "|".join(re.escape(r) for r in sorted(BYLINE_ROLES, key=len, reverse=True))
# "Penulis: Hasiolan Eko P Gultom", "Editor : Andhika", "EditorSonya Michaella", "By Bill Hoppe"
_BYLINE = re.compile(rf"^(?i:(?P<role>{_ROLE}))(?:\s*[:：|]\s*|\s+|(?=[A-Z]))(?P<names>[^\W\d_].{{0,100}})$")
_SIGNED = re.compile(r"^(?P<who>[^\W\d_][\w.'’ ]{1,40}?) [-–—|] (?P<brand>[^\W\d_]\S*(?: \S+){0,2})$")
_CAMEL = re.compile(r"[a-z][A-Z]")
_DESKS = frozenset(("tim", "team", "redaksi", "desk"))
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b|\bdan\b)\s*")
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,5}$")
_SYNDICATION_CUES = tuple(sorted(SYNDICATION_CUES, key=len, reverse=True))
# each cue's longest word (the last on a tie): a cue whose word is not in a text is not searched for
_CUE_WORDS = {cue: max(reversed(cue.split()), key=len) for cue in _SYNDICATION_CUES}
_CUE_WORD_SET = frozenset(_CUE_WORDS.values())
# what follows a cue: "dikutip dari [laman] Channel News Asia", "Dilansir BBC,"
_SOURCE_NAME = re.compile(
    r"\s+(?:(?i:dari|laman|situs|media|kantor berita|the)\s+){0,2}"
    r"(?P<name>[A-Z0-9][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*|(?:of|the|de)\b)){0,4})"
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-]([01]?\d)[/-]([0-3]?\d)(?:/|$|-)|/((?:19|20)\d{2})([01]\d)([0-3]\d)\d{0,6}-"
)
_SLUG_TOKEN = re.compile(r"[a-z0-9]+")


def parse_byline(text: str) -> list[Byline]:
    """The people a byline line credits: ``Penulis: A``, ``Editor : B``, ``EditorSonya M``, ``By C | X``,
    ``Anisa Rahma - beritaPagi News``."""
    out: list[Byline] = []
    for segment in text.split("|"):
        match = _BYLINE.match(segment.strip())
        if match is None:
            if out:
                break
            continue
        role_key = " ".join(match.group("role").lower().split())
        names = match.group("names")
        if role_key.startswith("laporan") and "," in names:
            names = names.split(",", 1)[1]  # "Laporan Wartawan Kabar Harian, Jemmy Lumowa": the outlet first
        out.extend(Byline(name, BYLINE_ROLES[role_key]) for name in _names(names))
    return out or signed_byline(text) or []


def signed_byline(text: str) -> list[Byline] | None:
    """A name signed with the outlet's brand (``Anisa Rahma - beritaPagi News``, ``Tim X - detikNews``):
    the person, none for a desk (``Tim``), ``None`` when the line is not of that shape."""
    match = _SIGNED.match(text)
    if match is None or not _brand_like(match.group("brand")):
        return None
    who = match.group("who")
    if who.split()[0].lower() in _DESKS:
        return []
    return [Byline(who, None)] if is_person_name(who) else None


def _brand_like(text: str) -> bool:
    """An outlet's brand as pages sign with it: camel-cased (``detikNews``) or a known outlet."""
    return _CAMEL.search(text) is not None or outlet_from_name(text) is not None


def _names(text: str) -> list[str]:
    names = []
    for piece in _NAME_SPLIT.split(text.strip(" .-–—")):
        piece = piece.strip(" .-–—")
        if not piece or outlet_from_name(piece) or not _NAME.match(piece):
            continue
        if any(w.lower() in FUNCTION_WORDS for w in piece.split()) or not piece[0].isupper():
            continue
        names.append(piece.title() if piece.isupper() else piece)
    return names


def is_person_name(text: str) -> bool:
    """A short line that is only a person's name (``Andhika Prasetyo``), as bylines under titles are."""
    words = text.split()
    if not 2 <= len(words) <= 4 or outlet_from_name(text):
        return False
    return all(w[0].isupper() and w.replace(".", "").replace("'", "").isalpha() for w in words) and not any(
        w.lower() in FUNCTION_WORDS for w in words
    )


def find_title(
    lines: list[Line], start: int, url: str | None, headlines: frozenset[int] = frozenset()
) -> Line | None:
    """The most title-like line above the body (or opening it): the last real line before the
    body, near it, Title Cased, repeated on the page, sharing words with the URL slug.

    Lines repeated on the page stay candidates (pages repeat their title), and so do the
    ``headlines``: indexes of lines the outlet repeats on only some of its pages, as it does
    a story's title in other stories' related lists.
    """
    slug = _slug_tokens(url)
    adjacent = _line_before_body(lines, start, headlines)
    best: tuple[float, Line] | None = None
    for line in lines[max(0, start - 40) : start + 1]:
        score = _title_score(line, start, slug, headlines)
        if score is None:
            continue
        if line is adjacent:
            score += 4.0
        if best is None or score > best[0]:
            best = (score, line)
    return best[1] if best else None


def _candidate(line: Line, headlines: frozenset[int]) -> bool:
    return not line.is_furniture or line.reason == "repeated" or line.index in headlines


def _line_before_body(lines: list[Line], start: int, headlines: frozenset[int]) -> Line | None:
    """The first line above the body that is neither furniture nor a name or a tiny label."""
    for line in reversed(lines[max(0, start - 12) : start]):
        if not _candidate(line, headlines):
            continue
        if line.words <= 2 or is_person_name(line.text):
            continue
        return line
    return None


def _title_score(line: Line, start: int, slug: set[str], headlines: frozenset[int]) -> float | None:
    if not _candidate(line, headlines):
        return None
    if not 3 <= line.words <= 30 or line.text.endswith((".", ",", ":")) or _BYLINE.match(line.text):
        return None
    if line.index == start and line.kind == BODY and line.repeats == 1:
        return None
    tokens = set(_SLUG_TOKEN.findall(line.key))
    score = 6.0 * (1 - (start - line.index) / 41)
    if slug:
        score += 10.0 * len(tokens & slug) / len(slug)
    if line.repeats > 1:
        score += 3.0
    if 5 <= line.words <= 20:
        score += 1.0
    capitalised = sum(1 for w in line.text.split() if w[:1].isupper())
    score += 2.0 * capitalised / line.words
    return score


def _slug_tokens(url: str | None) -> set[str]:
    if not url:
        return set()
    path = urlsplit(url).path.rsplit("/", 2)
    slug = max(path, key=len).lower()
    return {t for t in _SLUG_TOKEN.findall(slug) if not t.isdigit() or len(t) < 4}


def find_bylines(lines: list[Line], start: int, end: int) -> list[Byline]:
    """Bylines on byline lines anywhere, plus a bare name next to the date line above the body."""
    found: list[Byline] = []
    for line in lines:
        if line.reason == "byline":
            found.extend(parse_byline(line.text))
    found.extend(_name_by_date(lines, start))
    unique: dict[tuple[str, str | None], Byline] = {}
    for byline in found:
        unique.setdefault((byline.name.lower(), byline.role), byline)
    return list(unique.values())


def _name_by_date(lines: list[Line], start: int) -> list[Byline]:
    for line in lines[max(0, start - 8) : start]:
        if line.kind == FURNITURE or not is_person_name(line.text):
            continue
        neighbours = lines[max(0, line.index - 1) : line.index + 2]
        if any(n.reason == "date" for n in neighbours):
            return [Byline(line.text, None)]
    return []


def find_syndication(removed: list[tuple[str, str]], body: str) -> str | None:
    """Where the story came from: an "Artikel ini telah tayang di ..." line, else a citing phrase."""
    for text, reason in removed:
        if reason == "syndication":
            name = _syndication_name(text)
            if name:
                return name
    return _syndication_name(body)


def _syndication_name(text: str) -> str | None:
    """The source named after the earliest citing cue; cues are found by substring search, which
    is far cheaper on long bodies than one case-insensitive regex."""
    lowered = text.lower()
    present = {word for word in _CUE_WORD_SET if word in lowered}
    best: tuple[int, str] | None = None
    for cue in _SYNDICATION_CUES:
        if _CUE_WORDS[cue] not in present:
            continue
        at = lowered.find(cue)
        while at >= 0 and (best is None or at < best[0]):
            name = _source_after(text, at, cue)
            if name:
                best = (at, name)
                break
            at = lowered.find(cue, at + 1)
    return best[1] if best else None


def _source_after(text: str, at: int, cue: str) -> str | None:
    if at > 0 and text[at - 1].isalnum():
        return None
    match = _SOURCE_NAME.match(text, at + len(cue))
    if match is None:
        return None
    name = match.group("name").rstrip(".'’")
    return name if name and name.lower() not in FUNCTION_WORDS else None


def find_dateline(paragraph: str) -> tuple[str | None, str | None]:
    """``(place, outlet)`` from the dateline opening the first paragraph."""
    parts = dateline_parts(paragraph)
    return parts if parts is not None else (None, None)


def find_pub_date(
    lines: list[Line], start: int, body: str, url: str | None, default_tz: str | None,
    title: str | None = None,
) -> str | None:  # fmt: skip
    """The publication date: a date line near the top of the body (the nearest), else the URL's
    date, else the day the body reports from (:func:`kabar.dates.publication_date`)."""
    near = lines[max(0, start - 15) : start + _DATE_LINES_IN_BODY]
    for line in sorted(near, key=lambda ln: abs(ln.index - start)):
        if line.reason == "date":
            value = parse_pub_date(line.text, default_tz=default_tz, use_dateparser=False)
            if value:
                return value
    from_url = _url_date(url)
    if from_url:
        return from_url
    headline = " ".join(part for part in (title, url) if part)
    mention = publication_date(body[:5000], headline=headline)
    return mention.iso(default_tz) if mention is not None else None


_DATE_LINES_IN_BODY = 8  # a date line may sit under the standfirst that opens the block


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    if match is None:
        return None
    year, month, day = (g for g in match.groups() if g is not None)
    try:
        return (
            f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            if 1 <= int(month) <= 12 and 1 <= int(day) <= 31
            else None
        )
    except ValueError:
        return None
