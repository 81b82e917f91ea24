"""Outlet of a page: its URL, else the record's outlet field, else a text signature in the
header (the lines before the body and the body's first line); else unknown (None).

Never a guess: a page that names no registered outlet in those places gets None, even
if its body cites outlets ("Dilansir dari BBC").
"""
from __future__ import annotations

from kabar.enrich.header import Header, clean_line
from kabar.enrich.settings import settings
from kabar.record import BODY
from kabar.registry import Outlet, Registry


def find_outlet(doc, registry: Registry, header: Header | None = None) -> Outlet | None:
    hit = registry.by_url(doc.url) or registry.by_name(doc.outlet_hint)
    if hit is None and doc.html_meta:
        hit = registry.by_url(doc.html_meta.get("url")) or registry.by_domain(doc.html_meta.get("hostname"))
    if hit is not None:
        return hit
    if header is None:
        return None
    lines = [clean_line(z.text) for z in header.lines]
    if header.lead is not None:
        lines.append(clean_line(header.lead.text))
    hit = registry.by_signature("\n".join(lines))
    if hit is not None:
        return hit
    # photo credits and desk lines near the top ("VIVA.co.id/Natania"), never body lines
    top = [clean_line(z.text) for z in doc.zones[: settings()["header"]["max_lines"]] if z.zone != BODY]
    return registry.by_signature("\n".join(top))
