"""The pipeline: ``ingest → clean → language → actors → quotes → events → dedup → stories → store``.

Document-level stages (clean to events) see one document at a time and may run in worker
processes. Corpus-level stages (the per-outlet boilerplate statistics that cleaning reads, dedup
and story clustering) keep state across documents and run in the calling process, in input order.

:func:`analyze` is the library entry point behind ``kabar analyze``; ``kabar ingest`` uses the
same :class:`Pipeline` with a store behind it.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kabar import actors, clean, dedup, events, language, quotes, stories
from kabar.config import Limits, default_user_actors_path
from kabar.ingest import Item, read_inputs
from kabar.model import Article, SkippedInput, SourceDocument
from kabar.store import Store

__all__ = ["Pipeline", "RunReport", "analyze", "ingest", "learn_boilerplate", "process_document"]


@dataclass(slots=True)
class Work:
    """One document on its way through the document-level stages."""

    source: SourceDocument
    article: Article
    analysis: Any = None  # the language layer's sentences and tokens, for the stages after it


DocumentStage = Callable[[Work, "clean.OutletBoilerplate | None"], None]


def _clean(work: Work, boilerplate: clean.OutletBoilerplate | None) -> None:
    source, article = work.source, work.article
    result = clean.clean_source(source, boilerplate)
    article.title = source.title or result.title
    article.text = result.text
    article.paragraphs = result.paragraphs
    article.pub_date = source.pub_date or result.pub_date
    article.byline = result.byline
    article.outlet = source.outlet or result.outlet
    article.dateline = result.dateline
    article.syndicated_from = result.syndicated_from
    article.notes.extend(result.notes)


def _language(work: Work, _: object) -> None:
    if not work.article.text:
        return
    work.analysis = language.analyze_text(work.article.text)
    work.article.language = work.analysis.language
    work.article.entities = list(work.analysis.entities)


def _actors(work: Work, _: object) -> None:
    article = work.article
    if not article.text:
        return
    sentences = [(s.start, s.end) for s in work.analysis.sentences] if work.analysis else None
    kb = actors.load_kb(default_user_actors_path())  # cached until the user file changes
    article.actors = actors.link_actors(
        article.text, pub_date=article.pub_date, entities=article.entities, sentences=sentences, kb=kb
    )


def _quotes(work: Work, _: object) -> None:
    work.article.quotes = quotes.extract_quotes(work.article, work.analysis)


def _events(work: Work, _: object) -> None:
    work.article.events = events.extract_events(work.article, work.analysis)


DOCUMENT_STAGES: list[tuple[str, DocumentStage]] = [
    ("clean", _clean), ("language", _language), ("actors", _actors),
    ("quotes", _quotes), ("events", _events),
]  # fmt: skip


def process_document(source: SourceDocument, boilerplate: clean.OutletBoilerplate | None = None) -> Article:
    """Run the document-level stages on one source document."""
    work = Work(source, Article.from_source(source))
    for _, stage in DOCUMENT_STAGES:
        stage(work, boilerplate)
    return work.article


@dataclass(slots=True)
class RunReport:
    """What a run did: every input is counted as processed or skipped (with its reason)."""

    processed: int = 0
    duplicates: int = 0
    unchanged: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "processed": self.processed, "duplicates": self.duplicates, "unchanged": self.unchanged,
            "skipped": len(self.skipped), "seconds": round(self.seconds, 3),
            "skips": [{"origin": s.origin, "id": s.id, "reason": s.reason} for s in self.skipped],
        }  # fmt: skip

    def summary(self) -> str:
        parts = [
            f"{self.processed} processed",
            f"{len(self.skipped)} skipped",
            f"{self.duplicates} duplicates",
        ]
        if self.unchanged:
            parts.insert(1, f"{self.unchanged} already stored")
        return ", ".join(parts) + f" in {self.seconds:.1f} s"


class Pipeline:
    """The stages with their corpus-level state. Use as a context manager (it may own a process pool).

    Args:
        boilerplate: per-outlet line statistics the cleaner applies (learned beforehand).
        conn: a store connection that dedup and story state live in; ``None`` keeps them in memory.
        workers: processes for the document-level stages (1 runs them inline).
    """

    def __init__(
        self, *, boilerplate: clean.OutletBoilerplate | None = None,
        conn: sqlite3.Connection | None = None, workers: int = 1,
    ) -> None:  # fmt: skip
        self.boilerplate = boilerplate
        self.duplicates = dedup.DuplicateIndex(conn)
        self.stories = stories.StoryIndex(conn)
        self.quotes = quotes.QuoteIndex(conn) if conn is not None else None
        self.events = events.EventIndex(conn) if conn is not None else None
        self.relinked: dict[str, str] = {}  # stored article id -> its new original
        self.workers = max(1, workers)
        self._pool: Any = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        self.stories.close()

    def flush(self) -> None:
        """Write the corpus stages' pending state (call inside the store transaction of a batch)."""
        self.stories.flush()

    def processed(
        self, batches: Iterable[list[SourceDocument]]
    ) -> Iterator[tuple[list[SourceDocument], list[Article]]]:
        """Each batch with its articles (document-level stages), in input order. With a pool, the
        next batch's document stages run while the caller does the corpus stages of this one."""
        if self.workers == 1:
            for batch in batches:
                yield batch, [_safe_process(source, self.boilerplate) for source in batch]
            return
        pending: deque[tuple[list[SourceDocument], Any]] = deque()
        for batch in batches:
            pending.append((batch, self._start_pool().map_async(_worker_process, batch, chunksize=4)))
            if len(pending) > 1:
                done, result = pending.popleft()
                yield done, result.get()
        while pending:
            done, result = pending.popleft()
            yield done, result.get()

    def _start_pool(self) -> Any:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.workers, initializer=_init_worker, initargs=(self.boilerplate,))
        return self._pool

    def corpus(self, article: Article) -> Article:
        """Corpus-level stages on one processed article: dedup, stories, then the cross-article
        quote and event indexes (kept only with a store)."""
        if not article.text:
            return article
        match = self.duplicates.add(article)
        copies_story = None
        if match is not None:
            article.duplicate_of = match.duplicate_of
            self.relinked.update(dict.fromkeys(match.relinked, article.id))
            copies_story = self.stories.story_of(match.matched)  # copies always share a story
        article.story = self.stories.assign(article, story=copies_story)
        article.thread = self.stories.thread_of(article.story)
        if self.quotes is not None:
            self.quotes.add(article)
        if self.events is not None:
            self.events.add(article)
        return article

    def take_relinked(self) -> dict[str, str]:
        """Earlier-stored articles whose original changed since the last call (id -> original)."""
        relinked, self.relinked = self.relinked, {}
        return relinked

    def run(self, items: Iterable[Item], report: RunReport, batch_size: int = 64) -> Iterator[Article]:
        """Process sources in bounded batches, account for skips in ``report``, yield articles."""
        started = time.perf_counter()
        for _, articles in self.processed(batches(items, report, batch_size)):
            for article in articles:
                yield self.count(self.corpus(article), report)
            report.seconds = time.perf_counter() - started

    @staticmethod
    def count(article: Article, report: RunReport) -> Article:
        report.processed += 1
        report.duplicates += article.duplicate_of is not None
        return article


