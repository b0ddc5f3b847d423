"""Properties of the coder on generated Indonesian-like text: it never fails, and what it returns
is well formed (offsets slice back to the evidence, known categories and statuses, ISO dates)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.events import extract_events
from kabar.model import PLOVER_CATEGORIES
from tests.events.helpers import ACTORS, article

WORDS = [
    *ACTORS, "menuduh", "memasok", "senjata", "ke", "kepada", "dengan", "oleh", "ditahan", "bertemu", "akan",
    "tidak", "diduga", "membantah", "kunjungan", "penangkapan", "terhadap", "yang", "dan", "serta", "bahwa",
    "kata", "ujar", "menurut", "mengatakan", "saling", "memberikan", "bantuan", "menerima", "dari", "mereka",
    "ia", "kami", "harus", "menilai", "berhasil", "provokatif", "Senin (2/6/2025)", "kemarin", "tahun lalu",
    "pekan lalu", "pada Selasa", ",", ".", '"', "“", "”", "(", ")", "\n\n", "Nomor 5 Tahun 2020", "sebagai",
    "tersangka", "menetapkan", "Hal itu", "di", "Rusia", "untuk", "agar", "dengan cara", "memukul",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=60), st.sampled_from(["2024-02-21", None, "bukan"])
)
def test_coder_never_fails_and_returns_well_formed_events(words: list[str], pub_date: str | None) -> None:
    doc = article(" ".join(words), pub_date)
    for event in extract_events(doc):
        assert event.category in PLOVER_CATEGORIES
        assert event.status in ("fact", "alleged", "intent", "negated")
        assert event.start is not None and event.end is not None
        assert doc.text[event.start : event.end] == event.sentence
        assert event.source is not None
        assert event.target is None or event.target.actor != event.source.actor
        assert event.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", event.date)
        assert (event.date is None) == (event.date_precision is None)
        assert 0.0 < event.confidence <= 1.0
