"""HTML pages: trafilatura for the body; the text classifier when it finds nothing.

Around trafilatura: loose article text in a container is made into paragraphs first
(html_paragraphs.py, detik's `<br><br>` bodies); its paragraphs then go through the text
path's line classifier, which drops the headline, header data and in-article furniture
(html_lines.py); on a short article's page the text path's reading of the visible text is
a second opinion (signal `short_article_page`). Their thresholds: html_settings.py.

The trafilatura settings (precision/recall, tables) live in settings.py and were chosen
by body F1 on the WCXB dev articles (see `kabar eval clean … --mode html`).

Each page is parsed once (`parse`: trafilatura's own loader, so its extraction sees the
tree it would have built itself; it copies a tree it is given and never changes ours).
From that one tree come trafilatura's body, the few metadata fields of trafilatura that
kabar reads (`page_fields`) and enrich's `PageMeta` (htmlmeta.read). trafilatura's own
metadata pass (`with_metadata`) is off: it also computed the sitename, categories, tags and
licence nobody reads, and searched the page body for an author and htmldate for a date on
every page, while kabar needs those two only when its own readings found none; they are
searched then (`searched_author`, `htmldate_stamp`), with trafilatura's exact calls.

trafilatura's fallback comparison (readability, then justext: a third of its time) runs
only where its own extraction looks doubtful (`doubtful_extraction`: short, or a single
block; html_settings.FALLBACK): on the WCXB dev pages those are where the comparison
changed the body.
"""
from __future__ import annotations

import trafilatura
import trafilatura.core
import trafilatura.external
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import load_html

from kabar.clean import html_settings as H
from kabar.clean import settings as S
from kabar.clean.html_lines import furniture, short_article_zones
from kabar.clean.html_paragraphs import wrap_loose_text
from kabar.record import BODY, DROPPED, TITLE, Doc, ZoneLine

FIELDS = ("title", "author", "url", "hostname")
# htmldate's original date (non-extensive search), as trafilatura's metadata asked it, with
# the time of day: the stamp enrich's dates.htmldate_stamp wants
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def parse(html: str):
    """The page's lxml tree as trafilatura builds it (None when it is no HTML at all)."""
    return load_html(html)


def extract(html, url: str | None) -> dict:
    """trafilatura's body of a page (markup or a tree from `parse`), without its metadata."""
    tree = parse(html) if isinstance(html, str) else html
    if tree is None:
        return {}
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=H.FALLBACK == "never",
        with_metadata=False,
        include_comments=False,
        include_tables=S.HTML_INCLUDE_TABLES,
        favor_precision=S.HTML_FAVOR_PRECISION,
        favor_recall=S.HTML_FAVOR_RECALL,
    )
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def doubtful_extraction(body, text: str) -> bool:
    """Whether trafilatura's own extraction (`body`, its `text`) looks short of the article:
    few characters or few blocks, where readability or justext found more on the WCXB pages."""
    return len(text) < H.FALLBACK_TEXT_CHARS or len(body) < H.FALLBACK_MIN_BLOCKS


def _gated_comparison(cleaned_tree, raw_tree, body, text, options):
    """trafilatura's `compare_extraction` (readability, then justext), only on a page
    where its own extraction looks doubtful when `FALLBACK` is "gated"."""
    if H.FALLBACK == "gated" and not doubtful_extraction(body, text):
        return body, text
    return _compare_extraction(cleaned_tree, raw_tree, body, text, options)


# trafilatura has no hook for the gate: its cascade calls the comparison by its name in
# trafilatura.core (the original taken from trafilatura.external, where it is defined)
_compare_extraction = trafilatura.external.compare_extraction
trafilatura.core.compare_extraction = _gated_comparison


def _trimmed(**fields) -> dict:
    """trafilatura's final clean-up of its metadata strings (`Document.clean_and_trim`)."""
    d = Document().from_dict(fields)
    d.clean_and_trim()
    return {k: getattr(d, k) for k in fields}


def page_fields(tree, url: str | None) -> dict:
    """trafilatura's title, author, url and hostname of the page: the steps of
    `trafilatura.metadata.extract_metadata` that decide them, in its order. The author is
    the one the page's <meta> tags and JSON-LD name; `author_searched` False means
    trafilatura would have gone on to search the page body (`searched_author`)."""
    from courlan import extract_domain
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura guards its JSON-LD reader the same way
        pass
    title = meta.title or extract_title(tree)
    page_url = meta.url or extract_url(tree, url)
    hostname = extract_domain(page_url, fast=True) if page_url else None
    out = _trimmed(title=title, author=meta.author, url=page_url, hostname=hostname)
    out["author_searched"] = bool(meta.author)
    return out


def searched_author(doc: Doc) -> str | None:
    """trafilatura's author of an HTML page, searching the page body when its <meta> and
    JSON-LD named nobody (trafilatura.metadata.extract_author, on a fresh parse)."""
    meta = doc.html_meta
    if meta.get("author") or meta.get("author_searched", True):
        return meta.get("author")
    from trafilatura.metadata import extract_author

    tree = parse(doc.content)
    meta["author"] = _trimmed(author=extract_author(tree))["author"] if tree is not None else None
    meta["author_searched"] = True
    return meta["author"]


def htmldate_stamp(doc: Doc) -> str | None:
    """htmldate's original date of the page, asked as trafilatura's metadata asked it
    (non-extensive search; trafilatura's parse, its metadata URL), with the time of day."""
    from htmldate import find_date

    url = doc.html_meta.get("url") or doc.url
    tree = parse(doc.content)
    if tree is None:
        return None
    found = find_date(tree, **{**set_date_params(extensive=False), "outputformat": HTMLDATE_FORMAT, "url": url})
    return _trimmed(date=found)["date"] if found else None


def visible_text(html: str) -> str:
    import html_text

    return "\n".join(line.strip() for line in html_text.extract_text(html, guess_layout=True).splitlines())


def clean_html(doc: Doc, label_text) -> None:
    """`label_text` is the text classifier, passed in to keep the import graph flat."""
    from kabar.enrich import htmlmeta  # enrich reads the page's metadata from this parse

    tree = parse(doc.content)
    if tree is not None:
        wrap_loose_text(tree)
    data = extract(tree, doc.url) if tree is not None else {}
    # as with trafilatura's metadata before: no fields when it extracted nothing
    doc.html_meta = page_fields(tree, doc.url) if data else dict.fromkeys(FIELDS)
    doc.html_meta[htmlmeta.KEY] = htmlmeta.read(tree if tree is not None else doc.content)
    body = [p.strip() for p in (data.get("text") or "").split("\n") if p.strip()]
    if not body:  # trafilatura found no article: classify the page's visible text instead
        doc.zones, title = label_text(visible_text(doc.content))
        doc.title = doc.html_meta.get("title") or title
        doc.html_meta["fallback"] = "text_classifier"
        return
    doc.title = doc.html_meta.get("title")
    zones = [ZoneLine(0, doc.title, TITLE, "html_meta")] if doc.title else []
    why = furniture(body, doc.title)
    if all(why):  # never lose an article to the filter: trafilatura's body as it was
        why = [""] * len(body)
    kept = [para for para, reason in zip(body, why) if not reason]
    short = short_article_zones(kept, doc.title, lambda: visible_text(doc.content), label_text)
    if short is not None:
        doc.html_meta["second_opinion"] = "short_article_page"
        doc.zones = zones + short
        return
    zones += [ZoneLine(i, para, DROPPED, reason) if reason else ZoneLine(i, para, BODY, "trafilatura")
              for i, (para, reason) in enumerate(zip(body, why), start=1)]
    doc.zones = zones
