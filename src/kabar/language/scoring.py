"""Scores used while training: token accuracy and entity-level F1 (as ``score_ner.py`` counts it)."""

from __future__ import annotations

from collections.abc import Sequence

# The type names of the corpora, mapped to kabar's labels (as the project's scorer does).
NER_ALIASES = {"PERSON": "PER", "PPL": "PER", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
               "IND": "ORG", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC"}  # fmt: skip
NER_LABELS = frozenset({"PER", "ORG", "LOC"})


def map_ner_tag(tag: str) -> str:
    """A corpus BIO tag in kabar's labels (``B-PERSON`` -> ``B-PER``); other types become ``O``."""
    prefix, _, typ = tag.partition("-")
    typ = NER_ALIASES.get(typ, typ)
    if prefix not in ("B", "I") or typ not in NER_LABELS:
        return "O"
    return f"{prefix}-{typ}"


def accuracy(pred: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> float:
    """The share of tokens whose predicted tag equals the gold tag."""
    total = sum(len(g) for g in gold)
    right = sum(p == g for ps, gs in zip(pred, gold, strict=True) for p, g in zip(ps, gs, strict=True))
    return round(right / total, 4) if total else 0.0


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO sequence; a stray ``I-`` opens a span."""
    out: set[tuple[int, int, str]] = set()
    start: int | None = None
    typ = ""
    for i, tag in enumerate([*tags, "O"]):
        pre, _, ty = tag.partition("-")
        ty = NER_ALIASES.get(ty, ty)
        if start is not None and (pre in ("O", "B") or ty != typ):
            out.add((start, i, typ))
            start = None
        if pre == "B" or (pre == "I" and start is None):
            start, typ = i, ty
    return out


def entity_f1(pred: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> dict[str, float]:
    """Micro-averaged entity precision, recall and F1 (exact span and type)."""
    tp = fp = fn = 0
    for ps, gs in zip(pred, gold, strict=True):
        p, g = spans(ps), spans(gs)
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
