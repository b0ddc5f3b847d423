"""The spec's seed example and the dev gold, read from ../shared in place (skipped without it)."""

from __future__ import annotations

import json
import sys

from kabar.model import Article
from kabar.quotes import extract_quotes
from tests.conftest import shared_path

SEED = "000_efad89659f516c06.txt"
QUOTE_F1_FLOOR = 0.90
ATTRIBUTION_F1_FLOOR = 0.85


def test_seed_peskov_quote() -> None:
    text = shared_path("seeds", SEED).read_text("utf-8")
    found = extract_quotes(Article(id="seed", origin=SEED, hash="", text=text, pub_date="2024-02-21"))
    peskov = [q for q in found if q.text.startswith("Ketika Pemimpin Korut berada di Vostochny")]
    assert len(peskov) == 1
    q = peskov[0]
    assert q.text.endswith("Pemimpin Kim menyukai mobil ini")
    assert (q.kind, q.cue, q.via, q.date) == ("direct", "kata", "Channel News Asia", "2024-02-21")
    assert q.speaker is not None and q.speaker.name == "Dmitry Peskov"
    assert q.start is not None and text[q.start : q.end] == q.text
    after = found[found.index(q) + 1]
    assert (after.cue, after.date, after.speaker.name if after.speaker else None) == (
        "ucap", "2024-02-21", "Dmitry Peskov",
    )  # fmt: skip


def test_dev_gold_floors() -> None:
    gold_path = shared_path("gold", "dev", "events-quotes.jsonl")
    sys.path.insert(0, str(shared_path("eval")))
    from score_events import match_quotes, speaker_ok  # type: ignore[import-not-found]

    tp = attributed = n_pred = n_gold = 0
    for line in gold_path.read_text("utf-8").splitlines():
        row = json.loads(line)
        article = Article(id=row["id"], origin="gold", hash="", text=row["text"])
        article.pub_date = row.get("pub_date")
        pred = [
            {"text": q.text, "speaker": {"name": q.speaker.name} if q.speaker else None}
            for q in extract_quotes(article)
        ]
        pairs = match_quotes(pred, row["quotes"])
        tp += len(pairs)
        attributed += sum(speaker_ok(pred[p]["speaker"], row["quotes"][g].get("speaker")) for g, p in pairs)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(row["quotes"])
    assert 2 * tp / (n_pred + n_gold) >= QUOTE_F1_FLOOR
    assert 2 * attributed / (n_pred + n_gold) >= ATTRIBUTION_F1_FLOOR
