"""Enrich stage: title, authors, dateline, language, outlet, publish date, sources.

Each field has its own small module; data (outlets, labels, thresholds) lives in
data/registry/outlets.yaml and enrich.yaml. HTML pages are read once more for their
structured metadata (htmlmeta.py); text pages only through their zones (header.py).
"""
from __future__ import annotations

from kabar.enrich.byline import Bylines
from kabar.enrich.dates import find_published
from kabar.enrich.header import header_of
from kabar.enrich.htmlmeta import read as read_html_meta
from kabar.enrich.language import detect_language
from kabar.enrich.outlet import find_outlet
from kabar.enrich.settings import settings
from kabar.enrich.sources import extract_sources
from kabar.enrich.title import find_title
from kabar.record import BODY, Doc
from kabar.registry import get_registry
from kabar.steps import Step


class EnrichStep(Step):
    name = "enrich"

    def __init__(self) -> None:
        self.registry = get_registry()
        settings()  # fail at start-up on a bad enrich.yaml
        self.bylines = Bylines(self.registry)

    def process(self, doc: Doc) -> None:
        is_html = doc.content_type == "html"
        meta = read_html_meta(doc.content) if is_html else None
        header = header_of(doc)
        doc.title = find_title(doc, meta)
        outlet = find_outlet(doc, self.registry, header)
        if outlet is not None:
            doc.outlet, doc.outlet_domain = outlet.name, outlet.domain
        doc.language, doc.language_score = detect_language(doc.text)
        doc.published_at, doc.published_at_local = find_published(doc, outlet, header, meta, doc.language)
        date_lines = self.date_line_numbers(header, outlet, doc.language)
        if is_html:
            doc.authors = self.html_authors(doc, meta, header, date_lines)
        else:
            doc.authors = self.bylines.authors(header, date_lines, self.tail(doc, header))
        doc.dateline = self.bylines.dateline(header)
        doc.sources = extract_sources(doc, self.registry)

    def html_authors(self, doc: Doc, meta, header, date_lines) -> list[str]:
        """HTML pages: the byline shown by the headline, then the JSON-LD Person / <meta>
        authors, then a labelled byline line of the cleaned header, then trafilatura's.
        An organisation credited in the byline is kept (WCXB credits "Kaspersky", "Escalon":
        the page's own attribution); only JSON-LD `Organization` authors are dropped. A desk
        byline ("Aidoc Staff", "The Upwork Team") gives way to a person the metadata names."""
        found = self.bylines.visible_authors(meta.bylines, meta.anchor, meta.chunks)
        listed = self.bylines.html_authors([meta.authors])
        if found and all(self.bylines.is_desk(n) for n in found):
            found = [n for n in listed if not self.bylines.is_desk(n)] or found
        elif found and len(listed) > len(found) and listed[:len(found)] == found \
                and all(self.bylines.html_name(n) and "," not in n and " " in n for n in listed):
            found = listed  # the byline shows the first names only ("By A", "A and 2 more")
        if not found:
            found = listed
        if not found:
            found = self.bylines.authors(header, date_lines, self.tail(doc, header))
        if not found:  # trafilatura's guess, read as a byline ("This post was written by X, Head of Y")
            found = self.bylines.byline_names(doc.html_meta.get("author") or "")[: self.bylines.cfg["max_authors"]]
        return found

    @staticmethod
    def tail(doc: Doc, header, n: int = 12) -> list:
        """The lines just after the article's last body line (Antara "Pewarta: X", JPNN
        "Reporter : X", before the tags and related items), then the page's last lines
        after the lead, whatever their zone."""
        after = header.lead.line_no if header.lead else 10**9
        rest = [z for z in doc.zones if z.line_no > after and z.text.strip()]
        last_body = max((z.line_no for z in rest if z.zone == BODY), default=after)
        out = [z for z in rest if z.line_no > last_body][:n]
        return out + [z for z in rest[-n:] if z not in out]

    @staticmethod
    def date_line_numbers(header, outlet, language) -> set[int]:
        from kabar.enrich.dates import default_zone, parse_stamp

        tz = default_zone(outlet, language)
        return {z.line_no for z in header.lines if len(z.text) <= 140 and parse_stamp(z.text, tz) is not None}
