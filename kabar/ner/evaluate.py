"""Entity F1 per type on a split of the NER corpus (exact span and type, as seqeval):

    uv run --frozen python -m kabar.ner.evaluate [--split test] [--model FILE]

Scores the CRF and, beside it, today's rule chunker of the sources extractor (capitalised
chunks resolved by its `Namer`: person → PER, organization/media → ORG, except an entry
of its `places` list → LOC).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from kabar.ner.corpus import Sentence, load
from kabar.ner.train import NER_DATA

TYPES = ("PER", "ORG", "LOC")


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float, int]]:
    """Per type and micro overall: (precision, recall, f1, gold count)."""
    tp, np_, ng = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for *_, t in g:
            ng[t] += 1
        for *_, t in p:
            np_[t] += 1
        for *_, t in g & p:
            tp[t] += 1
    out = {}
    for t in (*TYPES, "ALL"):
        a, b, c = (sum(x.values()) for x in (tp, np_, ng)) if t == "ALL" else (tp[t], np_[t], ng[t])
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, c)
    return out


def crf_spans(sents: list[Sentence], model: Path | None, repair: bool = True) -> list[set]:
    from kabar.ner.model import recognise, tagger
    if model is None:
        t = tagger()
    else:
        import pycrfsuite
        t = pycrfsuite.Tagger()
        t.open(str(model))
    return [{(e.start, e.end, e.type) for e in recognise(s.text, t, repair)} for s in sents]


def rule_spans(sents: list[Sentence]) -> list[set]:
    """Today's chunker, called read-only: every chunk the `Namer` resolves to a candidate."""
    from kabar.enrich.sources.lexicon import WORD_RE
    from kabar.enrich.sources.names import find_chunks  # chunks without entities: the rules alone
    from kabar.enrich.sources.resolution import _grammar
    from kabar.registry import get_registry
    gram = _grammar("id", get_registry())
    out = []
    for s in sents:
        lowers = frozenset(w.lower() for w in WORD_RE.findall(s.text) if w[0].islower())
        found = set()
        for ch in find_chunks(s.text, gram.split_words):
            cand = gram.namer._name(s.text, ch, lowers, False)
            if cand is None:
                continue
            end = cand.start + len(cand.name) if s.text.startswith(cand.name, cand.start) else ch.tokens[-1][2]
            typ = "PER" if cand.kind == "person" else "ORG"
            if typ == "ORG" and cand.name.lower() in gram.namer.places.place_names:
                typ = "LOC"  # the chunker types places as organisations; a fairer reading
            found.add((cand.start, end, typ))
        out.append(found)
    return out


def report(name: str, res: dict, secs: float, n: int) -> None:
    for t in (*TYPES, "ALL"):
        p, r, f, c = res[t]
        print(f"{name:5s} {t:4s} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {c})")
    print(f"{name:5s} {secs * 1000 / n:.2f} ms/sentence over {n} sentences")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kabar.ner.evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="test", choices=("train", "dev", "test"))
    ap.add_argument("--ner-data", type=Path, default=NER_DATA)
    ap.add_argument("--model", type=Path, default=None, help="another model file (tuning)")
    ap.add_argument("--raw", action="store_true", help="also score the CRF without span repair")
    ap.add_argument("--no-rules", action="store_true", help="score the CRF only")
    a = ap.parse_args(argv)
    sents = load(a.ner_data / f"{a.split}.txt")
    gold = [set(s.spans) for s in sents]
    print(f"split {a.split}: {len(sents)} sentences, {sum(len(g) for g in gold)} entities")
    systems = [("crf", lambda: crf_spans(sents, a.model))]
    if a.raw:
        systems.append(("raw", lambda: crf_spans(sents, a.model, repair=False)))
    if not a.no_rules:
        systems.append(("rules", lambda: rule_spans(sents)))
    crf_spans(sents[:1], a.model)  # model and word lists load lazily: not in the timing
    for name, run in systems:
        t0 = time.perf_counter()
        pred = run()
        report(name, score(gold, pred), time.perf_counter() - t0, len(sents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
