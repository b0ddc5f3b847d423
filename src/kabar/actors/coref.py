"""Resolve a reference ("dia", "kementerian tersebut", "Blinken") to one of an article's actors.

Used by the quote and event stages once :func:`~kabar.actors.link.link_actors` has run:

* a person pronoun ("dia", "ia", "beliau", "-nya", "katanya") is the person named last before it;
* a description with "tersebut"/"itu"/"ini" is the last actor of the kind its head noun names:
  an organisation for "kementerian tersebut", "lembaga itu" (one whose name holds the head word
  first: "kementerian" finds "Kementerian Luar Negeri Korea Utara"), a country for "negara itu",
  a party for "partai tersebut", a person for "pejabat itu", "pria tersebut";
* anything else is read as a name or short form: the actor whose name or mentions hold every word
  of it ("Blinken", "Kim", "Menteri Retno"), the nearest one before the position first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kabar.actors.lexicon import DEMONSTRATIVES, PERSON_PRONOUNS
from kabar.model import Actor

ORGANISATION_HEADS: dict[str, str | None] = {
    "kementerian": None, "lembaga": None, "badan": None, "komisi": None, "institusi": None,
    "instansi": None, "organisasi": None, "kelompok": None, "pihak": None, "dewan": None,
    "majelis": None, "kantor": None, "otoritas": None, "pemerintah": "GOV", "pemerintahan": "GOV",
    "partai": "PTY", "perusahaan": "BUS", "korporasi": "BUS", "pengadilan": "JUD", "mahkamah": "JUD",
    "kejaksaan": "JUD", "kepolisian": "COP", "militer": "MIL", "media": "MED", "universitas": "EDU",
}  # fmt: skip
COUNTRY_HEADS = frozenset({"negara", "negeri", "bangsa"})
_PERSON_KINDS = ("person", "role")


def resolve_reference(phrase: str, position: int, actors: Sequence[Actor]) -> Actor | None:
    """The actor ``phrase`` (found at ``position`` in the article) refers to, or None.

    Example:
        >>> from kabar.actors.link import link_actors
        >>> text = "Menlu AS Antony Blinken tiba. Dia bertemu Menlu Korsel Park Jin."
        >>> resolve_reference("Dia", 30, link_actors(text, pub_date="2023-11-10")).name
        'Antony Blinken'
    """
    words = phrase.casefold().replace("-", " -").split()
    if not words:
        return None
    if _is_pronoun(words):
        return _last(actors, position, lambda a: a.kind == "person") or _last(
            actors, position, lambda a: a.kind in _PERSON_KINDS
        )
    if len(words) > 1 and words[-1] in DEMONSTRATIVES:
        return _described(words[:-1], position, actors)
    return _named(words, position, actors)


def _is_pronoun(words: list[str]) -> bool:
    if len(words) != 1:
        return False
    word = words[0]
    return word in PERSON_PRONOUNS or (word.endswith("nya") and len(word) > 5 and word != "mereka")


def _described(words: list[str], position: int, actors: Sequence[Actor]) -> Actor | None:
    head = words[0]
    if head in COUNTRY_HEADS:
        return _last(actors, position, lambda a: a.kind == "country")
    if head in ORGANISATION_HEADS:
        sector = ORGANISATION_HEADS[head]
        named = _last(actors, position, lambda a: a.kind == "organisation" and head in _words(a.name))
        return named or _last(actors, position, lambda a: _is_body(a, sector))
    return _named(words, position, actors) or _last(actors, position, lambda a: a.kind in _PERSON_KINDS)


def _is_body(actor: Actor, sector: str | None) -> bool:
    if actor.kind not in ("organisation", "country"):
        return False
    return sector is None or actor.code.endswith(sector) or (sector == "BUS" and actor.code == "MNC")


def _named(words: list[str], position: int, actors: Sequence[Actor]) -> Actor | None:
    wanted = set(words)
    matching = [
        a for a in actors if wanted <= _words(a.name) or any(wanted <= _words(m.text) for m in a.mentions)
    ]
    if not matching:
        return None
    before = _last(matching, position, lambda a: True)
    return before or min(matching, key=lambda a: min(m.start for m in a.mentions))


def _last(actors: Sequence[Actor], position: int, keep: Callable[[Actor], bool]) -> Actor | None:
    """The actor with the latest mention starting before ``position`` among those ``keep`` accepts."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if not keep(actor):
            continue
        starts = [m.start for m in actor.mentions if m.start < position]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), actor)
    return best[1] if best else None


def _words(text: str) -> set[str]:
    return set(text.casefold().split())
