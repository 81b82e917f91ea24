"""Whole runs as real processes: two at once on one folder, and kill -9 at each publish phase,
with a DuckDB reader counting rows in between."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from test_exactly_once import N_DOCS as N_LONG, make_inputs

N_DOCS = 6  # two shards of three: small enough to keep each run to seconds

REPO = Path(__file__).resolve().parents[2]


def kabar(inputs, out, *extra, env=None):
    cmd = [sys.executable, "-m", "kabar.cli", "run", str(inputs), "--out", str(out), "--no-prefect",
           "--shard-docs", "3", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, **(env or {})}, start_new_session=True)


def count(out: Path, dataset="articles") -> int:
    if not list(out.glob(f"{dataset}/**/*.parquet")):
        return 0
    return duckdb.sql(f"select count(*) from read_parquet('{out}/{dataset}/**/*.parquet')").fetchall()[0][0]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, seeds_dir):
    folder = make_inputs(seeds_dir, tmp_path_factory.mktemp("atomic") / "in")
    for extra in sorted(folder.glob("*.txt"))[N_DOCS:]:
        extra.unlink()
    return folder


def test_second_run_refuses_or_waits_and_nothing_is_lost(seeds_dir, tmp_path):
    inputs = make_inputs(seeds_dir, tmp_path / "in")  # a longer run, so the second starts while it writes
    out = tmp_path / "out"
    first = kabar(inputs, out)
    deadline = time.time() + 120
    while not list(out.glob("_staging/*/articles/*/*.parquet")):  # first run is writing
        assert first.poll() is None and time.time() < deadline, first.communicate()
        time.sleep(0.05)
    refused = kabar(inputs, out)
    r_out, r_err = refused.communicate(timeout=120)
    assert refused.returncode == 1
    assert "is being written by run" in r_err and f"pid {first.pid}" in r_err, r_err
    assert first.poll() is None and list(out.glob("_staging/*/articles/*/*.parquet"))  # its files untouched
    waiting = kabar(inputs, out, "--wait", "300")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert waiting.wait(timeout=300) == 0, waiting.stderr.read()
    assert count(out) == N_LONG  # everything the first run loaded; the second found nothing new
    assert f"inputs unchanged since an earlier run, skipped: {N_LONG}" in waiting.stdout.read()
    assert not (out / "_state" / "writer.lock").exists()


@pytest.mark.parametrize("phase, visible_after_kill", [
    ("intent-written", 0), ("first-move", None), ("moved", N_DOCS), ("committed", N_DOCS)])
def test_kill_at_each_publish_phase(inputs, tmp_path, phase, visible_after_kill):
    out = tmp_path / "out"
    p = kabar(inputs, out, env={"KABAR_FAULT": phase})
    p.communicate(timeout=300)
    assert p.returncode == -signal.SIGKILL
    seen = count(out)
    if visible_after_kill is None:
        assert 0 <= seen <= N_DOCS  # the one window: a committed run half moved, completed below
    else:
        assert seen == visible_after_kill
    again = kabar(inputs, out)
    o, e = again.communicate(timeout=300)
    assert again.returncode == 0, e
    assert "completing the commit of run" in e
    assert count(out) == N_DOCS
    ids = duckdb.sql(f"select doc_id from read_parquet('{out}/articles/**/*.parquet')").fetchall()
    assert len(set(ids)) == N_DOCS
    assert not list(out.glob("_staging/*")) and not list(out.glob("_state/intents/*.json"))


def test_kill_while_staging_shows_nothing_and_is_rolled_back(inputs, tmp_path):
    out = tmp_path / "out"
    p = kabar(inputs, out)
    deadline = time.time() + 120
    while len(list(out.glob("_staging/*/articles/*/*.parquet"))) < 1:
        assert p.poll() is None and time.time() < deadline
        time.sleep(0.02)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    assert count(out) == 0 and count(out, "quarantine") == 0 and count(out, "sources") == 0
    again = kabar(inputs, out)
    o, e = again.communicate(timeout=300)
    assert again.returncode == 0, e
    assert "removing the staged files of run" in e and "process gone" in e
    assert count(out) == N_DOCS
