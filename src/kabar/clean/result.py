"""What cleaning one document returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from kabar.model import Byline


@dataclass(slots=True)
class CleanResult:
    """The clean body of one page and the metadata found on it.

    Args:
        title: the article's title, when the page shows one.
        text: the clean body, paragraphs joined by a blank line.
        paragraphs: the body's paragraphs (crossheads and list items are paragraphs too).
        pub_date: ISO 8601, a datetime with its offset (``2023-09-14T10:15:00+07:00``) or a
            date (``2024-02-21``) when only the day is known.
        byline: the people credited, with the role the page gives (Penulis, Editor ...).
        outlet: the outlet's canonical domain (``idntimes.com``) or the name given by the caller.
        dateline: the newsroom place the dateline names (``Jakarta``).
        syndicated_from: where the story came from (``Kompas.com``, ``Channel News Asia``, ``BBC``).
        removed: every line left out, with the reason (``credit``, ``related``, ``outside body`` ...).
        notes: why a field is empty or what was odd (``empty body: page is all furniture``).
    """

    title: str | None = None
    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    pub_date: str | None = None
    byline: list[Byline] = field(default_factory=list)
    outlet: str | None = None
    dateline: str | None = None
    syndicated_from: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
