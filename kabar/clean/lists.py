"""Lists closing an article (data rows, lineups, numbered items) belong to its body."""
from __future__ import annotations

import re

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.lines import BAD, GOOD, NEAR, Line
from kabar.clean.phrases import read_also_pattern
from kabar.clean.region import NUMBERED


def announced_list_end(lines: list[Line], e: int) -> int:
    """Signal `announced_list`: a last paragraph ending in a colon (`Berikut data jumlah
    penumpang …:`) announces a list; its items (in-article furniture may sit between)
    belong to the body."""
    last = e - 1
    while last >= 0 and lines[last].cls == BAD:
        last -= 1
    if last < 0 or lines[last].cls not in (GOOD, NEAR) or not lines[last].text.rstrip().endswith(":"):
        return e
    end, items, j = e, 0, e
    while j < len(lines) and (lines[j].cls == BAD and not lines[j].meta or list_item(lines[j]) or list_heading(lines, j)):
        if lines[j].cls != BAD:
            items, end = items + 1, j + 1
        j += 1
    return end if items >= S.LIST_MIN_ITEMS else e


def list_heading(lines: list[Line], j: int) -> bool:
    """A short heading right above a list item (`Pemenang Liga Champions Tertua`)."""
    line = lines[j]
    return line.cls != BAD and not line.meta and j + 1 < len(lines) and list_item(lines[j + 1])


def list_item(line: Line) -> bool:
    """Signal `list_item`: a short line of data closing an article (`1. Mancanegara: 86
    orang`, `Ryan Giggs: Barcelona 3-1 Manchester United, 28/05/2011`): numbered, or a
    `label: value` pair, or figures; not a headline of another story."""
    if line.cls == BAD or line.meta in ("byline", "editor", "dateline"):
        return False
    text = line.text.strip()
    return bool(NUMBERED.match(text)) or ":" in text[:-1] or any(c.isdigit() for c in text) and not line.title_case >= 1.0


_DIGIT = re.compile(r"\d")
_LINK = re.compile(r"https?://|www\.", re.I)
_FIGURES = re.compile(r"\d+(?:[-–.,/:]\d+)*")
_WORDS = re.compile(r"[^\W\d_]+(?:[\s'’.&-]+[^\W\d_]+)*")


def line_shape(text: str) -> str:
    """The form of a data line with its words and figures blanked (`Level 1: Grand Prix` →
    `a9:a`, `Indiana Pacers 120-95 Miami Heat` → `a9a`): rows of one table share it."""
    shape = _WORDS.sub("a", _FIGURES.sub("9", text))
    return "".join(shape.split())[: S.SHAPE_PREFIX_CHARS]


def _data_shape(line: Line) -> str | None:
    """The shape of a line that can be a row of closing data: not prose, with figures or a
    `label:`; None for anything else (prose, header data, furniture)."""
    if line.cls in (BAD, GOOD) or line.meta or line.reason not in ("", "closing_data"):
        return None
    text = line.text.strip()
    if ":" not in text and not _DIGIT.search(text) or _LINK.search(text):
        return None  # no data; a reference list of links is the page's apparatus, not the article's data
    if read_also_pattern().match(text.split(":", 1)[0].strip() + ":"):
        return None  # `Related: …`, `Baca juga: …` name another story
    shape = line_shape(text)
    return shape if len(shape) >= S.SHAPE_MIN_CHARS else None


def _lineup_row(line: Line) -> bool:
    """A long `Label: value` row under a heading (`Liverpool (4-3-3): Mignolet; …`): prose-long, no sentence."""
    return line.cls == GOOD and not line.meta and not line.sentence and labelled(line)


def labelled(line: Line) -> bool:
    """A `Label: value` line (`Pelatih: Emral Abus`, `Napoli (4-3-3): Reina; …`)."""
    label, colon, _ = line.text.partition(":")
    return bool(colon) and 0 < len(label.split()) <= S.DATA_HEADING_MAX_WORDS and not sig.ends_sentence(label)


def closing_data_end(lines: list[Line], runs: list[tuple[int, int]], e: int, off: list[bool] | None = None) -> int:
    """Signal `closing_data`: rows of data under the last paragraph (a line-up's `Pelatih:` /
    `Wasit:` lines, a list of scores, `Level 1: …` rows) belong to the body when they repeat
    the form of a row the body already holds, or when several rows in a row share one form
    (fewer under a heading ending in a colon, `Susunan Pemain:`); furniture may sit between
    them, a short heading above them, and another story's teaser (an off-topic paragraph
    with its headline)."""
    rows: list[tuple[int, str]] = []
    teaser: list[int] = []
    j, gap, announced, headed = e, 0, False, False
    while j < len(lines) and gap <= S.DATA_GAP_LINES:
        line = lines[j]
        text = line.text.rstrip()
        heading = not rows and line.cls != GOOD and not line.meta and not line.reason \
            and line.n_words <= S.DATA_HEADING_MAX_WORDS
        if off and _teaser_line(lines, j, off):
            teaser.append(j)
            gap += 1
        elif heading and text.endswith(":"):
            announced, gap = True, gap + 1
        elif (shape := _data_shape(line)) is not None or (announced or headed) and _lineup_row(line):
            rows.append((j, shape or "label:"))
            gap = 0
        elif heading and not headed:
            headed = True  # one short heading over the rows (`Susunan Pemain`): the list starts there
        elif line.cls == BAD and not line.meta or heading:
            gap += 1
        else:
            break
        j += 1
    if not rows:
        return e
    body_shapes = {sh for s, en in runs for i in range(s, en) if (sh := _data_shape(lines[i]))}
    need = S.LIST_MIN_ITEMS if announced else S.DATA_MIN_ROWS
    if headed and not announced and labelled(lines[rows[0][0]]):
        need = 1  # `Susunan Pemain` over `Arema FC Pelatih: …`: a short heading announces `Label: …` rows
    if rows and rows[0][0] == e and e and labelled(lines[e - 1]) and labelled(lines[e]):
        body_shapes.add(rows[0][1])  # right under a body line of the same `Label: …` kind (`Napoli (4-3-3): …`, `Wasit: …`)
    end, k = e, 0
    while k < len(rows):
        shape, same = rows[k][1], 1
        while k + same < len(rows) and rows[k + same][1] == shape:
            same += 1
        if shape not in body_shapes and same < need:
            break
        body_shapes.add(shape)
        for i, _ in rows[k:k + same]:
            lines[i].reason = "closing_data"
        end, k = rows[k + same - 1][0] + 1, k + same
    for i in teaser:
        if i < end:  # inside the body now: the teaser's lines go, as `mark_teasers` drops them
            lines[i].cls, lines[i].reason = BAD, "teaser" if off[i] else "teaser_headline"
    return end


def _teaser_line(lines: list[Line], j: int, off: list[bool]) -> bool:
    """An off-topic paragraph, or the headline right above one: another story's teaser."""
    if off[j]:
        return True
    return j + 1 < len(lines) and off[j + 1] and not lines[j].sentence and lines[j].cls != GOOD and not lines[j].meta
