"""A junk night fails loudly and keeps its evidence; a good run leaves every dataset readable."""
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[2]
NAV = "Beranda\nNasional\nEkonomi\nOlahraga\nTekno\nHiburan\nIndeks Berita\nLogin\nDaftar\nKontak Kami\n" \
      "Tentang Kami\nPedoman Media Siber\nCopyright 2024 Kabar Kota {}\n"


def kabar(*args):
    return subprocess.run([sys.executable, "-m", "kabar.cli", "run", *map(str, args), "--no-prefect"],
                          capture_output=True, text=True, timeout=300, cwd=REPO)


def test_junk_night_fails_and_its_rejects_are_readable(seeds_dir, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    (inputs / seed.name).write_bytes(seed.read_bytes())
    for i in range(3):
        (inputs / f"nav{i}.txt").write_text(NAV.format(i))
    out = tmp_path / "out"
    p = kabar(inputs, "--out", out)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "FAILED" in p.stdout and "GX suite 'clean' rejected 3 of 4 rows" in p.stdout
    assert "3 rejected by the clean stage" in p.stdout and "nothing published" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr
    # nothing visible to readers, the evidence is
    assert not list(out.glob("articles/**/*.parquet")) and not list(out.glob("quarantine/**/*.parquet"))
    [m] = [json.loads(f.read_text()) for f in (out / "runs").glob("*.json")]
    assert m["status"] == "failed" and m["written"]["published"] is False
    evidence = Path(m["written"]["evidence"])
    rejects = pd.read_parquet(evidence / "quarantine")
    assert len(rejects) == 3 and set(rejects.reason) == {"empty_body"} and rejects.content.notna().all()
    assert len(pd.read_parquet(evidence / "articles")) == 1
    page = (out / "reports" / f"run-{m['run_id']}.html").read_text()
    assert "Nothing was published" in page and f"{evidence}/quarantine" in page
    assert "Every rejected record is in the quarantine table" not in page
    # the same inputs again fail again (nothing was marked done), and still nothing is published
    assert kabar(inputs, "--out", out).returncode == 1
    assert not list(out.glob("articles/**/*.parquet"))


def test_successful_run_leaves_every_dataset_readable_with_its_schema(seeds_dir, tmp_path):
    out = tmp_path / "out"
    p = kabar(seeds_dir, "--out", out)
    assert p.returncode == 0, p.stdout + p.stderr
    q = pd.read_parquet(out / "quarantine")  # the README's line, after a run that quarantined nothing
    assert len(q) == 0 and {"source_uri", "stage", "reason", "content"} <= set(q.columns)
    a = pd.read_parquet(out / "articles")
    s = pd.read_parquet(out / "sources")
    assert len(a) == 5 and (a.version == 1).all() and a.article_id.notna().all()
    assert len(s) == sum(len(x) for x in a.sources) and set(s.doc_id) <= set(a.doc_id)
