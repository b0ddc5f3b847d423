"""The shipped knowledge base: complete, valid, and read the way its README says."""

from __future__ import annotations

from typing import Any

import pytest

from kabar.actors.kb import (
    KnowledgeBaseError,
    build_entries,
    build_kb,
    is_exact,
    load_kb,
    office_at,
    shipped_entries,
    validate,
)

# Every ISO 3166-1 alpha-3 code (249, as of 2024).
ISO_ALPHA3 = set(
    """
    AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU
    BTN BOL BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM
    COG COD COK CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI
    FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND
    HKG HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
    LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR
    MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER
    PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE
    SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL TON
    TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE
    """.split()  # noqa: SIM905
)


def entry(**fields: Any) -> dict[str, Any]:
    return {"id": "person:budi-contoh", "name": "Budi Contoh", "code": "IDN", **fields}


def test_every_iso_country_is_there_once() -> None:
    countries = [e for e in shipped_entries() if e.kind == "country"]
    assert {e.id.split(":")[1] for e in countries} == ISO_ALPHA3
    assert len(countries) == len(ISO_ALPHA3)


def test_shipped_data_validates() -> None:
    validate(list(shipped_entries()))  # raises on any problem


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Korut", "country:PRK"),
        ("Korsel", "country:KOR"),
        ("Tiongkok", "country:CHN"),
        ("RRT", "country:CHN"),
        ("UEA", "country:ARE"),
        ("Britania Raya", "country:GBR"),
        ("Kremlin", "country:RUS"),
        ("Gedung Putih", "country:USA"),
        ("Kyiv", "country:UKR"),
        ("Dewan Keamanan PBB", "org:un-security-council"),
        ("Kemlu", "org:idn-kemlu"),
        ("Polri", "org:idn-polri"),
        ("PDI-P", "org:idn-pdip"),
        ("Moon Jae In", "person:moon-jae-in"),
        ("To Lam", "person:to-lam"),
        ("Kapolda", "role:kapolda"),
    ],
)
def test_names_find_their_entry(name: str, entry_id: str) -> None:
    assert entry_id in [e.id for e in load_kb().lookup(name)]


def test_short_capital_aliases_match_only_as_written() -> None:
    kb = load_kb()
    text = "AS dan MA, as well as ma."
    assert [(text[h.start : h.end], h.key) for h in kb.find(text)] == [
        ("AS", "country:USA"),
        ("MA", "org:idn-ma"),
    ]


def test_long_names_match_in_any_case() -> None:
    hits = load_kb().find("menurut kementerian luar negeri dan KORUT")
    assert [h.key for h in hits] == ["org:idn-kemlu", "country:PRK"]


def test_longest_alias_wins_and_lookalikes_are_not_countries() -> None:
    hits = load_kb().find("Dewan Keamanan PBB, Amerika Latin, bahasa Inggris, Washington Post")
    assert [h.key for h in hits] == [
        "org:un-security-council",
        "place:regions",
        "place:not-actors",
        "org:wapo",
    ]


def test_case_rule() -> None:
    person, role = build_entries([entry(), {"id": "role:x", "name": "x", "sector": "GOV"}])
    assert is_exact("Puan", person) and is_exact("AS", person) and is_exact("DK PBB", person)
    assert not is_exact("Korut", person) and not is_exact("Kementerian Luar Negeri", person)
    assert not is_exact("juru bicara", role) and is_exact("PM", role)


def test_office_at_follows_dated_roles() -> None:
    kb = load_kb()
    prabowo = kb.get("person:prabowo-subianto")
    assert prabowo is not None
    assert kb.code_at(prabowo, "2025-03-01") == "IDN GOV"  # president
    assert kb.code_at(prabowo, "2022-03-01") == "IDN GOV"  # defence minister
    assert kb.code_at(prabowo, "2016-03-01") == "IDN PTY"  # Gerindra chair only
    tusk = kb.get("person:donald-tusk")
    assert tusk is not None
    assert kb.code_at(tusk, "2017-06-01") == "IGO"
    assert kb.code_at(tusk, "2024-06-01") == "POL GOV"
    office = office_at(tusk, "2024-06-01")
    assert office is not None and office.title == "Perdana Menteri Polandia"


def test_office_end_date_is_the_first_day_out() -> None:
    blinken = load_kb().get("person:antony-blinken")
    assert blinken is not None
    assert office_at(blinken, "2025-01-19") is not None
    assert office_at(blinken, "2025-01-20") is None
    assert office_at(blinken, None) is None  # no current office
    assert load_kb().code_at(blinken, "2025-06-01") == "USA"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ([entry(), entry()], "duplicate id"),
        ([entry(code="XYZ GOV")], "invalid code"),
        ([entry(code="IDN UNO")], "invalid code"),
        ([entry(code="IDN FOO")], "invalid code"),
        ([entry(roles=[{"title": "Bupati", "code": "IDN GOV", "start": "2020-13"}])], "dates are"),
        ([entry(roles=[{"title": "Bupati", "code": "IDN GOV", "start": "2021", "end": "2020"}])], "ends"),
        ([entry(Hukum=None)], "unknown field"),
        ([entry(qid="12")], "Wikidata"),
        ([entry(aliases=[True])], "aliases must be"),
        ([{"id": "person:x", "name": "X"}], "needs a code"),
        ([entry(), {"id": "org:y", "name": "Y", "code": "IDN", "aliases": ["Budi Contoh"]}], "also an alias"),
    ],
)
def test_invalid_data_is_reported(raw: list[dict[str, Any]], problem: str) -> None:
    countries = [{"id": "country:IDN", "name": "Indonesia", "code": "IDN GOV"}]
    with pytest.raises(KnowledgeBaseError) as error:
        validate(build_entries(countries + raw))
    assert problem in str(error.value)


def test_ministries_give_minister_titles() -> None:
    kb = build_kb(list(shipped_entries()))
    [role] = kb.lookup("Menlu")
    assert (role.kind, role.sector, role.country) == ("role", "GOV", "IDN")
