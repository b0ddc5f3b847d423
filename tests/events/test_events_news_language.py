"""The general news-language senses of the pattern dictionary, on sentences written for these tests
(about documented events, or with made-up people): each category through the verbs, passives and
nouns journalists use for it, and words that look like a trigger but name no event."""

from __future__ import annotations

import pytest

from kabar.events import extract_events
from kabar.model import Article, Event
from tests.events.helpers import ACTORS, link, triples

EXTRA: dict[str, tuple[str, str, str]] = {
    "Amerika Serikat": ("Amerika Serikat", "USA GOV", "country"),
    "Indonesia": ("Indonesia", "IDN GOV", "country"),
    "Uni Eropa": ("Uni Eropa", "IGO", "organisation"),
    "Yoon Suk Yeol": ("Yoon Suk Yeol", "KOR GOV", "person"),
    "Parlemen Korea Selatan": ("Majelis Nasional Korea Selatan", "KOR LEG", "organisation"),
    "Prabowo Subianto": ("Prabowo Subianto", "IDN GOV", "person"),
    "Prabowo": ("Prabowo Subianto", "IDN GOV", "person"),
    "Shigeru Ishiba": ("Shigeru Ishiba", "JPN GOV", "person"),
    "Megawati Soekarnoputri": ("Megawati Soekarnoputri", "IDN PTY", "person"),
    "PDI Perjuangan": ("PDI Perjuangan", "IDN PTY", "organisation"),
    "Ganjar Pranowo": ("Ganjar Pranowo", "IDN PTY", "person"),
    "Partai Gerindra": ("Partai Gerindra", "IDN PTY", "organisation"),
    "Partai Golkar": ("Partai Golkar", "IDN PTY", "organisation"),
    "Thailand": ("Thailand", "THA GOV", "country"),
    "Kamboja": ("Kamboja", "KHM GOV", "country"),
    "Turki": ("Turki", "TUR GOV", "country"),
    "KPPU": ("Komisi Pengawas Persaingan Usaha", "IDN GOV", "organisation"),
    "Google": ("Google", "MNC", "organisation"),
    "Satpol PP": ("Satpol PP", "IDN GOV", "organisation"),
}
FORMS = {**ACTORS, **EXTRA}


def code(text: str) -> list[Event]:
    doc = Article(id="t", origin="test", hash="", text=text, pub_date="2025-08-01", outlet="Uji")
    doc.actors = link(text, FORMS)
    return extract_events(doc)


