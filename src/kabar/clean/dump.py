"""The text-dump cleaner: one page's text, no DOM, body and metadata out.

The cascade (numbers match the comments in :func:`clean_dump`):

1. split into lines, normalise spacing, split footers glued to the next line;
2. classify every line (lexicon, credit/link/date shapes, sentence-likeness, repetition,
   bylines, the outlet's learned boilerplate) and score it;
3. find the densest block: the run of lines with the largest total score (linear time);
4. find the title near the block's top and drop it wherever it repeats, then re-run 3;
5. keep the block's body, crossheads and list items; drop its furniture;
6. read the metadata: dateline, bylines, publication date, syndication source.
"""

from __future__ import annotations

import re

from kabar.clean.boilerplate import OutletBoilerplate
from kabar.clean.lexicon import BYLINE_ROLES
from kabar.clean.lines import (
    BODY,
    FURNITURE,
    SHORT,
    Line,
    classify,
    headline_like,
    line_key,
    mark,
    split_lines,
)
from kabar.clean.metadata import (
    find_bylines,
    find_dateline,
    find_pub_date,
    find_syndication,
    find_title,
    parse_byline,
    signed_byline,
)  # fmt: skip
from kabar.clean.outlets import dateline_parts, detect_outlet
from kabar.clean.result import CleanResult

__all__ = ["clean_dump", "clean_lines"]

_LIST_ITEM = re.compile(r"^(?:[-•*·▪►–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|[^:]{1,40}:\s*\S)")
_ID_WORDS = re.compile(r"\b(?:yang|dan|di|dengan|untuk|dari|pada|ini|itu)\b")
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|with|for|from|that|is)\b")
WIB = "+07:00"
_MIN_BODY_BEFORE_COMMENTS = 60
_COMMENT_MARKER_GAP = 10
_ROLE_STARTS = tuple(BYLINE_ROLES)
_CAPTION_WINDOW = 8
# Site furniture is on (nearly) every page of an outlet; a story's headline, repeated in other
# stories' related lists, on fewer of them.
_HEADLINE_SHARE = 0.6


def clean_dump(
    raw: str, *, url: str | None = None, outlet: str | None = None, title: str | None = None,
    boilerplate: OutletBoilerplate | None = None,
) -> CleanResult:  # fmt: skip
    """Clean one page's text dump: the article body without the page's furniture, plus metadata.

    Args:
        raw: the page as text, one block per line (a scraper's dump, not HTML).
        url: the page's address; gives the outlet, a date and title words when present.
        outlet: the outlet key (canonical domain) if the caller knows it; else it is detected.
        title: the title if the caller knows it; it is then removed wherever it repeats.
        boilerplate: per-outlet statistics; lines it knows as the outlet's furniture go.

    Returns:
        CleanResult: body paragraphs, title, date, bylines, outlet, dateline, syndication
        source, every removed line with its reason, and notes.
    """
    # 1. lines
    lines = split_lines(raw)
    outlet = outlet or detect_outlet([line.text for line in lines], url, keys=[line.key for line in lines])
    return clean_lines(lines, url=url, outlet=outlet, title=title, boilerplate=boilerplate)


def clean_lines(
    lines: list[Line], *, url: str | None, outlet: str | None, title: str | None,
    boilerplate: OutletBoilerplate | None, tolerant: bool = False,
) -> CleanResult:  # fmt: skip
    """Steps 2-6 of :func:`clean_dump` on lines already split.

    ``tolerant`` is for text an extractor already trimmed (HTML through trafilatura): every
    line that is not furniture is kept instead of only the densest block.
    """
    result = CleanResult(outlet=outlet)
    if not lines:
        result.notes.append("empty input")
        return result
    # 2. classify
    classify(lines)
    if tolerant:
        _forgive(lines)
    _mark_bylines(lines)
    headlines = frozenset[int]()
    if boilerplate is not None and outlet:
        headlines = _mark_learned(lines, boilerplate, outlet)
    # 3. densest block
    block = _block(lines, tolerant)
    if block is None:
        return _empty(result, lines)
    # 4. title, then the block again without it
    title_text = title or _title_text(lines, block[0], url, headlines)
    if title_text:
        result.title = title_text
        _mark_title(lines, title_text)
        block = _block(lines, tolerant)
        if block is None:
            return _empty(result, lines)
    start, end = block
    end = _extend_list(lines, end)
    _mark_captions(lines, start, end)
    # 5. body
    kept = _body_lines(lines, start, end, extracted=tolerant)
    result.paragraphs = [line.text for line in kept]
    result.text = "\n\n".join(result.paragraphs)
    kept_ids = {line.index for line in kept}
    result.removed = [
        (line.text, line.reason or ("repeated" if start <= line.index <= end else "outside body"))
        for line in lines
        if line.index not in kept_ids
    ]
    # 6. metadata
    _metadata(result, lines, start, end, url)
    return result


