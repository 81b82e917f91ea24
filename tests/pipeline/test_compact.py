"""Compaction: a partition's small parts become few large ones, same rows, under the writer lock."""
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kabar.compact import compact
from kabar.lock import LockHeld
from kabar.state_index import StateIndex, key_of, segment_table, write_segment
import fsspec

REPO = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time, fsspec, pathlib
from kabar.lock import WriterLock
lk = WriterLock(fsspec.filesystem("file"), sys.argv[1], "a-run").acquire()
pathlib.Path(sys.argv[2]).write_text("held")
while not pathlib.Path(sys.argv[3]).exists():
    time.sleep(0.05)
lk.release()
"""


def _parts(out: Path, n_runs: int) -> None:
    for day in ("2026-11-30", "2026-12-01"):
        for r in range(n_runs):
            folder = out / "articles" / f"ingest_date={day}"
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.table({"doc_id": [f"{day}-{r}-{i}" for i in range(7)], "n": list(range(7))}),
                           folder / f"part-2026120{r}T000000Z-aaaaaa-00000.parquet")
    (out / "quarantine" / "ingest_date=2026-12-01").mkdir(parents=True)
    pq.write_table(pa.table({"reason": ["x"]}), out / "quarantine" / "ingest_date=2026-12-01" / "part-r-00000.parquet")


def _rows(out: Path):
    return sorted(duckdb.sql(f"select doc_id, n from read_parquet('{out}/articles/**/*.parquet')").fetchall())


def test_compact_under_the_lock(tmp_path):
    out = tmp_path / "out"
    _parts(out, 5)
    fs = fsspec.filesystem("file")
    idx = StateIndex(fs, str(out))
    for r in range(3):
        write_segment(fs, f"{idx.folder('input')}/seg-r{r}.arrow", segment_table([(key_of("u"), f"fp{r}")]))
    before = _rows(out)
    held, release = tmp_path / "held", tmp_path / "release"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out / "_state"), str(held), str(release)], cwd=REPO)
    while not held.exists():
        time.sleep(0.05)
    with pytest.raises(LockHeld, match="a-run"):
        compact(str(out))
    assert len(list(out.rglob("*.parquet"))) == 11  # untouched while another run writes
    release.write_text("go")
    holder.wait(timeout=30)
    rep = compact(str(out), max_rows=20)
    assert (rep.partitions, rep.parts_before, rep.parts_after, rep.rows) == (2, 10, 4, 70)
    assert _rows(out) == before
    for day in ("2026-11-30", "2026-12-01"):
        files = sorted((out / "articles" / f"ingest_date={day}").glob("*.parquet"))
        assert [pq.read_metadata(f).num_rows for f in files] == [20, 15]
    assert len(list((out / "quarantine").rglob("*.parquet"))) == 1  # one part: left alone
    assert rep.state_segments == {"input": 3}
    assert StateIndex(fs, str(out)).lookup("input", [key_of("u")]) == [["fp2"]]  # newest fingerprint kept
    assert not list(out.rglob("*.tmp")) and not (out / "_staging").exists() or not list((out / "_staging").iterdir())
    assert not (out / "_state" / "writer.lock").exists()
