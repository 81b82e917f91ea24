"""The lines before the body: headline, header data (byline, date, dateline) and furniture."""
from __future__ import annotations

import re

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.lines import BAD, Line
from kabar.record import DROPPED, META, TITLE, ZoneLine

_SITE_SUFFIX = re.compile(r"\s+[|–—:-]\s+[^|–—]{2,60}$")


def strip_site_suffix(text: str) -> str:
    """`Headline | Site Name` (the HTML <title> printed atop many dumps) → `Headline`."""
    m = _SITE_SUFFIX.search(text)
    if m and len(sig.words(text[: m.start()])) >= 3:
        return text[: m.start()].strip()
    return text.strip()


def _title_candidate(line: Line) -> bool:
    if line.cls == BAD and line.reason != "duplicate":
        return False
    n = line.n_words
    if not (S.TITLE_MIN_WORDS <= n <= S.TITLE_MAX_WORDS) or line.text.rstrip().endswith("."):
        return False
    text = line.text.strip()
    if line.meta in ("byline", "editor", "dateline") or (line.meta == "date" and sig.date_words_left(text) < S.TITLE_MIN_WORDS + 1):
        return False
    return not (sig.is_breadcrumb(text) or sig.is_masthead(text) or sig.is_byline_shape(text))


def pick_title(head: list[Line], body_stems: set[str]) -> int | None:
    """Index in `head` of the headline: a line printed twice (dump of <title> and <h1>,
    or a repeated headline) first, else the first headline-shaped line that shares
    enough words with the body, else the first headline-shaped line."""
    cands = [i for i, l in enumerate(head[: S.HEAD_MAX_LINES]) if _title_candidate(l)]
    keys = {i: sig.normalise(strip_site_suffix(head[i].text)) for i in cands}
    fits = {i for i in cands if sig.share_in(head[i].stems, body_stems) >= S.TITLE_BODY_SHARE}
    for i in cands:
        twins = [j for j in cands if j != i and keys[j] == keys[i]]
        if twins and head[i].n_words >= 3 and (i in fits or not body_stems):
            plain = [j for j in [i, *twins] if sig.normalise(head[j].text) == keys[i]]
            return plain[0] if plain else i
    good = [i for i in cands if head[i].n_words >= 3 and i in fits]
    if good:
        share = {i: sig.share_in(head[i].stems, body_stems) for i in good}
        above = [i for i in good if _above_header_data(head, i) and share[i] >= share[good[0]]]
        return above[0] if above else good[0]
    return cands[0] if cands else None


def _above_header_data(head: list[Line], i: int) -> bool:
    """The headline sits right above the date or byline (author name lines may come between)."""
    for j in range(i + 1, min(len(head), i + 3)):
        if head[j].meta == "date" or head[j].meta == "byline" and head[j].n_words >= 3:  # not `By Industry`
            return True
        if not sig.is_name_line(head[j].text, head[j].n_words):
            return False
    return False


def label_head(head: list[Line], title_i: int | None) -> list[ZoneLine]:
    title_key = sig.normalise(strip_site_suffix(head[title_i].text)) if title_i is not None else None
    zones: list[ZoneLine] = []
    for i, line in enumerate(head):
        if i == title_i:
            zones.append(ZoneLine(line.no, line.text, TITLE, "headline"))
        elif title_key and sig.normalise(strip_site_suffix(line.text)) == title_key:
            zones.append(ZoneLine(line.no, line.text, DROPPED, "repeated_title"))
        elif line.meta:
            zones.append(ZoneLine(line.no, line.text, META, line.meta))
        else:
            zones.append(ZoneLine(line.no, line.text, DROPPED, line.reason or "head"))
    _mark_author_names(head, zones)
    return zones


def _mark_author_names(head: list[Line], zones: list[ZoneLine]) -> None:
    """Bare names next to a byline or date line are the author list (`Chella Defa Anjelina,`)."""
    for i, line in enumerate(head):
        if zones[i].zone != DROPPED or zones[i].reason not in ("head",) or not sig.is_name_line(line.text, line.n_words):
            continue
        prev_meta = i > 0 and zones[i - 1].zone == META
        next_meta = i + 1 < len(head) and zones[i + 1].zone == META and zones[i + 1].reason != "dateline"
        prev_list = i > 0 and zones[i - 1].reason == "author" and head[i - 1].text.rstrip().endswith((",", "&"))
        if prev_meta or next_meta or prev_list:
            zones[i] = ZoneLine(line.no, line.text, META, "author")
