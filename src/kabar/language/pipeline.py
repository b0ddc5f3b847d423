"""The language layer in one call: language, sentences, tokens, POS tags and entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kabar.language.langid import identify_language_scored
from kabar.language.scoring import spans
from kabar.language.sentences import split_sentences
from kabar.language.taggers import (
    Taggers,
    bare_pos,
    load_domain_guesser,
    load_taggers,
    tag_sentences,
)
from kabar.language.tokenize import Token
from kabar.model import Entity


@dataclass(slots=True)
class AnalyzedSentence:
    """One sentence: its span in the text, its tokens, their POS tags and BIO entity tags."""

    start: int
    end: int
    tokens: list[Token]
    pos: list[str]
    ner: list[str]


@dataclass(slots=True)
class LanguageAnalysis:
    """What the language layer found in a text; every offset indexes into that text."""

    language: str
    language_score: float
    sentences: list[AnalyzedSentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


def analyze_text(text: str, *, taggers: Taggers | None = None) -> LanguageAnalysis:
    """Identify the language, split sentences, tokenize, POS-tag and find entities in ``text``.

    >>> result = analyze_text("Presiden Joko Widodo tiba di Tokyo.")
    >>> [(e.text, e.label) for e in result.entities]
    [('Joko Widodo', 'PER'), ('Tokyo', 'LOC')]
    """
    guess = identify_language_scored(text)
    result = LanguageAnalysis(guess.language, guess.score)
    sentences = split_sentences(text)
    words = [[tok.text for tok in sent.tokens] for sent in sentences]
    pos, ner = tag_sentences(words, taggers or load_taggers())
    for sent, p, n in zip(sentences, pos, ner, strict=True):
        result.sentences.append(
            AnalyzedSentence(sent.start, sent.end, sent.tokens, [bare_pos(x) for x in p], n)
        )
        result.entities.extend(entities_from_tags(text, sent.tokens, n))
    return result


def entities_from_tags(text: str, tokens: list[Token], tags: list[str]) -> list[Entity]:
    """The entities a BIO tag sequence marks over ``tokens``, with offsets into ``text``."""
    out = []
    for first, stop, label in sorted(spans(tags)):
        start, end = tokens[first].start, tokens[stop - 1].end
        out.append(Entity(text[start:end], label, start, end))
    return out


def tag_conll(in_path: Path | str, out_path: Path | str, *,
              task: Literal["ner", "pos"] = "ner", domain: str = "auto") -> int:  # fmt: skip
    """Tag a CoNLL file: reads the first column of each line (blank lines between sentences) and
    writes ``token<TAB>tag`` lines, tokens exactly as given and blank lines where they were.

    ``task="ner"`` writes BIO entity tags (PER, ORG, LOC), ``task="pos"`` BaPOS tags. ``domain``
    picks the NER model: ``"news"`` (IDNer-news-2k conventions), ``"nergrit"`` (NERGrit's), or
    ``"auto"``: the one whose training text the file's words resemble most. Returns the number
    of sentences tagged. Lines may end in CRLF; the output uses LF.
    """
    if task not in ("ner", "pos"):
        raise ValueError(f"task must be 'ner' or 'pos', not {task!r}")
    with open(in_path, encoding="utf-8-sig", newline="") as src:
        lines = [raw.rstrip("\r\n").split() for raw in src]
    if domain == "auto":
        domain = load_domain_guesser().guess([cols[0] for cols in lines if cols])
    t = load_taggers(domain)
    sentences = _sentences(lines)
    tagged = iter(_tag_all(sentences, task, t))
    out: list[str] = []
    for cols in lines:
        out.append(next(tagged) if cols else "")
    with open(out_path, "w", encoding="utf-8", newline="\n") as dst:
        dst.write("".join(line + "\n" for line in out))
    return len(sentences)


def _sentences(lines: list[list[str]]) -> list[list[str]]:
    """The first columns of the lines, grouped into sentences at blank lines."""
    out: list[list[str]] = []
    current: list[str] = []
    for cols in [*lines, []]:
        if cols:
            current.append(cols[0])
        elif current:
            out.append(current)
            current = []
    return out


def _tag_all(sentences: list[list[str]], task: str, t: Taggers, chunk: int = 2000) -> list[str]:
    """``token<TAB>tag`` for every token of every sentence, in order."""
    out: list[str] = []
    for i in range(0, len(sentences), chunk):
        part = sentences[i : i + chunk]
        pos, ner = tag_sentences(part, t)
        for words, tags in zip(part, pos if task == "pos" else ner, strict=True):
            out.extend(f"{w}\t{tag}" for w, tag in zip(words, tags, strict=True))
    return out
