"""Cutting a run's input files into shards: the unit every step and Prefect task works on."""
from __future__ import annotations

import math

from kabar.readers import InputFile


def plan_shards(files: list[InputFile], shard_docs: int, shard_bytes: int, min_shards: int = 1,
                min_shard_docs: int = 1) -> list[list[InputFile]]:
    """Consecutive files, at most `shard_docs` files or `shard_bytes` bytes a shard; a run smaller
    than `min_shards` full shards is cut finer (by count and by size, so workers get even shares),
    never below `min_shard_docs` files a shard."""
    if min_shards > 1 and files:
        shard_docs = min(shard_docs, max(min_shard_docs, math.ceil(len(files) / min_shards)))
        total = sum(f.size or 0 for f in files)
        per_doc = total / len(files)
        shard_bytes = min(shard_bytes, max(int(per_doc * min_shard_docs), math.ceil(total / min_shards)))
    shards: list[list[InputFile]] = []
    cur: list[InputFile] = []
    size = 0
    for f in files:
        fsize = f.size or 0
        if cur and (len(cur) >= shard_docs or size + fsize > shard_bytes):
            shards.append(cur)
            cur, size = [], 0
        cur.append(f)
        size += fsize
    if cur:
        shards.append(cur)
    return shards
