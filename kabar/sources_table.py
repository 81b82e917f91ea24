"""The `sources` dataset: one row per (article, source), for counting who is quoted where.

Built from the article rows a run loads (the nested `sources` column), written beside
them as `sources/ingest_date=D/part-<run>-<shard>.parquet` and published with them.
"""
from __future__ import annotations

from typing import Any, Iterable

import pyarrow as pa

from kabar.record import UTC_TS
SOURCES_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("article_id", pa.string(), "The article (stable across re-crawls, see `articles.article_id`)."),
    ("version", pa.int32(), "The article's version this source was found in."),
    ("doc_id", pa.string(), "The article row (`articles.doc_id`)."),
    ("outlet", pa.string(), "Outlet of the article; null when unknown."),
    ("outlet_domain", pa.string(), "Registered domain of the outlet."),
    ("published_at", UTC_TS, "Publish time of the article, UTC; null when unknown."),
    ("name", pa.string(), "Source name as written in the article."),
    ("kind", pa.string(), "person, media or organization."),
    ("role", pa.string(), "Role or title given in the article, else null."),
    ("n_quotes", pa.int32(), "Direct quotes attributed to the source in this article."),
    ("first_quote", pa.string(), "The first of them, else null."),
    ("mentions", pa.int32(), "Times the source is named in the article."),
    ("run_id", pa.string(), "Run that loaded the article."),
]
SOURCES_SCHEMA = pa.schema([pa.field(n, t) for n, t, _ in SOURCES_COLUMNS])
SOURCE_INPUTS = ["doc_id", "article_id", "version", "outlet", "outlet_domain", "published_at", "sources", "run_id"]


def source_rows(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for a in articles:
        for s in a.get("sources") or []:
            quotes = s.get("quotes") or []
            rows.append({
                "article_id": a.get("article_id"), "version": a.get("version"), "doc_id": a["doc_id"],
                "outlet": a.get("outlet"), "outlet_domain": a.get("outlet_domain"),
                "published_at": a.get("published_at"), "name": s["name"], "kind": s["kind"], "role": s.get("role"),
                "n_quotes": len(quotes), "first_quote": quotes[0] if quotes else None,
                "mentions": int(s.get("mentions") or 1), "run_id": a.get("run_id"),
            })
    return rows


def sources_table(articles: Iterable[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(source_rows(articles), schema=SOURCES_SCHEMA)
