"""Plain-text page dumps: label every line title / meta / body / dropped.

Steps: line signals and classes (lines.py), the body runs (region.py), topical
coherence of each stretch of prose with the title and the core body (coherence.py),
other stories' teasers (teasers.py), where the article ends although prose goes on
(endblocks.py), lists closing it (lists.py), then the head (head.py) and the tail. If
nothing is left as body, the largest stretch of prose is (never lose an article).
"""
from __future__ import annotations

import re
from collections import Counter

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.coherence import prose_stretches, shares_names, stretch_coherence
from kabar.clean.endblocks import end_blocks
from kabar.clean.head import label_head
from kabar.clean.lines import BAD, GOOD, NEAR, Line, read_lines
from kabar.clean.lists import announced_list_end, closing_data_end, labelled, line_shape, list_heading, list_item
from kabar.clean.phrases import read_also_pattern
from kabar.clean.region import body_runs, weight
from kabar.clean.teasers import drop_second_ledes, mark_teasers
from kabar.enrich.dateline import opens_with_dateline, without_dateline
from kabar.enrich.title import pick_title, strip_site_suffix
from kabar.record import BODY, DROPPED, META, TITLE, ZoneLine


def _after_dateline(lines: list[Line], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dateline-only line (`Moskow -`) opens the body: what the first run holds before it
    (photo captions, a lead image's English credit) belongs to the head."""
    if not runs:
        return runs
    runs = _lede_under_header(lines, runs)
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


def _lede_under_header(lines: list[Line], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Signal `lede_under_header`: a short article (one or two sentences) loses the best run
    to a larger block below it (a teaser, a promo). A sentence opening with its dateline
    (`JAKARTA (Pos Kota) – …`), or holding the headline's words, right under the date or
    byline line is the article's lede:
    the body starts there; and when the outlet's editor code (`(pdy/syb)`) closes it, the
    article ends there, what follows the code being other stories."""
    s = runs[0][0]
    for i in range(max(1, s - S.LEDE_LOOKBACK_LINES), s):
        l = lines[i]
        if l.cls == BAD or l.meta or l.n_words < S.NEAR_MIN_WORDS or not l.sentence:
            continue
        header = [j for j in range(max(0, i - S.LEDE_HEADER_LINES), i) if lines[j].meta in ("date", "byline")]
        if not header or not (opens_with_dateline(l.text) or _tells_headline_above(lines, header[0], l)):
            continue
        e = i + 1
        while e < s and lines[e].cls in (GOOD, NEAR) and not lines[e].meta:
            e += 1
        k = e
        while k < s and lines[k].cls == BAD and not lines[k].meta:
            k += 1
        if k < s and lines[k].meta == "editor":
            return [(i, e)]
        return [(i, e)] + runs
    return runs


def _tells_headline_above(lines: list[Line], at: int, lede: Line) -> bool:
    """The line right above the header data is a headline whose words the sentence holds."""
    j = at - 1
    while j >= 0 and lines[j].meta:
        j -= 1
    if j < 0 or lines[j].sentence or lines[j].cls == GOOD or len(lines[j].stems) < S.LEDE_TITLE_MIN_STEMS:
        return False
    return sig.share_in(lines[j].stems, lede.stems) >= S.LEDE_TITLE_SHARE


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
    return _before_credits(lines, end_blocks(lines, runs, off), off), off, title_i


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
    for s, e, teaser in _split_after_teaser(lines, prose_stretches(lines)):
        if sum(len(lines[i].text) for i in range(s, e)) < S.COHERENCE_MAX_LINE_SHARE * core_chars:
            if stretch_coherence(lines, s, e, core, core_ids, title_stems) < S.COHERENCE_MIN \
                    and not shares_names(lines, s, e, core_ids, title_stems) and not _tells_headline(lines, s, e, title_stems) \
                    and not _continues_above(lines, s, e, off) and not _under_header(lines, s):
                off[s:e] = [True] * (e - s)
                if teaser:  # another story's headline and its paragraph, with the article going on below
                    lines[s - 1].cls, lines[s - 1].reason = BAD, "teaser_headline"
                    lines[s].cls, lines[s].reason = BAD, "teaser"

    mark_teasers(lines, off, core, core_ids, title_stems)
    if any(off):
        runs = _after_dateline(lines, body_runs([weight(l, off[i]) for i, l in enumerate(lines)]))
        first2 = runs[0][0] if runs else len(lines)
        if first2 != first:
            title_i = pick_title(lines[:first2], body_stems)
    runs = _trim_tail_blocks(lines, runs, off, title_stems)
    return runs, off, title_i


def _continues_above(lines: list[Line], s: int, e: int, off: list[bool]) -> bool:
    """Signal `continues_above`: a stretch naming a person or place that the paragraph right
    above it names (past a piece of furniture, not past a headline) carries on its story;
    signal `past_read_also`: a stretch right under the article's paragraphs past nothing but
    read-also links (`Tonton juga video: …`) has no headline of its own, as another story's
    teaser has: it goes on with the article."""
    j = s - 1
    while j >= 0 and s - j <= S.CONTINUE_GAP_LINES and lines[j].cls == BAD:
        j -= 1
    if j >= 0 and lines[j].cls in (GOOD, NEAR) and not off[j]:
        own = set().union(*(lines[i].names for i in range(s, e)))
        if len(own & lines[j].names) >= S.CONTINUE_SHARED_NAMES:
            return True
    j = s - 1
    while j >= 0 and s - j <= S.READ_ALSO_GAP_LINES and _read_also_link(lines[j]):
        j -= 1
    if s - j > 1 and j >= 0 and lines[j].cls == GOOD and not off[j] and lines[s].cls == GOOD:
        return True
    return _past_furniture(lines, s, off) or _past_teaser(lines, s, off)


def _under_header(lines: list[Line], s: int) -> bool:
    """Signal `lede_under_header`: the first prose right under the page's byline or date line
    (past a caption or a share button) is the article's lede, whatever words it uses."""
    for j in range(s - 1, max(-1, s - 1 - S.LEDE_HEADER_LINES), -1):
        if lines[j].meta in ("date", "byline"):
            return True
        if lines[j].cls in (GOOD, NEAR) or lines[j].meta or _headline_shaped(lines[j]):
            return False
    return False


def _split_after_teaser(lines: list[Line], stretches: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """A teaser is another story's headline with one paragraph: under a headline-shaped
    line between the article's paragraphs, the paragraphs after the first are judged on
    their own (the article going on). (start, end, is the possible teaser)"""
    out = []
    for s, e in stretches:
        if e - s > 1 and s > 0 and lines[s - 1].cls != BAD and _headline_shaped(lines[s - 1]) \
                and len(lines[s - 1].stems & lines[s].stems) >= S.HEADLINE_NEXT_SHARED \
                and _prose_above(lines, s - 1) is not None:
            out += [(s, s + 1, True), (s + 1, e, False)]
        else:
            out.append((s, e, False))
    return out


def _past_teaser(lines: list[Line], s: int, off: list[bool]) -> bool:
    """Signal `past_teaser`: prose right under another story's teaser (its headline and one
    paragraph) printed between the article's paragraphs goes on with the article."""
    t = s - 1
    if t < 1 or not off[t] or lines[t].cls not in (GOOD, NEAR) or not _headline_shaped(lines[t - 1]):
        return False
    j = _prose_above(lines, t - 1)
    return j is not None and not off[j] and lines[s].cls in (GOOD, NEAR)


def _prose_above(lines: list[Line], k: int) -> int | None:
    """The paragraph of prose right above line k, past at most a little furniture."""
    j = k - 1
    while j >= 0 and k - j <= S.FURNITURE_GAP_LINES and lines[j].cls == BAD and not lines[j].meta:
        j -= 1
    return j if j >= 0 and lines[j].cls == GOOD else None


def _past_furniture(lines: list[Line], s: int, off: list[bool]) -> bool:
    """Signal `past_furniture`: a paragraph of prose right under the article's paragraph past
    a little furniture (a photo caption, an ad slot, a video link) goes on with the article.
    Another story's teaser is announced by its own headline: a bare headline-shaped line
    right above the stretch is one, a caption (however headline-like) is not."""
    if lines[s].cls not in (GOOD, NEAR):
        return False
    j = _prose_above(lines, s)
    return j is not None and s - j > 1 and not off[j] and not _headline_shaped(lines[s - 1])


def _headline_shaped(line: Line) -> bool:
    """A teaser's headline: Title Case, no full stop, not a caption (`… (Ist)`) or a `Label: …` link."""
    text = line.text.rstrip()
    if line.reason in ("caption", "duplicate") or ":" in text or line.n_words < S.HEADLINE_MIN_WORDS \
            or ". " in text or text.endswith((".", ")")):
        return False
    return line.title_case >= S.HEADLINE_CASE_SHARE


def _read_also_link(line: Line) -> bool:
    """A read-also line with its headline on it (`Baca juga: …`, `Tonton juga video: …`)."""
    head, colon, rest = line.text.partition(":")
    return line.cls == BAD and bool(colon and rest.strip()) and bool(read_also_pattern().match(head.strip() + ":"))


def _tells_headline(lines: list[Line], s: int, e: int, title_stems: set[str]) -> bool:
    """Signal `tells_headline`: a stretch of prose holding most of the headline's words
    (`Arema vs Persija` → `Arema FC … imbang 1-1 dengan Persija …`) is the story the
    headline announces, its lede, however few other words it shares with the body."""
    if len(title_stems) < S.LEDE_TITLE_MIN_STEMS:
        return False
    stems = set().union(*(lines[i].stems for i in range(s, e)))
    return sig.share_in(title_stems, stems) >= S.LEDE_TITLE_SHARE


def _before_credits(lines: list[Line], runs: list[tuple[int, int]], off: list[bool]) -> list[tuple[int, int]]:
    """Signal `before_credits`: the article's last sentences sit right above its reporter
    / editor lines (`Pewarta: …`, `Reporter: …`); one dense with names and figures, too
    poor in function words to be prose, still ends the body there."""
    if not runs:
        return runs
    s, e = runs[-1]
    j, n = e, 0
    while j < len(lines) and j - e < S.CREDITS_LOOKAHEAD and (
            lines[j].cls == BAD and not lines[j].meta or n < S.CREDITS_SENTENCE_LINES and _sentence_line(lines[j])
            or list_item(lines[j]) or list_heading(lines, j)):
        n += lines[j].cls != BAD
        j += 1
    if n and j < len(lines) and lines[j].meta in ("byline", "editor"):
        return runs[:-1] + [(s, j)]
    return runs[:-1] + [(s, _closing_end(lines, runs, e, off))]


def _closing_end(lines: list[Line], runs: list[tuple[int, int]], e: int, off: list[bool]) -> int:
    """Where the article ends under its last paragraph: announced lists, rows of closing data
    and closing sentences, in any order (`Berikut hasil lengkap …` closing the prose, then
    the scores)."""
    while True:
        end = _closing_sentences(lines, closing_data_end(lines, runs, announced_list_end(lines, e), off))
        if end == e:
            return e
        e = end


def _closing_sentences(lines: list[Line], e: int) -> int:
    """Signal `closing_sentence`: a short sentence right under the last paragraph (`Laga
    semifinal akan digelar pada Jumat (8/9/2017).`) still closes the article, a date in it
    or not; furniture is no sentence."""
    j, n = e, 0
    while j < len(lines) and n < S.CLOSING_SENTENCE_LINES:
        if _closing_line(lines[j]):
            j, n = j + 1, n + 1
            continue
        k = j
        while k < len(lines) and k - j < S.FURNITURE_GAP_LINES and lines[k].cls == BAD and not lines[k].meta:
            k += 1  # a read-also link or an ad slot (`ADVERTISEMENT`, `SCROLL TO CONTINUE…`) above the closing sentence
        if k == j or k >= len(lines) or not _closing_line(lines[k]) or lines[k].cls == GOOD:
            break
        j = k
    return j


_SENTENCE_END = (".", "?", "!", '."', ".”", '?"', "?”", '!"', "!”")


def _ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def _closing_line(line: Line) -> bool:
    text = line.text.strip()
    return line.cls != BAD and line.meta in ("", "date") and not line.reason and text.lstrip("*† ")[:1].isupper() \
        and _ends_sentence(text) and line.n_words >= S.CLOSING_SENTENCE_MIN_WORDS


def _sentence_line(line: Line) -> bool:
    """A sentence, or a line of dialogue (`"Tidak pernah," jawab Setnov.`): capitalised, closed
    as a sentence."""
    text = line.text.strip()
    quoted = text[:1] in "\"“" and line.n_words >= S.DIALOGUE_MIN_WORDS
    return line.cls != BAD and not line.meta and (line.n_words >= S.GOOD_MIN_WORDS or quoted) \
        and text.lstrip("\"“")[:1].isupper() and _ends_sentence(text)


def _prose_blocks(lines: list[Line], runs: list[tuple[int, int]], off: list[bool]) -> list[tuple[int, int]]:
    """Stretches of consecutive prose (good/near, on topic) inside the body runs."""
    return [b for s, e in runs for b in prose_stretches(lines, s, e, off)]


def block_coherence(lines: list[Line], block: tuple[int, int], rest: Counter, title_stems: set[str]) -> float:
    """Share of a block's content stems that the rest of the body or the title also uses."""
    stems = set().union(*(lines[i].stems for i in range(*block)))
    if not stems:
        return 1.0
    return sum(1 for x in stems if rest[x] > 0 or x in title_stems) / len(stems)


def _inner_gaps(lines: list[Line], blocks: list[tuple[int, int]]) -> list[set[str]]:
    """For each block, the forms of the lines between the blocks above it (the article's own
    in-article furniture and numbered subheadings)."""
    out, seen = [], set()
    for b, (s, e) in enumerate(blocks):
        out.append(set(seen))
        if b + 1 < len(blocks):
            seen |= {_gap_form(lines[i]) for i in range(e, blocks[b + 1][0])}
    return out


def _gap_form(line: Line) -> str:
    """A line as it recurs between paragraphs: by its text, or a numbered subheading
    (`6. Merasa Mual`, `7. Merasa Depresi`) by its form."""
    if line.cls in (BAD, GOOD, NEAR) or not any(t[0].isdigit() for t in line.low):
        return "line:" + line.key
    return "form:" + line_shape(line.text.strip())


def _furniture_gap(lines: list[Line], s: int, e: int, inner: set[str] = frozenset()) -> bool:
    """Between two prose blocks: recognised furniture, or more than a subheading. Read-also
    links alone (`Baca juga:` and its headlines), and one short marker line that recurs on
    the outlet's pages, are printed inside the article: the prose below goes on with it."""
    label = read_also_pattern()
    if all(lines[i].reason == "read_also" or label.match(lines[i].text.split(":", 1)[0].strip() + ":")
           for i in range(s, e)):
        return False
    if e - s == 1 and lines[s].reason == "template" and lines[s].n_words <= S.MARKER_MAX_WORDS:
        return False  # a marker the outlet prints inside every article (`Lanjutkan Membaca`): the article goes on
    if e - s == 1 and lines[s].cls == BAD and 0 < lines[s].n_words <= S.AD_MARKER_MAX_WORDS \
            and lines[s].low[0].isalpha() and not sig.is_call_to_action(lines[s].text):
        return False  # a one-word ad slot (`ADVERTISEMENT`, `Iklan`) sits between paragraphs, not after the article
    if all(_gap_form(lines[i]) in inner for i in range(s, e)) and any(lines[i].cls == BAD for i in range(s, e)):
        return False  # signal `repeated_gap`: the markers (and numbered subheadings) printed between its paragraphs
    if any(_next_numbered(lines, i) for i in range(s, e)):
        return False  # signal `numbering_goes_on`: `7. Merasa Depresi` after the body's `6. …`: the article's own list
    return e - s >= S.TAIL_GAP_MIN_LINES or any(lines[i].cls == BAD for i in range(s, e))


def _next_numbered(lines: list[Line], i: int) -> bool:
    """A numbered subheading whose number follows one a little above it (`6.` … `7.`), and
    is not printed above already (a repeat is a link to that section)."""
    m = _NUMBER.match(lines[i].text)
    if not m or lines[i].cls in (GOOD, NEAR):
        return False
    above = {p.group(1) for j in range(max(0, i - S.NUMBERING_LOOKBACK_LINES), i) if (p := _NUMBER.match(lines[j].text))}
    return f"{int(m.group(1)) - 1}" in above and m.group(1) not in above


_NUMBER = re.compile(r"^\W{0,2}(\d{1,2})\s*[.)]\s*\S")


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
    inner = _inner_gaps(lines, blocks)
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
        if len(blocks) - b > S.TAIL_BLOCK_MAX_BLOCKS or not _furniture_gap(lines, blocks[b - 1][1], blocks[b][0], inner[b - 1]):
            break
        if chars[b] > S.TAIL_BLOCK_MAX_SHARE * (body_chars - chars[b]) and not (
            chars[b] <= S.TAIL_CTA_MAX_SHARE * (body_chars - chars[b]) and sig.is_call_to_action(lines[blocks[b][0]].text)
        ):
            break
        rest = total - counts[b]
        cta = sig.is_call_to_action(lines[blocks[b][0]].text)
        if not cta and (block_coherence(lines, blocks[b], rest, title_stems) >= S.TAIL_BLOCK_COHERENCE_MIN
                        or shares_names(lines, *blocks[b], body_ids, title_stems, S.TAIL_BLOCK_SHARED_NAMES)
                        or _continues_above(lines, *blocks[b], off)
                        or any(sig.continues_prose(lines[i].text) for i in range(*blocks[b]))):
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
    if line.cls == GOOD or line.n_words < S.HEADLINE_MIN_WORDS or line.text.rstrip().endswith(".") or labelled(line):
        return False  # a `Label: …` row (`Cadangan: 27 Dede …`) is data, not a headline
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
        elif l.reason == "closing_data":
            zones.append(ZoneLine(l.no, l.text, BODY, l.reason))
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
    drop_second_ledes(lines, zones)
    if not any(z.zone == BODY for z in zones):
        _keep_best_prose(lines, zones)
    return zones, title


def _keep_best_prose(lines: list[Line], zones: list[ZoneLine]) -> None:
    """Signal `best_prose_block`: never lose an article to the cleaner. When nothing was
    left as body (a one-paragraph article among heavy furniture), the largest stretch of
    prose lines is the body, or with none the longest sentence; a page with no sentence at
    all stays empty."""
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
    if best is None:  # no prose line at all: a one-sentence article dense with names and figures
        sentences = [i for i, l in enumerate(lines) if l.sentence and l.cls != BAD and not l.meta
                     and l.n_words >= S.GOOD_MIN_WORDS and zones[at[l.no]].zone != TITLE]
        if sentences:
            i = max(sentences, key=lambda k: len(lines[k].text))
            best = (i, i + 1)
    if best:
        for i in range(*best):
            k = at[lines[i].no]
            zones[k] = ZoneLine(lines[i].no, lines[i].text, BODY, "best_prose_block")
