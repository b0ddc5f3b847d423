"""HTML pages: trafilatura finds the main text in the DOM, then the line cleaner finishes it.

trafilatura runs without comments, with metadata (title, date, author, sitename), in a worker
process with a per-page time limit: a pathological page is abandoned (its worker killed and
replaced) instead of hanging the batch. Its output goes through the same line cleaner as text
dumps, so HTML pages get the lexicon and the per-outlet learning too.

trafilatura's balanced mode is the default: the line cleaner supplies the precision, and on the
development pages balanced + cleaner beats precision-favoured + cleaner (F1 0.967 against 0.964,
``benchmarks/extraction.py``); ``favor_precision=True`` is there for callers without the cleaner.
"""

from __future__ import annotations

import multiprocessing
import re
import threading
from multiprocessing.connection import Connection
from typing import Any

from kabar.clean.boilerplate import OutletBoilerplate
from kabar.clean.dump import WIB, clean_lines, indonesian
from kabar.clean.lines import split_lines
from kabar.clean.outlets import detect_outlet, host_outlet, outlet_from_name
from kabar.clean.result import CleanResult
from kabar.dates import parse_pub_date
from kabar.model import Byline

__all__ = ["clean_html", "extract_main", "html_lines"]

_BLOCK_TAGS = re.compile(
    r"(?i)<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|"
    r"blockquote|figure|figcaption|dd|dt|dl|pre|main|form|option|select|button|title)\b[^>]*>"
)
_DROP = re.compile(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->")
_TAGS = re.compile(r"<[^>]{0,2000}>")


def clean_html(
    html: str, *, url: str | None = None, outlet: str | None = None,
    boilerplate: OutletBoilerplate | None = None, timeout_s: float = 10.0, favor_precision: bool = False,
) -> CleanResult:  # fmt: skip
    """Clean one HTML page: trafilatura's main text, finished by the line cleaner.

    Args:
        html: the page's markup (decoded text).
        url: the page's address (outlet, and helps trafilatura).
        outlet: the outlet key if known; else the URL host, trafilatura's sitename or a signature.
        boilerplate: per-outlet statistics, applied to trafilatura's lines.
        timeout_s: seconds trafilatura may spend on the page; ``0`` runs it in this process
            with no limit (faster for trusted input).
        favor_precision: run trafilatura precision-favoured (it then drops more real text).

    Returns:
        CleanResult: as :func:`kabar.clean.clean_dump`; trafilatura's metadata is preferred,
        the dump cleaner's own findings fill the gaps. On a timeout the body is empty and a
        note says so.
    """
    extracted = extract_main(html, url=url, timeout_s=timeout_s, favor_precision=favor_precision)
    if extracted is None:
        result = CleanResult(outlet=outlet or host_outlet(url))
        result.notes.append(f"html extraction failed or exceeded {timeout_s:g} s")
        return result
    text = extracted.get("text") or ""
    lines = split_lines(text)
    outlet = (
        outlet or host_outlet(url) or _sitename_outlet(extracted) or detect_outlet([ln.text for ln in lines])
    )
    result = clean_lines(
        lines, url=url, outlet=outlet, title=extracted.get("title"), boilerplate=boilerplate, tolerant=True
    )
    _merge_metadata(result, extracted)
    if not result.paragraphs and "empty body" not in " ".join(result.notes):
        result.notes.append("empty body: no main text found in the page")
    return result


def _sitename_outlet(extracted: dict[str, Any]) -> str | None:
    sitename = extracted.get("sitename")
    return outlet_from_name(sitename) if sitename else None


def _merge_metadata(result: CleanResult, extracted: dict[str, Any]) -> None:
    date_text = extracted.get("date")
    found = (
        parse_pub_date(date_text, default_tz=WIB if indonesian(result.text, result.outlet) else None)
        if date_text
        else None
    )
    if found and not (result.pub_date and result.pub_date.startswith(found)):
        result.pub_date = found  # trafilatura's date, unless the text gives the same day more precisely
    author = extracted.get("author")
    if author and not result.byline:
        names = [n.strip() for n in re.split(r"[;|,]", author) if n.strip()]
        result.byline = [Byline(n, None) for n in names if not _site_account(n, result.outlet)]


def _site_account(author: str, outlet: str | None) -> bool:
    """An author field that names the site's own account ("mediaindonesia.com Developer")."""
    lowered = author.lower()
    if any(word in lowered for word in ("developer", "admin", "webmaster", "administrator")):
        return True
    return outlet is not None and outlet.split(".")[0] in lowered.replace(" ", "")


def extract_main(
    html: str, *, url: str | None = None, timeout_s: float = 10.0, favor_precision: bool = False
) -> dict[str, Any] | None:
    """trafilatura's main text and metadata as a dict (``text``, ``title``, ``date``, ``author``,
    ``sitename``), or ``None`` when it found nothing, failed, or ran out of time."""
    if timeout_s <= 0:
        return _extract(html, url, favor_precision)
    return _RUNNER.run(html, url, favor_precision, timeout_s)


def _extract(html: str, url: str | None, favor_precision: bool) -> dict[str, Any] | None:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, favor_precision=favor_precision, include_comments=False, with_metadata=True,
        include_tables=True, deduplicate=False,
    )  # fmt: skip
    if document is None:
        return None
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return {key: data.get(key) for key in ("text", "title", "date", "author", "sitename")}


class _Runner:
    """One long-lived worker process running trafilatura, replaced when a page times out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def run(
        self, html: str, url: str | None, favor_precision: bool, timeout_s: float
    ) -> dict[str, Any] | None:
        with self._lock:
            conn = self._ensure()
            try:
                conn.send((html, url, favor_precision))
                if not conn.poll(timeout_s):
                    self._kill()
                    return None
                ok, payload = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._kill()
                return None
            return payload if ok else None

    def _ensure(self) -> Connection:
        if self._process is None or not self._process.is_alive() or self._conn is None:
            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe()
            self._process = context.Process(target=_serve, args=(child,), daemon=True)
            self._process.start()
            child.close()
            self._conn = parent
        return self._conn

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None


def _serve(conn: Connection) -> None:
    """The worker loop: read ``(html, url, favor_precision)``, answer ``(ok, result)``, until the
    pipe closes."""
    while True:
        try:
            html, url, favor_precision = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send((True, _extract(html, url, favor_precision)))
        except Exception as exc:  # a page that breaks trafilatura must not end the worker
            conn.send((False, repr(exc)))


_RUNNER = _Runner()


def html_lines(html: str) -> list[str]:
    """A page's visible text as lines, the way a naive scraper would dump it (cheap, no DOM).

    Used to count an HTML page's lines for the per-outlet statistics without running trafilatura.
    """
    text = _TAGS.sub(" ", _BLOCK_TAGS.sub("\n", _DROP.sub(" ", html)))
    from html import unescape

    return [line for line in (" ".join(piece.split()) for piece in unescape(text).split("\n")) if line]
