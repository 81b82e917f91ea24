"""Plain-text page dumps: label every line title / meta / body / dropped.

Steps: line signals and classes (lines.py), the body runs (region.py), topical
coherence with the title and the core body (drops off-topic edges, injected related
headlines and their teaser paragraphs), then the head (head.py) and the tail.
"""
from __future__ import annotations

import re
from collections import Counter

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.head import label_head
from kabar.clean.lines import BAD, GOOD, NEAR, Line, read_lines
from kabar.clean.phrases import end_block_kind, is_bio_sentence, read_also_pattern
from kabar.clean.region import NUMBERED, body_runs, weight
from kabar.enrich.dateline import opens_with_dateline, without_dateline
from kabar.enrich.outlet import is_masthead
from kabar.enrich.title import pick_title, strip_site_suffix
from kabar.record import BODY, DROPPED, META, TITLE, ZoneLine


def _prose_stretches(lines: list[Line]) -> list[tuple[int, int]]:
    """Consecutive prose lines (good/near): an article's paragraphs between two pieces of
    furniture, or a teaser's paragraphs, judged together."""
    out, start = [], None
    for i, l in enumerate(lines + [None]):
        prose = l is not None and l.cls in (GOOD, NEAR)
        if prose and start is None:
            start = i
        elif not prose and start is not None:
            out.append((start, i))
            start = None
    return out


