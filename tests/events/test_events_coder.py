"""The event coder on original Indonesian sentences: categories, forms, status, dates, speech acts."""

from __future__ import annotations

import pytest

from kabar.events import extract_events
from tests.events.helpers import article, events, link, one, triples

# --- one sentence per PLOVER category --------------------------------------------------------------

CATEGORIES = [
    ("Partai Maju berjanji kepada buruh untuk menaikkan upah minimum.", "AGREE", "Partai Maju", "buruh"),
    (
        "Budi Santoso bertemu dengan Siti Rahma di Jakarta untuk membahas anggaran.",
        "CONSULT",
        "Budi Santoso",
        "Siti Rahma",
    ),
    (
        "Siti Rahma memuji langkah Budi Santoso dalam menangani banjir.",
        "SUPPORT",
        "Siti Rahma",
        "Budi Santoso",
    ),
    (
        "Bawaslu meminta maaf kepada warga atas keterlambatan pengumuman.",
        "CONCEDE",
        "Badan Pengawas Pemilu",
        "warga",
    ),
    (
        "Polda Riau bekerja sama dengan Kejari Bantul dalam perkara itu.",
        "COOPERATE",
        "Polda Riau",
        "Kejaksaan Negeri Bantul",
    ),
    ("Jepang mengirimkan bantuan obat-obatan kepada Ukraina.", "AID", "Jepang", "Ukraina"),
    ("Joko Prasetyo mengundurkan diri dari Partai Maju.", "RETREAT", "Joko Prasetyo", "Partai Maju"),
    (
        "Siti Rahma mendesak KPK untuk segera memeriksa Budi Santoso.",
        "REQUEST",
        "Siti Rahma",
        "Komisi Pemberantasan Korupsi",
    ),
    ("Blinken menuduh Pyongyang memasok senjata ke Moskow.", "ACCUSE", "Antony Blinken", "Korea Utara"),
    ("Israel menolak usulan Hamas soal pertukaran tahanan.", "REJECT", "Israel", "Hamas"),
    ("Washington mengancam Moskow dengan sanksi baru.", "THREATEN", "Amerika Serikat", "Rusia"),
    ("Ribuan buruh berunjuk rasa di depan kantor Bawaslu.", "PROTEST", "buruh", "Badan Pengawas Pemilu"),
    ("Partai Maju memecat Joko Prasetyo dari kepengurusan.", "SANCTION", "Partai Maju", "Joko Prasetyo"),
    ("Korea Utara mengerahkan pasukan ke perbatasan.", "MOBILIZE", "Korea Utara", None),
    ("Polda Riau menangkap Rina Wulandari di Pekanbaru.", "COERCE", "Polda Riau", "Rina Wulandari"),
    ("Israel kembali menyerang Palestina.", "ASSAULT", "Israel", "Palestina"),
]


@pytest.mark.parametrize(("text", "category", "source", "target"), CATEGORIES)
def test_each_category(text: str, category: str, source: str, target: str | None) -> None:
    assert (category, source, target) in triples(events(text))


def test_every_category_is_covered() -> None:
    from kabar.model import PLOVER_CATEGORIES

    assert {c for _, c, _, _ in CATEGORIES} == set(PLOVER_CATEGORIES)


def test_modes() -> None:
    assert one(events("Rusia memasok amunisi kepada Korea Utara."), "AID").mode == "military"
    assert one(events("Kim Jong Un mengunjungi Rusia pekan ini."), "CONSULT").mode == "visit"
    assert one(events("Siti Rahma menuduh Budi Santoso menerima suap."), "ACCUSE").mode == "allege"
    assert one(events("Polda Riau menangkap Rina Wulandari."), "COERCE").mode == "arrest"


# --- verb forms ------------------------------------------------------------------------------------


def test_passive_with_oleh() -> None:
    found = events("Rina Wulandari ditahan oleh Polda Riau sejak Senin (19/2/2024).")
    event = one(found, "COERCE")
    assert (event.source.name, event.target.name) == ("Polda Riau", "Rina Wulandari")
    assert (event.date, event.date_precision) == ("2024-02-19", "day")


def test_passive_agent_right_after_the_verb() -> None:
    event = one(events("Rina Wulandari ditangkap penyidik Polda Riau di rumahnya."), "COERCE")
    assert (event.source.name, event.target.name) == ("Polda Riau", "Rina Wulandari")


def test_passive_with_coordinated_targets() -> None:
    found = events("Joko Prasetyo dan Rina Wulandari diperiksa penyidik KPK.")
    assert {(e.source.name, e.target.name) for e in found if e.category == "ACCUSE"} == {
        ("Komisi Pemberantasan Korupsi", "Joko Prasetyo"),
        ("Komisi Pemberantasan Korupsi", "Rina Wulandari"),
    }


def test_nominal_with_possessor_and_agent() -> None:
    event = one(events("Penangkapan Rina Wulandari oleh Polda Riau berlangsung tertutup."), "COERCE")
    assert (event.source.name, event.target.name) == ("Polda Riau", "Rina Wulandari")


