"""The pipeline, declared once: its steps in order.

The plain loop (`runner.run_plain`), the Prefect shard task (`tasks/stages.py`) and the
benchmark's bare loop (`bench/run.py`) all run this list, through `kabar.steps.run_steps`.
Adding a step is one class and one line here. Each step says where it runs (`where`):
the `shard` steps run in a worker, the `driver` steps in the run's own process one shard
at a time, the `output` steps last, in the driver, retried on failure.
"""
from __future__ import annotations

from functools import lru_cache

from kabar.clean import CleanStep
from kabar.enrich import EnrichStep
from kabar.pipeline.steps import CleanGate, Dedup, EnrichedGate, RawGate, Read, Signature, Write
from kabar.steps import DRIVER, OUTPUT, PLACES, SHARD, Step

PIPELINE: tuple[type[Step], ...] = (
    Read,
    RawGate,
    CleanStep,
    CleanGate,
    EnrichStep,
    EnrichedGate,
    Signature,
    Dedup,
    Write,
)


def _check(pipeline: tuple[type[Step], ...]) -> None:
    places = [PLACES.index(cls.where) for cls in pipeline]
    if places != sorted(places):
        raise TypeError("pipeline: every shard step must come before the driver steps, and those before the output: "
                        + ", ".join(f"{cls.name} ({cls.where})" for cls in pipeline))
    names = [cls.name for cls in pipeline]
    if len(set(names)) != len(names):
        raise TypeError(f"pipeline: step names must be unique (they key the statistics): {names}")


_check(PIPELINE)
NAMES = tuple(cls.name for cls in PIPELINE)


@lru_cache(maxsize=None)
def _instance(cls: type[Step]) -> Step:
    """A step, built once per process and only where it runs (steps load their data
    files once; the driver of a process-pool run never builds clean or enrich)."""
    return cls()


def steps() -> tuple[Step, ...]:
    """The pipeline's steps."""
    return tuple(_instance(cls) for cls in PIPELINE)


def step(name: str) -> Step:
    return _instance(PIPELINE[NAMES.index(name)])


def where(place: str) -> tuple[Step, ...]:
    """The contiguous slice of steps that run at `place` (SHARD, DRIVER or OUTPUT)."""
    return tuple(_instance(cls) for cls in PIPELINE if cls.where == place)


def shard_steps() -> tuple[Step, ...]:
    return where(SHARD)


def driver_steps() -> tuple[Step, ...]:
    return where(DRIVER)


def output_steps() -> tuple[Step, ...]:
    return where(OUTPUT)
