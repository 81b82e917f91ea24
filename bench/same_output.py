"""Same output? `kabar run` of a base revision vs a checkout, table by table, row by row.

    .venv/bin/python bench/same_output.py                      # base main, after this checkout
    .venv/bin/python bench/same_output.py --base 7f31124 --after-repo ../other-worktree

A restructuring must not change what kabar writes. This script runs
`kabar run --full --no-prefect` once per corpus with the code of `--base` (a detached
`git worktree` outside the repo, its own `uv sync --frozen`) and with the code of
`--after-repo`, then compares the `articles` and `quarantine` tables column by column,
rows keyed by `source_uri`. Ignored: `run_id`, `ingested_at`, `quarantined_at`, and the
checkout folders in any text (replaced by `<repo>`). The run's counts (manifest) are
compared too, except the per-stage statistics, whose differences are shown as notes.

Corpora (written once under the cache folder, read by both sides at the same path, so
`source_uri`s match): the seeds, the WCXB dev pages as HTML, the same pages rendered as
text dumps (html-text, as `kabar/evaluate/gold.py` does) and the outlet dumps of the
tests. The "before" output is cached per base commit; reruns only run the "after" side.
Exit status 1 on any difference.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IGNORED = {"run_id", "ingested_at", "quarantined_at"}
TABLES = ("articles", "quarantine")
COUNTS = ("read", "loaded", "quarantined", "near_duplicates", "quarantine_reasons", "reconciled")


def sh(cmd: list[str], cwd: Path, env: dict | None = None) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} (in {cwd}) exited {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return proc.stdout


# ---------------------------------------------------------------- corpora


def build_corpora(base_tree: Path, root: Path) -> dict[str, Path]:
    """Input folders, made from the base revision's files and the shared WCXB pages."""
    wcxb = REPO.parent / "shared" / "datasets" / "wcxb-dev-articles" / "html"
    names = {"seeds": root / "seeds", "wcxb-html": root / "wcxb-html", "wcxb-text": root / "wcxb-text",
             "outlet-dumps": root / "outlet-dumps"}
    if (root / ".complete").exists():
        return names
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(base_tree / "seeds", names["seeds"])
    shutil.copytree(base_tree / "tests" / "enrich" / "data" / "outlet_dumps", names["outlet-dumps"])
    names["wcxb-html"].mkdir(parents=True)
    names["wcxb-text"].mkdir(parents=True)
    pages = sorted(wcxb.glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no WCXB pages in {wcxb}")
    html = {p.name[: -len(".html.gz")]: gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace") for p in pages}
    for name, page in html.items():
        (names["wcxb-html"] / f"{name}.html").write_text(page, encoding="utf-8")
    # the html-text rendering is the base revision's, so both sides read the same dumps
    script = ("import json,sys\nfrom pathlib import Path\nfrom kabar.evaluate.gold import render_visible_text\n"
              "src, dst = Path(sys.argv[1]), Path(sys.argv[2])\n"
              "for p in sorted(src.glob('*.html')):\n"
              "    (dst / (p.stem + '.txt')).write_text(render_visible_text(p.read_text(encoding='utf-8')), encoding='utf-8')\n")
    sh([str(base_tree / ".venv" / "bin" / "python"), "-c", script, str(names["wcxb-html"]), str(names["wcxb-text"])],
       cwd=base_tree)
    (root / ".complete").write_text("")
    return names


# ---------------------------------------------------------------- runs


def base_tree(commit: str, cache: Path) -> Path:
    tree = cache / f"tree-{commit[:12]}"
    if not (tree / ".venv" / "bin" / "kabar").exists():
        if tree.exists():
            sh(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO)
        sh(["git", "worktree", "add", "--detach", str(tree), commit], cwd=REPO)
        sh(["uv", "sync", "--frozen", "--quiet", "--compile-bytecode"], cwd=tree)
    return tree


def run_kabar(repo: Path, corpus: Path, out: Path) -> dict:
    """`kabar run --full --no-prefect` of `repo`'s code over `corpus`; returns the manifest."""
    shutil.rmtree(out, ignore_errors=True)
    # run from the corpus' parent with a relative input: source_uri is the same for both sides
    proc = subprocess.run([str(repo / ".venv" / "bin" / "kabar"), "run", corpus.name, "--out", str(out), "--full",
                           "--no-prefect"], cwd=corpus.parent, capture_output=True, text=True,
                          env={**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    manifests = sorted((out / "runs").glob("*.json"))
    if not manifests:
        raise SystemExit(f"kabar run in {repo} over {corpus} wrote no manifest:\n{proc.stderr[-4000:]}")
    return json.loads(manifests[-1].read_text())


def read_rows(out: Path, table: str, repo: Path) -> dict[tuple[str, int], dict]:
    import pyarrow.dataset as ds

    folder = out / table
    if not folder.exists():
        return {}
    t = ds.dataset(str(folder), format="parquet", partitioning="hive").to_table()
    cols = [c for c in t.column_names if c not in IGNORED and c != "ingest_date"]
    rows = [{c: _norm(v, repo) for c, v in r.items() if c in cols} for r in t.to_pylist()]
    rows.sort(key=lambda r: (r.get("source_uri") or "", json.dumps(r, sort_keys=True, default=str)))
    keyed: dict[tuple[str, int], dict] = {}
    seen: Counter = Counter()
    for r in rows:  # one file can give several rows (multi-record inputs): number them per source_uri
        uri = r.get("source_uri") or ""
        keyed[(uri, seen[uri])] = r
        seen[uri] += 1
    return keyed


def _norm(v, repo: Path):
    if isinstance(v, str):
        return v.replace(str(repo), "<repo>")
    if isinstance(v, list):
        return [_norm(x, repo) for x in v]
    if isinstance(v, dict):
        return {k: _norm(x, repo) for k, x in v.items()}
    return v


# ---------------------------------------------------------------- compare


def compare(before: dict, after: dict, table: str, examples: int) -> list[str]:
    diffs: list[str] = []
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        if b is None or a is None:
            diffs.append(f"{table} {key[0]}: row only {'after' if b is None else 'before'}")
            continue
        for col in sorted(set(b) | set(a)):
            if b.get(col) != a.get(col):
                diffs.append(f"{table} {key[0]} [{col}]: before {_short(b.get(col))} | after {_short(a.get(col))}")
    return diffs


def _short(v, n: int = 160) -> str:
    s = json.dumps(v, ensure_ascii=False, default=str)
    return s if len(s) <= n else s[:n] + "…"


def compare_counts(b: dict, a: dict) -> tuple[list[str], list[str]]:
    diffs = [f"manifest {k}: before {b['counts'].get(k)} | after {a['counts'].get(k)}"
             for k in COUNTS if b["counts"].get(k) != a["counts"].get(k)]
    if b["status"] != a["status"]:
        diffs.append(f"manifest status: before {b['status']} | after {a['status']}")
    notes = [f"per_stage {k}: before {b['counts']['per_stage'].get(k)} | after {a['counts']['per_stage'].get(k)}"
             for k in sorted(set(b["counts"]["per_stage"]) | set(a["counts"]["per_stage"]))
             if b["counts"]["per_stage"].get(k) != a["counts"]["per_stage"].get(k)]
    return diffs, notes


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--base", default="main", help="git revision of the 'before' output (default: main)")
    p.add_argument("--after-repo", default=str(REPO), help="checkout whose code makes the 'after' output")
    p.add_argument("--cache", default=os.environ.get("KABAR_SAME_OUTPUT_CACHE",
                                                     str(Path.home() / ".cache" / "kabar-same-output")))
    p.add_argument("--corpora", default="seeds,wcxb-html,wcxb-text,outlet-dumps")
    p.add_argument("--examples", type=int, default=5, help="differences shown per corpus")
    p.add_argument("--outputs", nargs=2, metavar=("BEFORE", "AFTER"),
                   help="compare two output folders already written (e.g. a benchmark's base2 and kabar2 runs: "
                        "the process pool and the shard plan, which --no-prefect runs do not exercise)")
    a = p.parse_args(argv)
    if a.outputs:
        return compare_outputs(Path(a.outputs[0]), Path(a.outputs[1]), a.examples)
    cache = Path(a.cache).resolve()
    after_repo = Path(a.after_repo).resolve()
    commit = sh(["git", "rev-parse", a.base + "^{commit}"], cwd=REPO).strip()
    tree = base_tree(commit, cache)
    corpora = build_corpora(tree, cache / f"inputs-{commit[:12]}")
    if not (after_repo / ".venv" / "bin" / "kabar").exists():
        sh(["uv", "sync", "--frozen", "--quiet"], cwd=after_repo)
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=after_repo, capture_output=True, text=True).stdout.strip()

    dirty = " + uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else ""
    print(f"before: {commit[:12]} ({a.base})   after: {after_repo.name} at {git('rev-parse', '--short', 'HEAD') or '?'}{dirty}")
    failed = False
    for name in [c.strip() for c in a.corpora.split(",") if c.strip()]:
        corpus = corpora[name]
        before_out = cache / f"out-{commit[:12]}" / name
        if not (before_out / ".done").exists():
            run_kabar(tree, corpus, before_out)
            (before_out / ".done").write_text("")
        after_out = cache / f"after-{after_repo.name}" / name
        run_kabar(after_repo, corpus, after_out)
        mb = json.loads(sorted((before_out / "runs").glob("*.json"))[-1].read_text())
        ma = json.loads(sorted((after_out / "runs").glob("*.json"))[-1].read_text())
        diffs, notes = compare_counts(mb, ma)
        n_rows = {}
        for table in TABLES:
            rb, ra = read_rows(before_out, table, tree), read_rows(after_out, table, after_repo)
            n_rows[table] = (len(rb), len(ra))
            diffs += compare(rb, ra, table, a.examples)
        rows = ", ".join(f"{t} {b}/{af}" for t, (b, af) in n_rows.items())
        if diffs:
            failed = True
            print(f"{name:13} {len(diffs)} difference(s)   [rows before/after: {rows}]")
            for d in diffs[: a.examples]:
                print(f"    {d}")
        else:
            print(f"{name:13} identical   [rows before/after: {rows}; status {ma['status']}]")
        for n in notes[: a.examples]:
            print(f"    note: {n}")
    print("RESULT:", "DIFFERENT" if failed else "identical")
    return 1 if failed else 0


def compare_outputs(before_out: Path, after_out: Path, examples: int) -> int:
    mb = json.loads(max((before_out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime).read_text())
    ma = json.loads(max((after_out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime).read_text())
    diffs, notes = compare_counts(mb, ma)
    for table in TABLES:
        rb, ra = read_rows(before_out, table, REPO), read_rows(after_out, table, REPO)
        table_diffs = compare(rb, ra, table, examples)
        print(f"{table:11} rows before {len(rb)}, after {len(ra)}: {len(table_diffs)} difference(s)")
        diffs += table_diffs
    for d in diffs[:examples]:
        print(f"    {d}")
    for n in notes[:examples]:
        print(f"    note: {n}")
    print("RESULT:", "DIFFERENT" if diffs else "identical")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
