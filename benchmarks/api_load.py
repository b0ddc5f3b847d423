"""Serving under load: search, article and story endpoints at 100k articles, 32 concurrent clients.

usage: python benchmarks/api_load.py [--articles N] [--seconds S] [--clients C] [--workers W]
                                     [--db PATH] [--keep]

Fills a store with ``--articles`` articles made from ``../shared/data/news/*.jsonl`` repeated with
perturbation (paragraph order, outlet, date, story), with plausible actors, quotes and events
(inserted as ``Article`` records, not run through the pipeline), serves it with uvicorn on
loopback, and drives each endpoint with closed-loop keep-alive clients for a bounded time.
Prints requests per second and p50/p95/p99 latency and writes ``benchmarks/results/api_load.json``.
Target: p95 < 100 ms for search and article pages at 100k articles with 32 clients; no errors.
``--db PATH`` keeps the filled store for later runs (it is reused when it has enough articles).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import need_shared, save_results
from kabar.model import (
    PLOVER_CATEGORIES,
    Actor,
    Article,
    Entity,
    Event,
    Mention,
    Quote,
    content_hash,
)
from kabar.store import Store

OUTLETS = (
    "detik.com",
    "kompas.com",
    "tempo.co",
    "cnnindonesia.com",
    "antaranews.com",
    "republika.co.id",
    "tribunnews.com",
    "okezone.com",
    "kontan.co.id",
    "merdeka.com",
    "liputan6.com",
    "bisnis.com",
)
ACTORS = (  # (name as written, kb id, code, kind)
    ("Prabowo Subianto", "person:prabowo-subianto", "IDN GOV", "person"),
    ("Joko Widodo", "person:joko-widodo", "IDN GOV", "person"),
    ("Jokowi", "person:joko-widodo", "IDN GOV", "person"),
    ("Gibran Rakabuming Raka", "person:gibran-rakabuming-raka", "IDN GOV", "person"),
    ("Sri Mulyani", "person:sri-mulyani-indrawati", "IDN GOV", "person"),
    ("Tito Karnavian", "person:tito-karnavian", "IDN GOV", "person"),
    ("Airlangga Hartarto", "person:airlangga-hartarto", "IDN GOV", "person"),
    ("Perry Warjiyo", "person:perry-warjiyo", "IDN GOV", "person"),
    ("Bank Indonesia", "org:bank-indonesia", "IDN GOV", "organisation"),
    ("Badan Pusat Statistik", "org:bps", "IDN GOV", "organisation"),
    ("BPS", "org:bps", "IDN GOV", "organisation"),
    ("DPR", "org:dpr", "IDN LEG", "organisation"),
    ("KPK", "org:kpk", "IDN JUD", "organisation"),
    ("Polri", "org:polri", "IDN COP", "organisation"),
    ("TNI", "org:tni", "IDN MIL", "organisation"),
    ("Pertamina", "org:pertamina", "IDN BUS", "organisation"),
    ("Amerika Serikat", "country:USA", "USA GOV", "country"),
    ("China", "country:CHN", "CHN GOV", "country"),
    ("Rusia", "country:RUS", "RUS GOV", "country"),
    ("Korea Utara", "country:PRK", "PRK GOV", "country"),
    ("Jepang", "country:JPN", "JPN GOV", "country"),
    ("IMF", "org:imf", "IGO", "organisation"),
    ("Bank Dunia", "org:world-bank", "IGO", "organisation"),
)
ACTOR_PATTERN = re.compile("|".join(re.escape(a[0]) for a in sorted(ACTORS, key=lambda a: -len(a[0]))))
ACTOR_BY_NAME = {a[0]: a for a in ACTORS}
QUOTE_PATTERN = re.compile(r'"([^"\n]{20,400})"|“([^”\n]{20,400})”')
CUE_PATTERN = re.compile(r"\b(kata|ujar|ucap|tegas|jelas|tutur|katanya|ujarnya)\b")
EXTRA_ACTORS = 3  # actors mentioned in every article besides those found in its text


# -- filling the store ------------------------------------------------------------------------------


@dataclass(slots=True)
class Base:
    """One source article the benchmark corpus repeats."""

    id: str
    url: str | None
    outlet: str | None
    pub_date: str | None
    title: str
    paragraphs: list[str]


def read_bases(folder: Path) -> list[Base]:
    bases = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            paragraphs = [p.strip() for p in (doc.get("raw") or "").split("\n") if len(p.strip()) > 40]
            if paragraphs and doc.get("title"):
                bases.append(
                    Base(
                        doc["id"],
                        doc.get("url"),
                        doc.get("outlet"),
                        doc.get("pub_date"),
                        doc["title"],
                        paragraphs,
                    )
                )
    return bases


def make_article(base: Base, base_index: int, copy: int, rng: random.Random) -> Article:
    """Copy ``copy`` of ``base``: perturbed text, another outlet and date, actors, quotes, events."""
    paragraphs = list(base.paragraphs)
    if copy:
        head, tail = paragraphs[:1], paragraphs[1:]
        rng.shuffle(tail)
        paragraphs = head + tail[: max(1, len(tail) - rng.randint(0, 2))]
    text = "\n\n".join(paragraphs)
    day = _day(base.pub_date, base_index) + timedelta(days=(copy // 9) * 30 + rng.randint(0, 3))
    outlet = base.outlet if copy == 0 else OUTLETS[(base_index + copy) % len(OUTLETS)]
    aid = f"{base.id}" if copy == 0 else f"{base.id}~{copy}"
    title = base.title if copy < 9 else f"{base.title} ({copy // 9 + 1})"
    article = Article(
        id=aid,
        origin=f"bench:{base.id}",
        hash=content_hash(f"{aid}\n{text}"),
        url=base.url,
        outlet=outlet,
        title=title,
        text=text,
        paragraphs=paragraphs,
        pub_date=f"{day.isoformat()}T{rng.randint(6, 22):02d}:00:00+07:00",
        language="id",
        story=f"s-{base_index}-{copy // 9}",
        thread=f"t-{base_index % 700}",
    )
    annotate(article, rng)
    return article


def _day(pub_date: str | None, index: int) -> date:
    if pub_date and re.match(r"\d{4}-\d{2}-\d{2}", pub_date):
        return date.fromisoformat(pub_date[:10])
    return date(2024, 1, 1) + timedelta(days=index % 600)


def annotate(article: Article, rng: random.Random) -> None:
    """Actors at their mentions, quotes between quote marks, events between actor pairs."""
    text = article.text
    actors: dict[str, Actor] = {}
    for match in ACTOR_PATTERN.finditer(text):
        name, kb, code, kind = ACTOR_BY_NAME[match.group()]
        actor = actors.setdefault(kb, Actor(f"a{len(actors)}", name, code, kb_id=kb, kind=kind))
        actor.mentions.append(Mention(match.group(), match.start(), match.end()))
    for name, kb, code, kind in rng.sample(ACTORS, EXTRA_ACTORS):
        if kb not in actors:
            actors[kb] = Actor(f"a{len(actors)}", name, code, kb_id=kb, kind=kind)
    article.actors = list(actors.values())
    article.entities = [
        Entity(m.text, "PER" if a.kind == "person" else "ORG", m.start, m.end)
        for a in article.actors
        for m in a.mentions
    ]
    article.quotes = _quotes(text, article.actors, rng)
    article.events = _events(article, rng)


def _quotes(text: str, actors: list[Actor], rng: random.Random) -> list[Quote]:
    quotes = []
    for match in QUOTE_PATTERN.finditer(text):
        group = 1 if match.group(1) is not None else 2
        speaker = rng.choice(actors)
        cue = CUE_PATTERN.search(text, match.end(), match.end() + 40)
        quotes.append(
            Quote(
                match.group(group),
                "direct",
                speaker.ref(),
                cue.group() if cue else None,
                start=match.start(group),
                end=match.end(group),
            )
        )
    return quotes


def _events(article: Article, rng: random.Random) -> list[Event]:
    events = []
    sentences = [m for m in re.finditer(r"[^.!?\n]+[.!?]", article.text) if len(m.group()) > 30]
    for _ in range(rng.randint(1, 3)):
        if len(article.actors) < 2 or not sentences:
            break
        source, target = rng.sample(article.actors, 2)
        sentence = rng.choice(sentences)
        start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
        events.append(
            Event(
                source.ref(),
                target.ref(),
                rng.choice(PLOVER_CATEGORIES),
                None,
                (article.pub_date or "")[:10] or None,
                "day",
                rng.choice(("fact", "fact", "fact", "alleged", "intent")),
                sentence.group().strip(),
                start,
                sentence.end(),
                True,
                round(rng.uniform(0.5, 0.95), 2),
            )
        )
    return events


def fill_store(path: Path, articles: int, bases: list[Base], seed: int = 7) -> float:
    """Fill ``path`` with ``articles`` articles; returns seconds taken."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with Store(path) as store:
        done = store.stats()["articles"]
        batch: list[Article] = []
        for i in range(done, articles):
            base_index = i % len(bases)
            batch.append(make_article(bases[base_index], base_index, i // len(bases), rng))
            if len(batch) == 1000 or i == articles - 1:
                with store.transaction():
                    for article in batch:
                        store.put_article(article)
                batch = []
                print(
                    f"  stored {i + 1} articles ({time.perf_counter() - started:.0f} s)", end="\r", flush=True
                )
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print()
    return time.perf_counter() - started


def ensure_store(path: Path, articles: int, bases: list[Base]) -> tuple[int, float | None]:
    """The store at ``path`` with at least ``articles`` articles (filled now if short)."""
    if path.exists():
        with Store(path) as store:
            have = store.stats()["articles"]
        if have >= articles:
            return have, None
    seconds = fill_store(path, articles, bases)
    return articles, seconds


# -- the workload -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Workload:
    """What the clients ask for: query words and phrases, article ids and story ids from the store."""

    words: list[str]
    phrases: list[str]
    articles: list[str]
    stories: list[str]
    rng: random.Random = field(default_factory=lambda: random.Random(11))

    def query(self) -> str:
        roll = self.rng.random()
        if roll < 0.6:
            return self.rng.choice(self.words)
        if roll < 0.85:
            return " ".join(self.rng.sample(self.words, 2))
        return f'"{self.rng.choice(self.phrases)}"'

    def path(self, endpoint: str) -> str:
        pick = self.rng.choice
        paths: dict[str, Callable[[], str]] = {
            "search_api": lambda: "/api/articles?" + urlencode({"q": self.query()}),
            "search_page": lambda: "/?" + urlencode({"q": self.query()}),
            "article_api": lambda: "/api/articles/" + quote(pick(self.articles), safe=""),
            "article_page": lambda: "/articles/" + quote(pick(self.articles), safe=""),
            "story_api": lambda: "/api/stories/" + quote(pick(self.stories), safe=""),
            "story_page": lambda: "/stories/" + quote(pick(self.stories), safe=""),
        }
        return paths[endpoint]()


def workload(path: Path, bases: list[Base]) -> Workload:
    """Words from the titles (each in at least a few articles), two-word phrases, ids from the store."""
    counts: dict[str, int] = {}
    phrases: list[str] = []
    for base in bases:
        words = [w.lower() for w in re.findall(r"[A-Za-z]{4,}", base.title)]
        for word in set(words):
            counts[word] = counts.get(word, 0) + 1
        phrases += [f"{a} {b}" for a, b in itertools.pairwise(words)][:1]
    words = sorted((w for w, n in counts.items() if n >= 3), key=lambda w: (-counts[w], w))[:3000]
    with Store(path, readonly=True) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 20000")]
        stories = [
            r[0]
            for r in store.conn.execute(
                "SELECT DISTINCT story FROM articles WHERE story IS NOT NULL ORDER BY random() LIMIT 5000"
            )
        ]
    return Workload(words, phrases, ids, stories)


# -- a small keep-alive HTTP client (light on CPU: the server needs the cores) -----------------------


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, accept: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: {accept}\r\n\r\n".encode())
        status = int((await self.reader.readline()).split()[1])
        headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readline()).strip(), 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readline()
        if headers.get("connection") == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def download(port: int, path: str) -> tuple[int, int, int]:
    """One streamed export: status, bytes and lines of the body (read chunk by chunk, not kept)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    status = int((await reader.readline()).split()[1])
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    size = lines = 0
    while chunk := await reader.read(1 << 16):
        size += len(chunk)
        lines += chunk.count(b"\n")
    writer.close()
    return status, size, lines


def anon_rss_mb(group: int) -> float:
    """The largest anonymous resident memory (heap, not the mapped store file) in ``group``, in MB."""
    largest = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) != group:
                continue
            status = (stat.parent / "status").read_text().splitlines()
        except OSError:
            continue
        largest = max(
            largest, next((int(line.split()[1]) for line in status if line.startswith("RssAnon:")), 0)
        )
    return round(largest / 1024, 1)


EXPORTS = {"search_jsonl": "/api/articles.jsonl?q=harga", "events_jsonl": "/api/events.jsonl"}


def exports(port: int, group: int) -> dict[str, Any]:
    """Each export once, complete: rows, MB, seconds, and the server's largest heap while streaming."""
    figures: dict[str, Any] = {"heap_mb_before": anon_rss_mb(group)}
    for name, path in EXPORTS.items():
        peak = [0.0]
        done = threading.Event()

        def watch(peak: list[float] = peak, done: threading.Event = done) -> None:
            while not done.wait(0.2):
                peak[0] = max(peak[0], anon_rss_mb(group))

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.perf_counter()
        status, size, lines = asyncio.run(download(port, path))
        seconds = time.perf_counter() - started
        done.set()
        watcher.join()
        figures[name] = {"path": path, "status": status, "rows": lines, "mb": round(size / 1e6, 1),
                         "seconds": round(seconds, 1), "rows_per_second": round(lines / seconds),
                         "largest_heap_mb": peak[0]}  # fmt: skip
        print(f"{name:>14}: {figures[name]}", flush=True)
    return figures


@dataclass(slots=True)
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


async def client(port: int, paths: Callable[[], str], accept: str, until: float, tally: Tally) -> None:
    conn = Connection("127.0.0.1", port)
    while time.perf_counter() < until:
        path = paths()
        started = time.perf_counter()
        try:
            status = await conn.get(path, accept)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            tally.errors += 1
            conn.close()
            continue
        tally.latencies.append(time.perf_counter() - started)
        tally.statuses[status] = tally.statuses.get(status, 0) + 1
        if status != 200:
            tally.errors += 1
    conn.close()


async def drive(port: int, paths: Callable[[], str], accept: str, clients: int, seconds: float) -> Tally:
    tally = Tally()
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client(port, paths, accept, until, tally) for _ in range(clients)))
    return tally


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summary(tally: Tally, seconds: float, cpu: float) -> dict[str, Any]:
    ms = [v * 1000 for v in tally.latencies]
    return {
        "requests": len(ms),
        "rps": round(len(ms) / seconds, 1),
        "server_cpu_ms_per_request": round(cpu / max(len(ms), 1) * 1000, 2),
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "errors": tally.errors,
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
    }


