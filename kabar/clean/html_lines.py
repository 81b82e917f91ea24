"""trafilatura's paragraphs through the text path's line classifier.

trafilatura keeps what sits inside the article's markup: the headline repeated as its
first line, the byline and date block, and the furniture outlets print between
paragraphs (`ADVERTISEMENT`, `SCROLL TO CONTINUE WITH CONTENT`, `Baca juga: …`, the
editor's code). The text path already knows these lines by their words (the phrase
lists of each language, read-also labels, meta.txt patterns, photo credits), so each of
trafilatura's paragraphs is read as a line of a dump (`lines.read_lines`) and goes when
it is such a line: only the line-level judgements, not the text path's choice of a
body region, which trafilatura's markup-based choice is better at. Which reasons and
meta labels count is in html_settings.py (`DROP_REASONS`, `DROP_META`).

Signal `short_article_page`: when the text path finds at most `SHORT_BODY_LINES`
article lines (`SHORT_BODY_CHARS` characters) in trafilatura's body, before any other
line it keeps there, and the other lines are a few short ones (links, labels), the
article is short and trafilatura, finding little, took much of the page around it
(the headline, byline and share bar glued to the lede in one paragraph, the related and
popular lists after it). Then the text path
reads the page's visible text as a second opinion, and the body is the lines both agree
on: what the text path calls body and trafilatura's body holds.
"""
from __future__ import annotations

import re

from kabar.clean import html_settings as H
from kabar.clean import signals as sig
from kabar.clean.lines import BAD, GOOD, NEAR, read_lines
from kabar.enrich.title import strip_site_suffix
from kabar.record import BODY, DROPPED, TITLE, ZoneLine

_TOKEN = re.compile(r"\w+")
PROSE = (GOOD, NEAR)  # the body zones that count as article lines (not list items or subheadings)
SHINGLE = 4  # words per shingle when a page line is looked up in trafilatura's body


def _dropped(reason: str) -> bool:
    return any(reason == r or r.endswith(":") and reason.startswith(r) for r in H.DROP_REASONS)


def _title_key(title: str | None) -> str | None:
    return sig.normalise(strip_site_suffix(title)) if title else None


def _is_title(text: str, title_key: str | None) -> bool:
    return bool(title_key) and sig.normalise(strip_site_suffix(text)) == title_key


def furniture(paras: list[str], title: str | None) -> list[str]:
    """Per paragraph, why it is furniture ("" for an article paragraph)."""
    content = "\n".join(p.replace("\n", " ") for p in paras)
    lines = read_lines(content)
    title_key = _title_key(title)
    out = [""] * len(paras)
    seen_prose = False
    for line in lines:  # paragraphs are non-empty, so line.no is the paragraph's index
        if _is_title(line.text, title_key):
            out[line.no] = "repeated_title"
        elif line.cls == BAD and _dropped(line.reason):
            out[line.no] = line.reason
        elif line.meta in H.DROP_META and line.cls != GOOD and line.n_words <= H.META_MAX_WORDS \
                and (line.meta in H.TAIL_META or not seen_prose):
            out[line.no] = line.meta  # header data atop the article (below it, a dated line is a table row)
        seen_prose = seen_prose or line.cls == GOOD
    return out


def _shingles(text: str) -> set[str]:
    tokens = _TOKEN.findall(text.lower())
    return {" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))} if tokens else set()


def short_article_zones(paras: list[str], title: str | None, page_text, label_text) -> list[ZoneLine] | None:
    """The zones of the page's visible text (`page_text()`) when trafilatura's body holds a
    short article (signal `short_article_page`), body where the text path and trafilatura
    agree; None otherwise, or when they agree on nothing. `label_text` is the text
    classifier (passed in, as to `clean_html`)."""
    long = [p for p in paras if len(p.split()) > H.SHORT_REST_MAX_WORDS]  # each must be an article line
    if len(paras) > H.SHORT_BODY_LINES + H.SHORT_REST_MAX_LINES or len(long) > H.SHORT_BODY_LINES \
            or sum(map(len, long)) > H.SHORT_BODY_CHARS:
        return None  # decided by word counts alone: the text path need not read the lines (most pages)
    own, _ = label_text("\n".join(p.replace("\n", " ") for p in paras))
    prose = [z for z in own if z.zone == BODY and z.reason in PROSE]
    if len(prose) > H.SHORT_BODY_LINES or sum(len(z.text) for z in prose) > H.SHORT_BODY_CHARS \
            or len(own) - len(prose) > H.SHORT_REST_MAX_LINES \
            or any(z not in prose and len(z.text.split()) > H.SHORT_REST_MAX_WORDS for z in own) \
            or not prose or next(z for z in own if z.zone == BODY) is not prose[0]:
        return None  # a long article, other long lines trafilatura read as its body, or data above the prose
    title_key = _title_key(title)
    held = _shingles(" ".join(paras))
    zones, _ = label_text(page_text())
    out = []
    for z in zones:
        if z.zone == BODY and _is_title(z.text, title_key):  # the <title> line atop the visible text
            z = ZoneLine(z.line_no, z.text, DROPPED, "repeated_title")
        elif z.zone == BODY:
            mine = _shingles(z.text)
            if len(mine & held) < H.AGREE_SHARE * len(mine):
                z = ZoneLine(z.line_no, z.text, DROPPED, "not_in_trafilatura")
        elif z.zone == TITLE:  # the headline is the page's <title>, set apart by clean_html
            z = ZoneLine(z.line_no, z.text, DROPPED, "repeated_title")
        out.append(z)
    return out if any(z.zone == BODY for z in out) else None
