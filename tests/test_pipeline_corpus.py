"""Corpus stages inside ingest: an earlier copy arriving later becomes the original of the stored one."""

from __future__ import annotations

import json
from pathlib import Path

from kabar.ingest import read_inputs
from kabar.model import SourceDocument, to_dict
from kabar.pipeline import Pipeline, RunReport, analyze, ingest
from kabar.sample import sample_inputs
from kabar.store import Store

BODY = (
    "Tanggul Sungai Wulan di Kabupaten Demak jebol setelah hujan deras mengguyur sejak Rabu malam. "
    "Ribuan warga dari sebelas desa mengungsi ke balai desa dan masjid terdekat. Badan Penanggulangan "
    "Bencana Daerah mengirim perahu karet dan dapur umum ke lokasi. Ketinggian air di beberapa titik "
    "mencapai satu meter dan jalur pantura sempat ditutup bagi kendaraan kecil."
)


def _jsonl(path: Path, doc_id: str, pub_date: str, outlet: str) -> Path:
    raw = f"Tanggul Jebol di Demak\n\n{BODY}\n\nPenulis: Redaksi {outlet}\n"  # another byline: another hash
    record = {"id": doc_id, "raw": raw, "pub_date": pub_date, "outlet": outlet}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    return path


def test_earlier_copy_arriving_later_relinks_the_stored_copy(tmp_path: Path) -> None:
    later = _jsonl(tmp_path / "a.jsonl", "salinan", "2024-02-10T12:00:00+07:00", "Kabar Harian")
    earlier = _jsonl(tmp_path / "b.jsonl", "asli", "2024-02-08T09:00:00+07:00", "Warta Nusantara")
    with Store(tmp_path / "k.db") as store:
        ingest(store, [str(later)])
        assert (
            store.conn.execute("SELECT duplicate_of FROM articles WHERE id='salinan'").fetchone()[0] is None
        )
        ingest(store, [str(earlier)])
        rows = dict(store.conn.execute("SELECT id, duplicate_of FROM articles").fetchall())
        record = json.loads(
            store.conn.execute("SELECT record FROM articles WHERE id='salinan'").fetchone()[0]
        )
        stories = {r[0] for r in store.conn.execute("SELECT story FROM articles")}
    assert rows == {"salinan": "asli", "asli": None}
    assert record["duplicate_of"] == "asli"
    assert len(stories) == 1


def test_a_worker_pool_gives_the_inline_records_with_batches_in_flight() -> None:
    inputs = [str(p) for p in sample_inputs()]
    inline = [to_dict(a) for a in analyze(inputs)]
    pooled = [to_dict(a) for a in analyze(inputs, workers=2)]
    assert pooled == inline
    with Pipeline(workers=2) as pipeline:  # small batches: several in flight at once, order kept
        ids = [a.id for a in pipeline.run(_sources(inputs), RunReport(), batch_size=3)]
    assert ids == [a["id"] for a in inline]


def _sources(inputs: list[str]) -> list[SourceDocument]:
    return [i for i in read_inputs(inputs) if isinstance(i, SourceDocument)]
