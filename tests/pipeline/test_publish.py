"""Atomic publish with real processes killed (-9) at each phase, a DuckDB reader counting rows."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import fsspec
import pytest

from kabar.publish import Publisher

REPO = Path(__file__).resolve().parents[2]

# stage 3 parts of 10 rows, then publish; KILL_AT names the phase where the process dies
WRITER = """
import os, signal, sys, fsspec, pyarrow as pa, pyarrow.parquet as pq
from kabar.publish import Publisher
root, kill_at = sys.argv[1], sys.argv[2]
def fault(phase):
    if phase == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
fs = fsspec.filesystem("file")
pub = Publisher(fs, root, fault)
for i in range(3):
    path = pub.staged("run1", "articles", "ingest_date=2026-12-01", f"part-run1-{i:05d}.parquet")
    fs.makedirs(os.path.dirname(path), exist_ok=True)
    pq.write_table(pa.table({"x": list(range(10))}), path)
fault("staged")
pub.publish("run1", {"run_id": "run1", "inputs": {}})
"""


def visible(root: Path) -> int:
    if not list(root.glob("articles/**/*.parquet")):
        return 0
    return duckdb.sql(f"select count(*) from read_parquet('{root}/articles/**/*.parquet')").fetchall()[0][0]


@pytest.mark.parametrize("kill_at, seen_before_recovery", [
    ("staged", 0), ("intent-written", 0), ("first-move", 10), ("moved", 30), ("committed", 30), ("never", 30)])
def test_kill_at_each_phase(tmp_path, kill_at, seen_before_recovery):
    root = tmp_path / "out"
    p = subprocess.run([sys.executable, "-c", WRITER, str(root), kill_at], cwd=REPO, timeout=60)
    assert p.returncode == (-signal.SIGKILL if kill_at != "never" else 0)
    assert visible(root) == seen_before_recovery  # staging is outside the dataset globs
    rec = Publisher(fsspec.filesystem("file"), str(root)).recover()
    committed = kill_at not in ("staged",)
    assert visible(root) == (30 if committed else 0)
    assert (root / "_state" / "commits" / "run1.json").exists() == committed
    assert not (root / "_staging").exists() or not list((root / "_staging").iterdir())
    assert not list((root / "_state").rglob("intents/*.json"))
    if kill_at in ("intent-written", "first-move", "moved", "committed"):
        assert rec.rolled_forward == ["run1"]
    if kill_at == "staged":
        assert rec.rolled_back == ["run1"]


def test_failed_run_keeps_its_files_as_evidence_outside_the_datasets(tmp_path):
    fs = fsspec.filesystem("file")
    pub = Publisher(fs, str(tmp_path))
    path = pub.staged("bad", "quarantine", "ingest_date=2026-12-01", "part-bad-00000.parquet")
    fs.makedirs(os.path.dirname(path), exist_ok=True)
    import pyarrow as pa
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"reason": ["nav_only"] * 3}), path)
    moved = pub.keep_as_evidence("bad")
    assert moved == ["failed/bad/quarantine/ingest_date=2026-12-01/part-bad-00000.parquet"]
    import pandas as pd
    assert len(pd.read_parquet(tmp_path / "failed" / "bad" / "quarantine")) == 3
    assert not (tmp_path / "quarantine").exists()
