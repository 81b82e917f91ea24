"""HTML pages: trafilatura for body and metadata."""
from __future__ import annotations

import trafilatura

from kabar.record import BODY, TITLE, Doc, ZoneLine


def clean_html(doc: Doc) -> None:
    result = trafilatura.bare_extraction(
        doc.content, url=doc.url, with_metadata=True, include_comments=False, favor_precision=False
    )
    data = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    doc.html_meta = {k: data.get(k) for k in ("title", "author", "date", "sitename", "url", "hostname", "language")}
    doc.title = data.get("title")
    zones = []
    if doc.title:
        zones.append(ZoneLine(-1, doc.title, TITLE, "html_meta"))
    for i, para in enumerate((data.get("text") or "").split("\n")):
        if para.strip():
            zones.append(ZoneLine(i, para.strip(), BODY, "trafilatura"))
    doc.zones = zones
