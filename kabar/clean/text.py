"""Plain-text page dumps: label every line title / meta / body / dropped.

Steps: line signals and classes (lines.py), the body runs (region.py), topical
coherence with the title and the core body (drops off-topic edges, injected related
headlines and their teaser paragraphs), then the head (head.py) and the tail.
"""
from __future__ import annotations

from collections import Counter

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.head import label_head
from kabar.clean.lines import BAD, GOOD, NEAR, Line, read_lines
from kabar.clean.region import body_runs, weight
from kabar.enrich.dateline import opens_with_dateline, without_dateline
from kabar.enrich.title import pick_title, strip_site_suffix
from kabar.record import BODY, DROPPED, META, ZoneLine


def coherence(line: Line, core: Counter, title_stems: set[str], in_core: bool,
              near: list[set[str]] = ()) -> float:
    """Share of the line's content stems found elsewhere in the core body or the title.
    `near` holds the stems of the core lines next to it, which do not vouch for it: a
    two-paragraph promo block (`Ajang penghargaan … detikcom` twice) shares its own words."""
    if not line.stems:
        return 1.0
    hits = 0
    own = 1 if in_core else 0
    for s in line.stems:
        others = core[s] - own
        if others > 0 and near:
            others -= sum(1 for n in near if s in n)
        if others > 0 or s in title_stems:
            hits += 1
    return hits / len(line.stems)


def _near_stems(lines: list[Line], i: int, core_ids: set[int]) -> list[set[str]]:
    k = S.COHERENCE_NEIGHBOURS
    return [lines[j].stems for j in range(max(0, i - k), min(len(lines), i + k + 1)) if j != i and j in core_ids]


