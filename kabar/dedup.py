"""Duplicates: exact ones (same clean body) load once; near ones are flagged.

Exact: a body whose `content_sha1` was already loaded (this run or a committed one)
is quarantined with reason `exact_duplicate` and the first doc_id in the detail; the
same document again (same doc_id) gets `already_loaded`.
Near: MinHash over 5-word shingles of the body with LSH at Jaccard ≥ NEAR_THRESHOLD;
the article loads with `near_duplicate_of` = the earlier doc_id. Syndicated copies and
lightly edited versions (a changed sentence or byline) land above 0.8; two different
reports of one event land well below (see tests/test_dedup.py).
Later runs compare against earlier ones through the keyed state (`kabar.dedup_state`:
the LSH bands of every loaded body under `_state/index/band/`); this module holds the
threshold and the signature of a body.
"""
from __future__ import annotations

import numpy as np
from datasketch import MinHash

from kabar import minhash

NEAR_THRESHOLD = 0.8
NUM_PERM = minhash.NUM_PERM


def sketch(values: np.ndarray) -> MinHash:
    """The index's view of signature values (the permutations are shared, not redrawn)."""
    return MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, hashvalues=values, scheme=minhash.SCHEME,
                   permutations=minhash.datasketch_permutations())


def signature(text: str) -> MinHash:
    return sketch(minhash.signature(text))


def signature_of(doc) -> MinHash:
    """The signature the minhash step computed where the shard ran, else computed here."""
    values = getattr(doc, "minhash", None)
    return sketch(values) if values is not None else signature(doc.text)
