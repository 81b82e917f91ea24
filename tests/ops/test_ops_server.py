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


def test_ops_gate_failed_deployment_run_ends_failed_without_a_traceback(stack, tmp_path):
    import re
    import subprocess

    from flows.serve import PREFECT, REPO

    inputs = tmp_path / "in"
    inputs.mkdir()
    body = ("Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota pada pekan ini. "
            "Wali kota mengatakan proyek itu akan selesai dalam waktu enam bulan dan terbuka untuk umum. "
            "Warga menyambut baik rencana tersebut karena kawasan itu selama ini kekurangan ruang hijau.")
    (inputs / "ok.txt").write_text(f"Judul berita tentang taman kota baru\n\nJakarta -\n\n{body}\n")
    for i in range(3):  # one sentence each: under the enriched suite's word minimum, 3 of 4 > its limit
        (inputs / f"short{i}.txt").write_text(
            f"Judul berita pendek nomor {i}\n\nJakarta -\n\nKalimat nomor {i} ini cukup panjang untuk badan "
            "berita tetapi terlalu pendek.\n")
    worker_log = stack.home / "worker.log"
    before = len(worker_log.read_text())
    params = json.dumps({"inputs": [str(inputs)], "out": str(tmp_path / "out")})
    r = subprocess.run([PREFECT, "deployment", "run", "kabar/nightly", "--params", params, "--watch",
                        "--watch-timeout", "180"], cwd=REPO, env=stack.env, capture_output=True, text=True, timeout=200)
    cli = r.stdout + r.stderr
    assert "finished in state 'Failed'" in cli, cli[-3000:]
    assert "Traceback" not in cli
    log = worker_log.read_text()[before:]
    assert "kabar run failed: GX suite" in log, log[-3000:]
    assert "Traceback" not in log and "cannot be resolved into an exception" not in log, log[-4000:]
    run_id = re.search(r"UUID: ([0-9a-f-]{36})", cli).group(1)
    ui = stack.run("flow-run", "logs", run_id).stdout  # what the UI shows: the run's logs in the API
    assert "kabar run failed: GX suite" in ui and "Traceback" not in ui, ui[-3000:]
    state = stack.run("flow-run", "inspect", run_id).stdout
    assert "FAILED" in state and "GX suite" in state
