"""Keyed state under `_state/index/`: lookups that cost the same in a small or a huge archive.

A run asks a few questions per document (is this doc_id loaded? this body? this
canonical URL, at which version? which earlier bodies share a MinHash band? is this
input unchanged?). Reading the whole archive's answers into memory made a night's cost
grow with the archive. Here the answers live in sorted, immutable segment files:

  _state/index/<kind>/seg-<run_id>.arrow   one per committed run and kind (published with the run)

A segment is an Arrow IPC file of (key: 16-byte hash, value: string) rows sorted by key,
in record batches of BATCH rows; the schema metadata carries each batch's first key (the
"fences"). A lookup of K keys opens each segment's footer, finds the batches whose fence
range holds a key (binary search over the fences) and reads only those batches: memory
mapped on a local disk, ranged reads elsewhere. The cost is O(segments · K · log N) work
and at most K batches read per segment, whatever the archive's size.

Segments are ordered by name (run ids sort by time); for kinds whose newest value wins
(an input's fingerprint, an article's latest version) `lookup` returns values oldest
first. `compact` merges a kind's segments into one, keeping every value or, with
`latest_only`, the newest per key.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
from collections import defaultdict
from typing import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
from fsspec.implementations.local import LocalFileSystem

INDEX = ("_state", "index")
BATCH = 1024  # rows per record batch: a lookup reads at most this many rows per key and segment
KEY_BYTES = 16
SCHEMA = pa.schema([("key", pa.binary(KEY_BYTES)), ("value", pa.string())])


def key_of(text: str | bytes) -> bytes:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.blake2b(data, digest_size=KEY_BYTES).digest()


def _keys_array(col: pa.Array) -> np.ndarray:
    """The fixed-width key column as a numpy 'S16' view, without copying."""
    buf = col.buffers()[1]
    return np.frombuffer(buf, dtype=f"S{KEY_BYTES}", count=len(col), offset=col.offset * KEY_BYTES)


def segment_table(pairs: Iterable[tuple[bytes, str]]) -> pa.Table:
    pairs = sorted(pairs, key=lambda kv: kv[0])
    return pa.table({"key": [k for k, _ in pairs], "value": [v for _, v in pairs]}, schema=SCHEMA)


def write_segment(fs, path: str, table: pa.Table) -> str:
    """Write a sorted (key, value) table as a segment with its fences."""
    table = table.sort_by("key") if table.num_rows else table
    batches = table.to_batches(max_chunksize=BATCH) if table.num_rows else []
    fences = [b.column(0)[0].as_py().hex() for b in batches]
    schema = SCHEMA.with_metadata({"kabar_fences": json.dumps(fences)})
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    with fs.open(path, "wb") as fh, ipc.new_file(fh, schema) as w:
        for b in batches:
            w.write_batch(b)
    return path


class Segment:
    def __init__(self, fs, path: str):
        self.path = path
        if isinstance(fs, LocalFileSystem):
            self._src = pa.memory_map(path, "r")  # a lookup touches only the pages it reads
        else:
            self._src = fs.open(path, "rb")
        self.reader = ipc.open_file(self._src)
        meta = self.reader.schema.metadata or {}
        self.fences = np.array([bytes.fromhex(h) for h in json.loads(meta.get(b"kabar_fences", b"[]"))],
                               dtype=f"S{KEY_BYTES}")

    def lookup(self, keys: np.ndarray, out: dict[int, list[str]], positions: np.ndarray) -> None:
        """Append to out[position] the values of keys (sorted 'S16' array) found here."""
        if not len(self.fences):
            return
        batch_of = np.searchsorted(self.fences, keys, side="right") - 1  # sorted, as keys are
        starts = np.flatnonzero(np.diff(batch_of, prepend=-2))
        ends = np.append(starts[1:], len(keys))
        for s, e in zip(starts, ends):
            if batch_of[s] < 0:
                continue  # below the first key of the segment
            batch = self.reader.get_batch(int(batch_of[s]))
            bkeys = _keys_array(batch.column(0))
            lo = np.searchsorted(bkeys, keys[s:e], side="left")
            hi = np.searchsorted(bkeys, keys[s:e], side="right")
            hit = np.flatnonzero(hi > lo)
            if not len(hit):
                continue
            values = batch.column(1)
            for j in hit:
                out[int(positions[s + j])].extend(values[i].as_py() for i in range(lo[j], hi[j]))

    def close(self) -> None:
        self._src.close()


class StateIndex:
    """The committed segments of one output folder, opened lazily per kind."""

    def __init__(self, fs, root: str):
        self.fs, self.root = fs, root.rstrip("/")
        self._segments: dict[str, list[Segment]] = {}

    def folder(self, kind: str) -> str:
        return posixpath.join(self.root, *INDEX, kind)

    def segment_paths(self, kind: str) -> list[str]:
        folder = self.folder(kind)
        if not self.fs.exists(folder):
            return []
        return sorted(self.fs.glob(posixpath.join(folder, "seg-*.arrow")))

    def segments(self, kind: str) -> list[Segment]:
        if kind not in self._segments:
            self._segments[kind] = [Segment(self.fs, p) for p in self.segment_paths(kind)]
        return self._segments[kind]

    def lookup(self, kind: str, keys: list[bytes]) -> list[list[str]]:
        """Values of each key (oldest segment first); [] for a key never stored."""
        out: dict[int, list[str]] = defaultdict(list)
        if keys:
            arr = np.array(keys, dtype=f"S{KEY_BYTES}")
            order = np.argsort(arr, kind="stable")
            for seg in self.segments(kind):
                seg.lookup(arr[order], out, order)
        return [out.get(i, []) for i in range(len(keys))]

    def close(self) -> None:
        for segs in self._segments.values():
            for s in segs:
                s.close()
        self._segments.clear()

    def compact(self, kind: str, latest_only: bool = False) -> tuple[int, int]:
        """Merge a kind's segments into one; returns (segments before, rows after).

        The merged segment is named after the newest one it replaces plus `~c`, so it sorts
        after every segment it holds and before any later run's.

        The caller holds the writer lock. The merged file is written before the old ones
        are removed: a crash in between leaves duplicates, which lookups treat as one."""
        paths = self.segment_paths(kind)
        if len(paths) <= 1:
            return len(paths), 0
        tables = [s.reader.read_all() for s in self.segments(kind)]
        merged = pa.concat_tables(tables)
        if latest_only:
            # newest wins: keep the last row of each key in segment order
            idx = pa.array(np.arange(merged.num_rows))
            merged = merged.append_column("_i", idx)
            last = merged.group_by("key").aggregate([("_i", "max")])
            merged = merged.take(last.column("_i_max")).drop_columns(["_i"])
        self.close()
        name = posixpath.basename(paths[-1])[len("seg-"):-len(".arrow")].removesuffix("~c") + "~c"
        target = posixpath.join(self.folder(kind), f"seg-{name}.arrow")
        tmp = posixpath.join(self.folder(kind), f".seg-{name}.arrow.tmp")
        write_segment(self.fs, tmp, merged)
        self.fs.mv(tmp, target)
        for p in paths:
            if p != target:
                self.fs.rm(p)
        return len(paths), merged.num_rows
