"""Score the sources extractor against gold labels.

`score(pairs)` takes `(gold, doc)` pairs — gold a dict with `id` (or `file`) and `sources`
(each: name, aliases, kind, required, quotes) — re-runs `extract_sources` on each doc
(timed, so the figures do not depend on what the pipeline stored) and returns:

  required_recall   gold sources with `required: true` matched by a prediction
  precision         predictions matching any gold source (name or alias, case-insensitive;
                    media names also through the registry); a second prediction for an
                    already matched gold source counts as a false positive (duplicate)
  kind_accuracy     matches whose kind equals the gold kind
  quotes            gold quotes found (substring) among the matched prediction's quotes
  ms_per_doc        extractor time; `langdetect_ms_per_doc` for comparison
  docs              per-doc misses (required), false positives, kind errors, quote misses
  halves            the same figures per labelled half (`tune` / `heldout`) when the gold has them

`render(result)` prints it for humans. `python -m kabar.evaluate.sources GOLD.jsonl` scores the
gold body lines directly (no clean stage), which isolates this component.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Iterable

from kabar.enrich.language import detect_language
from kabar.enrich.sources import extract_sources
from kabar.record import Doc
from kabar.registry import Registry, get_registry


def _key(s: str) -> str:
    return " ".join(str(s).casefold().split())


def _gold_keys(g: dict, registry: Registry) -> set[str]:
    keys = {_key(n) for n in [g.get("name"), *(g.get("aliases") or [])] if n}
    for n in list(keys):
        o = registry.by_name(n)
        if o is not None:
            keys.add(_key(o.name))
    return keys


def _tail_keys(g: dict) -> set[str]:
    """A person's name without its first given names is the same person ("Argo Yuwono" for
    "Raden Prabowo Argo Yuwono"): the last two words or more of the name or an alias."""
    if g.get("kind") != "person":
        return set()
    out = set()
    for n in [g.get("name"), *(g.get("aliases") or [])]:
        w = _key(n or "").split()
        out.update(" ".join(w[i:]) for i in range(1, len(w) - 1))
    return out


def pred_keys(name: str, registry: Registry) -> set[str]:
    """The keys a predicted name matches gold by: itself, and its registry medium's name."""
    pk = {_key(name)}
    o = registry.by_name(name)
    if o is not None:
        pk.add(_key(o.name))
    return pk


def gold_index(golds: list[dict], registry: Registry, pk: set[str], tails: bool = True) -> int | None:
    """The first gold source a prediction's keys match (its name or an alias, else, with
    `tails`, a person's name without its first given names), else None."""
    hit = next((i for i, g in enumerate(golds) if _gold_keys(g, registry) & pk), None)
    if hit is None and tails:
        hit = next((i for i, g in enumerate(golds) if _tail_keys(g) & pk), None)
    return hit


