"""The operator's path, for real, on loopback: `prefect server start`, a process work pool,
`prefect deploy` from prefect.yaml, `prefect worker start`, `prefect deployment run`.

Everything runs under a temporary PREFECT_HOME (its own SQLite DB) on a free port, and
every process started is stopped (process groups and descendants) within a time bound.
"""
import json
import sqlite3
import time

import pyarrow.dataset as ds
import pytest

from flows.serve import Stack, free_port

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    env = {"PREFECT_HOME": str(home), "PREFECT_WORKER_QUERY_SECONDS": "2", "PREFECT_UI_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "INFO"}
    s = Stack(free_port(), env=env, log_dir=home, ui=False)
    try:
        s.up()
        s.home = home
        yield s
    finally:
        s.stop(timeout=15)
        assert not any(p.poll() is None for p in s.procs)


def test_ops_deployment_run_completes_and_writes_the_dataset(stack, seeds_dir, tmp_path):
    out = tmp_path / "out"
    params = json.dumps({"inputs": [str(seeds_dir)], "out": str(out)})
    t0 = time.monotonic()
    r = stack.run("deployment", "run", "kabar/nightly", "--params", params, "--watch", "--watch-timeout", "180",
                  timeout=200)
    assert "Completed" in r.stdout, r.stdout[-3000:] + (stack.home / "worker.log").read_text()[-3000:]
    assert time.monotonic() - t0 < 180
    arts = ds.dataset(str(out / "articles"), format="parquet", partitioning="hive").to_table()
    assert arts.num_rows == 5
    [manifest] = [json.loads(p.read_text()) for p in (out / "runs").glob("*.json")]
    assert manifest["status"] == "success" and manifest["counts"]["loaded"] == 5
    assert (out / "reports" / "index.html").exists()
    # the run summary is on the flow run, as artifacts
    listing = stack.run("artifact", "ls").stdout
    assert "kabar-run" in listing and "kabar-stage" in listing
    assert "Traceback" not in (stack.home / "worker.log").read_text()


def test_ops_deployment_has_the_nightly_schedule(stack):
    info = stack.run("deployment", "inspect", "kabar/nightly").stdout
    assert "0 2 * * *" in info and "Asia/Jakarta" in info
    assert "set_working_directory" in info


# prefect 3.8.8's scheduler inserts no runs with SQLAlchemy 2.1 ("Can't evaluate bulk DML
# statement"); pyproject pins sqlalchemy<2.1 and this test fails if that pin goes.
def test_ops_scheduler_creates_the_next_nightly_run(stack):
    db = stack.home / "prefect.db"
    deadline = time.monotonic() + 20
    row = (0, None)
    while time.monotonic() < deadline:
        with sqlite3.connect(db) as c:
            row = c.execute("select count(*), min(expected_start_time) from flow_run "
                            "where state_type = 'SCHEDULED'").fetchone()
        if row[0] or "InvalidRequestError" in (stack.home / "server.log").read_text():
            break
        time.sleep(1)
    assert row[0] > 0, "the scheduler created no run for the cron schedule"
    assert row[1].split(" ")[1].startswith("19:00:00")  # 02:00 in Asia/Jakarta (UTC+7) is 19:00 UTC
