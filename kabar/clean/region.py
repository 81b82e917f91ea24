"""Where the article is: maximum-sum runs of lines, prose adding and furniture subtracting.

The idea of jusText's context smoothing, done globally: a subheading or a caption between
two paragraphs costs less than the paragraphs bring, so it sits inside the run; a menu
(many short lines) or a footer teaser cut off by furniture does not.
"""
from __future__ import annotations

import re

from kabar.clean import settings as S
from kabar.clean.lines import BAD, GOOD, NEAR, Line


NUMBERED = re.compile(r"^\W{0,2}\d{1,2}\s*[.)]\s*\S")


def weight(line: Line, off_topic: bool = False) -> float:
    chars = len(line.text.strip())
    if line.cls == GOOD and not off_topic:
        return S.WEIGHT_GOOD_PER_CHAR * chars
    if line.cls == NEAR and not off_topic:
        return S.WEIGHT_NEAR_PER_CHAR * chars
    if line.cls == BAD or off_topic:
        return -(S.PENALTY_BAD + S.PENALTY_BAD_PER_CHAR * chars)
    numbered = line.low and line.low[0].isdigit() and NUMBERED.match(line.text)
    if numbered or sum(t[0].isdigit() for t in line.low) * 2 >= len(line.low) > 0:
        return -S.PENALTY_SHORT_NUMERIC  # a table row or a numbered list item, not a menu item
    return -S.PENALTY_SHORT


def best_run(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum contiguous run in weights[lo:hi] (Kadane): (sum, start, end exclusive)."""
    best, best_s, best_e = 0.0, lo, lo
    cur, cur_s = 0.0, lo
    for i in range(lo, hi):
        if cur <= 0:
            cur, cur_s = 0.0, i
        cur += weights[i]
        if cur > best:
            best, best_s, best_e = cur, cur_s, i + 1
    return best, best_s, best_e


def body_runs(weights: list[float]) -> list[tuple[int, int]]:
    """The best run, plus runs on either side that score a fair share of it (an article
    split by a large ad or gallery block)."""
    top, s, e = best_run(weights, 0, len(weights))
    if top <= 0:
        return []
    runs = [(s, e)]
    pending = [(0, s), (e, len(weights))]
    while pending:
        lo, hi = pending.pop()
        if hi - lo <= 0:
            continue
        score, rs, re_ = best_run(weights, lo, hi)
        if score >= S.SECOND_REGION_SHARE * top and re_ > rs:
            runs.append((rs, re_))
            pending += [(lo, rs), (re_, hi)]
    return sorted(runs)
