"""Indirect quotes: the reported clause after a speech verb, ``Menurut X``, unquoted ``kata X``;
and sentences that must yield no quote."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import quotes, speakers

INDIRECT = [
    ("Menurut Budi Santoso, harga cabai akan turun pekan depan.", "Menurut",
     "harga cabai akan turun pekan depan"),
    ("Menurutnya, harga cabai akan turun pekan depan.", "Menurutnya", "harga cabai akan turun pekan depan"),
    ("Budi Santoso mengatakan bahwa harga cabai akan turun pekan depan.", "mengatakan",
     "harga cabai akan turun pekan depan"),
    ("Budi Santoso mengatakan, harga cabai akan turun pekan depan.", "mengatakan",
     "harga cabai akan turun pekan depan"),
    ("Budi Santoso menilai harga cabai akan turun pekan depan.", "menilai",
     "harga cabai akan turun pekan depan"),
    ("Harga cabai akan turun pekan depan, kata Budi Santoso.", "kata", "Harga cabai akan turun pekan depan"),
    ("Sebab, kata Budi Santoso, harga cabai akan turun pekan depan.", "kata",
     "harga cabai akan turun pekan depan"),
    ("Namun, Budi Santoso menegaskan harga cabai akan turun pekan depan.", "menegaskan",
     "harga cabai akan turun pekan depan"),
    ("Budi Santoso juga menyebut harga cabai akan turun pekan depan.", "menyebut",
     "harga cabai akan turun pekan depan"),
    ("Sementara itu, Budi Santoso mengungkapkan harga cabai akan turun pekan depan.", "mengungkapkan",
     "harga cabai akan turun pekan depan"),
    ("Kepala Dinas Pertanian Budi Santoso menjelaskan, harga cabai akan turun pekan depan.", "menjelaskan",
     "harga cabai akan turun pekan depan"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cue", "clause"), INDIRECT)
def test_indirect_forms(text: str, cue: str, clause: str) -> None:
    found = quotes(text)
    assert [(q.kind, q.cue, q.text) for q in found] == [("indirect", cue, clause)]
    q = found[0]
    assert text[q.start : q.end] == q.text
    assert speakers(found) == ["Budi Santoso"] or cue == "Menurutnya"


def test_pronoun_subject_takes_the_speaker_before() -> None:
    text = (
        "“Pasokan aman,” kata Direktur Utama Bulog Rudi Hartono.\n\n"
        "Dia menegaskan gudang di seluruh provinsi sudah terisi penuh."
    )
    found = quotes(text)
    assert [q.kind for q in found] == ["direct", "indirect"]
    assert speakers(found) == ["Rudi Hartono", "Rudi Hartono"]


NO_QUOTE = [
    "Kata 'demokrasi' berasal dari bahasa Yunani.",
    "Dengan kata lain, harga beras sudah naik dua kali lipat.",
    "Pengguna bisa mencari berdasarkan kata kunci di laman tersebut.",
    "Ia menyampaikan kata sambutan di depan ratusan warga desa.",
    "Laporan ini menyoroti kenaikan harga pangan di tiga provinsi.",
    "Survei itu menyebutkan tingkat kepuasan publik mencapai 80 persen.",
    "Menurut data BPS, inflasi bulan lalu mencapai 2,5 persen.",
    "Bupati tidak menjelaskan secara rinci jumlah korban banjir tersebut.",
    "Setidaknya tiga dari 10 orang menyatakan pernah tertipu lewat pesan singkat.",
    "Hujan deras mengguyur Jakarta sejak pagi hingga sore hari.",
]


@pytest.mark.parametrize("text", NO_QUOTE)
def test_no_quote(text: str) -> None:
    assert quotes(text) == []
