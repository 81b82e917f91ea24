"""Where the article ends although prose goes on: comment threads, author boxes, newsletter
and cookie notices, forms, related lists and card lists (headings in end-blocks.txt)."""
from __future__ import annotations

from kabar.clean import settings as S
from kabar.clean.lines import BAD, GOOD, NEAR, Line
from kabar.clean.phrases import end_block_kind, is_bio_sentence


def end_blocks(lines: list[Line], runs: list[tuple[int, int]], off: list[bool]) -> list[tuple[int, int]]:
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
