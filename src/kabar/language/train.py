"""Training the shipped models: word clusters, the POS tagger and the NER.

``python -m kabar.language.train [--data DIR] [--out DIR] [--seed N] [pos|ner|clusters|all]``
rebuilds the files in ``src/kabar/language/models/`` from the corpora in ``DIR``
(``../shared/data`` by default). Training is deterministic: CRFsuite's L-BFGS has no randomness,
and the cluster k-means uses ``seed``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kabar.language.clusters import build_clusters, load_clusters, save_clusters
from kabar.language.conll import TaggedSentence, read_conll
from kabar.language.crf import CrfModel, collapse_domain, export_crfsuite
from kabar.language.domains import DomainGuesser
from kabar.language.features import FeatureCache, sequence_features
from kabar.language.scoring import accuracy, entity_f1, map_ner_tag
from kabar.language.taggers import ner_position_features
from kabar.language.tokenize import tokenize

MODELS_DIR = Path(__file__).parent / "models"
CLUSTERS_FILE = "clusters.tsv.gz"
POS_FILE = "pos.bin"
DOMAINS_FILE = "ner-domains.json"

BAPOS = "pos/bapos_pos-idn"
IDNER = "ner/idner-news-2k"
NERGRIT = "ner/nergrit_ner-grit"
NERP = "ner/nerp_ner-prosa"


@dataclass(slots=True)
class CrfParams:
    """CRFsuite L-BFGS settings."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 150
    extra: dict[str, object] = field(default_factory=dict)


POS_PARAMS = CrfParams(c1=0.05, c2=0.01, max_iterations=150)
NER_PARAMS = CrfParams(c1=0.02, c2=0.02, max_iterations=150)


def train_clusters(data_dir: Path, out: Path, seed: int = 0) -> dict[str, object]:
    """Build the word clusters from the news and the training splits; write ``clusters.tsv.gz``."""
    started = time.perf_counter()
    clusters = build_clusters(_cluster_corpus(data_dir), seed=seed)
    out.mkdir(parents=True, exist_ok=True)
    save_clusters(clusters, out / CLUSTERS_FILE)
    return {"words": len(clusters), "seconds": round(time.perf_counter() - started, 1),
            "bytes": (out / CLUSTERS_FILE).stat().st_size}  # fmt: skip


def _cluster_corpus(data_dir: Path) -> Iterator[list[str]]:
    news = sorted((data_dir / "news").glob("*.jsonl"))
    for path in news:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                raw = json.loads(line).get("raw") or ""
                for para in raw.split("\n"):
                    yield [t.text.lower() for t in tokenize(para)]
    train_files = [
        data_dir / BAPOS / "train_preprocess.txt", data_dir / IDNER / "train.txt",
        data_dir / NERGRIT / "train_preprocess.txt", data_dir / NERP / "train_preprocess.txt",
    ]  # fmt: skip
    train_files += sorted((data_dir / "ud").glob("*/*train*.conllu"))
    for path in train_files:
        if path.exists():
            for sent in read_conll(path):
                yield [t.lower() for t in sent.tokens]


def _cache(out: Path, data_dir: Path, seed: int) -> FeatureCache:
    if not (out / CLUSTERS_FILE).exists():
        train_clusters(data_dir, out, seed)
    return FeatureCache(load_clusters(out / CLUSTERS_FILE))


def _fit(xs: Sequence[list[list[str]]], ys: Sequence[list[str]], params: CrfParams) -> CrfModel:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
                        "feature.possible_transitions": True, **params.extra})  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return export_crfsuite(path)


def train_pos(data_dir: Path, out: Path = MODELS_DIR, seed: int = 0,
              params: CrfParams = POS_PARAMS) -> dict[str, object]:  # fmt: skip
    """Train the POS tagger on BaPOS ``train``; score it on ``valid``; write ``pos.bin``.

    Returns the figures: sentences and tokens trained on, validation accuracy (full BaPOS tags
    with their B-/I- prefix, and the bare tags), training seconds and the model file's size.
    """
    cache = _cache(out, data_dir, seed)
    train = read_conll(data_dir / BAPOS / "train_preprocess.txt")
    started = time.perf_counter()
    xs = [sequence_features(s.tokens, cache) for s in train]
    model = _fit(xs, [s.tags for s in train], params)
    seconds = time.perf_counter() - started
    model.save(out / POS_FILE)
    model = CrfModel.load(out / POS_FILE)
    figures = evaluate_pos(model, cache, read_conll(data_dir / BAPOS / "valid_preprocess.txt"))
    return {"sentences": len(train), "tokens": sum(len(s.tokens) for s in train),
            "seconds": round(seconds, 1), "bytes": (out / POS_FILE).stat().st_size, **figures}  # fmt: skip


def evaluate_pos(model: CrfModel, cache: FeatureCache, gold: list[TaggedSentence]) -> dict[str, float]:
    """Token accuracy of ``model`` on ``gold``: full tags and tags without the B-/I- prefix."""
    pred = [model.tag(s.tokens, cache) for s in gold]
    gold_tags = [s.tags for s in gold]
    return {"accuracy": accuracy(pred, gold_tags),
            "accuracy_bare": accuracy(_bare(pred), _bare(gold_tags))}  # fmt: skip


def _bare(seqs: list[list[str]]) -> list[list[str]]:
    return [[t.partition("-")[2] or t for t in s] for s in seqs]


# The NER is trained on three corpora at once. Every feature is given twice: as it is, and
# prefixed with the corpus it comes from ("domain adaptation by feature augmentation"), so the
# model learns what the corpora share and where their annotation habits differ. One domain's
# model is then the shared weights plus that domain's own (``collapse_domain``).
NER_DOMAINS = {"news": IDNER, "nergrit": NERGRIT}
NERP_DOMAIN = "nerp"
CASE_FEATURES = ("sh=", "title", "upper", "W=")


