"""Shard planning: every file in exactly one shard, in order; a run too small to give each
worker several full shards is cut finer, evenly, but never into crumbs."""
from kabar.pipeline.shards import plan_shards
from kabar.readers.base import InputFile


def _files(n, size=100_000):
    return [InputFile(uri=f"p{i}.html", size=size, fingerprint=str(i)) for i in range(n)]


def _flat(shards):
    return [f.uri for s in shards for f in s]


def test_full_shards_by_count_and_by_size():
    files = _files(1500)
    assert [len(s) for s in plan_shards(files, 500, 64 * 1024 * 1024)] == [500, 500, 500]
    assert [len(s) for s in plan_shards(files, 500, 10 * 100_000)] == [10] * 150


def test_two_workers_get_even_shares_of_a_small_run():
    files = _files(1500)
    shards = plan_shards(files, 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)
    assert len(shards) >= 8 and max(map(len, shards)) <= 188
    assert _flat(shards) == [f.uri for f in files]


def test_no_shard_smaller_than_the_minimum_when_cut_finer():
    files = _files(120)
    shards = plan_shards(files, 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)
    assert [len(s) for s in shards] == [50, 50, 20]
    assert len(plan_shards(_files(5), 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)) == 1


def test_uneven_sizes_are_balanced_by_bytes():
    files = _files(400, size=10_000) + _files(400, size=200_000)
    shards = plan_shards(files, 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)
    sizes = [sum(f.size for f in s) for s in shards]
    assert max(sizes) <= 1.5 * sum(sizes) / 8
    assert sum(map(len, shards)) == 800
