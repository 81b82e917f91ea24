"""Outlet of a page: from its URL, else from text signatures in its header; else unknown."""
from __future__ import annotations

from kabar.record import BODY, Doc
from kabar.registry import Outlet, Registry


def find_outlet(doc: Doc, registry: Registry) -> Outlet | None:
    hit = registry.by_url(doc.url) or registry.by_name(doc.outlet_hint)
    if hit:
        return hit
    head = "\n".join(z.text for z in doc.zones[:40] if z.zone != BODY or z.line_no < 40)
    return registry.by_signature(head)
