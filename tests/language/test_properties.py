"""Properties of the tokenizer and sentence splitter on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.language import split_sentences, tokenize

PIECES = st.sampled_from(
    ["Presiden", "dll.", "Dr.", "P.", "Rp1,2", "75.000", "(30/4)", "“", "”", '"', "‘", "’", "«",
     "»", ".", ",", "?", "!", "...", "…", "kata", "dia", "negara-negara", "bukunya", "a.n.",
     "S.H.", "https://contoh.id/a", "@akun", "\n", "\n\n", " ", "  ", "\t", "\u200b", "-", "'"]
)  # fmt: skip
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map(" ".join),
                  st.lists(PIECES, max_size=60).map("".join))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_tokens_index_the_text(text: str) -> None:
    previous_end = 0
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text)
        assert text[tok.start : tok.end] == tok.text
        assert tok.start >= previous_end
        assert not tok.text.isspace()
        previous_end = tok.end


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_cover_the_tokens_in_order(text: str) -> None:
    sentences = split_sentences(text)
    tokens = tokenize(text)
    assert [t for s in sentences for t in s.tokens] == tokens
    previous_end = 0
    for sent in sentences:
        assert previous_end <= sent.start < sent.end <= len(text)
        assert text[sent.start : sent.end] == sent.text
        assert sent.tokens[0].start == sent.start and sent.tokens[-1].end == sent.end
        previous_end = sent.end
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert _visible(covered) == _visible(text)


def _visible(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in INVISIBLE)
