"""HTML pages: trafilatura for body and metadata; the text classifier when it finds nothing.

The trafilatura settings (precision/recall, tables) live in settings.py and were chosen
by body F1 on the WCXB dev articles (see `kabar eval clean … --mode html`).
"""
from __future__ import annotations

import trafilatura
from trafilatura.settings import set_date_params

from kabar.clean import settings as S
from kabar.record import BODY, TITLE, Doc, ZoneLine

META_KEYS = ("title", "author", "date", "sitename", "url", "hostname", "description", "categories", "tags", "language")
# trafilatura's metadata date is htmldate's (original date, non-extensive search); asked with
# the time of day, it is the very stamp enrich's dates.htmldate_stamp wants, so enrich reads
# it from `html_meta` instead of running htmldate over the page again (same on 300/300 WCXB pages)
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def extract(html: str, url: str | None) -> dict:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        date_extraction_params={**set_date_params(extensive=False), "outputformat": HTMLDATE_FORMAT},
        include_comments=False,
        include_tables=S.HTML_INCLUDE_TABLES,
        favor_precision=S.HTML_FAVOR_PRECISION,
        favor_recall=S.HTML_FAVOR_RECALL,
    )
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def visible_text(html: str) -> str:
    import html_text

    return "\n".join(line.strip() for line in html_text.extract_text(html, guess_layout=True).splitlines())


def clean_html(doc: Doc, label_text) -> None:
    """`label_text` is the text classifier, passed in to keep the import graph flat."""
    data = extract(doc.content, doc.url)
    doc.html_meta = {k: data.get(k) for k in META_KEYS}
    doc.html_meta["date_searched"] = bool(data)  # trafilatura ran htmldate (no result: it did not)
    body = [p.strip() for p in (data.get("text") or "").split("\n") if p.strip()]
    if not body:  # trafilatura found no article: classify the page's visible text instead
        doc.zones, title = label_text(visible_text(doc.content))
        doc.title = data.get("title") or title
        doc.html_meta["fallback"] = "text_classifier"
        return
    doc.title = data.get("title")
    zones = [ZoneLine(0, doc.title, TITLE, "html_meta")] if doc.title else []
    zones += [ZoneLine(i, para, BODY, "trafilatura") for i, para in enumerate(body, start=1)]
    doc.zones = zones
