"""tag_conll keeps tokens and blank lines exactly; CoNLL reading handles CRLF."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kabar.language import tag_conll
from kabar.language.conll import read_conll


def test_tokens_and_blank_lines_pass_through(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(
        b"Presiden\tO\r\nJoko\tB-PER\r\nWidodo\tI-PER\r\ntiba\tO\r\n.\tO\r\n\r\n"
        b"Ia\tO\r\nke\tO\r\nBandung\tB-LOC\r\n\r\n"
    )
    out = tmp_path / "out.txt"
    assert tag_conll(src, out) == 2
    lines = out.read_text(encoding="utf-8").split("\n")
    assert [ln.split("\t")[0] for ln in lines] == [
        "Presiden", "Joko", "Widodo", "tiba", ".", "", "Ia", "ke", "Bandung", "", "",
    ]  # fmt: skip
    assert all(ln.split("\t")[1][:2] in ("O", "B-", "I-") for ln in lines if ln)
    assert "\r" not in out.read_text(encoding="utf-8")


def test_pos_task_and_odd_tokens(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("“\nHarga\nRp1,2\n”\nkata_ku\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    tag_conll(src, out, task="pos", domain="news")
    tokens = [ln.split("\t")[0] for ln in out.read_text(encoding="utf-8").splitlines()]
    assert tokens == ["“", "Harga", "Rp1,2", "”", "kata_ku"]


def test_read_conll_crlf_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"Jokowi PROPN B-PER\r\nke ADP O\r\n\r\n\r\nBali PROPN B-LOC\r\n")
    sents = read_conll(path)
    assert [s.tokens for s in sents] == [["Jokowi", "ke"], ["Bali"]]
    assert [s.tags for s in sents] == [["B-PER", "O"], ["B-LOC"]]


def test_scored_with_the_project_scorer(shared: Path, tmp_path: Path) -> None:
    gold = shared / "data/ner/idner-news-2k/dev.txt"
    out = tmp_path / "pred.txt"
    tag_conll(gold, out)
    scored = subprocess.run(
        [sys.executable, str(shared / "eval/score_ner.py"), str(out), str(gold), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert '"f1"' in scored.stdout
