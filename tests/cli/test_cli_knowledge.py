"""The knowledge commands on the ingested sample: actors, quotes, events, stories, timelines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kabar.cli import cli


def _run(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("kabar")
    env = {"KABAR_DB": str(home / "k.db"), "KABAR_ACTORS": str(home / "actors.yaml")}
    code, _, err = _run("ingest", "--sample", env=env)
    assert code == 0, err
    return env


def test_actor_knows_aliases(env: dict[str, str]) -> None:
    code, out, _ = _run("actor", "Korut", "--json", env=env)
    assert code == 0
    found = json.loads(out)
    assert found[0]["code"] == "PRK GOV" and "Korut" in found[0]["aliases"]


def test_actors_add_then_found_and_linked_on_next_ingest(env: dict[str, str], tmp_path: Path) -> None:
    own = {**env, "KABAR_DB": str(tmp_path / "own.db")}
    code, out, err = _run(
        "actors", "add", "Wulan Sekarsari", "--code", "IDN GOV", "--alias", "Bu Wulan", env=own
    )
    assert code == 0, err
    code, out, _ = _run("actor", "Bu Wulan", "--json", env=own)
    assert json.loads(out)[0]["code"] == "IDN GOV"
    dump = tmp_path / "berita.txt"
    dump.write_text(
        "Wulan Sekarsari Tinjau Banjir\n\nJakarta - Menteri Wulan Sekarsari meninjau lokasi banjir di Demak,"
        ' Senin (12/2/2024).\n\n"Kami kirim bantuan hari ini," kata Wulan Sekarsari kepada wartawan.\n',
        "utf-8",
    )
    assert _run("ingest", str(dump), env=own)[0] == 0
    code, out, _ = _run("quotes", "--speaker", "Wulan", "--json", env=own)
    assert code == 0
    quotes = json.loads(out)
    assert quotes and quotes[0]["speaker"]["code"] == "IDN GOV"


def test_quotes_by_words_and_speaker(env: dict[str, str]) -> None:
    code, out, _ = _run("quotes", "--speaker", "Peskov", "--json", env=env)
    assert code == 0
    found = json.loads(out)
    assert found and all("Peskov" in q["speaker"]["name"] for q in found)
    assert all(q["occurrences"] for q in found)
    code, _, err = _run("quotes", env=env)
    assert code == 2 and "WORDS" in err


@pytest.mark.parametrize("fmt", ["plover", "jsonl", "csv"])
def test_events_export_formats(env: dict[str, str], fmt: str) -> None:
    code, out, err = _run("events", "--format", fmt, env=env)
    assert code == 0, err
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and {"category", "source_code", "target_code", "sentence"} <= rows[0].keys()
    else:
        records = [json.loads(line) for line in out.splitlines()]
        assert records


def test_events_filter_by_category(env: dict[str, str]) -> None:
    code, out, _ = _run("events", "--format", "jsonl", "--category", "CONSULT", env=env)
    assert code == 0
    assert {json.loads(line)["category"] for line in out.splitlines()} == {"CONSULT"}


def test_stories_story_and_thread(env: dict[str, str]) -> None:
    code, out, _ = _run("stories", "--json", "--limit", "100", env=env)
    assert code == 0
    stories = json.loads(out)
    assert stories and sum(s["size"] for s in stories) == 35
    biggest = max(stories, key=lambda s: s["size"])
    code, out, _ = _run("story", biggest["id"], "--json", env=env)
    assert code == 0 and len(json.loads(out)["articles"]) == biggest["size"]
    code, out, _ = _run("story", biggest["id"], "--timeline", "--json", env=env)
    assert code == 0 and json.loads(out)["articles"]
    code, out, _ = _run("thread", biggest["thread"], env=env)
    assert code == 0 and out
    code, _, err = _run("story", "s-tidak-ada", env=env)
    assert code == 1 and "no story" in err


def test_analyze_ray_without_out_dir_is_a_usage_error(env: dict[str, str]) -> None:
    code, _, err = _run("analyze", "--sample", "--engine", "ray", env=env)
    assert code == 2 and "--out-dir" in err


def test_tag_conll(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "in.conll"
    source.write_text("Presiden\nJoko\nWidodo\ntiba\ndi\nTokyo\n.\n\nIa\ntersenyum\n.\n", "utf-8")
    out = tmp_path / "out.conll"
    code, _, err = _run("tag", "--conll", str(source), "-o", str(out), env=env)
    assert code == 0, err
    lines = out.read_text("utf-8").split("\n")
    assert lines[1] == "Joko\tB-PER" and lines[5] == "Tokyo\tB-LOC" and lines[7] == ""
