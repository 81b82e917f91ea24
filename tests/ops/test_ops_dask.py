"""The flow on a real Dask LocalCluster (prefect-dask) writes the same dataset as the default runner."""
import pyarrow.dataset as ds
import pytest

from flows.kabar_flow import kabar_flow
from flows.runners import make_task_runner

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
VOLATILE = {"run_id", "ingested_at", "ingest_date"}


def _rows(path, key):
    t = ds.dataset(str(path), format="parquet", partitioning="hive").to_table()
    cols = [c for c in t.column_names if c not in VOLATILE]
    return sorted((tuple(repr(r[c]) for c in cols) for r in t.select(cols).to_pylist()), key=repr), cols


def test_ops_dask_local_cluster_equals_default_runner(seeds_dir, tmp_path):
    outs = {}
    for runner in ("threads", "dask"):
        out = tmp_path / runner
        flow = kabar_flow.with_options(task_runner=make_task_runner(runner, workers=2))
        # shard_docs=2: several shards in flight, so the cluster really spreads the work
        m = flow(inputs=[str(seeds_dir)], out=str(out), shard_docs=2, window=3)
        assert m["status"] == "success", m["error"]
        assert m["counts"]["loaded"] == 5 and m["counts"]["reconciled"]
        outs[runner] = out
    for table, key in (("articles", "doc_id"), ("quarantine", "source_uri")):
        if not (outs["threads"] / table).exists():
            assert not (outs["dask"] / table).exists()
            continue
        a, cols_a = _rows(outs["threads"] / table, key)
        b, cols_b = _rows(outs["dask"] / table, key)
        assert cols_a == cols_b
        assert len(a) == len(b) and a == b  # row for row, every column but the run's own id and time
