"""The lines before the body labelled: headline, header data (byline, date, dateline), furniture.

Which line is the headline, and which bare names are the authors, is decided by the
fields' own modules (kabar/enrich/title.py, kabar/enrich/byline.py).
"""
from __future__ import annotations

from kabar.clean import signals as sig
from kabar.clean.lines import Line
from kabar.enrich.byline import mark_author_names
from kabar.enrich.title import strip_site_suffix
from kabar.record import DROPPED, META, TITLE, ZoneLine

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
    mark_author_names(head, zones)
    return zones