def test_nominal_under_a_light_verb() -> None:
    event = one(events("Kejari Bantul melakukan penahanan terhadap Joko Prasetyo."), "COERCE")
    assert (event.source.name, event.target.name) == ("Kejaksaan Negeri Bantul", "Joko Prasetyo")


def test_nominal_visit() -> None:
    event = one(events("Kunjungan Kim ke Rusia berlangsung selama enam hari."), "CONSULT")
    assert (event.source.name, event.target.name, event.mode) == ("Kim Jong Un", "Rusia", "visit")


def test_nominal_allegation_and_gift() -> None:
    accuse = one(events("Siti Rahma melayangkan tuduhan terhadap Budi Santoso."), "ACCUSE")
    assert (accuse.source.name, accuse.target.name, accuse.mode) == ("Siti Rahma", "Budi Santoso", "allege")
    aid = one(events("Pemberian bantuan Jepang kepada Ukraina diumumkan kemarin."), "AID")
    assert (aid.source.name, aid.target.name, aid.date) == ("Jepang", "Ukraina", "2024-02-20")


def test_receiving_reverses_the_sides() -> None:
    event = one(events("Budi Santoso menerima uang Rp 2 miliar dari Rina Wulandari."), "AID")
    assert (event.source.name, event.target.name) == ("Rina Wulandari", "Budi Santoso")


def test_reciprocal_gifts_go_both_ways() -> None:
    found = events("Putin dan Kim saling menghadiahkan senapan.")
    assert {(e.source.name, e.target.name) for e in found if e.category == "AID"} == {
        ("Vladimir Putin", "Kim Jong Un"),
        ("Kim Jong Un", "Vladimir Putin"),
    }


# --- status ----------------------------------------------------------------------------------------

STATUSES = [
    ("Polda Riau menangkap Rina Wulandari.", "COERCE", "fact"),
    ("Rusia diduga memasok rudal kepada Korea Utara.", "AID", "alleged"),
    ("Korea Utara disebut-sebut menjual amunisi kepada Rusia.", "COOPERATE", "alleged"),
    ("Jepang berencana mengirim bantuan kepada Ukraina.", "AID", "intent"),
    ("Budi Santoso akan bertemu Siti Rahma di Jakarta.", "CONSULT", "intent"),
    ("Amerika Serikat berupaya mengekang Korea Utara.", "THREATEN", "intent"),
    ("Israel tidak menyerang Palestina.", "ASSAULT", "negated"),
    ("Rusia membantah memasok senjata kepada Korea Utara.", "AID", "negated"),
    ("Korea Utara menolak tuduhan menjual amunisi kepada Rusia.", "COOPERATE", "negated"),
]


@pytest.mark.parametrize(("text", "category", "status"), STATUSES)
def test_status(text: str, category: str, status: str) -> None:
    assert one(events(text), category).status == status


def test_accusation_yields_the_alleged_event_inside_it() -> None:
    found = events("Pada Jumat (10/11/2023), Blinken menuduh Pyongyang memasok peralatan militer ke Moskow.")
    accuse, aid = one(found, "ACCUSE"), one(found, "AID")
    assert (accuse.source.name, accuse.target.name, accuse.status, accuse.mode) == (
        "Antony Blinken",
        "Korea Utara",
        "fact",
        "allege",
    )
    assert (aid.source.name, aid.target.name, aid.status, aid.mode) == (
        "Korea Utara",
        "Rusia",
        "alleged",
        "military",
    )
    assert accuse.date == aid.date == "2023-11-10"


def test_a_denial_names_no_accusation() -> None:
    found = events("Korea Utara menolak tuduhan menjual amunisi kepada Rusia.")
    assert not [e for e in found if e.category in ("ACCUSE", "REJECT")]


# --- dates -----------------------------------------------------------------------------------------

DATES = [
    ("Kim bertemu Putin di Vostochny, Kamis (14/9/2023).", "2023-09-15", "2023-09-14", "day"),
    ("Pada Jumat (10/11/2023), Blinken mengkritik Pyongyang.", "2024-02-21", "2023-11-10", "day"),
    (
        "Korea Utara menandatangani perjanjian dengan Rusia pada November 2023 lalu.",
        "2024-02-21",
        "2023-11-01",
        "month",
    ),
    ("Kim mengunjungi Rusia tahun lalu.", "2024-02-21", "2023-01-01", "year"),
    ("Polda Riau menangkap Rina Wulandari kemarin.", "2024-02-21", "2024-02-20", "day"),
    ("Polda Riau menangkap Rina Wulandari pekan lalu.", "2024-02-21", "2024-02-01", "month"),
    ("Siti Rahma bertemu Budi Santoso, Selasa (20/1).", "2026-02-01", "2026-01-20", "day"),
    ("Siti Rahma bertemu Budi Santoso pada Selasa di Jakarta.", "2023-09-14", "2023-09-12", "day"),
]


@pytest.mark.parametrize(("text", "pub_date", "day", "precision"), DATES)
def test_event_dates(text: str, pub_date: str, day: str, precision: str) -> None:
    found = events(text, pub_date)
    assert found
    assert {(e.date, e.date_precision, e.date_is_publication) for e in found} == {(day, precision, False)}


