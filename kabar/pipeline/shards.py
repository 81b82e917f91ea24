"""Cutting a run's input files into shards: the unit every step and Prefect task works on."""
from __future__ import annotations

import math

from kabar.readers import InputFile


def plan_shards(files: list[InputFile], shard_docs: int, shard_bytes: int, min_shards: int = 1,
                min_shard_docs: int = 1) -> list[list[InputFile]]:
    """Consecutive files, at most `shard_docs` files or `shard_bytes` bytes a shard.

    `min_shards` > 1 (several workers): shards shrink as the run goes (guided scheduling).
    Each takes 2/`min_shards` of the files and bytes still left (with W workers and
    `min_shards` = 4 W: an eighth, then an eighth of the rest...), never less than
    `min_shard_docs` files. The first shards are large (few fixed costs a shard) and
    the last ones small, so the worker that finishes last keeps the others waiting for
    at most a small shard, whatever the shards' costs were. A last crumb smaller than
    `min_shard_docs` joins the shard before it."""
    total_docs, total_bytes = len(files), sum(f.size or 0 for f in files)
    floor_bytes = int(total_bytes / total_docs * min_shard_docs) if files else 0
    shards: list[list[InputFile]] = []
    cur: list[InputFile] = []
    size = 0
    left_docs, left_bytes = total_docs, total_bytes
    max_docs, max_bytes = _limits(shard_docs, shard_bytes, min_shards, min_shard_docs, floor_bytes, left_docs, left_bytes)
    for f in files:
        fsize = f.size or 0
        if cur and (len(cur) >= max_docs or size + fsize > max_bytes):
            shards.append(cur)
            left_docs, left_bytes = left_docs - len(cur), left_bytes - size
            max_docs, max_bytes = _limits(shard_docs, shard_bytes, min_shards, min_shard_docs, floor_bytes, left_docs, left_bytes)
            cur, size = [], 0
        cur.append(f)
        size += fsize
    if cur and shards and min_shards > 1 and len(cur) < min_shard_docs and len(shards[-1]) + len(cur) <= shard_docs \
            and sum(f.size or 0 for f in shards[-1]) + size <= shard_bytes:
        shards[-1].extend(cur)  # a crumb left at the end rides with the shard before it
    elif cur:
        shards.append(cur)
    return shards


def _limits(shard_docs: int, shard_bytes: int, min_shards: int, min_shard_docs: int, floor_bytes: int,
            left_docs: int, left_bytes: int) -> tuple[int, int]:
    if min_shards <= 1:
        return shard_docs, shard_bytes
    share = 2 / min_shards
    return (min(shard_docs, max(min_shard_docs, math.ceil(left_docs * share))),
            min(shard_bytes, max(floor_bytes, math.ceil(left_bytes * share))))