def batches(items: Iterable[Item], report: RunReport, size: int) -> Iterator[list[SourceDocument]]:
    """Source documents in lists of ``size``; skipped inputs go to the report on the way."""
    batch: list[SourceDocument] = []
    for item in items:
        if isinstance(item, SkippedInput):
            report.skipped.append(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _safe_process(source: SourceDocument, boilerplate: clean.OutletBoilerplate | None) -> Article:
    """A stage that fails on one document leaves a note on that article instead of ending the batch."""
    try:
        return process_document(source, boilerplate)
    except Exception as exc:
        article = Article.from_source(source)
        article.notes.append(f"processing failed: {type(exc).__name__}: {exc}")
        return article


_worker_boilerplate: clean.OutletBoilerplate | None = None


def _init_worker(boilerplate: clean.OutletBoilerplate | None) -> None:
    global _worker_boilerplate
    _worker_boilerplate = boilerplate


def _worker_process(source: SourceDocument) -> Article:
    return _safe_process(source, _worker_boilerplate)


def learn_boilerplate(
    items: Iterable[Item], boilerplate: clean.OutletBoilerplate | None = None
) -> clean.OutletBoilerplate:
    """Corpus-level pass: count every document's lines per outlet before anything is cleaned."""
    boilerplate = boilerplate or clean.OutletBoilerplate()
    for item in items:
        if isinstance(item, SourceDocument):
            clean.observe_source(boilerplate, item)
    return boilerplate


def analyze(
    inputs: Iterable[str], *, limits: Limits | None = None, workers: int = 1,
    report: RunReport | None = None,
) -> Iterator[Article]:  # fmt: skip
    """Analyse files, directories or globs as one corpus; yield one Article per document.

    The inputs are read twice: once to learn each outlet's boilerplate lines, once to process.
    """
    inputs = list(inputs)
    limits = limits or Limits.from_env()
    boilerplate = learn_boilerplate(read_inputs(inputs, limits))
    report = report if report is not None else RunReport()
    with Pipeline(boilerplate=boilerplate, workers=workers) as pipeline:
        yield from pipeline.run(read_inputs(inputs, limits), report)


def ingest(
    store: Store, inputs: Iterable[str], *, limits: Limits | None = None, workers: int = 1,
    batch_size: int = 200, report: RunReport | None = None,
    on_article: Callable[[], None] | None = None,
) -> RunReport:  # fmt: skip
    """Analyse inputs and add them to ``store``, one transaction per batch.

    Content already stored (same content hash) is counted as unchanged and not processed again.
    Per-outlet boilerplate statistics are read from the store and extended with the new documents
    for cleaning; each batch adds to the stored counts exactly the documents it stores, so an
    interrupted run (or a concurrent one) leaves statistics and articles consistent.
    """
    inputs = list(inputs)
    limits = limits or Limits.from_env()
    report = report if report is not None else RunReport()
    started = time.perf_counter()
    run_id = store.start_run("ingest")
    learning = clean.OutletBoilerplate.from_rows(*store.boilerplate_rows())
    seen: set[str] = set()
    learn_boilerplate(_new_sources(store, read_inputs(inputs, limits), seen), learning)
    seen.clear()
    new_items = _new_sources(store, read_inputs(inputs, limits), seen, report)
    with Pipeline(boilerplate=learning, conn=store.conn, workers=workers) as pipeline:
        for batch, articles in pipeline.processed(batches(new_items, report, batch_size)):
            stored = clean.OutletBoilerplate()  # the counts of exactly what this batch stores
            with store.transaction():
                for source, article in zip(batch, articles, strict=True):
                    if store.known_hash(source.hash):  # stored meanwhile by a concurrent ingest
                        report.unchanged += 1
                        continue
                    store.put_article(pipeline.count(pipeline.corpus(article), report))
                    clean.observe_source(stored, source)
                    if on_article:
                        on_article()
                store.add_boilerplate(*stored.to_rows())
                store.relink_duplicates(pipeline.take_relinked())
                pipeline.flush()
            report.seconds = time.perf_counter() - started
    with store.transaction():
        store.put_skips(run_id, report.skipped)
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, report.as_dict())
    return report


def _new_sources(
    store: Store, items: Iterable[Item], seen: set[str], report: RunReport | None = None
) -> Iterator[Item]:
    """Items whose content is not in the store yet (nor earlier in this run)."""
    for item in items:
        if isinstance(item, SourceDocument) and (item.hash in seen or store.known_hash(item.hash)):
            if report is not None:
                report.unchanged += 1
            continue
        if isinstance(item, SourceDocument):
            seen.add(item.hash)
        yield item
