"""`kabar compact`: rewrite each partition's small parts into few large ones, atomically.

Every run adds one part per shard and partition; after a year a dataset is thousands of
small files and every query opens all of them. Compaction, under the writer lock (so no
run writes meanwhile), merges the parts of each partition into files of at most
`max_rows` rows, staged and published through the same commit intent as a run
(`kabar.publish`): the merged files are moved in, then the parts they replace removed,
and a crash in between is completed at the next start. The keyed state segments
(`kabar.state_index`) are merged too. Rows and their columns are unchanged: only the
files they sit in.
"""
from __future__ import annotations

import logging
import posixpath
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

import fsspec
import pyarrow.parquet as pq

from kabar.lock import WriterLock
from kabar.publish import STATE, Publisher
from kabar.state_index import StateIndex

log = logging.getLogger("kabar")

DATASETS = ("articles", "quarantine", "sources")
MAX_ROWS = 200_000  # rows per compacted file
MIN_PARTS = 2  # a partition with fewer parts is left alone
LATEST_WINS = {"input", "article"}  # state kinds where only the newest value per key matters


@dataclass
class CompactReport:
    run_id: str
    partitions: int = 0
    parts_before: int = 0
    parts_after: int = 0
    rows: int = 0
    state_segments: dict[str, int] = field(default_factory=dict)


def compact_id() -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-compact-{uuid.uuid4().hex[:6]}"


def compact(out: str, max_rows: int = MAX_ROWS, wait: float = 0.0, lock: WriterLock | None = None) -> CompactReport:
    """Compact OUT. Takes the writer lock unless the caller (a run) already holds it."""
    fs, root = fsspec.core.url_to_fs(out)
    root = root.rstrip("/")
    run_id = compact_id()
    own = lock is None
    lock = lock or WriterLock(fs, posixpath.join(root, STATE), run_id, wait=wait, label=f"output folder {out}").acquire()
    try:
        pub = Publisher(fs, root)
        if own:
            pub.recover()
        return _compact(fs, root, pub, run_id, max_rows, lock)
    finally:
        if own:
            lock.release()


def _compact(fs, root: str, pub: Publisher, run_id: str, max_rows: int, lock: WriterLock) -> CompactReport:
    rep = CompactReport(run_id)
    removes: list[str] = []
    for dataset in DATASETS:
        for folder in sorted(fs.glob(posixpath.join(root, dataset, "*"))):
            parts = sorted(p for p in fs.glob(posixpath.join(folder, "*.parquet")))
            if len(parts) < MIN_PARTS:
                continue
            rel_folder = posixpath.relpath(folder, root)
            rows = _merge(fs, parts, lambda n: pub.staged(run_id, rel_folder, f"part-{run_id}-{n:05d}.parquet"), max_rows)
            rep.partitions += 1
            rep.parts_before += len(parts)
            rep.parts_after += -(-rows // max_rows) if rows else 0
            rep.rows += rows
            removes += [posixpath.relpath(p, root) for p in parts]
    if removes:
        pub.publish(run_id, {"run_id": run_id, "inputs": {}, "kind": "compaction"}, verify=lock.verify, removes=removes)
    index = StateIndex(fs, root)
    for kind_folder in sorted(fs.glob(posixpath.join(root, STATE, "index", "*"))):
        kind = posixpath.basename(kind_folder)
        lock.verify()
        before, _ = index.compact(kind, latest_only=kind in LATEST_WINS)
        rep.state_segments[kind] = before
    index.close()
    log.info("compacted %d partition(s): %d part(s) into %d, %d rows", rep.partitions,
                rep.parts_before, rep.parts_after, rep.rows)
    return rep


def _merge(fs, parts: list[str], target, max_rows: int) -> int:
    """Stream `parts` into files of at most max_rows rows named target(0), target(1)...; returns rows."""
    writer, sink, n_file, in_file, total = None, None, 0, 0, 0
    schema = None
    try:
        for p in parts:
            with fs.open(p, "rb") as fh:
                pf = pq.ParquetFile(fh)
                schema = schema or pf.schema_arrow
                for batch in pf.iter_batches(batch_size=8192):
                    start = 0
                    while start < batch.num_rows:
                        if writer is None or in_file >= max_rows:
                            if writer is not None:
                                writer.close()
                                sink.close()
                                n_file += 1
                            path = target(n_file)
                            fs.makedirs(posixpath.dirname(path), exist_ok=True)
                            sink = fs.open(path, "wb")
                            writer = pq.ParquetWriter(sink, schema, compression="zstd")
                            in_file = 0
                        take = min(batch.num_rows - start, max_rows - in_file)
                        writer.write_batch(batch.slice(start, take).cast(schema) if batch.schema != schema
                                           else batch.slice(start, take))
                        start += take
                        in_file += take
                        total += take
    finally:
        if writer is not None:
            writer.close()
            sink.close()
    return total
