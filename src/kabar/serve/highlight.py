"""Article text cut into segments at every annotation boundary, for highlighting.

Quotes, actor mentions and event sentences are spans over ``Article.text``. The text is split at
each span's start and end; every segment carries the annotations covering it, and a speaker label
follows each quote. The template writes each segment's text escaped (autoescape), inside fixed
tags, so no article text ever becomes markup.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str  # "event", "quote" or "actor"
    title: str
    href: str | None = None
    ref: str | None = None  # the quote's or event's anchor id


@dataclass(slots=True)
class Segment:
    text: str
    event: Span | None = None
    quote: Span | None = None
    actor: Span | None = None
    speaker: dict[str, Any] | None = None  # a label after a quote: {"name", "href"}


def actor_href(key: str | None) -> str | None:
    return f"/actors/{quote(key, safe='')}" if key else None


def ref_key(ref: dict[str, Any] | None) -> str | None:
    """The actor key (knowledge-base id, else name) of an ``ActorRef`` dict."""
    if not ref:
        return None
    return ref.get("kb_id") or ref.get("name")


def spans(record: dict[str, Any]) -> list[Span]:
    """The highlightable spans of an article record (``Article`` as a dict)."""
    text: str = record.get("text") or ""
    found: list[Span] = []
    for i, event in enumerate(record.get("events") or []):
        found += _valid(text, event, "event", _event_title(event), None, f"e{i}")
    for i, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker")
        title = speaker["name"] if speaker else ""
        found += _valid(text, _locate(text, q), "quote", title, actor_href(ref_key(speaker)), f"q{i}")
    for actor in record.get("actors") or []:
        key = actor.get("kb_id") or actor.get("name")
        for mention in actor.get("mentions") or []:
            title = f"{actor.get('name')} ({actor.get('code')})"
            found += _valid(text, mention, "actor", title, actor_href(key), None)
    return found


def _event_title(event: dict[str, Any]) -> str:
    source = (event.get("source") or {}).get("name") or "?"
    target = (event.get("target") or {}).get("name") or "-"
    return f"{event.get('category')}: {source} → {target}"


def _locate(text: str, q: dict[str, Any]) -> dict[str, Any]:
    """A quote with offsets; quotes stored without them are found by their text."""
    if q.get("start") is not None and q.get("end") is not None:
        return q
    at = text.find(q.get("text") or "\0") if q.get("text") else -1
    return {**q, "start": at, "end": at + len(q["text"])} if at >= 0 else q


def _valid(
    text: str, item: dict[str, Any], kind: str, title: str, href: str | None, ref: str | None
) -> list[Span]:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return []
    return [Span(start, end, kind, title, href, ref)]


def segments(
    text: str, found: list[Span], speakers: dict[str, dict[str, Any]] | None = None
) -> list[Segment]:
    """``text`` cut at every span boundary; ``speakers`` maps a quote ref to its speaker label."""
    cuts = sorted({0, len(text), *(s.start for s in found), *(s.end for s in found)})
    ends: dict[int, list[Span]] = {}
    for span in found:
        if span.kind == "quote":
            ends.setdefault(span.end, []).append(span)
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = [s for s in found if s.start <= left and right <= s.end]
        out.append(
            Segment(
                text[left:right],
                event=_first(covering, "event"),
                quote=_first(covering, "quote"),
                actor=_first(covering, "actor"),
            )
        )
        for span in ends.get(right, []):
            label = (speakers or {}).get(span.ref or "")
            if label:
                out.append(Segment("", speaker=label))
    return out


def _first(covering: list[Span], kind: str) -> Span | None:
    """The innermost span of one kind covering a segment."""
    chosen = [s for s in covering if s.kind == kind]
    return min(chosen, key=lambda s: s.end - s.start) if chosen else None


def highlighted(record: dict[str, Any]) -> list[Segment]:
    """The segments of an article record, with a speaker label after each quote."""
    speakers = {}
    for i, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker")
        if speaker and speaker.get("name"):
            speakers[f"q{i}"] = {"name": speaker["name"], "href": actor_href(ref_key(speaker))}
    return segments(record.get("text") or "", spans(record), speakers)