# Reasons an extractor's output is not second-guessed for: it already chose these lines from the
# DOM, and repeated list items, tables, tweets and addresses there are usually the article's own.
_TRUSTED_IN_EXTRACTS = frozenset({"repeated", "link"})


def _forgive(lines: list[Line]) -> None:
    for line in lines:
        if line.reason in _TRUSTED_IN_EXTRACTS:
            line.kind, line.reason = SHORT, None


def _block(lines: list[Line], tolerant: bool) -> tuple[int, int] | None:
    if tolerant:
        kept = [line.index for line in lines if line.kind != FURNITURE]
        return (kept[0], kept[-1]) if kept else None
    return densest_block([line.score for line in lines[: _comments_start(lines)]])


def _comments_start(lines: list[Line]) -> int:
    """Where the comment section starts: the first of two nearby comment markers after some body
    text ("34 responses to ...", "joe says:"; "Kirim Komentar", "Isi komentar ...").

    Comments come after the article they discuss, and long ones read like body text, so
    nothing after that point may be the article. A lone "Comments" link near the top is no section.
    """
    markers = [line.index for line in lines if line.reason == "comment"]
    if len(markers) < 2:
        return len(lines)  # a section needs two markers
    body_words, next_marker = 0, 0
    for line in lines:
        if line.kind == BODY:
            body_words += line.words
        elif line.reason == "comment":
            next_marker += 1
            near = next_marker < len(markers) and markers[next_marker] - line.index <= _COMMENT_MARKER_GAP
            if near and body_words >= _MIN_BODY_BEFORE_COMMENTS:
                return line.index
    return len(lines)


def densest_block(scores: list[float]) -> tuple[int, int] | None:
    """``(start, end)`` (inclusive) of the run with the largest positive total, or ``None``."""
    best, best_span = 0.0, None
    running, run_start = 0.0, 0
    for i, score in enumerate(scores):
        if running <= 0:
            running, run_start = score, i
        else:
            running += score
        if running > best:
            best, best_span = running, (run_start, i)
    return best_span


def _empty(result: CleanResult, lines: list[Line]) -> CleanResult:
    result.notes.append("empty body: page is all furniture")
    result.removed = [(line.text, line.reason or "no body") for line in lines]
    return result


def _mark_bylines(lines: list[Line]) -> None:
    for line in lines:
        if line.words > 12 or line.kind == BODY or line.reason is not None:
            continue
        with_role = line.key.startswith(_ROLE_STARTS) and bool(parse_byline(line.text))
        if with_role or (line.words <= 8 and " - " in line.text and signed_byline(line.text) is not None):
            mark(line, "byline")


def _mark_learned(lines: list[Line], boilerplate: OutletBoilerplate, outlet: str) -> frozenset[int]:
    """Mark the outlet's learned boilerplate; return the lines among it that the outlet shows on
    only some of its pages (headlines of related lists, which may be this page's own title)."""
    headlines: set[int] = set()
    for line in lines:
        if line.kind != FURNITURE and boilerplate.is_boilerplate(outlet, line.text):
            mark(line, "outlet")
            if boilerplate.share(outlet, line.text) < _HEADLINE_SHARE:
                headlines.add(line.index)
    return frozenset(headlines)


def _title_text(lines: list[Line], start: int, url: str | None, headlines: frozenset[int]) -> str | None:
    line = find_title(lines, start, url, headlines)
    return line.text if line is not None else None


def _mark_title(lines: list[Line], title: str) -> None:
    key = line_key(" ".join(title.split()))
    for line in lines:
        if line.key == key:
            mark(line, "title")


def _mark_captions(lines: list[Line], start: int, end: int) -> None:
    """The photo's caption, where the block opens with it: a line next to a photo credit above the
    dateline that starts the article ("Presiden ... meninjau Kosmodrom Vostochny, Rabu (13/9/2023).")."""
    for line in lines[start : min(start + _CAPTION_WINDOW, end + 1)]:
        if line.kind == BODY and dateline_parts(line.text) is not None:
            break
    else:
        return
    for caption in lines[start : line.index]:
        if caption.kind != FURNITURE and _next_to_credit(lines, caption.index):
            mark(caption, "credit")


