"""The command line, end to end: analyze, ingest (twice), search, show, stats, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kabar.cli import cli
from kabar.sample import sample_inputs

SCHEMA_KEYS = {"id", "url", "outlet", "title", "text", "pub_date", "byline", "language", "entities",
               "actors", "quotes", "events", "duplicate_of", "story"}  # fmt: skip


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_analyze_seeds_writes_schema_complete_records(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    report = tmp_path / "report.json"
    code, _, err = _run("analyze", str(seeds_dir / "*.txt"), "-o", str(out), "--report", str(report))
    assert code == 0, err
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 2
    for record in records:
        assert record.keys() >= SCHEMA_KEYS
        assert record["text"] and record["title"]
    assert json.loads(report.read_text("utf-8"))["processed"] == 2
    assert "2 processed" in err


def test_analyze_reports_bad_inputs_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "baik.txt").write_text(
        "Jakarta, Kabar Uji - Pemerintah mengumumkan kebijakan baru pada Senin (3/6/2024).\n\n"
        "Kebijakan itu berlaku mulai bulan depan, kata juru bicara kementerian.\n", "utf-8")  # fmt: skip
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "rusak.jsonl").write_text('{"id": 1\n{"id": "x"}\n', "utf-8")
    out = tmp_path / "out.jsonl"
    report_path = tmp_path / "r.json"
    code, _, err = _run("analyze", str(tmp_path), "-o", str(out), "--report", str(report_path))
    assert code == 0, err
    report = json.loads(report_path.read_text("utf-8"))
    assert report["processed"] == 1 and report["skipped"] == 4
    assert {s["reason"].split(":")[0] for s in report["skips"]} == {
        "empty file", "binary content, not text", "not JSON", "no 'raw' or 'html' text"}  # fmt: skip
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["baik"]


def test_analyze_without_inputs_is_a_usage_error() -> None:
    code, _, err = _run("analyze")
    assert code == 2 and "at least one INPUT" in err


@pytest.fixture
def ingested(tmp_path: Path) -> dict[str, str]:
    env = {"KABAR_DB": str(tmp_path / "k.db")}
    code, _, err = _run("ingest", "--sample", env=env)
    assert code == 0, err
    return env


def _counts(env: dict[str, str]) -> dict[str, int]:
    code, out, _ = _run("stats", "--json", env=env)
    assert code == 0
    stats = json.loads(out)
    return {k: v for k, v in stats.items() if isinstance(v, int)}


def test_ingest_twice_adds_nothing(ingested: dict[str, str]) -> None:
    first = _counts(ingested)
    assert first["articles"] == len(sample_inputs())
    code, _, err = _run("ingest", "--sample", env=ingested)
    assert code == 0 and f"{len(sample_inputs())} already stored" in err
    second = _counts(ingested)
    assert {k: v for k, v in second.items() if k != "runs"} == {k: v for k, v in first.items() if k != "runs"}


def test_ingest_adds_only_new_files(ingested: dict[str, str], seeds_dir: Path) -> None:
    before = _counts(ingested)["articles"]
    code, _, err = _run("ingest", "--sample", str(seeds_dir), env=ingested)
    assert code == 0, err
    assert _counts(ingested)["articles"] == before + 2
    code, out, _ = _run("search", "Kim Jong Un", "--json", "--limit", "100", env=ingested)
    ids = {hit["id"] for hit in json.loads(out)}
    assert {"000_efad89659f516c06", "002_f1c0a0fef9fd3cfc"} <= ids
    assert len(ids) > 2  # the sample articles too


def test_search_show_and_errors(ingested: dict[str, str]) -> None:
    code, out, _ = _run("search", '"Kim Jong Un"', "--json", env=ingested)
    hits = json.loads(out)
    assert code == 0 and hits
    code, out, _ = _run("show", hits[0]["id"], "--json", env=ingested)
    assert code == 0 and json.loads(out)["id"] == hits[0]["id"]
    code, _, err = _run("search", '"Kim Jong', env=ingested)
    assert code == 1 and err.count("\n") == 1 and "unbalanced double quote" in err
    code, _, err = _run("show", "tidak-ada", env=ingested)
    assert code == 1 and "no article" in err


def test_commands_on_a_missing_store_say_so(tmp_path: Path) -> None:
    code, _, err = _run("stats", env={"KABAR_DB": str(tmp_path / "none.db")})
    assert code == 1 and "no store at" in err
