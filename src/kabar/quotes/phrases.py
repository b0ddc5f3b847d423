"""Speaker phrases: the words that name who speaks, around a cue.

Two shapes occur. After a post cue the speaker phrase runs to the first word that starts the
circumstances (``kata juru bicara Kremlin, Dmitry Peskov, dikutip dari …`` → ``juru bicara Kremlin,
Dmitry Peskov``). Before a speech verb the subject is the clause's first noun phrase
(``Namun, Dave mengatakan …`` → ``Dave``). :class:`Phrase` says which kind of reference it is:
a name, a pronoun (``dia``, ``-nya``) or a description that points back (``kementerian tersebut``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kabar.quotes.lexicon import (
    ADVERBS,
    CONNECTIVES,
    DEMONSTRATIVES,
    NEGATIONS,
    NON_SPEAKER_HEADS,
    PRONOUNS,
    SPEAKER_NOUNS,
    SPEAKER_STOPS,
    TITLES,
)
from kabar.quotes.segment import Word

RefKind = Literal["name", "pronoun", "description"]

_DATEISH = re.compile(r"\d")
_MAX_WORDS = 14
_NAME_PARTICLES = frozenset({
    "bin", "binti", "van", "von", "de", "da", "al", "el", "dan", "tersebut", "itu", "ini", "of", "the",
    "-", "(", ")", "&",
})  # fmt: skip
_CIRCUMSTANCE_OPENERS = frozenset({
    "saat", "ketika", "usai", "seusai", "setelah", "sebelum", "sambil", "seraya", "dalam", "di",
    "kepada", "melalui", "lewat", "selepas", "sesudah", "sewaktu", "tatkala", "kala",
})  # fmt: skip
_AUXILIARIES = frozenset(
    {"akan", "sangat", "bisa", "dapat", "harus", "perlu", "masih", "sedang", "tengah", "adalah", "merupakan"}
)
_DETERMINERS = frozenset(
    {"para", "sejumlah", "beberapa", "seorang", "sebagian", "kalangan", "banyak", "pihak"}
)
_ADJECTIVAL = frozenset(
    {"berwenang", "berwajib", "bersangkutan", "terkait", "tertentu", "terdekat", "tersebut"}
)
_SUBJECT_STOPS = frozenset({
    "dalam", "saat", "ketika", "usai", "seusai", "kepada", "melalui", "lewat", "via", "pada", "sambil",
    "seraya", "sebelum", "setelah", "selaku", "alias",
})  # fmt: skip
_BLOCKERS = frozenset({"yang", "untuk", "guna", "akan", "ingin", "hendak", "mau", "bisa", "dapat",
                       "harus", "perlu", "agar", "supaya", "bila", "jika", "kalau", "sebagai"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Phrase:
    """Who a cue points at: the span of the words and how they refer."""

    start: int
    end: int
    kind: RefKind

    def text(self, text: str) -> str:
        return text[self.start : self.end]


def after_cue(ws: Sequence[Word]) -> Phrase | None:
    """The speaker phrase at the start of ``ws`` (the words after a post cue), or ``None``."""
    taken: list[Word] = []
    for i, w in enumerate(ws):
        if w.text in ".;:!?)" or (w.text == "(" and _dated(ws, i)) or _DATEISH.match(w.text):
            break
        if w.text == ",":
            if not _appositive(ws, i + 1):
                break
            taken.append(w)
            continue
        if taken and w.lower in SPEAKER_STOPS and not w.capitalised:
            break
        if _name_ended(ws, i, taken) or _predicate(w):
            break  # "menurut Prabowo masih …", "menurut penulis akan …"
        if not taken and w.lower in SPEAKER_STOPS and w.lower not in PRONOUNS:
            break
        taken.append(w)
        if w.lower in PRONOUNS and len(taken) == 1:
            break
        if len(taken) >= _MAX_WORDS:
            break
    while taken and taken[-1].text in ",(":
        taken.pop()
    return _classify(taken)


def _predicate(w: Word) -> bool:
    """A lower-case word that cannot be part of a speaker phrase: an auxiliary or a verb form."""
    low = w.lower
    if w.capitalised or low in TITLES or low in SPEAKER_NOUNS or low in PRONOUNS or low in _ADJECTIVAL:
        return False
    verb = len(low) >= 6 and low.startswith(("me", "ber", "di"))
    return low in ADVERBS or low in NEGATIONS or low in _AUXILIARIES or verb


def _name_ended(ws: Sequence[Word], i: int, taken: Sequence[Word]) -> bool:
    """A lower-case word after a capitalised name ends it ("ujar Deden lelah"), unless it is a
    particle or a lower-cased place closing the phrase ("Dinas PU Kota medan.")."""
    w = ws[i]
    if w.capitalised or w.lower in _NAME_PARTICLES or not any(t.capitalised for t in taken):
        return False
    return not (_last_word(ws, i) and taken[-1].lower in {"kota", "kabupaten", "provinsi"})


def _last_word(ws: Sequence[Word], i: int) -> bool:
    """The word ends the phrase: punctuation or nothing follows (a lower-cased place in a scrape,
    "Dinas PU Kota medan.")."""
    return i + 1 >= len(ws) or ws[i + 1].text in ".,;:!?"


def _dated(ws: Sequence[Word], i: int) -> bool:
    return i + 1 < len(ws) and bool(_DATEISH.match(ws[i + 1].text))


def _appositive(ws: Sequence[Word], j: int) -> bool:
    """Whether the words after a comma go on naming the speaker (``Kremlin, Dmitry Peskov``;
    ``Kasi Upaya Hukum, Eksekusi, dan Eksaminasi Kejati Papua, Lenni Silaban``)."""
    if j < len(ws) and ws[j].lower == "dan":
        j += 1
    if j >= len(ws):
        return False
    w = ws[j]
    if not w.text[:1].isupper() or w.lower in SPEAKER_STOPS or w.lower in CONNECTIVES:
        return False
    follow = ws[j + 1] if j + 1 < len(ws) else None
    return follow is None or follow.text != "("  # "Rabu (…)" is a date


def subject_before(ws: Sequence[Word]) -> Phrase | None:
    """The subject of a speech verb: ``ws`` are the words from the clause start to the verb."""
    zone = list(ws)
    while zone and zone[-1].lower in ADVERBS:
        zone.pop()
    if zone and zone[-1].text == ",":  # "Arman Salam, menilai"
        zone.pop()
    if any(w.lower in NEGATIONS or w.lower in _BLOCKERS for w in zone[-3:]):
        return None
    zone = _subject_segment(zone)
    while zone and (zone[0].lower in CONNECTIVES or zone[0].text in "()\"“”'‘’"):
        zone = _skip_connective(zone)
    zone = _strip_time(zone)
    stop = next((i for i, w in enumerate(zone) if i and w.lower in _SUBJECT_STOPS), None)
    zone = zone[:stop] if stop is not None and any(w.capitalised for w in zone[:stop]) else zone
    if not zone or len(zone) > _MAX_WORDS or not _nominal(zone) or _counted(zone):
        return None
    return _classify(zone)


def _subject_segment(zone: list[Word]) -> list[Word]:
    """The comma-separated part of the clause that holds the subject: circumstances after it are
    skipped ("I Gede John Darmawan, saat hadir di SMAN 1, mengatakan"), and a bare name before a
    title keeps its title ("Claudio Galimberti, Kepala Ekonom di Rystad Energy, mengatakan")."""
    segments: list[list[Word]] = [[]]
    for w in zone:
        if w.text in ",;:":
            segments.append([])
        else:
            segments[-1].append(w)
    segments = [seg for seg in segments if seg]
    while len(segments) > 1 and _circumstance(segments[-1]):
        segments.pop()
    if not segments:
        return []
    last = segments[-1]
    if len(segments) > 1 and last[0].lower in TITLES and all(_name_word(w) for w in segments[-2]):
        return [w for w in zone if segments[-2][0].start <= w.start <= last[-1].start]
    return last


def _circumstance(segment: Sequence[Word]) -> bool:
    """A time, place or occasion, not a subject ("saat ditemui", "di Jakarta", "Rabu (22/4/2020)")."""
    first = segment[0].lower
    if first in _CIRCUMSTANCE_OPENERS:
        return True
    return all(w.lower in _TIME_WORDS or w.text[:1].isdigit() for w in segment)


def _name_word(w: Word) -> bool:
    return w.text[:1].isupper() and w.lower not in TITLES and w.lower not in CONNECTIVES


def _skip_connective(zone: list[Word]) -> list[Word]:
    """Drop a leading connective with the demonstrative it takes ("Sementara itu", "Oleh karena itu")."""
    zone = zone[1:]
    while zone and zone[0].lower in {"itu", "ini", "karena", "demikian", "begitu", "tersebut"}:
        zone = zone[1:]
    return zone


_TIME_WORDS = frozenset({
    "lalu", "tahun", "bulan", "pekan", "minggu", "hari", "ini", "itu", "kemarin", "tadi", "malam",
    "pagi", "siang", "sore", "(", ")", "/", ",", "awal", "akhir", "pada", "sejak", "hingga", "ahad",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
})  # fmt: skip


def _strip_time(zone: list[Word]) -> list[Word]:
    """Drop a leading time adverbial ("pada 2023 lalu Reza …" → "Reza …")."""
    i = 0
    while i < len(zone) and (zone[i].lower in _TIME_WORDS or zone[i].text[:1].isdigit()):
        i += 1
    return zone[i:]


def _counted(zone: Sequence[Word]) -> bool:
    """Survey counts are no speakers ("tiga dari 10 orang menyatakan …")."""
    lowered = [w.lower for w in zone]
    return (
        "persen" in lowered
        or "%" in lowered
        or any(
            w.text[:1].isdigit() and nxt in {"dari", "orang", "responden", "warga", "persen"}
            for w, nxt in zip(zone, [*lowered[1:], ""], strict=True)
        )
    )


def _nominal(zone: Sequence[Word]) -> bool:
    """No verb-like lower-case word (``me-``, ``ber-``, ``di-`` forms) inside a subject phrase."""
    for w in zone:
        low = w.lower
        if w.capitalised or low in TITLES or low in SPEAKER_NOUNS or low in PRONOUNS:
            continue
        if len(low) >= 6 and low.startswith(("me", "ber", "di", "ter")) and low not in _ADJECTIVAL:
            return False
    return True


def _classify(ws: Sequence[Word]) -> Phrase | None:
    if not ws:
        return None
    start, end = ws[0].start, ws[-1].end
    first, last = ws[0].lower, ws[-1].lower
    if len(ws) == 1 and first in PRONOUNS:
        return Phrase(start, end, "pronoun")
    if first in NON_SPEAKER_HEADS:
        return None
    if last in DEMONSTRATIVES and len(ws) > 1:
        return Phrase(start, end, "description")
    if any(w.capitalised and w.text[:1].isalpha() for w in ws):
        return Phrase(start, end, "name")
    head = ws[1].lower if first in _DETERMINERS and len(ws) > 1 else first
    if head in SPEAKER_NOUNS or _agentive(head):
        return Phrase(start, end, "name")
    return None


def _agentive(word: str) -> bool:
    """A ``pe(N)-`` noun for a person who does something (``pengamat``, ``penolak``, ``pedagang``),
    not a ``pe(N)-…-an`` noun for a process or a thing (``penelitian``, ``pernyataan``)."""
    return (
        len(word) >= 6 and word.startswith("pe") and not word.endswith("an") and word not in NON_SPEAKER_HEADS
    )
