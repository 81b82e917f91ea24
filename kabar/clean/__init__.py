"""Clean stage: split each page into zones (title, meta, body, dropped) and build the body."""
from __future__ import annotations

from kabar.clean.html import clean_html
from kabar.clean.text import clean_text
from kabar.record import BODY, Doc, Rejected
from kabar.steps import Step


class CleanStep(Step):
    name = "clean"

    def process(self, doc: Doc) -> None:
        if doc.content_type == "html":
            clean_html(doc)
        else:
            clean_text(doc)
        doc.text = "\n\n".join(z.text.strip() for z in doc.zones if z.zone == BODY)
        if not doc.text.strip():
            raise Rejected("empty_body", "no article text left after boilerplate removal")
