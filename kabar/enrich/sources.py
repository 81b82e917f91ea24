"""Quoted and cited sources (first version: media citations named in the registry)."""
from __future__ import annotations

import re

from kabar.record import Doc, Source
from kabar.registry import Registry

_CUE = re.compile(r"\b(dilansir(?: dari)?|melansir(?: dari)?|diberitakan|dinukil dari|dikutip|menurut|according to)\s+", re.I)


def extract_sources(doc: Doc, registry: Registry) -> list[Source]:
    found: dict[str, Source] = {}
    for m in _CUE.finditer(doc.text):
        tail = doc.text[m.end(): m.end() + 60]
        for name, outlet in registry.all_names():
            if tail.startswith(name) or tail.lower().startswith("kantor berita " + name.lower()):
                src = found.get(outlet.name)
                if src:
                    src.mentions += 1
                else:
                    found[outlet.name] = Source(outlet.name, "media", cues=[m.group(1).lower()])
                break
    return list(found.values())
