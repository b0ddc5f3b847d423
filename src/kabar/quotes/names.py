"""Names from speaker phrases when no actor covers them: the fall-back of speaker attribution.

The actor linker (:mod:`kabar.actors`) gives each actor its fullest name and code; these helpers
only serve phrases it did not link (or when it is not available): they drop the titles and offices
before a name and look for the fullest form of a short name elsewhere in the article
(``Jhon`` → ``Jhon Franky Yanafia Ariandi``, ``Peskov`` → ``Dmitry Peskov``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kabar.quotes.lexicon import CONNECTIVES, ORG_WORDS, PLACE_WORDS, TITLES

_CAP_TOKEN = r"[A-Z][\w'’]*"
_RIGHT = re.compile(rf"(?:[ \u00a0]{_CAP_TOKEN}){{1,3}}")
_LEFT_TOKEN = re.compile(r"\(?[A-Z][\w'’.]*\)?$")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
_ROMAN = frozenset({"I", "V", "X"})
_NOT_NAMES = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret",
    "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember",
    "di", "dan", "yang", "saat", "ketika", "dalam", "kepada", "tidak", "tak", "akan", "sudah",
    "telah", "bisa", "harus", "mau", "ingin", "ini", "itu", "atau", "ke", "dari", "untuk", "dengan",
    "soal", "bukan", "juga", "kembali", "minta", "sebut", "kini", "hari", "usai", "jadi", "baru",
    "resmi", "beri", "bantah", "klaim", "tolak", "siap", "ungkap", "respons", "tanggapi", "buka",
    "tutup", "ajak", "dorong", "pastikan", "tegaskan", "kata", "ujar", "lagi", "pun",
    "semua", "para", "sang", "si", "begini", "begitu", "apa", "siapa", "kenapa", "mengapa", "bagaimana",
})  # fmt: skip


def _bare(token: str) -> str:
    return token.lower().strip(".,()")


def titled(token: str) -> bool:
    """A title, office, institution or place word, an acronym or a roman numeral (``Komisi II``,
    ``Wilayah V``) that can stand before a name."""
    low = _bare(token)
    bare = token.strip(".,()")
    acronym = bare.isupper() and bare.isalpha() and (len(bare) > 1 or bare in _ROMAN)
    return low in TITLES or low in ORG_WORDS or low in PLACE_WORDS or acronym


def _pure(token: str) -> bool:
    bare = _bare(token)
    return token[:1].isupper() and not titled(token) and bare not in _NOT_NAMES and bare not in CONNECTIVES


def name_in(phrase: str) -> str:
    """The name inside a speaker phrase, the titles and offices before it dropped.

    >>> name_in("Kabid Humas Polda Metro Jaya Kombes Ade Ary Syam Indradi")
    'Ade Ary Syam Indradi'
    >>> name_in("Ketua DKPP")
    'Ketua DKPP'
    """
    segments = [s.strip() for s in _AGE.sub("", phrase).split(",") if s.strip()]
    if not segments:
        return phrase.strip()
    named = [s for s in segments if any(_pure(t) for t in s.split())]
    segment = named[-1] if named else segments[-1]
    tokens = segment.split()
    first = next((i for i, t in enumerate(tokens) if _bare(t) in TITLES or not t[:1].isupper()), None)
    if first is None:  # no office before it: an organisation, a place or a bare name
        return segment
    cut = first + 1
    for i in range(first + 1, len(tokens) - 1):
        if titled(tokens[i]) or not tokens[i][:1].isupper():
            cut = i + 1
    rest = tokens[cut:]
    if not any(_pure(t) for t in rest):
        return segment
    return " ".join(rest)


def fullest_name(text: str, name: str) -> str:
    """The longest form of ``name`` the article writes: a given name runs on to the right
    (``Prabowo`` → ``Prabowo Subianto``), a single surname to the left (``Peskov`` → ``Dmitry Peskov``)."""
    tokens = name.split()
    if not tokens or not all(_pure(t) for t in tokens):
        return name
    pattern = _name_pattern(tuple(tokens))
    best = name
    for match in pattern.finditer(text):
        longer = _right(text, match.end())
        if longer and len(name) + len(longer) > len(best):
            best = name + longer
    if best != name or len(tokens) > 1:
        return best
    for match in pattern.finditer(text):
        longer = _left(text, match.start())
        if longer and len(longer) + len(name) + 1 > len(best):
            best = f"{longer} {name}"
    return best


@lru_cache(maxsize=4096)
def _name_pattern(tokens: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(t) for t in tokens) + r"(?![\w-])")


def _right(text: str, end: int) -> str:
    match = _RIGHT.match(text, end)
    if match is None or text[match.end() : match.end() + 1] == "-":
        return ""
    extra = match.group().split()
    kept: list[str] = []
    for token in extra:
        if not _pure(token):
            break
        kept.append(token)
    return "".join(" " + t for t in kept)


def _left(text: str, start: int) -> str:
    """The given names written just before ``start``, titles excluded."""
    before = text[max(0, start - 80) : start].split(" ")[:-1]
    kept: list[str] = []
    for token in reversed(before):
        if not token or not _LEFT_TOKEN.match(token) or titled(token) or not _pure(token):
            break
        kept.append(token)
        if len(kept) == 3:
            break
    return " ".join(reversed(kept))
