"""Lines of a text dump and the features the cleaner judges them by.

A dump is split into :class:`Line` records (blank lines dropped, whitespace normalised). Each line
gets a *kind*:

* ``body``: reads as running text (enough words, ends like a sentence, not Title Cased);
* ``weak``: long but unfinished (a sentence-case headline, a truncated teaser);
* ``short``: anything else that is not furniture (crossheads, list items, menu entries);
* ``furniture``: matched by the lexicon, a credit or link shape, a date or byline line,
  the outlet's learned boilerplate, or repetition within the document (``reason`` says which).

and a *score* for the densest-block search: body lines count their words, furniture and short
lines cost a little, and lines that end an article (comments, tags, related lists) cost a lot.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import add, itemgetter

from kabar.clean.lexicon import (
    FUNCTION_WORDS,
    FURNITURE_LINES,
    FURNITURE_PREFIXES,
    PREFIX_CUES,
    PROMO_ANYWHERE,
)  # fmt: skip

BODY, WEAK, SHORT, FURNITURE = "body", "weak", "short", "furniture"

# Furniture that sits *inside* an article (a teaser, an ad marker, a photo credit): it is removed
# but does not break the article's block. Other furniture counts against the block.
INLINE_REASONS = frozenset({"related", "ad", "embed", "credit", "syndication", "pagination", "outlet"})
# Furniture that marks the end of an article: comment boxes, tag lists, share bars, legal lines.
CLOSING_REASONS = frozenset({"comment", "tags", "legal", "share", "promo", "section"})

_ZERO_WIDTH = ("\u200b", "\u2060", "\ufeff")
_TERMINAL = frozenset(".!?\"”’')]:;。！？」』")
_COUNTER_END = re.compile(r"\(\d[\d,.]*\)$|\[(?:…|\.\.\.)\]$")  # "Headline (185)", "teaser […]"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# UTF-8 bytes that are not the lead byte of a character from U+3000 to U+DFFF (which holds _CJK's
# ranges): deleting them from an encoded text leaves nothing when it has no CJK, in one C pass
_NOT_CJK_LEAD = bytes(b for b in range(256) if not 0xE3 <= b <= 0xED)
_PREFIX_REASONS = {f"r{i}": reason for i, reason in enumerate(FURNITURE_PREFIXES.values())}
# "sputnikglobe.com/Artem Geodakyan", "ANTARA FOTO/Aprillio Akbar", "Foto: Istimewa", "Dok. IGI"
_CREDIT = re.compile(
    r"(?:[\w-]+\.)+[a-z]{2,}(?:\.[a-z]{2})?\s*/\s*\S"
    r"|(?i:antara foto|foto|photo|image|gambar|sumber(?: foto)?|ilustrasi|dok|dokumentasi|credit|kredit)"
    r"\s*[:./]"
    r"|(?i:photo|foto|image|picture)s? (?:by|oleh|courtesy)\b"
    r"|[A-Z][A-Z.&' -]{1,30}/\s?[A-Z][\w.'-]+(?:[ -][\w.'-]+){0,4}$"
    r"|(?i:getty images|shutterstock|istimewa|dok\.? pribadi)\b"
    r"|\S.{0,40}? via (?i:reuters|ap|afp|epa|getty images|antara|xinhua|yonhap|kyodo|sputnik|kcna|anadolu|"
    r"bloomberg|tass|instagram|twitter|x|youtube|facebook|tiktok)$"  # "KCNA via Reuters"
)
_CREDIT_WORDS = (
    "antara", "foto", "photo", "image", "gambar", "sumber", "ilustrasi", "dok", "credit", "kredit",
    "picture", "getty images", "shutterstock", "istimewa",
)  # fmt: skip
# a caption's closing credit: "... (AP Photo/Jeffrey T. Barnes)", "...(Dok. IGI)"
_CREDIT_TAIL = re.compile(
    r"\((?:[^()]{0,40}(?i:photo|foto|dok\.?|dokumentasi|istimewa|getty|reuters|afp|ap|antara|shutterstock)"
    r"[^()]{0,40})\)$"
    r"|[^\s(]\([^()]{2,60}\)$"  # a credit glued to its caption: "Raja Ampat(Auriga Nusantara)"
)
# a caption of any length signed by agency and photographer in capitals: "... (AFP/SPUTNIK)"
_CAPS_CREDIT = re.compile(r"\((?:[A-Z][A-Z.&' -]*/)+[A-Z][A-Z.&' -]*\)$")
_DIGIT = re.compile(r"\d")
_LINKISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^@\w+$", re.IGNORECASE)
# A date or a time somewhere in a line: "3/6/2024", "14:05", "3 Juni", a year "2024" standing
# alone. Two regexes, each starting on a digit, so the engine skips from digit to digit.
_DATEISH = (
    re.compile(r"\d(?:\d?[/.-]\d{1,2}[/.-]\d{2,4}|\d?:\d{2}|\d?\s+[A-Za-z]{3,9}\b)", re.IGNORECASE),
    re.compile(r"1(?<!\w1)9\d\d\b|2(?<!\w2)0\d\d\b"),
)
_DATE_FILLERS = frozenset((  # noqa: SIM905
    "published updated posted diperbarui dipublikasikan diterbitkan terbit tayang on at pukul wib wita "
    "wit am pm gmt utc edt est last modified senin selasa rabu kamis jumat sabtu minggu monday tuesday "
    "wednesday thursday friday saturday sunday ago lalu jam menit hour hours minute minutes"
).split())  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LETTER = re.compile(r"[^\W\d_]")  # where a line has one, it has a word
_FIRST = itemgetter(0)


@dataclass(slots=True)
class Line:
    """One non-blank line of a dump with its features."""

    index: int
    text: str
    key: str
    words: int
    kind: str = SHORT
    reason: str | None = None
    score: float = 0.0
    repeats: int = 1

    @property
    def is_furniture(self) -> bool:
        return self.kind == FURNITURE


_KEY_TAIL = " :|»›>-–—•"
_KEY_HEAD = " '\"“‘«"


def line_key(text: str) -> str:
    """The lexicon key of a line: lower case, single spaces, no trailing ``:``/``|``/``»``."""
    return text.lower().rstrip(_KEY_TAIL).lstrip(_KEY_HEAD).strip()


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of ``raw`` with whitespace normalised; glued furniture split off.

    ``Follow UsPutin Beri Kim ...`` (a footer glued to the next page's title) becomes two lines.
    """
    text = _drop_zero_width(raw)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # map() chains keep the per-line work in C: this runs on every line of every page
    texts = list(filter(None, map(" ".join, map(str.split, filter(None, text.split("\n"))))))
    keys = _keys(texts)
    if any(map(str.startswith, keys, repeat(_GLUE))):
        texts = [part for line in texts for part in _unglue(line)]
        keys = _keys(texts)
    if text.isascii() or not text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD):
        words: Iterable[int] = map(add, map(str.count, texts, repeat(" ")), repeat(1))
    else:
        words = map(_word_count, texts)
    return list(map(Line, count(), texts, keys, words))


