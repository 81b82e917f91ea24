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

import re

from datasketch import MinHash

NEAR_THRESHOLD = 0.8
NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine64"  # stored signatures carry no scheme: fixed here so old state stays comparable
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m