def ner_file(domain: str) -> str:
    """The model file of one NER domain."""
    return f"ner-{domain}.bin"


@dataclass(slots=True)
class NerData:
    """The NER training sentences per domain and the held-out sentences to score, tags mapped
    to PER/ORG/LOC."""

    train: dict[str, list[TaggedSentence]]
    evals: dict[str, list[TaggedSentence]]


def load_ner_data(data_dir: Path, *, with_dev: bool = False, with_nerp: bool = True) -> NerData:
    """IDNer-news-2k and NERGrit (and NERP) train splits; the first two's dev splits to score."""
    evals = {"news": _mapped(read_conll(data_dir / IDNER / "dev.txt")),
             "nergrit": _mapped(read_conll(data_dir / NERGRIT / "valid_preprocess.txt"))}  # fmt: skip
    train = {"news": _mapped(read_conll(data_dir / IDNER / "train.txt")),
             "nergrit": _mapped(read_conll(data_dir / NERGRIT / "train_preprocess.txt"))}  # fmt: skip
    if with_nerp:
        train[NERP_DOMAIN] = _mapped(read_conll(data_dir / NERP / "train_preprocess.txt"))
    if with_dev:
        for domain, sents in evals.items():
            train[domain] = train[domain] + sents
    return NerData(train, evals)


def _mapped(sents: list[TaggedSentence]) -> list[TaggedSentence]:
    return [TaggedSentence(s.tokens, [map_ner_tag(t) for t in s.tags]) for s in sents]


def train_ner(data_dir: Path, out: Path = MODELS_DIR, seed: int = 0, *,
              params: CrfParams = NER_PARAMS, with_dev: bool = False,
              with_nerp: bool = True) -> dict[str, object]:  # fmt: skip
    """Train the NER on IDNer-news-2k, NERGrit and NERP train splits; write one model per domain
    (``ner-news.bin``, ``ner-nergrit.bin``) and the domain guesser (``ner-domains.json``).

    ``with_dev`` adds the dev splits to the training data (the figures on them are then no
    longer held-out scores). NERP is lower-cased: its sentences get no case features. Needs
    ``pos.bin`` in ``out`` (trained first if absent). Returns the figures: entity-level F1 of
    each domain's model on its dev split, training seconds, file sizes.
    """
    cache = _cache(out, data_dir, seed)
    if not (out / POS_FILE).exists():
        train_pos(data_dir, out, seed)
    pos = CrfModel.load(out / POS_FILE)
    data = load_ner_data(data_dir, with_dev=with_dev, with_nerp=with_nerp)
    started = time.perf_counter()
    xs: list[list[list[str]]] = []
    ys: list[list[str]] = []
    for domain, sents in data.train.items():
        xs.extend(_domain_items(_ner_items(s.tokens, pos, cache), domain) for s in sents)
        ys.extend(s.tags for s in sents)
    joint = _fit(xs, ys, params)
    seconds = time.perf_counter() - started
    figures: dict[str, object] = {"sentences": {d: len(s) for d, s in data.train.items()},
                                  "seconds": round(seconds, 1), "with_dev": with_dev}  # fmt: skip
    for domain, gold in data.evals.items():
        collapse_domain(joint, domain_prefix(domain)).save(out / ner_file(domain))
        model = CrfModel.load(out / ner_file(domain))
        figures[domain] = {**evaluate_ner(model, pos, cache, gold),
                           "bytes": (out / ner_file(domain)).stat().st_size}  # fmt: skip
    guesser = DomainGuesser.fit({d: data.train[d] for d in NER_DOMAINS})
    guesser.save(out / DOMAINS_FILE)
    return figures


def domain_prefix(domain: str) -> str:
    """The prefix of a domain's copy of a feature."""
    return f"@{domain}|"


def _domain_items(items: list[list[str]], domain: str) -> list[list[str]]:
    if domain == NERP_DOMAIN:
        items = [[f for f in it if not f.lstrip("-+123:").startswith(CASE_FEATURES)] for it in items]
    prefix = domain_prefix(domain)
    return [it + [prefix + f for f in it] for it in items]


def _ner_items(words: list[str], pos: CrfModel, cache: FeatureCache) -> list[list[str]]:
    tags = pos.tag(words, cache)
    return sequence_features(words, cache, ner_position_features(words, tags))


def evaluate_ner(model: CrfModel, pos: CrfModel, cache: FeatureCache,
                 gold: list[TaggedSentence]) -> dict[str, float]:  # fmt: skip
    """Entity-level precision, recall and F1 (exact span and type) of ``model`` on ``gold``."""
    pred = []
    for s in gold:
        tags = pos.tag(s.tokens, cache)
        pred.append(model.tag(s.tokens, cache, ner_position_features(s.tokens, tags)))
    return entity_f1(pred, [s.tags for s in gold])


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: rebuild some or all model files and print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m kabar.language.train")
    parser.add_argument("what", nargs="?", default="all", choices=["all", "clusters", "pos", "ner"])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--with-dev", action="store_true", help="NER: train on the dev splits too")
    args = parser.parse_args(argv)
    report: dict[str, object] = {}
    if args.what in ("all", "clusters"):
        report["clusters"] = train_clusters(args.data, args.out, args.seed)
    if args.what in ("all", "pos"):
        report["pos"] = train_pos(args.data, args.out, args.seed)
    if args.what in ("all", "ner"):
        report["ner"] = train_ner(args.data, args.out, args.seed, with_dev=args.with_dev)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
