"""The views of an article that story clustering compares: headline, body, names and figures.

Each view is a bag of terms with sublinear frequencies (``1 + log tf``):

* ``title``: content words of the headline, without the outlet's name tacked on its end;
* ``body``: content words of the text (its first :data:`TEXT_CHARS` characters);
* ``names``: entity and actor names (``Article.entities``/``Article.actors`` when present, else
  runs of capitalised words; lower-cased bodies then contribute nothing);
* ``numbers``: figures in a canonical form, so ``Rp1,929 juta`` and ``Rp1.929.000`` agree.

Figures are also kept with the two words before them (``naik rp`` → ``21000``): two reports that
give different figures in the same place are about different days or different things.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from kabar.dedup.text import FACT_WORDS, _word_list
from kabar.model import Article
from kabar.stories.vectors import sublinear

VIEWS = ("title", "body", "names", "numbers")
TEXT_CHARS = 3000
"""Only the start of a long text is read: news puts what happened first, and the cost stays bounded."""

STOPWORDS = _word_list(
    """
    ada adalah agar akan akhir aku anda antara apa apabila atas atau bagaimana bagi bahkan bahwa baik
    bakal banyak baru beberapa begitu belum berbagai berada berikut bersama bisa bukan cukup dalam dan
    dapat dari demikian dengan di dia diri disebut ditemui hal hampir hanya harus hari hingga ia ini itu
    jadi jakarta jika juga kalau kami kamu karena kata katanya ke kemarin kembali kemudian kepada ketika
    kini kita lagi lain lalu lebih maka mampu masih maupun melalui memang mengatakan menjadi menurut
    mereka merupakan misalnya mulai namun nanti narasumber oleh pada para per pula pun rp saat saja
    salah sama sampai sangat satu saya sebagai sebelum sebelumnya sebuah secara sedang sedangkan
    sehingga sejak sekitar selain selama seluruh semua sendiri seperti serta sesuai setelah setiap siang
    sudah tak tahun tanpa telah tengah tentang terhadap terkait termasuk tersebut tetapi tidak tiap turut
    ujar ujarnya untuk usai waktu yaitu yakni yang
    a an and are as at be by for from has have in is it its of on or said that the this to was were
    will with
    """
)
"""Function words and reporting verbs that say nothing about which happening is reported."""

SCALES = {
    "ribu": 1e3, "rb": 1e3, "thousand": 1e3, "juta": 1e6, "jt": 1e6, "million": 1e6,
    "miliar": 1e9, "milyar": 1e9, "billion": 1e9, "triliun": 1e12, "trillion": 1e12, "t": 1e12,
}  # fmt: skip

_STRIP = "\"'“”‘’()[]{}<>,.;:!?*…–—-/|#@&+=~`^_«»"
_SENTENCE_ENDS = frozenset('.!?"”')
_RUN_ENDS = frozenset(",.;:!?)\"”'’")
_DIGITS = "0123456789.,"
_SKIP = STOPWORDS | FACT_WORDS
_FIGURE_STARTS = frozenset("0123456789r")
_TITLE_TAIL = re.compile(r"\s*(?:\||:|-|–|—)\s*([^|:–—-]{1,40})$")
_PERCENT = frozenset({"%", "persen", "percent"})


@dataclass(slots=True)
class Views:
    """The term bags of one article, and its figures by context (for :meth:`StoryState.compare_facts`)."""

    title: dict[str, float]
    body: dict[str, float]
    names: dict[str, float]
    numbers: dict[str, float]
    facts: dict[str, set[str]]

    def view(self, name: str) -> dict[str, float]:
        bag: dict[str, float] = getattr(self, name)
        return bag


def article_views(article: Article) -> Views:
    """The term bags of ``article`` for every view in :data:`VIEWS`."""
    title = clean_title(unicodedata.normalize("NFKC", article.title or ""), article.outlet)
    text = unicodedata.normalize("NFKC", article.text[:TEXT_CHARS])
    english = (article.language or "").startswith("en")
    given = given_names(article)
    head = scan(title, english, spans=not given and not _is_title_case(title))
    body = scan(text, english, spans=not given)
    figures = body.figures + head.figures
    facts: dict[str, set[str]] = {}
    for context, value in figures:
        if context:
            facts.setdefault(context, set()).add(value)
    return Views(
        title=sublinear(Counter(head.words)),
        body=sublinear(Counter(body.words)),
        names=sublinear(Counter(given or head.spans + body.spans)),
        numbers=sublinear(Counter(value for _, value in figures)),
        facts=facts,
    )


@dataclass(slots=True)
class Scanned:
    """What one pass over a text finds: content words, figures in context, capitalised runs."""

    words: list[str] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)


def scan(text: str, english: bool = False, spans: bool = False) -> Scanned:
    """Content words, figures (each with the two words before it) and, if asked, capitalised runs.

    Content words are lower-cased, without stop words, single letters, days and months. Figures are
    in a canonical form (6 significant digits, scale words applied), dates and years left out.
    Capitalised runs (``Sri Mulyani``, ``Bank Indonesia``) are lower-cased, without a leading stop
    word or a lone sentence-initial word. Whitespace-split tokens and list comprehensions, for speed.

    Example:
        >>> found = scan("Harga emas naik Rp4.000 menjadi Rp1,929 juta pada 25/8/2025")
        >>> found.words, found.figures
        (['harga', 'emas', 'naik', 'juta'], [('naik rp', '4000'), ('menjadi rp', '1.929e+06')])
    """
    lowers = [token.strip(_STRIP) for token in text.casefold().split()]
    words = [w for w in lowers if w[:1].isalpha() and not w[-1].isdigit() and len(w) > 1 and w not in _SKIP]
    found = Scanned([w[:-3] if len(w) > 6 and w.endswith("nya") else w for w in words])
    for i in [i for i, w in enumerate(lowers) if w[:1] in _FIGURE_STARTS]:
        figure = _figure(lowers, i, english)
        if figure is not None:
            found.figures.append(figure)
    if spans:
        raws = text.split()
        found.spans = _runs(raws, [raw.strip(_STRIP) for raw in raws])
    return found


def _figure(lowers: list[str], i: int, english: bool) -> tuple[str, str] | None:
    """The figure at token ``i`` with its context, or ``None`` for a date, a year or a non-number."""
    token = lowers[i]
    if token[0] == "r":
        if token[:2] != "rp" or not token[2:3].isdigit():
            return None
        token, before = token[2:], [*[w for w in lowers[max(0, i - 4) : i] if w[:1].isalpha()][-1:], "rp"]
    else:
        before = [w for w in lowers[max(0, i - 4) : i] if w[:1].isalpha()][-2:]
    percent = token.endswith("%")
    token = token.rstrip("%")
    if "/" in token or token.strip(_DIGITS):
        return None
    unit = "persen" if percent else (lowers[i + 1] if i + 1 < len(lowers) else "")
    figure = canonical_number(token, unit if unit in SCALES or unit in _PERCENT else "", english)
    return (" ".join(before) if len(before) == 2 else "", figure) if figure is not None else None


def _runs(raws: list[str], tokens: list[str]) -> list[str]:
    """Runs of capitalised tokens, broken by punctuation; a lone sentence-initial word is dropped."""
    spans: list[str] = []
    run: list[str] = []
    last = -2
    for i in [i for i, token in enumerate(tokens) if token[:1].isupper() and not token[-1].isdigit()]:
        token = tokens[i]
        lower = token.casefold()
        initial = i == 0 or raws[i - 1][-1] in _SENTENCE_ENDS
        if run and (i != last + 1 or raws[last][-1] in _RUN_ENDS):
            _close_run(spans, run)
            run = []
        last = i
        if lower in FACT_WORDS or (initial and lower in STOPWORDS):
            _close_run(spans, run)
            run = []
            continue
        run.append("^" + token if initial and not run else token)
    _close_run(spans, run)
    return spans


def _close_run(spans: list[str], run: list[str]) -> None:
    while run and run[0].lstrip("^").casefold() in STOPWORDS:
        run.pop(0)
    if not run or (len(run) == 1 and run[0].startswith("^")):
        return
    span = " ".join(word.lstrip("^") for word in run).casefold()
    if len(span) > 1:
        spans.append(span)


def content_words(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (see :func:`scan`)."""
    return scan(text).words


