"""Outlet of a page: its URL, else the record's outlet field, else a text signature in the
header (the lines before the body and the body's first line), else its masthead (one of the
page's first lines is exactly a registered name/alias/domain) or the holder of its copyright
line at the foot; else unknown (None).

Never a guess: a page that names no registered outlet in those places gets None, even
if its body cites outlets ("Dilansir dari BBC").
"""
from __future__ import annotations

import functools
import re

from kabar.enrich.extractors import extractor
from kabar.enrich.header import Header, clean_line
from kabar.enrich.settings import settings, words_rx
from kabar.record import BODY
from kabar.registry import Outlet, Registry


@extractor(name="outlet", reads=("doc", "resources", "header"), writes=("outlet_entry", "outlet", "outlet_domain"))
def outlet(doc, resources, header: Header):
    """The registry entry (read by dates for the newsroom's zone) and the doc's columns."""
    hit = find_outlet(doc, resources.registry, header)
    return (hit, hit.name, hit.domain) if hit is not None else (None, doc.outlet, doc.outlet_domain)


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
    return masthead(doc, registry) or registry.by_signature("\n".join(top)) or copyright_holder(doc, registry)


def _lines(doc) -> list[str]:
    return [t for t in (clean_line(z.text) for z in doc.zones) if t]


def masthead(doc, registry: Registry) -> Outlet | None:
    """The page's first lines are its masthead: one that is exactly a registered name,
    alias or domain names the outlet ("Okezone", "Katadata.co.id")."""
    for line in _lines(doc)[: settings()["outlet"]["masthead_lines"]]:
        hit = registry.by_exact(line)
        if hit is not None:
            return hit
    return None


@functools.lru_cache(maxsize=1)
def _copyright_rx() -> tuple[re.Pattern, re.Pattern]:
    cfg = settings()["outlet"]
    return (re.compile(rf"^(?:{words_rx(cfg['copyright_labels'])}\s*)+", re.I),
            re.compile(rf"[\s,.;–—-]*{words_rx(cfg['rights_phrases'])}\.?\s*$", re.I))


def copyright_holder(doc, registry: Registry) -> Outlet | None:
    """"Copyright © 2024 Okezone.com, All Rights Reserved" among the page's last lines: the
    holder (up to the first comma) when it is exactly a registered name, alias or domain."""
    cfg = settings()["outlet"]
    label, rights = _copyright_rx()  # compiled once per process: this runs on every document
    year = r"(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?"
    for line in reversed(_lines(doc)[-cfg["footer_lines"]:]):
        m = label.match(line)
        if not m:
            continue
        rest = rights.sub("", line[m.end():])
        rest = re.sub(rf"^{year}\s*|\s*{year}$", "", rest.strip())
        holder = re.split(r",|\s[-–—|]\s", rest, maxsplit=1)[0].strip(" .")
        hit = registry.by_exact(holder)
        if hit is not None:
            return hit
    return None


_HOST = re.compile(r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$", re.I)


@functools.lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    from kabar.registry import get_registry

    reg = get_registry()
    names = {" ".join(n.casefold().split()) for n, _ in reg.all_names()}
    names.update(d for o in reg.outlets for d in o.domains)
    return frozenset(names)


def is_masthead(line: str) -> bool:
    """A line that is just a host name (`Tribun-Timur.com`) or an outlet's name from the
    outlet registry (`The Jakarta Post`): the site's masthead, never the headline (asked by
    the cleaner when it picks a text dump's headline line)."""
    text = line.strip().strip("|•·-–— ")
    if _HOST.match(text):
        return True
    return " ".join(text.casefold().split()) in _outlet_names()
