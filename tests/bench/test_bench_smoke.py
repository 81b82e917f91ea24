"""Smoke run of the benchmark script (bench/run.py) on a tiny corpus: it runs, every
document loads, and it prints its tables. Not a timing test: no figure is asserted."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_smoke(tmp_path):
    out = tmp_path / "bench"
    res = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--n", "30", "--configs", "bare,floor,plain",
         "--out", str(out), "--json", str(tmp_path / "r.json")],
        cwd=REPO, capture_output=True, text=True, timeout=180,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    results = {r["config"]: r for r in json.loads((tmp_path / "r.json").read_text())}
    assert set(results) == {"bare", "floor", "plain"}
    assert results["bare"]["docs"] == 30
    assert results["plain"]["read"] == 30 and results["plain"]["docs"] == 30  # distinct copies: all load
    assert results["floor"]["bodies"] == 30
    assert all(r["docs_per_s"] > 0 and r["rss_tree_mb"] > 0 for r in results.values())
    assert "== N = 30 ==" in res.stdout and "plain ÷ bare" in res.stdout
    corpus = sorted((out / "corpus-30").rglob("*.*"))
    texts = [p.read_text(encoding="utf-8") for p in corpus if p.name != ".complete"]
    assert len(texts) == 30 and len(set(texts)) == 30
