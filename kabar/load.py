"""Load: the rows of the datasets, and files written atomically into the output folder.

Every file is written to a hidden temporary name and renamed into place, so readers
never see half a file. Where a run's files go before and after it commits, and how a
crash is recovered, is `kabar.publish` (layout) and `kabar.output` (one run's writes).
"""
from __future__ import annotations

import base64
import json
import posixpath
import uuid
from datetime import datetime, timezone
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from kabar.record import ARTICLE_SCHEMA, QUARANTINE_SCHEMA, Doc, Reject, article_row

ARTICLES, QUARANTINE, SOURCES, STATE = "articles", "quarantine", "sources", "_state"
MAX_QUARANTINE_CONTENT = 2_000_000  # chars kept of a rejected record, enough to reprocess a page


def quarantine_row(rej: Reject, run_id: str, at: datetime) -> dict[str, Any]:
    doc = rej.doc
    if doc is not None:
        content = doc.content
    elif rej.raw_preview is not None:
        content = rej.raw_preview
    else:
        content = None
    if content is not None and len(content) > MAX_QUARANTINE_CONTENT:
        content = content[:MAX_QUARANTINE_CONTENT]
    return {
        "source_uri": rej.source_uri,
        "stage": rej.stage,
        "reason": rej.reason,
        "detail": (rej.detail or "")[:4000],
        "doc_id": doc.doc_id if doc is not None else None,
        "source_format": doc.source_format if doc is not None else rej.source_format,
        "url": doc.url if doc is not None else None,
        "content": content,
        "run_id": run_id,
        "quarantined_at": at,
    }


def bytes_preview(data: bytes, limit: int = 65536) -> str:
    """What a quarantine row keeps of undecodable input: base64 of a bounded prefix."""
    return "base64:" + base64.b64encode(data[:limit]).decode("ascii")


class Store:
    """The output folder: paths, and files written atomically."""

    def __init__(self, out: str):
        self.fs, root = fsspec.core.url_to_fs(out)
        self.root = root.rstrip("/")
        self.out = out

    def path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    # --- atomic file writes ---
    def write_table(self, table: pa.Table, *parts: str) -> str:
        final = self.path(*parts)
        folder = posixpath.dirname(final)
        self.fs.makedirs(folder, exist_ok=True)
        tmp = posixpath.join(folder, f".{posixpath.basename(final)}.{uuid.uuid4().hex}.tmp")
        with self.fs.open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
        self.fs.mv(tmp, final)
        return final

    def write_json(self, obj: Any, *parts: str) -> str:
        final = self.path(*parts)
        folder = posixpath.dirname(final)
        self.fs.makedirs(folder, exist_ok=True)
        tmp = posixpath.join(folder, f".{posixpath.basename(final)}.{uuid.uuid4().hex}.tmp")
        with self.fs.open(tmp, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=2, ensure_ascii=False, default=str)
        self.fs.mv(tmp, final)
        return final

    def wipe(self, keep: tuple[str, ...] = ()) -> None:
        """`--full`: drop the datasets and their state (run manifests, reports and a failed
        run's evidence stay); `keep`: names under `_state/` to leave (the writer lock)."""
        for table in (ARTICLES, QUARANTINE, SOURCES):
            if self.fs.exists(self.path(table)):
                self.fs.rm(self.path(table), recursive=True)
        if self.fs.exists(self.path(STATE)):
            for p in self.fs.ls(self.path(STATE), detail=False):
                if posixpath.basename(p.rstrip("/")) not in keep:
                    self.fs.rm(p, recursive=True)


def articles_table(docs: list[Doc], run_id: str, at: datetime) -> pa.Table:
    return pa.Table.from_pylist([article_row(d, run_id, at) for d in docs], schema=ARTICLE_SCHEMA)


def quarantine_table(rejects: list[Reject], run_id: str, at: datetime) -> pa.Table:
    return pa.Table.from_pylist([quarantine_row(r, run_id, at) for r in rejects], schema=QUARANTINE_SCHEMA)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
