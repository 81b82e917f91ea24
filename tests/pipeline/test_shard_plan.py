"""Shard planning: every file in exactly one shard, in order; with several workers the shards
shrink as the run goes (the last to finish is small), but never into crumbs."""
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


def test_several_workers_get_shards_that_shrink_to_a_small_last_one():
    files = _files(1500)
    shards = plan_shards(files, 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)
    sizes = [len(s) for s in shards]
    assert sizes[0] == 375 and sizes[:-1] == sorted(sizes[:-1], reverse=True)  # each a quarter of what is left
    assert len(shards) >= 8 and sizes[-1] < 2 * 50
    assert _flat(shards) == [f.uri for f in files]
    assert {len(s) for s in plan_shards(_files(10_000), 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)[:10]} == {500}


def test_no_crumbs_when_cut_finer():
    files = _files(120)
    shards = plan_shards(files, 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)
    assert [len(s) for s in shards] == [50, 70]  # the 20 left at the end ride with the shard before
    assert len(plan_shards(_files(5), 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)) == 1


def test_uneven_sizes_shrink_by_bytes():
    files = _files(400, size=10_000) + _files(400, size=200_000)
    shards = plan_shards(files, 500, 64 * 1024 * 1024, min_shards=8, min_shard_docs=50)
    sizes = [sum(f.size for f in s) for s in shards]
    assert max(sizes) <= sum(sizes) / 4 and sizes[-1] <= sum(sizes) / 8
    assert sum(map(len, shards)) == 800