def numbers(text: str, english: bool = False) -> list[str]:
    """The figures of ``text`` in canonical form (see :func:`scan`).

    Example:
        >>> numbers("naik Rp4.000 menjadi Rp1.929.000 pada 2025")
        ['4000', '1.929e+06']
    """
    return [figure for _, figure in scan(text, english).figures]


@functools.lru_cache(maxsize=65536)
def canonical_number(raw: str, unit: str, english: bool = False) -> str | None:
    """``raw`` with its scale word applied, to 6 significant digits; ``None`` for dates and years."""
    value = _parse_number(raw, english, unit in SCALES)
    if value is None or (not unit and _is_date_part(value, raw)):
        return None
    value *= SCALES.get(unit, 1.0)
    return f"{value:.6g}{'%' if unit in _PERCENT else ''}"


def clean_title(title: str, outlet: str | None) -> str:
    """The headline without a trailing outlet name (``... |Republika Online``, ``...: Okezone Economy``)."""
    brand = publisher(outlet)
    found = _TITLE_TAIL.search(title)
    if found and brand and brand in found.group(1).casefold().replace(" ", ""):
        return title[: found.start()].strip()
    return title.strip()


def publisher(outlet: str | None) -> str:
    """The distinctive part of an outlet's domain: ``economy.okezone.com`` gives ``okezone``."""
    if not outlet:
        return ""
    parts = [
        p for p in outlet.casefold().split(".") if p not in {"www", "com", "co", "id", "net", "org", "go"}
    ]
    return max(parts, key=len) if parts else ""


def given_names(article: Article) -> list[str]:
    """The entity and actor names the pipeline found in ``article``, lower-cased."""
    found = [e.text.casefold() for e in article.entities if e.text.strip()]
    return found + [a.name.casefold() for a in article.actors if a.name.strip()]


def capitalised_spans(text: str) -> list[str]:
    """Runs of capitalised words in ``text``, lower-cased (see :func:`scan`).

    Example:
        >>> capitalised_spans("Menteri Keuangan Sri Mulyani bertemu Gubernur BI di Palembang, Senin.")
        ['menteri keuangan sri mulyani', 'gubernur bi', 'palembang']
    """
    return scan(text, spans=True).spans


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _parse_number(raw: str, english: bool, scaled: bool) -> float | None:
    """Indonesian ``1.929.000`` and ``1,5``; English ``1,929,000`` and ``1.5``."""
    thousands, decimal = (",", ".") if english else (".", ",")
    groups = raw.split(thousands)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and not (scaled and len(groups) == 2):
        raw = "".join(groups)
    elif len(groups) > 1:
        raw = raw.replace(thousands, decimal)
    raw = raw.replace(decimal, ".")
    if raw.count(".") > 1:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _is_date_part(value: float, raw: str) -> bool:
    """Small integers (days, counts of one digit) and years say more about time than content."""
    if raw.isdigit():
        return value <= 31 or 1900 <= value <= 2100
    return False
