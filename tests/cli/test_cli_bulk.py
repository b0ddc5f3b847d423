"""`kabar analyze --out-dir` writes a dataset and `kabar load` imports it, idempotently."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kabar.cli import cli


def _run(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_dataset_then_load(tmp_path: Path) -> None:
    env = {"KABAR_DB": str(tmp_path / "k.db")}
    dataset = tmp_path / "ds"
    code, _, err = _run("analyze", "--sample", "--out-dir", str(dataset), "--report", str(tmp_path / "r.json"),
                        env=env)  # fmt: skip
    assert code == 0, err
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["documents"] == 35
    code, _, err = _run("load", str(dataset), env=env)
    assert code == 0 and "35" in err, err
    code, out, _ = _run("stats", "--json", env=env)
    assert json.loads(out)["articles"] == 35
    code, _, err = _run("load", str(dataset), env=env)
    assert code == 0
    code, out, _ = _run("stats", "--json", env=env)
    assert json.loads(out)["articles"] == 35
