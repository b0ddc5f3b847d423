"""The user's knowledge-base file: add, import (YAML and CSV), overlay, look-up, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kabar.actors import (
    KnowledgeBaseError,
    add_entry,
    find_actor,
    import_entries,
    link_actors,
    load_kb,
)
from kabar.actors.user import read_user_entries


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    return tmp_path / "kabar" / "actors.yaml"


def test_add_creates_the_file_and_makes_an_id(user_file: Path) -> None:
    entry_id = add_entry(user_file, {"kind": "person", "name": "Budi Santoso", "code": "IDN CVL"})
    assert entry_id == "person:budi-santoso"
    assert read_user_entries(user_file)[0]["id"] == "person:budi-santoso"


def test_added_person_is_linked_with_the_dated_office(user_file: Path) -> None:
    add_entry(
        user_file,
        {
            "id": "person:rini-contoh",
            "name": "Rini Contohwati",
            "aliases": ["Rini"],
            "code": "IDN",
            "roles": [
                {"title": "Bupati Contoh", "code": "IDN GOV", "start": "2021-02-26", "end": "2025-02-20"}
            ],
        },
    )
    kb = load_kb(user_file)
    text = "Rini Contohwati meresmikan pasar."
    before = link_actors(text, pub_date="2023-05-01", kb=kb)
    after = link_actors(text, pub_date="2025-05-01", kb=kb)
    assert [(a.kb_id, a.code) for a in before] == [("person:rini-contoh", "IDN GOV")]
    assert [(a.kb_id, a.code) for a in after] == [("person:rini-contoh", "IDN")]


def test_user_entry_replaces_a_shipped_one(user_file: Path) -> None:
    add_entry(user_file, {"id": "org:idn-kpk", "kind": "org", "name": "KPK", "code": "IDN GOV"})
    assert link_actors("KPK menahan tersangka.", kb=load_kb(user_file))[0].code == "IDN GOV"
    assert link_actors("KPK menahan tersangka.")[0].code == "IDN JUD"  # the shipped base is untouched


def test_add_refuses_invalid_data_and_leaves_the_file(user_file: Path) -> None:
    add_entry(user_file, {"kind": "org", "name": "Yayasan Contoh", "code": "IDN NGO"})
    before = user_file.read_text("utf-8")
    with pytest.raises(KnowledgeBaseError, match="invalid code"):
        add_entry(user_file, {"kind": "org", "name": "Lain", "code": "XXX NGO"})
    with pytest.raises(KnowledgeBaseError, match="already in"):
        add_entry(user_file, {"kind": "org", "name": "Yayasan Contoh", "code": "IDN NGO"})
    with pytest.raises(KnowledgeBaseError, match="needs an id"):
        add_entry(user_file, {"name": "Tanpa Jenis", "code": "IDN"})
    assert user_file.read_text("utf-8") == before


def test_add_can_replace(user_file: Path) -> None:
    add_entry(user_file, {"kind": "org", "name": "Yayasan Contoh", "code": "IDN NGO"})
    add_entry(user_file, {"kind": "org", "name": "Yayasan Contoh", "code": "IDN EDU"}, replace=True)
    assert [e["code"] for e in read_user_entries(user_file)] == ["IDN EDU"]


def test_import_yaml(user_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "more.yaml"
    source.write_text(
        yaml.safe_dump(
            [
                {"id": "org:lsm-contoh", "name": "LSM Contoh", "code": "IDN NGO"},
                {"id": "person:ani-contoh", "name": "Ani Contoh", "code": "IDN LEG"},
            ]
        ),
        "utf-8",
    )
    report = import_entries(user_file, source)
    assert report.added == ("org:lsm-contoh", "person:ani-contoh") and report.replaced == ()
    again = import_entries(user_file, source)
    assert again.added == () and again.replaced == ("org:lsm-contoh", "person:ani-contoh")
    with pytest.raises(KnowledgeBaseError, match="already in"):
        import_entries(user_file, source, replace=False)


def test_import_csv_with_several_offices(user_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "id,kind,name,code,aliases,role_title,role_code,role_start,role_end\n"
        ",person,Joko Contoh,IDN,Pak Joko|Joko C.,Bupati Contoh,IDN GOV,2020-02-26,2025-02-20\n"
        "person:joko-contoh,person,Joko Contoh,IDN,,Anggota DPRD Contoh,IDN LEG,2025-02-20,\n",
        "utf-8",
    )
    report = import_entries(user_file, source)
    assert report.added == ("person:joko-contoh",)
    kb = load_kb(user_file)
    joko = kb.get("person:joko-contoh")
    assert joko is not None and "Pak Joko" in joko.aliases
    assert kb.code_at(joko, "2024-01-01") == "IDN GOV" and kb.code_at(joko, "2025-06-01") == "IDN LEG"


def test_import_rejects_a_bad_file_whole(user_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("kind,name,code\nperson,Satu Contoh,IDN\nperson,Dua Contoh,IDN XXX\n", "utf-8")
    with pytest.raises(KnowledgeBaseError):
        import_entries(user_file, source)
    assert not user_file.exists()


def test_find_actor_with_a_date(user_file: Path) -> None:
    [putin] = find_actor("putin", date="2010-06-01")
    assert (putin.id, putin.code, putin.office) == (
        "person:vladimir-putin",
        "RUS GOV",
        "Perdana Menteri Rusia",
    )
    [blinken] = find_actor("Antony Blinken", date="2025-06-01")
    assert (blinken.code, blinken.office) == ("USA", None)
    assert find_actor("Kementerian Luar Negeri")[0].id == "org:idn-kemlu"
    assert find_actor("Zzyzx Qwerty") == []


def test_find_actor_sees_the_user_file(user_file: Path) -> None:
    add_entry(user_file, {"kind": "person", "name": "Sari Contoh", "code": "IDN MED"})
    assert [a.id for a in find_actor("Sari Contoh", user_path=user_file)] == ["person:sari-contoh"]
    assert find_actor("Sari Contoh") == []
