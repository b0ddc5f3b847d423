"""Finding quotes: every direct and indirect quote of an article, before speakers are resolved.

:func:`find_claims` runs :mod:`kabar.quotes.direct` (quote marks and their reporting clauses) and
then :mod:`kabar.quotes.indirect` (reported clauses of the sentences left), and returns the
claims in text order with the report anchors; :mod:`kabar.quotes.speakers` resolves the speaker
phrases afterwards, in order, because a pronoun needs the speakers before it.
"""

from __future__ import annotations

from kabar.quotes.direct import direct_claims
from kabar.quotes.indirect import indirect_claims, leads, run_on
from kabar.quotes.records import Anchor, Claim, Layout

__all__ = ["Anchor", "Claim", "Layout", "find_claims"]


def find_claims(text: str) -> tuple[list[Claim], list[Anchor]]:
    """Every quote of ``text`` (direct and indirect) in order, and the report clauses that date
    speakers."""
    layout = Layout.of(text)
    claims, taken = direct_claims(layout)
    by_sentence, anchors = indirect_claims(layout, taken)
    run_on(layout, by_sentence, taken, {a.frame for a in anchors})
    leads(layout, by_sentence, taken)
    claims.extend(by_sentence.values())
    claims = [c for c in claims if any(ch.isalnum() for ch in c.text)]
    claims.sort(key=lambda c: c.start)
    return claims, anchors
