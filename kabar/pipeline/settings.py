"""The settings of a run (what `kabar run` and the flow's parameters set)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Settings:
    inputs: list[str] = field(default_factory=lambda: ["seeds"])
    out: str = "data/out"
    shard_docs: int = 500  # files per extract shard (multi-record files count by size, see plan_shards)
    shard_bytes: int = 64 * 1024 * 1024
    full: bool = False  # rebuild the datasets from scratch instead of processing only new inputs
    gates: bool = True
    reports: bool = True
