"""Step base: a stage is a small class with one method; the base runs it over a shard.

Modelled on datatrove's pipeline steps. A per-document step writes `process(doc)` (and,
if it learns from the whole shard, `prepare(docs)`); the base iterates, counts, and
turns every failure into a `Reject` with a reason. A step that works on the shard as a
whole (reading files, a GX gate, writing parts) writes `apply(shard, ctx)` instead.
Either way the runner calls `run(shard, ctx)`, which times the step and files its
statistics under the step's name. Nothing is lost: each document entering a step leaves
it either in `docs` or in `rejects`.

The steps and their order are declared once, in `kabar/pipeline/order.py`.
"""
from __future__ import annotations

import copy
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from kabar.record import Doc, Reject, Rejected

# Where a step runs (the order of the pipeline list must respect this order):
SHARD = "shard"  # pure: any worker, shards in any order; its output may be cached
DRIVER = "driver"  # needs the run's state (dedup): in the driver process, one shard at a time
OUTPUT = "output"  # writes outside, in the driver; safe to retry (fixed names, atomic renames)
PLACES = (SHARD, DRIVER, OUTPUT)


@dataclass
class ShardResult:
    docs: list[Doc] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    outcomes: list = field(default_factory=list)  # GateOutcome of each gate the shard passed
    written: list[str] = field(default_factory=list)  # parts written for this shard


@dataclass
class Context:
    """What a step may need besides the documents: the shard's place in the run.

    Workers get the shard fields only; the driver adds its state for dedup and writing."""

    files: list = field(default_factory=list)  # InputFiles of the shard
    run_name: str = ""  # GX run name of the shard
    reports_dir: str | None = None  # where the GX project lives; None: gates off
    limits: Any = None  # ReadLimits; None: the defaults
    # --- set on the driver only ---
    deduper: Any = None
    store: Any = None
    run_id: str = ""
    shard_no: int = 0
    at: datetime | None = None


class Step:
    name = "step"  # statistics prefix; also the quarantine `stage` unless `stage` says otherwise
    stage: str | None = None
    where = SHARD
    cacheable = True  # output depends only on the shard's input files, code and data files
    io = False  # touches the outside world: retried with back-off when run as a Prefect task

    def prepare(self, docs: list[Doc]) -> None:
        """Learn from the whole shard before processing (e.g. templates). Optional."""

    def process(self, doc: Doc) -> None:
        """Fill in fields of `doc`, or raise `Rejected`."""
        raise NotImplementedError

    def apply(self, shard: ShardResult, ctx: Context) -> ShardResult:
        """This step alone over a shard: kept docs, new rejects, unprefixed stats."""
        return self(shard.docs)

    def run(self, shard: ShardResult, ctx: Context) -> ShardResult:
        """The runner's entry: apply, then merge stats (under `name`), time and rejects."""
        t0 = time.perf_counter()
        res = self.apply(shard, ctx)
        seconds = time.perf_counter() - t0
        for k, v in res.stats.items():
            shard.stats[f"{self.name}.{k}"] += v
        shard.stats[f"time_ms.{self.name}"] += int(seconds * 1000)
        return ShardResult(docs=res.docs, rejects=shard.rejects + res.rejects, stats=shard.stats, seconds=seconds,
                           outcomes=shard.outcomes + res.outcomes, written=shard.written + res.written)

    def __call__(self, docs: list[Doc]) -> ShardResult:
        step = self.for_shard()
        step.prepare(docs)
        return step.each(docs, step.process)

    def for_shard(self) -> Step:
        """The instance that runs one shard. A step that learns from its shard (`prepare`)
        gets a shallow copy: the thread runner runs shards concurrently on the one instance
        of the process (`order.steps()`), and what one shard learnt must not leak into
        another's; the data files the step loaded stay shared."""
        return copy.copy(self) if type(self).prepare is not Step.prepare else self

    def each(self, docs: list[Doc], process: Callable[[Doc], None]) -> ShardResult:
        """`process` over every doc: count, and turn every failure into a Reject."""
        out = ShardResult()
        t0 = time.perf_counter()
        stage = self.stage or self.name
        for doc in docs:
            out.stats["total"] += 1
            try:
                process(doc)
            except Rejected as exc:
                out.stats[f"dropped_{exc.reason}"] += 1
                out.rejects.append(exc.reject(stage, doc))
                continue
            except Exception as exc:  # a bug or a pathological page must not sink the shard
                reason = f"error_{type(exc).__name__}"
                out.stats[f"dropped_{reason}"] += 1
                detail = f"{exc}\n{traceback.format_exc(limit=3)}"
                out.rejects.append(Reject(stage, reason, detail, doc.source_uri, doc))
                continue
            out.stats["forwarded"] += 1
            out.docs.append(doc)
        out.seconds = time.perf_counter() - t0
        return out


def run_steps(steps, shard: ShardResult, ctx: Context) -> ShardResult:
    """The one runner: each step in turn over the shard."""
    for step in steps:
        shard = step.run(shard, ctx)
    return shard


__all__ = ["Context", "Reject", "ShardResult", "Step", "run_steps", "SHARD", "DRIVER", "OUTPUT"]
