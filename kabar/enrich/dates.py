"""Publish date from the page's header lines or HTML metadata, timezone-aware."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import dateparser

from kabar.record import META, Doc
from kabar.registry import Outlet

TZ_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}
_DATE_LINE = re.compile(r"\b(19|20)\d\d\b.*\b\d{1,2}[:.]\d\d\b|\b\d{1,2}[:.]\d\d\b.*\b(19|20)\d\d\b")
_TZ = re.compile(r"\b(WIB|WITA|WIT)\b")


def find_published(doc: Doc, outlet: Outlet | None) -> tuple[datetime | None, str | None]:
    candidates = [z.text for z in doc.zones if z.zone == META]
    if doc.html_meta.get("date"):
        candidates.insert(0, str(doc.html_meta["date"]))
    for text in candidates:
        if not _DATE_LINE.search(text) and not re.fullmatch(r"\d{4}-\d\d-\d\d.*", text):
            continue
        m = _TZ.search(text)
        offset = timezone(timedelta(hours=TZ_OFFSETS[m.group(1)])) if m else None
        cleaned = _TZ.sub("", text)
        cleaned = re.sub(r"^.*?[-–—]\s*(?=\d)", "", cleaned)  # "Kompas.com - 19/06/2024, 15:00"
        parsed = dateparser.parse(
            cleaned,
            languages=["id", "en"],
            settings={"DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False},
        )
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            if offset is None:
                offset = timezone(timedelta(hours=7)) if outlet and outlet.timezone == "Asia/Jakarta" else None
            if offset is None:
                continue
            parsed = parsed.replace(tzinfo=offset)
        return parsed.astimezone(timezone.utc), parsed.isoformat()
    return None, None
