"""Plain-text page dumps: label every line title / meta / body / dropped.

Steps: line signals and classes (lines.py), the body runs (region.py), topical
coherence with the title and the core body (drops off-topic edges, injected related
headlines and their teaser paragraphs), then the head (head.py) and the tail.
"""
from __future__ import annotations

from collections import Counter

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.head import label_head, pick_title, strip_site_suffix
from kabar.clean.lines import BAD, GOOD, NEAR, Line, read_lines
from kabar.clean.region import body_runs, weight
from kabar.record import BODY, DROPPED, META, ZoneLine


def coherence(line: Line, core: Counter, title_stems: set[str], in_core: bool) -> float:
    """Share of the line's content stems found elsewhere in the core body or the title."""
    if not line.stems:
        return 1.0
    hits = 0
    for s in line.stems:
        others = core[s] - (1 if in_core else 0)
        if others > 0 or s in title_stems:
            hits += 1
    return hits / len(line.stems)


def _after_dateline(lines: list[Line], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dateline-only line (`Moskow -`) opens the body: what the first run holds before it
    (photo captions, a lead image's English credit) belongs to the head."""
    if not runs:
        return runs
    s, e = runs[0]
    for i in range(s, min(e, s + S.DATELINE_LOOKAHEAD)):
        if lines[i].meta == "dateline":
            return [(i, e)] + runs[1:]
    return runs


def _runs_with_coherence(lines: list[Line]) -> tuple[list[tuple[int, int]], list[bool], int | None]:
    runs = _after_dateline(lines, body_runs([weight(l) for l in lines]))
    first = runs[0][0] if runs else len(lines)
    body_stems = set().union(*(lines[i].stems for s, e in runs for i in range(s, e))) if runs else set()
    title_i = pick_title(lines[:first], body_stems)
    title_stems = lines[title_i].stems if title_i is not None else set()
    core: Counter = Counter()
    core_ids = {i for s, e in runs for i in range(s, e) if lines[i].cls == GOOD}
    for i in core_ids:
        core.update(lines[i].stems)
    off = [False] * len(lines)
    core_chars = sum(len(lines[i].text) for i in core_ids)
    if len(core) < S.COHERENCE_MIN_CORE_STEMS:
        return runs, off, title_i
    for i, l in enumerate(lines):
        if l.cls in (GOOD, NEAR) and len(l.stems) >= 4 and len(l.text) < S.COHERENCE_MAX_LINE_SHARE * core_chars:
            off[i] = coherence(l, core, title_stems, i in core_ids) < S.COHERENCE_MIN
    if any(off):
        runs = _after_dateline(lines, body_runs([weight(l, off[i]) for i, l in enumerate(lines)]))
        first2 = runs[0][0] if runs else len(lines)
        if first2 != first:
            title_i = pick_title(lines[:first2], body_stems)
    return runs, off, title_i


def _is_related_headline(line: Line, title_stems: set[str], next_line: Line | None) -> bool:
    """A Title Case headline of another story injected between paragraphs: unlike a
    subheading it shares few words with the title and with the paragraph after it."""
    if next_line is not None and len(line.stems & next_line.stems) >= S.HEADLINE_NEXT_SHARED:
        return False
    if line.cls == GOOD or line.n_words < S.HEADLINE_MIN_WORDS or line.text.rstrip().endswith("."):
        return False
    if sig.title_case_share(line.tokens) < 0.99:
        return False
    return sig.share_in(line.stems, title_stems) < S.HEADLINE_TITLE_SHARE


def _label_body(lines: list[Line], s: int, e: int, title_stems: set[str], first_run: bool) -> list[ZoneLine]:
    zones: list[ZoneLine] = []
    seen_prose = not first_run
    for i in range(s, e):
        l = lines[i]
        nxt = next((lines[j] for j in range(i + 1, min(e, i + 3)) if lines[j].cls in (GOOD, NEAR)), None)
        if l.cls == BAD:
            zones.append(ZoneLine(l.no, l.text, DROPPED, l.reason))
        elif l.meta and (not seen_prose or l.meta != "date"):
            zones.append(ZoneLine(l.no, l.text, META, l.meta))
        elif _is_related_headline(l, title_stems, nxt):
            zones.append(ZoneLine(l.no, l.text, DROPPED, "related_headline"))
            _drop_teaser_caption(zones, lines, i, l.stems)
        else:
            seen_prose = seen_prose or l.cls == GOOD
            zones.append(ZoneLine(l.no, l.text, BODY, l.cls))
    return zones


def _drop_teaser_caption(zones: list[ZoneLine], lines: list[Line], i: int, headline: set[str]) -> None:
    """The photo caption printed just above a teaser headline shares its words."""
    if len(zones) >= 2 and zones[-2].zone == BODY:
        prev = lines[i - 1]
        if not prev.sentence and prev.cls != GOOD and len(prev.stems & headline) >= 2:
            zones[-2] = ZoneLine(prev.no, prev.text, DROPPED, "caption")


def label_text(content: str, templates=frozenset()) -> tuple[list[ZoneLine], str | None]:
    """Zones of every non-empty line, and the headline."""
    lines = read_lines(content, templates)
    if not lines:
        return [], None
    runs, off, title_i = _runs_with_coherence(lines)
    first = runs[0][0] if runs else len(lines)
    zones = label_head(lines[:first], title_i)
    title_stems = lines[title_i].stems if title_i is not None else set()
    end_prev = first
    for s, e in runs:
        for i in range(end_prev, s):  # between two runs
            zones.append(ZoneLine(lines[i].no, lines[i].text, DROPPED, lines[i].reason or "outside_body"))
        zones += _label_body(lines, s, e, title_stems, s == first)
        end_prev = e
    for i in range(end_prev, len(lines)):
        l = lines[i]
        if l.meta == "editor" and i - end_prev < S.TAIL_META_LINES:
            zones.append(ZoneLine(l.no, l.text, META, "editor"))
        else:
            reason = l.reason or ("off_topic" if off[i] else "tail")
            zones.append(ZoneLine(l.no, l.text, DROPPED, reason))
    title = strip_site_suffix(lines[title_i].text) if title_i is not None else None
    return zones, title
