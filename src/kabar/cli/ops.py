"""Commands that run things: the web server, bulk-dataset loading, model training and tagging."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kabar.cli.core import _db, cli, db_option


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="KABAR_TOKEN", default=None,
              help="Access token, required beyond loopback (default: $KABAR_TOKEN).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes.")  # fmt: skip
def serve_cmd(db_path: Path | None, host: str, port: int, token: str | None, workers: int) -> None:
    """Serve the store as a web UI and a REST API (every page is also JSON).

    \b
    Example:
        kabar serve --db news.db   # then open http://127.0.0.1:8000/
    """
    from kabar.serve import ServeError, run

    try:
        run(_db(db_path), host, port, token, workers=workers)
    except ServeError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("load")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=500, show_default=True)
def load_cmd(dataset: Path, db_path: Path | None, batch_size: int) -> None:
    """Import a dataset written by `kabar analyze --out-dir` into the store (idempotent)."""
    from kabar.bulk import load_dataset
    from kabar.store import Store

    with Store(_db(db_path)) as store:
        report = load_dataset(dataset, store, batch_size=batch_size)
    click.echo(f"kabar: {report.summary()}", err=True)


@cli.command("train")
@click.argument("what", type=click.Choice(["all", "clusters", "pos", "ner"]))
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True, help="The training data folder.")  # fmt: skip
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where model files go (default: the package's models folder).")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True)
def train_cmd(what: str, data: Path, out: Path | None, seed: int) -> None:
    """Rebuild the language models (word clusters, POS tagger, NER) from the data; prints the figures.

    \b
    Example:
        kabar train ner --data ../shared/data
    """
    from kabar.language import train

    out = out or train.MODELS_DIR
    figures: dict[str, object] = {}
    if what in ("all", "clusters"):
        figures["clusters"] = train.train_clusters(data, out, seed)
    if what in ("all", "pos"):
        figures["pos"] = train.train_pos(data, out, seed)
    if what in ("all", "ner"):
        figures["ner"] = train.train_ner(data, out, seed)
    click.echo(json.dumps(figures, indent=2, default=str))


@cli.command("tag")
@click.option("--conll", "in_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Input: one token per line (first column), blank line between sentences.")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--task", type=click.Choice(["ner", "pos"]), default="ner", show_default=True)
@click.option("--domain", type=click.Choice(["auto", "news", "nergrit"]), default="auto", show_default=True,
              help="NER model: news conventions, NERGrit's, or guessed from the file.")  # fmt: skip
def tag_cmd(in_path: Path, output: Path, task: str, domain: str) -> None:
    """Tag a CoNLL file with entities (BIO) or POS tags: `token<TAB>tag` lines."""
    from kabar.language import tag_conll

    count = tag_conll(in_path, output, task="pos" if task == "pos" else "ner", domain=domain)
    click.echo(f"kabar: {count} sentences tagged into {output}", err=True)
