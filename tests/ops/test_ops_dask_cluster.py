"""Scale-out on a real Dask cluster: `dask scheduler` and `dask worker` as their own
processes on 127.0.0.1 (as on other machines: nothing shared with the test process but
the network and the files), `--dask-address` pointing at the scheduler. The rows written
equal the default (threads) runner's, row for row."""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_ops_dask import VOLATILE, _rows

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
DASK = str(Path(sys.executable).parent / "dask")
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_workers(address: str, n: int, timeout: float = 120) -> None:
    from distributed import Client

    with Client(address, timeout=timeout) as client:
        client.wait_for_workers(n, timeout=timeout)


@pytest.fixture
def prefect_api():
    """One Prefect API for the flow and every Dask worker (workers are separate processes:
    without a URL each would start a temporary server of its own)."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer(port=_free_port())
    server.start(timeout=90)
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):  # Prefect is imported already
            yield server.api_url
    finally:
        server.stop()


@pytest.fixture
def dask_cluster(prefect_api, tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_API_URL": prefect_api, "PYTHONPATH": str(REPO)}
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              cwd=REPO, env=env, stdout=(logs / "scheduler.log").open("w"), stderr=subprocess.STDOUT)]
    try:
        time.sleep(1)
        procs.append(subprocess.Popen([DASK, "worker", address, "--nworkers", "2", "--nthreads", "1",
                                       "--no-dashboard", "--host", "127.0.0.1"],
                                      cwd=REPO, env=env, stdout=(logs / "worker.log").open("w"),
                                      stderr=subprocess.STDOUT))
        _wait_for_workers(address, 2)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_ops_dask_scheduler_and_workers_equal_threads_run(seeds_dir, tmp_path, dask_cluster):
    from distributed import Client

    from flows.kabar_flow import kabar_flow
    from flows.runners import make_task_runner

    outs = {}
    for runner, address in (("threads", None), ("cluster", dask_cluster)):
        out = tmp_path / runner
        flow = kabar_flow.with_options(task_runner=make_task_runner("threads", workers=2, dask_address=address))
        # shard_docs=2: three shards, so both worker processes get work
        m = flow(inputs=[str(seeds_dir)], out=str(out), shard_docs=2, window=3)
        assert m["status"] == "success", m["error"]
        assert m["counts"]["loaded"] == 5
        outs[runner] = out
    with Client(dask_cluster) as client:  # the work really ran on the cluster's workers
        assert len(client.scheduler_info()["workers"]) == 2
        done = client.run(lambda dask_worker: dask_worker.state.transition_counter)
        assert sum(done.values()) > 0, done
    for table in ("articles", "quarantine"):
        if not (outs["threads"] / table).exists():
            assert not (outs["cluster"] / table).exists()
            continue
        a, cols_a = _rows(outs["threads"] / table, "doc_id")
        b, cols_b = _rows(outs["cluster"] / table, "doc_id")
        assert cols_a == cols_b and VOLATILE.isdisjoint(cols_a)
        differ = sorted({c for ra, rb in zip(a, b) for c, x, y in zip(cols_a, ra, rb) if x != y})
        assert a == b, f"{table}: columns differ: {differ}"  # row for row, all but the run's own id and time
