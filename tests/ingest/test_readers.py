"""Ingestion: every reader, and every kind of bad input ends as a document or a stated skip."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from kabar.config import Limits
from kabar.ingest import read_inputs, reader_for
from kabar.ingest.readers import read_html_file, read_jsonl_file, read_text_file
from kabar.ingest.warc import read_warc_file
from kabar.model import SkippedInput, SourceDocument

BODY = "Jakarta, Kabar Uji - Pemerintah mengumumkan kebijakan baru pada Senin (3/6/2024).\n"


def _all(inputs: list[str | Path], limits: Limits | None = None) -> list[SourceDocument | SkippedInput]:
    return list(read_inputs(inputs, limits))


def test_text_dump_id_is_stem(tmp_path: Path) -> None:
    (tmp_path / "berita_01.txt").write_text(BODY, "utf-8")
    [doc] = _all([tmp_path / "berita_01.txt"])
    assert isinstance(doc, SourceDocument)
    assert (doc.id, doc.kind, doc.raw) == ("berita_01", "text", BODY)
    assert len(doc.hash) == 64


def test_directory_and_glob(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(BODY + name, "utf-8")
    assert [d.id for d in _all([tmp_path]) if isinstance(d, SourceDocument)] == ["a", "b", "c"]
    assert [d.id for d in _all([str(tmp_path / "*.txt")]) if isinstance(d, SourceDocument)] == ["a", "b"]


def test_empty_file_is_skipped_with_reason(tmp_path: Path) -> None:
    (tmp_path / "kosong.txt").write_bytes(b"")
    [skip] = _all([tmp_path / "kosong.txt"])
    assert isinstance(skip, SkippedInput) and skip.reason == "empty file"


def test_binary_file_named_txt_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(256))
    [skip] = _all([tmp_path / "gambar.txt"])
    assert isinstance(skip, SkippedInput) and "binary" in skip.reason


def test_oversized_file_is_skipped_not_read(tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    with big.open("wb") as handle:  # sparse: 200 MB without writing 200 MB
        handle.truncate(200 * 1024 * 1024)
    [skip] = _all([big])
    assert isinstance(skip, SkippedInput)
    assert "over the 50 MiB limit" in skip.reason


def test_invalid_utf8_is_replaced_and_flagged(tmp_path: Path) -> None:
    data = "Harga cabai naik — kata pedagang “mahal”.\n".encode() + b"\xff\xfe broken\n"
    (tmp_path / "rusak.txt").write_bytes(data)
    [doc] = _all([tmp_path / "rusak.txt"])
    assert isinstance(doc, SourceDocument)
    assert "undecodable bytes replaced" in doc.flags
    assert "“mahal”" in doc.raw and "\ufffd" in doc.raw


def test_windows_1252_is_detected(tmp_path: Path) -> None:
    text = "Menteri berkata: “Kami siap” — pada 5 Juni 2024, harga naik 5%.\n" * 3
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    [doc] = _all([tmp_path / "cp1252.txt"])
    assert isinstance(doc, SourceDocument)
    assert doc.raw == text
    assert any(flag.startswith("decoded as") for flag in doc.flags)


def test_jsonl_good_bad_and_incomplete_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "raw": BODY, "url": "https://contoh.id/a1", "outlet": "Contoh",
                    "pub_date": "2024-06-03"}),
        "{not json",
        json.dumps({"id": "a2", "title": "tanpa isi"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "a3", "html": "<html><body><p>Isi.</p></body></html>"}),
    ]  # fmt: skip
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = _all([path])
    docs = [i for i in items if isinstance(i, SourceDocument)]
    skips = [i for i in items if isinstance(i, SkippedInput)]
    assert [(d.id, d.kind) for d in docs] == [("a1", "text"), ("a3", "html")]
    assert docs[0].url == "https://contoh.id/a1" and docs[0].outlet == "Contoh"
    assert docs[0].pub_date == "2024-06-03"
    reasons = {s.origin.rsplit(":", 1)[1]: s.reason for s in skips}
    assert reasons["2"].startswith("not JSON")
    assert reasons["3"] == "no 'raw' or 'html' text"
    assert reasons["4"] == "not a JSON object"


def test_html_file_and_gzipped_html(tmp_path: Path) -> None:
    html = "<html><head><meta charset='utf-8'><title>Uji</title></head><body><p>Isi berita.</p></body></html>"
    (tmp_path / "hal.html").write_text(html, "utf-8")
    (tmp_path / "hal2.html.gz").write_bytes(gzip.compress(html.encode()))
    docs = _all([tmp_path])
    assert [(d.id, d.kind) for d in docs if isinstance(d, SourceDocument)] == [
        ("hal", "html"),
        ("hal2", "html"),
    ]


def _warc_bytes(count: int) -> bytes:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    buf = io.BytesIO()
    writer = warcio.warcwriter.WARCWriter(buf, gzip=True)
    for i in range(count):
        body = f"<html><body><p>Berita nomor {i}. {os.urandom(800).hex()}</p></body></html>".encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(f"https://contoh.id/{i}", "response", payload=io.BytesIO(body),
                                           http_headers=headers)  # fmt: skip
        writer.write_record(record)
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://contoh.id/x.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG"), http_headers=image))  # fmt: skip
    return buf.getvalue()


def test_warc_html_records_only(tmp_path: Path) -> None:
    path = tmp_path / "arsip.warc.gz"
    path.write_bytes(_warc_bytes(3))
    docs = _all([path])
    assert [d.id for d in docs] == ["https://contoh.id/0", "https://contoh.id/1", "https://contoh.id/2"]
    assert all(isinstance(d, SourceDocument) and d.kind == "html" and d.url == d.id for d in docs)


def test_truncated_warc_keeps_whole_records(tmp_path: Path) -> None:
    data = _warc_bytes(3)
    path = tmp_path / "putus.warc.gz"
    whole = len(_warc_bytes(0))  # the image record that closes the archive
    path.write_bytes(data[: len(data) - whole - 150])
    items = _all([path])
    docs = [i for i in items if isinstance(i, SourceDocument)]
    skips = [i for i in items if isinstance(i, SkippedInput)]
    assert [d.id for d in docs] == ["https://contoh.id/0", "https://contoh.id/1"]
    assert skips and "truncated" in skips[0].reason


def test_unreadable_and_missing_inputs_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "campur"
    folder.mkdir()
    (folder / "baik.txt").write_text(BODY, "utf-8")
    (folder / "rahasia.txt").write_text(BODY + "x", "utf-8")
    (folder / "putus.txt").symlink_to(folder / "tidak-ada.txt")
    real_read = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "rahasia.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    items = _all([folder, tmp_path / "hilang.txt"])
    docs = [i.id for i in items if isinstance(i, SourceDocument)]
    reasons = sorted(i.reason for i in items if isinstance(i, SkippedInput))
    assert docs == ["baik"]
    assert reasons == ["broken symbolic link", "no such file or directory", "unreadable: Permission denied"]


def test_reader_sniffs_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "x.dat").write_bytes(b"WARC/1.0\r\n")
    (tmp_path / "y.dat").write_text('{"id": "1", "raw": "a"}\n', "utf-8")
    assert reader_for(tmp_path / "x.dat") is read_warc_file
    assert reader_for(tmp_path / "y.dat") is read_jsonl_file
    assert reader_for(tmp_path / "z.htm") is read_html_file
    assert reader_for(tmp_path / "z.txt") is read_text_file


def test_record_limit_applies_to_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "panjang.jsonl"
    path.write_text(json.dumps({"id": "p", "raw": "x" * 5000}) + "\n", "utf-8")
    [skip] = _all([path], Limits(max_record_bytes=1000))
    assert isinstance(skip, SkippedInput) and "longer than 1000 bytes" in skip.reason


def test_overlong_lines_are_cut_with_a_flag(tmp_path: Path) -> None:
    dump = tmp_path / "panjang.txt"
    dump.write_text("Judul\n\n" + "kata " * 50_000 + "\n\nParagraf akhir.\n", "utf-8")
    limits = Limits(max_line_chars=1_000)
    [doc] = list(read_inputs([str(dump)], limits))
    assert isinstance(doc, SourceDocument)
    assert max(len(line) for line in doc.raw.split("\n")) == 1_000
    assert doc.raw.endswith("Paragraf akhir.\n")
    assert doc.flags == ["1 line(s) over 1,000 characters cut"]
