"""Language identification: Indonesian, Malay, English or other, per document or paragraph.

py3langid (a character n-gram naive Bayes that ships its own model) ranks all of its languages.
Indonesian and Malay are close enough that it often confuses them on news text, so the two are
scored together as one family, and a small lexical tie-breaker decides between them: words that
are spelled differently in the two standards (``karena``/``kerana``, ``bahwa``/``bahawa``,
``uang``/``wang``) and words that are much commoner in one (``pemerintah`` vs ``kerajaan``, ``persen`` vs
``peratus``). Words both standards use often (``boleh``, ``beliau``, ``daripada``) are no
evidence. Without Malay evidence the answer is Indonesian, since kabar reads Indonesian news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

LANGUAGES = ("id", "ms", "en", "other")

# Words spelled differently in the two standards, or much commoner in one of them.
INDONESIAN_MARKERS = frozenset(
    [
        "karena",
        "bahwa",
        "pemerintah",
        "uang",
        "bisa",
        "kemarin",
        "polisi",
        "kepolisian",
        "provinsi",
        "kabupaten",
        "kantor",
        "rupiah",
        "dpr",
        "dprd",
        "kpk",
        "tni",
        "polri",
        "nggak",
        "enggak",
        "banget",
        "gimana",
        "jumat",
        "kamis",
        "senin",
        "pekan",
        "wib",
        "dilansir",
        "dikutip",
        "pemilu",
        "mobil",
        "kendaraan",
        "karyawan",
        "gratis",
        "silakan",
        "tapi",
        "butuh",
        "setelah",
        "sesudah",
        "miliar",
        "persen",
        "proyek",
        "tentara",
        "kesehatan",
        "baru",
        "coba",
        "mau",
        "perusahaan",
        "rumah_sakit",
        "depan",
    ]
)
MALAY_MARKERS = frozenset(
    [
        "kerana",
        "bahawa",
        "kerajaan",
        "wang",
        "sebarang",
        "sahaja",
        "iaitu",
        "mahu",
        "isnin",
        "khamis",
        "jumaat",
        "kenderaan",
        "kakitangan",
        "syarikat",
        "kempen",
        "projek",
        "tentera",
        "bajet",
        "bilion",
        "peratus",
        "kesihatan",
        "selepas",
        "menerusi",
        "memandangkan",
        "baharu",
        "jurucakap",
        "timbalan",
        "cuba",
    ]
)
_MALAY_PHRASES = ("pihak berkuasa", "kerana itu", "dalam pada itu")
_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_LETTERS = 3
# py3langid walks its n-gram automaton byte by byte in Python: a few thousand characters of
# news text already decide among id/ms, en and the rest (the id/ms choice itself reads more words)
NGRAM_SAMPLE = 3000
_MIN_MALAY_VOTES = 2  # one word is no proof: "kerajaan" is also Indonesian for kingdom


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (``id``, ``ms``, ``en`` or ``other``) and a score in [0, 1]."""

    language: str
    score: float


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities, loaded once per process."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str:
    """The language of ``text``: ``"id"``, ``"ms"``, ``"en"`` or ``"other"``.

    >>> identify_language("Pemerintah akan menaikkan harga bahan bakar minyak pekan depan.")
    'id'
    """
    return identify_language_scored(text).language


def identify_language_scored(text: str) -> LanguageGuess:
    """The language of ``text`` with a score: py3langid's probability, moved by lexical evidence."""
    letters = sum(1 for _ in _WORD_RE.finditer(text[:4000]))
    if letters == 0 or len(text.strip()) < _MIN_LETTERS:
        return LanguageGuess("other", 0.0)
    probs = dict(_identifier().rank(text[:NGRAM_SAMPLE]))
    family = probs.get("id", 0.0) + probs.get("ms", 0.0)
    english = probs.get("en", 0.0)
    best_other = max((p for lang, p in probs.items() if lang not in ("id", "ms", "en")), default=0)
    if max(family, english) < best_other:
        return LanguageGuess("other", round(best_other, 4))
    if english > family:
        return LanguageGuess("en", round(english, 4))
    return LanguageGuess(_indonesian_or_malay(text), round(family, 4))


def _indonesian_or_malay(text: str) -> str:
    """Malay only on lexical evidence: py3langid's id/ms split is unreliable on Indonesian news."""
    id_votes, ms_votes = _marker_votes(text)
    if ms_votes >= _MIN_MALAY_VOTES and ms_votes > id_votes:
        return "ms"
    return "id"


def _marker_votes(text: str) -> tuple[int, int]:
    """How many Indonesian-only and Malay-only marker words ``text`` holds.

    Only lower-case words count (``Wang`` is a name, ``wang`` is money), unless the text has no
    lower case at all.
    """
    sample = text[:20000]
    if sample.isupper():
        sample = sample.lower()
    id_votes = ms_votes = 0
    for match in _WORD_RE.finditer(sample):
        word = match.group()
        if word in INDONESIAN_MARKERS:
            id_votes += 1
        elif word in MALAY_MARKERS:
            ms_votes += 1
    ms_votes += sum(sample.count(phrase) for phrase in _MALAY_PHRASES)
    return id_votes, ms_votes


def identify_paragraphs(text: str) -> list[tuple[int, int, LanguageGuess]]:
    """``(start, end, guess)`` for every non-empty paragraph (lines split at line breaks)."""
    out: list[tuple[int, int, LanguageGuess]] = []
    for match in re.finditer(r"[^\n\r]+", text):
        chunk = match.group()
        if chunk.strip():
            out.append((match.start(), match.end(), identify_language_scored(chunk)))
    return out
