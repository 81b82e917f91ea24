"""Authors and dateline from the page's header lines (first version)."""
from __future__ import annotations

import re

from kabar.record import BODY, META, Doc

_DATELINE = re.compile(r"^([A-Z][\w .'’]{1,30}?)\s*[-–—]\s*(?:$|(?=[A-Z\"“]))")
_DESK = re.compile(r"^[-–—]?\s*detik\w*$", re.I)


def find_authors(doc: Doc) -> list[str]:
    for z in doc.lines(META):
        m = re.match(r"^(.+?)\s+[-–—]\s+detik\w+$", z.text)
        if m:
            return [m.group(1).strip()]
    return []


def find_dateline(doc: Doc) -> str | None:
    for z in doc.zones:
        if z.zone not in (META, BODY):
            continue
        m = _DATELINE.match(z.text.replace("\xa0", " "))
        if m and not re.search(r"\.(com|co\.id|id)$", m.group(1), re.I) and m.group(1).upper() != m.group(1):
            return m.group(1).strip()
        if z.zone == BODY:
            break
    return None
