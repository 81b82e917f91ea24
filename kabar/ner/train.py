"""Rebuild the name recogniser's files from the shared datasets:

    uv run --frozen python -m kabar.ner.train

1. `common_words_id.tsv` from the lower-case and capitalised forms of every word in the
   real articles of `../shared/datasets/id-news/articles.jsonl` (counts only, no text),
   leaving out the articles of the hand-labelled sources dev set;
2. the CRF `id_ner.crfsuite` from `../shared/datasets/id-ner-news/` (train + dev splits;
   the hyper-parameters were chosen on dev with a train-only model, `--dev-only` reproduces
   that), and silver sentences (`kabar.ner.silver`): a first model trained on the gold
   splits tags the id-news sentences that hold a person a speech cue names, the final model
   learns from both. The test split is never read here: `python -m kabar.ner.evaluate`
   scores it. The labelled sources sets are left out of the counts and of the silver: by
   their ids, and by the rule they are drawn with (the first `RESERVED_RANKS` articles of
   each outlet in SHA-1 order, so sets labelled later are out before their labels land).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import pycrfsuite

from kabar.ner import features, lexicons
from kabar.ner.corpus import load, token_tags
from kabar.ner.features import sentence_features
from kabar.ner.model import MODEL
from kabar.ner.silver import silver_sentences
from kabar.ner.tokenise import sentence_initial, tokenise
from kabar.resources import data_dir

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "datasets"
LABELLED = (REPO / "tests" / "sources" / "data" / "id_news_dev.gold.jsonl",
            REPO / "tests" / "sources" / "data" / "id_news_tune2.gold.jsonl")
# the labelled sets are drawn from the head of the per-outlet SHA-1 order (dev ranks 0-9,
# tune2 10-13, tune3 and a second held-out set 14-19, tune4 20-25, tune5 26-45): the whole
# head is kept out by rule, so a set labelled later is already out of the counts the day its
# labels land
RESERVED_RANKS = 46
NER_DATA = SHARED / "id-ner-news"
NEWS = SHARED / "id-news" / "articles.jsonl"
PARAMS = {"c1": 0.01, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
SILVER = 2000  # at most: every sentence harvested (753 today; 400 tied on the sources tune sets)
MIN_COUNT = 2  # a word seen once says little about how it is written


def build_common_words(news: Path, out: Path, exclude: frozenset = frozenset(),
                       min_count: int = MIN_COUNT) -> int:
    """Counts per lower-cased word form; articles whose id is in `exclude` are left out."""
    counts: dict[str, list[int]] = {}
    with open(news, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art.get("id") in exclude:
                continue
            words = [t for t, _, _ in tokenise(art.get("text") or "")]
            for w, init in zip(words, sentence_initial(words)):
                if not w[0].isalpha():
                    continue
                c = counts.setdefault(w.lower(), [0, 0, 0])
                c[0 if w[0].islower() else (2 if init else 1)] += 1
    rows = sorted((w, c) for w, c in counts.items() if sum(c) >= min_count)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# word\tlower\tcap_mid\tcap_initial  (counts over id-news; python -m kabar.ner.train)\n")
        for w, (lo, mid, ini) in rows:
            fh.write(f"{w}\t{lo}\t{mid}\t{ini}\n")
    lexicons.common_words.cache_clear()
    features.clear_caches()
    return len(rows)


def reserved_ids(news: Path, per_outlet: int = RESERVED_RANKS) -> frozenset:
    """Ids of the first `per_outlet` articles of each outlet in the labelling order."""
    from kabar.evaluate.id_news import sha1_rank_key
    by_outlet: dict = {}
    with open(news, encoding="utf-8") as fh:
        for line in filter(str.strip, fh):
            art = json.loads(line)
            by_outlet.setdefault(art.get("outlet"), []).append(art["id"])
    return frozenset(i for ids in by_outlet.values() for i in sorted(ids, key=sha1_rank_key)[:per_outlet])


def labelled_ids(paths) -> frozenset:
    """Ids of the hand-labelled sources articles: kept out of the counts and the silver
    sentences, so the sources scores on them are not helped by their own words."""
    ids = set()
    for path in paths:
        if not path.exists():
            raise SystemExit(f"{path} not found (pass --exclude-ids with the labelled sets)")
        with open(path, encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh if line.strip())
    return frozenset(ids)


def train(splits: list[Path], out: Path, params: dict = PARAMS, extra=()) -> int:
    """A model from the gold `splits` and `extra` (word list, tag list) sentences."""
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for split in splits:
        for sent in load(split):
            toks, tags = token_tags(sent)
            if toks:
                trainer.append(sentence_features([t for t, _, _ in toks]), tags)
                n += 1
    for words, tags in extra:
        trainer.append(sentence_features(words), tags)
        n += 1
    trainer.set_params(params)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kabar.ner.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--ner-data", type=Path, default=NER_DATA, help="folder with train.txt, dev.txt")
    ap.add_argument("--news", type=Path, default=NEWS, help="articles.jsonl for the common-word counts")
    ap.add_argument("--exclude-ids", type=Path, nargs="+", default=list(LABELLED),
                    help="JSONL files with the `id` of articles to leave out of the counts and the silver")
    ap.add_argument("--reserved-ranks", type=int, default=RESERVED_RANKS,
                    help="leave out this many articles per outlet from the head of the labelling order")
    ap.add_argument("--silver", type=int, default=SILVER,
                    help="at most this many silver sentences from the news (0: gold only)")
    ap.add_argument("--lexicon-out", type=Path, default=None, help="counts file (default: the shipped one)")
    ap.add_argument("--out", type=Path, default=None, help="model file (default: the shipped one)")
    ap.add_argument("--dev-only", action="store_true", help="train on train.txt only (for tuning on dev)")
    ap.add_argument("--skip-lexicon", action="store_true", help="keep the committed common-word counts")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--max-iterations", type=int, default=PARAMS["max_iterations"])
    a = ap.parse_args(argv)
    skip = labelled_ids(a.exclude_ids) | reserved_ids(a.news, a.reserved_ranks)
    if not a.skip_lexicon:
        n = build_common_words(a.news, a.lexicon_out or data_dir() / lexicons.COMMON_WORDS, skip)
        print(f"common words: {n} forms from {a.news.name} ({len(skip)} labelled articles left out)")
    splits = [a.ner_data / "train.txt"] + ([] if a.dev_only else [a.ner_data / "dev.txt"])
    out = a.out or data_dir() / MODEL
    params = dict(PARAMS, c1=a.c1, c2=a.c2, max_iterations=a.max_iterations)
    extra: list = []
    if a.silver:
        with tempfile.TemporaryDirectory() as tmp:
            first = Path(tmp) / "gold.crfsuite"
            train(splits, first, params)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(first))
            found = silver_sentences(a.news, skip, lambda w: tagger.tag(sentence_features(w)), a.silver)
            tagger.close()
        extra = [(s.words, s.tags) for s in found]
        print(f"silver: {len(extra)} sentences from {a.news.name}")
    n = train(splits, out, params, extra)
    print(f"model: {out.name} from {n} sentences ({', '.join(s.name for s in splits)}"
          f"{', silver' if extra else ''}), {out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
