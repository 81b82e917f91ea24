"""Lists closing an article (data rows, lineups, numbered items) belong to its body."""
from __future__ import annotations

from kabar.clean import settings as S
from kabar.clean.lines import BAD, GOOD, NEAR, Line
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
