"""Body quality: F1 over 4-word shingles of `\\w+` tokens, averaged per document.

This is the measure of the article-extraction benchmarks (shingles counted as a
multiset, so a paragraph kept twice costs precision). Besides the figures, the report
counts the paragraphs lost (a gold line whose shingles are mostly missing from the
output) and lists the worst lines: gold lines lost by the cleaner and kept lines
absent from gold.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from kabar.record import Doc

SHINGLE = 4
LOST_BELOW = 0.5  # a gold paragraph with less than this share of its shingles kept is lost
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:  # a short text is one shingle, as in the benchmarks
        return Counter([" ".join(tokens)])
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def prf(gold: str, predicted: str) -> tuple[float, float, float]:
    g, p = shingles(gold), shingles(predicted)
    if not g and not p:
        return 1.0, 1.0, 1.0
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else 1.0
    recall = tp / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _line_overlap(line: str, other: Counter, other_text: str) -> float:
    """Share of a line's shingles found in the other text (1 = fully there); a line
    shorter than a shingle counts as there when its words occur in a row."""
    tokens = _TOKEN.findall(line)
    if len(tokens) < SHINGLE:
        return 1.0 if f" {' '.join(tokens)} " in f" {other_text} " else 0.0
    s = shingles(line)
    total = sum(s.values())
    return sum((s & other).values()) / total if total else 1.0


def lost_paragraphs(gold: str, predicted: str) -> tuple[int, int]:
    """(gold paragraphs lost, gold paragraphs)."""
    p = shingles(predicted)
    p_text = " ".join(_TOKEN.findall(predicted))
    paras = [l for l in gold.splitlines() if _TOKEN.search(l)]
    return sum(1 for l in paras if _line_overlap(l, p, p_text) < LOST_BELOW), len(paras)


def worst_lines(gold: str, predicted: str, limit: int) -> dict[str, list[str]]:
    """Gold lines missing from the prediction, predicted lines missing from gold."""
    g, p = shingles(gold), shingles(predicted)
    g_text, p_text = " ".join(_TOKEN.findall(gold)), " ".join(_TOKEN.findall(predicted))
    lost = [(len(l.split()) * (1 - _line_overlap(l, p, p_text)), l) for l in gold.splitlines() if l.strip()]
    kept = [(len(l.split()) * (1 - _line_overlap(l, g, g_text)), l) for l in predicted.splitlines() if l.strip()]
    pick = lambda rows: [l for w, l in sorted(rows, key=lambda r: -r[0])[:limit] if w > 0]  # noqa: E731
    return {"lost": pick(lost), "kept": pick(kept)}


def score(pairs: Iterable[tuple[dict, Doc]], worst: int = 3, predicted_of=None) -> dict:
    """Per-document and mean body precision/recall/F1. `predicted_of(doc)` picks the text
    to score (default `doc.text`); the baselines pass their own."""
    rows = []
    for gold, doc in pairs:
        predicted = predicted_of(doc) if predicted_of else doc.text
        p, r, f = prf(gold.get("body") or "", predicted or "")
        lost, paras = lost_paragraphs(gold.get("body") or "", predicted or "")
        row = {"id": gold["id"], "precision": p, "recall": r, "f1": f, "paragraphs": paras, "paragraphs_lost": lost}
        if worst:
            row.update(worst_lines(gold.get("body") or "", predicted or "", worst))
        rows.append(row)
    n = len(rows) or 1
    mean = {k: sum(r[k] for r in rows) / n for k in ("precision", "recall", "f1")}
    lost = {"paragraphs": sum(r["paragraphs"] for r in rows), "lost": sum(r["paragraphs_lost"] for r in rows),
            "docs": sum(1 for r in rows if r["paragraphs_lost"])}
    return {"metric": "body_shingle4", "n": len(rows), "mean": mean, "paragraphs_lost": lost, "docs": rows}


def render(result: dict, per_doc: bool = True, worst_docs: int = 10) -> str:
    out = []
    rows = result["docs"]
    if per_doc:
        shown = rows if len(rows) <= 30 else sorted(rows, key=lambda r: r["f1"])[:worst_docs]
        if len(rows) > 30:
            out.append(f"worst {len(shown)} of {len(rows)} documents:")
        for r in shown:
            out.append(f"  {r['id']:<32} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
            for line in r.get("lost", []):
                out.append(f"      lost: {line[:110]}")
            for line in r.get("kept", []):
                out.append(f"      kept: {line[:110]}")
    m = result["mean"]
    label = result.get("label", "body")
    out.append(
        f"{label}: n={result['n']}  mean P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
    )
    if rows:
        out.append(f"  min F1 {min(r['f1'] for r in rows):.3f}")
    lost = result.get("paragraphs_lost")
    if lost:
        out.append(f"  paragraphs lost {lost['lost']} of {lost['paragraphs']} (in {lost['docs']} documents)")
    return "\n".join(out)
