"""The header of a page: where bylines, date lines and datelines are read from.

The header is every line before the article's first real body line (one with at least
`header.body_min_words` words), whatever zone the cleaner gave it: a date line the
cleaner left in `dropped` is still a header line. Dates are never read past it, so a
date inside the body ("Selasa (18/6/2024)") or under a related item at the page's foot
is never taken for the publish date.
"""
from __future__ import annotations

from dataclasses import dataclass

from kabar.enrich.extractors import extractor
from kabar.enrich.settings import settings
from kabar.record import BODY, META, Doc, ZoneLine


@dataclass(frozen=True)
class Header:
    lines: list[ZoneLine]  # before the first real body line, in page order
    lead: ZoneLine | None  # the first real body line (holds "Jakarta -", "KOMPAS.com -")
    meta_after: list[ZoneLine]  # meta lines after the lead (bottom bylines: "Pewarta: …")


def clean_line(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u200b", "").split())


@extractor(name="header", reads=("doc",), writes=("header",))
def header(doc: Doc) -> Header:
    return header_of(doc)


def header_of(doc: Doc) -> Header:
    cfg = settings()["header"]
    zones = [z for z in doc.zones if z.text and z.text.strip()]
    lead_i = None
    for i, z in enumerate(zones):
        if z.zone == BODY and len(z.text.split()) >= cfg["body_min_words"]:
            lead_i = i
            break
    if lead_i is None:  # no long body line: the first body line ends the header
        lead_i = next((i for i, z in enumerate(zones) if z.zone == BODY), len(zones))
    lines = zones[:lead_i][-cfg["max_lines"]:]
    lead = zones[lead_i] if lead_i < len(zones) else None
    after = [z for z in zones[lead_i + 1:] if z.zone == META]
    return Header(lines, lead, after)
