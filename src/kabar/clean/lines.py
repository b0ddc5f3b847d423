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
from dataclasses import dataclass

from kabar.clean.lexicon import FUNCTION_WORDS, FURNITURE_LINES, FURNITURE_PREFIXES, PROMO_ANYWHERE

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
_PREFIX_REASONS = {f"r{i}": reason for i, reason in enumerate(FURNITURE_PREFIXES.values())}
_PROMO = re.compile("|".join(re.escape(phrase) for phrase in PROMO_ANYWHERE))
# "sputnikglobe.com/Artem Geodakyan", "ANTARA FOTO/Aprillio Akbar", "Foto: Istimewa", "Dok. IGI"
_CREDIT = re.compile(
    r"(?:[\w-]+\.)+[a-z]{2,}(?:\.[a-z]{2})?\s*/\s*\S"
    r"|(?i:antara foto|foto|photo|image|gambar|sumber(?: foto)?|ilustrasi|dok|dokumentasi|credit|kredit)"
    r"\s*[:./]"
    r"|(?i:photo|foto|image|picture)s? (?:by|oleh|courtesy)\b"
    r"|[A-Z][A-Z.&' -]{1,30}/\s?[A-Z][\w.'-]+(?:[ -][\w.'-]+){0,4}$"
    r"|(?i:getty images|shutterstock|istimewa|dok\.? pribadi)\b"
)
# a caption's closing credit: "... (AP Photo/Jeffrey T. Barnes)", "...(Dok. IGI)"
_CREDIT_TAIL = re.compile(
    r"\((?:[^()]{0,40}(?i:photo|foto|dok\.?|dokumentasi|istimewa|getty|reuters|afp|ap|antara|shutterstock)"
    r"[^()]{0,40})\)$"
    r"|[^\s(]\([^()]{2,60}\)$"  # a credit glued to its caption: "Raja Ampat(Auriga Nusantara)"
)
_DIGIT = re.compile(r"\d")
_LINKISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^@\w+$", re.IGNORECASE)
_DATEISH = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b|\d{1,2}\s+[A-Za-z]{3,9}\b",
    re.IGNORECASE,
)
_DATE_FILLER = re.compile(
    r"(?i)\b(?:published|updated|posted|diperbarui|dipublikasikan|diterbitkan|terbit|tayang|on|at|pukul|"
    r"wib|wita|wit|am|pm|gmt|utc|edt|est|last|modified|senin|selasa|rabu|kamis|jumat|sabtu|minggu|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago|lalu|jam|menit|hours?|minutes?)\b"
    r"|[\d\W_]+"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


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


def line_key(text: str) -> str:
    """The lexicon key of a line: lower case, single spaces, no trailing ``:``/``|``/``»``."""
    return text.lower().rstrip(" :|»›>-–—•").lstrip(" '\"“‘«").strip()


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of ``raw`` with whitespace normalised; glued furniture split off.

    ``Follow UsPutin Beri Kim ...`` (a footer glued to the next page's title) becomes two lines.
    """
    out: list[Line] = []
    for piece in _drop_zero_width(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        text = " ".join(piece.split())
        if not text:
            continue
        for part in _unglue(text):
            out.append(Line(len(out), part, line_key(part), _word_count(part)))
    return out


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


_GLUED = re.compile(
    r"^(?i:follow us|share|bagikan|kirim komentar|komentar|tags|topics|advertisement|iklan)(?=[A-Z])"
)


def _unglue(text: str) -> list[str]:
    match = _GLUED.match(text)
    if match is None:
        return [text]
    return [text[: match.end()], text[match.end() :]]


def classify(lines: list[Line]) -> None:
    """Set every line's kind, reason and score from its own shape and its repetition.

    Lines with the same key share one verdict, so a menu repeated in header and footer is judged once.
    """
    counts = Counter(line.key for line in lines)
    done: dict[str, Line] = {}
    for line in lines:
        first = done.get(line.key)
        if first is not None:
            line.kind, line.reason, line.score, line.repeats = (
                first.kind,
                first.reason,
                first.score,
                first.repeats,
            )
            continue
        line.repeats = counts[line.key]
        _classify_one(line)
        done[line.key] = line


def _classify_one(line: Line) -> None:
    reason = furniture_reason(line)
    if reason is not None:
        mark(line, reason)
        return
    line.kind = _shape(line.text, line.words)
    if line.repeats > 1 and line.kind != BODY:
        mark(line, "repeated")
        return
    line.score = line_score(line)


def furniture_reason(line: Line) -> str | None:
    """Why a line is furniture by the lexicon or its shape, or ``None``."""
    key = line.key
    reason = FURNITURE_LINES.get(key)
    if reason is not None:
        return reason
    match = _prefix_pattern(key[:1]).match(key)
    if match is not None:
        return _PREFIX_REASONS[match.lastgroup or ""]
    if line.words <= 40 and _PROMO.search(key):
        return "promo"
    if line.words <= 16:
        return _short_furniture(line)
    return None


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a prefix pattern can start with, read off its source; ``None`` when the
    source starts with anything but literal words (then it is tried on every line)."""
    chars: set[str] = set()
    for alternative in _top_level(pattern):
        if alternative.startswith("(?:"):
            inner = _first_chars(alternative[3 : _closing(alternative)])
            if inner is None:
                return None
            chars |= inner
        elif alternative[:1] and alternative[0] not in "\\.[(^$*+?{|":
            chars.add(alternative[0].lower())
        elif alternative.startswith("\\d"):
            chars.update("0123456789")
        else:
            return None
    return chars


def _top_level(pattern: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _closing(text: str) -> int:
    """Index of the parenthesis closing the group that opens ``text``."""
    depth, i = 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 1
        elif text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def _prefix_table() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str]]:
    """One regex per first character of a line's key, holding only the prefix patterns that can
    start with it (plus those that can start with anything): a line is tried against a handful
    of patterns instead of all of them."""
    named = {f"r{i}": pattern for i, pattern in enumerate(FURNITURE_PREFIXES)}
    firsts = {name: _first_chars(pattern) for name, pattern in named.items()}
    anywhere = [name for name, chars in firsts.items() if chars is None]

    def build(names: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?P<{n}>{named[n]})" for n in names) or "(?!)", re.IGNORECASE)

    table: dict[str, re.Pattern[str]] = {}
    for ch in {c for chars in firsts.values() if chars for c in chars}:
        table[ch] = build([n for n in named if n in anywhere or ch in (firsts[n] or ())])
    return table, build(anywhere)


_PREFIX_BY_CHAR, _PREFIX_ANY = _prefix_table()


def _prefix_pattern(first: str) -> re.Pattern[str]:
    return _PREFIX_BY_CHAR.get(first, _PREFIX_ANY)


def _short_furniture(line: Line) -> str | None:
    text = line.text
    if not text.endswith(".") and (_CREDIT.match(text) or (text.endswith(")") and _CREDIT_TAIL.search(text))):
        return "credit"
    if line.words == 1 and _LINKISH.match(text):
        return "link"
    if line.words <= 8 and ("http://" in text or "https://" in text):
        return "url"
    if line.words <= 12 and _DIGIT.search(text) and _DATEISH.search(text) and _is_date_only(text):
        return "date"
    return None


def _is_date_only(text: str) -> bool:
    """A line that is only a date and time (``PUBLISHED: November 19, 2019 at 8:59 pm``)."""
    rest = _DATE_FILLER.sub(" ", text)
    words = [w for w in rest.split() if w.lower().rstrip(".") not in _MONTH_WORDS]
    return not words


def _month_words() -> frozenset[str]:
    from kabar.dates import MONTHS

    return frozenset(MONTHS)


_MONTH_WORDS = _month_words()


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
    tokens = _WORD.findall(text)
    if not tokens:
        return SHORT
    function = capitalised = 0
    for token in tokens:
        if token.lower() in FUNCTION_WORDS:
            function += 1
        elif token[0].isupper():
            capitalised += 1
    content = len(tokens) - function
    if content and capitalised / content >= 0.7 and words <= 25 and not text.isupper():
        return SHORT  # Title Case: a headline, a menu entry, a crosshead
    if text.endswith(("...", "…")) or (text[-1] in ")]" and _COUNTER_END.search(text[-24:])):
        return WEAK  # a truncated teaser, or a headline with its comment count
    if text[-1] in _TERMINAL or (words >= 40 and function >= 3):
        return BODY  # no headline runs to forty words, finished or not
    if words >= 15 and function >= 2:
        return WEAK
    return SHORT


def mark(line: Line, reason: str) -> None:
    """Make ``line`` furniture for ``reason``, with the block score that reason carries."""
    line.kind = FURNITURE
    line.reason = reason
    line.score = line_score(line)


def line_score(line: Line) -> float:
    """What the line adds to (or takes from) the block that contains it."""
    if line.kind == BODY:
        return float(min(line.words, 150))
    if line.kind == WEAK:
        return 0.0
    if line.kind == SHORT:
        return -3.0
    if line.reason in INLINE_REASONS:
        return 0.0
    if line.reason in CLOSING_REASONS:
        return -25.0
    return -5.0


def sentence_like(text: str) -> bool:
    """True for a line that reads as running text (used by the outlet statistics' safeguard)."""
    return _shape(text, len(text.split())) == BODY
