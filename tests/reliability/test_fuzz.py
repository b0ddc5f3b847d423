"""Property tests over the parsers: no exception escapes, offsets stay inside the text, and every
input is accounted for. benchmarks/fuzz.py runs the same properties for many more cases."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kabar.clean import clean_dump, clean_html
from kabar.config import Limits
from kabar.dates import find_dates, parse_pub_date
from kabar.ingest import read_inputs
from kabar.ingest.decode import decode_bytes
from kabar.model import SkippedInput, SourceDocument
from kabar.store import SearchError, Store
from kabar.store.query import QuerySyntaxError, to_fts

EXAMPLES = int(os.environ.get("KABAR_FUZZ_EXAMPLES", "150"))  # benchmarks/fuzz.py raises it
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
INDONESIAN = st.sampled_from(["Kamis (14/9/2023)", "pada Jumat (10/11/2023)", "kata", "“", "”", "\"", "(", ")",
                              "Baca juga:", "AND", "OR", "NOT", "*", "Rp 75.000", "5,95 persen", "\n", "\n\n",
                              "Jl.", "dll.", "-nya", "Selasa (20/1)", "tahun lalu", "WIB", "Korut", " "])  # fmt: skip
TEXT = st.lists(st.one_of(INDONESIAN, st.text(max_size=12)), max_size=40).map("".join)


@FAST
@given(st.binary(max_size=4000))
def test_decode_never_fails(data: bytes) -> None:
    assert isinstance(decode_bytes(data).text, str)


@FAST
@given(st.lists(st.one_of(st.binary(max_size=200), st.builds(lambda d: json.dumps(d).encode(),
       st.dictionaries(st.sampled_from(["id", "raw", "html", "url", "outlet", "pub_date"]), st.one_of(
           st.text(max_size=50), st.integers(), st.none()), max_size=6))), max_size=12))  # fmt: skip
def test_jsonl_lines_are_all_accounted_for(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n")
        items = list(read_inputs([path]))
    nonblank = sum(1 for line in lines if line.replace(b"\n", b" ").strip())
    assert len(items) == nonblank
    assert all(isinstance(i, SourceDocument | SkippedInput) for i in items)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.warc", "a.warc.gz", "a.html", "a.html.gz", "a.txt"]))
def test_random_bytes_in_any_reader_never_escape(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") and data[:1] == b"W" else data)
        items = list(read_inputs([path], Limits()))
    assert all(isinstance(i, SourceDocument | SkippedInput) for i in items)
    if name.endswith((".txt", ".html", ".html.gz")):
        assert len(items) == 1


@FAST
@given(TEXT)
def test_dates_lie_inside_the_text(text: str) -> None:
    for mention in find_dates(text):
        assert 0 <= mention.start <= mention.end <= len(text)
    parse_pub_date(text)


@FAST
@given(TEXT)
def test_query_parser_gives_a_valid_query_or_a_one_line_error(query: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    try:
        expression = to_fts(query)
    except QuerySyntaxError as exc:
        assert "\n" not in str(exc)
        return
    conn.execute("SELECT * FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_search_with_sql_and_fts_metacharacters_is_safe(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        for query in ["'; DROP TABLE articles; --", 'x" OR 1=1 --', "NEAR(a b)", "a:b", "^x", "{a b}:c",
                      "%", "_", "\\", "\x00"]:  # fmt: skip
            try:
                store.search(query)
            except SearchError as exc:
                assert "\n" not in str(exc)
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


@FAST
@given(TEXT)
def test_dump_cleaner_keeps_only_input_text(raw: str) -> None:
    result = clean_dump(raw)
    squashed = " ".join(raw.split())
    for paragraph in result.paragraphs:
        assert " ".join(paragraph.split()) in squashed


@FAST
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<h1>", "</h1>",
                                  "<a href='javascript:x'>", "</a>", "&amp;", "&#0;", "<!--", "-->", "<![CDATA["])
                | TEXT, max_size=30).map("".join))  # fmt: skip
def test_html_cleaner_never_raises(html: str) -> None:
    clean_html(html, timeout_s=0)
