"""Hand-written name lists the NER uses as features: places, institutions, titles.

Each list gives the NER a hint, not an answer: a match becomes a feature (``gz=LOC``), and the
model learns from the training data how far to trust it. Multi-word entries match as a whole
(``amerika serikat``); matching is on lower-cased tokens, longest entry first.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

# Entries are separated by commas; an entry may have several words.
COUNTRIES = """
indonesia, malaysia, singapura, brunei, brunei darussalam, thailand, filipina, vietnam, kamboja,
laos, myanmar, timor leste, timor-leste, australia, selandia baru, papua nugini, jepang,
tiongkok, china, cina, korea, korea selatan, korea utara, korsel, korut, taiwan, hong kong,
makau, mongolia, india, pakistan, bangladesh, sri lanka, nepal, bhutan, maladewa, afghanistan,
iran, irak, suriah, lebanon, yordania, israel, palestina, arab saudi, uni emirat arab, uea,
qatar, kuwait, bahrain, oman, yaman, turki, mesir, libya, tunisia, aljazair, maroko, sudan,
sudan selatan, ethiopia, somalia, kenya, nigeria, ghana, afrika selatan, rusia, ukraina,
belarus, polandia, jerman, prancis, perancis, inggris, britania raya, skotlandia, irlandia,
belanda, belgia, luksemburg, swiss, austria, italia, spanyol, portugal, yunani, swedia,
norwegia, finlandia, denmark, islandia, ceko, slowakia, hongaria, rumania, bulgaria, serbia,
kroasia, bosnia, albania, estonia, latvia, lituania, georgia, armenia, azerbaijan, kazakhstan,
uzbekistan, amerika, amerika serikat, as, kanada, meksiko, kuba, brasil, argentina, chile,
kolombia, venezuela, peru, ekuador, bolivia, uruguay, paraguay, vatikan, fiji, samoa, tonga,
vanuatu, eropa, asia, afrika, timur tengah, asia tenggara, timur jauh
"""

PLACES = """
jakarta, bandung, surabaya, semarang, yogyakarta, medan, makassar, palembang, denpasar, bali,
batam, pekanbaru, padang, malang, solo, surakarta, bogor, depok, tangerang, bekasi, cirebon,
tasikmalaya, balikpapan, samarinda, pontianak, banjarmasin, manado, kupang, mataram, jayapura,
ambon, kendari, palu, gorontalo, mamuju, jambi, bengkulu, lampung, bandar lampung, serang,
banda aceh, pangkalpinang, tanjungpinang, sorong, merauke, ternate, sofifi, palangkaraya,
tarakan, jawa barat, jawa tengah, jawa timur, dki jakarta, banten, sumatera utara,
sumatera barat, sumatera selatan, riau, kepulauan riau, kalimantan barat, kalimantan tengah,
kalimantan selatan, kalimantan timur, kalimantan utara, sulawesi utara, sulawesi tengah,
sulawesi selatan, sulawesi tenggara, sulawesi barat, maluku, maluku utara, papua, papua barat,
papua selatan, papua tengah, papua pegunungan, nusa tenggara barat, nusa tenggara timur, ntb,
ntt, aceh, jawa, sumatera, sumatra, kalimantan, sulawesi, madura, lombok, flores, sumba,
sumbawa, timor, halmahera, jakarta pusat, jakarta selatan, jakarta utara, jakarta barat,
jakarta timur, jabodetabek, kuala lumpur, bangkok, manila, hanoi, phnom penh, vientiane,
naypyidaw, yangon, canberra, sydney, melbourne, wellington, tokyo, osaka, beijing, shanghai,
seoul, pyongyang, taipei, new delhi, mumbai, islamabad, dhaka, kabul, teheran, baghdad,
damaskus, beirut, amman, yerusalem, tel aviv, gaza, tepi barat, riyadh, mekkah, makkah,
madinah, jeddah, doha, dubai, abu dhabi, ankara, istanbul, kairo, moskow, kiev, kyiv, minsk,
warsawa, berlin, paris, london, amsterdam, brussel, jenewa, wina, roma, madrid, lisabon, athena,
stockholm, oslo, helsinki, kopenhagen, washington, new york, los angeles, chicago,
san francisco, ottawa, toronto, brasilia, buenos aires, vladivostok, sochi
"""

ORGANISATIONS = """
tni, polri, dpr, dprd, mpr, dpd, kpk, kpu, bawaslu, bpk, bumn, ojk, bi, bps, bnpb, basarnas,
pbb, nato, asean, uni eropa, who, imf, bank dunia, opec, fifa, pssi, kadin, apindo, pdip, pdi-p,
golkar, gerindra, pkb, pks, nasdem, demokrat, pan, ppp, hanura, perindo, psi, nu, pbnu,
muhammadiyah, mui, gedung putih, kremlin, pentagon, dewan keamanan, hamas, hizbullah, taliban
"""

ORG_WORDS = """
kementerian, kemenkeu, kemendagri, kemenlu, kemenkes, badan, komisi, partai, universitas,
institut, bank, pt, tbk, persero, cv, yayasan, lembaga, dewan, majelis, mahkamah, pengadilan,
kejaksaan, kejagung, kepolisian, polda, polres, polsek, kodam, korem, kodim, pemerintah,
pemprov, pemkot, pemkab, dinas, direktorat, sekretariat, perusahaan, asosiasi, federasi,
perhimpunan, serikat, himpunan, organisasi, fraksi, kabinet, kongres, parlemen, senat
"""

PERSON_TITLES = """
presiden, wapres, wakil presiden, menteri, menlu, mendagri, gubernur, wagub, bupati, walikota,
wali kota, camat, lurah, ketua, ketum, sekjen, direktur, dirut, kepala, kapolri, kapolda,
kapolres, panglima, jenderal, kolonel, letjen, mayjen, brigjen, laksamana, marsekal, komjen,
irjen, kombes, akbp, kompol, bapak, ibu, pak, bu, tuan, nyonya, sdr, bpk, bpk., dr, dr., prof,
prof., ir, ir., h, h., hj, hj., kh, drs, drs., haji, raja, ratu, pangeran, sultan, paus, uskup,
kiai, ustaz, ustadz, habib, syekh, juru bicara, jubir, pengamat, analis, perdana menteri,
senator, anggota, hakim, jaksa, pengacara, kuasa hukum, ekonom, peneliti, pelatih, kanselir,
pemimpin, diktator, mantan, calon, capres, cawapres, kandidat, tersangka, terdakwa, pemain
"""

PLACE_WORDS = """
kota, kabupaten, kab, kab., provinsi, kecamatan, kec, kec., kelurahan, desa, dusun, kampung,
jalan, jl, jl., jln, jln., pulau, selat, teluk, gunung, sungai, danau, laut, samudra, samudera,
bandara, pelabuhan, stasiun, terminal, pasar, gedung, istana, masjid, gereja, pura, vihara,
rumah sakit, rsud, hotel, negara, wilayah, daerah, kawasan, distrik, semenanjung
"""

LISTS = (
    ("PLW", PLACE_WORDS),
    ("TTL", PERSON_TITLES),
    ("ORGW", ORG_WORDS),
    ("ORG", ORGANISATIONS),
    ("LOC", PLACES),
    ("LOC", COUNTRIES),
)


def _entries(block: str) -> list[tuple[str, ...]]:
    return [tuple(e.split()) for e in block.replace("\n", " ").split(",") if e.strip()]


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], str]:
    """Lower-cased token tuple -> list name: LOC, ORG, TTL (titles), ORGW/PLW (head words)."""
    table: dict[tuple[str, ...], str] = {}
    for name, block in LISTS:
        for entry in _entries(block):
            table[entry] = name
    return table


@lru_cache(maxsize=1)
def _max_len() -> int:
    return max(len(k) for k in gazetteer())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(k[0] for k in gazetteer())


def match_features(lowered: Sequence[str]) -> list[list[str]]:
    """Per token, the gazetteer features of the longest entries covering it (``gz=LOC``, then
    ``gz=LOC+`` on the following tokens of a multi-word entry)."""
    table = gazetteer()
    longest = _max_len()
    first = _first_words()
    feats: list[list[str]] = [[] for _ in lowered]
    i = 0
    n = len(lowered)
    while i < n:
        size = _longest_match(table, lowered, i, min(longest, n - i)) if lowered[i] in first else 0
        if size:
            name = table[tuple(lowered[i : i + size])]
            feats[i].append(f"gz={name}")
            for k in range(i + 1, i + size):
                feats[k].append(f"gz={name}+")
            i += size
        else:
            i += 1
    return feats


def _longest_match(table: dict[tuple[str, ...], str], words: Sequence[str], i: int, most: int) -> int:
    for size in range(most, 0, -1):
        if tuple(words[i : i + size]) in table:
            return size
    return 0
