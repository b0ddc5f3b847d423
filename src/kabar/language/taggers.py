"""The shipped POS tagger and NER, loaded lazily once per process.

Nothing here holds state that is pickled: the models live in a module-level cache, so a worker
process (fork or spawn) loads its own copy the first time it tags something.

The NER has one model per annotation domain (see :mod:`kabar.language.train`): ``news``
(IDNer-news-2k conventions, the default for running text) and ``nergrit`` (NERGrit conventions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kabar.language.clusters import load_clusters
from kabar.language.crf import CrfModel
from kabar.language.domains import DomainGuesser
from kabar.language.features import FeatureCache, pos_context_features
from kabar.language.gazetteer import match_features

MODELS_DIR = Path(__file__).parent / "models"
NER_DOMAINS = ("news", "nergrit")
DEFAULT_DOMAIN = "news"


@dataclass(frozen=True, slots=True)
class Taggers:
    """The POS model, the NER model of one domain and the word-feature cache they share."""

    pos: CrfModel
    ner: CrfModel
    cache: FeatureCache
    domain: str = DEFAULT_DOMAIN


def _require(models_dir: Path, names: Sequence[str]) -> None:
    missing = [n for n in names if not (models_dir / n).exists()]
    if missing:
        raise FileNotFoundError(
            f"kabar language models missing in {models_dir}: {', '.join(missing)}; "
            "rebuild them with `python -m kabar.language.train`"
        )


@lru_cache(maxsize=4)
def _shared(models_dir: Path) -> tuple[CrfModel, FeatureCache]:
    _require(models_dir, ["pos.bin"])
    clusters = load_clusters(models_dir / "clusters.tsv.gz")
    return CrfModel.load(models_dir / "pos.bin"), FeatureCache(clusters)


@lru_cache(maxsize=8)
def load_taggers(domain: str = DEFAULT_DOMAIN, models_dir: Path = MODELS_DIR) -> Taggers:
    """The POS tagger and the ``domain`` NER from ``models_dir``, loaded once per process."""
    if domain not in NER_DOMAINS:
        raise ValueError(f"unknown NER domain {domain!r}; choose one of {', '.join(NER_DOMAINS)}")
    _require(models_dir, [f"ner-{domain}.bin"])
    pos, cache = _shared(models_dir)
    return Taggers(pos, CrfModel.load(models_dir / f"ner-{domain}.bin"), cache, domain)


@lru_cache(maxsize=4)
def load_domain_guesser(models_dir: Path = MODELS_DIR) -> DomainGuesser:
    """The guesser that picks a NER domain for a CoNLL file of unknown origin."""
    _require(models_dir, ["ner-domains.json"])
    return DomainGuesser.load(models_dir / "ner-domains.json")


def ner_position_features(words: Sequence[str], pos_tags: Sequence[str]) -> list[list[str]]:
    """The NER's per-position features: gazetteer matches and neighbouring POS tags."""
    gaz = match_features([w.lower() for w in words])
    pos = pos_context_features(pos_tags)
    return [g + p for g, p in zip(gaz, pos, strict=True)]


def tag_pos(words: Sequence[str], taggers: Taggers | None = None) -> list[str]:
    """BaPOS tags (with their ``B-``/``I-`` multiword prefix) for one tokenised sentence."""
    t = taggers or load_taggers()
    return t.pos.tag(words, t.cache)


def tag_ner(words: Sequence[str], pos_tags: Sequence[str] | None = None,
            taggers: Taggers | None = None) -> list[str]:  # fmt: skip
    """BIO entity tags (PER, ORG, LOC) for one tokenised sentence; POS-tags it when needed."""
    t = taggers or load_taggers()
    tags = list(pos_tags) if pos_tags is not None else t.pos.tag(words, t.cache)
    return t.ner.tag(words, t.cache, ner_position_features(words, tags))


def tag_sentences(sentences: Sequence[Sequence[str]],
                  taggers: Taggers | None = None) -> tuple[list[list[str]], list[list[str]]]:  # fmt: skip
    """POS tags and BIO entity tags for many tokenised sentences at once (faster than one by one)."""
    t = taggers or load_taggers()
    pos = t.pos.tag_many(sentences, t.cache)
    extras = [ner_position_features(w, p) for w, p in zip(sentences, pos, strict=True)]
    return pos, t.ner.tag_many(sentences, t.cache, extras)


def bare_pos(tag: str) -> str:
    """A BaPOS tag without its multiword prefix (``B-NNP`` -> ``NNP``)."""
    return tag[2:] if tag[:2] in ("B-", "I-") else tag