def _after_dateline(lines: list[Line], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dateline-only line (`Moskow -`) opens the body: what the first run holds before it
    (photo captions, a lead image's English credit) belongs to the head."""
    if not runs:
        return runs
    s, e = runs[0]
    if s > 0 and _is_lede(lines[s - 1]):
        # signal `lede_above`: a lede dense with names (`JAKARTA - Polda Metro Jaya…`) has
        # too few function words to be prose, but its dateline says the body starts there
        return [(s - 1, e)] + runs[1:]
    for i in range(s, min(e, s + S.DATELINE_LOOKAHEAD)):
        if lines[i].meta == "dateline":
            return [(i, e)] + runs[1:]
    for i in range(s + 1, min(e, s + S.DATELINE_LOOKAHEAD)):
        # signal `lede_dateline`: the lede opens with its dateline (`BANTUL -`,
        # `Liputan6.com, Jakarta -`, `WASHINGTON (Reuters) -`): prose above it is a caption
        if lines[i - 1].cls == GOOD:  # only captions (near-prose at most) may sit above the lede
            break
        if lines[i].cls in (GOOD, NEAR) and opens_with_dateline(lines[i].text):
            return [(i, e)] + runs[1:]
    if not lines[s].sentence:
        # signal `headline_in_run`: a run opening with a headline (long enough to pass for
        # prose, but no full stop) holds the page header; the body starts at its date or byline
        for i in range(s + 1, min(e - 1, s + S.DATELINE_LOOKAHEAD)):
            if lines[i].meta in ("date", "byline") and not lines[i].sentence and lines[i].cls != GOOD:
                return [(i, e)] + runs[1:]
    return runs


def _body_stems(lines: list[Line], runs: list[tuple[int, int]]) -> set[str]:
    """Content stems of the body runs, for the title's body share. A lede's dateline
    (`KOMPAS.com, JAKARTA -`) does not count: it would vouch for the masthead."""
    out: set[str] = set()
    for s, e in runs:
        for i in range(s, e):
            text = lines[i].text
            rest = without_dateline(text) if i == s else text
            out |= lines[i].stems if rest is text else sig.stems(sig.words(rest))
    return out


def _is_lede(line: Line) -> bool:
    return line.cls != BAD and line.n_words >= S.GOOD_MIN_WORDS and not line.meta \
        and opens_with_dateline(line.text)


def _runs_with_coherence(lines: list[Line]) -> tuple[list[tuple[int, int]], list[bool], int | None]:
    runs, off, title_i = _coherent_runs(lines)
    return _before_credits(lines, runs), off, title_i


def _coherent_runs(lines: list[Line]) -> tuple[list[tuple[int, int]], list[bool], int | None]:
    runs = _after_dateline(lines, body_runs([weight(l) for l in lines]))
    first = runs[0][0] if runs else len(lines)
    body_stems = _body_stems(lines, runs)
    title_i = pick_title(lines[:first], body_stems)
    title_stems = lines[title_i].stems if title_i is not None else set()
    core: Counter = Counter()
    core_ids = {i for s, e in runs for i in range(s, e) if lines[i].cls == GOOD}
    for i in core_ids:
        core.update(lines[i].stems)
    lede = lines[runs[0][0]] if runs else None
    if lede is not None and lede.cls == NEAR and opens_with_dateline(lede.text):
        # the lede sets the topic even when too dense with names to be prose (its
        # dateline `Liputan6.com, Pekalongan -` would vouch for the outlet's own promos)
        core_ids.add(runs[0][0])
        core.update(sig.stems(sig.words(without_dateline(lede.text))))
    off = [False] * len(lines)
    core_chars = sum(len(lines[i].text) for i in core_ids)
    if len(core) < S.COHERENCE_MIN_CORE_STEMS:
        return runs, off, title_i
    for i, l in enumerate(lines):
        if l.cls in (GOOD, NEAR) and len(l.stems) >= 4 and len(l.text) < S.COHERENCE_MAX_LINE_SHARE * core_chars:
            near = _near_stems(lines, i, core_ids)
            off[i] = coherence(l, core, title_stems, i in core_ids, near) < S.COHERENCE_MIN
    if any(off):
        runs = _after_dateline(lines, body_runs([weight(l, off[i]) for i, l in enumerate(lines)]))
        first2 = runs[0][0] if runs else len(lines)
        if first2 != first:
            title_i = pick_title(lines[:first2], body_stems)
    runs = _trim_tail_blocks(lines, runs, off, title_stems)
    return runs, off, title_i


def _before_credits(lines: list[Line], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Signal `before_credits`: the article's last sentences sit right above its reporter
    / editor lines (`Pewarta: …`, `Reporter: …`); one dense with names and figures, too
    poor in function words to be prose, still ends the body there."""
    if not runs:
        return runs
    s, e = runs[-1]
    j, n = e, 0
    while j < len(lines) and j - e < S.CREDITS_LOOKAHEAD and (
            lines[j].cls == BAD and not lines[j].meta or n < S.CREDITS_SENTENCE_LINES and _sentence_line(lines[j])):
        n += lines[j].cls != BAD
        j += 1
    if n and j < len(lines) and lines[j].meta in ("byline", "editor"):
        return runs[:-1] + [(s, j)]
    return runs


def _sentence_line(line: Line) -> bool:
    text = line.text.strip()
    return line.cls != BAD and not line.meta and line.n_words >= S.GOOD_MIN_WORDS and text[:1].isupper() \
        and text.endswith(".")


def _prose_blocks(lines: list[Line], runs: list[tuple[int, int]], off: list[bool]) -> list[tuple[int, int]]:
    """Stretches of consecutive prose (good/near, on topic) inside the body runs."""
    blocks = []
    for s, e in runs:
        start = None
        for i in range(s, e + 1):
            prose = i < e and lines[i].cls in (GOOD, NEAR) and not off[i]
            if prose and start is None:
                start = i
            elif not prose and start is not None:
                blocks.append((start, i))
                start = None
    return blocks


def block_coherence(lines: list[Line], block: tuple[int, int], rest: Counter, title_stems: set[str]) -> float:
    """Share of a block's content stems that the rest of the body or the title also uses."""
    stems = set().union(*(lines[i].stems for i in range(*block)))
    if not stems:
        return 1.0
    return sum(1 for x in stems if rest[x] > 0 or x in title_stems) / len(stems)


def _furniture_gap(lines: list[Line], s: int, e: int) -> bool:
    """Between two prose blocks: recognised furniture, or more than a subheading."""
    return e - s >= S.TAIL_GAP_MIN_LINES or any(lines[i].cls == BAD for i in range(s, e))


def _trim_tail_blocks(lines: list[Line], runs: list[tuple[int, int]], off: list[bool],
                      title_stems: set[str]) -> list[tuple[int, int]]:
    """Signal `tail_block`: after the article, past a gap of furniture (a link, a `Read
    more`, an award banner), come promos and calls to action written as prose. The last
    prose block goes while it is small next to the body and shares little with it;
    judged as a block, so its paragraphs cannot vouch for one another."""
    blocks = _prose_blocks(lines, runs, off)
    if len(blocks) < 2:
        return runs
    counts = [Counter() for _ in blocks]
    total: Counter = Counter()
    chars = []
    for b, (s, e) in enumerate(blocks):
        for i in range(s, e):
            counts[b].update(lines[i].stems)
        total.update(counts[b])
        chars.append(sum(len(lines[i].text) for i in range(s, e)))
    body_chars = sum(chars)
    cut = None
    while len(blocks) - (0 if cut is None else len(blocks) - cut) >= 2:
        b = (len(blocks) if cut is None else cut) - 1
        if len(blocks) - b > S.TAIL_BLOCK_MAX_BLOCKS or not _furniture_gap(lines, blocks[b - 1][1], blocks[b][0]):
            break
        if chars[b] > S.TAIL_BLOCK_MAX_SHARE * (body_chars - chars[b]) and not (
            chars[b] <= S.TAIL_CTA_MAX_SHARE * (body_chars - chars[b]) and sig.is_call_to_action(lines[blocks[b][0]].text)
        ):
            break
        rest = total - counts[b]
        cta = sig.is_call_to_action(lines[blocks[b][0]].text)
        if not cta and block_coherence(lines, blocks[b], rest, title_stems) >= S.TAIL_BLOCK_COHERENCE_MIN:
            break
        total, body_chars, cut = rest, body_chars - chars[b], b
    if cut is None:
        return runs
    end = blocks[cut - 1][1]  # the body now ends with the last block kept
    return [(s, min(e, end)) for s, e in runs if s < end]


def _is_related_headline(line: Line, title_stems: set[str], next_line: Line | None) -> bool:
    """A Title Case headline of another story injected between paragraphs: unlike a
    subheading it shares few words with the title and with the paragraph after it."""
    if next_line is not None and len(line.stems & next_line.stems) >= S.HEADLINE_NEXT_SHARED:
        return False
    if line.cls == GOOD or line.n_words < S.HEADLINE_MIN_WORDS or line.text.rstrip().endswith("."):
        return False
    if line.title_case < 0.99:
        return False
    return sig.share_in(line.stems, title_stems) < S.HEADLINE_TITLE_SHARE


def _cites_title(line: Line, title_key: str | None) -> bool:
    """Signal `cites_title`: a line at the end of the body that quotes the whole headline
    and more is a syndication or share note (`Artikel ini telah tayang di … dengan judul <headline>`)."""
    return bool(title_key) and len(title_key.split()) >= S.CITES_TITLE_MIN_WORDS and title_key in line.key \
        and line.key != title_key


def _label_body(lines: list[Line], s: int, e: int, title_stems: set[str], first_run: bool,
                title_key: str | None = None) -> list[ZoneLine]:
    zones: list[ZoneLine] = []
    seen_prose = not first_run
    for i in range(s, e):
        l = lines[i]
        nxt = next((lines[j] for j in range(i + 1, min(e, i + 3)) if lines[j].cls in (GOOD, NEAR)), None)
        if l.cls == BAD:
            zones.append(ZoneLine(l.no, l.text, DROPPED, l.reason))
        elif l.meta and (not seen_prose or l.meta != "date"):
            zones.append(ZoneLine(l.no, l.text, META, l.meta))
        elif seen_prose and any(z.zone == BODY for z in zones) and i >= e - S.CITES_TITLE_TAIL_LINES \
                and _cites_title(l, title_key):
            zones.append(ZoneLine(l.no, l.text, DROPPED, "cites_title"))
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
    title_key = sig.normalise(strip_site_suffix(lines[title_i].text)) if title_i is not None else None
    end_prev = first
    for s, e in runs:
        for i in range(end_prev, s):  # between two runs
            zones.append(ZoneLine(lines[i].no, lines[i].text, DROPPED, lines[i].reason or "outside_body"))
        zones += _label_body(lines, s, e, title_stems, s == first, title_key if (s, e) == runs[-1] else None)
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
