"""Enrich stage: title, authors, dateline, language, outlet, publish date, sources.

Each field has its own module, which declares its extractor (what it reads, what it
writes: see extractors.py and ARCHITECTURE.md). `EXTRACTORS` lists them; the step
orders them from their declarations when it starts, and fails there, naming the
extractors, if one reads what nobody writes or two wait on each other. Data (outlets,
labels, thresholds) lives in data/registry/outlets.yaml and enrich.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass

from kabar.enrich import byline, dateline, dates, header, htmlmeta, language, outlet, sources, title
from kabar.enrich.byline import Bylines
from kabar.enrich.extractors import Extractor, plan, run
from kabar.enrich.settings import settings
from kabar.record import Doc
from kabar.registry import Registry, get_registry
from kabar.steps import Step

EXTRACTORS: list[Extractor] = [
    htmlmeta.page_meta,
    header.header,
    title.find_title,
    outlet.outlet,
    language.language,
    dates.find_published,
    dates.date_line_numbers,
    byline.authors,
    dateline.dateline,
    sources.sources,
]


@dataclass(frozen=True)
class Resources:
    """What extractors share across documents: built once per step."""

    registry: Registry
    bylines: Bylines


class EnrichStep(Step):
    name = "enrich"

    def __init__(self) -> None:
        self.registry = get_registry()
        settings()  # fail at start-up on a bad enrich.yaml
        self.bylines = Bylines(self.registry)
        self.resources = Resources(self.registry, self.bylines)
        self.extractors = plan(EXTRACTORS, catalogue=EXTRACTORS)

    def process(self, doc: Doc) -> None:
        run(self.extractors, doc, self.resources)
