"""Other stories printed inside an article: a headline with its paragraph, a second lede."""
from __future__ import annotations

import re
from collections import Counter

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.coherence import shares_names, stretch_coherence
from kabar.clean.lines import BAD, GOOD, NEAR, Line
from kabar.enrich.dateline import opens_with_dateline
from kabar.enrich.outlet import is_masthead
from kabar.record import BODY, DROPPED, ZoneLine


def mark_teasers(lines: list[Line], off: list[bool], core: Counter, core_ids: set[int],
                  title_stems: set[str]) -> None:
    """Signal `teaser`: another story's headline with its first paragraph, printed between
    two paragraphs. Unlike a subheading and its section, the pair shares little with the
    article: neither its words nor its names."""
    for i in range(len(lines) - 1):
        h, p = lines[i], lines[i + 1]
        if h.cls == BAD or h.cls == GOOD or h.meta or h.sentence or h.n_words < S.HEADLINE_MIN_WORDS \
                or p.cls not in (GOOD, NEAR) or off[i + 1] or h.title_case < S.HEADLINE_CASE_SHARE:
            continue
        if len(h.stems & p.stems) < S.HEADLINE_NEXT_SHARED or sig.share_in(h.stems, title_stems) >= S.HEADLINE_TITLE_SHARE:
            continue
        if stretch_coherence(lines, i + 1, i + 2, core, core_ids, title_stems) < S.COHERENCE_MIN \
                and not shares_names(lines, i + 1, i + 2, core_ids, title_stems):
            h.cls, h.reason = BAD, "teaser_headline"
            p.cls, p.reason = BAD, "teaser"
            off[i + 1] = True


def drop_second_ledes(lines: list[Line], zones: list[ZoneLine]) -> None:
    """Signal `teaser_lede`: an article opens with its dateline once (`Merdeka.com -`,
    `Jakarta, CNN Indonesia --`); on a page whose lede has one, a paragraph further down
    that opens with the same dateline, or with one naming an outlet, is another story's
    lede printed as a teaser, and the short line right above it is its headline."""
    by_no = {l.no: l for l in lines}
    seen_prose, lede = False, None
    for k, z in enumerate(zones):
        if z.zone != BODY:
            continue
        line = by_no[z.line_no]
        if lede is None and line.cls in (GOOD, NEAR):
            prefix = _dateline_prefix(line.text)
            lede = (prefix, _outlet_dateline(line.text)) if prefix else False
            if not lede:
                return
        elif seen_prose and lede and line.cls in (GOOD, NEAR) and _second_lede(line.text, *lede):
            zones[k] = ZoneLine(z.line_no, z.text, DROPPED, "teaser_lede")
            above = zones[k - 1] if k else None
            if above is not None and above.zone == BODY and not by_no[above.line_no].sentence \
                    and by_no[above.line_no].cls != GOOD:
                zones[k - 1] = ZoneLine(above.line_no, above.text, DROPPED, "teaser_headline")
        seen_prose = seen_prose or line.cls == GOOD


def _second_lede(text: str, lede_prefix: str | None, lede_outlet: bool) -> bool:
    prefix = _dateline_prefix(text)
    if prefix is None:
        return False
    return bool(lede_prefix) and _dateline_key(prefix) == _dateline_key(lede_prefix) \
        or lede_outlet and _outlet_dateline(text)


def _dateline_key(prefix: str) -> str:
    """The outlet part of a dateline, its longest comma part (`Jakarta, CNN Indonesia` →
    `cnn indonesia`, `KOMPAS.com, Jakarta` → `kompas.com`)."""
    return max((p.strip() for p in prefix.split(",")), key=len).casefold()


_DASH = re.compile(r"\s[-–—]{1,2}\s")


_HOSTISH = re.compile(r"\w\.(?:com|net|id|co|org|my)\b|\(", re.I)


def _dateline_prefix(text: str) -> str | None:
    """The dateline of a lede (`Rimanews`, `Jakarta (ANTARA News)`), None when it has none."""
    if not opens_with_dateline(text):
        return None
    m = _DASH.search(text)
    return text[: m.start()].strip() if m else None


def _outlet_dateline(text: str) -> bool:
    """A lede's dateline that names its outlet or is in capitals (`Merdeka.com -`,
    `Jakarta (ANTARA News) -`, `Jakarta, CNN Indonesia --`, `JUARA.NET, NEW DELHI -`), not
    a spaced hyphen inside a sentence (`CEO Go - Jek Nadiem …`)."""
    prefix = _dateline_prefix(text)
    if not prefix:
        return False
    letters = [c for c in prefix if c.isalpha()]
    place = bool(letters) and all(c.isupper() for c in letters) and len(prefix.split()) <= S.TEASER_PLACE_MAX_WORDS
    return bool(_HOSTISH.search(prefix)) or place \
        or any(is_masthead(part) for part in prefix.split(","))
