"""A small store written for the serving tests: two stories in one thread, a flood story across three
outlets, and an XSS corpus (script tags, ``javascript:`` links, event handlers and HTML entities in
titles, text, actor names, outlet names, quotes, URLs and ids). All text is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from kabar.model import Actor, ActorRef, Article, Byline, Entity, Event, Mention, Quote, content_hash
from kabar.store import Store

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
XSS_OUTLET = '"><script>alert(5)</script>.example'
XSS_ACTOR = "<svg onload=alert(4)>Kelompok & Co"
XSS_STORY = "s-<b>\"x'"


def article(aid: str, text: str, **fields: object) -> Article:
    return Article(
        id=aid, origin=f"test:{aid}", hash=content_hash(aid + text), text=text, language="id", **fields
    )  # type: ignore[arg-type]


def actor(aid: str, name: str, code: str, text: str, *phrases: str, kb: str | None = None) -> Actor:
    """An actor with a mention at each phrase's first occurrence in ``text``."""
    mentions = [Mention(p, text.index(p), text.index(p) + len(p)) for p in phrases]
    return Actor(aid, name, code, kb_id=kb, kind="person", mentions=mentions)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def quote(text: str, said: str, speaker: Actor | None, cue: str, **fields: object) -> Quote:
    start, end = span(text, said)
    return Quote(said, "direct", speaker.ref() if speaker else None, cue, start=start, end=end, **fields)  # type: ignore[arg-type]


def event(
    text: str,
    sentence: str,
    source: Actor | ActorRef | None,
    target: Actor | ActorRef | None,
    category: str,
    date: str,
    status: str = "fact",
    **fields: object,
) -> Event:
    start, end = span(text, sentence)
    refs = [x.ref() if isinstance(x, Actor) else x for x in (source, target)]
    return Event(
        refs[0],
        refs[1],
        category,
        fields.pop("mode", None),
        date,
        "day",
        status,
        sentence,  # type: ignore[arg-type]
        start,
        end,
        confidence=0.8,
        **fields,
    )  # type: ignore[arg-type]


# -- the Russia / North Korea thread -----------------------------------------------------------------

LIMUSIN = (
    "Presiden Rusia Vladimir Putin menghadiahkan sebuah mobil limusin Aurus kepada pemimpin Korea Utara "
    'Kim Jong Un. Juru bicara Kremlin Dmitry Peskov membenarkan hadiah itu. "Pemimpin Kim sangat menyukai '
    'mobil ini sejak kunjungannya ke Vostochny," kata Peskov, Rabu (21/2/2024).\n\n'
    "Menteri Luar Negeri Amerika Serikat Antony Blinken menuduh Korea Utara memasok senjata kepada Rusia. "
    "Pyongyang menyebut pernyataan Blinken provokatif."
)
KUNJUNGAN = (
    "Kim Jong Un dijadwalkan mengunjungi Moskow pekan depan untuk bertemu Vladimir Putin. "
    '"Kami akan membahas kerja sama yang saling menguntungkan," ujar Peskov kepada wartawan. '
    "Kunjungan itu disebut sebagai kelanjutan pertemuan di Vostochny."
)


