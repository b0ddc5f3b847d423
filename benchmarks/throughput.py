"""Throughput of the whole pipeline, local and on Ray, with a per-stage profile and peak memory.

usage: python benchmarks/throughput.py [--docs N] [--quick] [--no-ray] [--no-memory]
                                       [--profile-docs N] [--memory-docs N ...]
                                       [--sections throughput|memory|html ...]

Builds a corpus of ``--docs`` documents from ``../shared/data/news/*.jsonl`` (or ``$KABAR_SHARED``)
repeated with perturbation (new ids, shifted dates, shuffled paragraphs, a few swapped words) and
measures, on this machine:

* documents per second for the full pipeline (clean, language, actors, quotes, events, dedup,
  stories) through the bulk dataset writer with the local and the Ray executor, 1 and 2 workers,
  and through the streaming ``kabar.pipeline.analyze`` (corpus stages in the driver);
* the floor: one pass that reads every document and tokenises it with one regular expression;
* where the time goes: every stage timed per document over ``--profile-docs`` documents, and a
  cProfile of the costliest stage;
* peak memory (RSS of the whole process tree) of a local two-worker bulk run at 10k and 100k
  documents (``--quick``: 2k and 10k);
* trafilatura alone against kabar's full pipeline on the HTML pages of
  ``data/extraction/html-dev``.

Prints the figures and writes them to ``benchmarks/results/throughput.json``. Exits 0 with a
message when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import platform
import pstats
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kabar import clean, dedup, stories  # noqa: E402
from kabar.bulk import write_dataset  # noqa: E402
from kabar.bulk.documents import process_sources  # noqa: E402
from kabar.executors import LocalExecutor, ray_available  # noqa: E402
from kabar.ingest import read_inputs  # noqa: E402
from kabar.model import Article, SourceDocument  # noqa: E402
from kabar.pipeline import DOCUMENT_STAGES, RunReport, Work, analyze, learn_boilerplate  # noqa: E402

SHARED = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news"
HTML = SHARED / "data" / "extraction" / "html-dev"
RESULTS = ROOT / "benchmarks" / "results" / "throughput.json"
FLOOR_TOKEN = re.compile(r"\w+")
Row = dict[str, Any]

# -- the corpus ---------------------------------------------------------------------------------


def originals() -> list[Row]:
    rows: list[Row] = []
    for path in sorted(NEWS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def perturb(row: Row, copy: int, rng: random.Random) -> Row:
    """A variant of a real article: new id, date moved, paragraphs shuffled, a few words swapped."""
    if copy == 0:
        return {k: row.get(k) for k in ("id", "url", "outlet", "pub_date", "title", "raw")}
    paragraphs = [p for p in row["raw"].split("\n") if p.strip()]
    rng.shuffle(paragraphs)
    words = "\n".join(paragraphs).split(" ")
    for _ in range(min(3, len(words) // 2)):
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return {
        "id": f"{row['id']}~{copy}", "url": f"{row.get('url') or 'https://contoh.id/a'}?v={copy}",
        "outlet": row.get("outlet"), "pub_date": shift(row.get("pub_date"), copy * 41),
        "title": row.get("title"), "raw": " ".join(words),
    }  # fmt: skip


def shift(pub_date: str | None, days: int) -> str | None:
    day = dedup_day(pub_date)
    if day is None or not pub_date:
        return pub_date
    from datetime import date

    return date.fromordinal(int(day) + days).isoformat() + pub_date[10:]


def dedup_day(pub_date: str | None) -> float | None:
    from kabar.dedup.dates import day_number

    return day_number(pub_date)


def make_corpus(n: int, folder: Path, seed: int = 7) -> Path:
    """``n`` documents in one JSONL file (streamed: the corpus is never held in memory)."""
    base = originals()
    rng = random.Random(seed)
    path = folder / f"news-{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(
                json.dumps(perturb(base[i % len(base)], i // len(base), rng), ensure_ascii=False) + "\n"
            )
    return path


# -- measurements -------------------------------------------------------------------------------


def floor(corpus: Path) -> Row:
    """The bare pass: read every document, tokenise it with one regular expression."""
    started, cpu, docs, tokens = time.perf_counter(), time.process_time(), 0, 0
    for item in read_inputs([corpus]):
        if isinstance(item, SourceDocument):
            docs += 1
            tokens += len(FLOOR_TOKEN.findall(item.raw))
    seconds = time.perf_counter() - started
    return {"documents": docs, "tokens": tokens, "seconds": round(seconds, 3),
            "docs_per_s": round(docs / seconds, 1),
            "cpu_ms_per_doc": round(1000 * (time.process_time() - cpu) / docs, 3)}  # fmt: skip


def bulk_run(corpus: Path, engine: str, workers: int, folder: Path) -> Row:
    """The bulk writer end to end (boilerplate, document stages, dedup, stories, Parquet)."""
    executor, init = make(engine, workers)
    # one JSONL file cut into eight shards, so that two workers both have work to the end
    # (the default of 10k documents a shard would make one shard of the whole corpus)
    shard_docs = max(50, -(-count_lines(corpus) // 8))
    try:
        with TreeMonitor(os.getpid()) as monitor:
            started = time.perf_counter()
            report = write_dataset(
                [corpus], folder / f"{engine}-{workers}", executor=executor, shard_docs=shard_docs
            )
            seconds = time.perf_counter() - started
    finally:
        executor.close()
    out = folder / f"{engine}-{workers}"
    sizes = {"input_bytes": corpus.stat().st_size, "work_bytes": report.work_bytes,
             "dataset_bytes": sum(p.stat().st_size for p in out.rglob("*") if p.is_file())}  # fmt: skip
    return {"path": "bulk", "engine": engine, "workers": workers, "documents": report.documents,
            "shard_docs": shard_docs, "engine_start_s": round(init, 2), "stages_s": report.stages,
            "duplicates": report.duplicates, "stories": report.stories, **sizes,
            **rates(report.documents, seconds, monitor, workers)}  # fmt: skip


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def rates(documents: int, seconds: float, monitor: TreeMonitor, workers: int) -> Row:
    """Wall-clock rate, CPU cost of the process tree, and the load average around the run.

    ``cpu_bound_docs_per_s`` is what the CPU cost allows on an otherwise idle machine with
    ``min(workers, cores)`` cores busy: the figure to read when the load average was high.
    """
    cores = min(workers, os.cpu_count() or 1)
    return {"seconds": round(seconds, 2), "docs_per_s": round(documents / seconds, 1),
            "cpu_bound_docs_per_s": round(documents * cores / max(monitor.cpu_seconds, 1e-9), 1),
            "cpu_s": round(monitor.cpu_seconds, 2),
            "cpu_ms_per_doc": round(1000 * monitor.cpu_seconds / max(1, documents), 2),
            "load_avg": [round(x, 2) for x in monitor.load]}  # fmt: skip


def make(engine: str, workers: int) -> tuple[Any, float]:
    started = time.perf_counter()
    if engine == "ray":
        from kabar.executors import RayExecutor

        return RayExecutor(workers=workers), time.perf_counter() - started
    return LocalExecutor(workers), 0.0


def streaming_run(corpus: Path, workers: int) -> Row:
    """``kabar.pipeline.analyze``: document stages in a pool, dedup and stories in the driver."""
    report = RunReport()
    with TreeMonitor(os.getpid()) as monitor:
        started = time.perf_counter()
        count = sum(1 for _ in analyze([str(corpus)], workers=workers, report=report))
        seconds = time.perf_counter() - started
    return {"path": "streaming", "engine": "local", "workers": workers, "documents": count,
            "duplicates": report.duplicates, **rates(count, seconds, monitor, workers)}  # fmt: skip


# -- per-stage profile --------------------------------------------------------------------------


def profile_stages(corpus: Path, limit: int) -> Row:
    """CPU seconds per document of every stage over the first ``limit`` documents, in-process."""
    sources = [i for i in read_inputs([corpus]) if isinstance(i, SourceDocument)][:limit]
    times: dict[str, float] = {}
    started = time.process_time()
    boilerplate = learn_boilerplate(sources)
    times["boilerplate (observe)"] = time.process_time() - started
    articles, failures = run_document_stages(sources, boilerplate, times)
    corpus_stages(articles, times)
    total = sum(times.values())
    stages = {name: {"ms_per_doc": round(1000 * s / len(sources), 2), "share": round(s / total, 3)}
              for name, s in times.items()}  # fmt: skip
    worst = max((n for n in times if n in dict(DOCUMENT_STAGES)), key=times.__getitem__, default=None)
    return {"documents": len(sources), "stages": stages, "failures": failures,
            "ms_per_doc_total": round(1000 * total / len(sources), 2),
            "dominant": max(times, key=times.__getitem__),
            "dominant_document_stage": worst,
            "hotspots": hotspots(sources, boilerplate, worst) if worst else []}  # fmt: skip


def run_document_stages(
    sources: list[SourceDocument], boilerplate: clean.OutletBoilerplate, times: dict[str, float]
) -> tuple[list[Article], dict[str, str]]:
    """Each document through the stages, each stage timed; a failing stage ends that document."""
    articles: list[Article] = []
    failures: dict[str, str] = {}
    for source in sources:
        work = Work(source, Article.from_source(source))
        for name, stage in DOCUMENT_STAGES:
            started = time.process_time()
            try:
                stage(work, boilerplate)
            except Exception as exc:
                failures.setdefault(name, f"{type(exc).__name__}: {str(exc)[:160]}")
                break
            finally:
                times[name] = times.get(name, 0.0) + time.process_time() - started
        articles.append(work.article)
    return articles, failures


def corpus_stages(articles: list[Article], times: dict[str, float]) -> None:
    duplicates, clusters = dedup.DuplicateIndex(), stories.StoryIndex()
    started = time.process_time()
    for article in articles:
        if article.text and (match := duplicates.add(article)) is not None:
            article.duplicate_of = match.duplicate_of
    times["dedup"] = time.process_time() - started
    started = time.process_time()
    for article in articles:
        if article.text:
            clusters.assign(article)
    times["stories"] = time.process_time() - started


def hotspots(sources: list[SourceDocument], boilerplate: clean.OutletBoilerplate, stage: str) -> list[Row]:
    """The functions the costliest document stage spends its time in (cProfile, by own time)."""
    profile = cProfile.Profile()
    for source in sources[:200]:
        work = Work(source, Article.from_source(source))
        try:
            for name, function in DOCUMENT_STAGES:
                if name == stage:
                    profile.runcall(function, work, boilerplate)
                    break
                function(work, boilerplate)
        except Exception:
            continue
    stats = pstats.Stats(profile, stream=io.StringIO())
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:12]  # type: ignore[attr-defined]
    return [{"function": f"{Path(f).name}:{line}({fn})", "own_s": round(v[2], 3), "cum_s": round(v[3], 3)}
            for (f, line, fn), v in rows]  # fmt: skip


# -- memory -------------------------------------------------------------------------------------


class TreeMonitor:
    """Samples the RSS and CPU seconds of a process and all its descendants (from /proc).

    The machine may be shared: CPU seconds say what a run costs whatever else runs beside it, so
    every run reports them with the wall-clock rate and the load average it ran under.
    """

    def __init__(self, root: int, every: float = 0.1) -> None:
        self.root, self.every = root, every
        self.peak_rss = 0
        self.start_cpu: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.load = [0.0, 0.0]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMonitor:
        self.start_cpu = dict(self._sample())
        self.load[0] = os.getloadavg()[0]
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.load[1] = os.getloadavg()[0]

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)
        self._sample()

    def _sample(self) -> dict[int, float]:
        stats = proc_stats()
        tree = descendants(self.root, stats)
        self.peak_rss = max(self.peak_rss, sum(stats[p][2] for p in tree))
        for pid in tree:
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), stats[pid][1])
        return {pid: stats[pid][1] for pid in tree}

    @property
    def cpu_seconds(self) -> float:
        return sum(cpu - self.start_cpu.get(pid, 0.0) for pid, cpu in self.cpu.items())


def proc_stats() -> dict[int, tuple[int, float, int]]:
    """``{pid: (ppid, CPU seconds, RSS bytes)}`` of every process."""
    ticks, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cpu = (int(fields[11]) + int(fields[12])) / ticks
                stats[int(entry.name)] = (int(fields[1]), cpu, int(fields[21]) * page)
            except (OSError, IndexError, ValueError):
                continue
    return stats


def descendants(root: int, stats: dict[int, tuple[int, float, int]]) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        if pid in stats:
            found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def peak_memory(docs: int) -> Row:
    """Peak RSS of a child process tree running a local two-worker bulk run over ``docs`` documents."""
    command = [sys.executable, __file__, "--child-bulk", str(docs)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    with TreeMonitor(child.pid, every=0.25) as monitor:
        out, _ = child.communicate()
    result: Row = {"error": child.returncode}
    if child.returncode == 0:
        result = json.loads(out.strip().splitlines()[-1])
    return {"documents": docs, "peak_rss_mb": round(monitor.peak_rss / 2**20, 1), **result}


def child_bulk(docs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kabar-mem-") as tmp:
        corpus = make_corpus(docs, Path(tmp))
        print(json.dumps(bulk_run(corpus, "local", 2, Path(tmp))))


# -- HTML: trafilatura against the whole pipeline -------------------------------------------------


def html_compare() -> Row:
    import trafilatura

    pages = sorted(HTML.glob("*.html.gz"))
    htmls = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    started = time.process_time()
    for html in htmls:
        trafilatura.extract(html)
    extract_s = time.process_time() - started
    sources = [i for i in read_inputs(pages) if isinstance(i, SourceDocument)]
    boilerplate = learn_boilerplate(sources)
    started = time.process_time()
    articles = process_sources(sources, boilerplate)
    kabar_s = time.process_time() - started
    failed = sum(1 for a in articles if any("processing failed" in n for n in a.notes))
    return {"pages": len(pages), "trafilatura_s": round(extract_s, 2), "kabar_full_s": round(kabar_s, 2),
            "trafilatura_ms_per_page": round(1000 * extract_s / len(pages), 1),
            "kabar_ms_per_page": round(1000 * kabar_s / len(pages), 1),
            "cpu_time": True, "kabar_over_trafilatura": round(kabar_s / extract_s, 2),
            "kabar_failed_pages": failed}  # fmt: skip


# -- report -------------------------------------------------------------------------------------


def targets(results: Row) -> Row:
    runs = {(r["path"], r["engine"], r["workers"]): r for r in results["throughput"]}
    one, two = runs.get(("bulk", "local", 1)), runs.get(("bulk", "local", 2))
    best = max((r["docs_per_s"] for r in results["throughput"] if r["engine"] == "local"), default=0.0)
    bound = max(
        (r["cpu_bound_docs_per_s"] for r in results["throughput"] if r["engine"] == "local"), default=0.0
    )
    speedup = round(two["docs_per_s"] / one["docs_per_s"], 2) if one and two else None
    big = max(results.get("memory", []), key=lambda m: m["documents"], default=None)
    rss = big["peak_rss_mb"] if big else None
    floor_ratio = round(results["floor"]["docs_per_s"] / best, 1) if best else None
    return {
        "local_docs_per_s>=300": {"value": best, "met": best >= 300, "cpu_bound": bound},
        "2_workers>=1.7x_1": {"value": speedup, "met": bool(speedup and speedup >= 1.7)},
        "peak_rss<1.5GB_at_100k": {
            "value": rss, "documents": big["documents"] if big else None,
            "met": bool(big and big["documents"] >= 100_000 and rss is not None and rss < 1536),
        },
        "within_20x_floor": {"value": floor_ratio, "met": bool(floor_ratio and floor_ratio <= 20)},
    }  # fmt: skip


def summary(results: Row) -> Iterator[str]:
    yield f"corpus: {results['settings']['docs']} documents ({results['settings']['mode']})"
    for run in results["throughput"]:
        name = f"{run['path']:<9} {run['engine']:<5} x{run['workers']}"
        yield (f"  {name}: {run['docs_per_s']:>7} docs/s wall, {run['cpu_ms_per_doc']:>6} CPU ms/doc, "
               f"{run['cpu_bound_docs_per_s']:>7} docs/s CPU-bound (load {run['load_avg'][0]})")  # fmt: skip
    yield f"  floor: {results['floor']['docs_per_s']} docs/s"
    profile = results["profile"]
    yield f"profile ({profile['documents']} docs, {profile['ms_per_doc_total']} ms/doc):"
    for name, stage in profile["stages"].items():
        yield f"  {name:<22} {stage['ms_per_doc']:>8} ms/doc  {100 * stage['share']:5.1f} %"
    for name, why in profile["failures"].items():
        yield f"  ! {name} failed: {why}"
    for mem in results.get("memory", []):
        yield f"peak RSS at {mem['documents']} docs: {mem['peak_rss_mb']} MB"
    if "html" in results:
        html = results["html"]
        yield (f"html: trafilatura {html['trafilatura_ms_per_page']} ms/page, kabar full "
               f"{html['kabar_ms_per_page']} ms/page")  # fmt: skip
    for name, target in results["targets"].items():
        yield f"target {name}: {target['value']} -> {'met' if target['met'] else 'NOT met'}"


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.child_bulk:
        child_bulk(args.child_bulk)
        return 0
    if not NEWS.exists():
        print(f"throughput: {NEWS} not found; nothing to measure")
        return 0
    results: Row = previous_results() if set(args.sections) != set(SECTIONS) else {}
    results["machine"] = machine()
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    if "throughput" in args.sections:
        results["settings"] = {"docs": args.docs, "mode": "quick" if args.quick else "full"}
        with tempfile.TemporaryDirectory(prefix="kabar-bench-") as tmp:
            corpus = make_corpus(args.docs, Path(tmp))
            results["profile"] = step("profile", profile_stages, corpus, args.profile_docs)
            results["floor"] = step("floor", floor, corpus)
            runs = [
                step(f"bulk {e} x{w}", bulk_run, corpus, e, w, Path(tmp)) for e, w in configurations(args)
            ]
            runs += [step(f"streaming x{w}", streaming_run, corpus, w) for w in (1, 2)]
            results["throughput"] = runs
        results["measured_at"] = {**results.get("measured_at", {}), "throughput": stamp}
    if "memory" in args.sections and not args.no_memory:
        sizes = args.memory_docs or ([2_000, 10_000] if args.quick else [10_000, 100_000])
        results["memory"] = [step(f"memory {n}", peak_memory, n) for n in sizes]
        results["measured_at"] = {**results.get("measured_at", {}), "memory": stamp}
    if "html" in args.sections and HTML.exists():
        results["html"] = step("html", html_compare)
        results["measured_at"] = {**results.get("measured_at", {}), "html": stamp}
    results["targets"] = targets(results)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print("\n".join(summary(results)))
    return 0


SECTIONS = ["throughput", "memory", "html"]


def previous_results() -> Row:
    try:
        loaded: Row = json.loads(RESULTS.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded


def step(name: str, run: Callable[..., Row], *args: Any) -> Row:
    started = time.perf_counter()
    print(f"[throughput] {name} ...", file=sys.stderr, flush=True)
    result = run(*args)
    print(f"[throughput] {name} done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return result


def configurations(args: argparse.Namespace) -> list[tuple[str, int]]:
    engines = ["local"] + (["ray"] if not args.no_ray and ray_available() else [])
    return [(engine, workers) for engine in engines for workers in (1, 2)]


def machine() -> Row:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000, help="documents for the throughput runs")
    parser.add_argument(
        "--quick", action="store_true", help="peak memory at 2k and 10k instead of 10k and 100k"
    )
    parser.add_argument("--memory-docs", type=int, nargs="*", help="document counts for peak memory")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak memory runs")
    parser.add_argument("--profile-docs", type=int, default=300, help="documents for the per-stage profile")
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="run only these parts; the others are kept from the last results file (each part says when"
        " it was measured, under measured_at)",
    )
    parser.add_argument("--child-bulk", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(main())
