"""The Prefect flow over the seeds (Prefect's test harness), and the CLI's exit status."""
import json
import subprocess
import sys

import pytest
from prefect.testing.utilities import prefect_test_harness

from pipeline_helpers import read_table, write_article
from pipeline_helpers import SHORT_BODY


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_flow_over_seeds(harness, seeds_dir, tmp_path):
    from flows.kabar_flow import kabar_flow

    out = tmp_path / "out"
    m = kabar_flow(inputs=[str(seeds_dir)], out=str(out))
    c = m["counts"]
    assert m["status"] == "success"
    assert c["read"] == c["loaded"] + c["quarantined"] == 5 and c["loaded"] == 5
    assert all(m["gx"][s]["ran"] for s in ("raw", "clean", "enriched"))
    assert read_table(out / "articles").num_rows == 5
    assert (out / "reports" / "data_docs" / "index.html").exists()
    validations = list((out / "reports" / "data_docs" / "validations").rglob("*.html"))
    assert {p.relative_to(out / "reports" / "data_docs" / "validations").parts[0] for p in validations} == {"raw", "clean", "enriched"}
    assert json.loads((out / "runs" / f"{m['run_id']}.json").read_text())["counts"]["loaded"] == 5


def test_cli_exits_non_zero_with_a_readable_message_when_a_suite_fails(tmp_path):
    inputs = tmp_path / "in"
    write_article(inputs, "ok.txt", "Judul berita tentang taman kota baru")
    for i in range(3):
        write_article(inputs, f"short{i}.txt", f"Judul berita pendek nomor {i}", SHORT_BODY.format(i))
    proc = subprocess.run([sys.executable, "-m", "kabar.cli", "run", str(inputs), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    text = proc.stdout + proc.stderr
    assert "FAILED" in text and "GX suite '" in text and "limit" in text
    assert "Traceback" not in text


def test_cli_success_prints_summary_without_tracebacks(seeds_dir, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kabar.cli", "run", str(seeds_dir), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "read 5  loaded 5  quarantined 0  (reconciled: yes)" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "telemetry" not in (proc.stdout + proc.stderr).lower()



def test_cached_run_steps_nested_same_rows(harness, seeds_dir, tmp_path):
    """Uncached, a shard's steps are plain calls in its one task run; cached, each shard step is
    a nested task run of its own again: both paths give the same rows."""
    from flows.kabar_flow import kabar_flow

    plain = kabar_flow(inputs=[str(seeds_dir)], out=str(tmp_path / "plain"))
    cached = kabar_flow(inputs=[str(seeds_dir)], out=str(tmp_path / "cached"), cache=True)
    assert plain["status"] == cached["status"] == "success"
    assert plain["counts"]["loaded"] == cached["counts"]["loaded"] == 5
    cols = ["doc_id", "title", "text", "language", "published_at"]
    assert (read_table(tmp_path / "plain" / "articles").select(cols).sort_by("doc_id")
            == read_table(tmp_path / "cached" / "articles").select(cols).sort_by("doc_id"))
