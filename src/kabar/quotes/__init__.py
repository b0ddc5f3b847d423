"""Stage 5, quotes: who said what, when, and taken from where.

Requires ``Article.text`` (and reads ``pub_date``, ``actors`` from the actors stage, ``entities``
from the language stage when present); returns ``Article.quotes``. A document-level stage: no
state across documents, regex-driven, a few milliseconds per article.

* :mod:`~kabar.quotes.marks` finds quote marks (every style, nested, run-on paragraphs, lost
  closing marks); :mod:`~kabar.quotes.segment` cuts quote-aware sentences and words;
* :mod:`~kabar.quotes.direct` attaches reporting clauses to quotes, :mod:`~kabar.quotes.indirect`
  finds reported clauses (``Menurut X, …``, ``X mengatakan …``); :mod:`~kabar.quotes.claims`
  runs both; :mod:`~kabar.quotes.phrases` reads the speaker phrase around a cue;
* :mod:`~kabar.quotes.speakers` resolves speakers to actors (pronouns and descriptions to the
  speaker before; :mod:`~kabar.quotes.names` when no actor covers a name);
  :mod:`~kabar.quotes.context` reads ``via`` and the day;
* :mod:`~kabar.quotes.lexicon` holds every cue word and title list (data only);
* :mod:`~kabar.quotes.canonical` is the corpus-level part: the same quote across outlets.

Quote ``start``/``end`` index ``Article.text``; for a quote that runs over paragraphs they span
all of it and ``text`` joins the paragraphs without the marks that reopen them.

Example::

    >>> text = '"Kami siap bekerja sama," kata Menteri Luar Negeri Retno Marsudi, Rabu (21/2/2024).'
    >>> article = Article(id="x", origin="-", hash="", pub_date="2024-02-21", text=text)
    >>> [(q.text, q.speaker.name, q.cue, q.date) for q in extract_quotes(article)]
    [('Kami siap bekerja sama', 'Retno Marsudi', 'kata', '2024-02-21')]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kabar.model import ActorRef, Article, Quote
from kabar.quotes.canonical import QuoteIndex, create_tables, same_speaker, schema_sql, search_quotes
from kabar.quotes.claims import Anchor, Claim, find_claims
from kabar.quotes.context import Said, find_via, reference_date, when_said
from kabar.quotes.speakers import Speakers

__all__ = ["QuoteIndex", "create_tables", "extract_quotes", "schema_sql", "search_quotes"]


def extract_quotes(article: Article, analysis: Any = None) -> list[Quote]:
    """Every quote of ``article``: direct and indirect, with speaker, cue, via, date and offsets.

    ``analysis`` (the language layer's result) is accepted for the stage interface; the stage
    reads the entities and actors already on the article.
    """
    text = article.text
    if not text:
        return []
    claims, anchors = find_claims(text)
    speakers = Speakers(text, article.actors, article.entities)
    reference = reference_date(article.pub_date)
    found: list[tuple[Quote, Said]] = []
    dated: list[tuple[int, ActorRef, str]] = []
    for item in _in_order(claims, anchors):
        if isinstance(item, Anchor):
            ref = speakers.resolve_phrase(item.phrase, item.at, context=item.phrase is None)
            said = when_said(text, [item.frame], reference, strict=True)
            if ref is not None and said.day is not None:
                dated.append((item.at, ref, said.day))
            continue
        quote, said = _quote(text, item, speakers.resolve(item), reference)
        found.append((quote, said))
        if quote.speaker is not None and said.day is not None:
            dated.append((item.start, quote.speaker, said.day))
    _inherit_dates(found, dated)
    return sorted((quote for quote, _ in found), key=lambda q: q.start or 0)


def _quote(text: str, claim: Claim, speaker: ActorRef | None, reference: date | None) -> tuple[Quote, Said]:
    said = when_said(text, claim.frames, reference)
    via = find_via(text, claim.frames)
    quote = Quote(claim.text, claim.kind, speaker, claim.cue, via, said.day, claim.start, claim.end)
    return quote, said


def _in_order(claims: list[Claim], anchors: list[Anchor]) -> list[Claim | Anchor]:
    items: list[Claim | Anchor] = [*claims, *anchors]
    items.sort(key=lambda x: x.at)
    return items


def _same(a: ActorRef, b: ActorRef) -> bool:
    """The same speaker: the same actor, or names sharing the last word or half their words."""
    if a.actor is not None and a.actor == b.actor:
        return True
    return same_speaker(a.name, b.name)


def _inherit_dates(found: list[tuple[Quote, Said]], dated: list[tuple[int, ActorRef, str]]) -> None:
    """A quote without a day of its own takes the day of the same speaker's nearest statement
    before it, else after it; one dated only to a month or year takes none."""
    for quote, said in found:
        if quote.date is not None or quote.speaker is None or said.vague:
            continue
        mine = [(pos, day) for pos, ref, day in dated if _same(ref, quote.speaker)]
        before = [day for pos, day in mine if pos <= (quote.start or 0)]
        after = [day for pos, day in mine if pos > (quote.start or 0)]
        quote.date = before[-1] if before else (after[0] if after else None)
