"""Cutting a run's input files into shards: the unit every step and Prefect task works on."""
from __future__ import annotations

from kabar.readers import InputFile


def plan_shards(files: list[InputFile], shard_docs: int, shard_bytes: int) -> list[list[InputFile]]:
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
