"""The headline, once.

Text pages: the cleaner's headline guess, else the first `title` zone line, with a
headline printed twice on one line ("A A") folded. HTML pages: the <h1> that agrees
with the page's metadata titles (JSON-LD headline, og:title, <title> without the site
name); a lone <h1> otherwise; else the metadata title without the site name.
"""
from __future__ import annotations

import html
import re
import unicodedata

from kabar.enrich.htmlmeta import PageMeta
from kabar.enrich.settings import settings
from kabar.record import TITLE, Doc


def norm_title(text: str | None) -> str:
    """Comparison key: NFKC, entities decoded, case and punctuation folded."""
    t = unicodedata.normalize("NFKC", html.unescape(text or "")).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", t).split())


def tidy(text: str | None) -> str | None:
    if not text:
        return None
    t = " ".join(html.unescape(text).replace("\xa0", " ").split())
    return fold_repeat(t) or None


def fold_repeat(text: str) -> str:
    """"Judul Berita Judul Berita" -> "Judul Berita" (a dump that glued the repeat)."""
    words = text.split()
    n = len(words)
    if n >= 4 and n % 2 == 0 and words[: n // 2] == words[n // 2:]:
        return " ".join(words[: n // 2])
    return text


def strip_site(title: str, site: str | None = None) -> str:
    """Drop trailing site-name segments: "Headline | Site" -> "Headline"."""
    t = tidy(title) or ""
    site_key = norm_title(site)
    for sep in settings()["title"]["site_separators"]:
        parts = t.split(sep)
        while len(parts) > 1:
            last = parts[-1]
            rest = sep.join(parts[:-1])
            if (site_key and norm_title(last) == site_key) or (len(last.split()) <= 5 and len(last) < len(rest)):
                parts = parts[:-1]
            else:
                break
        t = sep.join(parts)
    return t


def title_from_html(meta: PageMeta, fallback: str | None) -> str | None:
    metas = [strip_site(t, meta.site_name) for t in meta.titles + ([meta.html_title] if meta.html_title else [])]
    metas = [m for m in metas if norm_title(m)]
    keys = [norm_title(m) for m in metas]
    h1s = [t for t in (tidy(h) for h in meta.h1) if t and norm_title(t)]
    for h in h1s:
        if norm_title(h) in keys:
            return h
    for h in h1s:
        hk = norm_title(h)
        for m, mk in zip(metas, keys):
            if hk.startswith(mk) and len(mk.split()) >= 3:
                return m  # the <h1> carries a suffix the metadata title does not
            if mk.startswith(hk) and len(hk.split()) >= 3:
                return h
    if len(h1s) == 1:
        return h1s[0]
    return metas[0] if metas else tidy(fallback)


def title_from_text(doc: Doc) -> str | None:
    if doc.title and doc.title.strip():
        return tidy(doc.title)
    for z in doc.zones:
        if z.zone == TITLE and z.text.strip():
            return tidy(z.text)
    return None


def find_title(doc: Doc, meta: PageMeta | None) -> str | None:
    if meta is not None:
        return title_from_html(meta, doc.html_meta.get("title") or doc.title)
    return title_from_text(doc)
