"""Load: Parquet datasets written atomically, committed once per run.

Layout under the output folder (any fsspec URL):
  articles/ingest_date=YYYY-MM-DD/part-<run_id>-<shard>.parquet
  quarantine/ingest_date=YYYY-MM-DD/part-<run_id>-<shard>.parquet
  _state/commits/<run_id>.json   parts written and input fingerprints of a finished run

Every part is written to a hidden temporary name and renamed into place, so readers
never see half a file. A run's parts count only once its commit file exists: at the
start of a run, parts of runs that never committed (a crash, a failed gate) are deleted,
so a rerun after a kill neither duplicates nor loses rows.
"""
from __future__ import annotations

import base64
import json
import posixpath
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from kabar.record import ARTICLE_SCHEMA, QUARANTINE_SCHEMA, Doc, Reject, article_row

ARTICLES, QUARANTINE, STATE = "articles", "quarantine", "_state"
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


@dataclass
class Committed:
    runs: set[str] = field(default_factory=set)
    inputs: dict[str, str] = field(default_factory=dict)  # uri -> fingerprint of committed inputs


class Store:
    """The output folder: writes parts atomically, commits runs, recovers from crashes."""

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

    def write_articles(self, docs: list[Doc], run_id: str, shard: int, at: datetime) -> str | None:
        if not docs:
            return None
        table = pa.Table.from_pylist([article_row(d, run_id, at) for d in docs], schema=ARTICLE_SCHEMA)
        return self.write_table(table, ARTICLES, f"ingest_date={at:%Y-%m-%d}", f"part-{run_id}-{shard:05d}.parquet")

    def write_quarantine(self, rejects: list[Reject], run_id: str, shard: int, at: datetime) -> str | None:
        if not rejects:
            return None
        table = pa.Table.from_pylist([quarantine_row(r, run_id, at) for r in rejects], schema=QUARANTINE_SCHEMA)
        return self.write_table(table, QUARANTINE, f"ingest_date={at:%Y-%m-%d}", f"part-{run_id}-{shard:05d}.parquet")

    # --- commits and recovery ---
    def committed(self) -> Committed:
        out = Committed()
        folder = self.path(STATE, "commits")
        if not self.fs.exists(folder):
            return out
        for p in sorted(self.fs.glob(posixpath.join(folder, "*.json"))):
            with self.fs.open(p, "r", encoding="utf-8") as fh:
                data = json.load(fh)
            out.runs.add(data["run_id"])
            out.inputs.update(data.get("inputs", {}))
        return out

    def commit(self, run_id: str, parts: list[str], inputs: dict[str, str]) -> None:
        self.write_json({"run_id": run_id, "parts": parts, "inputs": inputs}, STATE, "commits", f"{run_id}.json")

    def _parts(self, table: str) -> list[str]:
        return self.fs.glob(self.path(table, "*", "*.parquet"))

    def roll_back_uncommitted(self, committed: Committed) -> list[str]:
        """Delete parts (and stray temp files) of runs that never committed."""
        removed = []
        for table in (ARTICLES, QUARANTINE):
            for p in self._parts(table):
                run_id = _run_of_part(p)
                if run_id not in committed.runs:
                    self.fs.rm(p)
                    removed.append(p)
            for p in self.fs.glob(self.path(table, "*", ".*.tmp")):
                self.fs.rm(p)
                removed.append(p)
        return removed

    def remove_run_parts(self, run_id: str) -> None:
        for table in (ARTICLES, QUARANTINE):
            for p in self._parts(table):
                if _run_of_part(p) == run_id:
                    self.fs.rm(p)

    def wipe(self) -> None:
        """`--full`: drop the datasets and their state (run manifests and reports stay)."""
        for table in (ARTICLES, QUARANTINE, STATE):
            if self.fs.exists(self.path(table)):
                self.fs.rm(self.path(table), recursive=True)

    def loaded_keys(self) -> Iterable[tuple[str, str]]:
        """(doc_id, content_sha1) of every committed article, reading just those columns."""
        for p in self._parts(ARTICLES):
            with self.fs.open(p, "rb") as fh:
                t = pq.read_table(fh, columns=["doc_id", "content_sha1"])
            yield from zip(t.column("doc_id").to_pylist(), t.column("content_sha1").to_pylist())


def _run_of_part(path: str) -> str:
    name = posixpath.basename(path)  # part-<run_id>-<shard>.parquet
    return name[len("part-"):].rsplit("-", 1)[0]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
