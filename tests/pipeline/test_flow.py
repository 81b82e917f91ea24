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


def _task_run_names(flow_run_id, expected: int, timeout: float = 60.0) -> list[str]:
    """The task runs the API recorded for a flow run (recorded from events: poll briefly)."""
    import time

    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            if len(runs) >= expected or time.monotonic() > deadline:
                return sorted(r.name.rsplit("-", 1)[0] for r in runs)
            time.sleep(0.5)


def test_one_task_run_per_shard_and_cached_steps_nested(harness, seeds_dir, tmp_path):
    """Uncached, a shard is one task run (its steps plain calls) plus its load; cached, each
    shard step is a nested run again, and the rows are the same."""
    from flows.kabar_flow import kabar_flow
    from kabar.pipeline.order import shard_steps

    plain = kabar_flow(inputs=[str(seeds_dir)], out=str(tmp_path / "plain"), return_state=True)
    assert _task_run_names(plain.state_details.flow_run_id, 2) == ["load", "shard"]
    cached = kabar_flow(inputs=[str(seeds_dir)], out=str(tmp_path / "cached"), cache=True, return_state=True)
    steps = [s.name for s in shard_steps()]
    names = _task_run_names(cached.state_details.flow_run_id, 2 + len(steps))
    assert names == sorted(["load", "shard", *steps])
    cols = ["doc_id", "title", "text", "language", "published_at"]
    assert (read_table(tmp_path / "plain" / "articles").select(cols).sort_by("doc_id")
            == read_table(tmp_path / "cached" / "articles").select(cols).sort_by("doc_id"))
