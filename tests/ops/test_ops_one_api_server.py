"""`kabar run` with worker processes (a process pool, a local Dask cluster) and no
PREFECT_API_URL: one temporary Prefect API server for the whole run (the flow's process
and every worker report to it), started by kabar, gone when the command ends."""
import os
import subprocess
import sys
import threading
import time

import psutil
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
SERVER_APP = "prefect.server.api.server:create_app"


def _servers_in_tree(root: psutil.Process) -> set[int]:
    found = set()
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return found
    for p in procs:
        try:
            if SERVER_APP in " ".join(p.cmdline()):
                found.add(p.pid)
        except psutil.Error:
            pass
    return found


def _is_worker(p: psutil.Process) -> bool:
    """A spawned worker, or one forked from the process pool's fork server (its parent)."""
    if "multiprocessing.spawn" in " ".join(p.cmdline()):
        return True
    parent = p.parent()
    return parent is not None and "multiprocessing.forkserver" in " ".join(parent.cmdline())


@pytest.mark.parametrize("runner", ["processes", "dask"])
def test_workers_share_the_runs_one_api_server(runner, seeds_dir, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # no profile with a server URL
    # shard_docs=2: three shards, so both worker processes start and run task runs
    cmd = [sys.executable, "-m", "kabar.cli", "run", str(seeds_dir), "--out", str(tmp_path / "out"),
           "--workers", "2", "--runner", runner, "--shard-docs", "2"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    root = psutil.Process(proc.pid)
    servers: set[int] = set()
    workers: set[int] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            servers.update(_servers_in_tree(root))
            try:
                workers.update(p.pid for p in root.children(recursive=True) if _is_worker(p))
            except psutil.Error:
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, _ = proc.communicate(timeout=540)
    done.set()
    watcher.join()
    assert proc.returncode == 0, out
    assert "read 5  loaded 5" in out, out
    assert len(workers) >= 2, f"expected two worker processes, saw {sorted(workers)}"
    assert len(servers) == 1, f"expected one API server for the run, saw {sorted(servers)}"
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in servers), "the API server outlived the command"
