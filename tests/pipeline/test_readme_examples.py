"""The README's analyst examples run as written (DuckDB and pandas) on the output of two crawls,
and article versions behave as documented: an edit is the next version, an unchanged page adds nothing."""
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
SECTIONS = ("## For analysts: reading the data", "### Articles across crawls: the latest version",
            "### Who is quoted: the `sources` dataset")


def blocks(lang: str) -> list[str]:
    out = []
    for heading in SECTIONS:
        part = README.split(heading, 1)[1].split("\n### ", 1)[0]
        out += re.findall(rf"```{lang}\n(.*?)```", part, flags=re.S)
    return out


def crawl(inputs: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", "run", str(inputs), "--out", str(out), "--no-prefect"],
                          capture_output=True, text=True, timeout=300, cwd=out.parent)


def jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory, seeds_dir):
    base = tmp_path_factory.mktemp("readme")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    urls = [f"https://www.kabar.test/read/{i}?utm_source=feed" for i in range(len(texts))]
    jsonl(base / "night1" / "a.jsonl", [{"url": u, "text": t} for u, t in zip(urls, texts)])
    out = base / "data" / "out"
    out.parent.mkdir()
    first = crawl(base / "night1", out)
    assert first.returncode == 0, first.stdout + first.stderr
    # night 2: page 0 edited (same URL, another form of it), page 1 unchanged, the rest not crawled
    lines = texts[0].splitlines()
    lines.insert(min(12, len(lines)), "Pembaruan: pemerintah kota menambahkan keterangan baru tentang jadwal "
                                      "pembangunan dan anggaran yang disetujui dewan kota pekan ini.")
    edited = "\n".join(lines)
    jsonl(base / "night2" / "b.jsonl", [{"url": "http://kabar.test/read/0/", "text": edited},
                                        {"url": urls[1], "text": texts[1]}])
    second = crawl(base / "night2", out)
    assert second.returncode == 0, second.stdout + second.stderr
    return base, len(texts)


def test_versions_across_two_crawls(two_crawls):
    base, n = two_crawls
    a = pd.read_parquet(base / "data" / "out" / "articles")
    assert len(a) == n + 1 and a.article_id.nunique() == n
    v = a.groupby("article_id").version.max()
    assert sorted(v) == [1] * (n - 1) + [2]
    q = pd.read_parquet(base / "data" / "out" / "quarantine")
    assert list(q.reason) == ["already_loaded"]  # the unchanged re-crawl adds nothing


def test_readme_sql_runs_as_written(two_crawls, monkeypatch):
    base, n = two_crawls
    monkeypatch.chdir(base)  # the README's paths are relative: data/out/...
    con = duckdb.connect()
    results = []
    for block in blocks("sql"):
        for stmt in [s for s in block.split(";") if re.sub(r"--.*", "", s).strip()]:
            results.append(con.sql(stmt).fetchall())
    latest, people, media = results[2], results[3], results[4]
    assert len(latest) == n  # one row per article
    assert people and all(r[3] > 0 for r in people)  # quotes per person, outlet, week
    assert isinstance(media, list)


def test_readme_python_runs_as_written(two_crawls, monkeypatch):
    base, n = two_crawls
    monkeypatch.chdir(base)
    env: dict = {}
    for block in blocks("python"):
        exec(block, env)
    assert len(env["latest"]) == n and env["latest"].version.max() == 2
    assert len(env["top"]) > 0 and len(env["quarantine"]) == 1


def test_compact_keeps_every_row_and_the_examples_working(two_crawls, monkeypatch):
    base, n = two_crawls
    out = base / "data" / "out"
    before = pd.read_parquet(out / "articles").sort_values("doc_id").reset_index(drop=True)
    parts_before = len([p for d in ("articles", "quarantine", "sources") for p in out.glob(f"{d}/*/*.parquet")])
    p = subprocess.run([sys.executable, "-m", "kabar.cli", "compact", "--out", str(out)], capture_output=True,
                       text=True, timeout=120, cwd=REPO)
    assert p.returncode == 0, p.stderr
    assert f"{parts_before} part(s) into 3" in p.stdout  # one file per dataset and day
    after = pd.read_parquet(out / "articles").sort_values("doc_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(before.drop(columns="ingest_date"), after.drop(columns="ingest_date"))
    assert len(list(out.glob("articles/*/*.parquet"))) == len(list(out.glob("articles/*")))
    test_readme_sql_runs_as_written(two_crawls, monkeypatch)


def test_an_output_folder_of_an_earlier_kabar_gets_a_clear_message(tmp_path, seeds_dir):
    out = tmp_path / "data" / "out"
    (out / "_state" / "commits").mkdir(parents=True)
    (out / "_state" / "commits" / "r.json").write_text('{"run_id": "r", "parts": [], "inputs": {}}')
    p = crawl(seeds_dir, out)
    assert p.returncode == 1 and "written by an earlier kabar" in p.stderr and "--full" in p.stderr
    assert "Traceback" not in p.stderr
