"""Clean stage: split each page into zones (title, meta, body, dropped) and build the body.

Text dumps go through our line classifier (text.py); HTML through trafilatura (html.py),
falling back to the classifier on the page's visible text. `prepare` learns, per outlet,
the lines that recur across the batch's pages (templates.py).
"""
from __future__ import annotations

from kabar.clean.html import clean_html
from kabar.clean.templates import TemplateLearner
from kabar.clean.text import label_text
from kabar.record import BODY, Doc, Rejected
from kabar.steps import Step


class CleanStep(Step):
    name = "clean"

    def __init__(self) -> None:
        self.templates = TemplateLearner()

    def prepare(self, docs: list[Doc]) -> None:
        self.templates = TemplateLearner()
        for doc in docs:
            if doc.content_type != "html":
                self.templates.add(doc)

    def process(self, doc: Doc) -> None:
        if doc.content_type == "html":
            clean_html(doc, label_text)
        else:
            doc.zones, doc.title = label_text(doc.content, self.templates.for_doc(doc))
        doc.text = "\n\n".join(z.text.strip() for z in doc.zones if z.zone == BODY)
        if not doc.text.strip():
            raise Rejected("empty_body", "no article text left after boilerplate removal")


__all__ = ["CleanStep", "label_text"]
