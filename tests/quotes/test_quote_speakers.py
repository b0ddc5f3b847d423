"""Who said it: cues, titles, pronouns, descriptions, countries, split quotes, actors."""

from __future__ import annotations

from tests.quotes.helpers import actor, quotes, speakers


def test_title_and_rank_are_dropped_from_the_name() -> None:
    text = "“Pelaku sudah kami tangkap,” kata Kasat Reskrim Polres Metro Bekasi AKBP Joko Susanto, Senin."
    assert speakers(quotes(text)) == ["Joko Susanto"]


def test_appositive_speaker_after_comma() -> None:
    text = "“Kami akan membalas,” kata juru bicara kementerian pertahanan, Ivan Petrov, kepada media."
    assert speakers(quotes(text)) == ["Ivan Petrov"]


def test_pronoun_cues_go_to_the_last_speaker() -> None:
    text = (
        "“Anggaran sudah cair,” kata Menteri Keuangan Sri Wahyuni.\n\n"
        "“Daerah tinggal menyalurkan,” ujarnya.\n\n"
        "“Tidak ada alasan untuk menunda,” ucap dia."
    )
    found = quotes(text)
    assert [q.cue for q in found] == ["kata", "ujarnya", "ucap"]
    assert speakers(found) == ["Sri Wahyuni"] * 3


def test_short_name_takes_the_fullest_form() -> None:
    text = (
        "Ketua Koperasi Tani Makmur, Heru Prasetyo Wibowo, hadir di lokasi panen.\n\n"
        "“Gabah kami dibeli dengan harga wajar,” kata Heru."
    )
    assert speakers(quotes(text)) == ["Heru Prasetyo Wibowo"]


def test_country_and_body_as_speaker() -> None:
    text = "“Latihan militer itu mengancam kawasan,” kata Korea Utara dalam pernyataannya."
    assert speakers(quotes(text)) == ["Korea Utara"]


def test_description_goes_back_to_the_body_it_names() -> None:
    text = (
        "Menurut Kementerian Luar Negeri Jepang, kapal itu masuk tanpa izin.\n\n"
        "Pemerintah setempat juga memanggil duta besar.\n\n"
        "“Kami memprotes keras pelanggaran ini,” kata kementerian tersebut."
    )
    found = quotes(text)
    assert speakers(found) == ["Kementerian Luar Negeri Jepang", "Kementerian Luar Negeri Jepang"]


def test_split_quote_is_two_records_with_one_speaker() -> None:
    text = "“Stok beras aman sampai Lebaran,” kata Kepala Bulog Rudi Hartono. “Warga tidak perlu memborong.”"
    found = quotes(text)
    assert [q.text for q in found] == ["Stok beras aman sampai Lebaran", "Warga tidak perlu memborong."]
    assert speakers(found) == ["Rudi Hartono", "Rudi Hartono"]
    assert found[1].cue == "kata"


def test_cue_before_the_quote() -> None:
    text = "Gubernur Lina Marlina mengatakan: “Semua sekolah dibuka kembali pekan depan.”"
    found = quotes(text)
    assert [(q.kind, q.cue) for q in found] == [("direct", "mengatakan")]
    assert speakers(found) == ["Lina Marlina"]


def test_speaker_never_named_is_null() -> None:
    text = "Proyek itu disebut-sebut menelan biaya hingga Rp 2 triliun dan belum selesai."
    found = quotes(text)
    assert [(q.kind, q.cue) for q in found] == [("indirect", "disebut-sebut")]
    assert found[0].speaker is None


def test_actor_linker_gives_name_and_code() -> None:
    text = "“Kami tidak akan mundur,” kata juru bicara Kremlin, Dmitry Peskov, kepada wartawan."
    people = [
        actor("a1", "Rusia", "RUS GOV", "country", text, "Kremlin"),
        actor("a2", "Dmitry Peskov", "RUS GOV", "person", text, "Dmitry Peskov"),
    ]
    found = quotes(text, actors=people)
    assert found[0].speaker is not None
    assert (found[0].speaker.name, found[0].speaker.code, found[0].speaker.actor) == (
        "Dmitry Peskov", "RUS GOV", "a2",
    )  # fmt: skip


def test_actor_short_mention_resolves_to_full_name() -> None:
    text = "Menteri Luar Negeri AS Antony Blinken tiba di Seoul.\n\n“Kami bersama sekutu kami,” kata Blinken."
    people = [actor("a1", "Antony Blinken", "USA GOV", "person", text, "Antony Blinken", "Blinken")]
    found = quotes(text, actors=people)
    assert speakers(found) == ["Antony Blinken"]
    assert found[0].speaker is not None and found[0].speaker.code == "USA GOV"


def test_pronoun_cue_prefers_the_person_over_a_body_quoted_in_between() -> None:
    text = (
        "“Rupiah masih tertekan,” kata analis pasar uang Budi Santoso.\n\n"
        "Kemarin Bank Indonesia juga menyatakan bahwa aliran modal asing akan meningkat.\n\n"
        "“Kisaran hari ini di Rp 16.300,” pungkasnya."
    )
    found = quotes(text)
    assert speakers(found) == ["Budi Santoso", "Bank Indonesia", "Budi Santoso"]


def test_quoted_title_is_no_quote_and_the_clause_after_is_indirect() -> None:
    text = (
        "Dalam khotbah bertema “Idul Fitri Momentum Hijrah”, Ustaz Hasan menyampaikan, Lebaran saat berbenah."
    )
    found = quotes(text)
    assert [(q.kind, q.cue, q.text) for q in found] == [("indirect", "menyampaikan", "Lebaran saat berbenah")]
    assert speakers(found) == ["Hasan"]


def test_linker_title_mention_stands_for_the_person_a_foreign_name_does_not() -> None:
    text = (
        "Anggota DPR Rano Alfath hadir.\n\n“Kami mendukung,” kata Politikus PKB itu.\n\n"
        "“Kami bekerja,” ujar Prabowo di Istana."
    )
    rano = actor("a1", "Rano Alfath", "IDN LEG", "person", text, "Rano Alfath", "Politikus PKB", "Prabowo")
    found = quotes(text, actors=[rano])
    assert speakers(found) == ["Rano Alfath", "Prabowo"]
