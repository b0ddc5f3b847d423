"""kabar's Indonesian language layer: language identification, tokens, sentences, POS, entities.

Everything runs on one CPU core with models trained by the project itself
(:mod:`kabar.language.train`) and shipped in ``models/``; see ``README.md`` beside this file.

* :func:`identify_language` / :func:`identify_language_scored` / :func:`identify_paragraphs`
* :func:`tokenize` -> :class:`Token`; :func:`split_sentences` -> :class:`Sentence`
* :func:`tag_pos`, :func:`tag_ner` for one tokenised sentence
* :func:`analyze_text` -> :class:`LanguageAnalysis` (all of the above, entities as
  :class:`kabar.model.Entity`)
* :func:`tag_conll` tags a CoNLL file; :func:`train_pos` and :func:`train_ner` rebuild the models
"""

from __future__ import annotations

from typing import Any

from kabar.language.langid import (
    LanguageGuess,
    identify_language,
    identify_language_scored,
    identify_paragraphs,
)
from kabar.language.pipeline import AnalyzedSentence, LanguageAnalysis, analyze_text, tag_conll
from kabar.language.sentences import Sentence, sentence_spans, split_sentences
from kabar.language.taggers import load_taggers, tag_ner, tag_pos
from kabar.language.tokenize import Token, tokenize

_TRAINING = frozenset({"train_clusters", "train_ner", "train_pos"})


def __getattr__(name: str) -> Any:
    """The training functions, imported on first use (``python -m kabar.language.train`` must
    find :mod:`kabar.language.train` not yet imported)."""
    if name in _TRAINING:
        from kabar.language import train

        return getattr(train, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AnalyzedSentence",
    "LanguageAnalysis",
    "LanguageGuess",
    "Sentence",
    "Token",
    "analyze_text",
    "identify_language",
    "identify_language_scored",
    "identify_paragraphs",
    "load_taggers",
    "sentence_spans",
    "split_sentences",
    "tag_conll",
    "tag_ner",
    "tag_pos",
    "tokenize",
    "train_clusters",
    "train_ner",
    "train_pos",
]
