"""Thin Prefect tasks over kabar's pure shard functions.

Each task handles a shard (hundreds of documents), never one document.

Retries with back-off (and jitter, so shards retried together do not hit storage in
step) sit on the tasks that touch the outside world: the shard task (its first step
reads the inputs) and writing parts. Clean, enrich and the gates are pure computation;
a failing document becomes a quarantine row, not a retry.

The steps and their order come from `kabar/pipeline/order.py`; each step's class says
whether it does I/O (`io`) and whether it may be cached (`cacheable`).

Caching is off by default and opt-in per run (`cache=True`, README "Caching"). It is
safe only for extract, clean and enrich, whose output is a function of the shard's
input files and of kabar's code and data files (language identification is deterministic). Their cache
key hashes exactly that: the (uri, size, mtime) fingerprints of the shard's files and
a digest of `kabar/`, `data/registry/` and `expectations/`. Gates are never cached
(they write GX validation results for Data Docs), nor is the load (it changes the
datasets).
"""
from __future__ import annotations

import atexit
import gc
import hashlib
import multiprocessing
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from kabar import pipeline
from kabar.pipeline import order, stop
from kabar.readers import InputFile
from kabar.steps import SHARD, Context, ShardResult, run_steps

# A worker process (process pool, Dask) ends by tearing its modules down, and Python then
# garbage-collects its whole heap (Prefect, GX, trafilatura...) several times over: seconds
# of CPU, waited for by the flow when the pool shuts down. Registered first, this runs
# last of the exit hooks, and frozen objects are left out of those passes. Only in
# workers: a process that imports the tasks for other reasons (tests) exits as usual.
if multiprocessing.parent_process() is not None:
    atexit.register(gc.freeze)

_pure = dict(cache_policy=NO_CACHE, persist_result=False)
_io_retries = dict(retries=3, retry_delay_seconds=[2, 10, 30], retry_jitter_factor=0.5)
_REPO = Path(__file__).resolve().parent.parent
CACHE_DAYS = 7


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of everything that decides a shard's output besides its input files."""
    h = hashlib.sha256()
    for folder, pattern in (("kabar", "*.py"), ("data/registry", "*"), ("expectations", "*.json")):
        for p in sorted((_REPO / folder).rglob(pattern)):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(_REPO)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def shard_key(files: list[InputFile]) -> str:
    h = hashlib.sha256(code_version().encode())
    for f in sorted(files, key=lambda f: f.uri):
        h.update(f"\0{f.uri}\0{f.fingerprint}".encode())
    return h.hexdigest()


def _key_fn(context, parameters) -> str:
    return f"kabar-{context.task.name}-{parameters['key']}"


_cached = dict(cache_key_fn=_key_fn, persist_result=True, cache_expiration=timedelta(days=CACHE_DAYS))


def _step(name: str, shard: ShardResult, ctx: Context, key: str | None = None) -> ShardResult:
    return order.step(name).run(shard, ctx)


def _task(cls, cache: bool):
    """The Prefect task of one pipeline step: retries if it does I/O, cached only if its
    output is a function of the shard's files, code and data files."""
    opts = dict(_io_retries) if cls.io else {}
    opts.update(_cached if cache and cls.cacheable else _pure)
    return task(_step, name=cls.name, **opts)


_TASKS = {(cls.name, cache): _task(cls, cache) for cls in order.PIPELINE if cls.where == SHARD for cache in (False, True)}


def step_task(name: str, cache: bool):
    return _TASKS[(name, cache)]


@task(name="shard", **_io_retries, **_pure)
def shard(files: list[InputFile], key: str | None, cache: bool, ctx: Context) -> ShardResult:
    """The shard steps of the pipeline over one shard, in the worker that runs this task.

    One task run per shard: the steps run as plain calls in the worker, each timed and
    counted under its name in the shard's statistics (the run's manifest and report).
    A nested task run per step cost the API server six more task runs (states, events,
    logs) a shard for nothing a run uses: a failing document already becomes a quarantine
    row. The task keeps the read's retries (the first step does I/O; the others are pure,
    so repeating them is safe). With `cache`, the steps run as nested task runs again,
    because a cached result is kept per step (gates are never cached).
    A shard's documents cross a process boundary once, back to the flow for loading."""
    with stop.shard_thread():  # a stop signal to the run interrupts this shard (threads runner)
        if not cache:
            return run_steps(order.shard_steps(), ShardResult(), ctx)
        return _cached_steps(key, cache, ctx)


def _cached_steps(key: str | None, cache: bool, ctx: Context) -> ShardResult:
    # quote(): Prefect would otherwise walk every document, zone and source of a shard
    # twice per task call looking for futures (~8 ms a document per call, measured),
    # at the price of the dependency arrows between these nested runs in the UI.
    result = ShardResult()
    for step in order.shard_steps():
        result = step_task(step.name, cache)(step.name, quote(result), quote(ctx), key)
    return result


@task(name="load", **_io_retries, **_pure)
def write(run: pipeline.Run, batch: pipeline.Batch) -> int:
    """Write an admitted shard's parts; retry-safe (fixed part names, atomic renames)."""
    run.write(batch)
    return len(batch.docs)