def test_publication_date_only_as_flagged_fallback() -> None:
    event = one(events("Siti Rahma memuji Budi Santoso.", "2024-02-21"), "SUPPORT")
    assert (event.date, event.date_precision, event.date_is_publication) == ("2024-02-21", "day", True)


def test_a_document_number_is_no_date() -> None:
    event = one(
        events("Bawaslu mencabut Keputusan Nomor 12 Tahun 2019 atas permintaan warga.", "2024-02-21"),
        "CONCEDE",
    )
    assert event.date == "2024-02-21"


def test_the_paragraph_dates_a_sentence_without_date() -> None:
    text = "Hal itu berawal pada Senin (19/2/2024). Polda Riau kemudian menangkap Rina Wulandari."
    assert one(events(text), "COERCE").date == "2024-02-19"


# --- speech acts and quotes ----------------------------------------------------------------------

SPEECH = [
    '"Situasi di perbatasan tenang," kata Peskov.',
    "Peskov mengatakan hal itu kepada wartawan di Moskow, Rabu (21/2/2024).",
    "Menurut Peskov, cuaca di Moskow cerah sepanjang pekan.",
    "Hal itu disampaikan Siti Rahma dalam keterangan tertulis.",
    '"Kami sudah menjelaskan semuanya," ujar Budi Santoso.',
]


@pytest.mark.parametrize("text", SPEECH)
def test_bare_speech_acts_are_no_events(text: str) -> None:
    assert events(text, speaker=None) == []


def test_an_act_inside_a_quote_is_the_speakers() -> None:
    event = one(events('"Kami akan terus mendukung Korea Utara," kata Peskov.', speaker="Peskov"), "SUPPORT")
    assert (event.source.name, event.target.name, event.status) == ("Dmitry Peskov", "Korea Utara", "intent")


# --- one record per event, evidence ---------------------------------------------------------------


def test_the_same_event_told_twice_is_one_record() -> None:
    text = (
        "Putin memberikan limusin kepada Kim, Rabu (21/2/2024).\n\n"
        "Limusin itu diberikan Putin kepada Kim sebagai hadiah."
    )
    found = [e for e in events(text) if e.category == "AID"]
    assert len(found) == 1
    assert found[0].date == "2024-02-21"


def test_evidence_is_the_sentence_as_written() -> None:
    doc = article("Pembuka berita.\n\nPolda Riau menangkap Rina Wulandari.  Lalu selesai.")
    (event,) = extract_events(doc)
    assert doc.text[event.start : event.end] == event.sentence == "Polda Riau menangkap Rina Wulandari."
    assert 0 < event.confidence <= 1
    assert event.source.actor and event.target.actor


def test_no_actors_no_events() -> None:
    assert events("Harga cabai naik menjelang Lebaran.") == []
    assert extract_events(article("")) == []


# --- reading the clause ----------------------------------------------------------------------------


def test_remind_that_is_speech_not_a_request() -> None:
    assert not [
        e
        for e in events("Budi Santoso mengingatkan bahwa kontribusi buruh sangat besar.")
        if e.category == "REQUEST"
    ]
    assert one(events("Budi Santoso mengingatkan buruh agar tetap tenang."), "REQUEST").target.name == "buruh"


def test_a_reported_clause_keeps_its_own_subject() -> None:
    assert events("Siti Rahma menilai ada pihak yang menyerang Budi Santoso.") == []


def test_the_object_of_an_order_does_what_is_ordered() -> None:
    found = events("Siti Rahma memerintahkan kepala dinas untuk bertemu Budi Santoso.")
    assert not [e for e in found if e.category == "CONSULT"]


def test_receiving_an_act_reverses_it() -> None:
    event = one(events("Rina Wulandari mendapat teguran dari Bawaslu."), "ACCUSE")
    assert (event.source.name, event.target.name, event.mode) == (
        "Badan Pengawas Pemilu",
        "Rina Wulandari",
        "disapprove",
    )


def test_a_visit_goes_from_visitor_to_host() -> None:
    event = one(events("Putin dan Kim bertemu di Rusia."), "CONSULT")
    assert (event.source.name, event.target.name) == ("Kim Jong Un", "Vladimir Putin")


def test_what_a_suspect_did_is_alleged() -> None:
    text = "Polda Riau menetapkan Joko Prasetyo sebagai tersangka. Joko Prasetyo memukul Budi Santoso."
    assert one(events(text), "ASSAULT").status == "alleged"
    assert one(events(text), "ACCUSE").status == "fact"


def test_commas_alone_make_no_list() -> None:
    forms = {
        "Belakangan": ("Belakangan", "IDN CVL", "person"),
        "Budi Santoso": ("Budi Santoso", "IDN GOV", "person"),
        "Joko Prasetyo": ("Joko Prasetyo", "IDN CVL", "person"),
    }
    doc = article("Belakangan, Budi Santoso kerap membela Joko Prasetyo.")
    doc.actors = link(doc.text, forms)
    assert triples(extract_events(doc)) == {("SUPPORT", "Budi Santoso", "Joko Prasetyo")}
