"""The group and the corpus commands: analyze, ingest, search, show, stats, collect."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kabar import __version__
from kabar.config import default_db_path
from kabar.model import Article, to_dict, to_json
from kabar.pipeline import RunReport, analyze, ingest
from kabar.sample import sample_inputs
from kabar.store import SearchError, Store

db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="KABAR_DB",
    default=None, help="Store file (default: $KABAR_DB or ~/.local/share/kabar/kabar.db).",
)  # fmt: skip
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
workers_option = click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                              help="Processes for the per-document stages.")  # fmt: skip


def _db(path: Path | None) -> Path:
    return path or default_db_path()


def _open_existing(path: Path | None) -> Store:
    db = _db(path)
    if not db.exists():
        raise click.ClickException(f"no store at {db}: run `kabar ingest` first (or pass --db)")
    return Store(db)


def _progress_enabled() -> bool:
    return sys.stderr.isatty() and sys.stdout.isatty()


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    """A rich progress display on a terminal; a silent no-op otherwise."""
    if not _progress_enabled():
        yield lambda: None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), TextColumn("{task.completed} documents"),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(label, total=None)
        yield lambda: progress.advance(task)


def _emit_report(report: RunReport, report_path: Path | None) -> None:
    click.echo(f"kabar: {report.summary()}", err=True)
    for skip in report.skipped[:20]:
        click.echo(f"  skipped {skip.origin}: {skip.reason}", err=True)
    if len(report.skipped) > 20:
        click.echo(f"  … and {len(report.skipped) - 20} more (see --report)", err=True)
    if report_path:
        report_path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")


def _inputs(inputs: tuple[str, ...], sample: bool) -> list[str]:
    chosen = list(inputs) + ([str(p) for p in sample_inputs()] if sample else [])
    if not chosen:
        raise click.UsageError("give at least one INPUT (file, directory or glob), or --sample")
    return chosen


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kabar")
def cli() -> None:
    """kabar: Indonesian news in, clean articles, actors, quotes, events and stories out."""


@cli.command("analyze")
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write JSONL here (default: standard output).")  # fmt: skip
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the run report as JSON to this file.")  # fmt: skip
@click.option("--sample", is_flag=True, help="Add the bundled sample corpus to the inputs.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write a sharded Parquet dataset here instead of JSONL (resumable; see `kabar load`).")  # fmt: skip
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where a --out-dir run's work runs: local processes or Ray (pip install 'kabar[ray]').")  # fmt: skip
@click.option("--address", default=None, help="Ray cluster address (default: start a private local Ray).")
@workers_option
def analyze_cmd(
    inputs: tuple[str, ...], output: Path | None, report_path: Path | None, sample: bool,
    out_dir: Path | None, engine: str, address: str | None, workers: int,
) -> None:  # fmt: skip
    """Analyse INPUT files, directories or globs as one corpus; write one JSON object per document.

    \b
    Examples:
        kabar analyze ../shared/seeds/*.txt -o out.jsonl
        kabar analyze --engine ray --workers 64 --address auto INPUT... --out-dir DIR
    """
    chosen = _inputs(inputs, sample)
    if out_dir is not None:
        _analyze_to_dataset(chosen, out_dir, engine, address, workers, report_path)
        return
    if engine != "local" or address:
        raise click.UsageError("--engine ray and --address write a dataset: give --out-dir")
    report = RunReport()
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with _progress("analysing") as tick:
            for article in analyze(chosen, workers=workers, report=report):
                out.write(to_json(article) + "\n")
                tick()
    finally:
        if output:
            out.close()
    _emit_report(report, report_path)


def _analyze_to_dataset(
    inputs: list[str], out_dir: Path, engine: str, address: str | None, workers: int,
    report_path: Path | None,
) -> None:  # fmt: skip
    from kabar.bulk import write_dataset
    from kabar.executors import EngineUnavailable

    try:
        report = write_dataset(inputs, out_dir, engine=engine, workers=workers, address=address)
    except (EngineUnavailable, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"kabar: {report.summary()}", err=True)
    if report_path:
        report_path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")


@cli.command("ingest")
@click.argument("inputs", nargs=-1)
@click.option("--sample", is_flag=True, help="Add the bundled sample corpus to the inputs.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the run report as JSON to this file.")  # fmt: skip
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=200, show_default=True,
              help="Documents per transaction.")  # fmt: skip
@db_option
@workers_option
def ingest_cmd(
    inputs: tuple[str, ...], sample: bool, report_path: Path | None, batch_size: int,
    db_path: Path | None, workers: int,
) -> None:  # fmt: skip
    """Analyse INPUTs and add them to the store; content already stored is not added again.

    \b
    Example:
        kabar ingest ../shared/seeds/ --db news.db
    """
    report = RunReport()
    with Store(_db(db_path)) as store, _progress("ingesting") as tick:
        ingest(store, _inputs(inputs, sample), report=report, batch_size=batch_size, workers=workers,
               on_article=tick)  # fmt: skip
    _emit_report(report, report_path)


@cli.command("search")
@click.argument("query")
@click.option("--outlet", help="Only this outlet.")
@click.option("--since", help="Only articles published on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this day (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@db_option
@json_option
def search_cmd(
    query: str, outlet: str | None, since: str | None, until: str | None, limit: int,
    db_path: Path | None, as_json: bool,
) -> None:  # fmt: skip
    """Full-text search: words, "exact phrases", prefix*, AND / OR / NOT.

    \b
    Example:
        kabar search '"Kim Jong Un" AND limusin' --since 2024-01-01
    """
    with _open_existing(db_path) as store:
        try:
            hits = store.search(query, outlet=outlet, since=since, until=until, limit=limit)
        except SearchError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps([to_dict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        click.echo(f"{hit.id}  {hit.pub_date or '':<10.10}  {hit.outlet or '':<22.22}  {hit.title or ''}")
        click.echo(f"    {hit.snippet}")
    click.echo(f"{len(hits)} result{'s' if len(hits) != 1 else ''}", err=True)


@cli.command("show")
@click.argument("doc_id")
@db_option
@json_option
def show_cmd(doc_id: str, db_path: Path | None, as_json: bool) -> None:
    """Show one stored article: metadata, clean text and what was extracted from it."""
    with _open_existing(db_path) as store:
        article = store.get(doc_id)
    if article is None:
        raise click.ClickException(f"no article with id {doc_id!r}")
    if as_json:
        click.echo(json.dumps(to_dict(article), ensure_ascii=False, indent=2))
        return
    click.echo(_article_text(article))


def _article_text(article: Article) -> str:
    lines = [article.title or "(no title)", "=" * min(78, len(article.title or "(no title)"))]
    meta = [("id", article.id), ("outlet", article.outlet), ("published", article.pub_date),
            ("byline", ", ".join(f"{b.name} ({b.role})" if b.role else b.name for b in article.byline)),
            ("language", article.language), ("url", article.url), ("duplicate of", article.duplicate_of),
            ("story", article.story)]  # fmt: skip
    lines += [f"{k:>12}: {v}" for k, v in meta if v]
    lines += ["", article.text, ""]
    lines += [f"actor  {a.code:<8} {a.name}" for a in article.actors]
    lines += [f"quote  {q.speaker.name if q.speaker else '?'}: “{q.text}”" for q in article.quotes]
    lines += [f"event  {e.category} {e.source.name if e.source else '?'} → {e.target.name if e.target else '-'}"
              f" ({e.date or '?'}, {e.status})" for e in article.events]  # fmt: skip
    return "\n".join(lines)


@cli.command("stats")
@db_option
@json_option
def stats_cmd(db_path: Path | None, as_json: bool) -> None:
    """Counts of what the store holds."""
    with _open_existing(db_path) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    for key, value in stats.items():
        if key == "by_outlet":
            click.echo(f"{'by outlet':>16}:")
            for outlet, count in value.items():
                click.echo(f"{'':>18}{count:>6}  {outlet}")
        else:
            click.echo(f"{key.replace('_', ' '):>16}: {value}")


def _duration(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)
    except (ValueError, IndexError):
        raise click.BadParameter(f"{text!r} is not a duration like 90s, 15m or 2h") from None


@cli.command("collect")
@click.argument(
    "sources_path", metavar="SOURCES", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--warc-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where WARC files go (default: a 'warc' folder beside the store).")  # fmt: skip
@click.option("--threads", type=click.IntRange(1, 256), default=8, show_default=True,
              help="Fetching threads in all (per-host limits still apply).")  # fmt: skip
@click.option("--no-ingest", is_flag=True, help="Only fetch and archive; ingest later with `kabar ingest`.")
@click.option("--watch", is_flag=True, help="Repeat until interrupted.")
@click.option("--every", default="15m", show_default=True, help="Interval between --watch rounds (s, m, h).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the (last) run report as JSON to this file.")  # fmt: skip
@db_option
def collect_cmd(
    sources_path: Path, warc_dir: Path | None, threads: int, no_ingest: bool, watch: bool, every: str,
    report_path: Path | None, db_path: Path | None,
) -> None:  # fmt: skip
    """Fetch new articles from the feeds, sitemaps and URL lists in SOURCES, archive them as WARC
    and ingest them. Already collected URLs are not fetched again.

    \b
    Example:
        kabar collect sources.yaml --watch --every 15m
    """
    from kabar import collect as collecting

    try:
        sources = collecting.load_sources(sources_path)
    except collecting.SourcesError as exc:
        raise click.ClickException(str(exc)) from None
    db = _db(db_path)
    target = warc_dir or db.parent / "warc"
    with Store(db) as store:

        def once() -> collecting.CollectReport:
            return collecting.collect(sources, store, target, threads=threads, ingest_pages=not no_ingest)

        for report in collecting.watch(once, _duration(every), rounds=None if watch else 1):
            click.echo(f"kabar collect: {report.summary()}", err=True)
            for url, reason in report.failed[:20]:
                click.echo(f"  failed {url}: {reason}", err=True)
            if report_path:
                report_path.write_text(json.dumps(report.as_dict(), indent=2) + "\n", "utf-8")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kabar")
