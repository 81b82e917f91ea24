"""The settings of a run (what `kabar run` and the flow's parameters set)."""
from __future__ import annotations

from dataclasses import dataclass, field

SHARDS_PER_WORKER = 4  # the last shard to finish idles the others for at most 1/(4 W) of the run
MIN_SHARD_DOCS = 50  # below this a shard's fixed cost (tasks, three GX validations, one part file) dominates


@dataclass
class Settings:
    inputs: list[str] = field(default_factory=lambda: ["seeds"])
    out: str = "data/out"
    shard_docs: int = 500  # files per extract shard (multi-record files count by size, see plan_shards)
    shard_bytes: int = 64 * 1024 * 1024
    # With W workers a run is cut into at least SHARDS_PER_WORKER * W shards (when each keeps
    # MIN_SHARD_DOCS files): 3 shards of 500 on 2 workers leave one idle for a third of the run.
    min_shards: int = 1
    full: bool = False  # rebuild the datasets from scratch instead of processing only new inputs
    gates: bool = True
    reports: bool = True
    wait: float = 0.0  # seconds to wait for another run writing the same output folder
    compact: bool = False  # after committing, merge each partition's small parts (kabar.compact)
