"""Linking mentions to actors on sentences written for these tests (and on the seeds when present)."""

from __future__ import annotations

import pytest

from kabar.actors import link_actors
from kabar.model import Actor, Entity
from tests.conftest import shared_path

FEB_2024 = "2024-02-21"


def codes(text: str, pub_date: str | None = FEB_2024, **kwargs: object) -> dict[str, str]:
    """Actor name → code."""
    return {a.name: a.code for a in link_actors(text, pub_date=pub_date, **kwargs)}  # type: ignore[arg-type]


def actor(text: str, name: str, pub_date: str | None = FEB_2024) -> Actor:
    found = [a for a in link_actors(text, pub_date=pub_date) if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in link_actors(text, pub_date=pub_date)]}"
    return found[0]


# --- the seed's actors, in new sentences ------------------------------------------------------------

SEED_LIKE = (
    "Presiden Rusia Vladimir Putin menyambut pemimpin Korea Utara (Korut) Kim Jong Un di Vladivostok. "
    "Juru bicara Kremlin, Dmitry Peskov, menyebut pertemuan itu hangat. "
    "Menteri Luar Negeri AS Antony Blinken menelepon Menteri Luar Negeri Korea Selatan Park Jin. "
    "Menurut Kementerian Luar Negeri Korea Utara, Pyongyang tidak akan mundur. "
    "Moskow menyatakan dukungannya, sementara Dewan Keamanan PBB menggelar rapat darurat."
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Vladimir Putin", "RUS GOV"),
        ("Kim Jong Un", "PRK GOV"),
        ("Dmitry Peskov", "RUS GOV"),
        ("Antony Blinken", "USA GOV"),
        ("Park Jin", "KOR GOV"),
        ("Korea Utara", "PRK GOV"),
        ("Rusia", "RUS GOV"),
        ("Kementerian Luar Negeri Korea Utara", "PRK GOV"),
        ("Dewan Keamanan PBB", "IGO UNO"),
    ],
)
def test_seed_actors_get_their_codes(name: str, code: str) -> None:
    assert codes(SEED_LIKE)[name] == code


def test_metonyms_are_their_country() -> None:
    korea = actor(SEED_LIKE + " Korut menolak.", "Korea Utara")
    assert {"Korut", "Pyongyang"} <= {m.text for m in korea.mentions}
    assert "Moskow" in {m.text for m in actor(SEED_LIKE, "Rusia").mentions}


def test_short_forms_and_metonyms_alone() -> None:
    text = "AS mengecam uji coba rudal itu. Korut membalas, dan Washington memperingatkan Pyongyang."
    found = codes(text)
    assert found["Amerika Serikat"] == "USA GOV" and found["Korea Utara"] == "PRK GOV"


def test_title_phrase_words_are_not_separate_actors() -> None:
    names = [a.name for a in link_actors("Juru bicara Kremlin, Dmitry Peskov, tiba.", pub_date=FEB_2024)]
    assert names == ["Dmitry Peskov"]


def test_mentions_slice_back_to_the_text() -> None:
    for found in link_actors(SEED_LIKE, pub_date=FEB_2024):
        for mention in found.mentions:
            assert SEED_LIKE[mention.start : mention.end] == mention.text


def test_ids_follow_first_mention() -> None:
    actors = link_actors(SEED_LIKE, pub_date=FEB_2024)
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    firsts = [min(m.start for m in a.mentions) for a in actors]
    assert firsts == sorted(firsts)


# --- short forms in the document ----------------------------------------------------------------------


def test_short_forms_chain_to_the_full_name() -> None:
    text = (
        "Presiden Rusia Vladimir Putin bertemu Kim Jong Un. Menurut Putin, Kim menyukai hadiah itu. "
        "Blinken, yang dulu Menlu AS, tidak hadir."
    )
    actors = link_actors(text, pub_date=FEB_2024)
    kim = next(a for a in actors if a.name == "Kim Jong Un")
    assert "Kim" in [m.text for m in kim.mentions]
    assert sum(a.name == "Vladimir Putin" for a in actors) == 1


def test_unknown_person_short_form_is_the_same_actor() -> None:
    text = (
        "Kepala Seksi Humas Polres Contoh AKP Rudi Hartanto Wibowo membenarkan penangkapan itu. "
        "Rudi mengatakan pelaku sudah ditahan."
    )
    rudi = actor(text, "Rudi Hartanto Wibowo")
    assert rudi.code == "IDN COP"
    assert [m.text for m in rudi.mentions] == ["Rudi Hartanto Wibowo", "Rudi"]


