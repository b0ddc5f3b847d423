"""Actors: who is who (a knowledge base shipped as data), and linking an article's names to it.

Stage 4 of the pipeline. Requires ``Article.text`` (and reads ``pub_date`` and, when the language
stage ran, ``entities``); assigns ``Article.actors``. Document-level and stateless: the knowledge
base is loaded once per process and only read.

Library API (what the CLI and the other stages call):

* ``link_actors(text, *, pub_date=None, entities=(), sentences=None, kb=None) -> list[Actor]``:
  the actors of one article, ids ``a1``, ``a2`` … in order of first mention, each with its fullest
  name, code (``CCC`` or ``CCC SEC``), ``kb_id``, ``qid``, ``kind`` (person, country,
  organisation, role) and mentions (offsets into ``text``).
* ``link_article(article, kb=None) -> Article``: the same, stored on ``article.actors``.
* ``resolve_reference(phrase, position, actors) -> Actor | None``: "dia", "-nya", "kementerian
  tersebut", "Blinken" … resolved to one of ``actors`` (for the quote and event stages).
* ``load_kb(user_path=None) -> KnowledgeBase``: the shipped knowledge base with the user file laid
  over it (cached); ``KnowledgeBase.office_at(person, date)`` and ``office_at(entry, date)`` give
  the office current on a date, ``KnowledgeBase.lookup(name)`` the entries of a name.

CLI commands (thin wrappers; ``user_path`` defaults to ``~/.local/share/kabar/actors.yaml``):

* ``kabar actors add`` → ``add_entry(user_path: Path, entry: Mapping[str, Any], *, replace: bool =
  False) -> str`` (returns the id; ``KnowledgeBaseError`` on invalid data, file untouched);
* ``kabar actors import FILE`` → ``import_entries(user_path: Path, source: Path, *, replace: bool =
  True) -> ImportReport`` (``.yaml``/``.yml`` in the data format, or ``.csv``: see
  ``data/README.md``);
* ``kabar actor NAME`` → ``find_actor(name: str, *, date: str | None = None, user_path: Path | None
  = None) -> list[ActorInfo]`` (id, kind, name, code on the date, office title, qid, aliases, source).

Example:
    >>> [(a.name, a.code) for a in link_actors("Presiden Rusia Vladimir Putin tiba di Pyongyang.")]
    [('Vladimir Putin', 'RUS GOV'), ('Korea Utara', 'PRK GOV')]
"""

from kabar.actors.coref import resolve_reference
from kabar.actors.kb import Entry, KnowledgeBase, KnowledgeBaseError, Office, load_kb, office_at
from kabar.actors.link import link_actors, link_article
from kabar.actors.user import ActorInfo, ImportReport, add_entry, find_actor, import_entries

DEFAULT_USER_FILE = "~/.local/share/kabar/actors.yaml"

__all__ = [
    "DEFAULT_USER_FILE",
    "ActorInfo",
    "Entry",
    "ImportReport",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Office",
    "add_entry",
    "find_actor",
    "import_entries",
    "link_actors",
    "link_article",
    "load_kb",
    "office_at",
    "resolve_reference",
]
