"""Duplicates: exact ones (same clean body) load once; near ones are flagged.

Exact: a body whose `content_sha1` was already loaded (this run or a committed one)
is quarantined with reason `exact_duplicate` and the first doc_id in the detail; the
same document again (same doc_id) gets `already_loaded`.
Near: MinHash over 5-word shingles of the body with LSH at Jaccard ≥ NEAR_THRESHOLD;
the article loads with `near_duplicate_of` = the earlier doc_id. Syndicated copies and
lightly edited versions (a changed sentence or byline) land above 0.8; two different
reports of one event land well below (see tests/test_dedup.py).
Signatures are kept under `_state/minhash/` so later runs compare against earlier ones.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from datasketch import MinHash, MinHashLSH

from kabar import minhash
from kabar.record import Doc, Rejected

NEAR_THRESHOLD = 0.8


def sketch(values: np.ndarray) -> MinHash:
    """The index's view of signature values (the permutations are shared, not redrawn)."""
    return MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, hashvalues=values, scheme=minhash.SCHEME,
                   permutations=minhash.datasketch_permutations())


def signature(text: str) -> MinHash:
    return sketch(minhash.signature(text))


class Deduper:
    def __init__(self, loaded: Iterable[tuple[str, str]] = (), signatures: Iterable[tuple[str, np.ndarray]] = ()):
        self.doc_ids: set[str] = set()
        self.bodies: dict[str, str] = {}
        for doc_id, sha in loaded:
            self.doc_ids.add(doc_id)
            self.bodies.setdefault(sha, doc_id)
        self.lsh = MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=minhash.NUM_PERM)
        for doc_id, values in signatures:
            self.lsh.insert(doc_id, sketch(values))
        self.new_signatures: list[tuple[str, np.ndarray]] = []

    def check(self, doc: Doc) -> None:
        """Record `doc` as loaded, or raise Rejected for an exact duplicate."""
        doc_id = doc.doc_id
        if doc_id in self.doc_ids:
            raise Rejected("already_loaded", f"doc_id {doc_id} is already in the dataset")
        sha = doc.content_sha1
        first = self.bodies.get(sha)
        if first is not None:
            raise Rejected("exact_duplicate", f"same body as doc_id {first}")
        # computed by the minhash step where the shard ran; here only for docs that skipped it
        sig = sketch(doc.minhash) if doc.minhash is not None else signature(doc.text)
        near = self.lsh.query(sig)
        if near:
            doc.near_duplicate_of = sorted(near)[0]
        self.lsh.insert(doc_id, sig)
        self.new_signatures.append((doc_id, sig.hashvalues))
        self.doc_ids.add(doc_id)
        self.bodies[sha] = doc_id

    def signatures_table(self) -> pa.Table:
        return pa.table(
            {
                "doc_id": [d for d, _ in self.new_signatures],
                "minhash": [v.astype(np.uint64).tolist() for _, v in self.new_signatures],
            },
            schema=pa.schema([("doc_id", pa.string()), ("minhash", pa.list_(pa.uint64()))]),
        )


def read_signatures(fs, paths: list[str]) -> Iterable[tuple[str, np.ndarray]]:
    for p in paths:
        with fs.open(p, "rb") as fh:
            t = pq.read_table(fh)
        for doc_id, values in zip(t.column("doc_id").to_pylist(), t.column("minhash").to_pylist()):
            yield doc_id, np.array(values, dtype=np.uint64)
