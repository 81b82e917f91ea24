"""Whole runs in a plain loop (no Prefect): datasets, quarantine, manifest, gates, reruns."""
import json

import pyarrow.parquet as pq
import pytest

from kabar.gates import GxProject
from kabar.pipeline import Settings, run_plain
from kabar.pipeline.steps import CleanGate
from kabar.record import BODY, Doc, ZoneLine
from kabar.steps import Context, ShardResult

from pipeline_helpers import ARTICLE_TEXT, SHORT_BODY, read_table, write_article


def test_plain_run_on_seeds(seeds_dir, tmp_path):
    out = tmp_path / "out"
    m = run_plain(Settings(inputs=[str(seeds_dir)], out=str(out)))
    assert m["status"] == "success", m["error"]
    c = m["counts"]
    assert c["read"] == 5 and c["loaded"] == 5 and c["quarantined"] == 0
    assert c["read"] == c["loaded"] + c["quarantined"] and c["reconciled"]
    assert all(m["gx"][s]["ran"] and m["gx"][s]["success"] for s in ("raw", "clean", "enriched"))
    arts = read_table(out / "articles")
    assert arts.num_rows == 5
    assert len(set(arts.column("doc_id").to_pylist())) == 5
    assert (out / "runs" / f"{m['run_id']}.json").exists()
    assert (out / "reports" / "data_docs" / "index.html").exists()
    saved = json.loads((out / "runs" / f"{m['run_id']}.json").read_text())
    assert saved["counts"]["read"] == 5


def test_rerun_adds_nothing_and_full_rebuilds(seeds_dir, tmp_path):
    out = tmp_path / "out"
    first = run_plain(Settings(inputs=[str(seeds_dir)], out=str(out)))
    again = run_plain(Settings(inputs=[str(seeds_dir)], out=str(out)))
    assert again["counts"]["read"] == 0 and again["counts"]["inputs_skipped_unchanged"] == 5
    assert read_table(out / "articles").num_rows == 5
    full = run_plain(Settings(inputs=[str(seeds_dir)], out=str(out), full=True))
    assert full["counts"]["loaded"] == 5
    ids = read_table(out / "articles").column("doc_id").to_pylist()
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 5
    assert first["run_id"] != full["run_id"]


def test_row_gate_failure_goes_to_quarantine_with_expectation_name(tmp_path):
    project = GxProject(tmp_path / "reports")
    project.prepare()
    good = Doc("a.txt", "text", "x", "text", zones=[ZoneLine(0, ARTICLE_TEXT, BODY)], text=ARTICLE_TEXT, title="t")
    empty = Doc("b.txt", "text", "y", "text", zones=[], text="", title="t")
    shard = CleanGate().run(ShardResult(docs=[good, empty]), Context(reports_dir=str(tmp_path / "reports"), run_name="r1"))
    assert [d.source_uri for d in shard.docs] == ["a.txt"]
    [rej] = shard.rejects
    assert rej.stage == "validate_clean"
    assert rej.reason.startswith("expect_column_values_to_")
    assert "text" in rej.reason or "body_chars" in rej.reason


def test_short_article_is_quarantined_by_a_gate_in_a_run(tmp_path):
    inputs = tmp_path / "in"
    for i in range(3):
        write_article(inputs, f"ok{i}.txt", f"Judul berita nomor {i} tentang taman kota", ARTICLE_TEXT + f" Nomor {i}.")
    write_article(inputs, "short.txt", "Judul berita pendek sekali", SHORT_BODY.format(0))
    out = tmp_path / "out"
    m = run_plain(Settings(inputs=[str(inputs)], out=str(out)))
    assert m["status"] == "success", m["error"]
    c = m["counts"]
    assert c["read"] == 4 and c["loaded"] == 3 and c["quarantined"] == 1
    q = read_table(out / "quarantine").to_pylist()
    assert len(q) == 1 and q[0]["source_uri"].endswith("short.txt")
    assert q[0]["stage"].startswith("validate_") or q[0]["stage"] == "clean"
    assert q[0]["reason"] and q[0]["content"]


def test_suite_level_failure_fails_the_run_and_rolls_back(tmp_path):
    inputs = tmp_path / "in"
    write_article(inputs, "ok.txt", "Judul berita tentang taman kota baru")
    for i in range(3):
        write_article(inputs, f"short{i}.txt", f"Judul berita pendek nomor {i}", SHORT_BODY.format(i))
    out = tmp_path / "out"
    m = run_plain(Settings(inputs=[str(inputs)], out=str(out)))
    assert m["status"] == "failed"
    assert "GX suite" in m["error"] and "limit" in m["error"]
    assert not list((out / "articles").rglob("*.parquet")) if (out / "articles").exists() else True
