"""A small original corpus for story tests: three stories across three outlets, and singletons.

The sentences are written for these tests (no outlet's text). Stories:

* ``summit``: the Putin–Kim meeting at Vostochny, 13 September 2023 (three outlets);
* ``aurus``: Putin's gift of an Aurus limousine to Kim Jong Un, February 2024 (three outlets), which
  shares its actors with ``summit`` five months later: one thread;
* ``rice``: rice prices at the Cipinang wholesale market, February 2024 (three outlets);

and three singletons (a football match, an eruption, a coffee festival).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kabar.model import ActorRef, Article, Event

SHARED = Path(os.environ.get("KABAR_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))

ARTICLES = [
    # id, outlet, pub_date, story, title, text
    ("a1", "kabarsatu.id", "2023-09-13T10:00:00+07:00", "summit",
     "Putin dan Kim Jong Un bertemu di Kosmodrom Vostochny",
     "Presiden Rusia Vladimir Putin menerima pemimpin Korea Utara Kim Jong Un di Kosmodrom Vostochny, "
     "wilayah Amur, pada Rabu (13/9/2023). Kedua pemimpin berbicara lebih dari empat jam tentang kerja "
     "sama militer dan program satelit. Kim tiba dengan kereta lapis baja setelah perjalanan dua hari "
     "dari Pyongyang. Putin menyebut Rusia siap membantu Korea Utara membangun satelit."),
    ("a2", "wartanusa.co.id", "2023-09-13T15:30:00+07:00", "summit",
     "Kim Jong Un Tiba di Vostochny, Disambut Putin",
     "Pemimpin Korea Utara Kim Jong Un disambut Presiden Vladimir Putin di Kosmodrom Vostochny, Rusia, "
     "Rabu (13/9/2023). Pertemuan di kawasan peluncuran roket itu membahas kerja sama militer dan "
     "program satelit Korea Utara. Kim datang dengan kereta lapis baja dari Pyongyang. Kedua pemimpin "
     "kemudian makan siang bersama dan bertukar hadiah senapan."),
    ("a3", "harianpagi.com", "2023-09-13T20:00:00+07:00", "summit",
     "Putin dan Kim Bertukar Senapan dalam Pertemuan di Vostochny",
     "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un saling memberi senapan sebagai "
     "hadiah dalam pertemuan di Kosmodrom Vostochny, Rabu (13/9/2023). Putin menerima senapan buatan "
     "Korea Utara, sementara Kim mendapat senapan Rusia dan sarung tangan kosmonaut. Pertemuan empat "
     "jam itu membahas kerja sama militer dan satelit."),
    ("b1", "kabarsatu.id", "2024-02-20T09:00:00+07:00", "aurus",
     "Putin Hadiahkan Mobil Aurus untuk Kim Jong Un",
     "Presiden Rusia Vladimir Putin memberikan sebuah mobil limusin Aurus buatan Rusia kepada pemimpin "
     "Korea Utara Kim Jong Un. Kantor berita KCNA melaporkan mobil itu diserahkan kepada adik Kim, Kim "
     "Yo Jong, di Pyongyang pada Minggu (18/2/2024). Kim Yo Jong menyebut hadiah limusin itu bukti "
     "hubungan istimewa Korea Utara dan Rusia."),
    ("b2", "wartanusa.co.id", "2024-02-20T13:00:00+07:00", "aurus",
     "Kim Jong Un Terima Limusin Aurus dari Putin",
     "Pemimpin Korea Utara Kim Jong Un menerima mobil limusin Aurus sebagai hadiah pribadi dari Presiden "
     "Rusia Vladimir Putin, menurut KCNA. Limusin buatan Rusia itu diserahkan kepada Kim Yo Jong di "
     "Pyongyang, Minggu (18/2/2024). Kim Yo Jong menyampaikan terima kasih atas hadiah mobil tersebut."),
    ("b3", "harianpagi.com", "2024-02-20T19:00:00+07:00", "aurus",
     "Limusin Aurus dari Putin Tiba di Pyongyang",
     "Sebuah limusin Aurus kiriman Presiden Vladimir Putin diterima Kim Yo Jong, adik pemimpin Korea "
     "Utara Kim Jong Un, di Pyongyang, Minggu (18/2/2024). KCNA menyebut hadiah mobil buatan Rusia itu "
     "tanda persahabatan kedua pemimpin."),
    ("r1", "kabarsatu.id", "2024-02-19T11:00:00+07:00", "rice",
     "Harga Beras di Pasar Induk Cipinang Naik Jadi Rp16.000 per Kilogram",
     "Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp16.000 per kilogram pada Senin "
     "(19/2/2024). Pedagang menyebut pasokan dari Jawa Tengah berkurang karena panen mundur. Stok beras "
     "di gudang pasar tercatat 22.000 ton, di bawah batas aman 30.000 ton."),
    ("r2", "harianpagi.com", "2024-02-19T16:00:00+07:00", "rice",
     "Pasokan Seret, Beras Medium di Cipinang Tembus Rp16 Ribu",
     "Beras medium di Pasar Induk Beras Cipinang dijual Rp16 ribu per kilogram, Senin (19/2/2024). "
     "Stok di pasar hanya 22.000 ton karena panen di Jawa Tengah mundur. Pedagang beras berharap "
     "pasokan kembali normal bulan depan."),
    ("r3", "wartanusa.co.id", "2024-02-20T08:00:00+07:00", "rice",
     "Stok Beras Cipinang 22.000 Ton, Harga Naik",
     "Stok beras di Pasar Induk Beras Cipinang turun menjadi 22.000 ton dan harga beras medium naik ke "
     "Rp16.000 per kilogram. Pedagang di Cipinang mengatakan panen di Jawa Tengah terlambat sehingga "
     "pasokan beras berkurang."),
    ("s1", "kabarsatu.id", "2024-03-26T22:00:00+07:00", "football",
     "Timnas Indonesia Menang 3-0 atas Vietnam di Hanoi",
     "Tim nasional sepak bola Indonesia mengalahkan Vietnam 3-0 di Stadion My Dinh, Hanoi, Selasa "
     "malam. Gol dicetak dalam babak kedua. Kemenangan itu menjaga peluang lolos ke putaran berikutnya."),
    ("s2", "harianpagi.com", "2023-12-04T06:00:00+07:00", "eruption",
     "Gunung Marapi di Sumatera Barat Erupsi",
     "Gunung Marapi di Sumatera Barat meletus pada Minggu sore dan melontarkan abu setinggi tiga "
     "kilometer. Petugas menutup jalur pendakian dan meminta warga menjauh dari kawah."),
    ("s3", "wartanusa.co.id", "2024-02-21T10:00:00+07:00", "coffee",
     "Festival Kopi Toraja Digelar Akhir Pekan Ini",
     "Festival kopi di Rantepao, Toraja Utara, akan digelar akhir pekan ini dengan puluhan petani dan "
     "penyangrai. Panitia menyiapkan kelas seduh dan lelang biji kopi arabika."),
]  # fmt: skip

PUTIN = ActorRef("Vladimir Putin", "RUSGOV")
KIM = ActorRef("Kim Jong Un", "PRKGOV")


def _events(article_id: str, sentence: str) -> list[Event]:
    """Events as an extractor might give them, for the timeline tests."""
    meeting = Event(PUTIN, KIM, "CONSULT", None, "2023-09-13", "day", "fact", sentence)
    gift = Event(PUTIN, KIM, "AID", None, "2024-02-18", "day", "fact", sentence)
    return {"a1": [meeting], "a2": [meeting], "a3": [meeting], "b1": [gift], "b2": [gift]}.get(article_id, [])


def make_article(row: tuple[str, str, str, str, str, str]) -> Article:
    article_id, outlet, pub_date, _, title, text = row
    article = Article(id=article_id, origin="test", hash="", outlet=outlet, pub_date=pub_date, title=title,
                      text=text, language="id")  # fmt: skip
    article.events = _events(article_id, text.split(". ")[0])
    return article


@pytest.fixture
def corpus() -> list[Article]:
    """The fixture articles in publication order."""
    return sorted((make_article(row) for row in ARTICLES), key=lambda a: a.pub_date or "")


@pytest.fixture
def gold() -> dict[str, str]:
    return {row[0]: row[3] for row in ARTICLES}


@pytest.fixture
def shared() -> Path:
    """``../shared`` beside the repository; the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED
