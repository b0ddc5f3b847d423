"""Commands over what the store knows: actors, quotes, events, stories and their timelines."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from kabar import actors, events, quotes
from kabar.cli.core import _open_existing, cli, db_option, json_option
from kabar.config import default_user_actors_path
from kabar.dedup.dates import iso_day

actors_file_option = click.option(
    "--actors-file", "user_path", type=click.Path(dir_okay=False, path_type=Path), envvar="KABAR_ACTORS",
    default=None, help="Your own actor entries (default: $KABAR_ACTORS or actors.yaml beside the store).",
)  # fmt: skip


def _user_path(path: Path | None) -> Path:
    return path or default_user_actors_path()


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.group("actors")
def actors_group() -> None:
    """Add your own actors to the knowledge base (they take effect on the next ingest)."""


@actors_group.command("add")
@click.argument("name")
@click.option("--code", required=True, help='Actor code, e.g. "IDN GOV" or "IDN LEG".')
@click.option("--kind", type=click.Choice(["person", "org", "country"]), default="person", show_default=True)
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--qid", default=None, help="Wikidata id, e.g. Q123.")
@click.option("--replace", is_flag=True, help="Replace your entry of the same id.")
@actors_file_option
def actors_add_cmd(
    name: str, code: str, kind: str, aliases: tuple[str, ...], qid: str | None, replace: bool,
    user_path: Path | None,
) -> None:  # fmt: skip
    """Add one actor NAME with its code.

    \b
    Example:
        kabar actors add "Budi Santoso" --code "IDN GOV" --alias "Pak Budi"
    """
    entry: dict[str, Any] = {"kind": kind, "name": name, "code": code}
    if aliases:
        entry["aliases"] = list(aliases)
    if qid:
        entry["qid"] = qid
    try:
        actor_id = actors.add_entry(_user_path(user_path), entry, replace=replace)
    except actors.KnowledgeBaseError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"added {actor_id} to {_user_path(user_path)}")


@actors_group.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@actors_file_option
def actors_import_cmd(source: Path, user_path: Path | None) -> None:
    """Import actors from a YAML or CSV file (see the README for the columns)."""
    try:
        report = actors.import_entries(_user_path(user_path), source)
    except actors.KnowledgeBaseError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{len(report.added)} added, {len(report.replaced)} replaced in {_user_path(user_path)}")


@cli.command("actor")
@click.argument("name")
@click.option("--date", default=None, help="Show the code held on this day (YYYY-MM-DD).")
@actors_file_option
@json_option
def actor_cmd(name: str, date: str | None, user_path: Path | None, as_json: bool) -> None:
    """Who NAME is: knowledge-base entries, their codes (on --date) and aliases.

    \b
    Example:
        kabar actor Korut
    """
    found = actors.find_actor(name, date=date, user_path=_user_path(user_path))
    if as_json:
        _echo_json([asdict(info) for info in found])
        return
    if not found:
        raise click.ClickException(f"no actor called {name!r} in the knowledge base")
    for info in found:
        office = f"  ({info.office})" if info.office else ""
        click.echo(f"{info.code:<10} {info.name} [{info.id}]{office}")
        if info.aliases:
            click.echo(f"           aliases: {', '.join(info.aliases)}")


@cli.command("quotes")
@click.argument("words", required=False)
@click.option("--speaker", default=None, help="Part of the speaker's name.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@db_option
@json_option
def quotes_cmd(
    words: str | None, speaker: str | None, limit: int, db_path: Path | None, as_json: bool
) -> None:
    """Quotes containing WORDS and/or by --speaker, each with every outlet that carried it.

    \b
    Examples:
        kabar quotes "tetangga dekat"
        kabar quotes --speaker Peskov
    """
    if not words and not speaker:
        raise click.UsageError("give WORDS, --speaker, or both")
    with _open_existing(db_path) as store:
        found = quotes.search_quotes(store.conn, words, speaker, limit)
    if as_json:
        _echo_json(found)
        return
    for quote in found:
        who = quote["speaker"]["name"] if quote["speaker"] else "?"
        click.echo(f"“{quote['text']}” — {who}")
        for seen in quote["occurrences"]:
            click.echo(f"    {seen['date'] or '?':<10} {seen['outlet'] or '?'}  [{seen['article_id']}]")


@cli.command("events")
@click.option("--category", default=None, help="PLOVER category, e.g. ACCUSE or AGREE.")
@click.option("--actor", default=None, help="Source or target: a name, a code or a knowledge-base id.")
@click.option("--since", default=None, help="Events on or after this day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Events on or before this day (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["plover", "jsonl", "csv"]), default="plover",
              show_default=True, help="PLOVER JSON lines, flat JSON lines, or CSV.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here (default: standard output).")  # fmt: skip
@db_option
def events_cmd(
    category: str | None, actor: str | None, since: str | None, until: str | None, fmt: str,
    output: Path | None, db_path: Path | None,
) -> None:  # fmt: skip
    """Export coded events from the store.

    \b
    Example:
        kabar events --category ACCUSE --format csv -o accuse.csv
    """
    writers = {"plover": events.export_plover, "jsonl": events.export_jsonl, "csv": events.export_csv}
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        with _open_existing(db_path) as store:
            rows = events.query_events(store.conn, category=category, actor=actor, since=since, until=until)
            count = writers[fmt](rows, out)
    finally:
        if output:
            out.close()
    click.echo(f"kabar: {count} events", err=True)


@cli.command("stories")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@db_option
@json_option
def stories_cmd(limit: int, db_path: Path | None, as_json: bool) -> None:
    """The most recent stories: reports of the same happening grouped across outlets."""
    with _open_existing(db_path) as store:
        rows = store.conn.execute(
            "SELECT s.id, s.thread, s.size, s.title, s.first_day, s.last_day FROM story_stories s"
            " ORDER BY s.last_day DESC, s.size DESC LIMIT ?", (limit,),
        ).fetchall()  # fmt: skip
    found = [
        {"id": r["id"], "thread": r["thread"], "size": r["size"], "title": r["title"],
         "first": iso_day(r["first_day"]), "last": iso_day(r["last_day"])} for r in rows
    ]  # fmt: skip
    if as_json:
        _echo_json(found)
        return
    for story in found:
        click.echo(
            f"{story['id']:<14} {story['first']}…{story['last']}  {story['size']:>3}  {story['title']}"
        )


@cli.command("story")
@click.argument("story_id")
@click.option("--timeline", "as_timeline", is_flag=True, help="Show the story's timeline with its events.")
@db_option
@json_option
def story_cmd(story_id: str, as_timeline: bool, db_path: Path | None, as_json: bool) -> None:
    """One story (s-…): its articles in publication order, or its --timeline.

    \b
    Example:
        kabar story s-001 --timeline
    """
    if as_timeline:
        _show_timeline(story_id, db_path, as_json)
        return
    from kabar.stories.store import story_row

    with _open_existing(db_path) as store:
        story = story_row(store.conn, story_id)
        rows = store.conn.execute(
            "SELECT id, pub_date, outlet, title, duplicate_of FROM articles WHERE story = ?"
            " ORDER BY pub_date, id", (story_id,),
        ).fetchall()  # fmt: skip
    if story is None:
        raise click.ClickException(f"no story {story_id!r}")
    first, last, articles = iso_day(story["first_day"]), iso_day(story["last_day"]), [dict(r) for r in rows]
    if as_json:
        _echo_json({"id": story["id"], "thread": story["thread"], "title": story["title"] or "", "first_date": first,
                    "last_date": last, "size": story["size"], "articles": articles})  # fmt: skip
        return
    click.echo(f"{story['title'] or ''}  ({first} … {last}, thread {story['thread']})")
    for article in articles:
        click.echo(
            _article_line(article["pub_date"], article["outlet"], article["title"], article["duplicate_of"])
        )


def _article_line(
    pub_date: str | None, outlet: str | None, title: str | None, duplicate_of: str | None
) -> str:
    copy = f"  (copy of {duplicate_of})" if duplicate_of else ""
    return f"  {pub_date or '?':<25} {outlet or '?'}: {title}{copy}"


@cli.command("thread")
@click.argument("thread_id")
@db_option
@json_option
def thread_cmd(thread_id: str, db_path: Path | None, as_json: bool) -> None:
    """A story thread (t-…) as a timeline: its stories, events and articles by date."""
    _show_timeline(thread_id, db_path, as_json)


def _show_timeline(timeline_id: str, db_path: Path | None, as_json: bool) -> None:
    from kabar.stories.timeline import build_timeline

    with _open_existing(db_path) as store:
        timeline = build_timeline(store.conn, timeline_id)
    if timeline is None:
        raise click.ClickException(f"no story or thread {timeline_id!r}")
    if as_json:
        _echo_json(timeline.as_dict())
        return
    click.echo(f"{timeline.label}  ({timeline.first_date} … {timeline.last_date})")
    for story in timeline.stories:
        click.echo(
            f"  story {story.id}: {story.title} ({story.first_date} … {story.last_date}, {story.size})"
        )
    for event in timeline.events:
        click.echo(
            f"  {event.date or '?':<10} {event.category:<10} {event.source or '-'} → {event.target or '-'}"
        )
    for article in timeline.articles:
        click.echo(_article_line(article.pub_date, article.outlet, article.title, article.duplicate_of))