def _stretch_coherence(lines: list[Line], s: int, e: int, core: Counter, core_ids: set[int],
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


def _mark_teasers(lines: list[Line], off: list[bool], core: Counter, core_ids: set[int],
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
        if _stretch_coherence(lines, i + 1, i + 2, core, core_ids, title_stems) < S.COHERENCE_MIN \
                and not _shares_names(lines, i + 1, i + 2, core_ids, title_stems):
            h.cls, h.reason = BAD, "teaser_headline"
            p.cls, p.reason = BAD, "teaser"
            off[i + 1] = True


def _shares_names(lines: list[Line], s: int, e: int, core_ids: set[int], title_stems: set[str],
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
    return _before_credits(lines, _end_blocks(lines, runs, off)), off, title_i


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
    for s, e in _prose_stretches(lines):
        if sum(len(lines[i].text) for i in range(s, e)) < S.COHERENCE_MAX_LINE_SHARE * core_chars:
            if _stretch_coherence(lines, s, e, core, core_ids, title_stems) < S.COHERENCE_MIN \
                    and not _shares_names(lines, s, e, core_ids, title_stems):
                off[s:e] = [True] * (e - s)

    _mark_teasers(lines, off, core, core_ids, title_stems)
    if any(off):
        runs = _after_dateline(lines, body_runs([weight(l, off[i]) for i, l in enumerate(lines)]))
        first2 = runs[0][0] if runs else len(lines)
        if first2 != first:
            title_i = pick_title(lines[:first2], body_stems)
    runs = _trim_tail_blocks(lines, runs, off, title_stems)
    return runs, off, title_i


def _end_blocks(lines: list[Line], runs: list[tuple[int, int]], off: list[bool]) -> list[tuple[int, int]]:
    """Signal `end_block:<kind>`: a heading that opens a comment thread, an author box, a
    newsletter or cookie notice, a form or a related list (end-blocks.txt) ends the body,
    once enough of the article's prose sits above it and less follows it (else the
    article goes on below a sidebar); what follows goes with that reason."""
    prose, kinds = {}, {}
    for s, e in runs:
        for i in range(s, e):
            line = lines[i]
            if line.cls in (GOOD, NEAR) and not off[i]:
                prose[i] = len(line.text)
            elif len(line.low) <= S.END_BLOCK_HEADING_MAX_WORDS:  # headings are short (and may be known furniture)
                kind = end_block_kind(line.text)
                if kind:
                    kinds[i] = kind
    tail = [i for s, e in runs for i in range(s, e) if i in prose][-S.BIO_TAIL_LINES:]
    for i in tail:  # signal `end_block:author_bio` without a heading: a bio sentence closing the body
        if len(lines[i].low) <= S.BIO_MAX_WORDS and is_bio_sentence(lines[i].text):
            kinds.setdefault(i, "author_bio")
            break
    total = sum(prose.values())
    marks = [i for i, k in kinds.items() if k == "comment_mark"]
    cards = _card_list_start(lines, runs)
    above = 0
    for s, e in runs:
        for i in range(s, e):
            if i == cards and above >= S.END_BLOCK_MIN_CHARS and total - above <= S.END_BLOCK_MAX_AFTER * above:
                return _cut_at(lines, runs, i, "cards")
            kind = kinds.get(i)
            if kind and above >= S.END_BLOCK_MIN_CHARS:
                thread = kind == "comment_mark" and sum(1 for j in marks if j >= i) >= S.THREAD_MIN_MARKS
                if thread or kind != "comment_mark" and total - above <= S.END_BLOCK_MAX_AFTER * above:
                    return _cut_at(lines, runs, i, "comments" if thread else kind)
            above += prose.get(i, 0)
    return runs


def _card_list_start(lines: list[Line], runs: list[tuple[int, int]]) -> int | None:
    """Signal `end_block:cards`: a short button line printed after every item of a list
    (`LEARN MORE`, `View Deal`, `Read more`) makes the list a row of cards (headline,
    blurb, button) linking elsewhere; the list starts one card above its first button."""
    at: dict[str, list[int]] = {}
    if not runs:
        return None
    for i in range(runs[0][0], min(len(lines), runs[-1][1] + S.CARD_MAX_LINES)):  # the last card may lie past the run
        if lines[i].cls not in (GOOD, BAD) and 0 < lines[i].n_words <= S.CARD_BUTTON_MAX_WORDS and not lines[i].meta:
            at.setdefault(lines[i].key, []).append(i)
    starts = []
    for ix in at.values():
        gaps = [b - a for a, b in zip(ix, ix[1:])]
        # evenly spaced, a few lines apart: a button every line is a menu; far apart, a refrain
        if len(ix) >= S.CARD_MIN_ITEMS and 2 <= min(gaps) and max(gaps) - min(gaps) <= 1 and max(gaps) <= S.CARD_MAX_LINES:
            starts.append(ix[0] - min(gaps) + 1)
    return min(starts) if starts else None


def _cut_at(lines: list[Line], runs: list[tuple[int, int]], i: int, kind: str) -> list[tuple[int, int]]:
    reason = f"end_block:{kind}"
    for j in range(i, len(lines)):
        if lines[j].cls != BAD:
            lines[j].reason = lines[j].reason or reason
    lines[i].cls, lines[i].reason = BAD, reason
    return [(a, min(b, i)) for a, b in runs if a < i]


def _before_credits(lines: list[Line], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Signal `before_credits`: the article's last sentences sit right above its reporter
    / editor lines (`Pewarta: …`, `Reporter: …`); one dense with names and figures, too
    poor in function words to be prose, still ends the body there."""
    if not runs:
        return runs
    s, e = runs[-1]
    j, n = e, 0
    while j < len(lines) and j - e < S.CREDITS_LOOKAHEAD and (
            lines[j].cls == BAD and not lines[j].meta or n < S.CREDITS_SENTENCE_LINES and _sentence_line(lines[j])
            or _list_item(lines[j]) or _list_heading(lines, j)):
        n += lines[j].cls != BAD
        j += 1
    if n and j < len(lines) and lines[j].meta in ("byline", "editor"):
        return runs[:-1] + [(s, j)]
    return runs[:-1] + [(s, _announced_list_end(lines, e))]


def _announced_list_end(lines: list[Line], e: int) -> int:
    """Signal `announced_list`: a last paragraph ending in a colon (`Berikut data jumlah
    penumpang …:`) announces a list; its items (in-article furniture may sit between)
    belong to the body."""
    last = e - 1
    while last >= 0 and lines[last].cls == BAD:
        last -= 1
    if last < 0 or lines[last].cls not in (GOOD, NEAR) or not lines[last].text.rstrip().endswith(":"):
        return e
    end, items, j = e, 0, e
    while j < len(lines) and (lines[j].cls == BAD and not lines[j].meta or _list_item(lines[j]) or _list_heading(lines, j)):
        if lines[j].cls != BAD:
            items, end = items + 1, j + 1
        j += 1
    return end if items >= S.LIST_MIN_ITEMS else e


def _list_heading(lines: list[Line], j: int) -> bool:
    """A short heading right above a list item (`Pemenang Liga Champions Tertua`)."""
    line = lines[j]
    return line.cls != BAD and not line.meta and j + 1 < len(lines) and _list_item(lines[j + 1])


def _list_item(line: Line) -> bool:
    """Signal `list_item`: a short line of data closing an article (`1. Mancanegara: 86
    orang`, `Ryan Giggs: Barcelona 3-1 Manchester United, 28/05/2011`): numbered, or a
    `label: value` pair, or figures; not a headline of another story."""
    if line.cls == BAD or line.meta in ("byline", "editor", "dateline"):
        return False
    text = line.text.strip()
    return bool(NUMBERED.match(text)) or ":" in text[:-1] or any(c.isdigit() for c in text) and not line.title_case >= 1.0


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
    """Between two prose blocks: recognised furniture, or more than a subheading. Read-also
    links alone (`Baca juga:` and its headlines) are printed inside the article: the
    prose below them goes on with it."""
    label = read_also_pattern()
    if all(lines[i].reason == "read_also" or label.match(lines[i].text.split(":", 1)[0].strip() + ":")
           for i in range(s, e)):
        return False
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
    body_ids = {i for s, e in blocks for i in range(s, e)}
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
        if not cta and (block_coherence(lines, blocks[b], rest, title_stems) >= S.TAIL_BLOCK_COHERENCE_MIN
                        or _shares_names(lines, *blocks[b], body_ids, title_stems, S.TAIL_BLOCK_SHARED_NAMES)):
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
    _drop_second_ledes(lines, zones)
    if not any(z.zone == BODY for z in zones):
        _keep_best_prose(lines, zones)
    return zones, title


def _drop_second_ledes(lines: list[Line], zones: list[ZoneLine]) -> None:
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


def _keep_best_prose(lines: list[Line], zones: list[ZoneLine]) -> None:
    """Signal `best_prose_block`: never lose an article to the cleaner. When nothing was
    left as body (a one-paragraph article among heavy furniture), the largest stretch of
    prose lines is the body; a page with no prose at all stays empty."""
    at = {z.line_no: k for k, z in enumerate(zones)}
    best, best_chars, start, chars = None, 0, None, 0
    for i, l in enumerate(lines + [None]):
        prose = l is not None and l.cls in (GOOD, NEAR) and not l.meta and zones[at[l.no]].zone != TITLE
        if prose:
            start = i if start is None else start
            chars += len(l.text)
        elif start is not None:
            if chars > best_chars:
                best, best_chars = (start, i), chars
            start, chars = None, 0
    if best:
        for i in range(*best):
            k = at[lines[i].no]
            zones[k] = ZoneLine(lines[i].no, lines[i].text, BODY, "best_prose_block")
