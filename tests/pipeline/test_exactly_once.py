"""Exactly-once loads: kill -9 a run at several points, rerun, compare with a clean run."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline_helpers import read_table

N_DOCS = 24


def make_inputs(seeds: Path, folder: Path) -> Path:
    """Distinct documents from the seeds: each copy gets its own closing paragraph."""
    folder.mkdir(parents=True)
    seeds_text = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    for i in range(N_DOCS):
        base = seeds_text[i % len(seeds_text)]
        extra = (f"Catatan redaksi nomor {i}: laporan ini diperbarui untuk arsip pembaca "
                 f"dengan tambahan keterangan urutan {i * 7919} dari meja redaksi.")
        lines = base.splitlines()
        lines.insert(min(12, len(lines)), extra)
        (folder / f"doc{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def kabar(inputs: Path, out: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "kabar.cli", "run", str(inputs), "--out", str(out), "--no-prefect",
           "--shard-docs", "3", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def rows(out: Path):
    t = read_table(out / "articles")
    ids = t.column("doc_id").to_pylist()
    texts = dict(zip(ids, t.column("text").to_pylist()))
    q = read_table(out / "quarantine").column("source_uri").to_pylist() if (out / "quarantine").exists() else []
    return ids, texts, sorted(q)


def kill_when(proc: subprocess.Popen, out: Path, parts: int, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        n = len(list(out.glob("_staging/*/articles/*/*.parquet")))  # parts are staged until the commit
        if n >= parts:
            break
        time.sleep(0.02)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir):
    base = tmp_path_factory.mktemp("once")
    inputs = make_inputs(seeds_dir, base / "in")
    clean_out = base / "clean"
    p = kabar(inputs, clean_out)
    assert p.wait(timeout=300) == 0, p.stderr.read().decode()
    return inputs, rows(clean_out)


@pytest.mark.parametrize("kill_after_parts", [0, 2, 6])
def test_kill_and_rerun_equals_clean_run(corpus, tmp_path, kill_after_parts):
    inputs, (clean_ids, clean_texts, clean_q) = corpus
    assert len(clean_ids) == N_DOCS
    out = tmp_path / "out"
    kill_when(kabar(inputs, out), out, kill_after_parts)
    p = kabar(inputs, out)
    assert p.wait(timeout=300) == 0, p.stderr.read().decode()
    ids, texts, q = rows(out)
    assert len(ids) == len(set(ids)), "duplicate rows after kill and rerun"
    assert sorted(ids) == sorted(clean_ids)
    assert texts == clean_texts
    assert q == clean_q
    assert not list(out.rglob("*.tmp")), "temporary files left behind"
    # and a third run over the same inputs adds nothing
    p = kabar(inputs, out)
    assert p.wait(timeout=300) == 0
    assert sorted(rows(out)[0]) == sorted(clean_ids)
