"""Plain-text page dumps: label every line (first version: phrase list and line shape)."""
from __future__ import annotations

import functools
import re

from kabar.record import BODY, DROPPED, META, TITLE, Doc, ZoneLine
from kabar.resources import load_lines


@functools.lru_cache(maxsize=1)
def _phrases() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in load_lines("boilerplate/common.txt")), re.I)


def clean_text(doc: Doc) -> None:
    zones: list[ZoneLine] = []
    title = None
    for i, raw in enumerate(doc.content.splitlines()):
        line = raw.strip()
        if not line:
            continue
        if title is None:
            title = line
            zones.append(ZoneLine(i, line, TITLE, "first_line"))
        elif line == title:
            zones.append(ZoneLine(i, line, DROPPED, "repeated_title"))
        elif _phrases().search(line):
            zones.append(ZoneLine(i, line, DROPPED, "phrase"))
        elif len(line.split()) >= 10 and line[-1] in ".?!\"”'":
            zones.append(ZoneLine(i, line, BODY, "prose"))
        elif len(line.split()) <= 8:
            zones.append(ZoneLine(i, line, META, "short"))
        else:
            zones.append(ZoneLine(i, line, DROPPED, "no_sentence"))
    doc.zones = zones
    doc.title = title
