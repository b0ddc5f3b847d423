"""``via`` (the outlet a quote was taken from) and ``date`` (the day it was said)."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import quotes

VIA = [
    ("“Kami siap,” kata Menteri Ana Rahma, dikutip dari Channel News Asia, Rabu (21/2/2024).",
     "Channel News Asia"),
    ("Dilansir BBC, Menteri Ana Rahma mengatakan kapal itu sudah berangkat.", "BBC"),
    ("“Kami siap,” kata Menteri Ana Rahma, seperti dilaporkan Reuters.", "Reuters"),
    ("“Kami siap,” kata Menteri Ana Rahma mengutip AFP.", "AFP"),
    ("“Kami siap,” kata Menteri Ana Rahma, seperti dikutip daridetikNews, Rabu (21/2/2024).", "detikNews"),
    ("“Kami siap,” kata Menteri Ana Rahma kepada wartawan, Rabu (21/2/2024).", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "via"), VIA)
def test_via(text: str, via: str | None) -> None:
    found = quotes(text)
    assert len(found) == 1
    assert found[0].via == via


def test_date_of_the_reporting_clause() -> None:
    found = quotes("“Kami siap,” kata Menteri Ana Rahma, Rabu (21/2/2024).", pub_date="2024-02-22")
    assert found[0].date == "2024-02-21"


def test_date_without_year_uses_the_publication_date() -> None:
    found = quotes("“Kami siap,” kata Menteri Ana Rahma, Selasa (20/2).", pub_date="2024-02-22")
    assert found[0].date == "2024-02-20"


def test_dates_inside_the_quote_are_not_the_day_it_was_said() -> None:
    text = "“Jalan ditutup mulai Senin (26/2/2024),” kata Kadishub Yogi Pratama."
    found = quotes(text, pub_date="2024-02-22")
    assert found[0].date is None


def test_month_only_is_no_day() -> None:
    found = quotes("“Kami siap,” kata Menteri Ana Rahma pada November 2023 lalu.", pub_date="2024-02-22")
    assert found[0].date is None


def test_same_speaker_inherits_the_day_other_speakers_do_not() -> None:
    text = (
        "“Stok aman,” kata Menteri Ana Rahma, Rabu (21/2/2024).\n\n"
        "“Harga akan stabil,” ujarnya.\n\n"
        "Ana Rahma juga mengatakan impor tidak diperlukan tahun ini.\n\n"
        "Sementara itu, pengamat pangan Dedi Kurnia menilai impor tetap perlu disiapkan."
    )
    found = quotes(text, pub_date="2024-02-22")
    assert [q.date for q in found] == ["2024-02-21", "2024-02-21", "2024-02-21", None]


def test_report_clause_dates_the_speaker() -> None:
    text = (
        "Hal itu disampaikan Ketua Panitia Sinta Maharani dalam jumpa pers di Bandung, Senin (19/2/2024).\n\n"
        "“Pendaftaran dibuka sampai akhir bulan,” ujar Sinta."
    )
    found = quotes(text, pub_date="2024-02-21")
    assert [(q.text, q.date) for q in found] == [("Pendaftaran dibuka sampai akhir bulan", "2024-02-19")]


def test_via_is_not_inherited() -> None:
    text = "“Kami siap,” kata Menteri Ana Rahma, dikutip dari Reuters.\n\n“Kami menunggu,” ujarnya."
    assert [q.via for q in quotes(text)] == ["Reuters", None]


def test_day_between_verb_and_bahwa_is_the_reporting_day() -> None:
    found = quotes("Menteri Ana Rahma mengatakan pada Rabu (21/2/2024) bahwa impor tidak diperlukan.")
    assert [(q.text, q.date) for q in found] == [("impor tidak diperlukan", "2024-02-21")]


def test_report_clause_after_a_quote_dates_it() -> None:
    text = "“Kami siap,” kata Menteri Ana Rahma. Hal itu disampaikan dalam jumpa pers, Senin (19/2/2024)."
    assert [q.date for q in quotes(text)] == ["2024-02-19"]


def test_start_of_a_period_is_not_the_day_it_was_said() -> None:
    found = quotes("Hal itu diungkapkan Ana Rahma saat gencatan senjata berlaku sejak 10 Februari lalu.")
    assert found == []
    text = (
        "Hal itu diungkapkan Menteri Ana Rahma saat gencatan senjata berlaku sejak 10 Februari lalu.\n\n"
        "“Kami siap,” kata Ana Rahma."
    )
    assert [q.date for q in quotes(text)] == [None]


def test_statement_dated_to_a_year_takes_no_day() -> None:
    text = (
        "“Saya mundur dari politik,” kata penyanyi Rina Ayu, Rabu (21/2/2024).\n\n"
        "Pada 2023 lalu Rina Ayu mengumumkan akan maju sebagai calon anggota legislatif."
    )
    assert [q.date for q in quotes(text)] == ["2024-02-21", None]
