"""Train the sources keep/drop decision (`kabar/enrich/sources/decision.py`):

    uv run --frozen python -m kabar.evaluate.sources_model          # rebuild data/registry/sources_keep.yaml
    uv run --frozen python -m kabar.evaluate.sources_model --check  # CV figures only, nothing written

Every candidate source of the labelled tune articles (dev `tune` half, tune2, tune3, tune4,
tune5: never a held-out set) is a row: its features, and whether it names a gold source (the
scorer's matching, `kabar.evaluate.sources`). A logistic regression (L2, Newton steps, the
features standardised, those seen in fewer than `MIN_SUPPORT` candidates left out) is
fitted; media are left to the rules (the registry and the media cues name them). Chosen by
5-fold cross-validation grouped by document (an article's candidates are in one fold): the
L2 penalty by log-loss, then two thresholds (`drop_below` for a candidate the rules keep,
`keep_from` for one the recogniser check turned down) on the figures the scorer reports:
the best precision of the kept candidates among the thresholds that find at least the
required gold sources the rules alone find. The same data and code give the same file.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.enrich.sources.decision import MODEL_FILE, rules_keep
from kabar.enrich.sources.resolution import candidate_sources
from kabar.evaluate.gold import read_gold, run_stages
from kabar.evaluate.sources import gold_index, pred_keys
from kabar.registry import get_registry
from kabar.resources import data_dir

DATA = Path(__file__).resolve().parents[2] / "tests" / "sources" / "data"
# (label file, half kept): the tune sets only
TRAIN_SETS = (("id_news_dev.gold.jsonl", "tune"), ("id_news_tune2.gold.jsonl", None),
              ("id_news_tune3.gold.jsonl", None), ("id_news_tune4.gold.jsonl", None),
              ("id_news_tune5.gold.jsonl", None))
FOLDS = 5
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)  # L2 strength on the standardised weights
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 17))  # 0.10 … 0.80
MIN_SUPPORT = 5  # a feature non-zero in fewer candidates than this cannot be weighed (left out)
# features that count what the article does with the name (mentions, events, position) are
# left out: they depend on the article's length more than on the name (a one-paragraph
# article names each speaker once)
ARTICLE_COUNTS = frozenset({"log_events", "log_mentions", "only_event", "first_pos", "inside_other"})


@dataclass
class Row:
    doc: str
    set: str
    feats: dict
    label: int  # names a gold source
    gold: int | None  # which one (index in the doc's gold list)
    rules: bool  # what the rules alone do
    learned: bool = True  # decided by the model (media: by the rules, `decision.Model.keep`)


@dataclass
class DocGold:
    doc: str
    set: str
    required: frozenset  # indices of required gold sources


def collect(sets=TRAIN_SETS, data: Path = DATA) -> tuple[list[Row], list[DocGold]]:
    registry = get_registry()
    rows, docs = [], []
    for name, half in sets:
        pairs = run_stages(read_gold(data / name, half=half))
        for gold, doc in pairs:
            golds = gold.get("sources") or []
            docs.append(DocGold(gold["id"], name, frozenset(i for i, g in enumerate(golds) if g.get("required"))))
            if not doc.text:
                continue
            for src, ev, feats in candidate_sources(doc, registry):
                hit = gold_index(golds, registry, pred_keys(src.name, registry))
                rows.append(Row(gold["id"], name, feats, int(hit is not None), hit, rules_keep(ev),
                                learned=src.kind != "media"))
    return rows, docs


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % FOLDS


def fit(x: np.ndarray, y: np.ndarray, penalty: float, steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2 logistic regression (Newton's method; bias unpenalised)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, penalty)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w[:-1], float(w[-1])


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def figures(rows: list[Row], docs: list[DocGold], keep: np.ndarray) -> dict:
    """Precision of the kept candidates, recall of the required gold sources (one hit each)."""
    kept = [r for r, k in zip(rows, keep) if k]
    hits = {(r.doc, r.gold) for r in kept if r.label}
    tp = sum(1 for r in kept if r.label)
    n_req = sum(len(d.required) for d in docs)
    req_hit = sum(1 for d in docs for i in d.required if (d.doc, i) in hits)
    precision = tp / len(kept) if kept else 1.0
    recall = req_hit / n_req if n_req else 1.0
    return {"precision": precision, "recall": recall, "kept": len(kept), "tp": tp,
            "req_hit": req_hit, "n_req": n_req}


def matrix(rows: list[Row], names: list[str]) -> np.ndarray:
    return np.array([[r.feats.get(k, 0.0) for k in names] for r in rows], dtype=float)


def cross_validate(rows: list[Row], names: list[str], penalty: float,
                   trainable: np.ndarray | None = None) -> np.ndarray:
    """Out-of-fold probability of every row (trained on the rows the model decides and, if
    given, `trainable` marks)."""
    x, y = matrix(rows, names), np.array([r.label for r in rows], dtype=float)
    folds = np.array([fold_of(r.doc) for r in rows])
    learned = np.array([r.learned for r in rows])
    if trainable is not None:
        learned &= trainable
    out = np.zeros(len(rows))
    for k in range(FOLDS):
        tr, te = (folds != k) & learned, folds == k
        mean, scale = standardise(x[tr])
        w, b = fit((x[tr] - mean) / scale, y[tr], penalty)
        out[te] = 1.0 / (1.0 + np.exp(-(((x[te] - mean) / scale) @ w + b)))
    return out


def decide(rows: list[Row], prob: np.ndarray, drop_below: float, keep_from: float) -> np.ndarray:
    rules = np.array([r.rules for r in rows])
    learned = np.array([r.learned for r in rows])
    return np.where(learned, np.where(rules, prob >= drop_below, prob >= keep_from), rules)


def log_loss(rows: list[Row], prob: np.ndarray) -> float:
    """Mean CV log-loss over the rows the model decides (a proper score: it rates the
    probabilities themselves, not one cut of them)."""
    learned = np.array([r.learned for r in rows])
    y = np.array([r.label for r in rows], dtype=float)[learned]
    p = np.clip(prob[learned], 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose(rows: list[Row], docs: list[DocGold], names: list[str]):
    """(penalty, drop_below, keep_from, CV figures): the penalty with the lowest CV log-loss,
    then, among the thresholds that find at least the required sources the rules alone
    find, those nearest the rules whose CV precision is within one standard error of the best."""
    penalty = min(PENALTIES, key=lambda c: log_loss(rows, cross_validate(rows, names, c)))
    prob = cross_validate(rows, names, penalty)
    floor = figures(rows, docs, np.array([r.rules for r in rows]))["req_hit"]
    found = []
    for drop_below in THRESHOLDS:
        for keep_from in (t for t in THRESHOLDS if t >= drop_below):
            fig = figures(rows, docs, decide(rows, prob, drop_below, keep_from))
            if fig["req_hit"] >= floor:
                found.append((penalty, drop_below, keep_from, fig))
    # one-standard-error rule: a gain in CV precision smaller than its standard error is
    # noise, so of the thresholds within one SE of the best the ones closest to the rules
    # (lowest `drop_below`, highest `keep_from`) are taken
    top = max(found, key=lambda c: c[3]["precision"])[3]
    se = (top["precision"] * (1 - top["precision"]) / max(1, top["kept"])) ** 0.5
    near = [c for c in found if c[3]["precision"] >= top["precision"] - se - 1e-12]
    return min(near, key=lambda c: (c[1], -c[2]))


def write(path: Path, names: list[str], mean, scale, w, b, drop_below: float, keep_from: float,
          penalty: float, cv: dict) -> None:
    def nums(v) -> str:
        return "[" + ", ".join(f"{float(x):.6f}" for x in v) + "]"
    lines = [
        "# The sources keep/drop decision (kabar/enrich/sources/decision.py): a candidate is kept",
        "# when the model's probability is at least `drop_below` (a candidate the rules keep) or",
        "# `keep_from` (one the recogniser check turned down). Rebuilt by",
        "# `python -m kabar.evaluate.sources_model` from the labelled tune sets; the features, the",
        f"# thresholds and the L2 penalty ({penalty}) were chosen by 5-fold cross-validation grouped",
        f"# by document (CV precision {cv['precision']:.3f}, required recall {cv['recall']:.3f}).",
        "# `model: null`: the rules alone.",
        f"drop_below: {drop_below:.2f}",
        f"keep_from: {keep_from:.2f}",
        "model:",
        f"  features: [{', '.join(names)}]",
        f"  mean: {nums(mean)}",
        f"  scale: {nums(scale)}",
        f"  weights: {nums(w)}",
        f"  bias: {b:.6f}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(rows, docs, prob, drop_below, keep_from, label="") -> list[str]:
    out = []
    for name in sorted({d.set for d in docs}) + [None]:
        sel = [i for i, r in enumerate(rows) if name is None or r.set == name]
        ds = [d for d in docs if name is None or d.set == name]
        rs = [rows[i] for i in sel]
        rule = figures(rs, ds, np.array([r.rules for r in rs]))
        cv = figures(rs, ds, decide(rs, prob[sel], drop_below, keep_from))
        out.append(f"{label}{name or 'all':28s} rules P {rule['precision']:.3f} ({rule['tp']}/{rule['kept']}) "
                   f"R {rule['recall']:.3f} ({rule['req_hit']}/{rule['n_req']})   "
                   f"CV P {cv['precision']:.3f} ({cv['tp']}/{cv['kept']}) R {cv['recall']:.3f} ({cv['req_hit']}/{cv['n_req']})")
    return out


def learning_curve(rows, docs, names, penalty, drop_below, keep_from, target: str, sizes) -> list[str]:
    """CV figures on the set `target` when the folds train on the other sets and only its
    first `size` articles (file order: the order they were labelled in)."""
    order = [d.doc for d in docs if d.set == target]
    sel = [i for i, r in enumerate(rows) if r.set == target]
    ds = [d for d in docs if d.set == target]
    out = []
    for size in sorted({min(s, len(order)) for s in sizes}):
        seen = set(order[:size])
        trainable = np.array([r.set != target or r.doc in seen for r in rows])
        prob = cross_validate(rows, names, penalty, trainable)
        rs = [rows[i] for i in sel]
        fig = figures(rs, ds, decide(rs, prob[sel], drop_below, keep_from))
        out.append(f"curve {target} trained on {size:3d} of it: CV P {fig['precision']:.3f} "
                   f"({fig['tp']}/{fig['kept']}) R {fig['recall']:.3f} ({fig['req_hit']}/{fig['n_req']})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kabar.evaluate.sources_model", description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="print the CV figures, write nothing")
    ap.add_argument("--curve", default=None, metavar="SET",
                    help="also print the learning curve on this label file (0/50/100/all of it trained on)")
    ap.add_argument("--out", type=Path, default=None, help="model file (default: the shipped one)")
    a = ap.parse_args(argv)
    rows, docs = collect()
    names = sorted({k for r in rows for k in r.feats})
    support = (np.abs(matrix([r for r in rows if r.learned], names)) > 1e-9).sum(axis=0)
    names = [n for n, c in zip(names, support) if c >= MIN_SUPPORT and n not in ARTICLE_COUNTS]
    print(f"rows: {len(rows)} candidates ({sum(r.label for r in rows)} sources) from {len(docs)} articles")
    penalty, drop_below, keep_from, cv = choose(rows, docs, names)
    prob = cross_validate(rows, names, penalty)
    print(f"chosen by CV: {len(names)} features, penalty {penalty}, drop below {drop_below:.2f}, keep from {keep_from:.2f}")
    print("\n".join(report(rows, docs, prob, drop_below, keep_from)))
    if a.curve:
        print("\n".join(learning_curve(rows, docs, names, penalty, drop_below, keep_from, a.curve,
                                       (0, 50, 100, 200))))
    if a.check:
        return 0
    fitted = [r for r in rows if r.learned]
    x, y = matrix(fitted, names), np.array([r.label for r in fitted], dtype=float)
    mean, scale = standardise(x)
    w, b = fit((x - mean) / scale, y, penalty)
    out = a.out or data_dir() / MODEL_FILE
    write(out, names, mean, scale, w, b, drop_below, keep_from, penalty, cv)
    print(f"model: {out.name} ({len(names)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
