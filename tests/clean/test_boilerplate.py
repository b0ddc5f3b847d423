"""OutletBoilerplate: per-outlet line statistics learned over a corpus, applied to new documents."""

from __future__ import annotations

import pickle

from kabar.clean import OutletBoilerplate, clean_dump, observe_source
from kabar.clean.boilerplate import line_hash, normalise_line
from kabar.model import SourceDocument

PROMO = "Dengarkan siniar Kabar Uji setiap pagi"
LONG_SHARED = (
    "Redaksi menerima tulisan opini dari pembaca dengan panjang paling banyak tujuh ratus kata dan "
    "disertai identitas lengkap penulis."
)


PLACES = ["Cikarang", "Bantul", "Tegal", "Kudus", "Sleman", "Garut", "Depok", "Bogor", "Jepara", "Blitar"]


def story(n: int) -> str:
    place = PLACES[n % len(PLACES)] + ("" if n < len(PLACES) else " Barat")
    return "\n".join([
        f"Pasar Desa di {place} Direnovasi",
        PROMO,
        f"Pedagang di pasar desa {place} mengeluhkan harga sewa kios yang naik sejak awal bulan ini.",
        f"Pengelola pasar di {place} berjanji meninjau ulang tarif itu dalam rapat pekan depan.",
        LONG_SHARED,
    ])  # fmt: skip


def learned(n_docs: int = 6) -> OutletBoilerplate:
    bp = OutletBoilerplate()
    for n in range(n_docs):
        bp.observe("kabaruji.com", story(n))
    return bp


def test_repeated_short_line_becomes_boilerplate_after_enough_documents() -> None:
    assert not learned(4).is_boilerplate("kabaruji.com", PROMO)  # below min_documents
    bp = learned(6)
    assert bp.is_boilerplate("kabaruji.com", PROMO)
    assert bp.is_boilerplate("kabaruji.com", "  dengarkan SINIAR kabar uji setiap pagi! ")  # normalised
    assert not bp.is_boilerplate("lain.com", PROMO)  # per outlet
    assert not bp.is_boilerplate(None, PROMO)


def test_line_seen_in_one_document_is_not_boilerplate() -> None:
    assert not learned().is_boilerplate("kabaruji.com", story(0).splitlines()[2])


def test_long_sentence_is_never_boilerplate_for_repeating_alone() -> None:
    bp = learned()
    assert bp.share("kabaruji.com", LONG_SHARED) == 1.0
    assert not bp.is_boilerplate("kabaruji.com", LONG_SHARED)


def test_digits_are_normalised_so_dated_lines_share_a_hash() -> None:
    assert normalise_line("Senin (3/6/2024)") == normalise_line("Senin (4/7/2025)")
    assert line_hash("Senin (3/6/2024)") == line_hash("senin 4 7 2025")


def test_rows_round_trip_and_merge() -> None:
    bp = learned()
    docs, lines = bp.to_rows()
    assert docs == [("kabaruji.com", 6)]
    assert all(len(row) == 3 and row[0] == "kabaruji.com" for row in lines)
    again = OutletBoilerplate.from_rows(docs, lines)
    assert again.is_boilerplate("kabaruji.com", PROMO)
    again.merge_rows(docs, lines)
    assert again.documents["kabaruji.com"] == 12
    assert again.share("kabaruji.com", PROMO) == 1.0
    assert len(bp.to_rows(min_count=2)[1]) < len(lines)


def test_pickles_for_worker_processes() -> None:
    assert pickle.loads(pickle.dumps(learned())).is_boilerplate("kabaruji.com", PROMO)


def test_cleaner_drops_learned_lines_of_the_outlet_only() -> None:
    bp = learned()
    doc = story(12)
    with_stats = clean_dump(doc, outlet="kabaruji.com", boilerplate=bp)
    assert PROMO not in with_stats.paragraphs
    assert (PROMO, "outlet") in with_stats.removed
    assert LONG_SHARED in with_stats.paragraphs
    other = clean_dump(doc, outlet="lain.com", boilerplate=bp)
    assert "outlet" not in {reason for _, reason in other.removed}


def test_observe_source_uses_the_outlet_key_the_cleaner_uses() -> None:
    bp = OutletBoilerplate(min_documents=2)
    for n in range(3):
        observe_source(
            bp, SourceDocument(id=str(n), origin="t", raw=story(n), url=f"https://www.kabaruji.com/{n}")
        )
    assert bp.outlets() == ["kabaruji.com"]
    html = SourceDocument(
        id="h", origin="t", raw=f"<p>{PROMO}</p><p>Isi</p>", kind="html", url="https://kabaruji.com/x"
    )
    observe_source(bp, html)
    assert bp.documents["kabaruji.com"] == 4
    observe_source(bp, SourceDocument(id="x", origin="t", raw="tanpa outlet"))
    assert sum(bp.documents.values()) == 4