# -- the server -------------------------------------------------------------------------------------


def cpu_seconds(group: int) -> float:
    """User + system CPU seconds of every live process in process group ``group`` (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # fields after the command: state, ppid, pgrp, ...
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(db: Path, workers: int) -> Iterator[tuple[int, int]]:
    """``kabar.serve.run`` in a subprocess on a free loopback port: yields the port and the process
    group of the server and its workers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    code = (
        f"from kabar.serve import run; run({str(db)!r}, '127.0.0.1', {port}, workers={workers},"
        " log_level='warning')"
    )
    process = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        _wait_until_up(port, process)
        yield port, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the group of the process this function started
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _wait_until_up(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode}")
        try:
            if asyncio.run(Connection("127.0.0.1", port).get("/api", "application/json")) == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


ENDPOINTS = {  # name: Accept header
    "search_api": "application/json",
    "search_page": "text/html",
    "article_api": "application/json",
    "article_page": "text/html",
    "story_api": "application/json",
    "story_page": "text/html",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20.0, help="per endpoint")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="server processes")
    parser.add_argument("--db", type=Path, help="keep the filled store here (reused when big enough)")
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS))
    parser.add_argument("--no-exports", action="store_true", help="skip the complete CSV/JSONL downloads")
    args = parser.parse_args()
    bases = read_bases(need_shared("data", "news"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        print(f"store: {db}")
        articles, fill_seconds = ensure_store(db, args.articles, bases)
        work = workload(db, bases)
        figures: dict[str, Any] = {
            "articles": articles,
            "fill_seconds": round(fill_seconds, 1) if fill_seconds else None,
            "clients": args.clients,
            "seconds_per_endpoint": args.seconds,
            "server_workers": args.workers,
            "cpus": os.cpu_count(),
            "query_words": len(work.words),
        }
        figures["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
        with server(db, args.workers) as (port, group):
            for name in args.endpoints.split(","):
                accept = ENDPOINTS[name]
                asyncio.run(drive(port, lambda n=name: work.path(n), accept, args.clients, 2.0))  # warm-up
                cpu = cpu_seconds(group)
                tally = asyncio.run(
                    drive(port, lambda n=name: work.path(n), accept, args.clients, args.seconds)
                )
                figures[name] = summary(tally, args.seconds, cpu_seconds(group) - cpu)
                print(f"{name:>14}: {figures[name]}", flush=True)
            if not args.no_exports:
                figures["exports"] = exports(port, group)
        figures["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        save_results("api_load", figures)


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    main()