def russia_articles() -> list[Article]:
    a1 = article(
        "rusia-1",
        LIMUSIN,
        title="Putin Hadiahkan Limusin Aurus untuk Kim Jong Un",
        outlet="kompas.com",
        pub_date="2024-02-21T09:00:00+07:00",
        url="https://kompas.example/putin-limusin",
        story="s-limusin",
        thread="t-semenanjung",
        byline=[Byline("Rina Wulandari", "Penulis")],
    )
    putin = actor("a0", "Vladimir Putin", "RUS GOV", LIMUSIN, "Vladimir Putin", kb="person:vladimir-putin")
    kim = actor("a1", "Kim Jong Un", "PRK GOV", LIMUSIN, "Kim Jong Un", kb="person:kim-jong-un")
    peskov = actor(
        "a2", "Dmitry Peskov", "RUS GOV", LIMUSIN, "Dmitry Peskov", "Peskov", kb="person:dmitry-peskov"
    )
    blinken = actor("a3", "Antony Blinken", "USA GOV", LIMUSIN, "Antony Blinken", kb="person:antony-blinken")
    korut = actor("a4", "Korea Utara", "PRK GOV", LIMUSIN, "Korea Utara", "Pyongyang", kb="country:PRK")
    rusia = actor("a5", "Rusia", "RUS GOV", LIMUSIN, "Rusia", kb="country:RUS")
    a1.actors = [putin, kim, peskov, blinken, korut, rusia]
    a1.entities = [
        Entity("Vladimir Putin", "PER", *span(LIMUSIN, "Vladimir Putin")),
        Entity("Kim Jong Un", "PER", *span(LIMUSIN, "Kim Jong Un")),
    ]
    a1.quotes = [
        quote(
            LIMUSIN,
            "Pemimpin Kim sangat menyukai mobil ini sejak kunjungannya ke Vostochny,",
            peskov,
            "kata",
            date="2024-02-21",
            via="Channel News Asia",
        )
    ]
    a1.events = [
        event(
            LIMUSIN,
            "Presiden Rusia Vladimir Putin menghadiahkan sebuah mobil limusin Aurus kepada pemimpin "
            "Korea Utara Kim Jong Un.",
            putin,
            kim,
            "AID",
            "2024-02-20",
        ),
        event(
            LIMUSIN,
            "Menteri Luar Negeri Amerika Serikat Antony Blinken menuduh Korea Utara memasok senjata "
            "kepada Rusia.",
            blinken,
            korut,
            "ACCUSE",
            "2023-11-10",
            mode="allege",
        ),
        event(
            LIMUSIN,
            "Menteri Luar Negeri Amerika Serikat Antony Blinken menuduh Korea Utara memasok senjata "
            "kepada Rusia.",
            korut,
            rusia,
            "AID",
            "2023-11-10",
            status="alleged",
            mode="military",
        ),
        event(
            LIMUSIN,
            "Pyongyang menyebut pernyataan Blinken provokatif.",
            korut,
            blinken,
            "ACCUSE",
            "2024-02-21",
        ),
    ]
    a2 = article(
        "rusia-2",
        KUNJUNGAN,
        title="Kim Jong Un Akan Kunjungi Moskow",
        outlet="tempo.co",
        pub_date="2024-03-02T14:30:00+07:00",
        url="https://tempo.example/kim-moskow",
        story="s-kunjungan",
        thread="t-semenanjung",
    )
    kim2 = actor("b0", "Kim Jong Un", "PRK GOV", KUNJUNGAN, "Kim Jong Un", kb="person:kim-jong-un")
    putin2 = actor("b1", "Vladimir Putin", "RUS GOV", KUNJUNGAN, "Vladimir Putin", kb="person:vladimir-putin")
    peskov2 = actor("b2", "Dmitry Peskov", "RUS GOV", KUNJUNGAN, "Peskov", kb="person:dmitry-peskov")
    a2.actors = [kim2, putin2, peskov2]
    a2.quotes = [
        quote(KUNJUNGAN, "Kami akan membahas kerja sama yang saling menguntungkan,", peskov2, "ujar")
    ]
    a2.events = [
        event(
            KUNJUNGAN,
            "Kim Jong Un dijadwalkan mengunjungi Moskow pekan depan untuk bertemu Vladimir Putin.",
            kim2,
            putin2,
            "CONSULT",
            "2024-03-09",
            status="intent",
            mode="visit",
        )
    ]
    a3 = article(
        "rusia-3",
        KUNJUNGAN.replace("pekan depan", "bulan depan"),
        title="Kim Jong Un ke Moskow",
        outlet="detik.com",
        pub_date="2024-03-02T16:00:00+07:00",
        story="s-kunjungan",
        thread="t-semenanjung",
        duplicate_of=None,
    )
    return [a1, a2, a3]


# -- the flood story across three outlets ------------------------------------------------------------

BANJIR = [
    (
        "banjir-1",
        "kompas.com",
        "2024-01-02T06:10:00+07:00",
        "Banjir Rendam Kampung Melayu",
        "Banjir setinggi satu meter merendam Kampung Melayu, Jakarta Timur, sejak Selasa dini hari. "
        '"Air naik cepat sekali setelah hujan deras semalaman," kata Gubernur Pramono Anung di lokasi. '
        "Pemerintah Provinsi DKI Jakarta mengirim bantuan logistik kepada warga yang mengungsi.",
    ),
    (
        "banjir-2",
        "detik.com",
        "2024-01-02T09:45:00+07:00",
        "Ratusan Warga Kampung Melayu Mengungsi karena Banjir",
        "Ratusan warga Kampung Melayu mengungsi ke masjid terdekat akibat banjir. "
        '"Kami sudah menyiapkan dapur umum dan perahu karet," ujar Pramono Anung. '
        "Badan Penanggulangan Bencana Daerah mencatat 320 jiwa mengungsi.",
    ),
    (
        "banjir-3",
        "tempo.co",
        "2024-01-03T11:00:00+07:00",
        "Banjir Jakarta: Pemprov Salurkan Bantuan",
        "Pemerintah Provinsi DKI Jakarta menyalurkan bantuan kepada korban banjir di Kampung Melayu. "
        "Gubernur Pramono Anung meminta warga tetap waspada karena hujan diperkirakan berlanjut.",
    ),
]


def flood_articles() -> list[Article]:
    found = []
    for aid, outlet, date, title, text in BANJIR:
        a = article(
            aid,
            text,
            title=title,
            outlet=outlet,
            pub_date=date,
            story="s-banjir",
            thread="t-banjir",
            url=f"https://{outlet}/{aid}",
        )
        pramono = actor("p", "Pramono Anung", "IDN GOV", text, "Pramono Anung", kb="person:pramono-anung")
        warga = Actor("w", "warga Kampung Melayu", "IDN CVL", kind="role")
        pemprov = Actor("g", "Pemerintah Provinsi DKI Jakarta", "IDN GOV", kind="organisation")
        a.actors = [pramono, warga, pemprov]
        said = text.split('"')[1] if '"' in text else None
        if said:
            a.quotes = [quote(text, said, pramono, "kata" if "kata" in text else "ujar", date=date[:10])]
        if "bantuan" in text:
            sentence = next(s.strip() + "." for s in text.split(".") if "bantuan" in s)
            a.events = [event(text, sentence, pemprov, warga, "AID", date[:10])]
        found.append(a)
    return found