FOUND = [
    # SANCTION: trade restrictions, impeachment, fines
    (
        "Amerika Serikat mengenakan tarif impor 32 persen terhadap Indonesia pada April 2025.",
        ("SANCTION", "Amerika Serikat", "Indonesia"),
    ),
    (
        "Parlemen Korea Selatan memakzulkan Presiden Yoon Suk Yeol pada Desember 2024.",
        ("SANCTION", "Majelis Nasional Korea Selatan", "Yoon Suk Yeol"),
    ),
    (
        "Yoon Suk Yeol dimakzulkan oleh Parlemen Korea Selatan pada Desember 2024.",
        ("SANCTION", "Majelis Nasional Korea Selatan", "Yoon Suk Yeol"),
    ),
    (
        "KPPU menjatuhkan denda Rp202,5 miliar kepada Google pada Januari 2025.",
        ("SANCTION", "Komisi Pengawas Persaingan Usaha", "Google"),
    ),
    # CONSULT: receiving a visitor, a courtesy visit
    (
        "Prabowo Subianto menerima Shigeru Ishiba di Istana Bogor pada Januari 2025.",
        ("CONSULT", "Prabowo Subianto", "Shigeru Ishiba"),
    ),
    (
        "Prabowo sowan ke kediaman Megawati Soekarnoputri pada April 2025.",
        ("CONSULT", "Prabowo Subianto", "Megawati Soekarnoputri"),
    ),
    # SUPPORT: a party nominating a candidate, active and passive
    (
        "PDI Perjuangan mengusung Ganjar Pranowo sebagai calon presiden pada April 2023.",
        ("SUPPORT", "PDI Perjuangan", "Ganjar Pranowo"),
    ),
    (
        "Ganjar Pranowo diusung oleh PDI Perjuangan dalam Pilpres 2024.",
        ("SUPPORT", "PDI Perjuangan", "Ganjar Pranowo"),
    ),
    # COOPERATE: coalitions and joining a party
    (
        "Partai Gerindra berkoalisi dengan Partai Golkar dalam Pilpres 2024.",
        ("COOPERATE", "Partai Gerindra", "Partai Golkar"),
    ),
    ("Joko Prasetyo bergabung dengan Partai Maju pekan lalu.", ("COOPERATE", "Joko Prasetyo", "Partai Maju")),
    # ASSAULT: fighting between two sides, missile strikes
    ("Thailand bentrok dengan Kamboja di perbatasan pada Juli 2025.", ("ASSAULT", "Thailand", "Kamboja")),
    ("Rusia meluncurkan rudal ke Ukraina pada malam hari.", ("ASSAULT", "Rusia", "Ukraina")),
    # AGREE, AID
    (
        "Indonesia mencapai kesepakatan dengan Uni Eropa soal perjanjian dagang IEU-CEPA.",
        ("AGREE", "Indonesia", "Uni Eropa"),
    ),
    (
        "Jepang mengirimkan bantuan kemanusiaan kepada Turki setelah gempa Februari 2023.",
        ("AID", "Jepang", "Turki"),
    ),
    (
        "Budi Santoso menggelontorkan bantuan sosial kepada warga yang terdampak banjir.",
        ("AID", "Budi Santoso", "warga"),
    ),
    # CONCEDE, REJECT, ACCUSE, THREATEN, COERCE, PROTEST
    ("Budi Santoso akhirnya menyerahkan diri ke Polda Riau.", ("CONCEDE", "Budi Santoso", "Polda Riau")),
    (
        "Siti Rahma keberatan dengan keputusan Bawaslu soal hasil rekapitulasi.",
        ("REJECT", "Siti Rahma", "Badan Pengawas Pemilu"),
    ),
    (
        "Siti Rahma mempersoalkan langkah Bawaslu yang menunda pengumuman.",
        ("ACCUSE", "Siti Rahma", "Badan Pengawas Pemilu"),
    ),
    (
        "Rina Wulandari mengintimidasi Joko Prasetyo lewat pesan singkat.",
        ("THREATEN", "Rina Wulandari", "Joko Prasetyo"),
    ),
    ("Satpol PP menggusur warga di bantaran sungai.", ("COERCE", "Satpol PP", "warga")),
    ("Ribuan buruh mendemo kantor Bawaslu pada Senin.", ("PROTEST", "buruh", "Badan Pengawas Pemilu")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_news_language_senses(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text))


NOTHING = [
    "Sidang Budi Santoso diskors hingga pekan depan.",  # an adjourned hearing is no sanction
    "Budi Santoso menaikkan tarif parkir bagi warga mulai bulan depan.",  # a local fee is no trade sanction
    "Siti Rahma menilai kebijakan itu berpihak kepada warga.",  # an appraisal of a policy, not of an actor
    "Budi Santoso membakar semangat warga menjelang lomba.",  # figurative
]


@pytest.mark.parametrize("text", NOTHING)
def test_look_alikes_name_no_event(text: str) -> None:
    assert not [e for e in code(text) if e.category in {"SANCTION", "ASSAULT", "SUPPORT"}]


def test_modes_of_new_senses() -> None:
    found = code("Rusia menyerbu Ukraina dengan ratusan drone pada malam hari.")
    assert any(e.category == "ASSAULT" and e.mode == "violence" for e in found)
    found = code("Budi Santoso menyerahkan bantuan senjata kepada Ukraina.")
    assert any(e.category == "AID" and e.mode == "military" for e in found)
