"""Sources on English pages: the paragraph pre-check on vs off, on WCXB dev articles.

    .venv/bin/python bench/sources_english.py [--pages 80] [--rounds 5]

The first `--pages` pages of `../shared/datasets/wcxb-dev-articles` (HTML) go through kabar's
clean stage once; their bodies then go through the English sources grammar as shipped
(A: a paragraph without a quote and without every word of some cue is not parsed) and
with that check off (B: every paragraph parsed, the behaviour before it). Rounds alternate
A B in one process; CPU seconds (process_time) per round. Printed: median ms per page of
each, the median per-round ratio A/B, and whether both found the same sources.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from ab_rounds import ab_rounds, print_ab  # noqa: E402
from kabar.enrich.sources.grammar import Grammar  # noqa: E402
from kabar.enrich.sources.lexicon import WORD_RE, get_lexicon, get_places  # noqa: E402
from kabar.enrich.sources.names import Namer  # noqa: E402
from kabar.enrich.sources.resolution import _extract  # noqa: E402
from kabar.evaluate.gold import read_gold, run_stages  # noqa: E402
from kabar.registry import get_registry  # noqa: E402

WCXB = REPO.parent / "shared" / "datasets" / "wcxb-dev-articles"


class ParseAll(Grammar):
    def _may_attribute(self, text: str) -> bool:
        return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=80)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args(argv)
    docs = [d for _, d in run_stages(read_gold(WCXB, mode="html", limit=a.pages))]
    texts = [(d.text, frozenset(w.lower() for w in WORD_RE.findall(d.text) if w[0].islower()))
             for d in docs if d.text and d.language == "en"]
    lex, reg = get_lexicon("en"), get_registry()
    shipped, parse_all = Grammar(lex, Namer(lex, get_places(), reg)), ParseAll(lex, Namer(lex, get_places(), reg))
    found = {}
    for g in (shipped, parse_all):  # warm-up, and the sources each finds
        found[g] = [[(s.name, s.kind, s.cues, s.quotes, s.mentions) for s in _extract(t, g, low, None)] for t, low in texts]
    a_ms, b_ms, ratio = ab_rounds(lambda: [_extract(t, shipped, low, None) for t, low in texts],
                                  lambda: [_extract(t, parse_all, low, None) for t, low in texts], a.rounds, len(texts))
    print_ab(f"{len(texts)} English pages", a.rounds, "A sources, pre-check (shipped)", a_ms,
             "B sources, every paragraph", b_ms, ratio)
    print(f"  same sources: {found[shipped] == found[parse_all]} ({sum(map(len, found[shipped]))} sources)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
