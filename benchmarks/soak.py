"""Soak: the REST API under steady load while `kabar ingest` keeps adding to the store it serves.

usage: python benchmarks/soak.py [--seconds S] [--clients C] [--workers W] [--ingest-pause S]

Bounded in time and loopback only. Ingests the bundled sample corpus into a fresh store in a
temporary directory, serves it with ``kabar.serve.run`` on 127.0.0.1 (a free port), and for
``--seconds`` (default 120) at once:

* one ingest at a time, again and again, into the same store: each round a new set of variant
  dumps generated from the sample corpus in the temporary directory, one per sample dump under a
  new file name (hence a new id): half keep the dump's furniture and lead paragraph around
  paragraphs taken from other dumps (new content for dedup and story clustering), half shuffle
  and drop body paragraphs (near duplicates); each gets a paragraph of sentences from other dumps
  and a round marker;
* ``--clients`` (default 32) concurrent keep-alive httpx clients asking for search
  (``/api/articles?q=``), one article (``/api/articles/{id}``), quotes (``/api/quotes`` by words or
  speaker), events (``/api/events`` by category), the story list (``/api/stories``) and one story's
  timeline (``/api/stories/{id}``); ids, speakers and words are refreshed from the store every few
  seconds, so the clients also ask for what was just ingested.

An error is a transport failure or timeout, a status other than 200, or a body that is not a JSON
object with ``"ok": true``; a failed ingest round counts too. Prints and writes
``benchmarks/results/soak.json``: errors (target 0), requests, p50/p95/p99 latency (overall and per
endpoint), the server's memory (VmRSS and RssAnon from ``/proc/<pid>/status``, summed over its
process group) at the start, after warm-up, at the end and sampled every few seconds, and the
documents ingested. VmRSS counts the pages of the store file once per SQLite connection that maps
it (one per server thread), so it grows with the store and the threads; RssAnon is the heap alone,
and Pss counts shared pages once.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.api_load import percentile, server
from benchmarks.common import save_results
from kabar.model import PLOVER_CATEGORIES
from kabar.sample import manifest, sample_inputs

ENDPOINTS = ("search", "article", "quotes", "events", "stories", "story")
REFRESH_SECONDS = 5.0
MEMORY_SAMPLE_SECONDS = 5.0
REQUEST_TIMEOUT = 30.0
INGEST_TIMEOUT = 600.0
KEEP_ERROR_EXAMPLES = 20
DATELINE = re.compile(r".{3,60}? [-—–] ")
REMIX_SHARE = 0.5  # variants made of one dump's lead and other dumps' paragraphs (new stories)


# -- new content: variant dumps of the sample corpus ------------------------------------------------


@dataclass(slots=True)
class Dump:
    stem: str
    lines: list[str]
    body: list[int]  # indexes of the lines that are article paragraphs


def read_dumps() -> list[Dump]:
    """The sample dumps with their article paragraphs found: from the lead (the first long line with
    a dateline, "KOTA, Outlet - ...") on, the long lines no other dump has (not site furniture)."""
    texts = {path.stem: path.read_text("utf-8").splitlines() for path in sample_inputs()}
    seen = Counter(line for lines in texts.values() for line in set(lines))
    dumps = []
    for stem, lines in texts.items():
        long = [i for i, line in enumerate(lines) if len(line) > 120]
        lead = next((i for i in long if DATELINE.match(lines[i])), long[0] if long else len(lines))
        body = [i for i in long if i == lead or (i > lead and seen[lines[i]] == 1)]
        dumps.append(Dump(stem, lines, body))
    return dumps


def write_variants(dumps: list[Dump], round_number: int, folder: Path) -> int:
    """One variant of every sample dump in ``folder``; returns how many were written."""
    rng = random.Random(round_number)
    paragraphs = [d.lines[i] for d in dumps for i in d.body[1:]]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if len(s) > 40]
    folder.mkdir(parents=True)
    for dump in dumps:
        lines, body = list(dump.lines), dump.body
        tail = body[1:]  # the lead paragraph (with the dateline) stays first
        if rng.random() < REMIX_SHARE and tail:  # other dumps' paragraphs after this one's lead
            others = [p for p in paragraphs if p not in dump.lines]
            for i, text in zip(tail, rng.sample(others, len(tail)), strict=True):
                lines[i] = text
        elif len(tail) > 2:  # a near duplicate: shuffled, one paragraph dropped
            shuffled = [lines[i] for i in tail]
            rng.shuffle(shuffled)
            for i, text in zip(tail, shuffled, strict=True):
                lines[i] = text
            lines[rng.choice(tail)] = ""
        added = " ".join(rng.sample(sentences, 3))
        marker = (
            f"Laporan ini diperbarui untuk ke-{round_number} kalinya pada putaran {rng.randrange(10**9)}."
        )
        at = body[0] + 1 if body else len(lines)
        blank_separated = at < len(lines) and not lines[at].strip()
        lines[at:at] = ["", f"{added} {marker}"] if blank_separated else [f"{added} {marker}"]
        (folder / f"v{round_number:04d}_{dump.stem}.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return len(dumps)


# -- the ingest loop ----------------------------------------------------------------------------------


@dataclass(slots=True)
class IngestLog:
    rounds: int = 0
    failures: int = 0
    processed: int = 0
    seconds: list[float] = field(default_factory=list)
    failure_examples: list[str] = field(default_factory=list)


def ingest(inputs: list[Path], db: Path) -> tuple[int, int, str]:
    """``kabar ingest`` as its own process: exit status, documents processed, the summary line."""
    command = [sys.executable, "-m", "kabar", "ingest", *map(str, inputs), "--db", str(db)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=INGEST_TIMEOUT)
    summary = next((ln for ln in reversed(result.stderr.splitlines()) if "processed" in ln), "")
    found = re.search(r"(\d+) processed", summary)
    tail = summary or result.stderr.strip()[-300:]
    return result.returncode, int(found.group(1)) if found else 0, tail


def ingest_loop(db: Path, work: Path, until: float, pause: float, log: IngestLog) -> None:
    dumps = read_dumps()
    while time.perf_counter() < until:
        folder = work / f"round-{log.rounds + 1:04d}"
        write_variants(dumps, log.rounds + 1, folder)
        started = time.perf_counter()
        try:
            status, processed, summary = ingest([folder], db)
        except subprocess.TimeoutExpired:
            status, processed, summary = -1, 0, "timed out"
        log.seconds.append(time.perf_counter() - started)
        log.rounds += 1
        log.processed += processed
        if status != 0:
            log.failures += 1
            if len(log.failure_examples) < KEEP_ERROR_EXAMPLES:
                log.failure_examples.append(f"round {log.rounds}: status {status}: {summary}")
        shutil.rmtree(folder)
        time.sleep(pause)


# -- what the clients ask for -------------------------------------------------------------------------


@dataclass(slots=True)
class Workload:
    words: list[str]
    articles: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=lambda: list(PLOVER_CATEGORIES))
    rng: random.Random = field(default_factory=lambda: random.Random(11))

    def refresh(self, db: Path) -> None:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10.0)
        try:
            articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 2000")]
            stories = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT story FROM articles WHERE story IS NOT NULL ORDER BY random() LIMIT 2000"
                )
            ]
            speakers = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT coalesce(speaker_kb_id, speaker_name) FROM quotes"
                    " WHERE coalesce(speaker_kb_id, speaker_name) IS NOT NULL LIMIT 500"
                )
            ]
        finally:
            conn.close()
        self.articles, self.stories, self.speakers = articles, stories, speakers

    def path(self, endpoint: str) -> str:
        pick, roll = self.rng.choice, self.rng.random()
        if endpoint == "search":
            words = pick(self.words) if roll < 0.7 else " ".join(self.rng.sample(self.words, 2))
            return f"/api/articles?q={quote(words)}"
        if endpoint == "article":
            return "/api/articles/" + quote(pick(self.articles), safe="")
        if endpoint == "quotes":
            if roll < 0.5 and self.speakers:
                return f"/api/quotes?speaker={quote(pick(self.speakers))}"
            return f"/api/quotes?q={quote(pick(self.words))}"
        if endpoint == "events":
            return "/api/events" if roll < 0.2 else f"/api/events?category={pick(self.categories)}"
        if endpoint == "stories":
            return "/api/stories" if roll < 0.7 else f"/api/stories?q={quote(pick(self.words))}"
        return "/api/stories/" + quote(pick(self.stories), safe="")


def title_words() -> list[str]:
    words = {
        w.lower() for entry in manifest() for w in re.findall(r"[A-Za-z]{4,}", str(entry.get("title", "")))
    }
    return sorted(words)


# -- the clients ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {e: [] for e in ENDPOINTS})
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    error_examples: list[str] = field(default_factory=list)
    new_article_requests: int = 0  # article pages of variants ingested during the soak

    def error(self, kind: str, detail: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1
        if len(self.error_examples) < KEEP_ERROR_EXAMPLES:
            self.error_examples.append(detail[:300])


async def client(number: int, base: str, work: Workload, until: float, tally: Tally) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as http:
        turn = number
        while time.perf_counter() < until:
            endpoint = ENDPOINTS[turn % len(ENDPOINTS)]
            turn += 1
            path = work.path(endpoint)
            started = time.perf_counter()
            try:
                response = await http.get(path)
                body = response.content
            except httpx.HTTPError as exc:
                tally.error(type(exc).__name__, f"{path}: {type(exc).__name__}: {exc}")
                continue
            tally.latencies[endpoint].append(time.perf_counter() - started)
            tally.statuses[response.status_code] = tally.statuses.get(response.status_code, 0) + 1
            if response.status_code != 200:
                tally.error(
                    f"status {response.status_code}", f"{path}: {response.status_code}: {body[:200]!r}"
                )
                continue
            try:
                ok = json.loads(body).get("ok") is True
            except (ValueError, AttributeError):
                ok = False
            if not ok:
                tally.error("bad body", f"{path}: {body[:200]!r}")
            elif endpoint == "article" and path.startswith("/api/articles/v"):
                tally.new_article_requests += 1


async def refresher(db: Path, work: Workload, until: float) -> None:
    while time.perf_counter() < until:
        await asyncio.sleep(REFRESH_SECONDS)
        await asyncio.to_thread(work.refresh, db)


async def drive(base: str, db: Path, work: Workload, clients: int, until: float) -> Tally:
    tally = Tally()
    await asyncio.gather(
        refresher(db, work, until), *(client(n, base, work, until, tally) for n in range(clients))
    )
    return tally


# -- the server's memory ------------------------------------------------------------------------------


def group_memory(group: int) -> dict[str, float]:
    """The server's memory in MB, summed over the live processes of process group ``group``:
    VmRSS, and its parts RssAnon (heap) and RssFile (mapped files, the store among them), from
    ``/proc/<pid>/status``; Pss from ``/proc/<pid>/smaps_rollup`` (pages shared between mappings
    counted once: SQLite maps the store once per connection, and VmRSS counts every mapping)."""
    keys = ("VmRSS", "RssAnon", "RssFile", "Pss")
    totals = dict.fromkeys(keys, 0)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) != group:
                continue
            lines = (stat.parent / "status").read_text().splitlines()
            lines += (stat.parent / "smaps_rollup").read_text().splitlines()
        except (OSError, ValueError, IndexError):
            continue
        for line in lines:
            key = line.split(":", 1)[0]
            if key in totals:
                totals[key] += int(line.split()[1])
    names = {"VmRSS": "rss_mb", "RssAnon": "anon_mb", "RssFile": "file_mb", "Pss": "pss_mb"}
    return {names[k]: round(totals[k] / 1024, 1) for k in keys}


def sample_memory(group: int, started: float, stop: threading.Event, samples: list[dict[str, float]]) -> None:
    while not stop.wait(MEMORY_SAMPLE_SECONDS):
        samples.append({"t": round(time.perf_counter() - started, 1), **group_memory(group)})


# -- the run ----------------------------------------------------------------------------------------


def latency_figures(values: list[float]) -> dict[str, Any]:
    ms = [v * 1000 for v in values]
    return {
        "requests": len(ms),
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
    }


def store_figures(db: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10.0)
    try:
        articles, duplicates = conn.execute("SELECT count(*), count(duplicate_of) FROM articles").fetchone()
        quotes = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        stories = conn.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0]
    finally:
        conn.close()
    wal = Path(f"{db}-wal")
    return {
        "articles": articles,
        "marked_duplicate": duplicates,
        "quotes": quotes,
        "events": events,
        "stories": stories,
        "store_mb": round(db.stat().st_size / 1e6, 1),
        "wal_mb": round(wal.stat().st_size / 1e6, 1) if wal.exists() else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="how long clients and ingest run")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--ingest-pause", type=float, default=0.5, help="seconds between ingest rounds")
    parser.add_argument(
        "--warmup", type=float, default=10.0, help="seconds before the 'after warm-up' memory"
    )
    args = parser.parse_args()
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="kabar-soak-") as tmp:
        work_dir = Path(tmp)
        db = work_dir / "soak.db"
        status, _, summary = ingest(sample_inputs(), db)
        if status != 0:
            raise SystemExit(f"the initial ingest failed: {summary}")
        before = store_figures(db)
        work = Workload(title_words())
        work.refresh(db)
        log = IngestLog()
        samples: list[dict[str, float]] = []
        with server(db, args.workers) as (port, group):
            start_memory = group_memory(group)
            print(f"serving {db} on 127.0.0.1:{port}; server memory {start_memory}", flush=True)
            started = time.perf_counter()
            until = started + args.seconds
            stop = threading.Event()
            threads = [
                threading.Thread(target=ingest_loop, args=(db, work_dir, until, args.ingest_pause, log)),
                threading.Thread(target=sample_memory, args=(group, started, stop, samples)),
            ]
            for thread in threads:
                thread.start()
            tally = asyncio.run(drive(f"http://127.0.0.1:{port}", db, work, args.clients, until))
            client_seconds = time.perf_counter() - started
            threads[0].join()  # the last ingest round finishes
            end_memory = group_memory(group)
            stop.set()
            threads[1].join()
        seconds = time.perf_counter() - started
        after = store_figures(db)
    warm = next((s for s in samples if s["t"] >= args.warmup), end_memory)
    every = [v for values in tally.latencies.values() for v in values]
    figures: dict[str, Any] = {
        "seconds": round(seconds, 1),
        "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "client_seconds": round(client_seconds, 1),
        "clients": args.clients,
        "server_workers": args.workers,
        "errors": tally.errors + log.failures,
        "request_errors": tally.errors,
        "ingest_failures": log.failures,
        **latency_figures(every),
        "requests_per_second": round(len(every) / client_seconds, 1),
        "endpoints": {e: latency_figures(v) for e, v in tally.latencies.items()},
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "error_kinds": tally.error_kinds,
        "error_examples": tally.error_examples + log.failure_examples,
        "requests_for_articles_ingested_during_soak": tally.new_article_requests,
        "server_rss_mb_start": start_memory["rss_mb"],
        "server_rss_mb_after_warmup": warm["rss_mb"],
        "server_rss_mb_end": end_memory["rss_mb"],
        "server_rss_growth_mb": round(end_memory["rss_mb"] - start_memory["rss_mb"], 1),
        "server_rss_growth_after_warmup_mb": round(end_memory["rss_mb"] - warm["rss_mb"], 1),
        "server_anon_mb_start": start_memory["anon_mb"],
        "server_anon_mb_after_warmup": warm["anon_mb"],
        "server_anon_mb_end": end_memory["anon_mb"],
        "server_anon_growth_after_warmup_mb": round(end_memory["anon_mb"] - warm["anon_mb"], 1),
        "server_file_mb_end": end_memory["file_mb"],
        "server_pss_mb_start": start_memory["pss_mb"],
        "server_pss_mb_end": end_memory["pss_mb"],
        "server_pss_growth_mb": round(end_memory["pss_mb"] - start_memory["pss_mb"], 1),
        "memory_samples": samples,
        "ingest_rounds": log.rounds,
        "ingested_documents": log.processed,
        "ingest_seconds_per_round": round(statistics.fmean(log.seconds), 2) if log.seconds else None,
        "articles_added": after["articles"] - before["articles"],
        "store_before": before,
        "store_after": after,
    }
    save_results("soak", figures)
    sys.exit(1 if figures["errors"] else 0)


if __name__ == "__main__":
    main()
