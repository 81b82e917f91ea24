"""Structured metadata of an HTML page: JSON-LD, <meta> tags, <h1>, <title>.

Read once per HTML page, from the tree the cleaner parsed for trafilatura (clean/html.py
keeps it in `doc.html_meta[KEY]` next to trafilatura's fields; enrich takes it from there):
what news pages state explicitly, the JSON-LD article's headline, authors and
datePublished, `article:published_time`, `<meta name=author>`, and the visible text pieces.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from kabar.enrich.extractors import extractor
from kabar.enrich.settings import settings

ARTICLE_TYPES = re.compile(r"(News)?Article|BlogPosting|Report|WebPage|LiveBlogPosting|ReportageNewsArticle|"
                           r"AnalysisNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle|Posting", re.I)


class TimeValue(str):
    """The `datetime` attribute of a <time> element, kept in `PageMeta.chunks` at the
    element's place: its own type, so date code reads it as a machine stamp and never
    as text the reader sees."""

    __slots__ = ()


@dataclass
class PageMeta:
    titles: list[str] = field(default_factory=list)  # JSON-LD headline, og:title, <h1>…, best first
    h1: list[str] = field(default_factory=list)
    html_title: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)  # JSON-LD persons first, then <meta>
    dates: list[str] = field(default_factory=list)  # published stamps, best first
    modified: list[str] = field(default_factory=list)
    host: str | None = None  # canonical/og:url host, for telling a masthead <h1> from a headline
    # the page's visible text in document order, one short piece per text node (see _visible)
    chunks: list[str] = field(default_factory=list)
    h1_at: list[int] = field(default_factory=list)  # chunk index where each <h1> (of `h1`) starts
    # visible bylines: (chunk index, text) of rel=author / itemprop=author / class "author|byline"
    bylines: list[tuple[int, str]] = field(default_factory=list)
    locale: str | None = None  # <html lang> or og:locale, one naming a region first ("en-US"): for dates.py


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _walk(node):
    if isinstance(node, list):
        for x in node:
            yield from _walk(x)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                yield from _walk(node[key])


def _names(value) -> list[str]:
    out: list[str] = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict) and v.get("@type") not in ("Organization", "NewsMediaOrganization"):
            n = v.get("name")
            if isinstance(n, str):
                out.append(n)
            elif isinstance(n, list):
                out += [x for x in n if isinstance(x, str)]
    return [" ".join(n.split()) for n in out if n and n.strip() and "://" not in n]


_SKIP = {"script", "style", "noscript", "svg", "template", "iframe", "select", "option", "button"}
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author|byline|by-line|writer)(?:$|[\s_-]|name|s\b)", re.I)
_NOT_BYLINE_CLASS = re.compile(r"avatar|photo|image|img|bio|description|comment|social|share|follow|box|"
                               r"about|more|related|card|list", re.I)


def _visible(tree, meta: PageMeta) -> None:
    """Short visible text pieces of the page in reading order, where each <h1> starts, and
    the text of byline-like elements with their position: enough to read the date and byline
    a reader sees next to the headline, without a second parse."""
    body = tree.find(".//body")
    if body is None:
        return
    h1s: list[int] = []
    chunks = meta.chunks
    cfg = settings()["html_meta"]
    max_chunk, max_byline = cfg["max_chunk_chars"], cfg["byline_max_chars"]
    ctx = lxml.etree.iterwalk(body, events=("start", "end"))
    classes: dict[str, bool] = {}  # class/id strings repeat down a page: each is matched once
    for event, el in ctx:
        tag = el.tag
        if not isinstance(tag, str):
            tag = ""
        if event == "start":
            if tag.lower() in _SKIP or not tag:
                ctx.skip_subtree()
                continue
            if tag == "h1":
                h1s.append(len(chunks))
            elif tag == "time" and el.get("datetime"):
                chunks.append(TimeValue(el.get("datetime").strip()[:40]))
            if _is_byline_el(el, tag, classes):
                t = " ".join(" ".join(el.itertext()).split())
                if 0 < len(t) <= max_byline:
                    meta.bylines.append((len(chunks), t))
            text = el.text
            words = text.split() if text else None  # split() is empty exactly when strip() is
            if words:
                chunks.append(" ".join(words)[:max_chunk])
        else:
            tail = el.tail
            words = tail.split() if tail else None
            if words:
                chunks.append(" ".join(words)[:max_chunk])
    meta.h1_at = h1s


def _is_byline_el(el, tag: str, classes: dict[str, bool]) -> bool:
    """`classes`: what each class/id string gave before on this page."""
    get = el.get
    if get("rel") == "author" or get("itemprop") == "author":
        return True
    cls = f"{get('class') or ''} {get('id') or ''}"
    known = classes.get(cls)
    if known is None:
        known = classes[cls] = bool(cls.strip()) and bool(_BYLINE_CLASS.search(cls)) \
            and not _NOT_BYLINE_CLASS.search(cls)
    return known and tag not in ("body", "article", "main", "section", "img")


def read(html) -> PageMeta:
    """`html`: the markup, or its lxml tree (read, never changed)."""
    meta = PageMeta()
    if isinstance(html, lxml.etree._Element):
        tree = html
    else:
        try:
            raw = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
            tree = lxml.html.fromstring(raw, parser=_PARSER)
        except (ValueError, lxml.etree.ParserError):
            return meta
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        for node in _walk(data):
            typ = node.get("@type")
            typ = " ".join(typ) if isinstance(typ, list) else str(typ or "")
            if not ARTICLE_TYPES.search(typ):
                continue
            is_article = "WebPage" not in typ
            head = node.get("headline") or (node.get("name") if is_article else None)
            if isinstance(head, str) and head.strip():
                (meta.titles.insert(0, head.strip()) if is_article else meta.titles.append(head.strip()))
            if node.get("author"):
                names = _names(node["author"])
                meta.authors = names + meta.authors if is_article else meta.authors + names
            for key, dest in (("datePublished", meta.dates), ("dateCreated", meta.dates),
                              ("dateModified", meta.modified)):
                v = node.get(key)
                if isinstance(v, str) and v.strip():
                    (dest.insert(0, v.strip()) if is_article and key == "datePublished" else dest.append(v.strip()))
    metas = {}
    for m in tree.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and key not in metas:
            metas[key] = " ".join(m.get("content").split())
    for t in tree.xpath('//*[@itemprop="datePublished"]'):
        v = t.get("content") or t.get("datetime")
        if v:
            metas.setdefault("datepublished", v)
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            meta.titles.append(metas[key])
    meta.h1 = [_text(h) for h in tree.xpath("//body//h1")]
    title_el = tree.find(".//title")
    meta.html_title = _text(title_el) if title_el is not None else None
    meta.site_name = metas.get("og:site_name")
    langs = [v.strip() for v in (tree.getroottree().getroot().get("lang"), metas.get("og:locale")) if v and v.strip()]
    meta.locale = next((v for v in langs if re.search(r"[-_]", v)), langs[0] if langs else None)
    keys = settings()["html_meta"]  # which <meta> keys mean what: enrich.yaml, `html_meta`
    for key in keys["date_keys"]:
        if metas.get(key):
            meta.dates.append(metas[key])
    for key in keys["modified_keys"]:
        if metas.get(key):
            meta.modified.append(metas[key])
    # <meta> authors only when the JSON-LD names nobody, and the first tag only: besides a
    # JSON-LD Person they name the publisher ("Kompas Cyber Media") or a handle
    for key in keys["author_keys"] if not meta.authors else ():
        v = metas.get(key)
        if v and "://" not in v and not v.startswith("@"):
            meta.authors.append(v)
            break
    url = metas.get("og:url") or next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None)
    m = re.match(r"https?://(?:www\.)?([^/:]+)", url or "")
    meta.host = m.group(1).lower() if m else None
    _visible(tree, meta)
    keep = [i for i, t in enumerate(meta.h1) if t]
    meta.h1_at = [meta.h1_at[i] for i in keep if i < len(meta.h1_at)] if len(meta.h1_at) == len(meta.h1) else []
    meta.h1 = [meta.h1[i] for i in keep]
    return meta


KEY = "page_meta"  # where the cleaner leaves the PageMeta it read in `doc.html_meta`


@extractor(name="page_meta", reads=("doc",), writes=("page_meta",))
def page_meta(doc) -> PageMeta | None:
    """HTML pages only: text pages carry no markup to read. Taken out of `doc.html_meta`
    (it is the page's visible text again: no need to carry it past enrich); a doc that
    did not come through the cleaner has its page read here."""
    if doc.content_type != "html":
        return None
    found = doc.html_meta.pop(KEY, None)
    return found if found is not None else read(doc.content)