def _keys(texts: list[str]) -> list[str]:
    """:func:`line_key` of every line (whitespace-normalised: the final ``strip`` has nothing left to do)."""
    lowered = map(str.rstrip, map(str.lower, texts), repeat(_KEY_TAIL))
    return list(map(str.lstrip, lowered, repeat(_KEY_HEAD)))


def normalize_space(text: str) -> str:
    """``text`` as the cleaner sees it: zero-width characters gone, every run of whitespace
    (line breaks too) one space. Each output paragraph is a substring of this."""
    return " ".join(_drop_zero_width(text).split())


def _word_count(text: str) -> int:
    """Words, counting two CJK characters as one (those scripts do not separate words)."""
    words = text.count(" ") + 1
    if text.isascii():
        return words
    return max(words, len(_CJK.findall(text)) // 2)


def _drop_zero_width(text: str) -> str:
    for char in _ZERO_WIDTH:
        if char in text:  # str.translate would be several times slower on every page
            text = text.replace(char, "")
    return text


_GLUE = (
    "follow us", "share", "bagikan", "kirim komentar", "komentar", "tags", "topics", "advertisement", "iklan",
)  # fmt: skip
_GLUED = re.compile(rf"^(?i:{'|'.join(_GLUE)})(?=[A-Z])")


def _unglue(text: str) -> list[str]:
    match = _GLUED.match(text)
    if match is None:
        return [text]
    return [text[: match.end()], text[match.end() :]]


def classify(lines: list[Line]) -> None:
    """Set every line's kind, reason and score from its own shape and its repetition.

    Lines with the same key share one verdict, so a menu repeated in header and footer is judged once.
    """
    keys = [line.key for line in lines]
    counts = Counter(keys)
    page = _Page.read(lines)
    done: dict[str, Line] = {}
    for line in lines:
        first = done.get(line.key)
        if first is not None:
            line.kind, line.reason, line.score = first.kind, first.reason, first.score
            line.repeats = first.repeats
            continue
        done[line.key] = line
        line.repeats = counts[line.key]
        # calls inlined below are kept out of this loop on purpose: it runs for every line of every page
        reason = furniture_reason(line, page)
        if reason is None:
            kind = SHORT if line.words < 5 else _shape(line.text, line.words)
            if line.repeats == 1 or kind == BODY:
                line.kind = kind
                line.score = float(min(line.words, 150)) if kind == BODY else _KIND_SCORES[kind]
                continue
            reason = "repeated"
        line.kind, line.reason, line.score = FURNITURE, reason, _REASON_SCORES.get(reason, -5.0)


_SHORT_WORDS = 16  # credits, links and date lines are no longer


@dataclass(frozen=True, slots=True)
class _Page:
    """What one search over a whole page finds for its lines, where the thing searched for is
    rare enough that a search per phrase over the page beats a regex call per line: the keys
    holding a promo phrase or a cue of a prefix pattern that may start anywhere, and the texts
    holding a slash or "via" (every credit shape but the ones starting with a credit word)."""

    promo: frozenset[str]
    cued: frozenset[str]
    slashed: frozenset[str]

    @classmethod
    def read(cls, lines: list[Line]) -> _Page:
        keys = "\n".join([line.key for line in lines])
        short = "\n".join([line.text for line in lines if line.words <= _SHORT_WORDS])
        return cls(
            _lines_holding(keys, PROMO_ANYWHERE),
            _lines_holding(keys, _CUES),
            _lines_holding(short, ("/", " via ")),
        )


def _lines_holding(text: str, phrases: Iterable[str]) -> frozenset[str]:
    """The lines of ``text`` (lines joined by newlines) that contain one of ``phrases``."""
    found: set[str] = set()
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            line, end = _line_at(text, at)
            found.add(line)
            at = text.find(phrase, end)
    return frozenset(found)


def _line_at(text: str, at: int) -> tuple[str, int]:
    """The line of ``text`` holding offset ``at``, and where it ends."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return text[text.rfind("\n", 0, at) + 1 : end], end


def furniture_reason(line: Line, page: _Page | None = None) -> str | None:
    """Why a line is furniture by the lexicon or its shape, or ``None``.

    ``page`` is what :meth:`_Page.read` found on the line's page; without it the line is searched alone.
    """
    key = line.key
    reason = FURNITURE_LINES.get(key)
    if reason is not None:
        return reason
    page = page or _Page.read([line])
    pattern = _PREFIX_ANY if key in page.cued else _PREFIX_BY_CHAR.get(key[:1])
    match = pattern.match(key) if pattern is not None else None
    if match is not None:
        return _PREFIX_REASONS[match.lastgroup or ""]
    if line.words <= 40 and key in page.promo:
        return "promo"
    if line.words <= _SHORT_WORDS:
        return _short_furniture(line, page)
    return "credit" if line.text[-1] == ")" and _CAPS_CREDIT.search(line.text) else None


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a prefix pattern can start with, read off its source; ``None`` when the
    source may start with anything."""
    chars: set[str] = set()
    for alternative in _top_level(pattern):
        if alternative.startswith("(?:"):
            close = _closing(alternative)
            inner = _first_chars(alternative[3:close])
            rest = _OPTIONAL.match(alternative, close + 1)
            after = _first_chars(alternative[rest.end() :]) if rest else set()
            if inner is None or after is None:
                return None
            chars |= inner | after
        elif alternative[:1] and alternative[0] not in "\\.[(^$*+?{|":
            chars.add(alternative[0].lower())
        elif alternative.startswith("\\d"):
            chars.update("0123456789")
        elif alternative[:1] == "\\" and not alternative[1:2].isalnum():
            chars.add(alternative[1])  # an escaped literal: "\\(c\\)"
        elif alternative[:1] == "[" and _PLAIN_CLASS.match(alternative):
            chars.update(alternative[1 : alternative.index("]", 1)].replace("\\", ""))
        else:
            return None
    return chars


_OPTIONAL = re.compile(r"[?*]\??|\{0,?\d*\}\??")  # a quantifier that lets a group match nothing
_PLAIN_CLASS = re.compile(r"\[(?:\\[^\w\s]|[^\\\]^-])+\]")  # "[\\[(]": literal characters only


def _top_level(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i = _class_end(pattern, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _class_end(pattern: str, i: int) -> int:
    """Index of the ``]`` closing the character class opened at ``i``."""
    i += 2 if pattern[i + 1 : i + 2] == "]" else 1  # "[]...]" holds a literal "]"
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _closing(text: str) -> int:
    """Index of the parenthesis closing the group that opens ``text``."""
    depth, i = 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 1
        elif text[i] == "[":
            i = _class_end(text, i)
        elif text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def _prefix_table() -> dict[str, re.Pattern[str]]:
    """One regex per first character of a line's key, holding only the prefix patterns that can
    start with it: a line is tried against a handful of patterns instead of all of them.

    Patterns that may start with any character are left out: they are tried (with the others,
    :data:`_PREFIX_ANY`) only on the few keys holding one of their cues
    (:data:`~kabar.clean.lexicon.PREFIX_CUES`). Each regex keeps the lexicon's order, so the
    first pattern that matches names the reason. Keys are lower case already: IGNORECASE would
    only slow every match down.
    """
    named = {f"r{i}": pattern for i, pattern in enumerate(FURNITURE_PREFIXES)}
    firsts = {name: _first_chars(pattern) for name, pattern in named.items()}
    uncued = {named[name] for name, chars in firsts.items() if chars is None} - set(PREFIX_CUES)
    if uncued:
        raise ValueError(f"prefix patterns without a literal start need cues: {sorted(uncued)}")
    starts = {ch for chars in firsts.values() if chars for ch in chars}
    return {
        ch: re.compile("|".join(f"(?P<{n}>{named[n]})" for n in named if ch in (firsts[n] or ())))
        for ch in starts
    }


_PREFIX_BY_CHAR = _prefix_table()
_PREFIX_ANY = re.compile("|".join(f"(?P<r{i}>{p})" for i, p in enumerate(FURNITURE_PREFIXES)))
_CUES = tuple({cue for cues in PREFIX_CUES.values() for cue in cues})


def _short_furniture(line: Line, page: _Page) -> str | None:
    text, key, words = line.text, line.key, line.words
    # each shape is tried only where a cheap test says it may match: most lines take no regex
    if not text.endswith(".") and (
        ((text in page.slashed or key.startswith(_CREDIT_WORDS)) and _CREDIT.match(text))
        or (text[-1] == ")" and (_CREDIT_TAIL.search(text) or _CAPS_CREDIT.search(text)))
    ):
        return "credit"
    if words == 1 and ("@" in text or key.startswith(("http", "www."))) and _LINKISH.match(text):
        return "link"
    if words <= 8 and ("http://" in text or "https://" in text):
        return "url"
    if words > 12:
        return None
    first = key.partition(" ")[0]  # a date line starts with a digit, a month or a filler word
    if first.isalpha() and first not in _DATE_WORDS:
        return None
    return "date" if _is_date_only(text) and any(p.search(text) for p in _DATEISH) else None


def _is_date_only(text: str) -> bool:
    """A line that is only a date and time (``PUBLISHED: November 19, 2019 at 8:59 pm``): every
    run of letters is a month or a filler word standing alone (``at``, ``WIB``, ``pukul``)."""
    for match in _LETTERS.finditer(text):
        word = match.group().lower()
        if word in _MONTH_WORDS:
            continue
        alone = not (_word_char(text, match.start() - 1) or _word_char(text, match.end()))
        if not (alone and word in _DATE_FILLERS):
            return False
    return True


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _month_words() -> frozenset[str]:
    from kabar.dates import MONTHS

    return frozenset(MONTHS)


_MONTH_WORDS = _month_words()
_DATE_WORDS = _MONTH_WORDS | _DATE_FILLERS


def headline_like(text: str) -> bool:
    """Mostly Title Case words and no digits: a headline or menu entry rather than a list item."""
    tokens = _WORD.findall(text)
    content = [t for t in tokens if t.lower() not in FUNCTION_WORDS]
    if not content or _DIGIT.search(text):
        return False
    return sum(1 for t in content if t[0].isupper()) / len(content) >= 0.7


def _shape(text: str, words: int) -> str:
    if words < 5:
        return SHORT  # too short to be running text, whatever it ends with
    last = text[-1]
    # Title Case makes a headline, a menu entry or a crosshead, none of which runs long or
    # runs on and ends in a period: only other lines need their words read
    titled = words <= 25 and not (last == "." and words >= 8) and not text.isupper()
    if not titled and last in _TERMINAL and _LETTER.search(text):
        return WEAK if text.endswith("...") or (last in ")]" and _COUNTER_END.search(text[-24:])) else BODY
    tokens = _WORD.findall(text)
    if not tokens:
        return SHORT
    lowered = list(map(str.lower, tokens))
    function = sum(map(FUNCTION_WORDS.__contains__, lowered))
    if titled and _title_case(tokens, lowered, function):
        return SHORT
    if text.endswith(("...", "…")) or (last in ")]" and _COUNTER_END.search(text[-24:])):
        return WEAK  # a truncated teaser, or a headline with its comment count
    if last in _TERMINAL or (words >= 30 and function >= 3):
        return BODY  # no headline runs to thirty words, finished or not
    if words >= 15 and function >= 2:
        return WEAK
    return SHORT


def _title_case(tokens: list[str], lowered: list[str], function: int) -> bool:
    """Whether at least 70% of the words other than function words are capitalised."""
    content = len(tokens) - function
    if not content:
        return False
    capitals = list(map(str.isupper, map(_FIRST, tokens)))
    capitalised = sum(capitals) - sum(map(FUNCTION_WORDS.__contains__, compress(lowered, capitals)))
    return capitalised / content >= 0.7


def mark(line: Line, reason: str) -> None:
    """Make ``line`` furniture for ``reason``, with the block score that reason carries."""
    line.kind = FURNITURE
    line.reason = reason
    line.score = _REASON_SCORES.get(reason, -5.0)


def line_score(line: Line) -> float:
    """What the line adds to (or takes from) the block that contains it."""
    if line.kind == BODY:
        return float(min(line.words, 150))
    if line.kind != FURNITURE:
        return _KIND_SCORES[line.kind]
    return _REASON_SCORES.get(line.reason or "", -5.0)


# Body lines count their words; inline furniture costs nothing, closing furniture a lot.
_KIND_SCORES = {WEAK: 0.0, SHORT: -3.0}
_REASON_SCORES = {**dict.fromkeys(INLINE_REASONS, 0.0), **dict.fromkeys(CLOSING_REASONS, -25.0)}


def sentence_like(text: str) -> bool:
    """True for a line that reads as running text (used by the outlet statistics' safeguard)."""
    return _shape(text, len(text.split())) == BODY
