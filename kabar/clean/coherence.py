"""Does a stretch of prose belong to the article? Its words and its names against the rest."""
from __future__ import annotations

from collections import Counter

from kabar.clean import settings as S
from kabar.clean.lines import GOOD, NEAR, Line


def prose_stretches(lines: list[Line], lo: int = 0, hi: int | None = None,
                    off: list[bool] | None = None) -> list[tuple[int, int]]:
    """Consecutive prose lines (good/near, not `off`) in lines[lo:hi]: an article's paragraphs
    between two pieces of furniture, or a teaser's paragraphs, judged together."""
    hi = len(lines) if hi is None else hi
    out, start = [], None
    for i in range(lo, hi + 1):
        prose = i < hi and lines[i].cls in (GOOD, NEAR) and not (off and off[i])
        if prose and start is None:
            start = i
        elif not prose and start is not None:
            out.append((start, i))
            start = None
    return out


def stretch_coherence(lines: list[Line], s: int, e: int, core: Counter, core_ids: set[int],
                       title_stems: set[str]) -> float:
    """Signal `off_topic`, judged per stretch of prose: the share of its content stems that
    the rest of the core body or the title uses. Per stretch, so a quote paragraph with
    its own words is carried by the paragraphs next to it; a teaser's (or a promo's)
    paragraphs do not vouch for one another."""
    stems = set().union(*(lines[i].stems for i in range(s, e)))
    if len(stems) < 4:
        return 1.0
    own: Counter = Counter()
    for i in range(s, e):
        if i in core_ids:
            own.update(lines[i].stems)
    return sum(1 for x in stems if core[x] - own[x] > 0 or x in title_stems) / len(stems)


def shares_names(lines: list[Line], s: int, e: int, core_ids: set[int], title_stems: set[str],
                  at_least: int = S.COHERENCE_SHARED_NAMES) -> bool:
    """Signal `shared_names`: a stretch naming people or places the rest of the article
    (or its headline) names continues the article, however new its other words are."""
    own = set().union(*(lines[i].names for i in range(s, e)))
    if len(own) < at_least:
        return False
    rest = set(title_stems)
    for i in core_ids:
        if not s <= i < e:
            rest |= lines[i].names
    return len(own & rest) >= at_least
