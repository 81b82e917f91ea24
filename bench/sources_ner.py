"""Sources with the name recogniser vs without it, on the labelled id-news dev set.

    .venv/bin/python bench/sources_ner.py [--rounds 7] [--half tune|heldout]

The same articles (the ids of `tests/sources/data/id_news_dev.gold.jsonl`, text from
`../shared/datasets/id-news/articles.jsonl`, paragraphs as the dataset gives them) go
through the Indonesian sources grammar twice per round: once as shipped
(`recognised_names: true`, names checked against kabar/ner) and once with that rule off
(the rule chunker alone, today's behaviour before the recogniser). Rounds alternate
A B A B in one process; CPU seconds (process_time) per round. Printed: the median ms per
document of each, and the median of the per-round ratio A/B.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from ab_rounds import ab_rounds, print_ab  # noqa: E402
from kabar.enrich.sources.grammar import Grammar  # noqa: E402
from kabar.enrich.sources.lexicon import WORD_RE, get_lexicon, get_places  # noqa: E402
from kabar.enrich.sources.names import Namer  # noqa: E402
from kabar.enrich.sources.resolution import _extract  # noqa: E402
from kabar.registry import get_registry  # noqa: E402

GOLD = REPO / "tests" / "sources" / "data" / "id_news_dev.gold.jsonl"
ARTICLES = REPO.parent / "shared" / "datasets" / "id-news" / "articles.jsonl"


def grammar(recognised: bool) -> Grammar:
    lex = get_lexicon("id")
    lex = dataclasses.replace(lex, rules={**lex.rules, "recognised_names": recognised})
    return Grammar(lex, Namer(lex, get_places(), get_registry()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--half", choices=("tune", "heldout"), default=None)
    a = ap.parse_args(argv)
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    ids = {g["id"] for g in gold if a.half is None or g["half"] == a.half}
    texts = []
    with open(ARTICLES, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art["id"] in ids:
                texts.append(art["text"] or "")
    docs = [(t, frozenset(w.lower() for w in WORD_RE.findall(t) if w[0].islower())) for t in texts]
    with_ner, rules_only = grammar(True), grammar(False)
    for g in (with_ner, rules_only):  # warm-up: model load, compiled patterns, caches
        for t, low in docs[:5]:
            _extract(t, g, low, None)
    a_ms, b_ms, ratio = ab_rounds(lambda: [_extract(t, with_ner, low, None) for t, low in docs],
                                  lambda: [_extract(t, rules_only, low, None) for t, low in docs], a.rounds, len(docs))
    print_ab(f"{len(docs)} documents", a.rounds, "A sources with recogniser", a_ms, "B sources, rules only", b_ms, ratio)
    return 0


if __name__ == "__main__":
    sys.exit(main())