def _next_to_credit(lines: list[Line], i: int) -> bool:
    return any(lines[j].reason == "credit" for j in (i - 1, i + 1) if 0 <= j < len(lines))


def _extend_list(lines: list[Line], end: int) -> int:
    """Carry the block's end over a list that closes the article: items that share a shape
    ("Skor: 3,35" lines, "June 9 – West Palm Beach, FL @ ..."), optionally under one heading."""
    first = end + 1
    if first < len(lines) and lines[first].kind == SHORT and _list_shape(lines[first].text) is None:
        first += 1  # the list's heading ("The Doobie Brothers Tour Dates")
    shape = _list_shape(lines[first].text) if first < len(lines) and lines[first].kind == SHORT else None
    if shape is None:
        return end
    last = first
    while (
        last + 1 < len(lines) and lines[last + 1].kind == SHORT and _list_shape(lines[last + 1].text) == shape
    ):
        last += 1
    return last if last - first >= 2 or _LIST_ITEM.match(lines[first].text) else end


_SEPARATORS = (" – ", " - ", ": ", " @ ", " | ", " — ")


def _list_shape(text: str) -> tuple[str, tuple[bool, ...]] | None:
    """What list items of one list share: how they start and which separators they use.
    ``None`` for a line with neither digits nor separators (menus look like that)."""
    separators = tuple(sep in text for sep in _SEPARATORS)
    has_digit = any(ch.isdigit() for ch in text[:40])
    if not (has_digit or any(separators)) and not _LIST_ITEM.match(text):
        return None
    head = text.split(" ", 1)[0]
    start = "digit" if head[:1].isdigit() else ("bullet" if not head[:1].isalnum() else "word")
    return start, separators


def _body_lines(lines: list[Line], start: int, end: int, *, extracted: bool) -> list[Line]:
    kept: list[Line] = []
    seen: set[str] = set()
    for line in lines[start : end + 1]:
        if line.kind == FURNITURE or (line.key in seen and not extracted):
            continue
        seen.add(line.key)
        kept.append(line)
    _drop_link_runs(kept, bulleted_only=extracted)
    return [line for line in kept if line.kind != FURNITURE]


def _drop_link_runs(kept: list[Line], *, bulleted_only: bool) -> None:
    """Two or more headline-like lines in a row inside the body are related links, not crossheads.

    In an extractor's output only bulleted runs count (a list of links it took for content).
    """
    run: list[Line] = []
    for line in kept:
        if _link_like(line, bulleted_only):
            run.append(line)
            continue
        _mark_run(run)
        run = []
    _mark_run(run)


def _link_like(line: Line, bulleted_only: bool) -> bool:
    if line.kind != SHORT or line.words < 4 or not headline_like(line.text):
        return False
    return not bulleted_only or line.text.startswith(("- ", "• ", "* "))


def _mark_run(run: list[Line]) -> None:
    if len(run) >= 2:
        for item in run:
            mark(item, "related")


def _metadata(result: CleanResult, lines: list[Line], start: int, end: int, url: str | None) -> None:
    first = result.paragraphs[0] if result.paragraphs else ""
    place, dateline_outlet = find_dateline(first)
    result.dateline = place
    result.outlet = result.outlet or dateline_outlet
    result.byline = find_bylines(lines, start, end)
    pub_date = find_pub_date(lines, start, result.text, url, WIB, result.title)
    if pub_date and pub_date.endswith(WIB) and not indonesian(result.text, result.outlet):
        # the zone only fills in an unzoned time, so the language is read only when it does
        pub_date = find_pub_date(lines, start, result.text, url, None, result.title)
    result.pub_date = pub_date
    result.syndicated_from = find_syndication(result.removed, result.text)


def indonesian(text: str, outlet: str | None) -> bool:
    """Whether a text (or its outlet) is Indonesian, so unzoned times are WIB."""
    if outlet and (outlet.endswith(".id") or outlet in _INDONESIAN_OUTLETS):
        return True
    sample = text[:2000].lower()
    return len(_ID_WORDS.findall(sample)) > len(_EN_WORDS.findall(sample))


def _indonesian_outlets() -> frozenset[str]:
    from kabar.clean.lexicon import OUTLET_NAMES

    return frozenset(OUTLET_NAMES.values())


_INDONESIAN_OUTLETS = _indonesian_outlets()
