"""The dataset's tables: Arrow schemas derived from the model, records to rows and back.

One row per record. Scalar fields (``str``, ``int``, ``float``, ``bool``, string literals) are
columns of their type; nested fields (lists, dicts, actor references) are JSON strings, marked
``json`` in the field metadata so :func:`decode_row` knows to read them back. The schemas follow the
dataclasses of :mod:`kabar.model`, so a new model field becomes a new column without a change here.

Child tables (actors, quotes, events) carry ``article_row`` (the article's row in the same shard
file), ``article_id`` and ``idx`` (position in the article's list).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa

from kabar.model import Actor, Article, Event, Quote, SkippedInput, to_dict

ARTICLE_TABLE = "articles"
CHILD_TABLES: dict[str, type] = {"actors": Actor, "quotes": Quote, "events": Event}
CORPUS_FIELDS = ("duplicate_of", "story", "thread")
"""Article fields the corpus stages fill: kept out of ``articles`` and written to ``corpus``."""
SHARD_TABLES = (ARTICLE_TABLE, *CHILD_TABLES, "skips")
JSON = {b"json": b"1"}

_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def arrow_field(name: str, hint: Any) -> pa.Field:
    """The column for one dataclass field: its scalar type, else a JSON string."""
    scalar = _scalar(hint)
    if scalar is not None:
        return pa.field(name, scalar)
    return pa.field(name, pa.string(), metadata=JSON)


def _scalar(hint: Any) -> pa.DataType | None:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        kept = [a for a in get_args(hint) if a is not type(None)]
        return _scalar(kept[0]) if len(kept) == 1 else None
    if origin is Literal:
        values = get_args(hint)
        return pa.string() if all(isinstance(v, str) for v in values) else None
    return _SCALARS.get(hint)


@cache
def record_schema(cls: type, exclude: tuple[str, ...] = ()) -> pa.Schema:
    hints = typing.get_type_hints(cls)
    return pa.schema(
        [arrow_field(f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.name not in exclude]
    )


@cache
def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of a dataset table."""
    if table == ARTICLE_TABLE:
        excluded = (*CHILD_TABLES, *CORPUS_FIELDS)
        return pa.schema([pa.field("row", pa.int32()), *record_schema(Article, excluded)])
    if table in CHILD_TABLES:
        keys = [
            pa.field("article_row", pa.int32()),
            pa.field("article_id", pa.string()),
            pa.field("idx", pa.int32()),
        ]
        return pa.schema([*keys, *record_schema(CHILD_TABLES[table])])
    if table == "skips":
        return record_schema(SkippedInput)
    if table == "corpus":
        return pa.schema([pa.field("row", pa.int32()), pa.field("article_id", pa.string()),
                          *[pa.field(name, pa.string()) for name in CORPUS_FIELDS]])  # fmt: skip
    if table == "stories":
        return pa.schema([
            pa.field("story", pa.string()), pa.field("thread", pa.string()),
            pa.field("language", pa.string()), pa.field("title", pa.string()),
            pa.field("first_date", pa.string()), pa.field("last_date", pa.string()),
            pa.field("size", pa.int64()),
        ])  # fmt: skip
    raise KeyError(f"no dataset table {table!r}")


def encode_row(data: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    """A row for ``schema`` from a record's dict: nested values as compact JSON."""
    row = {}
    for field in schema:
        value = data.get(field.name)
        if field.metadata == JSON and value is not None:
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        row[field.name] = value
    return row


def decode_row(row: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    """The record dict of a row (JSON columns parsed)."""
    data = dict(row)
    for field in schema:
        if field.metadata == JSON and data.get(field.name) is not None:
            data[field.name] = json.loads(data[field.name])
    return data


def article_rows(row: int, article: Article) -> dict[str, list[dict[str, Any]]]:
    """The rows of one article in every shard table (``row`` is its position in the shard)."""
    data = to_dict(article)
    rows = {ARTICLE_TABLE: [encode_row({**data, "row": row}, table_schema(ARTICLE_TABLE))]}
    for table in CHILD_TABLES:
        schema = table_schema(table)
        rows[table] = [
            encode_row({**child, "article_row": row, "article_id": article.id, "idx": idx}, schema)
            for idx, child in enumerate(data[table])
        ]
    return rows


def skip_row(skip: SkippedInput) -> dict[str, Any]:
    return encode_row(to_dict(skip), table_schema("skips"))


def rebuild_articles(tables: dict[str, pa.Table], corpus: pa.Table | None = None) -> list[Article]:
    """The articles of one shard from its tables (and its ``corpus`` rows, when given)."""
    articles = [decode_row(r, table_schema(ARTICLE_TABLE)) for r in tables[ARTICLE_TABLE].to_pylist()]
    by_row = {a["row"]: a for a in articles}
    for article in articles:
        for table in CHILD_TABLES:
            article[table] = []
    for table in CHILD_TABLES:
        schema = table_schema(table)
        for child in tables[table].to_pylist():
            by_row[child["article_row"]][table].append(_child(decode_row(child, schema)))
    for link in corpus.to_pylist() if corpus is not None else ():
        if link["row"] in by_row:
            by_row[link["row"]].update({name: link[name] for name in CORPUS_FIELDS})
    return [Article.from_dict(a) for a in articles]


def _child(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("article_row", "article_id", "idx")}


def empty_table(table: str) -> pa.Table:
    return table_schema(table).empty_table()


def to_table(table: str, rows: Iterable[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=table_schema(table))