# --- role nouns ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Kata juru bicara Kremlin kepada wartawan.", "juru bicara Kremlin", "RUS GOV"),
        ("Menlu AS menolak berkomentar.", "Menlu AS", "USA GOV"),
        ("Seorang anggota Komisi I DPR mengkritik rencana itu.", "Seorang anggota Komisi I DPR", "IDN LEG"),
        ("Kapolda Metro Jaya memimpin apel pagi.", "Kapolda Metro Jaya", "IDN COP"),
        ("Warga Korea Utara dilarang bepergian.", "Warga Korea Utara", "PRK CVL"),
        ("Sejumlah warga di Bandung mengungsi ke masjid.", "Sejumlah warga di Bandung", "IDN CVL"),
        ("Sejumlah warga mengungsi ke masjid.", "Sejumlah warga", "UNK CVL"),
        ("Pengamat menilai kebijakan DPR itu keliru.", "Pengamat", "IDN CVL"),
        ("Peneliti menilai kebijakan DPR itu keliru.", "Peneliti", "IDN EDU"),
        ("Jaksa di Surabaya menuntut terdakwa lima tahun penjara.", "Jaksa di Surabaya", "IDN JUD"),
        ("Tentara Israel menyerbu kamp di Tepi Barat.", "Tentara Israel", "ISR MIL"),
        ("Polisi Malaysia menangkap dua orang.", "Polisi Malaysia", "MYS COP"),
        ("Pemerintah Jepang mengumumkan bantuan.", "Pemerintah Jepang", "JPN GOV"),
        ("Hakim PN Jakarta Selatan menolak eksepsi pengacara.", "Hakim PN Jakarta Selatan", "IDN JUD"),
        ("Para buruh berunjuk rasa di depan DPR.", "Para buruh", "IDN LAB"),
        ("Pemberontak menguasai kota itu.", "Pemberontak", "UNK REB"),
        ("Pemberontak Myanmar menguasai kota itu.", "Pemberontak Myanmar", "MMR REB"),
        ("Oposisi Venezuela menolak hasil pemilu.", "Oposisi Venezuela", "VEN OPP"),
        ("Sekjen PBB menyerukan gencatan senjata.", "Sekjen PBB", "IGO UNO"),
        (
            "Duta Besar Rusia untuk Indonesia memberi keterangan.",
            "Duta Besar Rusia untuk Indonesia",
            "RUS GOV",
        ),
        ("Presiden Brasil memuji program itu.", "Presiden Brasil", "BRA GOV"),
        (
            "Kementerian Luar Negeri Korea Utara mengecam latihan itu.",
            "Kementerian Luar Negeri Korea Utara",
            "PRK GOV",
        ),
        ("Kongres AS menyetujui anggaran.", "Kongres AS", "USA LEG"),
        ("Satpol PP Kabupaten Contoh menyegel toko itu.", "Satpol PP Kabupaten Contoh", "IDN GOV"),
    ],
)
def test_role_nouns_give_a_code(text: str, name: str, code: str) -> None:
    assert codes(text).get(name) == code


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Hal itu disampaikan juru bicara Kremlin, Ivan Contohov, di Moskow.", "Ivan Contohov", "RUS GOV"),
        ("Kepala Dinas Sosial Kota Contoh Budi Santosa meninjau lokasi.", "Budi Santosa", "IDN GOV"),
        ("Kasi Pidsus Kejari Contoh Andi Wirawan Putra menahan tersangka.", "Andi Wirawan Putra", "IDN JUD"),
        ("Kabid Humas Polda Jawa Timur Kombes Dirga Pramudya menjelaskan.", "Dirga Pramudya", "IDN COP"),
        ("Kapuspen TNI Mayjen Ardi Kusuma menegaskan hal itu.", "Ardi Kusuma", "IDN MIL"),
        ("Anggota Komisi II DPR RI Sari Wulandari mengapresiasi KPU.", "Sari Wulandari", "IDN LEG"),
        ("Juru Bicara KPK Dimas Arya menyampaikan jadwal.", "Dimas Arya", "IDN JUD"),
        ("Bendahara Partai Contoh Raya, Agus Pranoto, membantah.", "Agus Pranoto", "UNK PTY"),
        ("Sekjen PDIP Rahmat Hidayat hadir.", "Rahmat Hidayat", "IDN PTY"),
        ("Pengamat politik Yusuf Wibisono menilai langkah DPR tepat.", "Yusuf Wibisono", "IDN CVL"),
        ("Dosen UI Yusuf Wibisono menilai langkah DPR tepat.", "Yusuf Wibisono", "IDN EDU"),
        ("Nadia Putri selaku Kepala Dinas PUPR Contoh menerima suap.", "Nadia Putri", "IDN GOV"),
        (
            "Kasat Reskrim Polres Contoh AKP Andi Wirawan Putra menahan tersangka.",
            "Andi Wirawan Putra",
            "IDN COP",
        ),
    ],
)
def test_unknown_people_take_their_title(text: str, name: str, code: str) -> None:
    assert codes(text).get(name) == code


def test_unknown_person_without_title_is_a_civilian_of_the_home_country() -> None:
    text = "Penyidik Polri memeriksa pelapor. Kemudian kata Dewi Lestari kepada wartawan di Jakarta."
    assert codes(text)["Dewi Lestari"] == "IDN CVL"


def test_unknown_person_with_no_context_is_unknown() -> None:
    assert codes("Hal itu dikatakan Ahmad Fauzan Nurdin.")["Ahmad Fauzan Nurdin"] == "UNK"