# -- the XSS corpus ----------------------------------------------------------------------------------

XSS_TEXT = (
    f"Warga melaporkan pesan aneh {XSS} di papan pengumuman. "
    "Tautan javascript:alert(3) beredar di grup percakapan. "
    "Entitas HTML &lt;b&gt;tebal&lt;/b&gt; &amp;amp; tetap teks biasa. "
    f'"Jangan klik </mark><script>alert(7)</script> tautan itu," kata {XSS_ACTOR}.'
)


def xss_articles() -> list[Article]:
    a = article(
        "xss-1",
        XSS_TEXT,
        title=f'{XSS} Banjir &amp; "Kerugian" <b>besar</b>',
        outlet=XSS_OUTLET,
        pub_date="2024-01-05T08:00:00+07:00",
        url="javascript:alert(6)",
        story=XSS_STORY,
        thread="t-<i>x</i>",
        byline=[Byline("<img src=x onerror=alert(8)>", "Penulis")],
    )
    bad = actor("x0", XSS_ACTOR, "IDN CVL", XSS_TEXT, XSS_ACTOR, kb=None)
    other = actor("x1", "Polda <script>Metro</script>", "IDN COP", XSS_TEXT, "Warga", kb="org:polda-<x>")
    a.actors = [bad, other]
    a.entities = [Entity(XSS_ACTOR, "ORG", *span(XSS_TEXT, XSS_ACTOR))]
    said = "Jangan klik </mark><script>alert(7)</script> tautan itu,"
    a.quotes = [quote(XSS_TEXT, said, bad, "kata", via="<script>alert(9)</script>")]
    a.events = [
        event(
            XSS_TEXT,
            "Tautan javascript:alert(3) beredar di grup percakapan.",
            bad,
            other,
            "THREATEN",
            "2024-01-05",
        )
    ]
    b = article(
        "xss 2/<b>.json",
        "Artikel dengan id aneh dan tanpa tanggal.",
        title="Id <aneh>",
        outlet="contoh.example",
    )
    return [a, b]


def all_articles() -> list[Article]:
    return [*russia_articles(), *flood_articles(), *xss_articles()]


def build_store(path: Path) -> Path:
    with Store(path) as store, store.transaction():
        for a in all_articles():
            store.put_article(a)
    return path


def repeat_article() -> Article:
    """A later article repeating Peskov's quote from ``rusia-2`` (for canonical quotes)."""
    text = "Juru bicara Kremlin kembali menegaskan rencana itu. " + KUNJUNGAN.split(". ", 1)[1]
    a = article("rusia-4", text, title="Kremlin Tegaskan Rencana Kunjungan Kim", outlet="antaranews.com",
                pub_date="2024-03-03T08:00:00+07:00")  # fmt: skip
    peskov = actor("c0", "Dmitry Peskov", "RUS GOV", text, "Peskov", kb="person:dmitry-peskov")
    a.actors = [peskov]
    a.quotes = [quote(text, "Kami akan membahas kerja sama yang saling menguntungkan,", peskov, "ujar")]
    return a


def build_indexed_store(path: Path) -> Path:
    """The corpus through the corpus-level indexes (stories, events, canonical quotes) as ingest runs them."""
    from kabar.events import EventIndex
    from kabar.quotes import QuoteIndex
    from kabar.stories import StoryIndex

    with Store(path) as store, store.transaction():
        stories, events, quotes = StoryIndex(store.conn), EventIndex(store.conn), QuoteIndex(store.conn)
        for a in [*russia_articles(), repeat_article(), *flood_articles()]:
            a.story = stories.assign(a)
            a.thread = stories.thread_of(a.story)
            events.add(a)
            quotes.add(a)
            store.put_article(a)
        stories.flush()
    return path


BULK = 2500
"""Articles in the bulk store: more than the JSON cap (1,000) and the rank window (1,000)."""


def build_bulk_store(path: Path, count: int = BULK) -> Path:
    """Many small articles that all match ``banjir``, from four outlets, for exports and ranking."""
    outlets = ("kompas.com", "detik.com", "tempo.co", "antaranews.com")
    with Store(path) as store, store.transaction():
        for i in range(count):
            text = f"Banjir ke-{i} melanda kecamatan {i % 37}. Warga nomor {i} dievakuasi."
            if i % 250 == 0:
                text += " Banjir banjir banjir bandang besar."
            store.put_article(
                article(
                    f"bulk-{i:05d}",
                    text,
                    title=f"Banjir {i}",
                    outlet=outlets[i % 4],
                    pub_date=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    story=f"s-bulk-{i % 50}",
                )
            )
    return path
