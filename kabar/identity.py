"""Article identity across crawls: one `article_id` per page, a `version` per distinct body.

`article_id` comes from the page's canonical URL (the input's URL, else the HTML's
canonical/og:url): scheme, `www.`, tracking parameters, fragment and a trailing slash
do not make a new article. A page with no URL is identified by its clean body, so each
distinct body is its own article. `version` counts the distinct bodies seen for an
article: a re-crawl with the same body is the same version (and loads nothing new), an
edited body is the next version.
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

import courlan  # trafilatura's URL library: normalisation and tracking-parameter removal


def canonical_url(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    try:
        norm = courlan.normalize_url(url.strip(), strict=True)
    except Exception:  # courlan raises on malformed URLs: keep the URL as given
        norm = url.strip()
    parts = urlsplit(norm)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, ""))[2:]  # drop the scheme and its '//'


def article_id(url: str | None, content_sha1: str) -> str:
    canon = canonical_url(url)
    basis = f"url\x00{canon}" if canon else f"body\x00{content_sha1}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]
