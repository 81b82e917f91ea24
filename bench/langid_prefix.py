"""How much of a body kabar's language identification needs to read (`language.max_chars`).

    .venv/bin/python bench/langid_prefix.py --id-news 300 --chars 500,1000,2000,4000

kabar's own `detect_language` (py3langid, the `und` rules, the Malay markers) on the
labelled bodies of `bench/langid.py` (1,048 with `--id-news 300`), with `max_chars` set to
each value in turn: CPU ms per body (lower of 2 rounds), correct labels per language,
and how many answers differ from those at the current setting.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--id-news", type=int, default=300)
    p.add_argument("--chars", default="250,500,1000,1500,2000,3000,4000")
    a = p.parse_args()
    from langid import labelled  # the labelled sets, as bench/langid.py reads them

    from kabar.enrich.language import detect_language
    from kabar.enrich.settings import settings

    cfg = settings()["language"]
    current = cfg["max_chars"]
    texts = [(lab, t) for lab, _, t in labelled(a.id_news) if t.strip()]
    langs = sorted(Counter(lab for lab, _ in texts))
    detect_language(texts[0][1])  # the model loads once, outside the timing
    print(f"{len(texts)} labelled bodies: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(l for l, _ in texts).items())))
    print(f"{'max_chars':>9} {'ms/doc':>7} {'all':>10} " + " ".join(f"{l:>9}" for l in langs) + f"  {'≠ at ' + str(current):>10}")
    answers: dict[int, list[str]] = {}
    # the current setting first: the others are compared with its answers
    for n in [current] + sorted({int(x) for x in a.chars.split(",")} - {current}, reverse=True):
        cfg["max_chars"] = n
        best = float("inf")
        for _ in range(2):
            t = time.process_time()
            got = [detect_language(text)[0] for _, text in texts]
            best = min(best, time.process_time() - t)
        answers[n] = got
        hits, tot = Counter(), Counter()
        for (lab, _), g in zip(texts, got, strict=True):
            tot[lab] += 1
            hits[lab] += g == lab
        diff = sum(x != y for x, y in zip(got, answers[current], strict=True))
        print(f"{n:9} {1000 * best / len(texts):7.2f} {sum(hits.values()):>5}/{len(texts):<4} "
              + " ".join(f"{hits[l]:>4}/{tot[l]:<4}" for l in langs) + f"  {diff:>10}")
    cfg["max_chars"] = current
    return 0


if __name__ == "__main__":
    sys.exit(main())
