"""Thin Prefect tasks over kabar's pure shard functions.

Each task handles a shard (hundreds of documents), never one document. Retries sit
on the task that touches the outside world (reading inputs); clean, enrich and the
gates are pure computation, so a retry would only repeat the same failure.
Results are not persisted or cached: a shard's documents are large and flow to the
next task in memory (see README, "Caching").
"""
from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from kabar import pipeline
from kabar.readers import InputFile
from kabar.steps import ShardResult

_pure = dict(cache_policy=NO_CACHE, persist_result=False)


@task(name="extract", retries=2, retry_delay_seconds=[2, 10], **_pure)
def extract(files: list[InputFile]) -> ShardResult:
    return pipeline.extract_shard(files)


@task(name="validate", **_pure)
def validate(shard: ShardResult, suite: str, reports_dir: str, run_name: str) -> ShardResult:
    return pipeline.gate_shard(shard, suite, reports_dir, run_name)


@task(name="clean", **_pure)
def clean(shard: ShardResult) -> ShardResult:
    return pipeline.clean_shard(shard)


@task(name="enrich", **_pure)
def enrich(shard: ShardResult) -> ShardResult:
    return pipeline.enrich_shard(shard)


@task(name="load", retries=2, retry_delay_seconds=[2, 10], **_pure)
def load(run: pipeline.Run, shard: ShardResult, files: list[InputFile]) -> int:
    run.load(shard, files)
    return len(shard.docs)