def test_title_after_the_name() -> None:
    text = "Rahmat Irawan Saputra, juru bicara Kementerian Pertahanan, menolak tuduhan itu."
    assert codes(text)["Rahmat Irawan Saputra"] == "IDN GOV"


def test_relational_nouns_do_not_title_the_name() -> None:
    found = codes("Pengacara Nikita Santika menyebut kliennya sakit.", pub_date="2025-06-01")
    assert "Pengacara" in found and "Nikita Santika" not in found.get("Pengacara", "")


def test_lowercase_words_are_not_names() -> None:
    found = codes("Kerja sama antara kedua negara makin erat, kata para pejabat.")
    assert "antara" not in " ".join(found).lower()


# --- dated offices --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pub_date", "code"),
    [("2022-05-01", "IDN GOV"), ("2016-05-01", "IDN PTY"), ("2025-05-01", "IDN GOV")],
)
def test_known_person_code_follows_the_office_on_the_date(pub_date: str, code: str) -> None:
    assert codes("Prabowo Subianto hadir di acara itu.", pub_date=pub_date)["Prabowo Subianto"] == code


def test_a_person_who_left_office_keeps_the_base_code() -> None:
    text = "Antony Blinken berbicara di sebuah universitas."
    assert codes(text, pub_date="2024-01-10")["Antony Blinken"] == "USA GOV"
    assert codes(text, pub_date="2025-06-10")["Antony Blinken"] == "USA"


def test_office_switch_between_bodies() -> None:
    text = "Donald Tusk memberi pernyataan."
    assert codes(text, pub_date="2018-01-01")["Donald Tusk"] == "IGO"
    assert codes(text, pub_date="2024-01-01")["Donald Tusk"] == "POL GOV"


def test_ner_person_hint_makes_a_person() -> None:
    text = "Laporan itu dibuat oleh tim. Tampak Ratna Sari Dewi di lokasi."
    start = text.index("Ratna")
    entities = [Entity("Ratna Sari Dewi", "PER", start, start + len("Ratna Sari Dewi"))]
    assert "Ratna Sari Dewi" not in codes(text)
    assert codes(text, entities=entities)["Ratna Sari Dewi"] == "UNK"


def test_ner_org_hint_adds_an_organisation() -> None:
    text = "Kelompok Tani Makmur menggelar panen raya."
    entities = [Entity("Kelompok Tani Makmur", "ORG", 0, 20)]
    found = link_actors(text, pub_date=FEB_2024, entities=entities)
    assert [(a.name, a.kind) for a in found] == [("Kelompok Tani Makmur", "organisation")]


def test_an_initialism_in_brackets_tagged_org_stays_the_persons_short_form() -> None:
    text = "Tersangka kelima, Bambang Wiryo Santoso (BWS) selaku swasta, ditahan penyidik."
    spans = [("Bambang Wiryo Santoso", "PER"), ("BWS", "ORG")]
    entities = [Entity(t, label, text.index(t), text.index(t) + len(t)) for t, label in spans]
    found = link_actors(text, pub_date=FEB_2024, entities=entities)
    assert [a.name for a in found] == ["Bambang Wiryo Santoso"]
    assert found[0].code.endswith("BUS")  # "selaku swasta" still reaches the person


def test_empty_and_odd_texts() -> None:
    assert link_actors("") == []
    assert link_actors("   \n\n ") == []
    assert link_actors("AS") and link_actors("(((") == []


# --- the seeds, read in place ----------------------------------------------------------------------------


def test_seed_000_actors() -> None:
    text = shared_path("seeds", "000_efad89659f516c06.txt").read_text("utf-8")
    found = codes(text, pub_date=FEB_2024)
    expected = {
        "Vladimir Putin": "RUS GOV",
        "Kim Jong Un": "PRK GOV",
        "Dmitry Peskov": "RUS GOV",
        "Antony Blinken": "USA GOV",
        "Park Jin": "KOR GOV",
        "Korea Utara": "PRK GOV",
        "Amerika Serikat": "USA GOV",
        "Rusia": "RUS GOV",
        "Kementerian Luar Negeri Korea Utara": "PRK GOV",
    }
    assert {name: found.get(name) for name in expected} == expected


def test_seed_002_actors() -> None:
    text = shared_path("seeds", "002_f1c0a0fef9fd3cfc.txt").read_text("utf-8")
    found = codes(text, pub_date="2023-09-14")
    for name, code in [
        ("Vladimir Putin", "RUS GOV"),
        ("Kim Jong Un", "PRK GOV"),
        ("Dmitry Peskov", "RUS GOV"),
    ]:
        assert found.get(name) == code


def test_link_article_fills_the_article() -> None:
    from kabar.actors import link_article
    from kabar.model import Article

    article = Article(id="x", origin="test", hash="h", text=SEED_LIKE, pub_date=FEB_2024)
    assert link_article(article) is article
    assert "Vladimir Putin" in [a.name for a in article.actors]
