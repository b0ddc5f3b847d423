"""Sources and targets the role reader recovers beyond the plain subject-verb-object order, on
sentences written for these tests: "pihak X" as X, "pihaknya" after a reporting verb, "antara A dengan
B", a noun under a light verb behind a document or a count, a sentence-opening verb before the main
subject, a mutual act with its partner after "bersama", and a pronoun before a noun used as a verb."""

from __future__ import annotations

import pytest

from tests.events.helpers import events, triples

RECOVERED = [
    (
        "Pihak Jepang menyatakan dukungan terhadap Ukraina pada Senin (19/2/2024).",
        ("SUPPORT", "Jepang", "Ukraina"),
    ),
    (
        "Rusia terus berkoordinasi dengan pihak Korea Utara soal jalur kereta.",
        ("COOPERATE", "Rusia", "Korea Utara"),
    ),
    (
        "Budi mengatakan pihaknya juga berkoordinasi dengan KPK sejak pekan lalu.",
        ("COOPERATE", "Budi Santoso", "Komisi Pemberantasan Korupsi"),
    ),
    (
        "Partai Maju menerbitkan surat keputusan pemecatan terhadap Joko Prasetyo pada Selasa.",
        ("SANCTION", "Partai Maju", "Joko Prasetyo"),
    ),
    (
        "Warga menyambut baik kerja sama antara TNI dengan Polda Riau dalam pengamanan mudik.",
        ("COOPERATE", "Tentara Nasional Indonesia", "Polda Riau"),
    ),
    (
        "Bekerja sama dengan KPK, Polda Riau menggelar pelatihan bagi penyidik baru.",
        ("COOPERATE", "Polda Riau", "Komisi Pemberantasan Korupsi"),
    ),
    (
        "Bawaslu bersama KPK menggelar rapat koordinasi di Jakarta.",
        ("CONSULT", "Badan Pengawas Pemilu", "Komisi Pemberantasan Korupsi"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), RECOVERED)
def test_roles_recovered(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(events(text))


def test_pronoun_before_noun_used_as_verb_is_the_speaker() -> None:
    found = events('"Kami kerja sama dengan Jepang untuk pelatihan guru," kata Budi.', speaker="Budi")
    assert ("COOPERATE", "Budi Santoso", "Jepang") in triples(found)


NOTHING = [
    # an opening verb whose main clause has no named subject: nobody to carry the act
    "Bekerja sama dengan KPK, program itu berjalan baik sepanjang tahun.",
    # "pihaknya" without a reporting verb just before it and nobody named: no source
    "Menurut catatan, pihaknya belum berkoordinasi dengan siapa pun.",
    # a bare speech act stays a quote, with or without "pihak"
    '"Kami akan hadir," kata pihak Jepang.',
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_event_without_a_recoverable_source(text: str) -> None:
    assert events(text) == []