def score_doc(gold: dict, doc: Doc, registry: Registry) -> dict:
    t0 = time.perf_counter()
    preds = extract_sources(doc, registry)
    ms = (time.perf_counter() - t0) * 1000
    golds = gold.get("sources") or []
    matched: dict[int, object] = {}
    fps, kind_err, n_match, n_kind = [], [], 0, 0
    # a prediction naming a gold source in full is its match before one naming it without
    # the first given names (so the quotes are read from the full one)
    exact = {id(p) for p in preds if gold_index(golds, registry, pred_keys(p.name, registry), tails=False) is not None}
    for p in sorted(preds, key=lambda p: id(p) not in exact):
        hit = gold_index(golds, registry, pred_keys(p.name, registry))
        if hit is None or hit in matched:
            fps.append(p.name + (" (duplicate)" if hit is not None else ""))
            continue
        matched[hit] = p
        n_match += 1
        if p.kind == golds[hit].get("kind"):
            n_kind += 1
        else:
            kind_err.append(f"{p.name}: {p.kind} (gold {golds[hit].get('kind')})")
    req = [i for i, g in enumerate(golds) if g.get("required")]
    misses = [golds[i]["name"] for i in req if i not in matched]
    q_total, q_found, q_miss = 0, 0, []
    for i, g in enumerate(golds):
        for q in g.get("quotes") or []:
            q_total += 1
            p = matched.get(i)
            if p is not None and any(q.strip() in pq or pq in q for pq in p.quotes if pq):
                q_found += 1
            else:
                q_miss.append(f"{g['name']}: {q[:50]}")
    return {
        "id": gold.get("id") or gold.get("file"), "half": gold.get("half"), "n_pred": len(preds), "n_match": n_match,
        "n_kind": n_kind, "n_req": len(req), "n_req_hit": len(req) - len(misses),
        "q_total": q_total, "q_found": q_found, "misses": misses, "false_positives": fps,
        "kind_errors": kind_err, "quote_misses": q_miss, "ms": ms,
        "predicted": [f"{p.name} [{p.kind}] role={p.role!r} cues={p.cues} quotes={len(p.quotes)} "
                      f"mentions={p.mentions}" for p in preds],
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


_COUNTS = ("n_pred", "n_match", "n_kind", "n_req", "n_req_hit", "q_total", "q_found", "ms")


def _totals(docs: list[dict]) -> dict:
    tot = {k: sum(d[k] for d in docs) for k in _COUNTS}
    return {
        "n_docs": len(docs),
        "required_recall": _ratio(tot["n_req_hit"], tot["n_req"]),
        "precision": _ratio(tot["n_match"], tot["n_pred"]),
        "kind_accuracy": _ratio(tot["n_kind"], tot["n_match"]),
        "quote_attribution": _ratio(tot["q_found"], tot["q_total"]),
        "counts": tot,
    }


def score(pairs: Iterable[tuple[dict, Doc]], with_langdetect: bool = True) -> dict:
    registry = get_registry()
    docs, lang_ms = [], 0.0
    pairs = list(pairs)
    if pairs:  # warm-up (lexicon compilation, langdetect profiles) outside the timings
        extract_sources(pairs[0][1], registry)
        detect_language(pairs[0][1].text)
    for gold, doc in pairs:
        docs.append(score_doc(gold, doc, registry))
        if with_langdetect:
            t0 = time.perf_counter()
            detect_language(doc.text)
            lang_ms += (time.perf_counter() - t0) * 1000
    result = _totals(docs)
    halves = sorted({d["half"] for d in docs if d["half"]})
    n = max(len(docs), 1)
    return {
        **result,
        # labelled halves (tune / heldout) scored apart as well: tune on one, report both
        "halves": {h: _totals([d for d in docs if d["half"] == h]) for h in halves},
        "ms_per_doc": round(result["counts"]["ms"] / n, 3),
        "langdetect_ms_per_doc": round(lang_ms / n, 3) if with_langdetect else None,
        "docs": docs,
    }


def _figures(result: dict, indent: str) -> list[str]:
    c = result["counts"]
    return [
        f"{indent}required recall   {result['required_recall']:.3f}  ({c['n_req_hit']}/{c['n_req']})",
        f"{indent}precision         {result['precision']:.3f}  ({c['n_match']}/{c['n_pred']})",
        f"{indent}kind accuracy     {result['kind_accuracy']:.3f}  ({c['n_kind']}/{c['n_match']})",
        f"{indent}quote attribution {result['quote_attribution']:.3f}  ({c['q_found']}/{c['q_total']})",
    ]


def render(result: dict, verbose: bool = False) -> str:
    lines = [f"sources: {result['n_docs']} docs", *_figures(result, "  ")]
    for half, part in (result.get("halves") or {}).items():
        lines += [f"  half {half}: {part['n_docs']} docs", *_figures(part, "    ")]
    lines += [
        f"  ms/doc            {result['ms_per_doc']:.3f}"
        + (f"  (langdetect {result['langdetect_ms_per_doc']:.3f})" if result.get("langdetect_ms_per_doc") is not None else ""),
    ]
    for d in result["docs"]:
        bad = d["misses"] or d["false_positives"] or d["kind_errors"] or d["quote_misses"]
        if not (bad or verbose):
            continue
        lines.append(f"  {d['id']}" + (f" [{d['half']}]" if d.get("half") else "") + ":")
        for k in ("misses", "false_positives", "kind_errors", "quote_misses"):
            if d[k]:
                lines.append(f"    {k}: {'; '.join(d[k])}")
        if verbose:
            lines += [f"    + {p}" for p in d["predicted"]]
    return "\n".join(lines)


def gold_pairs(path: str) -> list[tuple[dict, Doc]]:
    """Docs built from the gold body lines (no clean stage): `text` = lines joined by a blank line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            g = json.loads(line)
            text = "\n\n".join(g.get("body_lines") or [])
            doc = Doc(source_uri=g.get("file", ""), source_format="text", content=text, content_type="text")
            doc.text, doc.title = text, g.get("title")
            doc.language = g.get("language") or "und"
            doc.outlet = g.get("outlet")
            g.setdefault("id", g.get("file"))
            out.append((g, doc))
    return out


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    path = args[0] if args else str(Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.gold.jsonl")
    print(render(score(gold_pairs(path)), verbose=verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
