"""Enrich stage: title, authors, dateline, language, outlet, publish date, sources."""
from __future__ import annotations

from kabar.enrich.byline import find_authors, find_dateline
from kabar.enrich.dates import find_published
from kabar.enrich.language import detect_language
from kabar.enrich.outlet import find_outlet
from kabar.enrich.sources import extract_sources
from kabar.record import Doc
from kabar.registry import get_registry
from kabar.steps import Step


class EnrichStep(Step):
    name = "enrich"

    def __init__(self) -> None:
        self.registry = get_registry()

    def process(self, doc: Doc) -> None:
        outlet = find_outlet(doc, self.registry)
        if outlet is not None:
            doc.outlet, doc.outlet_domain = outlet.name, outlet.domain
        doc.language, doc.language_score = detect_language(doc.text)
        doc.authors = find_authors(doc)
        doc.dateline = find_dateline(doc)
        doc.published_at, doc.published_at_local = find_published(doc, outlet)
        doc.sources = extract_sources(doc, self.registry)
