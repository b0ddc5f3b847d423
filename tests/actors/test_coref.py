"""resolve_reference: pronouns, descriptions with "tersebut"/"itu", and short forms."""

from __future__ import annotations

from kabar.actors import link_actors, resolve_reference
from kabar.model import Actor

TEXT = (
    "Menteri Luar Negeri AS Antony Blinken bertemu Menteri Luar Negeri Korea Selatan Park Jin di Seoul. "
    "Blinken mengatakan kerja sama akan berlanjut. "
    "Kementerian Luar Negeri Korea Utara mengecam pertemuan itu. "
    '"Ini provokasi," kata kementerian tersebut. Dia menolak berkomentar lebih jauh. '
    "Partai Gerindra menyambut baik, dan partai tersebut mengirim utusan. Negara itu diam."
)
ACTORS = link_actors(TEXT, pub_date="2023-11-10")


def at(phrase: str) -> int:
    return TEXT.index(phrase)


def name_of(found: Actor | None) -> str | None:
    return found.name if found else None


def test_pronoun_is_the_last_person_named() -> None:
    assert name_of(resolve_reference("Dia", at("Dia menolak"), ACTORS)) == "Antony Blinken"
    assert name_of(resolve_reference("dia", at("Blinken mengatakan"), ACTORS)) == "Park Jin"
    assert name_of(resolve_reference("dia", at("Park Jin"), ACTORS)) == "Antony Blinken"


def test_nya_forms_are_pronouns() -> None:
    assert (
        name_of(resolve_reference("ujarnya", at("Kementerian Luar Negeri Korea"), ACTORS)) == "Antony Blinken"
    )


def test_description_finds_the_body_of_that_kind() -> None:
    found = resolve_reference("kementerian tersebut", at("kementerian tersebut"), ACTORS)
    assert name_of(found) == "Kementerian Luar Negeri Korea Utara"
    party = resolve_reference("partai tersebut", at("partai tersebut"), ACTORS)
    assert party is not None and party.code == "IDN PTY"


def test_country_description() -> None:
    found = resolve_reference("Negara itu", at("Negara itu"), ACTORS)
    assert found is not None and found.kind == "country"


def test_short_form_is_the_full_name() -> None:
    assert name_of(resolve_reference("Blinken", at("Blinken mengatakan"), ACTORS)) == "Antony Blinken"
    assert name_of(resolve_reference("Park", 0, ACTORS)) == "Park Jin"  # before any mention: the first


def test_nothing_to_resolve() -> None:
    assert resolve_reference("", 10, ACTORS) is None
    assert resolve_reference("Sukarno", 10, ACTORS) is None
    assert resolve_reference("dia", 0, ACTORS) is None
    assert resolve_reference("dia", 50, []) is None
