"""Cleaning: page furniture out, article body and metadata in.

* :func:`clean_dump` cleans one text dump with no DOM (lexicon, line shapes, densest block).
* :func:`clean_html` runs trafilatura on an HTML page, then the same line cleaner.
* :class:`OutletBoilerplate` is the **corpus-level** part: lines an outlet repeats across its
  documents, learned with :meth:`OutletBoilerplate.observe` before cleaning.
* :func:`clean_source` / :func:`observe_source` do either for a :class:`~kabar.model.SourceDocument`.

Requires a source's ``raw`` (and ``kind``, ``url``, ``outlet``, ``title`` when known); assigns an
article's ``text``, ``paragraphs``, ``title``, ``pub_date``, ``byline``, ``outlet``, ``dateline``,
``syndicated_from`` and ``notes``.
"""

from __future__ import annotations

from kabar.clean.boilerplate import OutletBoilerplate
from kabar.clean.dump import clean_dump
from kabar.clean.html import clean_html, html_lines
from kabar.clean.outlets import detect_outlet, host_outlet, outlet_display_name
from kabar.clean.result import CleanResult
from kabar.model import SourceDocument

__all__ = [
    "CleanResult", "OutletBoilerplate", "clean_dump", "clean_html", "clean_source", "detect_outlet",
    "host_outlet", "observe_source", "outlet_display_name", "source_outlet",
]  # fmt: skip


def source_outlet(source: SourceDocument) -> str | None:
    """The outlet key a source is cleaned and counted under (given, URL host, or detected)."""
    if source.outlet:
        return source.outlet
    if source.kind == "html":
        return host_outlet(source.url)
    return detect_outlet(source.raw.splitlines()[:400], source.url)


def clean_source(source: SourceDocument, boilerplate: OutletBoilerplate | None = None) -> CleanResult:
    """Clean a source document by its kind (``text`` dump or ``html``)."""
    outlet = source_outlet(source)
    if source.kind == "html":
        return clean_html(source.raw, url=source.url, outlet=outlet, boilerplate=boilerplate)
    return clean_dump(source.raw, url=source.url, outlet=outlet, title=source.title, boilerplate=boilerplate)


def observe_source(boilerplate: OutletBoilerplate, source: SourceDocument) -> None:
    """Count a source's lines under its outlet (no-op when the outlet is unknown)."""
    outlet = source_outlet(source)
    if outlet is None:
        return
    if source.kind == "html":
        boilerplate.observe_lines(outlet, html_lines(source.raw))
    else:
        boilerplate.observe(outlet, source.raw)
