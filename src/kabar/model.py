"""The document model every stage reads and writes.

A :class:`SourceDocument` is what ingestion produced from one input (a text dump, an HTML page, a
WARC record, a JSONL line). The pipeline turns it into an :class:`Article`: clean text plus the
annotations of every stage. Offsets (``start``/``end``) always index into ``Article.text``.

One JSON serialisation is used everywhere (analyze output, store, API): :func:`to_dict` and the
``from_dict`` class methods.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

SourceKind = Literal["text", "html"]
QuoteKind = Literal["direct", "indirect"]
EventStatus = Literal["fact", "alleged", "intent", "negated"]
DatePrecision = Literal["day", "month", "year"]

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def content_hash(raw: str) -> str:
    """The content hash that identifies a document's raw content (sha256 of its UTF-8 bytes)."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class SourceDocument:
    """One input document as ingestion read it, before any cleaning."""

    id: str
    origin: str
    raw: str
    kind: SourceKind = "text"
    url: str | None = None
    outlet: str | None = None
    pub_date: str | None = None
    title: str | None = None
    flags: list[str] = field(default_factory=list)
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.raw)


@dataclass(slots=True)
class SkippedInput:
    """An input that was not processed, and why. Every input ends up processed or skipped."""

    origin: str
    reason: str
    id: str | None = None


@dataclass(slots=True)
class Entity:
    """A named-entity span found by the NER (label PER, ORG, LOC, ...)."""

    text: str
    label: str
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """Where an actor is named (or referred to) in the article text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ActorRef:
    """An actor as quotes and events refer to it: the spec's ``{name, code}`` plus its links."""

    name: str
    code: str
    actor: str | None = None  # id of the Actor in the same article
    kb_id: str | None = None  # knowledge-base entry, when linked
    qid: str | None = None  # Wikidata id, when known


@dataclass(slots=True)
class Actor:
    """A person, organisation or country acting, speaking or acted on in one article."""

    id: str
    name: str
    code: str
    kb_id: str | None = None
    qid: str | None = None
    kind: str | None = None  # person, country, organisation, role
    mentions: list[Mention] = field(default_factory=list)

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.code, self.id, self.kb_id, self.qid)


@dataclass(slots=True)
class Quote:
    """A statement the article attributes to someone (see the output contract)."""

    text: str
    kind: QuoteKind
    speaker: ActorRef | None
    cue: str | None
    via: str | None = None
    date: str | None = None
    start: int | None = None
    end: int | None = None
    canonical: str | None = None  # id of the canonical quote across articles


@dataclass(slots=True)
class Event:
    """Who did what to whom and when, coded with a PLOVER root category."""

    source: ActorRef | None
    target: ActorRef | None
    category: str
    mode: str | None
    date: str | None
    date_precision: DatePrecision | None
    status: EventStatus
    sentence: str
    start: int | None = None
    end: int | None = None
    date_is_publication: bool = False
    confidence: float = 0.0
    canonical: str | None = None  # id of the cross-article event


@dataclass(slots=True)
class Byline:
    """A person credited on the article, with the role the page gives (Penulis, Editor ...)."""

    name: str
    role: str | None = None


@dataclass(slots=True)
class Article:
    """A source document after the pipeline: clean text, metadata and every stage's annotations."""

    id: str
    origin: str
    hash: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    pub_date: str | None = None
    byline: list[Byline] = field(default_factory=list)
    dateline: str | None = None
    syndicated_from: str | None = None
    language: str | None = None
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    duplicate_of: str | None = None
    story: str | None = None
    thread: str | None = None
    notes: list[str] = field(default_factory=list)  # why a field is empty, flags from ingestion

    @classmethod
    def from_source(cls, doc: SourceDocument) -> Article:
        """A fresh article that carries the source's identity and metadata, nothing extracted yet."""
        return cls(
            id=doc.id, origin=doc.origin, hash=doc.hash, url=doc.url, outlet=doc.outlet,
            title=doc.title, pub_date=doc.pub_date, notes=list(doc.flags),
        )  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :func:`to_dict` output."""
        values = {f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data}
        values["byline"] = [Byline(**b) for b in data.get("byline") or []]
        values["entities"] = [Entity(**e) for e in data.get("entities") or []]
        values["actors"] = [_actor_from_dict(a) for a in data.get("actors") or []]
        values["quotes"] = [_quote_from_dict(q) for q in data.get("quotes") or []]
        values["events"] = [_event_from_dict(e) for e in data.get("events") or []]
        return cls(**values)


def _ref(data: dict[str, Any] | None) -> ActorRef | None:
    return ActorRef(**data) if data else None


def _actor_from_dict(data: dict[str, Any]) -> Actor:
    mentions = [Mention(**m) for m in data.get("mentions") or []]
    return Actor(**{**data, "mentions": mentions})


def _quote_from_dict(data: dict[str, Any]) -> Quote:
    return Quote(**{**data, "speaker": _ref(data.get("speaker"))})


def _event_from_dict(data: dict[str, Any]) -> Event:
    return Event(**{**data, "source": _ref(data.get("source")), "target": _ref(data.get("target"))})


def to_dict(record: Any) -> dict[str, Any]:
    """The JSON-ready form of any model record."""
    return dataclasses.asdict(record)


def to_json(record: Any) -> str:
    """One line of JSON for a model record (UTF-8 text kept as is)."""
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))
